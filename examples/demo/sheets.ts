// Demo section (sheets): the sample network as a spreadsheet user sees it, each column one formula
// of dealerkit/sheets (=DK.REBATE in Excel, =DK_REBATE in Google Sheets), computed here by the same
// functions the add-ins call.
import { DK_KPI_GRADE, DK_REBATE, DK_REBATE_NEXTGAP, DK_REBATE_TIER, DK_SPLIT } from 'dealerkit/sheets';
import { network } from '../data/index.js';
import { grouped, table, title } from '../lib/table.js';

// The tier table a user keeps in D1:E5: attainment steps and rates, header row included.
const TIERS = [['from', 'rate'], [0, 0], [0.9, 0.01], [1, 0.02], [1.1, 0.03]];
const GRADES = [['min', 'grade'], [0, 'watch'], [0.9, 'on track'], [1, 'achiever'], [1.1, 'star']];

export function sheetsSection(): string[] {
  const out: string[] = [title(`${network.brand}: the ${network.year} rebates as spreadsheet formulas`)];
  const rows = network.dealers.map((d) => {
    const net = d.quarters.reduce((s, q) => s + q.sales - q.returns, 0);
    return [
      d.id,
      d.name,
      grouped(net),
      grouped(d.target2025),
      DK_REBATE_TIER(net, TIERS, 'retroactive', d.target2025),
      DK_KPI_GRADE(Math.round((net / d.target2025) * 10000) / 10000, GRADES),
      grouped(DK_REBATE(net, TIERS, 'retroactive', d.target2025, network.currency)),
      grouped(DK_REBATE(net, TIERS, 'incremental', d.target2025, network.currency)),
      grouped(DK_REBATE_NEXTGAP(net, TIERS, 'retroactive', d.target2025)),
    ];
  });
  out.push(
    'A2 = net sales, B2 = target, D1:E5 = the tier table (from | rate by attainment)',
    '',
    table(
      ['dealer', 'name', 'net sales', 'target', 'DK.REBATE.TIER', 'DK.KPI.GRADE', 'DK.REBATE retro', 'DK.REBATE incr', 'DK.REBATE.NEXTGAP'],
      rows,
    ),
  );
  const quarters = DK_SPLIT(network.dealers[0]!.target2025, [[1], [1], [1], [1]]);
  out.push('', `=DK.SPLIT(${network.dealers[0]!.target2025}, {1;1;1;1}) spills ${quarters.map((r) => grouped(r[0])).join(', ')}`);
  return out;
}
