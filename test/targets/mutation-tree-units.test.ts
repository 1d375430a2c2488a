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

  it('2^53 − 1 over 1:4 flags the part that got the leftover unit (units × weight sum passes 2^53)', () => {
    // 9,007,199,254,740,991 / 5 = 1,801,439,850,948,198 remainder 1, so a's share is …198.2 and b's
    // (× 4) is 7,205,759,403,792,792.8; the floors sum to 9,007,199,254,740,990 and the last unit
    // goes to b (remainder .8): 7,205,759,403,792,793. In doubles 7,205,759,403,792,793 × 5 and
    // 9,007,199,254,740,991 × 4 round to the same number, so only exact integers tell b was rounded up.
    const s = splitTarget([{ id: 'a', weight: 1 }, { id: 'b', weight: 4 }], '9007199254740991');
    expect(s.parts.map((p) => [p.target.toString(), p.roundedUp])).toEqual([
      ['1801439850948198', false],
      ['7205759403792793', true],
    ]);
  });
});
