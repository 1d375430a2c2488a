// Every refusal of dealerkit/design as a whole issue: path, code, message and the machine-readable
// `expected`, `received` and `limit` a caller (a sheet, a form) shows beside the field, and the
// error's own code. Each figure is the rule it breaks, written out by hand (runs from 1 to
// 1,000,000; a seed from 0; a growth at least −1, a mean and a target growth above it; an sd from 0;
// a threshold strictly between its neighbours; a rate from 0 to 1). The boundaries themselves are
// accepted.
import { describe, expect, it } from 'vitest';
import { defineRebateProgram } from 'dealerkit';
import { calculateCliffExposure, calculateThresholdSensitivity, compareRebatePrograms, simulateRebateProgram } from 'dealerkit/design';
import { thrown } from '../helpers.js';
import { handNetwork, handProgram, handSpec } from './helpers.js';

const failure = (fn: () => unknown) => {
  const e = thrown(fn);
  return { code: e.code, issues: e.issues };
};
const sim = (scenarios: unknown, network: unknown = handNetwork) => () => simulateRebateProgram(handProgram, network as never, scenarios as never);
const normal = { mean: '0.05', sd: '0.1', distribution: 'normal' };

describe('scenarios', () => {
  it('a mean at −1, a negative sd, 0 runs and a negative seed: every issue with its bound', () => {
    expect(failure(sim([{ name: 'x', growth: { mean: -1, sd: -1, distribution: 'normal' }, runs: 0, seed: -1 }]))).toEqual({
      code: 'out_of_range',
      issues: [
        { path: ['scenarios', 0, 'growth', 'mean'], code: 'out_of_range', message: 'must be greater than -1 (−100 %: no sales), received -1', expected: 'greater than -1', received: '-1', limit: '-1' },
        { path: ['scenarios', 0, 'growth', 'sd'], code: 'out_of_range', message: 'must not be negative, received -1', expected: 'at least 0', received: '-1', limit: '0' },
        { path: ['scenarios', 0, 'runs'], code: 'out_of_range', message: 'must be from 1 to 1000000, received 0', expected: 'from 1 to 1000000', received: '0', limit: '1' },
        { path: ['scenarios', 0, 'seed'], code: 'out_of_range', message: 'must be a whole number from 0, received -1', expected: 'at least 0', received: '-1', limit: '0' },
      ],
    });
  });

  it('more runs than 1,000,000: the limit is the largest', () => {
    expect(failure(sim([{ name: 'x', growth: normal, runs: 1_000_001, seed: 1 }])).issues).toEqual([
      { path: ['scenarios', 0, 'runs'], code: 'out_of_range', message: 'must be from 1 to 1000000, received 1000001', expected: 'from 1 to 1000000', received: '1000001', limit: '1000000' },
    ]);
  });

  it('1,000,000 runs and seed 0 are accepted: the run starts (and stops at run 0 on sales beyond 2^53 fen, not at runs or seed)', () => {
    // 10^13 of sales × a factor of 10 is 10^16 fen: refused while drawing run 0, after runs and seed were read.
    const e = thrown(() =>
      simulateRebateProgram(defineRebateProgram({ currency: 'CNY', rounding: { stage: 'line' }, basis: 'amount', method: 'retroactive', tiers: [{ from: 0, rate: '0.01' }] }), [{ id: 'X', sales: '10000000000000' }], [
        { name: 'big', growth: { mean: 9, sd: 0, distribution: 'normal' }, runs: 1_000_000, seed: 0 },
      ]),
    );
    expect(e.issues.map((i) => i.path)).toEqual([['network', 'X', 'sales']]);
  });

  it('runs and seed missing: required, with what is expected', () => {
    expect(failure(sim([{ name: 'x', growth: normal }]))).toEqual({
      code: 'invalid_input',
      issues: [
        { path: ['scenarios', 0, 'runs'], code: 'required', message: 'is required by a stochastic scenario (how many runs to draw)', expected: 'a whole number from 1' },
        { path: ['scenarios', 0, 'seed'], code: 'required', message: 'is required by a stochastic scenario (the same seed gives the same figures on every machine)', expected: 'a whole number from 0' },
      ],
    });
  });

  it('a growth below −1, a segment below −1, a target growth at −1', () => {
    expect(failure(sim([{ name: 'x', growth: '-1.5', segments: { east: -2 }, targetGrowth: -1 }]))).toEqual({
      code: 'out_of_range',
      issues: [
        { path: ['scenarios', 0, 'segments', 'east'], code: 'out_of_range', message: 'must be at least -1 (−100 %: no sales), received -2', expected: 'at least -1', received: '-2', limit: '-1' },
        { path: ['scenarios', 0, 'targetGrowth'], code: 'out_of_range', message: 'must be greater than -1 (a target must stay above 0), received -1', expected: 'greater than -1', received: '-1', limit: '-1' },
        { path: ['scenarios', 0, 'growth'], code: 'out_of_range', message: 'must be at least -1 (−100 %: no sales), received -1.5', expected: 'at least -1', received: '-1.5', limit: '-1' },
      ],
    });
  });

  it('a growth of exactly −1 is accepted: no sales, no rebate', () => {
    const o = simulateRebateProgram(handProgram, handNetwork, [{ name: 'gone', growth: -1 }]).scenarios[0]!;
    expect(o.kind === 'deterministic' && [o.netSales.toString(), o.rebate.toString()]).toEqual(['0', '0']);
  });

  it('a name listed twice, an unknown segment and dealer: the received value quoted', () => {
    expect(failure(sim([{ name: 'x' }, { name: 'x', segments: { north: 0 }, dealers: { D13: {} } }])).issues).toEqual([
      { path: ['scenarios', 1, 'name'], code: 'duplicate', message: '"x" is listed twice (first at scenarios[0])', received: '"x"' },
      { path: ['scenarios', 1, 'segments', 'north'], code: 'unknown_label', message: 'no dealer of the network is in segment "north"', received: '"north"' },
      { path: ['scenarios', 1, 'dealers', 'D13'], code: 'unknown_label', message: 'no dealer of the network has the id "D13"', received: '"D13"' },
    ]);
  });

  it('runs, seed and keep on a deterministic scenario: inconsistent, each', () => {
    expect(failure(sim([{ name: 'x', runs: 1, seed: 1, keep: 'dealers' }]))).toEqual({
      code: 'invalid_input',
      issues: ['runs', 'seed', 'keep'].map((f) => ({
        path: ['scenarios', 0, f],
        code: 'inconsistent',
        message: `${f} belongs to a stochastic scenario; give growth as { mean, sd, distribution } to draw it, or leave ${f} out`,
      })),
    });
  });

  it('whole-number growths are warned where they are written: a segment, a dealer, a mean, an sd', () => {
    const s = simulateRebateProgram(handProgram, handNetwork, [
      { name: 'd', segments: { east: 2 }, dealers: { C: { growth: 3 } } },
      { name: 's', growth: { mean: 1, sd: 2, distribution: 'lognormal' }, runs: 1, seed: 0 },
    ]);
    expect(s.scenarios.map((o) => o.warnings.map((w) => [w.path, w.message]))).toEqual([
      [
        [['scenarios', 0, 'segments', 'east'], 'a growth of 2 is +200 %; if 2 % was meant, write 0.02'],
        [['scenarios', 0, 'dealers', 'C', 'growth'], 'a growth of 3 is +300 %; if 3 % was meant, write 0.03'],
      ],
      [
        [['scenarios', 1, 'growth', 'mean'], 'a growth of 1 is +100 %; if 1 % was meant, write 0.01'],
        [['scenarios', 1, 'growth', 'sd'], 'a growth of 2 is +200 %; if 2 % was meant, write 0.02'],
      ],
    ]);
  });

  it('a dealer without an id, an empty network', () => {
    expect(failure(sim([{ name: 'x' }], [{ sales: 1, target: 1, metrics: { onTimePaymentRatio: 1 } }])).issues).toEqual([
      { path: ['network', 0, 'id'], code: 'required', message: 'is required (a string or a number): overrides and error paths name the dealer by it', expected: 'a string or a number' },
    ]);
    expect(failure(sim([{ name: 'x' }], []))).toEqual({ code: 'invalid_input', issues: [{ path: ['network'], code: 'too_short', message: 'must hold at least one dealer', limit: '1' }] });
  });
});

describe('calculateThresholdSensitivity', () => {
  const sens = (o: unknown, program = handProgram) => () => calculateThresholdSensitivity(program, handNetwork, o as never);

  it('tiers by index from 0 to 2 (three tiers): −1 and 3 are unknown; 2 is Gold', () => {
    for (const tier of [-1, 3]) {
      expect(failure(sens({ tier, deltas: [0] }))).toEqual({
        code: 'unknown_label',
        issues: [{ path: ['options', 'tier'], code: 'unknown_label', message: `must be a tier of the program, from 0 to 2, received ${tier}`, received: String(tier) }],
      });
    }
    expect(calculateThresholdSensitivity(handProgram, handNetwork, { tier: 2, deltas: [0] }).tier.name).toBe('Gold');
  });

  it('a tier by an unknown name; the first tier by name', () => {
    expect(failure(sens({ tier: 'Platinum', deltas: [0] })).issues).toEqual([
      { path: ['options', 'tier'], code: 'unknown_label', message: 'no tier of the program is named "Platinum" (the tiers: "—", "Silver", "Gold")', received: '"Platinum"' },
    ]);
    expect(failure(sens({ tier: '—', deltas: [0] }))).toEqual({
      code: 'invalid_input',
      issues: [{ path: ['options', 'tier'], code: 'invalid_value', message: 'the first tier starts at 0, the lowest value of every basis; move the threshold of a higher tier', received: '—' }],
    });
  });

  it('thresholds moved onto a neighbour: the limit is the largest move allowed either way', () => {
    // Gold 1.1 − 0.2 = 0.9, Silver's: limit 0.9 − 1.1 = −0.2. Silver 0.9 + 0.2 = 1.1, Gold's: limit 0.2. Silver − 0.9 = 0,
    // where the first tier starts: limit −0.9.
    expect(failure(sens({ tier: 'Gold', deltas: ['-0.2'] })).issues).toEqual([
      { path: ['options', 'deltas', 0], code: 'not_ascending', message: "moves Gold's threshold to 0.9, at or below Silver's threshold (0.9); tiers must stay in ascending order", received: '-0.2', limit: '-0.2' },
    ]);
    expect(failure(sens({ tier: 'Silver', deltas: ['0.1', '0.2', '-0.9'] }))).toEqual({
      code: 'invalid_input',
      issues: [
        { path: ['options', 'deltas', 1], code: 'not_ascending', message: "moves Silver's threshold to 1.1, at or above Gold's threshold (1.1); tiers must stay in ascending order", received: '0.2', limit: '0.2' },
        { path: ['options', 'deltas', 2], code: 'not_ascending', message: "moves Silver's threshold to 0, at or below 0, where the first tier (—) starts; tiers must stay in ascending order", received: '-0.9', limit: '-0.9' },
      ],
    });
  });

  it('rates moved below 0 or above 1; to 0 and to 1 exactly they are accepted', () => {
    // Silver's 0.02: −0.03 → −0.01 (limit −0.02), +0.99 → 1.01 (limit 1 − 0.02 = 0.98).
    expect(failure(sens({ tier: 'Silver', move: 'rate', deltas: ['-0.03', '0.99'] }))).toEqual({
      code: 'out_of_range',
      issues: [
        { path: ['options', 'deltas', 0], code: 'out_of_range', message: "moves Silver's rate to -0.01, below 0", received: '-0.03', limit: '-0.02' },
        { path: ['options', 'deltas', 1], code: 'out_of_range', message: "moves Silver's rate to 1.01, above 1 (rates are fractions: 0.03 for 3 %)", received: '0.99', limit: '0.98' },
      ],
    });
    // At 0 A earns nothing (−1,900); at 100 % A earns 95,000 (+93,100).
    const s = calculateThresholdSensitivity(handProgram, handNetwork, { tier: 'Silver', move: 'rate', deltas: ['-0.02', '0.98'] });
    expect(s.points.map((p) => [p.value.toString(), p.change.toString()])).toEqual([['0', '-1900'], ['1', '93100']]);
  });

  it('a stochastic scenario, and a rate of a step program: inconsistent', () => {
    expect(failure(sens({ tier: 'Gold', deltas: [0], scenario: { name: 's', growth: normal, runs: 1, seed: 1 } })).issues).toEqual([
      { path: ['options', 'scenario', 'growth'], code: 'inconsistent', message: 'must be a deterministic scenario here (one growth, per segment or per dealer); a stochastic scenario belongs to simulateRebateProgram' },
    ]);
    const step = defineRebateProgram({ currency: 'CNY', rounding: { stage: 'line' }, basis: 'amount', method: 'step', tiers: [{ from: 0 }, { from: 1000, fixed: 50, name: 'S' }] });
    expect(failure(() => calculateThresholdSensitivity(step, [{ id: 'A', sales: 1 }], { tier: 'S', move: 'rate', deltas: [0] })).issues).toEqual([
      { path: ['options', 'move'], code: 'inconsistent', message: "a 'step' program pays fixed amounts only; move a threshold instead" },
    ]);
  });
});

describe('calculateCliffExposure and compareRebatePrograms', () => {
  it('a window with neither bound or both', () => {
    expect(failure(() => calculateCliffExposure(handProgram, handNetwork, { window: {} }))).toEqual({
      code: 'invalid_input',
      issues: [{ path: ['options', 'window'], code: 'required', message: "must give relative (a fraction of the threshold) or absolute (in the basis's units)", expected: 'relative or absolute' }],
    });
    expect(failure(() => calculateCliffExposure(handProgram, handNetwork, { window: { relative: 1, absolute: 1 } })).issues).toEqual([
      { path: ['options', 'window'], code: 'inconsistent', message: 'must give relative or absolute, not both' },
    ]);
  });

  it('programs that are not a list, too few, or in another currency', () => {
    expect(failure(() => compareRebatePrograms(handProgram as never, handNetwork, [{ name: 'f' }])).issues).toEqual([
      { path: ['programs'], code: 'invalid_type', message: 'must be a list of programs (the first is the one switched from)' },
    ]);
    expect(failure(() => compareRebatePrograms([handProgram], handNetwork, [{ name: 'f' }])).issues).toEqual([
      { path: ['programs'], code: 'too_short', message: 'must hold at least 2 programs to compare, received 1', limit: '2' },
    ]);
    const usd = defineRebateProgram({ ...handSpec, currency: 'USD' });
    expect(failure(() => compareRebatePrograms([handProgram, handProgram, usd], handNetwork, [{ name: 'f' }])).issues).toEqual([
      { path: ['programs', 2, 'currency'], code: 'inconsistent', message: 'is USD at 2 places, but programs[0] is CNY at 2: compare programs in one currency and money scale' },
    ]);
  });
});

describe('more boundaries', () => {
  it('a program in the same currency at another scale is refused; every other program is checked', () => {
    const fine = defineRebateProgram({ ...handSpec, rounding: { stage: 'line', scale: 3 } });
    expect(failure(() => compareRebatePrograms([handProgram, fine, fine], handNetwork, [{ name: 'f' }])).issues.map((i) => [i.path, i.message])).toEqual([
      [['programs', 1, 'currency'], 'is CNY at 3 places, but programs[0] is CNY at 2: compare programs in one currency and money scale'],
      [['programs', 2, 'currency'], 'is CNY at 3 places, but programs[0] is CNY at 2: compare programs in one currency and money scale'],
    ]);
  });

  it('the top tier moves up without a bound above it: Gold from 120 % drops B to Silver', () => {
    // B at 110 %: Silver 2 % × 110,000 = 2,200 + award 100 = 2,300 instead of 3,400 and the 1,000 fund: −2,100.
    const s = calculateThresholdSensitivity(handProgram, handNetwork, { tier: 'Gold', deltas: ['0.1', 5] });
    expect(s.points.map((p) => [p.value.toString(), p.change.toString(), p.moved])).toEqual([['1.2', '-2100', 1], ['6.1', '-2100', 1]]);
  });
});

describe('a deterministic scenario that breaks what two dealers need', () => {
  it('both are named under the scenario, at once', () => {
    expect(failure(sim([{ name: 'x', dealers: { A: { target: 0 }, C: { target: -5 } } }])).issues.map((i) => [i.path, i.code])).toEqual([
      [['scenarios', 0, 'dealers', 'A', 'target'], 'out_of_range'],
      [['scenarios', 0, 'dealers', 'C', 'target'], 'out_of_range'],
    ]);
  });
});

describe('an unknown dealer is refused once; a negative zero is zero', () => {
  it('an override of an unknown dealer is not read further: its growth below −1 adds no issue', () => {
    expect(failure(sim([{ name: 'x', dealers: { D13: { growth: -2 } } }])).issues.map((i) => [i.path, i.code])).toEqual([[['scenarios', 0, 'dealers', 'D13'], 'unknown_label']]);
  });

  it("an sd of '-0' is 0, not negative: every run replays the year", () => {
    const o = simulateRebateProgram(handProgram, handNetwork, [{ name: 'z', growth: { mean: 0, sd: '-0', distribution: 'normal' }, runs: 2, seed: 1 }]).scenarios[0]!;
    expect(o.kind === 'stochastic' && o.totals.map(String)).toEqual(['5300', '5300']);
  });
});
