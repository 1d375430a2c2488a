// Every refusal of dealerkit/design with its exact message, path and issue code (the texts of
// src/design/messages.ts filled in by hand from each case's figures), and the warnings of a
// percent-like growth and of an incremental program's cliffs.
import { describe, expect, it } from 'vitest';
import { defineRebateProgram } from 'dealerkit';
import { calculateCliffExposure, calculateThresholdSensitivity, compareRebatePrograms, simulateRebateProgram } from 'dealerkit/design';
import { thrown } from '../helpers.js';
import { handNetwork, handProgram, handSpec } from './helpers.js';

const all = (fn: () => unknown) => thrown(fn).issues.map((i) => [i.path, i.code, i.message]);
const normal = { mean: '0.05', sd: '0.1', distribution: 'normal' };
const sim = (scenarios: unknown, network: unknown = handNetwork) => () => simulateRebateProgram(handProgram, network as never, scenarios as never);

describe('simulateRebateProgram refusals', () => {
  it('growths, runs and seeds out of range', () => {
    expect(all(sim([{ name: 'x', growth: { ...normal, mean: -1 }, runs: 1, seed: 1 }]))).toEqual([[['scenarios', 0, 'growth', 'mean'], 'out_of_range', 'must be greater than -1 (−100 %: no sales), received -1']]);
    expect(all(sim([{ name: 'x', segments: { east: -2 } }]))).toEqual([[['scenarios', 0, 'segments', 'east'], 'out_of_range', 'must be at least -1 (−100 %: no sales), received -2']]);
    expect(all(sim([{ name: 'x', targetGrowth: -1 }]))).toEqual([[['scenarios', 0, 'targetGrowth'], 'out_of_range', 'must be greater than -1 (a target must stay above 0), received -1']]);
    expect(all(sim([{ name: 'x', growth: normal, runs: 0, seed: -1 }]))).toEqual([
      [['scenarios', 0, 'runs'], 'out_of_range', 'must be from 1 to 1000000, received 0'],
      [['scenarios', 0, 'seed'], 'out_of_range', 'must be a whole number from 0, received -1'],
    ]);
    expect(all(sim([{ name: 'x', growth: normal, runs: 2_000_000, seed: 1 }]))).toEqual([[['scenarios', 0, 'runs'], 'out_of_range', 'must be from 1 to 1000000, received 2000000']]);
    expect(thrown(sim([{ name: 'x', growth: { ...normal, sd: '-0.1' }, runs: 1, seed: 1 }])).issues[0]!.message).toBe('must not be negative, received -0.1');
  });

  it('a deterministic scenario given runs and seed, a stochastic one without them', () => {
    expect(all(sim([{ name: 'x', growth: '0.1', runs: 10, seed: 1 }]))).toEqual([
      [['scenarios', 0, 'runs'], 'inconsistent', 'runs belongs to a stochastic scenario; give growth as { mean, sd, distribution } to draw it, or leave runs out'],
      [['scenarios', 0, 'seed'], 'inconsistent', 'seed belongs to a stochastic scenario; give growth as { mean, sd, distribution } to draw it, or leave seed out'],
    ]);
    expect(all(sim([{ name: 'x', growth: normal, seed: 1 }]))).toEqual([[['scenarios', 0, 'runs'], 'required', 'is required by a stochastic scenario (how many runs to draw)']]);
  });

  it('a scenario listed twice, a dealer without an id, an empty network', () => {
    expect(all(sim([{ name: 'x' }, { name: 'y' }, { name: 'x' }]))).toEqual([[['scenarios', 2, 'name'], 'duplicate', '"x" is listed twice (first at scenarios[0])']]);
    expect(all(sim([{ name: 'x' }], [{ sales: 1, target: 1, metrics: { onTimePaymentRatio: 1 } }]))).toEqual([
      [['network', 0, 'id'], 'required', 'is required (a string or a number): overrides and error paths name the dealer by it'],
    ]);
    expect(all(sim([{ name: 'x' }], []))).toEqual([[['network'], 'too_short', 'must hold at least one dealer']]);
  });

  it('a growth of 5 reads as +500 %: a warning says how to write 5 %', () => {
    const s = simulateRebateProgram(handProgram, handNetwork, [{ name: 'x', growth: 5 }]);
    expect(s.scenarios[0]!.warnings.map((w) => [w.code, w.message, w.path])).toEqual([['percent-like-growth', 'a growth of 5 is +500 %; if 5 % was meant, write 0.05', ['scenarios', 0, 'growth']]]);
  });
});

describe('calculateThresholdSensitivity refusals', () => {
  const sens = (o: unknown) => () => calculateThresholdSensitivity(handProgram, handNetwork, o as never);
  it('tiers that are not there, the first tier, moves out of order or out of range', () => {
    expect(all(sens({ tier: 5, deltas: [0] }))).toEqual([[['options', 'tier'], 'unknown_label', 'must be a tier of the program, from 0 to 2, received 5']]);
    expect(all(sens({ tier: -1, deltas: [0] }))).toEqual([[['options', 'tier'], 'unknown_label', 'must be a tier of the program, from 0 to 2, received -1']]);
    expect(all(sens({ tier: 'Platinum', deltas: [0] }))).toEqual([[['options', 'tier'], 'unknown_label', 'no tier of the program is named "Platinum" (the tiers: "—", "Silver", "Gold")']]);
    expect(all(sens({ tier: 0, deltas: [0] }))).toEqual([[['options', 'tier'], 'invalid_value', 'the first tier starts at 0, the lowest value of every basis; move the threshold of a higher tier']]);
    // Gold (from 1.1) − 0.3 = 0.8, at or below Silver's 0.9; Silver (0.9) + 0.3 = 1.2, at or above Gold's 1.1;
    // Silver − 0.9 = 0, where the first tier starts.
    expect(all(sens({ tier: 'Gold', deltas: [0, '-0.3'] }))).toEqual([[['options', 'deltas', 1], 'not_ascending', "moves Gold's threshold to 0.8, at or below Silver's threshold (0.9); tiers must stay in ascending order"]]);
    expect(all(sens({ tier: 'Silver', deltas: ['0.3'] }))).toEqual([[['options', 'deltas', 0], 'not_ascending', "moves Silver's threshold to 1.2, at or above Gold's threshold (1.1); tiers must stay in ascending order"]]);
    expect(all(sens({ tier: 1, deltas: ['-0.9'] }))).toEqual([[['options', 'deltas', 0], 'not_ascending', "moves Silver's threshold to 0, at or below 0, where the first tier (—) starts; tiers must stay in ascending order"]]);
    // Silver's rate 0.02 − 0.05 = −0.03; + 1 = 1.02.
    expect(all(sens({ tier: 'Silver', deltas: ['-0.05'], move: 'rate' }))).toEqual([[['options', 'deltas', 0], 'out_of_range', "moves Silver's rate to -0.03, below 0"]]);
    expect(all(sens({ tier: 'Silver', deltas: ['1'], move: 'rate' }))).toEqual([[['options', 'deltas', 0], 'out_of_range', "moves Silver's rate to 1.02, above 1 (rates are fractions: 0.03 for 3 %)"]]);
    expect(all(sens({ tier: 'Silver', deltas: [0], scenario: { name: 'x', growth: normal, runs: 1, seed: 1 } }))).toEqual([
      [['options', 'scenario', 'growth'], 'inconsistent', 'must be a deterministic scenario here (one growth, per segment or per dealer); a stochastic scenario belongs to simulateRebateProgram'],
    ]);
  });
});

describe('calculateCliffExposure and compareRebatePrograms refusals', () => {
  it('a window with neither or both bounds', () => {
    expect(all(() => calculateCliffExposure(handProgram, handNetwork, { window: {} }))).toEqual([[['options', 'window'], 'required', "must give relative (a fraction of the threshold) or absolute (in the basis's units)"]]);
    expect(all(() => calculateCliffExposure(handProgram, handNetwork, { window: { relative: '0.1', absolute: 5 } }))).toEqual([[['options', 'window'], 'inconsistent', 'must give relative or absolute, not both']]);
  });

  it('an incremental program has no cliffs: a warning says why', () => {
    const e = calculateCliffExposure(defineRebateProgram({ ...handSpec, method: 'incremental' }), handNetwork, { window: { relative: '0.1' } });
    expect(e.warnings.map((w) => [w.code, w.message])).toContainEqual([
      expect.any(String),
      "an incremental program prices each band at its own rate, so reaching a threshold re-prices nothing: the gains are only the next band's rate on the gap (and any fixed amount)",
    ]);
  });

  it('programs that are not a list, too few, or in another currency or scale', () => {
    expect(all(() => compareRebatePrograms('x' as never, handNetwork, [{ name: 'f' }]))).toEqual([[['programs'], 'invalid_type', 'must be a list of programs (the first is the one switched from)']]);
    expect(all(() => compareRebatePrograms([handProgram], handNetwork, [{ name: 'f' }]))).toEqual([[['programs'], 'too_short', 'must hold at least 2 programs to compare, received 1']]);
    expect(all(() => compareRebatePrograms([handProgram, defineRebateProgram({ ...handSpec, currency: 'EUR' })], handNetwork, [{ name: 'f' }]))).toEqual([
      [['programs', 1, 'currency'], 'inconsistent', 'is EUR at 2 places, but programs[0] is CNY at 2: compare programs in one currency and money scale'],
    ]);
    expect(all(() => compareRebatePrograms([handProgram, defineRebateProgram({ ...handSpec, currency: 'JPY' })], handNetwork, [{ name: 'f' }]))[0]![2]).toBe(
      'is JPY at 0 places, but programs[0] is CNY at 2: compare programs in one currency and money scale',
    );
  });
});
