// The step sentences of targets, asserted word for word where the figures are cents: amounts below
// one unit (0.40, 0.05), grouped amounts with decimals (1,234.57), the unit 0.01 of a weighted split,
// the 'direct' path, a retail calendar's first sentence, three items listed, a locale's separators
// and an adjustment that leaves a zero target at zero.
import { describe, expect, it } from 'vitest';
import { adjustTarget, cascadeTarget, defineGregorianCalendar, defineNrfCalendar, explainAdjustment, explainCascade, splitTarget } from 'dealerkit/targets';

const y2026 = defineGregorianCalendar({ year: 2026 });
const head = (total: string, levels: string) =>
  `2026 (Gregorian, 2026-01-01 to 2026-12-31, 365 days): ${total} cascaded to ${levels}, each level split exactly inside its parent by largest remainder.`;

describe('cascade sentences at scale 2', () => {
  it('1,234.57 evenly over 4 quarters: 123,457 cents = 4 × 30,864 + 1', () => {
    const c = cascadeTarget({ calendar: y2026, levels: ['quarter'], spread: 'even', rounding: { scale: 2 } }, '1234.57');
    expect(c.steps.map((s) => s.text)).toEqual([
      head('1,234.57', 'quarters'),
      '2026: 1,234.57 over 4 quarters, evenly: 308.64 each; the leftover 0.01 goes to 2026-Q1 (308.65).',
    ]);
  });

  it('amounts below one unit are written with a leading 0: 0.40 = 4 × 0.10; 0.05 = 4 × 0.01 + 0.01', () => {
    const forty = cascadeTarget({ calendar: y2026, levels: ['quarter'], spread: 'even', rounding: { scale: 2 } }, '0.40');
    expect(forty.steps.map((s) => s.text)).toEqual([head('0.40', 'quarters'), '2026: 0.40 over 4 quarters, evenly: 0.10 each.']);
    const five = cascadeTarget({ calendar: y2026, levels: ['quarter'], spread: 'even', rounding: { scale: 2 } }, '0.05');
    expect(five.steps[1]!.text).toBe('2026: 0.05 over 4 quarters, evenly: 0.01 each; the leftover 0.01 goes to 2026-Q1 (0.02).');
  });

  it('by days, cents: 1,000.00 over 90, 91, 92, 92 days rounds down to 0.01 and hands 2 cents out', () => {
    // 100,000 cents × 90/365 = 24,657.53; × 91/365 = 24,931.51; × 92/365 = 25,205.48 (twice).
    // Floors: 24,657 + 24,931 + 25,205 + 25,205 = 99,998, so 2 cents go to the largest
    // remainders, .53 (Q1) and .51 (Q2).
    const c = cascadeTarget({ calendar: y2026, levels: ['quarter'], spread: 'days', rounding: { scale: 2 } }, '1000.00');
    expect(c.steps[1]!.text).toBe(
      '2026: 1,000.00 over 4 quarters by days (365 in all): each gets 1,000.00 × its days / 365, rounded down to 0.01; the 2 leftover units of 0.01 go one each to the largest remainders: 2026-Q1 and 2026-Q2.',
    );
    expect(c.periods.map((p) => p.target.toString())).toEqual(['246.58', '249.32', '252.05', '252.05']);
  });

  it("the 'direct' path says each level is split from the year", () => {
    const c = cascadeTarget({ calendar: y2026, levels: ['quarter', 'month'], spread: 'even', path: 'direct' }, 1200);
    expect(c.steps[0]!.text).toBe(
      '2026 (Gregorian, 2026-01-01 to 2026-12-31, 365 days): 1,200 cascaded to quarters and months, every level split from the year by largest remainder (each level sums to the total; a parent may differ from the sum of its sub-periods by a few units).',
    );
  });

  it("a retail year's first sentence: NRF fiscal 2026 runs 2026-02-01 to 2027-01-30 (52 weeks, 364 days)", () => {
    const c = cascadeTarget({ calendar: defineNrfCalendar(2026), levels: ['quarter'], spread: 'even' }, 364);
    expect(c.steps[0]!.text).toBe(
      'FY2026 (retail, 2026-02-01 to 2027-01-30, 364 days): 364 cascaded to quarters, each level split exactly inside its parent by largest remainder.',
    );
  });

  it('explainCascade in German separators rewrites the first sentence too', () => {
    const c = cascadeTarget({ calendar: y2026, levels: ['quarter'], spread: 'even', rounding: { scale: 2 } }, '1234.57');
    expect(explainCascade(c, { locale: 'de' })).toEqual([
      '2026 (Gregorian, 2026-01-01 to 2026-12-31, 365 days): 1.234,57 cascaded to quarters, each level split exactly inside its parent by largest remainder.',
      '2026: 1.234,57 over 4 quarters, evenly: 308,64 each; the leftover 0,01 goes to 2026-Q1 (308,65).',
    ]);
  });
});

describe('split and adjustment sentences', () => {
  it('three locks are listed a, b and c', () => {
    const s = splitTarget([{ id: 'a', weight: 1 }, { id: 'b', weight: 1 }, { id: 'c', weight: 1 }, { id: 'd', weight: 1 }], 100, { locks: { a: 10, b: 20, c: 30 } });
    // 10 + 20 + 30 = 60 locked, 40 left for d.
    expect(s.steps[0]!.text).toBe('a locked at 10, b locked at 20 and c locked at 30; 40 of 100 left.');
  });

  it('a zero target times a factor other than 1 is written as the product, not as unchanged', () => {
    // demand fell 20 %, the rule at a 10 % drop fires: 0 × 0.9 = 0.
    const a = adjustTarget({ rules: [{ drop: 0.1, targetFactor: 0.9, rewardCoefficient: 1 }] }, { target: 0, demandChange: -0.2 });
    expect(explainAdjustment(a).at(-1)).toBe('Target 0 × 0.9 = 0; reward coefficient 1.');
  });
});
