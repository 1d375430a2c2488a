// The figure writers of dealerkit/design's step texts (src/design/format.ts) and its progress
// reporter, each case worked by hand: half-up rounding, signs (the minus sign "−" of the texts, no
// sign on a negative zero), grouping in English and German, and how often onProgress is called.
import { describe, expect, it } from 'vitest';
import { toDecimal } from '../../src/core/decimal.js';
import { separatorsOf } from '../../src/core/format.js';
import { Progress, count, fmtBasisDelta, fmtBasisValue, fmtGrowth, fmtMoney, fmtPct, fmtSigned, fmtStat, tierLabel } from '../../src/design/format.js';
import { thrown } from '../helpers.js';

const d = toDecimal;
const de = separatorsOf('de', []);

describe('figures in step texts', () => {
  it('money at its scale, half-up', () => {
    expect(fmtMoney(d('1234567.005'), 2)).toBe('1,234,567.01');
    expect(fmtMoney(d('1234567.004'), 2)).toBe('1,234,567.00');
    expect(fmtMoney(d('2.5'), 0)).toBe('3');
    expect(fmtMoney(d('1234.5'), 2, de)).toBe('1.234,50');
  });

  it('statistics (plain numbers) rounded to the money scale', () => {
    // 1,234,567.891 × 100 = 123,456,789.1 → 123,456,789 → 1,234,567.89; 1,234.5 at 0 places: 1,235.
    expect(fmtStat(1234567.891, 2)).toBe('1,234,567.89');
    expect(fmtStat(1234.5, 0)).toBe('1,235');
    expect(fmtStat(0.25, 1)).toBe('0.3');
    expect(fmtStat(1234.5, 2, de)).toBe('1.234,50');
  });

  it('ratios as percentages, from numbers and from decimals', () => {
    expect(fmtPct(0.0147)).toBe('1.47 %');
    expect(fmtPct(12.5, 0)).toBe('1,250 %');
    expect(fmtPct(0.5, 1, de)).toBe('50,0 %');
    // 0.012345 × 100 = 1.2345 → 1.235 at 3 places (half-up).
    expect(fmtPct(d('0.012345'), 3)).toBe('1.235 %');
    expect(fmtPct(d('0.96245'))).toBe('96.25 %');
    expect(fmtPct(d('12.5'), 0, de)).toBe('1.250 %');
  });

  it('growths with their sign, every digit', () => {
    expect(fmtGrowth(d('0.08'))).toBe('+8 %');
    expect(fmtGrowth(d('-0.055'))).toBe('−5.5 %');
    expect(fmtGrowth(d('0'))).toBe('+0 %');
    expect(fmtGrowth(d('-0'))).toBe('+0 %');
    expect(fmtGrowth(d('12.5'))).toBe('+1,250 %');
    expect(fmtGrowth(d('-12.505'), de)).toBe('−1.250,5 %');
  });

  it('signed figures at a scale or every digit', () => {
    expect(fmtSigned(d('18'), 2)).toBe('+18.00');
    expect(fmtSigned(d('-200'), 2)).toBe('−200.00');
    expect(fmtSigned(d('-0'), 2)).toBe('+0.00');
    expect(fmtSigned(d('0.005'), 2)).toBe('+0.01');
    expect(fmtSigned(d('-1234.5'), null)).toBe('−1,234.5');
    expect(fmtSigned(d('1234.5'), null, de)).toBe('+1.234,5');
  });

  it("values and changes in the units of a program's basis", () => {
    expect(fmtBasisValue('attainment', 2, d('0.9625'))).toBe('96.25 %');
    expect(fmtBasisValue('growthRate', 2, d('-0.05'))).toBe('-5.00 %');
    expect(fmtBasisValue('quantity', 2, d('12345.5'))).toBe('12,345.5');
    expect(fmtBasisValue('amount', 2, d('1234.5'))).toBe('1,234.50');
    expect(fmtBasisValue('growth', 0, d('1234.5'), de)).toBe('1.235');
    // −0.05 of attainment is −5 points; 0.01234 of growth rate is +1.234 → +1.23 points.
    expect(fmtBasisDelta('attainment', 2, d('-0.05'))).toBe('−5.00 points');
    expect(fmtBasisDelta('growthRate', 2, d('0.01234'))).toBe('+1.23 points');
    expect(fmtBasisDelta('quantity', 2, d('3'))).toBe('+3');
    expect(fmtBasisDelta('amount', 2, d('-1.005'))).toBe('−1.01');
    expect(fmtBasisDelta('growth', 0, d('1234.5'), de)).toBe('+1.235');
  });

  it('tier labels and counted nouns', () => {
    expect(tierLabel({ index: 1, name: null })).toBe('tier 2');
    expect(tierLabel({ index: 1, name: 'Gold' })).toBe('Gold');
    expect(count(1, 'dealer')).toBe('1 dealer');
    expect(count(0, 'dealer')).toBe('0 dealers');
    expect(count(1234, 'run')).toBe('1,234 runs');
  });
});

describe('Progress', () => {
  it('reports about every total / 200 evaluations, and always the last', () => {
    // 1,000 in all: every 5. 3 → nothing; 5 → (5), next at 10; 12 → (12), next at 15; 14 → nothing; 1,000 → (1,000).
    const calls: [number, number][] = [];
    const p = new Progress((done, total) => calls.push([done, total]), 1000);
    p.add(3);
    expect(calls).toEqual([]);
    p.add(2);
    p.add(7);
    p.add(2);
    p.add(986);
    expect(calls).toEqual([
      [5, 1000],
      [12, 1000],
      [1000, 1000],
    ]);
  });

  it('the last call comes at the total even between two reporting points', () => {
    // 401 in all: every ⌈401 / 200⌉ = 3. 400 → (400), next at 402; 401 is the total: (401).
    const calls: number[] = [];
    const p = new Progress((done) => calls.push(done), 401);
    p.add(400);
    p.add(1);
    expect(calls).toEqual([400, 401]);
    // Fewer than 200 in all: every evaluation is reported.
    const few: number[] = [];
    const q = new Progress((done) => few.push(done), 3);
    q.add(1);
    q.add(1);
    q.add(1);
    expect(few).toEqual([1, 2, 3]);
  });

  it('without a callback nothing happens; a callback that throws is reported as the option\'s error', () => {
    expect(() => new Progress(undefined, 10).add(10)).not.toThrow();
    const e = thrown(() =>
      new Progress(() => {
        throw new Error('boom');
      }, 1).add(1),
    );
    expect(e.issues).toEqual([{ path: ['options', 'onProgress'], code: 'invalid_value', message: 'threw an error: boom' }]);
    const f = thrown(() =>
      new Progress(() => {
        throw 'plain';
      }, 1).add(1),
    );
    expect(f.issues[0]!.message).toBe('threw an error: plain');
  });
});
