import { describe, expect, it } from 'vitest';
import { DealerkitError } from 'dealerkit';
import { calculateThresholdSensitivity, simulateRebateProgram, type RebateScenario } from 'dealerkit/design';
import { thrown } from '../helpers.js';
import { handNetwork, handProgram } from './helpers.js';

const simulate = (scenarios: unknown, network: unknown = handNetwork, options?: unknown) => () =>
  simulateRebateProgram(handProgram, network as never, scenarios as RebateScenario[], options as never);
/** Each issue as [printed path, code]. */
const issues = (fn: () => unknown) => thrown(fn).issues.map((i) => [formatted(i.path), i.code]);
const formatted = (path: (string | number)[]) => path.map((k) => (typeof k === 'number' ? `[${k}]` : /^[a-z]/.test(k) ? `.${k}` : `[${k}]`)).join('').replace(/^\./, '');
const normal = { mean: '0.05', sd: '0.1', distribution: 'normal' };

// The issue's list of bad input (#16), each a DealerkitError naming the path with its issue code.
describe('simulateRebateProgram: bad input, each a DealerkitError naming the path', () => {
  it('unknown dealer ids in overrides, unknown segments: unknown_label', () => {
    const e = thrown(simulate([{ name: 'x', dealers: { D13: { growth: '0.1' } }, segments: { west: 0, north: 0 } }]));
    expect(e).toBeInstanceOf(DealerkitError);
    expect(e.code).toBe('unknown_label');
    expect(e.issues.map((i) => [formatted(i.path), i.code])).toEqual([
      ['scenarios[0].segments.north', 'unknown_label'],
      ['scenarios[0].dealers[D13]', 'unknown_label'],
    ]);
    expect(e.message).toBe(
      '[dealerkit] scenarios[0].segments.north: no dealer of the network is in segment "north"; scenarios[0].dealers[D13]: no dealer of the network has the id "D13"',
    );
  });

  it('a stochastic scenario without runs or seed: required', () => {
    expect(issues(simulate([{ name: 'x', growth: normal }]))).toEqual([
      ['scenarios[0].runs', 'required'],
      ['scenarios[0].seed', 'required'],
    ]);
    expect(thrown(simulate([{ name: 'x', growth: normal, runs: 10 }])).message).toBe(
      '[dealerkit] scenarios[0].seed: is required by a stochastic scenario (the same seed gives the same figures on every machine)',
    );
  });

  it('runs and seed out of range or fractional', () => {
    expect(issues(simulate([{ name: 'x', growth: normal, runs: 0, seed: -1 }]))).toEqual([
      ['scenarios[0].runs', 'out_of_range'],
      ['scenarios[0].seed', 'out_of_range'],
    ]);
    expect(issues(simulate([{ name: 'x', growth: normal, runs: 1.5, seed: 0.5 }]))).toEqual([
      ['scenarios[0].runs', 'not_an_integer'],
      ['scenarios[0].seed', 'not_an_integer'],
    ]);
    expect(issues(simulate([{ name: 'x', growth: normal, runs: 2_000_000, seed: 1 }]))).toEqual([['scenarios[0].runs', 'out_of_range']]);
  });

  it('negative or non-finite growth parameters', () => {
    expect(issues(simulate([{ name: 'x', growth: { ...normal, sd: '-0.1' }, runs: 1, seed: 1 }]))).toEqual([['scenarios[0].growth.sd', 'out_of_range']]);
    expect(issues(simulate([{ name: 'x', growth: { ...normal, mean: -1 }, runs: 1, seed: 1 }]))).toEqual([['scenarios[0].growth.mean', 'out_of_range']]);
    expect(issues(simulate([{ name: 'x', growth: { ...normal, mean: NaN }, runs: 1, seed: 1 }]))).toEqual([['scenarios[0].growth.mean', 'not_a_number']]);
    expect(issues(simulate([{ name: 'x', growth: Infinity }]))).toEqual([['scenarios[0].growth', 'not_a_number']]);
    expect(issues(simulate([{ name: 'x', growth: '-1.5' }]))).toEqual([['scenarios[0].growth', 'out_of_range']]);
    expect(thrown(simulate([{ name: 'x', growth: '-1.5' }])).message).toBe('[dealerkit] scenarios[0].growth: must be at least -1 (−100 %: no sales), received -1.5');
    expect(issues(simulate([{ name: 'x', segments: { east: -2 } }]))).toEqual([['scenarios[0].segments.east', 'out_of_range']]);
    expect(issues(simulate([{ name: 'x', targetGrowth: -1 }]))).toEqual([['scenarios[0].targetGrowth', 'out_of_range']]);
    expect(issues(simulate([{ name: 'x', growth: { ...normal, correlation: 50 }, runs: 1, seed: 1 }]))).toEqual([['scenarios[0].growth.correlation', 'percent_as_whole_number']]);
    expect(issues(simulate([{ name: 'x', growth: { mean: 0, sd: 0 }, runs: 1, seed: 1 }]))).toEqual([['scenarios[0].growth.distribution', 'required']]);
  });

  it('runs, seed or keep on a deterministic scenario: inconsistent', () => {
    expect(issues(simulate([{ name: 'x', growth: '0.1', runs: 10, seed: 1 }]))).toEqual([
      ['scenarios[0].runs', 'inconsistent'],
      ['scenarios[0].seed', 'inconsistent'],
    ]);
  });

  it('duplicate scenario names and dealer ids; a dealer without an id; an empty network', () => {
    expect(issues(simulate([{ name: 'x' }, { name: 'x' }]))).toEqual([['scenarios[1].name', 'duplicate']]);
    expect(issues(simulate([{ name: 'x' }], [...handNetwork, { ...handNetwork[0] }]))).toEqual([['network[A].id', 'duplicate']]);
    expect(issues(simulate([{ name: 'x' }], [{ sales: 1, target: 1, metrics: { onTimePaymentRatio: 1 } }]))).toEqual([['network[0].id', 'required']]);
    expect(issues(simulate([{ name: 'x' }], []))).toEqual([['network', 'too_short']]);
    expect(issues(simulate([]))).toEqual([['scenarios', 'too_short']]);
  });

  it('the facts the program needs, and facts a scenario breaks, name the dealer', () => {
    expect(thrown(simulate([{ name: 'x' }], [{ id: 'A', sales: 1, metrics: { onTimePaymentRatio: 1 } }])).message).toBe(
      "[dealerkit] network[A].target: is required (basis 'attainment' divides by it)",
    );
    expect(issues(simulate([{ name: 'x', dealers: { A: { target: 0 } } }]))).toEqual([['scenarios[0].dealers[A].target', 'out_of_range']]);
    expect(issues(simulate([{ name: 'x' }], [{ id: 'A', sales: '1,000', target: 1, metrics: { onTimePaymentRatio: 1 } }]))).toEqual([['network[A].sales', 'not_a_number']]);
  });

  it('unknown fields are named with the nearest known one', () => {
    expect(thrown(simulate([{ name: 'x', grwoth: '0.1' }])).issues[0]).toMatchObject({ code: 'unknown_field', message: 'is not a known field; did you mean `growth`?' });
    expect(thrown(simulate([{ name: 'x' }], handNetwork, { tops: 3 })).issues[0]).toMatchObject({ path: ['options', 'tops'], code: 'unknown_field' });
  });

  it('options out of range', () => {
    expect(issues(simulate([{ name: 'x' }], handNetwork, { top: -1 }))).toEqual([['options.top', 'out_of_range']]);
    expect(issues(simulate([{ name: 'x' }], handNetwork, { onProgress: 3 }))).toEqual([['options.onProgress', 'invalid_value']]);
  });

  it('a deltas list that would move a threshold below the previous tier: not_ascending', () => {
    expect(issues(() => calculateThresholdSensitivity(handProgram, handNetwork, { tier: 'Gold', deltas: [0, '-0.3'] }))).toEqual([['options.deltas[1]', 'not_ascending']]);
  });

  it('nothing but a DealerkitError escapes, whatever the input', () => {
    for (const bad of [null, 3, 'x', [null], [{}], [{ name: 'x', growth: {} }], [{ name: 'x', dealers: null }]]) {
      expect(thrown(simulate(bad))).toBeInstanceOf(DealerkitError);
    }
    expect(thrown(() => simulateRebateProgram(null as never, handNetwork, [{ name: 'x' }]))).toBeInstanceOf(DealerkitError);
  });
});
