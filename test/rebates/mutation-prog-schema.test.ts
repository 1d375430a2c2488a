// The own sentences and bounds of src/rebates/schema.ts, each refusal asserted whole (path, code,
// message and details): a row id of every wrong kind, a gate's onFail, the points expiry, the
// profit pool's kind, years and streaks at their bounds. The sentences are written out here.
import { describe, expect, it } from 'vitest';
import { accruePoints, allocateProfitPool, calculateLoyaltyBonus, calculateRebate, defineRebateProgram, settleRebate } from 'dealerkit';
import { thrown } from './helpers.js';

const issues = (fn: () => unknown) => {
  const e = thrown(fn);
  return { code: e.code, issues: e.issues.map((i) => ({ ...i })) };
};
const programOf = () => defineRebateProgram({
  currency: 'EUR',
  rounding: { stage: 'line' },
  basis: 'amount',
  method: 'retroactive',
  tiers: [{ from: 0, rate: '0.01' }],
  settlement: { advance: 'period', negativeTrueUp: 'waive' },
});

describe('a row id: a non-empty string or a number', () => {
  const idRefusal = (received: string, said = received) => ({
    code: 'invalid_input',
    issues: [{ path: ['id'], code: 'invalid_type', message: `must be a string or a number, received ${said}`, received }],
  });
  it('null, a list, an object and a function are each named', () => {
    const program = programOf();
    expect(issues(() => calculateRebate(program, { id: null as never, sales: 1 }))).toEqual(idRefusal('null'));
    expect(issues(() => calculateRebate(program, { id: [] as never, sales: 1 }))).toEqual(idRefusal('an array'));
    expect(issues(() => calculateRebate(program, { id: {} as never, sales: 1 }))).toEqual(idRefusal('an object', 'object'));
    expect(issues(() => calculateRebate(program, { id: (() => 1) as never, sales: 1 }))).toEqual(idRefusal('function'));
  });
  it('an empty string is too short', () => {
    const program = programOf();
    expect(issues(() => calculateRebate(program, { id: '', sales: 1 }))).toEqual({ code: 'out_of_range', issues: [{ path: ['id'], code: 'too_short', message: 'must not be empty', limit: '1' }] });
  });
  it('a settlement’s id likewise', () => {
    const program = programOf();
    expect(issues(() => settleRebate(program, { id: null as never, periods: [{ period: 'Q1', sales: 1 }] }))).toEqual(idRefusal('null'));
  });
  it('a one-letter string and a fraction are ids: 1 % × 1 = 0.01 each', () => {
    const program = programOf();
    expect(calculateRebate(program, { id: 'x', sales: 1 }).rebate.toString()).toBe('0.01');
    expect(calculateRebate(program, { id: 1.5, sales: 1 }).rebate.toString()).toBe('0.01');
  });
});

describe("a gate's onFail", () => {
  const withGate = (onFail: unknown) => () =>
    defineRebateProgram({ currency: 'EUR', rounding: { stage: 'line' }, basis: 'amount', method: 'retroactive', tiers: [{ from: 0 }], gates: [{ metric: 'k', op: '>=', value: 1, onFail: onFail as never }] });
  it('null is neither zero nor a factor', () => {
    expect(issues(withGate(null))).toEqual({
      code: 'invalid_input',
      issues: [{ path: ['gates', 0, 'onFail'], code: 'invalid_type', message: "must be 'zero' or { factor }, received null", received: 'null' }],
    });
  });
  it('a negative factor is refused at the factor', () => {
    expect(issues(withGate({ factor: -1 }))).toEqual({
      code: 'out_of_range',
      issues: [{ path: ['gates', 0, 'onFail', 'factor'], code: 'out_of_range', message: 'must not be negative, received -1', expected: 'at least 0', received: '-1', limit: '0' }],
    });
  });
});

describe('the points expiry and the profit pool: one of two shapes', () => {
  it('an expiry of 0 quarters is below 1', () => {
    expect(issues(() => accruePoints({ earn: [{ id: 't', pointsPerUnit: 1 }], expiry: { quarters: 0 } }, [], { asOf: '2025-01-01' }))).toEqual({
      code: 'out_of_range',
      issues: [{ path: ['rules', 'expiry', 'quarters'], code: 'out_of_range', message: 'must be at least 1, received 0', expected: 'at least 1', received: '0', limit: '1' }],
    });
  });
  it('an expiry of 1.5 quarters is no whole number', () => {
    expect(issues(() => accruePoints({ earn: [{ id: 't', pointsPerUnit: 1 }], expiry: { quarters: 1.5 } }, [], { asOf: '2025-01-01' }))).toEqual({
      code: 'invalid_input',
      issues: [{ path: ['rules', 'expiry', 'quarters'], code: 'not_an_integer', message: 'must be a whole number, received 1.5', expected: 'a whole number', received: '1.5' }],
    });
  });
  it('an expiry that is no object names what it received', () => {
    expect(issues(() => accruePoints({ earn: [{ id: 't', pointsPerUnit: 1 }], expiry: 'never' as never }, [], { asOf: '2025-01-01' }))).toEqual({
      code: 'invalid_input',
      issues: [{ path: ['rules', 'expiry'], code: 'invalid_type', message: 'must be { quarters: n } or { days: n }, received "never"', received: '"never"' }],
    });
  });
  it('a pool that is no object names what it received', () => {
    expect(issues(() => allocateProfitPool({ currency: 'CNY', revenue: 5, baseline: 4, pool: 'x' as never, partners: [{ id: 'a', weight: 1 }] }))).toEqual({
      code: 'invalid_input',
      issues: [{ path: ['pool'], code: 'invalid_type', message: 'must be { rate } or { tiers }, received "x"', received: '"x"' }],
    });
  });
});

describe('years from 1 to 9999, streaks from 1', () => {
  const bonus = (year: number, streak: number) => () => calculateLoyaltyBonus({ currency: 'EUR', history: [{ year, sales: 1, target: 1 }], rates: [{ streak, rate: '0.01' }] });
  it('year 0 and year 10000, a streak of 0', () => {
    expect(issues(bonus(0, 1))).toEqual({
      code: 'out_of_range',
      issues: [{ path: ['history', 0, 'year'], code: 'out_of_range', message: 'must be at least 1, received 0', expected: 'at least 1', received: '0', limit: '1' }],
    });
    expect(issues(bonus(10000, 0))).toEqual({
      code: 'out_of_range',
      issues: [
        { path: ['history', 0, 'year'], code: 'out_of_range', message: 'must be at most 9999, received 10000', expected: 'at most 9999', received: '10000', limit: '9999' },
        { path: ['rates', 0, 'streak'], code: 'out_of_range', message: 'must be at least 1, received 0', expected: 'at least 1', received: '0', limit: '1' },
      ],
    });
  });
  it('year 1 and year 9999 with a streak of 1: on target (1 ≥ 1), 1 % × 1 = 0.01', () => {
    expect(calculateLoyaltyBonus({ currency: 'EUR', history: [{ year: 1, sales: 1, target: 1 }], rates: [{ streak: 1, rate: '0.01' }] }).bonus.toString()).toBe('0.01');
    expect(calculateLoyaltyBonus({ currency: 'EUR', history: [{ year: 9999, sales: 1, target: 1 }], rates: [{ streak: 1, rate: '0.01' }] }).bonus.toString()).toBe('0.01');
  });
});
