// onProgress of the cliff exposure, the sensitivity and the comparison: how many dealer-evaluations
// each counts, worked out from the network's size. Below 200 evaluations in all, every addition is
// reported (Progress reports about every total / 200, at least every 1).
import { describe, expect, it } from 'vitest';
import { defineRebateProgram } from 'dealerkit';
import { calculateCliffExposure, calculateThresholdSensitivity, compareRebatePrograms } from 'dealerkit/design';
import { handNetwork, handProgram, handSpec } from './helpers.js';

const recorder = () => {
  const calls: [number, number][] = [];
  return { calls, onProgress: (done: number, total: number) => void calls.push([done, total]) };
};

describe('onProgress counts dealer-evaluations', () => {
  it('cliffs: one per dealer, 3 in all', () => {
    const r = recorder();
    calculateCliffExposure(handProgram, handNetwork, { window: { relative: '0.1' }, onProgress: r.onProgress });
    expect(r.calls).toEqual([[1, 3], [2, 3], [3, 3]]);
  });

  it('sensitivity: the program as it is and each of 2 deltas over 3 dealers, (2 + 1) × 3 = 9, a pricing at a time', () => {
    const r = recorder();
    calculateThresholdSensitivity(handProgram, handNetwork, { tier: 'Gold', deltas: [0, '-0.05'], onProgress: r.onProgress });
    expect(r.calls).toEqual([[3, 9], [6, 9], [9, 9]]);
  });

  it('comparison: 2 programs × 3 dealers × (1 deterministic + 2 runs) = 18; a dealer at a time, then a run of both programs at a time', () => {
    const other = defineRebateProgram({ ...handSpec, name: 'other' });
    const r = recorder();
    compareRebatePrograms([handProgram, other], handNetwork, [{ name: 'flat' }, { name: 'u', growth: { mean: 0, sd: '0.1', distribution: 'normal' }, runs: 2, seed: 1 }], { onProgress: r.onProgress });
    expect(r.calls).toEqual([[1, 18], [2, 18], [3, 18], [4, 18], [5, 18], [6, 18], [12, 18], [18, 18]]);
  });
});
