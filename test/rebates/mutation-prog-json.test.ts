// A defined program read back from its JSON (src/rebates/program-json.ts): the spec it is turned
// back into (nulls left out, upTo bounds from `to`, gates' onFail from `zero`/`failFactor`), and
// where a refusal of that spec lands in the JSON (a spec's `upTo` is the JSON's `to`, a benefit's
// key is its index in the list, a gate's `onFail.factor` is `failFactor`). Figures derived by hand.
import { describe, expect, it } from 'vitest';
import { calculateRebate, defineRebateProgram, type RebateInput } from 'dealerkit';
import { thrown } from './helpers.js';

/** What JSON makes of a value: Decimals become their plain text. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const json = (v: unknown): any => JSON.parse(JSON.stringify(v));
const refusal = (p: unknown, input: RebateInput) => {
  const e = thrown(() => calculateRebate(p as never, input));
  return { code: e.code, issues: e.issues.map((i) => ({ ...i })) };
};
const disagrees = (received: string, expected: string) =>
  `is ${received}, but the rebate program defined again from this JSON has ${expected}: a field derived from the others must agree with them`;

/** Units priced incrementally, up to 5 at 7, up to 10 at 6 (with two benefits), then 5; two gates. */
const unitsProgram = () => defineRebateProgram({
  currency: 'EUR',
  rounding: { stage: 'line' },
  basis: 'quantity',
  method: 'incremental',
  tiers: [{ upTo: 5, perUnit: 7 }, { upTo: 10, perUnit: 6, benefits: { fund: 1, extra: '2.5' } }, { upTo: null, perUnit: 5 }],
  gates: [
    { metric: 'k', op: '>=', value: 1, onFail: { factor: '0.5' } },
    { metric: 'z', op: '>=', value: 1, onFail: 'zero' },
  ],
});
const passing: RebateInput = { quantity: 12, metrics: { k: 2, z: 2 } };

describe('an upTo program read back', () => {
  it('computes as the live program: 5 × 7 + 5 × 6 + 2 × 5 = 75, with the benefits of the tier reached (tiers[2] earns none)', () => {
    const units = unitsProgram();
    const r = calculateRebate(json(units), passing);
    expect([r.rebate.toString(), r.tier?.index]).toEqual(['75', 2]);
    const mid = calculateRebate(json(units), { ...passing, quantity: 7 });
    // 5 × 7 + 2 × 6 = 47, in tiers[1], which earns fund 1 and extra 2.5.
    expect([mid.rebate.toString(), mid.benefits.map((b) => [b.name, b.amount.toString()])]).toEqual(['47', [['fund', '1'], ['extra', '2.5']]]);
  });
  it("a last tier's `to` that is not null is refused at its `to` (the spec's upTo)", () => {
    const units = unitsProgram();
    const p = json(units);
    p.tiers[2].to = '50';
    expect(refusal(p, passing)).toEqual({
      code: 'invalid_input',
      issues: [
        {
          path: ['program', 'tiers', 2, 'to'],
          code: 'invalid_value',
          message: 'must be null: the last tier is open-ended, otherwise values above 50 fall in no tier (a gap)',
          expected: 'null',
          received: '50',
        },
      ],
    });
  });
  it("a `to` below the one before is refused at that `to`", () => {
    const units = unitsProgram();
    const p = json(units);
    p.tiers[1].to = '4';
    expect(refusal(p, passing)).toEqual({
      code: 'invalid_input',
      issues: [{ path: ['program', 'tiers', 1, 'to'], code: 'not_ascending', message: 'must be greater than tiers[0].upTo (5); list tiers in ascending order', received: '4', limit: '5' }],
    });
  });
  it("a lower bound (`from`, derived) that disagrees is refused at that `from`", () => {
    const units = unitsProgram();
    const p = json(units);
    p.tiers[0].from = '3';
    expect(refusal(p, passing)).toEqual({
      code: 'invalid_input',
      issues: [{ path: ['program', 'tiers', 0, 'from'], code: 'inconsistent', message: disagrees('3', '0'), expected: '0', received: '3' }],
    });
  });
  it('a refusal at a tier field other than upTo keeps its path', () => {
    const units = unitsProgram();
    const p = json(units);
    p.tiers[1].perUnit = '-6';
    expect(refusal(p, passing).issues.map((i) => [i.path.join('.'), i.code, i.message])).toEqual([['program.tiers.1.perUnit', 'out_of_range', 'must not be negative, received -6']]);
  });
  it('no tiers at all: refused at the list', () => {
    const units = unitsProgram();
    const p = json(units);
    p.tiers = [];
    expect(refusal(p, passing).issues.map((i) => [i.path.join('.'), i.code, i.message])).toEqual([['program.tiers', 'too_short', 'must hold at least 1 item']]);
  });
});

describe('benefits: a key of the spec, an item of the JSON list', () => {
  it('a benefit with more places than the money is refused at its index (extra is the second: 1)', () => {
    const units = unitsProgram();
    const p = json(units);
    p.tiers[1].benefits[1].amount = '2.505';
    expect(refusal(p, passing)).toEqual({
      code: 'invalid_input',
      issues: [
        {
          path: ['program', 'tiers', 1, 'benefits', 1, 'amount'],
          code: 'invalid_value',
          message: 'has more decimal places than the money scale (2), received 2.505',
          expected: 'at most 2 decimal places',
          received: '2.505',
        },
      ],
    });
  });
  it('the first benefit likewise at index 0', () => {
    const units = unitsProgram();
    const p = json(units);
    p.tiers[1].benefits[0].amount = '0.001';
    expect(refusal(p, passing).issues.map((i) => i.path.join('.'))).toEqual(['program.tiers.1.benefits.0.amount']);
  });
  it('a benefit named __proto__ added to the JSON is no benefit of the spec: the list disagrees', () => {
    const units = unitsProgram();
    const p = json(units);
    p.tiers[1].benefits.push({ name: '__proto__', amount: '2' });
    expect(refusal(p, passing)).toEqual({
      code: 'invalid_input',
      issues: [{ path: ['program', 'tiers', 1, 'benefits'], code: 'inconsistent', message: disagrees('a list of 3 items', 'a list of 2 items'), expected: 'a list of 2 items', received: 'a list of 3 items' }],
    });
  });
});

describe("gates: onFail from `zero` and `failFactor`", () => {
  it('a negative failFactor is refused at failFactor', () => {
    const units = unitsProgram();
    const p = json(units);
    p.gates[0].failFactor = '-1';
    expect(refusal(p, passing)).toEqual({
      code: 'out_of_range',
      issues: [{ path: ['program', 'gates', 0, 'failFactor'], code: 'out_of_range', message: 'must not be negative, received -1', expected: 'at least 0', received: '-1', limit: '0' }],
    });
  });
  it("zero false with the factor 0 is a factor gate: consistent; a failed gate then gives 75 × 0 = 0, a passed one 75", () => {
    const units = unitsProgram();
    const p = json(units);
    p.gates[1].zero = false;
    expect(calculateRebate(p, passing).rebate.toString()).toBe('75');
    expect(calculateRebate(p, { ...passing, metrics: { k: 2, z: 0 } }).rebate.toString()).toBe('0');
  });
  it('a factor gate read back scales: k 0 fails ≥ 1, 75 × 0.5 = 37.5', () => {
    const units = unitsProgram();
    expect(calculateRebate(json(units), { ...passing, metrics: { k: 0, z: 1 } }).rebate.toString()).toBe('37.5');
  });
});

describe('nulls of the JSON are fields the spec left out', () => {
  it('a name given in the JSON is a renamed program: accepted, named', () => {
    const units = unitsProgram();
    const p = json(units);
    p.name = 'Renamed';
    expect(calculateRebate(p, passing).rebate.toString()).toBe('75');
  });
  it('a cap with both fields null is an empty cap: refused at cap', () => {
    const units = unitsProgram();
    const p = json(units);
    p.cap = { amount: null, rateOfBase: null };
    expect(refusal(p, passing)).toEqual({ code: 'invalid_input', issues: [{ path: ['program', 'cap'], code: 'required', message: 'must give amount, rateOfBase or both', expected: 'amount or rateOfBase' }] });
  });
  it('an award with its cap null and a cap with its rate null are read as given: 75 + 10 % × (100 − 50) = 80, capped at 78', () => {
    const units = unitsProgram();
    const p = json(units);
    p.overAchievement = { above: '1', rate: '0.1', cap: null };
    expect(calculateRebate(p, { ...passing, sales: 100, target: 50 }).rebate.toString()).toBe('80');
    p.cap = { amount: '78', rateOfBase: null };
    expect(calculateRebate(p, { ...passing, sales: 100, target: 50 }).rebate.toString()).toBe('78');
  });
  it('a from program with a minimum and a settlement policy round-trips: 1 % × 300 = 3 raised to 5', () => {
    const p = defineRebateProgram({
      currency: 'EUR',
      rounding: { stage: 'line' },
      basis: 'amount',
      method: 'retroactive',
      tiers: [{ from: 0, rate: '0.01' }],
      minimum: { amount: 5, whenBelow: 'raise' },
      settlement: { advance: 'period', negativeTrueUp: 'carry' },
    });
    expect(calculateRebate(json(p), { sales: 300 }).rebate.toString()).toBe('5');
  });
});
