import { describe, expect, it } from 'vitest';
import { adjustTarget, type AdjustTargetSpec } from 'dealerkit/targets';
import { errorOf } from './helpers.js';

const rule = { drop: '0.1', targetFactor: '0.9', rewardCoefficient: '1.1' };
const refused = (fn: () => unknown) => {
  const e = errorOf(fn);
  return { code: e.code, issues: e.issues.map((i) => ({ ...i })) };
};

describe('adjustTarget: refusals with code, path, message and detail', () => {
  it('a drop of zero, and a negative drop (refused twice: below the fraction range and not above 0)', () => {
    const spec = { rules: [{ ...rule, drop: 0 }, { ...rule, drop: '-0.5' }] } as unknown as AdjustTargetSpec;
    expect(refused(() => adjustTarget(spec, { target: 100, demandChange: -0.2 }))).toEqual({
      code: 'out_of_range',
      issues: [
        { path: ['rules', 0, 'drop'], code: 'out_of_range', message: 'must be greater than 0, received 0', expected: 'greater than 0', received: '0', limit: '0' },
        { path: ['rules', 1, 'drop'], code: 'out_of_range', message: 'must not be negative, received -0.5', expected: 'from 0 to 1', received: '-0.5', limit: '0' },
        { path: ['rules', 1, 'drop'], code: 'out_of_range', message: 'must be greater than 0, received -0.5', expected: 'greater than 0', received: '-0.5', limit: '0' },
      ],
    });
  });

  it('a demand change below -1 reads as a percentage written whole', () => {
    expect(refused(() => adjustTarget({ rules: [rule] }, { target: 100, demandChange: -1.5 }))).toEqual({
      code: 'out_of_range',
      issues: [
        {
          path: ['demandChange'],
          code: 'percent_as_whole_number',
          message: 'must be at least -1 (a fall of 100 %), received -1.5: write -0.015 for -1.5 %',
          expected: 'at least -1',
          received: '-1.5',
          limit: '-1',
        },
      ],
    });
  });

  it('a repeated drop (0.10 is 0.1)', () => {
    expect(refused(() => adjustTarget({ rules: [rule, { ...rule, drop: '0.10' }] }, { target: 100, demandChange: -0.2 }))).toEqual({
      code: 'invalid_input',
      issues: [{ path: ['rules', 1, 'drop'], code: 'duplicate', message: 'repeats the drop of rules[0] (0.1)', received: '0.1' }],
    });
  });
});
