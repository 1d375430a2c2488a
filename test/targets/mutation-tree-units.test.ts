// Whole units of 10^-scale: a total with too many decimals refused with every issue field, and weights
// whose scaled sum passes 2^53 over a small total (the BigInt weights with a plain-number total).
import { describe, expect, it } from 'vitest';
import { splitTarget } from 'dealerkit/targets';
import { errorOf } from './helpers.js';

describe('targets units', () => {
  it('a total with more decimals than the scale: every field of the issue', () => {
    expect(errorOf(() => splitTarget([{ id: 'a', weight: 1 }], '10.555', { rounding: { scale: 2 } })).issues).toEqual([
      { path: ['total'], code: 'invalid_value', expected: 'at most 2 decimal places', limit: '2', message: 'has more than 2 decimal places (10.555); round it to the scale first' },
    ]);
  });

  it('weights with 20 decimals (scaled sum 10^20, past 2^53) over a total of 100', () => {
    // The weights sum to exactly 1: 100 × 0.33333333333333333333 = 33.33… → 33 and
    // 100 × 0.66666666666666666667 = 66.67… → 66, one unit left to the larger remainder (b): 67.
    const s = splitTarget([{ id: 'a', weight: '0.33333333333333333333' }, { id: 'b', weight: '0.66666666666666666667' }], 100);
    expect(s.parts.map((p) => [p.target.toString(), p.roundedUp])).toEqual([
      ['33', false],
      ['67', true],
    ]);
  });
});
