// A defined rebate program read back from JSON (issue 18 part 1, KNOWN_OPEN 1 of the hostile run):
// accepted wherever the live program is, with the live program's results (the oracle, compared as
// JSON: figures as strings), and refused at the field when a derived field disagrees with the rest.
import { describe, expect, it } from 'vitest';
// The root entry (core and engines) with the chart and design functions that take a program too, imported by name:
// spreading the entries into one object at load would run their export getters outside any test.
import { DealerkitError, calculateRebate, calculateRebates, defineRebateProgram, settleRebate } from 'dealerkit';
import { chartRebateCurve } from 'dealerkit/charts';
import { compareRebatePrograms } from 'dealerkit/design';
import { thrown } from '../helpers.js';

/** What JSON makes of a value: Decimals become their plain text. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const json = (v: unknown): any => JSON.parse(JSON.stringify(v));
const where = (e: DealerkitError) => e.issues.map((i) => [i.path.join('.'), i.code, i.message]);
/** The message of a derived field that disagrees (core/defined.ts), written out here. */
const disagrees = (what: string, received: string, expected: string) =>
  `is ${received}, but ${what} defined again from this JSON has ${expected}: a field derived from the others must agree with them`;

describe('a rebate program read back from JSON gives the live program’s results', () => {
  const spec = {
    name: 'Dealer volume 2026',
    currency: 'EUR',
    rounding: { stage: 'line' as const },
    basis: 'amount' as const,
    method: 'retroactive' as const,
    tiers: [{ from: 0 }, { from: 5000, rate: '0.02', name: 'Silver', benefits: { brandFund: 100 } }, { from: 20000, rate: '0.04', name: 'Gold' }],
    gates: [{ metric: 'kpiScore', op: '>=' as const, value: 80, onFail: { factor: '0.5' } }],
    multipliers: [{ metric: 'turnover', bands: [{ from: 0, factor: 1 }, { from: 6, factor: '1.1' }] }],
    cap: { amount: 1000 },
    settlement: { advance: 'cumulative' as const, negativeTrueUp: 'clawback' as const },
  };
  const defined = () => defineRebateProgram(spec);
  const input = { sales: 6500, metrics: { kpiScore: 70, turnover: 7 } };

  it('calculateRebate: the same result, whose figures are derived by hand', () => {
    const program = defined();
    const live = calculateRebate(program, input);
    const back = calculateRebate(json(program), input);
    expect(json(back)).toEqual(json(live));
    // 6,500 reaches Silver (from 5,000): 2 % × 6,500 = 130; the failed gate halves it to 65;
    // turnover 7 is in the band from 6: × 1.1 = 71.50; below the cap of 1,000.
    expect(back.rebate.toFixed(2)).toBe('71.50');
  });

  it('calculateRebates, settleRebate, accrueRebate and chartRebateCurve: the same results', () => {
    const program = defined();
    const rows = [{ id: 'D1', sales: 900, metrics: { kpiScore: 100, turnover: 0 } }, { id: 'D2', ...input }, { id: 'D3', sales: 25000, metrics: { kpiScore: 90, turnover: 2 } }];
    expect(json(calculateRebates(json(program), rows))).toEqual(json(calculateRebates(program, rows)));
    const settlement = { periods: [{ period: 'Q1', sales: 4000 }, { period: 'Q2', sales: 3000 }], metrics: { kpiScore: 85, turnover: 1 } };
    expect(json(settleRebate(json(program), settlement))).toEqual(json(settleRebate(program, settlement)));
    expect(json(chartRebateCurve(json(program), input))).toEqual(json(chartRebateCurve(program, input)));
  });

  it('a program with upTo bounds: the same result (its lower bounds are the derived ones)', () => {
    const units = defineRebateProgram({
      currency: 'USD', rounding: { stage: 'line' }, basis: 'quantity', method: 'incremental',
      tiers: [{ upTo: 5, perUnit: 7 }, { upTo: 10, perUnit: 6 }, { upTo: null, perUnit: 5 }],
    });
    const back = calculateRebate(json(units), { quantity: 12 });
    expect(json(back)).toEqual(json(calculateRebate(units, { quantity: 12 })));
    // 5 × 7 + 5 × 6 + 2 × 5 = 35 + 30 + 10 = 75.
    expect(back.rebate.toString()).toBe('75');
  });

  const refused: [string, (p: ReturnType<typeof json>) => void, string, string, string][] = [
    ['a tier’s `to` that is not the next tier’s `from`', (p) => (p.tiers[0].to = '6000'), 'program.tiers.0.to', 'inconsistent', disagrees('the rebate program', '6000', '5000')],
    ['a tier’s `index` that is not its position', (p) => (p.tiers[1].index = 5), 'program.tiers.1.index', 'inconsistent', disagrees('the rebate program', '5', '1')],
    ['warnings left out', (p) => (p.warnings = []), 'program.warnings', 'inconsistent', disagrees('the rebate program', 'a list of 0 items', 'a list of 1 item')],
    // A gate that zeroes has the factor 0: `zero: true` beside the factor 0.5 contradicts itself.
    ['a gate that zeroes but keeps its factor', (p) => (p.gates[0].zero = true), 'program.gates.0.failFactor', 'inconsistent', disagrees('the rebate program', '0.5', '0')],
    ['a ratioScale that is no scale', (p) => (p.ratioScale = -1), 'program.ratioScale', 'out_of_range', 'must be at least 0, received -1'],
    ['a ratioScale of the wrong type', (p) => (p.ratioScale = '10'), 'program.ratioScale', 'invalid_type', 'must be a number, received "10"'],
    ['tiers out of order', (p) => (p.tiers[2].from = '1000'), 'program.tiers.2.from', 'not_ascending', 'must be greater than tiers[1].from (5000); list tiers in ascending order'],
    ['a benefit with more decimals than the money', (p) => (p.tiers[1].benefits[0].amount = '100.001'), 'program.tiers.1.benefits.0.amount', 'invalid_value', 'has more decimal places than the money scale (2), received 100.001'],
    ['a field a defined program never has', (p) => (p.extra = 1), 'program.extra', 'unknown_field', 'is not a known field'],
  ];
  it.each(refused)('refuses %s at its path', (_label, tamper, path, code, message) => {
    const p = json(defined());
    tamper(p);
    expect(where(thrown(() => calculateRebate(p, input)))).toEqual([[path, code, message]]);
  });

  it('a spec field edited in the JSON is an edited program, not a contradiction: a new valid ratioScale is honoured', () => {
    const attainment = defineRebateProgram({ currency: 'EUR', rounding: { stage: 'line' }, basis: 'attainment', method: 'retroactive', tiers: [{ from: 0 }, { from: '0.3', rate: '0.01' }] });
    const p = json(attainment);
    expect(p.ratioScale).toBe(10);
    p.ratioScale = 4;
    // 1,000 / 3,000 = 0.3333…: 0.3333333333 at the default 10 places, 0.3333 at 4.
    expect(String(calculateRebate(attainment, { sales: 1000, target: 3000 }).basisValue)).toBe('0.3333333333');
    expect(String(calculateRebate(p, { sales: 1000, target: 3000 }).basisValue)).toBe('0.3333');
  });

  it('compareRebatePrograms reads programs back from JSON at their index', () => {
    const program = defined();
    const p = json(program);
    p.tiers[0].to = '1';
    const e = thrown(() => compareRebatePrograms([program, p], [{ id: 'A', sales: 6500 }], [{ name: 'flat' }]));
    expect(e.issues.map((i) => [i.path.join('.'), i.code])).toEqual([['programs.1.tiers.0.to', 'inconsistent']]);
  });
});
