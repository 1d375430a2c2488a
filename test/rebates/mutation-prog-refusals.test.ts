// Every refusal of defineRebateProgram's cross-field checks (src/rebates/program.ts: boundStyle,
// fromBounds, upToBounds, checkPayments), asserted whole: the error's code, and each issue's path,
// code, message and details (expected, received, limit) exactly, with the boundaries beside them
// (equal bounds, a minimum equal to the cap, a holdback just below 1). The sentences are written out
// here from src/rebates/messages.ts; the figures are the spec's own.
import { describe, expect, it } from 'vitest';
import { calculateRebate, defineRebateProgram, type RebateProgramSpec } from 'dealerkit';
import { thrown } from './helpers.js';

const base: RebateProgramSpec = { currency: 'EUR', rounding: { stage: 'line' }, basis: 'amount', method: 'retroactive', tiers: [{ from: 0, rate: '0.01' }] };
const define = (over: Record<string, unknown>) => () => defineRebateProgram({ ...base, ...over } as RebateProgramSpec);
/** The error's code and its issues as plain objects (every field an issue has). */
const refusal = (fn: () => unknown) => {
  const e = thrown(fn);
  return { code: e.code, issues: e.issues.map((i) => ({ ...i })) };
};
/** Accepted: the tiers' bounds [from, to] as text. */
const bounds = (over: Record<string, unknown>) => define(over)().tiers.map((t) => [t.from.toString(), t.to === null ? null : t.to.toString()]);

const BOTH = 'has both from and upTo; give every tier one bound style (from: inclusive lower bound, or upTo: inclusive upper bound)';
const NONE = 'needs a bound: from (inclusive lower bound) or upTo (inclusive upper bound)';
const MIXED_FROM = 'tiers[0] uses from; every tier must use the same bound style, never mixed';
const MIXED_UPTO = 'tiers[0] uses upTo; every tier must use the same bound style, never mixed';

describe('the bound style: from tiers[0], the same for every tier', () => {
  it('a tier with both bounds and a tier with neither, each at the tier', () => {
    expect(refusal(define({ tiers: [{ from: 0 }, { from: 1, upTo: 3 }, {}] }))).toEqual({
      code: 'invalid_input',
      issues: [
        { path: ['tiers', 1], code: 'inconsistent', message: BOTH },
        { path: ['tiers', 2], code: 'required', message: NONE, expected: 'from or upTo' },
      ],
    });
  });
  it('an upTo among from tiers is refused at its upTo, a from among upTo tiers at its from', () => {
    expect(refusal(define({ tiers: [{ from: 0 }, { upTo: null }] }))).toEqual({ code: 'invalid_input', issues: [{ path: ['tiers', 1, 'upTo'], code: 'inconsistent', message: MIXED_FROM }] });
    expect(refusal(define({ tiers: [{ upTo: 5 }, { from: 5 }] }))).toEqual({ code: 'invalid_input', issues: [{ path: ['tiers', 1, 'from'], code: 'inconsistent', message: MIXED_UPTO }] });
  });
  it('a first tier without a bound counts as from: an upTo after it is mixed', () => {
    expect(refusal(define({ tiers: [{}, { upTo: null }] }))).toEqual({
      code: 'invalid_input',
      issues: [
        { path: ['tiers', 0], code: 'required', message: NONE, expected: 'from or upTo' },
        { path: ['tiers', 1, 'upTo'], code: 'inconsistent', message: MIXED_FROM },
      ],
    });
  });
  it('a first tier with both bounds counts as from: an upTo after it is mixed, a from is not', () => {
    expect(refusal(define({ tiers: [{ from: 0, upTo: 5 }, { upTo: null }, { from: 9 }] }))).toEqual({
      code: 'invalid_input',
      issues: [
        { path: ['tiers', 0], code: 'inconsistent', message: BOTH },
        { path: ['tiers', 1, 'upTo'], code: 'inconsistent', message: MIXED_FROM },
      ],
    });
  });
  it('the style is settled before the bounds: a gap below the first from is not reported beside a mixed tier', () => {
    expect(refusal(define({ tiers: [{ from: 5 }, { upTo: null }], settlement: { advance: 'period', negativeTrueUp: 'waive', holdbackRate: 1 } }))).toEqual({
      code: 'invalid_input',
      issues: [{ path: ['tiers', 1, 'upTo'], code: 'inconsistent', message: MIXED_FROM }],
    });
  });
});

describe('from bounds: the first at 0, each above the one before', () => {
  it('the first from above 0', () => {
    expect(refusal(define({ tiers: [{ from: '0.5' }] }))).toEqual({
      code: 'invalid_input',
      issues: [
        {
          path: ['tiers', 0, 'from'],
          code: 'invalid_value',
          message: 'must be 0, the lowest value of the basis, so that every value falls in a tier (a gap below 0.5); add a first tier from 0 that pays nothing',
          expected: '0',
          received: '0.5',
        },
      ],
    });
  });
  it('0 written as 0.00 is 0', () => {
    expect(bounds({ tiers: [{ from: '0.00' }, { from: 1 }] })).toEqual([['0', '1'], ['1', null]]);
  });
  it('an equal from overlaps; a lower one descends; each names the tier before it (here tiers[1] and tiers[2])', () => {
    expect(refusal(define({ tiers: [{ from: 0 }, { from: 10 }, { from: 10 }, { from: 4 }] }))).toEqual({
      code: 'invalid_input',
      issues: [
        { path: ['tiers', 2, 'from'], code: 'not_ascending', message: 'overlaps tiers[1]: both start at 10; each tier must start above the previous one', received: '10', limit: '10' },
        { path: ['tiers', 3, 'from'], code: 'not_ascending', message: 'must be greater than tiers[2].from (10); list tiers in ascending order', received: '4', limit: '10' },
      ],
    });
  });
  it('a lower from alone: the error is invalid_input', () => {
    expect(refusal(define({ tiers: [{ from: 0 }, { from: 10 }, { from: 4 }] }))).toEqual({
      code: 'invalid_input',
      issues: [{ path: ['tiers', 2, 'from'], code: 'not_ascending', message: 'must be greater than tiers[1].from (10); list tiers in ascending order', received: '4', limit: '10' }],
    });
  });
  it('just above the one before is accepted: 10 then 10.01', () => {
    expect(bounds({ tiers: [{ from: 0 }, { from: 10 }, { from: '10.01' }] })).toEqual([['0', '10'], ['10', '10.01'], ['10.01', null]]);
  });
});

describe('upTo bounds: ascending, only the last open', () => {
  it('one open tier is the whole range from 0', () => {
    expect(bounds({ tiers: [{ upTo: null }] })).toEqual([['0', null]]);
  });
  it('an open tier before the last, naming the unreachable one', () => {
    expect(refusal(define({ tiers: [{ upTo: 5 }, { upTo: null }, { upTo: 9 }, { upTo: null }] }))).toEqual({
      code: 'invalid_input',
      issues: [{ path: ['tiers', 1, 'upTo'], code: 'not_ascending', message: 'only the last tier may be open-ended (null); tiers[2] would be unreachable', received: 'null' }],
    });
  });
  it('a last tier that is closed and below the one before: both issues, at the same path, gap first', () => {
    expect(refusal(define({ tiers: [{ upTo: 5 }, { upTo: 3 }] }))).toEqual({
      code: 'invalid_input',
      issues: [
        {
          path: ['tiers', 1, 'upTo'],
          code: 'invalid_value',
          message: 'must be null: the last tier is open-ended, otherwise values above 3 fall in no tier (a gap)',
          expected: 'null',
          received: '3',
        },
        { path: ['tiers', 1, 'upTo'], code: 'not_ascending', message: 'must be greater than tiers[0].upTo (5); list tiers in ascending order', received: '3', limit: '5' },
      ],
    });
  });
  it('a single closed tier', () => {
    expect(refusal(define({ tiers: [{ upTo: 0 }] }))).toEqual({
      code: 'invalid_input',
      issues: [
        {
          path: ['tiers', 0, 'upTo'],
          code: 'invalid_value',
          message: 'must be null: the last tier is open-ended, otherwise values above 0 fall in no tier (a gap)',
          expected: 'null',
          received: '0',
        },
      ],
    });
  });
  it('an equal upTo overlaps the tier before (tiers[1] here)', () => {
    expect(refusal(define({ tiers: [{ upTo: 2 }, { upTo: 7 }, { upTo: '7.0' }, { upTo: null }] }))).toEqual({
      code: 'invalid_input',
      issues: [{ path: ['tiers', 2, 'upTo'], code: 'not_ascending', message: 'overlaps tiers[1]: both end at 7; each tier must end above the previous one', received: '7', limit: '7' }],
    });
  });
  it('the bound after an open tier is not compared with null', () => {
    expect(refusal(define({ tiers: [{ upTo: null }, { upTo: 0 }, { upTo: null }] }))).toEqual({
      code: 'invalid_input',
      issues: [{ path: ['tiers', 0, 'upTo'], code: 'not_ascending', message: 'only the last tier may be open-ended (null); tiers[1] would be unreachable', received: 'null' }],
    });
  });
  it('0 then just above it is accepted: lower bounds 0, 0, 0.5', () => {
    expect(bounds({ tiers: [{ upTo: 0 }, { upTo: '0.5' }, { upTo: null }] })).toEqual([['0', '0'], ['0', '0.5'], ['0.5', null]]);
  });
});

describe('what a method pays', () => {
  const STEP_RATE = "a 'step' program pays each tier's fixed amount only; use method 'retroactive' for a rate on the whole base";
  const STEP_UNIT = "a 'step' program pays each tier's fixed amount only; use method 'retroactive' for an amount per unit";
  it('a step tier with a rate and a per-unit amount, on the second tier', () => {
    expect(refusal(define({ method: 'step', tiers: [{ from: 0, fixed: 1 }, { from: 5, rate: '0.1', perUnit: 2 }] }))).toEqual({
      code: 'invalid_input',
      issues: [
        { path: ['tiers', 1, 'rate'], code: 'inconsistent', message: STEP_RATE },
        { path: ['tiers', 1, 'perUnit'], code: 'inconsistent', message: STEP_UNIT },
      ],
    });
  });
  it('a step tier with a per-unit amount alone: the error is invalid_input', () => {
    expect(refusal(define({ method: 'step', tiers: [{ from: 0, perUnit: 2 }] }))).toEqual({
      code: 'invalid_input',
      issues: [{ path: ['tiers', 0, 'perUnit'], code: 'inconsistent', message: STEP_UNIT }],
    });
  });
  it('a step tier with a fixed amount only is accepted', () => {
    expect(define({ method: 'step', tiers: [{ from: 0 }, { from: 5, fixed: 3 }] })().tiers[1]!.fixed!.toString()).toBe('3');
  });
  it("incremental: a perUnit on a basis other than 'quantity' (here growth) names the basis", () => {
    expect(refusal(define({ method: 'incremental', basis: 'growth', tiers: [{ from: 0, perUnit: 1 }] }))).toEqual({
      code: 'invalid_input',
      issues: [{ path: ['tiers', 0, 'perUnit'], code: 'inconsistent', message: "an incremental band of basis 'growth' holds no units; an incremental perUnit needs basis 'quantity'" }],
    });
  });
  it("incremental on 'quantity': a rate is refused, a perUnit accepted", () => {
    expect(refusal(define({ method: 'incremental', basis: 'quantity', tiers: [{ from: 0, perUnit: 1 }, { from: 3, rate: '0.5' }] }))).toEqual({
      code: 'invalid_input',
      issues: [
        {
          path: ['tiers', 1, 'rate'],
          code: 'inconsistent',
          message: "an incremental band of units holds no amount; an incremental rate needs an amount-based basis ('amount', 'attainment', 'growth' or 'growthRate')",
        },
      ],
    });
    expect(define({ method: 'incremental', basis: 'quantity', tiers: [{ from: 0, perUnit: 1 }] })().tiers[0]!.perUnit!.toString()).toBe('1');
  });
  it('incremental on an amount basis takes a rate; retroactive takes a rate and a perUnit on any basis', () => {
    expect(define({ method: 'incremental', tiers: [{ from: 0, rate: '0.3' }] })().tiers[0]!.rate!.toString()).toBe('0.3');
    const r = define({ basis: 'quantity', tiers: [{ from: 0, rate: '0.3', perUnit: 2 }] })().tiers[0]!;
    expect([r.rate!.toString(), r.perUnit!.toString()]).toEqual(['0.3', '2']);
  });
});

describe('options that belong to one basis', () => {
  const APPLY = (b: string) => `applies to the growth bases only, not to basis '${b}'`;
  const ZERO = (b: string) => `applies to basis 'growthRate' only, not to '${b}'`;
  it('applyTo on quantity and attainment; zeroBaseline on amount', () => {
    expect(refusal(define({ basis: 'quantity', applyTo: 'increment', zeroBaseline: 'highest-tier' }))).toEqual({
      code: 'invalid_input',
      issues: [
        { path: ['applyTo'], code: 'inconsistent', message: APPLY('quantity') },
        { path: ['zeroBaseline'], code: 'inconsistent', message: ZERO('quantity') },
      ],
    });
    expect(refusal(define({ basis: 'attainment', applyTo: 'net' })).issues).toEqual([{ path: ['applyTo'], code: 'inconsistent', message: APPLY('attainment') }]);
  });
  it('zeroBaseline alone on growth: the error is invalid_input', () => {
    expect(refusal(define({ basis: 'growth', zeroBaseline: 'lowest-tier' }))).toEqual({ code: 'invalid_input', issues: [{ path: ['zeroBaseline'], code: 'inconsistent', message: ZERO('growth') }] });
  });
  it('applyTo on growthRate and zeroBaseline on growthRate are accepted', () => {
    const p = define({ basis: 'growthRate', applyTo: 'net', zeroBaseline: 'highest-tier' })();
    expect([p.applyTo, p.zeroBaseline]).toEqual(['net', 'highest-tier']);
  });
});

describe('money figures at the money scale', () => {
  const places = (scale: number, received: string, path: (string | number)[]) => ({
    path,
    code: 'invalid_value',
    message: `has more decimal places than the money scale (${scale}), received ${received}`,
    expected: `at most ${scale} decimal places`,
    received,
  });
  it('every money figure at once, in the order checked: benefits, award cap, cap, minimum', () => {
    expect(
      refusal(
        define({
          tiers: [{ from: 0, benefits: { ok: '1.5', fund: '0.125' } }],
          overAchievement: { above: 1, rate: '0.01', cap: '2.001' },
          cap: { amount: '3.333' },
          minimum: { amount: '0.009', whenBelow: 'forfeit' },
        }),
      ),
    ).toEqual({
      code: 'invalid_input',
      issues: [
        places(2, '0.125', ['tiers', 0, 'benefits', 'fund']),
        places(2, '2.001', ['overAchievement', 'cap']),
        places(2, '3.333', ['cap', 'amount']),
        places(2, '0.009', ['minimum', 'amount']),
      ],
    });
  });
  it('exactly at the scale is accepted: 2 places for EUR, 0 for JPY refuses 0.5', () => {
    expect(define({ cap: { amount: '3.33' } })().cap!.amount!.toString()).toBe('3.33');
    expect(refusal(define({ currency: 'JPY', cap: { amount: '0.5' } })).issues).toEqual([places(0, '0.5', ['cap', 'amount'])]);
  });
  it('a scale given in the rounding is the money scale: 3 places pass, 4 do not', () => {
    expect(define({ rounding: { stage: 'line', scale: 3 }, cap: { amount: '3.333' } })().cap!.amount!.toString()).toBe('3.333');
    expect(refusal(define({ rounding: { stage: 'line', scale: 3 }, minimum: { amount: '0.0001', whenBelow: 'raise' } })).issues).toEqual([
      places(3, '0.0001', ['minimum', 'amount']),
    ]);
  });
  it('the award cap unchecked when the award has none; a cap rate is no money', () => {
    const p = define({ overAchievement: { above: 1, rate: '0.015' }, cap: { rateOfBase: '0.125' } })();
    expect([p.overAchievement!.rate.toString(), p.cap!.rateOfBase!.toString()]).toEqual(['0.015', '0.125']);
  });
});

describe('cap and minimum', () => {
  it('an empty cap', () => {
    expect(refusal(define({ cap: {} }))).toEqual({ code: 'invalid_input', issues: [{ path: ['cap'], code: 'required', message: 'must give amount, rateOfBase or both', expected: 'amount or rateOfBase' }] });
  });
  it('a raised minimum above the cap amount', () => {
    expect(refusal(define({ cap: { amount: '99.99' }, minimum: { amount: 100, whenBelow: 'raise' } }))).toEqual({
      code: 'invalid_input',
      issues: [{ path: ['minimum', 'amount'], code: 'inconsistent', message: 'is above cap.amount (99.99); a raised minimum could never be paid', received: '100', limit: '99.99' }],
    });
  });
  it('a raised minimum equal to the cap, a forfeited minimum above it, and a raised minimum beside a cap rate only are accepted', () => {
    expect(define({ cap: { amount: 100 }, minimum: { amount: 100, whenBelow: 'raise' } })().minimum!.amount.toString()).toBe('100');
    expect(define({ cap: { amount: 100 }, minimum: { amount: 200, whenBelow: 'forfeit' } })().minimum!.whenBelow).toBe('forfeit');
    expect(define({ cap: { rateOfBase: '0.1' }, minimum: { amount: 200, whenBelow: 'raise' } })().minimum!.amount.toString()).toBe('200');
  });
});

describe('multiplier bands ascending', () => {
  it('an equal band and a lower band, in the second table, each naming the band before', () => {
    const bands = [{ from: 0, factor: 1 }, { from: 5, factor: 1 }, { from: 5, factor: 2 }, { from: 1, factor: 3 }];
    expect(refusal(define({ multipliers: [{ metric: 'a', bands: [{ from: 0, factor: 1 }] }, { metric: 'b', bands }] }))).toEqual({
      code: 'invalid_input',
      issues: [
        { path: ['multipliers', 1, 'bands', 2, 'from'], code: 'not_ascending', message: 'must be greater than bands[1].from (5); list bands in ascending order', received: '5', limit: '5' },
        { path: ['multipliers', 1, 'bands', 3, 'from'], code: 'not_ascending', message: 'must be greater than bands[2].from (5); list bands in ascending order', received: '1', limit: '5' },
      ],
    });
  });
  it('a band just above the one before is accepted', () => {
    expect(define({ multipliers: [{ metric: 'a', bands: [{ from: '-1', factor: 1 }, { from: '-0.99', factor: 2 }] }] })().multipliers[0]!.bands.map((b) => b.from.toString())).toEqual(['-1', '-0.99']);
  });
});

describe('the holdback below 1', () => {
  const policy = (holdbackRate: string | number) => ({ settlement: { advance: 'cumulative', negativeTrueUp: 'clawback', holdbackRate } });
  it('a holdback of 1 is out of range, and so is the error', () => {
    expect(refusal(define(policy(1)))).toEqual({
      code: 'out_of_range',
      issues: [
        {
          path: ['settlement', 'holdbackRate'],
          code: 'out_of_range',
          message: 'must be less than 1 (the fraction of each advance held back), received 1',
          expected: 'less than 1',
          received: '1',
          limit: '1',
        },
      ],
    });
  });
  it('0.9999 is held back', () => {
    expect(define(policy('0.9999'))().settlement!.holdbackRate.toString()).toBe('0.9999');
  });
  it('after another refusal the error keeps the first refusal’s code', () => {
    const e = refusal(define({ ...policy(1), cap: {} }));
    expect([e.code, e.issues.map((i) => i.path.join('.'))]).toEqual(['invalid_input', ['cap', 'settlement.holdbackRate']]);
  });
});

// The engines take a spec where a program goes (defined on the spot); the public type says program, hence `as never`.
describe('a spec given in place of a program: its refusals under program', () => {
  it('a cross-field refusal, and the currency with and without a scale', () => {
    const spec = { ...base, tiers: [{ from: 0 }, { from: 0 }] };
    expect(refusal(() => calculateRebate(spec as never, { sales: 1 })).issues.map((i) => [i.path.join('.'), i.code])).toEqual([['program.tiers.1.from', 'not_ascending']]);
    const xyz = 'is not a currency this engine knows (ISO 4217), received "XYZ"';
    expect(refusal(() => calculateRebate({ ...base, currency: 'XYZ' } as never, { sales: 1 })).issues.map((i) => [i.path.join('.'), i.message])).toEqual([['program.currency', xyz]]);
    expect(
      refusal(() => calculateRebate({ ...base, currency: 'XYZ', rounding: { stage: 'line', scale: 2 } } as never, { sales: 1 })).issues.map((i) => [i.path.join('.'), i.message]),
    ).toEqual([['program.currency', xyz]]);
  });
  it('a spec is defined on the spot: 1 % × 250 = 2.50', () => {
    expect(calculateRebate(base as never, { sales: 250 }).rebate.toFixed(2)).toBe('2.50');
  });
});
