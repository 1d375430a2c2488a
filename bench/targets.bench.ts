// The whole target tree, exact: 100,000,000 down 10,000 dealers (regions → areas → dealers by
// market potential), then each dealer's target over the 53 weeks of NRF fiscal 2028 (quarters →
// periods → weeks by days), every level summing exactly to its parent. Baseline: the same tree in
// plain floats, each figure rounded on its own (no exactness: the levels drift from their parents).
import { cascadeHierarchy, cascadeTargets, defineNrfCalendar, type TargetTreeNode } from 'dealerkit/targets';
import { lcg, type Scenario } from './lib.js';

const N = Number(process.env.BENCH_N ?? 10_000);
const rand = lcg(7);
const REGIONS = 5;
const AREAS = 10;
const potentials: number[] = Array.from({ length: N }, () => 50 + Math.floor(rand() * 150));
// Dealer i sits in area i mod 50; with fewer than 50 dealers (BENCH_N), the empty areas and regions are left out.
const tree: TargetTreeNode = {
  id: 'brand',
  children: Array.from({ length: REGIONS }, (_, r) => ({
    id: `R${r}`,
    children: Array.from({ length: AREAS }, (_, a) => ({
      id: `R${r}A${a}`,
      children: potentials
        .map((p, i) => ({ i, p }))
        .filter(({ i }) => i % (REGIONS * AREAS) === r * AREAS + a)
        .map(({ i, p }) => ({ id: `D${i}`, weight: p })),
    })).filter((area) => area.children.length > 0),
  })).filter((region) => region.children.length > 0),
};
const calendar = defineNrfCalendar(2028);
const TOTAL = 100_000_000_00; // in cents: 100,000,000.00
const spec = { calendar, levels: ['quarter', 'month', 'week'] as const, spread: 'days' as const, rounding: { scale: 2 } };

interface FloatNode {
  id: string;
  start: string;
  end: string;
  days: number;
  target: number;
  children: FloatNode[];
}

// The calendar's nesting, worked out once outside the timings (the library works it out inside).
const nesting = calendar.quarters.map((q) => ({
  q,
  months: calendar.months
    .filter((m) => m.start >= q.start && m.end <= q.end)
    .map((m) => ({ m, weeks: calendar.weeks.filter((w) => w.start >= m.start && w.end <= m.end) })),
}));

function floatBaseline(): unknown {
  // Each figure is its own float share rounded to cents: dealers by weight, then each dealer's
  // quarters, months and weeks by days. Kept, like the library's result, as one tree per dealer.
  const total = TOTAL / 100;
  let sumW = 0;
  for (const p of potentials) sumW += p;
  const yearDays = calendar.days;
  const out: FloatNode[] = [];
  let check = 0;
  for (const r of tree.children!) {
    for (const a of r.children!) {
      for (const d of a.children!) {
        const dealer = Math.round(((total * (d.weight as number)) / sumW) * 100) / 100;
        const quarters: FloatNode[] = [];
        for (const { q, months } of nesting) {
          const ms: FloatNode[] = [];
          for (const { m, weeks } of months) {
            const ws: FloatNode[] = [];
            for (const w of weeks) {
              const t = Math.round(((dealer * w.days) / yearDays) * 100) / 100;
              check += t;
              ws.push({ id: w.period, start: w.start, end: w.end, days: w.days, target: t, children: [] });
            }
            ms.push({ id: m.period, start: m.start, end: m.end, days: m.days, target: Math.round(((dealer * m.days) / yearDays) * 100) / 100, children: ws });
          }
          quarters.push({ id: q.period, start: q.start, end: q.end, days: q.days, target: Math.round(((dealer * q.days) / yearDays) * 100) / 100, children: ms });
        }
        out.push({ id: d.id, start: calendar.start, end: calendar.end, days: yearDays, target: dealer, children: quarters });
      }
    }
  }
  return out.length + check;
}

/** The whole tree: the dealers' targets down the territories, then each dealer's year over the weeks. */
function libraryRun(detail: 'full' | 'summary'): number;
function libraryRun(detail: 'full' | 'summary', keep: true): unknown;
function libraryRun(detail: 'full' | 'summary', keep = false): unknown {
  const h = cascadeHierarchy(tree, '100000000.00', { rounding: { scale: 2 } });
  const dealers = h.root.children.flatMap((r) => r.children.flatMap((a) => a.children));
  const cascades = cascadeTargets(
    spec,
    dealers.map((d) => ({ id: d.id, total: d.target })),
    { detail },
  );
  if (keep) return [h, cascades];
  let check = 0;
  for (const row of cascades.rows) for (const q of row.result!.periods) for (const m of q.children) check += m.children.length;
  return check + cascades.rows.length;
}

export const scenarios: Scenario[] = [
  {
    name: `targets: 100,000,000.00 to ${N.toLocaleString('en')} dealers × 53 weeks (regions → areas → dealers → quarters → periods → weeks), exact, detail: 'summary'`,
    library: () => libraryRun('summary'),
    baseline: floatBaseline,
    goal: 2.5,
    rows: N,
    keep: () => libraryRun('summary', true),
    note: "the baseline rounds every figure on its own, so its weeks do not sum to their months nor its dealers to their areas; 'summary' keeps every figure (weight, weightTotal, roundedUp) but no steps",
  },
  {
    name: `targets: the same with detail: 'full' (every split of every dealer's cascade as a step with its sentence: ${(N * 17).toLocaleString('en')} steps)`,
    library: () => libraryRun('full'),
    baseline: floatBaseline,
    goal: 12,
    rows: N,
    keep: () => libraryRun('full', true),
  },
];
