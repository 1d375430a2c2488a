// The rules of src/rebates/kernel.ts, one branch at a time, with figures derived by hand. The kernel
// is written once and shared by the Decimal and the scaled paths, so the equivalence laws between
// the two cannot tell a wrong rule from a right one: only hand-derived figures can. Each row states
// the program, the dealer and the arithmetic; every figure of the result is compared.
import { describe, expect, it } from 'vitest';
import { calculateRebate, calculateRebates, defineRebateProgram, type RebateInput, type RebateProgramSpec } from 'dealerkit';

const line = { currency: 'EUR', rounding: { stage: 'line' } } as const;

interface Row {
  why: string;
  spec: RebateProgramSpec;
  input: RebateInput;
  /** rebate, unrounded, tier index, eligible, minimumApplied, capApplied, multiplier, warning codes */
  want: [string, string, number, boolean, boolean, boolean, string, string[]];
}

const upTo: RebateProgramSpec = { ...line, basis: 'amount', method: 'incremental', tiers: [{ upTo: 1000, rate: '0.01' }, { upTo: 5000, rate: '0.02' }, { upTo: null, rate: '0.03' }] };
const growth: RebateProgramSpec = { ...line, basis: 'growth', method: 'incremental', tiers: [{ from: 0, rate: '0.01' }, { from: 1000, rate: '0.02' }] };
const twoGates: RebateProgramSpec = {
  ...line,
  basis: 'amount',
  method: 'retroactive',
  tiers: [{ from: 0, rate: '0.1' }],
  gates: [{ metric: 'a', op: '>=', value: 1, onFail: { factor: '0.5' } }, { metric: 'b', op: '<', value: 5, onFail: { factor: '0.8' } }],
};
const zeroGateMin: RebateProgramSpec = {
  ...line,
  basis: 'amount',
  method: 'retroactive',
  tiers: [{ from: 0, rate: '0.01' }],
  gates: [{ metric: 'a', op: '>', value: 1, onFail: 'zero' }],
  minimum: { amount: 50, whenBelow: 'raise' },
};
const forfeit: RebateProgramSpec = { ...line, basis: 'amount', method: 'retroactive', tiers: [{ from: 0, rate: '0.01' }], minimum: { amount: 50, whenBelow: 'forfeit' } };
const twoTables: RebateProgramSpec = {
  ...line,
  basis: 'amount',
  method: 'retroactive',
  tiers: [{ from: 0, rate: '0.1' }],
  multipliers: [
    { metric: 'd', bands: [{ from: 0, factor: '1.1' }, { from: 30, factor: 1 }, { from: 60, factor: '0.8' }] },
    { metric: 'e', bands: [{ from: 0, factor: 1 }, { from: 10, factor: '1.5' }] },
  ],
};
const bothCaps: RebateProgramSpec = { ...line, basis: 'amount', method: 'retroactive', tiers: [{ from: 0, rate: '0.1' }], cap: { amount: 120, rateOfBase: '0.0333' } };
const halfCents: Omit<RebateProgramSpec, 'rounding'> = { currency: 'EUR', basis: 'amount', method: 'incremental', tiers: [{ from: 0, rate: '0.015' }, { from: 333, rate: '0.025' }] };
const zeroBase: RebateProgramSpec = { ...line, basis: 'growthRate', method: 'retroactive', zeroBaseline: 'highest-tier', tiers: [{ from: 0, rate: '0.01' }, { from: '0.1', rate: '0.02' }] };

const ROWS: Row[] = [
  // upTo bounds, incremental: each band (lo, hi] at its rate.
  { why: 'upTo incremental, 6,000: 1,000 × 1 % + 4,000 × 2 % + 1,000 × 3 % = 10 + 80 + 30', spec: upTo, input: { sales: 6000 }, want: ['120', '120', 2, true, false, false, '1', []] },
  { why: 'upTo incremental, 5,000 is still the second band (inclusive upper bound): 10 + 80', spec: upTo, input: { sales: 5000 }, want: ['90', '90', 1, true, false, false, '1', []] },
  { why: 'upTo incremental, 1,000 is the first band: 1 % × 1,000', spec: upTo, input: { sales: 1000 }, want: ['10', '10', 0, true, false, false, '1', []] },
  { why: 'upTo retroactive, 1,000.01 passes the first bound: 2 % × 1,000.01 = 20.0002 → 20.00', spec: { ...upTo, method: 'retroactive' }, input: { sales: 1000.01 }, want: ['20', '20.0002', 1, true, false, false, '1', ['retroactive-jump']] },
  // Growth, incremental: bands in sales terms are baseline + from: [5,000, 6,000] and [6,000, ...).
  { why: "growth incremental on the increment: 7,000 over 5,000: 1,000 × 1 % + 1,000 × 2 % = 30", spec: growth, input: { sales: 7000, baseline: 5000 }, want: ['30', '30', 1, true, false, false, '1', []] },
  { why: "growth incremental applyTo 'net': the first band starts at 0: 6,000 × 1 % + 1,000 × 2 % = 80", spec: { ...growth, applyTo: 'net' }, input: { sales: 7000, baseline: 5000 }, want: ['80', '80', 1, true, false, false, '1', []] },
  { why: "growth retroactive applyTo 'net': 2 % × the whole 7,000 = 140", spec: { ...growth, method: 'retroactive', applyTo: 'net' }, input: { sales: 7000, baseline: 5000 }, want: ['140', '140', 1, true, false, false, '1', []] },
  { why: 'growth retroactive on the increment: 2 % × 2,000 = 40', spec: { ...growth, method: 'retroactive' }, input: { sales: 7000, baseline: 5000 }, want: ['40', '40', 1, true, false, false, '1', []] },
  { why: 'sales below the baseline: no growth, nothing to pay, warned', spec: growth, input: { sales: 4000, baseline: 5000 }, want: ['0', '0', 0, true, false, false, '1', ['negative-growth']] },
  // Over-achievement: the award is on sales above the threshold only.
  {
    why: 'award at exactly 100 % of target: base 1,000 − 1,000 = 0, so 1 % × 1,000 = 10 alone',
    spec: { ...line, basis: 'attainment', method: 'retroactive', tiers: [{ from: 0, rate: '0.01' }], overAchievement: { above: 1, rate: '0.05' } },
    input: { sales: 1000, target: 1000 },
    want: ['10', '10', 0, true, false, false, '1', []],
  },
  {
    why: 'award 1 above the threshold: 1 % × 1,001 = 10.01 plus 5 % × 1 = 0.05',
    spec: { ...line, basis: 'attainment', method: 'retroactive', tiers: [{ from: 0, rate: '0.01' }], overAchievement: { above: 1, rate: '0.05' } },
    input: { sales: 1001, target: 1000 },
    want: ['10.06', '10.06', 0, true, false, false, '1', []],
  },
  // Gates: failed factors multiply; a 'zero' gate makes the dealer ineligible (no minimum then).
  { why: 'both gates fail (a 0 < 1, b 5 not < 5): 10 % × 1,000 = 100 × 0.5 × 0.8 = 40', spec: twoGates, input: { sales: 1000, metrics: { a: 0, b: 5 } }, want: ['40', '40', 0, true, false, false, '1', []] },
  { why: 'a passes at exactly 1 (>=), b fails at exactly 5 (<): 100 × 0.8 = 80', spec: twoGates, input: { sales: 1000, metrics: { a: 1, b: 5 } }, want: ['80', '80', 0, true, false, false, '1', []] },
  { why: 'both pass (b 4.99 < 5): 100', spec: twoGates, input: { sales: 1000, metrics: { a: 1, b: 4.99 } }, want: ['100', '100', 0, true, false, false, '1', []] },
  { why: "a 'zero' gate failing at the bound (1 is not > 1): ineligible, so the minimum does not raise 0", spec: zeroGateMin, input: { sales: 1000, metrics: { a: 1 } }, want: ['0', '0', 0, false, false, false, '1', []] },
  { why: 'the gate passing (1.01 > 1): 1 % × 1,000 = 10 is raised to the minimum 50', spec: zeroGateMin, input: { sales: 1000, metrics: { a: 1.01 } }, want: ['50', '50', 0, true, true, false, '1', []] },
  // Minimum 'forfeit': a rebate below it is dropped; 0 stays 0 without the flag; the minimum itself is kept.
  { why: 'forfeit with nothing earned: 0 is not changed, the minimum is not applied', spec: forfeit, input: { sales: 0 }, want: ['0', '0', 0, true, false, false, '1', []] },
  { why: 'forfeit: 1 % × 3,000 = 30 < 50 is forfeited', spec: forfeit, input: { sales: 3000 }, want: ['0', '0', 0, true, true, false, '1', []] },
  { why: 'forfeit: 1 % × 5,000 = 50 is not below 50', spec: forfeit, input: { sales: 5000 }, want: ['50', '50', 0, true, false, false, '1', []] },
  // Multipliers: each table's band is the last whose from the metric reaches; the factors multiply.
  { why: 'd 30 → × 1, e 10 → × 1.5: 100 × 1.5 = 150', spec: twoTables, input: { sales: 1000, metrics: { d: 30, e: 10 } }, want: ['150', '150', 0, true, false, false, '1.5', []] },
  { why: 'd 29.99 → × 1.1, e 9.99 → × 1: 110', spec: twoTables, input: { sales: 1000, metrics: { d: 29.99, e: 9.99 } }, want: ['110', '110', 0, true, false, false, '1.1', []] },
  { why: 'd 60 → × 0.8, e 10 → × 1.5: × 1.2 = 120', spec: twoTables, input: { sales: 1000, metrics: { d: 60, e: 10 } }, want: ['120', '120', 0, true, false, false, '1.2', []] },
  // Caps: the lower of the amount and the rate of the base, the rate's limit rounded down to the cent.
  { why: 'cap by rate lower: 10 % × 1,001 = 100.10; 3.33 % × 1,001 = 33.3333 → 33.33 < 120', spec: bothCaps, input: { sales: 1001 }, want: ['33.33', '33.33', 0, true, false, true, '1', []] },
  { why: 'cap by amount lower: 500 against 120 and 3.33 % × 5,000 = 166.50', spec: bothCaps, input: { sales: 5000 }, want: ['120', '120', 0, true, false, true, '1', []] },
  // Rounding stage: line rounds each band, total rounds the sum.
  { why: "line stage: 1.5 % × 333 = 4.995 → 5.00, 2.5 % × 333 = 8.325 → 8.33 (half-up): 13.33; exact 13.32", spec: { ...halfCents, rounding: { stage: 'line' } }, input: { sales: 666 }, want: ['13.33', '13.32', 1, true, false, false, '1', []] },
  { why: 'total stage: 4.995 + 8.325 = 13.32 rounded once', spec: { ...halfCents, rounding: { stage: 'total' } }, input: { sales: 666 }, want: ['13.32', '13.32', 1, true, false, false, '1', []] },
  // Negative figures and a zero baseline.
  { why: 'returns above sales: the net −200 counts as 0, so no fixed amount either (warned)', spec: { ...line, basis: 'amount', method: 'retroactive', tiers: [{ from: 0, rate: '0.01', fixed: 5 }] }, input: { sales: 100, returns: 300 }, want: ['0', '0', 0, true, false, false, '1', ['negative-net']] },
  { why: "zero baseline, 'highest-tier', but no sales: tier 1, nothing paid", spec: zeroBase, input: { sales: 0, baseline: 0 }, want: ['0', '0', 0, true, false, false, '1', ['zero-baseline']] },
  { why: "zero baseline, 'lowest-tier': 1 % × the increment 5,000 = 50", spec: { ...zeroBase, zeroBaseline: 'lowest-tier' }, input: { sales: 5000, baseline: 0 }, want: ['50', '50', 0, true, false, false, '1', ['zero-baseline']] },
];

describe('kernel rules, by hand', () => {
  for (const row of ROWS) {
    it(row.why, () => {
      const r = calculateRebate(defineRebateProgram(row.spec), row.input);
      expect([r.rebate.toString(), r.unrounded.toString(), r.tier.index, r.eligible, r.minimumApplied, r.capApplied, r.multiplier.toString(), r.warnings.map((w) => w.code)]).toEqual(row.want);
    });
  }
});

describe('the same rules on the batch path (scaled integers where the row fits), by the same hand figures', () => {
  for (const row of ROWS) {
    it(row.why, () => {
      const r = calculateRebates(defineRebateProgram(row.spec), [row.input]).rows[0]!.result!;
      expect([r.rebate.toString(), r.unrounded.toString(), r.tier.index, r.eligible, r.minimumApplied, r.capApplied, r.multiplier.toString(), r.warnings.map((w) => w.code)]).toEqual(row.want);
    });
  }
});
