// Demo section (targets): the sample brand's 2026 plan cascaded exactly to quarters, months and
// weeks, down to regions, areas and dealers, and tracked against the monthly actuals to date.
import {
  adjustTarget,
  cascadeHierarchy,
  cascadeTarget,
  cascadeTargets,
  defineGregorianCalendar,
  explainAdjustment,
  explainCascade,
  explainTracking,
  trackTarget,
  type TargetHierarchyNode,
  type TargetTreeNode,
} from 'dealerkit/targets';
import { network, plan } from '../data/index.js';
import { grouped, table, title } from '../lib/table.js';

const pct = (d: { times(n: number): { toFixed(n: number): string } } | null) => (d === null ? '' : `${d.times(100).toFixed(2)}%`);

export function targetsSection(): string[] {
  const out: string[] = [];
  const calendar = defineGregorianCalendar({ year: plan.year });
  const workdays = { holidays: plan.holidays };

  // 1. The year to quarters, months (seasonality) and weeks (working days, cut at month ends).
  const year = cascadeTarget(
    {
      calendar,
      levels: ['quarter', 'month', 'week'],
      spread: [{ profile: plan.seasonality }, { profile: plan.seasonality }, 'workdays'],
      weeks: 'split',
      workdays,
    },
    plan.total,
  );
  out.push(title(`${network.brand}: the ${plan.year} plan of ${grouped(plan.total)} cascaded exactly (seasonal months, weeks by working days)`));
  const rows = year.periods.flatMap((q) => [
    ...q.children.map((m) => [m.period, m.workdays, m.weight, `${m.weight}/${m.weightTotal}`, grouped(m.target), m.children.length, grouped(m.children.reduce((a, w) => a.plus(w.target), m.target.minus(m.target)))]),
    [`${q.period}`, q.workdays, q.weight, `${q.weight}/${q.weightTotal}`, grouped(q.target), '', ''],
  ]);
  out.push(table(['period', 'workdays', 'season', 'share', 'target', 'weeks', 'weeks sum'], rows));
  out.push(
    `levels: ${year.levelSums.map((l) => `${l.count} ${l.kind}s sum to ${grouped(l.sum)}`).join('; ')}`,
    `the seeds' figures: months of 8,333,333 (× 12 = 99,999,996) and weeks of 2,083,333 (a 48-week year); ${plan.year} has ${calendar.weeks.length} ISO weeks, the first and last cut at the year's ends: ${year.partialWeeks.map((w) => `${w.period} ${w.daysInYear}/7 days`).join(', ')}`,
    'In words (the year and its first quarter):',
    ...explainCascade(year).slice(0, 6).map((s) => `  ${s}`),
  );

  // 2. Down the territory tree: region weights from the plan, areas and dealers by 2025 sales.
  const sales2025 = (id: string) => network.dealers.find((d) => d.id === id)!.quarters.reduce((a, q) => a + q.sales, 0);
  const tree: TargetTreeNode = {
    id: network.brand,
    children: network.regions.map((r) => ({
      id: r.id,
      weight: plan.regionWeights[r.id]!,
      children: r.areas.map((a) => ({
        id: a.id,
        children: network.dealers.filter((d) => d.area === a.id).map((d) => ({ id: d.id, weight: sales2025(d.id) })),
      })),
    })),
  };
  // The launch-stage dealer with the smallest 2025 sales gets a true minimum target.
  const newDealer = network.dealers.filter((d) => d.stage === 'launch').sort((a, b) => sales2025(a.id) - sales2025(b.id))[0]!;
  const floor = 6_500_000;
  const h = cascadeHierarchy(tree, plan.total, { floors: { [newDealer.id]: floor }, uplift: [1, 1, '1.05'] });
  out.push('', title(`Down the territory tree: regions by the plan's weights, dealers by 2025 sales (a floor of ${grouped(floor)} for ${newDealer.id})`));
  const treeRows: (string | number)[][] = [];
  const walk = (n: TargetHierarchyNode, depth: number) => {
    if (depth > 0) {
      treeRows.push([
        `${'  '.repeat(depth - 1)}${n.id}`,
        grouped(n.weight),
        grouped(n.target),
        n.floorBinds ? 'floor binds' : n.roundedUp ? '+1 unit' : '',
        n.assigned === null ? '' : grouped(n.assigned),
      ]);
    }
    n.children.forEach((c) => walk(c, depth + 1));
  };
  walk(h.root, 0);
  out.push(table(['territory / dealer', 'weight', 'target', 'note', 'assigned (dealers +5%)'], treeRows));
  const dealers = h.root.children.flatMap((r) => r.children.flatMap((a) => a.children));
  out.push(`${dealers.length} dealers sum to ${grouped(dealers.reduce((a, d) => a.plus(d.target), h.total.minus(h.total)))}; every area sums to its region and every region to the plan`);

  // 3. Each dealer's year over the weeks, the brand's seasonal months and working-day weeks.
  const dealerYears = cascadeTargets(
    { calendar, levels: ['month', 'week'], weeks: 'split', spread: [{ profile: plan.seasonality }, 'workdays'], workdays },
    dealers.map((d) => ({ id: d.id, total: d.target })),
  );
  out.push('', title('Each dealer over the weeks (seasonal months, working-day weeks), summing exactly'));
  out.push(
    table(
      ['dealer', 'target', 'week parts', 'smallest', 'largest', 'weeks sum'],
      dealers.map((d, i) => {
        const weeks = dealerYears.rows[i]!.result!.periods.flatMap((m) => m.children);
        const ts = weeks.map((w) => w.target);
        const min = ts.reduce((a, t) => (t.lt(a) ? t : a));
        const max = ts.reduce((a, t) => (t.gt(a) ? t : a));
        return [d.id, grouped(d.target), weeks.length, grouped(min), grouped(max), grouped(ts.reduce((a, t) => a.plus(t)))];
      }),
    ),
    `(${dealerYears.rows[0]!.result!.levelSums[1]!.count} week parts a year: the ISO weeks cut at month ends and at the year's ends; a part with no working day, such as 2026-W40@2026-10 inside the National Day holiday, gets 0)`,
  );

  // 4. Track the monthly actuals as of the plan's date.
  const pace = trackTarget(year, plan.actuals, { asOf: plan.asOf });
  out.push('', title(`Tracking as of ${plan.asOf}: the plan's own seasonal distribution against the monthly actuals`));
  out.push(
    table(
      ['month', 'target', 'expected', 'actual', 'attainment', 'gap (behind +)'],
      pace.periods
        .filter((p) => p.kind === 'month' && p.status !== 'future')
        .map((p) => [p.period, grouped(p.target), grouped(p.expectedToDate), grouped(p.actualToDate ?? ''), pct(p.attainment), grouped(p.gap ?? '')]),
    ),
    table(
      ['measure', 'value'],
      [
        ['expected to date', grouped(pace.expectedToDate)],
        ['actual to date', grouped(pace.actualToDate)],
        ['attainment', pct(pace.attainment)],
        ['gap (expected − actual)', grouped(pace.gap)],
        ['run-rate forecast (linear in days)', grouped(pace.runRateForecast ?? '')],
        ['forecast if the rest goes to plan', grouped(pace.planForecast)],
        ['needed for the rest of the year', grouped(pace.remaining)],
        ['required rate against the remaining plan', pct(pace.requiredRate)],
        ['required per day', grouped(pace.requiredPerDay ?? '')],
      ],
    ),
    'In words:',
    ...explainTracking(pace).map((s) => `  ${s}`),
    ...pace.warnings.map((w) => `  (${w.code}: ${w.message})`),
  );

  // 5. The elastic rule: south's demand falls 12 %.
  const south = h.root.children.find((r) => r.id === 'south')!;
  const adj = adjustTarget(
    {
      rules: [
        { drop: '0.05', targetFactor: '0.97', rewardCoefficient: '1.02' },
        { drop: '0.1', targetFactor: '0.92', rewardCoefficient: '1.05' },
        { drop: '0.2', targetFactor: '0.85', rewardCoefficient: '1.1' },
      ],
    },
    { target: south.target, demandChange: '-0.12' },
  );
  out.push('', `Elastic rule for south: ${explainAdjustment(adj).join(' ')}`);
  return out;
}
