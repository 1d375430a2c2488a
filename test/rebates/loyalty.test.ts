import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  calculateLoyaltyBonus,
  explainLoyaltyBonus,
  loyaltyBonusSchema,
  type LoyaltyBonusInput,
  type LoyaltyBonusOptions,
  type LoyaltyBonusResult,
  type LoyaltyBonusStep,
} from 'dealerkit';
import { strs, thrown } from './helpers.js';

// The sample network's D05 (Pudong Partners, examples/data/network.json): on target 2023, 2024 and
// 2025, below in 2022. The seeds' star-dealer rule: "after three consecutive years on target, a
// bonus of a percentage of cumulative sales" (DOMAIN.md §1).
const d05 = [
  { year: 2022, sales: 5645000, target: 5760000 },
  { year: 2023, sales: 6610000, target: 6120000 },
  { year: 2024, sales: 6998000, target: 6480000 },
  { year: 2025, sales: 8634400, target: 7200000 },
];
const rates = [
  { streak: 3, rate: '0.005' },
  { streak: 5, rate: '0.01' },
];

describe('calculateLoyaltyBonus (was loyaltyBonus)', () => {
  it('the public signature', () => {
    expectTypeOf(calculateLoyaltyBonus).parameters.toEqualTypeOf<[LoyaltyBonusInput, (LoyaltyBonusOptions | undefined)?]>();
    expectTypeOf(calculateLoyaltyBonus).returns.toEqualTypeOf<LoyaltyBonusResult>();
    expectTypeOf(explainLoyaltyBonus).returns.toEqualTypeOf<string[]>();
    expectTypeOf<LoyaltyBonusStep['code']>().toEqualTypeOf<'loyalty-year' | 'loyalty-streak' | 'loyalty-break' | 'loyalty-bonus' | 'loyalty-no-rate'>();
    // @ts-expect-error: the rounding mode is rounding.mode now
    expect(() => calculateLoyaltyBonus({ currency: 'CNY', mode: 'down', history: d05, rates })).toThrow();
  });

  it("the seeds' star dealer D05: three years on target earn 0.5 % of 6,610,000 + 6,998,000 + 8,634,400 = 22,242,400, i.e. 111,212.00", () => {
    const b = calculateLoyaltyBonus({ currency: 'CNY', history: d05, rates });
    expect([b.streak, b.streakYears, b.streakSales.toString(), b.rate!.streak, b.bonus.toString()]).toEqual([3, [2023, 2024, 2025], '22242400', 3, '111212']);
    expect(b.brokenBy).toEqual({ year: 2022, reason: 'below target' });
    expect(b.history[0]!.onTarget).toBe(false);
    expect(b.warnings).toEqual([]);
  });

  it('attainments are reported to ratioScale places (10 by default); on target compares sales with the target exactly', () => {
    const b = calculateLoyaltyBonus({ currency: 'CNY', history: d05, rates });
    // 5,645,000 / 5,760,000 = 0.98003472…; 6,610,000 / 6,120,000 = 1.08006535…; 6,998,000 / 6,480,000 = 1.07993827…; 8,634,400 / 7,200,000 = 1.19922222…
    expect(strs(b.history.map((h) => h.attainment))).toEqual(['0.9800347222', '1.0800653595', '1.0799382716', '1.1992222222']);
    expect(strs(calculateLoyaltyBonus({ currency: 'CNY', history: d05, rates }, { ratioScale: 4 }).history.map((h) => h.attainment))).toEqual(['0.98', '1.0801', '1.0799', '1.1992']);
    // 2 / 3 = 0.666…, reported 0.6667 at 4 places; a sales of 999,999,999.99 against 1,000,000,000 is below target although it reports 1.0000.
    const close = calculateLoyaltyBonus({ currency: 'CNY', history: [{ year: 2025, sales: '999999999.99', target: 1e9 }], rates }, { ratioScale: 4 });
    expect([close.history[0]!.attainment.toFixed(4), close.history[0]!.onTarget, close.streak]).toEqual(['1.0000', false, 0]);
  });

  it('steps: every year, the streak, what ended it, and the bonus, each with its figures', () => {
    const b = calculateLoyaltyBonus({ currency: 'CNY', history: d05, rates });
    expect(b.steps.map((s) => s.code)).toEqual(['loyalty-year', 'loyalty-year', 'loyalty-year', 'loyalty-year', 'loyalty-streak', 'loyalty-break', 'loyalty-bonus']);
    const bonus = b.steps[6]!;
    expect(bonus.code === 'loyalty-bonus' && [bonus.rate.rate.toString(), bonus.streakSales.toString(), bonus.unrounded.toString(), bonus.bonus.toString(), bonus.scale, bonus.mode]).toEqual([
      '0.005',
      '22242400',
      '111212',
      '111212',
      2,
      'half-up',
    ]);
    expect(b.steps.map((s) => s.text)).toEqual([
      '2022: 5,645,000.00 of target 5,760,000.00 = 98.00 %: below target',
      '2023: 6,610,000.00 of target 6,120,000.00 = 108.01 %: on target',
      '2024: 6,998,000.00 of target 6,480,000.00 = 107.99 %: on target',
      '2025: 8,634,400.00 of target 7,200,000.00 = 119.92 %: on target',
      '3 years on target in a row (2023–2025): 6,610,000.00 + 6,998,000.00 + 8,634,400.00 = 22,242,400.00 of sales',
      '2022 ended the streak: 98.00 % of target (5,645,000.00 of 5,760,000.00)',
      'Loyalty bonus for 3 years on target: 0.5 % × 22,242,400.00 = 111,212.00',
    ]);
  });

  it('explainLoyaltyBonus: the sentences for D05, grouped for the locale', () => {
    const b = calculateLoyaltyBonus({ currency: 'CNY', history: d05, rates });
    expect(explainLoyaltyBonus(b)).toEqual([
      '3 years on target in a row (2023–2025): 6,610,000.00 + 6,998,000.00 + 8,634,400.00 = 22,242,400.00 of sales',
      '2022 ended the streak: 98.00 % of target (5,645,000.00 of 5,760,000.00)',
      'Loyalty bonus for 3 years on target: 0.5 % × 22,242,400.00 = 111,212.00',
    ]);
    expect(explainLoyaltyBonus(b, { locale: 'de' })[2]).toBe('Loyalty bonus for 3 years on target: 0,5 % × 22.242.400,00 = 111.212,00');
  });

  it('a year below target ends the streak; a missing year breaks it; no rate below the first streak', () => {
    const off = calculateLoyaltyBonus({ currency: 'CNY', history: [...d05.slice(0, 3), { year: 2025, sales: 1, target: 2 }], rates: [{ streak: 3, rate: '0.005' }] });
    expect([off.streak, off.bonus.toString(), off.rate]).toEqual([0, '0', null]);
    expect(explainLoyaltyBonus(off)).toEqual(['No streak: 2025 was below target', 'No loyalty bonus: 0 years on target, the first rate needs 3']);
    const gap = calculateLoyaltyBonus({ currency: 'CNY', history: [d05[1]!, d05[3]!], rates: [{ streak: 1, rate: '0.001' }] });
    // 2025 alone: 0.1 % × 8,634,400 = 8,634.40.
    expect([gap.streak, gap.bonus.toString(), gap.brokenBy]).toEqual([1, '8634.4', { year: 2024, reason: 'missing' }]);
    expect(explainLoyaltyBonus(gap)).toEqual([
      '1 year on target in a row (2025): 8,634,400.00 of sales',
      '2024 ended the streak: no figures for that year',
      'Loyalty bonus for 1 year on target: 0.1 % × 8,634,400.00 = 8,634.40',
    ]);
    const two = calculateLoyaltyBonus({ currency: 'CNY', history: d05.slice(2), rates });
    expect(explainLoyaltyBonus(two)).toEqual([
      '2 years on target in a row (2024–2025): 6,998,000.00 + 8,634,400.00 = 15,632,400.00 of sales',
      'No loyalty bonus: 2 years on target, the first rate needs 3',
    ]);
    // Exactly on target counts (attainment 1).
    const exact = calculateLoyaltyBonus({ currency: 'CNY', history: [{ year: 2025, sales: 100, target: 100 }], rates: [{ streak: 1, rate: '0.1' }] });
    expect([exact.streak, exact.brokenBy, exact.bonus.toString()]).toEqual([1, null, '10']);
  });

  it('rounding: { scale, mode } replaces the top-level mode: 0.33 % × 22,242,400 = 73,399.92', () => {
    const r = [{ streak: 3, rate: '0.0033' }];
    expect(calculateLoyaltyBonus({ currency: 'CNY', history: d05, rates: r }).bonus.toString()).toBe('73399.92');
    const whole = calculateLoyaltyBonus({ currency: 'CNY', rounding: { scale: 0 }, history: d05, rates: r });
    expect(whole.bonus.toString()).toBe('73400');
    expect(explainLoyaltyBonus(whole)[2]).toBe('Loyalty bonus for 3 years on target: 0.33 % × 22,242,400 = 73,399.92 → 73,400');
    expect(calculateLoyaltyBonus({ currency: 'CNY', rounding: { scale: 0, mode: 'down' }, history: d05, rates: r }).bonus.toString()).toBe('73399');
  });

  it('a rate written as a percentage is refused with percent_as_whole_number and the hint', () => {
    const e = thrown(() => calculateLoyaltyBonus({ currency: 'CNY', history: d05, rates: [{ streak: 3, rate: '0.5' }, { streak: 5, rate: 1.5 }] }));
    expect(e.issues).toEqual([
      { path: ['rates', 1, 'rate'], code: 'percent_as_whole_number', message: 'must be a fraction from 0 to 1, received 1.5: write 0.015 for 1.5 %', expected: 'from 0 to 1', received: '1.5', limit: '1' },
    ]);
    expect(loyaltyBonusSchema.safeParse({ currency: 'CNY', history: d05, rates: [{ streak: 3, rate: 5 }] }).success).toBe(false);
  });

  it('bad input: every issue with its code, all reported at once', () => {
    const e = thrown(() => calculateLoyaltyBonus({ currency: 'CNY', history: [d05[0]!, d05[0]!], rates: [{ streak: 1, rate: 0 }, { streak: 1, rate: '0.1' }] }));
    expect(e.issues.map((i) => [i.path, i.code, i.message])).toEqual([
      [['history', 1, 'year'], 'duplicate', '2022 is listed twice (first at history[0])'],
      [['rates', 1, 'streak'], 'duplicate', '1 is listed twice (first at rates[0])'],
    ]);
    expect(thrown(() => calculateLoyaltyBonus({ currency: 'CNY', history: [{ year: 2025, sales: 1, target: 0 }], rates })).issues[0]).toMatchObject({
      path: ['history', 0, 'target'],
      code: 'out_of_range',
      limit: '0',
    });
    expect(thrown(() => calculateLoyaltyBonus({ currency: 'CNY', history: [{ year: '2025' as never, sales: 1, target: 1 }], rates })).issues[0]).toMatchObject({
      path: ['history', 0, 'year'],
      code: 'invalid_type',
    });
    expect(thrown(() => calculateLoyaltyBonus({ currency: 'CNY', history: [], rates })).issues[0]).toMatchObject({ path: ['history'], code: 'too_short' });
    expect(thrown(() => calculateLoyaltyBonus({ currency: 'XYZ', history: d05, rates })).issues[0]!.path).toEqual(['currency']);
    expect(thrown(() => calculateLoyaltyBonus({ currency: 'CNY', mode: 'down', history: d05, rates } as never)).issues[0]).toMatchObject({ path: ['mode'], code: 'unknown_field' });
    expect(thrown(() => calculateLoyaltyBonus({ currency: 'CNY', rounding: { stage: 'total' }, history: d05, rates } as never)).issues[0]).toMatchObject({
      path: ['rounding', 'stage'],
      code: 'unknown_field',
    });
    expect(thrown(() => calculateLoyaltyBonus({ currency: 'CNY', histroy: d05, rates } as never)).issues).toContainEqual({
      path: ['histroy'],
      code: 'unknown_field',
      message: 'is not a known field; did you mean `history`?',
      received: 'histroy',
    });
    expect(thrown(() => calculateLoyaltyBonus({ currency: 'CNY', history: d05, rates }, { ratioScale: 2.5 })).issues[0]).toMatchObject({
      path: ['options', 'ratioScale'],
      message: 'must be a whole number of decimal places, received 2.5',
    });
    expect(thrown(() => calculateLoyaltyBonus({ currency: 'CNY', history: d05, rates }, { ratioScal: 4 } as never)).issues[0]).toMatchObject({
      path: ['options', 'ratioScal'],
      code: 'unknown_field',
    });
  });
});
