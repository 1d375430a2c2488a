// Demo section (foundation): the exact split of the 100,000,000 annual plan, beside the seeds' figures.
import { allocate, allocateEvenly, type Decimal } from 'dealerkit';
import { network, plan } from '../data/index.js';
import { grouped, table, title } from '../lib/table.js';

function sum(parts: Decimal[]): Decimal {
  return parts.reduce((a, p) => a.plus(p));
}

export function planSplitSection(): string[] {
  const out: string[] = [title(`${network.brand}: the ${plan.year} plan of ${grouped(plan.total)} split exactly`)];
  const quarters = allocateEvenly(plan.total, 4, { scale: 0 });
  const months = allocateEvenly(plan.total, 12, { scale: 0 });
  const seedsMonth = 8_333_333;
  out.push(
    table(
      ['month', 'dealerkit', "seeds' figure", 'difference'],
      months.map((m, i) => [`${plan.year}-${String(i + 1).padStart(2, '0')}`, grouped(m), grouped(seedsMonth), grouped(m.minus(seedsMonth))]),
    ),
  );
  out.push(
    `months sum to ${grouped(sum(months))} (the seeds' twelve months of ${grouped(seedsMonth)} sum to ${grouped(seedsMonth * 12)}); ` +
      `quarters: ${quarters.map((q) => grouped(q)).join(' + ')} = ${grouped(sum(quarters))}`,
  );
  const regionIds = Object.keys(plan.regionWeights);
  const regions = allocate(plan.total, regionIds.map((r) => plan.regionWeights[r]!), { scale: 0 });
  out.push(
    '',
    table(
      ['region', 'weight', 'target'],
      regionIds.map((r, i) => [r, plan.regionWeights[r]!, grouped(regions[i]!)]),
    ),
    `regions sum to ${grouped(sum(regions))}`,
  );
  return out;
}
