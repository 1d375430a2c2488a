// defineRebateProgram's normalised program, field by field (src/rebates/program.ts, programOf and
// the bound functions): every default the spec may leave out, both bound styles with their derived
// bounds, the retroactive-jump warning in both wordings, and the freezing. Every expected value is
// a literal read off the spec by hand (the program as JSON: figures as their plain text).
import { describe, expect, it } from 'vitest';
import { defineRebateProgram, type RebateProgramSpec } from 'dealerkit';

/** What JSON makes of a value: Decimals become their plain text. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const json = (v: unknown): any => JSON.parse(JSON.stringify(v));

const jump = (thresholds: string) =>
  `retroactive: reaching a tier re-prices the whole base, so the rebate jumps at each threshold (${thresholds}); a dealer just below one may gain more from a small extra sale than the sale itself`;

describe('an upTo program with every optional field left out', () => {
  const spec = {
    currency: 'usd',
    rounding: { stage: 'total', scale: 3 },
    basis: 'growth',
    method: 'retroactive',
    tiers: [{ upTo: 100 }, { upTo: 200, rate: '0.01', name: 'A', benefits: { fund: '1.005' } }, { upTo: null, rate: '0.02' }],
    gates: [
      { metric: 'kpiRatio', op: '>', value: 1, onFail: 'zero' },
      { metric: 'x', op: '<', value: 2, onFail: { factor: '0.5' } },
    ],
    settlement: { advance: 'period', negativeTrueUp: 'waive' },
  } as const satisfies RebateProgramSpec;
  const programOf = () => json(defineRebateProgram(spec));

  it('the head: no name (null), the currency upper-cased, the scale given (3), the mode half-up by default', () => {
    const p = programOf();
    expect([p.kind, p.name, p.currency, p.rounding, p.basis, p.method, p.bounds]).toEqual([
      'rebate-program',
      null,
      'USD',
      { scale: 3, mode: 'half-up', stage: 'total' },
      'growth',
      'retroactive',
      'upTo',
    ]);
  });
  it('the tiers: lower bounds 0, 100, 200 (the previous upTo), upper bounds 100, 200, null', () => {
    const p = programOf();
    expect(p.tiers).toEqual([
      { index: 0, name: null, from: '0', to: '100', rate: null, perUnit: null, fixed: null, benefits: [] },
      // 1.005 has 3 places: allowed at the given scale 3 although USD has 2.
      { index: 1, name: 'A', from: '100', to: '200', rate: '0.01', perUnit: null, fixed: null, benefits: [{ name: 'fund', amount: '1.005' }] },
      { index: 2, name: null, from: '200', to: null, rate: '0.02', perUnit: null, fixed: null, benefits: [] },
    ]);
  });
  it('a growth basis applies to the increment by default; the other options are null, the lists empty', () => {
    const p = programOf();
    expect([p.applyTo, p.zeroBaseline, p.overAchievement, p.multipliers, p.cap, p.minimum, p.ratioScale]).toEqual(['increment', null, null, [], null, null, 10]);
  });
  it("gates: 'zero' has the factor 0 and zero true; a factor keeps its factor and zero false", () => {
    const p = programOf();
    expect(p.gates).toEqual([
      { metric: 'kpiRatio', op: '>', value: '1', failFactor: '0', zero: true },
      { metric: 'x', op: '<', value: '2', failFactor: '0.5', zero: false },
    ]);
  });
  it('a settlement without a holdback holds back 0', () => {
    const p = programOf();
    expect(p.settlement).toEqual({ advance: 'period', holdbackRate: '0', negativeTrueUp: 'waive' });
  });
  it("the retroactive warning names the thresholds as 'above' the upTo bounds", () => {
    const p = programOf();
    expect(p.warnings).toEqual([{ code: 'retroactive-jump', message: jump('above 100, above 200'), path: ['method'] }]);
  });
});

describe('a from program with every optional field given', () => {
  const spec = {
    name: 'Full',
    currency: 'eur',
    rounding: { stage: 'line', mode: 'down' },
    basis: 'growthRate',
    method: 'incremental',
    tiers: [{ from: 0, fixed: 5 }, { from: '0.1', rate: '0.02', fixed: '2.50', name: 'Up', benefits: { a: 1, b: '2.25' } }],
    applyTo: 'net',
    zeroBaseline: 'lowest-tier',
    overAchievement: { above: '1.1', rate: '0.03', cap: 500 },
    multipliers: [{ metric: 'days', bands: [{ from: -5, factor: '1.2' }, { from: 30, factor: '0.9' }] }],
    cap: { amount: 1000, rateOfBase: '0.05' },
    minimum: { amount: 10, whenBelow: 'raise' },
    settlement: { advance: 'cumulative', holdbackRate: '0.1', negativeTrueUp: 'carry' },
    ratioScale: 4,
  } as const satisfies RebateProgramSpec;
  const programOf = () => json(defineRebateProgram(spec));

  it('the head: the name, EUR, the scale of the euro (2), the mode given', () => {
    const p = programOf();
    expect([p.name, p.currency, p.rounding, p.basis, p.method, p.bounds]).toEqual(['Full', 'EUR', { scale: 2, mode: 'down', stage: 'line' }, 'growthRate', 'incremental', 'from']);
  });
  it('the tiers: from 0 to 0.1, from 0.1 open; the benefits in their order', () => {
    const p = programOf();
    expect(p.tiers).toEqual([
      { index: 0, name: null, from: '0', to: '0.1', rate: null, perUnit: null, fixed: '5', benefits: [] },
      { index: 1, name: 'Up', from: '0.1', to: null, rate: '0.02', perUnit: null, fixed: '2.5', benefits: [{ name: 'a', amount: '1' }, { name: 'b', amount: '2.25' }] },
    ]);
  });
  it('the options as given', () => {
    const p = programOf();
    expect([p.applyTo, p.zeroBaseline, p.overAchievement, p.multipliers, p.cap, p.minimum, p.settlement, p.ratioScale]).toEqual([
      'net',
      'lowest-tier',
      { above: '1.1', rate: '0.03', cap: '500' },
      [{ metric: 'days', bands: [{ from: '-5', factor: '1.2' }, { from: '30', factor: '0.9' }] }],
      { amount: '1000', rateOfBase: '0.05' },
      { amount: '10', whenBelow: 'raise' },
      { advance: 'cumulative', holdbackRate: '0.1', negativeTrueUp: 'carry' },
      4,
    ]);
  });
  it('an incremental program never warns of a retroactive jump', () => {
    const p = programOf();
    expect(p.warnings).toEqual([]);
  });
});

describe('the optional parts one at a time', () => {
  const base: RebateProgramSpec = { currency: 'JPY', rounding: { stage: 'line' }, basis: 'amount', method: 'retroactive', tiers: [{ from: 0, rate: '0.01' }] };
  const define = (over: Record<string, unknown>) => json(defineRebateProgram({ ...base, ...over } as RebateProgramSpec));
  it('the yen has no minor unit: scale 0', () => {
    expect(define({}).rounding).toEqual({ scale: 0, mode: 'half-up', stage: 'line' });
  });
  it('an award without a cap has the cap null', () => {
    expect(define({ overAchievement: { above: 1, rate: '0.02' } }).overAchievement).toEqual({ above: '1', rate: '0.02', cap: null });
  });
  it('a cap of an amount only, and of a rate only, has the other null', () => {
    expect(define({ cap: { amount: 7 } }).cap).toEqual({ amount: '7', rateOfBase: null });
    expect(define({ cap: { rateOfBase: '0.2' } }).cap).toEqual({ amount: null, rateOfBase: '0.2' });
  });
  it('a forfeited minimum', () => {
    expect(define({ minimum: { amount: 3, whenBelow: 'forfeit' } }).minimum).toEqual({ amount: '3', whenBelow: 'forfeit' });
  });
  it('basis growthRate without applyTo applies to the increment; basis amount has applyTo null; a zeroBaseline is kept', () => {
    expect(define({ basis: 'growthRate', zeroBaseline: 'highest-tier' })).toMatchObject({ applyTo: 'increment', zeroBaseline: 'highest-tier' });
    expect(define({}).applyTo).toBe(null);
    expect(define({ basis: 'growth', applyTo: 'net' }).applyTo).toBe('net');
  });
  it('the ratio scale 0 is kept (not replaced by the default 10)', () => {
    expect(define({ ratioScale: 0 }).ratioScale).toBe(0);
  });
  it('a retroactive program of one tier has no threshold to jump at: no warning', () => {
    expect(define({}).warnings).toEqual([]);
  });
  it("a retroactive from program names its thresholds 'from' (tiers 1 and 2 only)", () => {
    expect(define({ tiers: [{ from: 0 }, { from: 5000, rate: '0.02' }, { from: 20000, rate: '0.04' }] }).warnings).toEqual([
      { code: 'retroactive-jump', message: jump('from 5000, from 20000'), path: ['method'] },
    ]);
  });
  it('a step program of two tiers never warns', () => {
    expect(define({ method: 'step', tiers: [{ from: 0 }, { from: 10, fixed: 5 }] }).warnings).toEqual([]);
  });
});

describe('the program is frozen all the way down, its figures left as they are', () => {
  const programOf = () => defineRebateProgram({
    currency: 'EUR',
    rounding: { stage: 'line' },
    basis: 'amount',
    method: 'retroactive',
    tiers: [{ from: 0 }, { from: 10, rate: '0.01', benefits: { f: 1 } }],
    gates: [{ metric: 'k', op: '>=', value: 1, onFail: 'zero' }],
    multipliers: [{ metric: 'm', bands: [{ from: 0, factor: 1 }] }],
    cap: { amount: 5 },
    settlement: { advance: 'period', negativeTrueUp: 'waive' },
  });
  it('every object and list of it', () => {
    const p = programOf();
    const parts: unknown[] = [p, p.rounding, p.tiers, p.tiers[1], p.tiers[1]!.benefits, p.tiers[1]!.benefits[0], p.gates, p.gates[0], p.multipliers[0]!.bands[0], p.cap, p.settlement, p.warnings, p.warnings[0]];
    expect(parts.map((x) => Object.isFrozen(x))).toEqual(parts.map(() => true));
  });
  it('the figures (Decimals) are not frozen: a default holdback of 0 is the library’s shared zero, which other code keeps using', () => {
    const p = programOf();
    const figures: unknown[] = [p.settlement!.holdbackRate, p.tiers[0]!.from, p.tiers[1]!.rate, p.gates[0]!.failFactor, p.cap!.amount];
    expect(figures.map((x) => Object.isFrozen(x))).toEqual(figures.map(() => false));
  });
  it('a tier cannot be changed afterwards', () => {
    const p = programOf();
    expect(() => {
      (p.tiers as unknown[]).push({});
    }).toThrow(TypeError);
    expect(p.tiers.length).toBe(2);
  });
});
