// The options and the scenario fields read by schema: each word-list refusal names the words it
// accepts (so each listed word is pinned), names and lists may not be empty, and every default
// written out explicitly gives what leaving it out gives.
import { describe, expect, it } from 'vitest';
import { toDecimal } from 'dealerkit';
import { calculateCliffExposure, calculateThresholdSensitivity, simulateRebateProgram, type RebateStochasticOutcome } from 'dealerkit/design';
import { thrown } from '../helpers.js';
import { handNetwork, handProgram } from './helpers.js';

const issues = (fn: () => unknown) => thrown(fn).issues;
const still = { name: 's', growth: { mean: 0, sd: 0, distribution: 'normal' as const }, runs: 1, seed: 1 };

describe('word lists name what they accept', () => {
  it("keep: 'totals' or 'dealers'; distribution: 'normal' or 'lognormal'", () => {
    expect(issues(() => simulateRebateProgram(handProgram, handNetwork, [{ ...still, keep: 'all' as never }]))).toEqual([
      { path: ['scenarios', 0, 'keep'], code: 'invalid_value', message: 'must be one of \'totals\', \'dealers\', received "all"', expected: "one of 'totals', 'dealers'", received: '"all"' },
    ]);
    expect(issues(() => simulateRebateProgram(handProgram, handNetwork, [{ ...still, growth: { ...still.growth, distribution: 'uniform' as never } }]))).toEqual([
      { path: ['scenarios', 0, 'growth', 'distribution'], code: 'invalid_value', message: 'must be one of \'normal\', \'lognormal\', received "uniform"', expected: "one of 'normal', 'lognormal'", received: '"uniform"' },
    ]);
  });

  it("onError: 'throw' or 'collect', in every function; move: 'threshold' or 'rate'", () => {
    const onError = { path: ['options', 'onError'], code: 'invalid_value', message: 'must be one of \'throw\', \'collect\', received "skip"', expected: "one of 'throw', 'collect'", received: '"skip"' };
    expect(issues(() => simulateRebateProgram(handProgram, handNetwork, [{ name: 'x' }], { onError: 'skip' as never }))).toEqual([onError]);
    expect(issues(() => calculateCliffExposure(handProgram, handNetwork, { window: { relative: 1 }, onError: 'skip' as never }))).toEqual([onError]);
    expect(issues(() => calculateThresholdSensitivity(handProgram, handNetwork, { tier: 1, deltas: [0], onError: 'skip' as never }))).toEqual([onError]);
    expect(issues(() => calculateThresholdSensitivity(handProgram, handNetwork, { tier: 1, deltas: [0], move: 'x' as never }))).toEqual([
      { path: ['options', 'move'], code: 'invalid_value', message: 'must be one of \'threshold\', \'rate\', received "x"', expected: "one of 'threshold', 'rate'", received: '"x"' },
    ]);
  });

  it('onProgress must be a function', () => {
    expect(issues(() => calculateCliffExposure(handProgram, handNetwork, { window: { relative: 1 }, onProgress: 3 as never }))).toEqual([
      { path: ['options', 'onProgress'], code: 'invalid_value', message: 'must be a function (done, total) => void', received: '3' },
    ]);
  });
});

describe('names and lists may not be empty', () => {
  it('no scenario, an empty scenario name, an empty segment, an empty tier name, no delta', () => {
    expect(issues(() => simulateRebateProgram(handProgram, handNetwork, []))).toEqual([{ path: ['scenarios'], code: 'too_short', message: 'must hold at least 1 item', limit: '1' }]);
    expect(issues(() => simulateRebateProgram(handProgram, handNetwork, [{ name: '' }]))).toEqual([{ path: ['scenarios', 0, 'name'], code: 'too_short', message: 'must not be empty', limit: '1' }]);
    expect(issues(() => simulateRebateProgram(handProgram, [{ ...handNetwork[0]!, segment: '' }], [{ name: 'x' }]))).toEqual([{ path: ['network', 'A', 'segment'], code: 'too_short', message: 'must not be empty', limit: '1' }]);
    expect(issues(() => calculateThresholdSensitivity(handProgram, handNetwork, { tier: '', deltas: [0] }))).toEqual([{ path: ['options', 'tier'], code: 'too_short', message: 'must not be empty', limit: '1' }]);
    expect(issues(() => calculateThresholdSensitivity(handProgram, handNetwork, { tier: 1, deltas: [] }))).toEqual([{ path: ['options', 'deltas'], code: 'too_short', message: 'must hold at least 1 item', limit: '1' }]);
    // A tier index is whole.
    expect(issues(() => calculateThresholdSensitivity(handProgram, handNetwork, { tier: 1.5, deltas: [0] }))[0]).toMatchObject({ path: ['options', 'tier'], code: 'invalid_type' });
  });
});

describe('defaults written out give what leaving them out gives', () => {
  it("keep: 'totals' keeps no draws; onError: 'throw' throws; move: 'threshold' moves the threshold; top 5", () => {
    const s = simulateRebateProgram(handProgram, handNetwork, [{ ...still, keep: 'totals' }]).scenarios[0] as RebateStochasticOutcome;
    expect([s.draws, s.totals.map(String)]).toEqual([null, ['5300']]);
    expect(issues(() => simulateRebateProgram(handProgram, [...handNetwork, { id: 'D', sales: 1 }], [{ name: 'x' }], { onError: 'throw' }))[0]!.path).toEqual(['network', 'D', 'target']);
    const t = calculateThresholdSensitivity(handProgram, handNetwork, { tier: 'Gold', deltas: ['-0.15'], move: 'threshold' });
    // Gold from 95 %: A 3 % × 95,000 = 2,850 (+950) and the 1,000 fund: +1,950.
    expect([t.move, t.points[0]!.value.toString(), t.points[0]!.change.toString()]).toEqual(['threshold', '0.95', '1950']);
    const many = Array.from({ length: 7 }, (_, i) => ({ ...handNetwork[0]!, id: `A${i}`, sales: 91000 + 1000 * i }));
    const top = simulateRebateProgram(handProgram, many, [{ name: 'x' }]).scenarios[0]!.top.map((x) => x.id);
    expect(top).toEqual(['A6', 'A5', 'A4', 'A3', 'A2']);
  });
});

describe('a growth is a number unless it is a distribution', () => {
  it('a Decimal is a deterministic growth: +10 % gives 5,975 (simulate.test works it out)', () => {
    const o = simulateRebateProgram(handProgram, handNetwork, [{ name: 'x', growth: toDecimal('0.1') }]).scenarios[0]!;
    expect([o.kind, o.kind === 'deterministic' && o.rebate.toString()]).toEqual(['deterministic', '5975']);
  });

  it('null is refused as a number, not read as a distribution', () => {
    expect(issues(() => simulateRebateProgram(handProgram, handNetwork, [{ name: 'x', growth: null as never }]))).toEqual([
      { path: ['scenarios', 0, 'growth'], code: 'not_a_number', message: 'must be a number or a numeric string, received null', expected: 'a number or a numeric string', received: 'null' },
    ]);
  });
});
