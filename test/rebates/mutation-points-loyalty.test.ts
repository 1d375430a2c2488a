// calculateLoyaltyBonus and explainLoyaltyBonus field by field (issue 18, part 2: surviving mutants
// of src/rebates/loyalty.ts): every step object with its figures and sentence, a history given out of
// year order, a streak over the whole history (nothing ended it), a break below target and a missing
// year with their rows, no rate with the shortest streak of rates listed out of order, the rounding
// of the bonus, and the duplicate refusals with code, path and received. Every expected figure is
// derived by hand in the test (the arithmetic is in the comments).
import { describe, expect, it } from 'vitest';
import { calculateLoyaltyBonus, explainLoyaltyBonus } from 'dealerkit';
import { thrown } from './helpers.js';

/** A result as plain JSON: Decimals become their strings. */
const plain = (x: unknown): unknown => JSON.parse(JSON.stringify(x));

describe('a streak over the whole history', () => {
  // Given out of year order; every year on target (2022 exactly at it).
  const bonus = () =>
    calculateLoyaltyBonus({
      currency: 'EUR',
      history: [
        { year: 2024, sales: 120, target: 100 },
        { year: 2022, sales: 100, target: 100 },
        { year: 2023, sales: 50, target: 40 },
      ],
      rates: [
        { streak: 4, rate: '0.2' },
        { streak: 2, rate: '0.1' },
      ],
    });

  it('history sorted by year, streak 3 (2022–2024), nothing ended it; the 2-year rate: 10 % × (100 + 50 + 120 = 270) = 27', () => {
    const b = bonus();
    expect(plain({ streak: b.streak, streakYears: b.streakYears, streakSales: b.streakSales, rate: b.rate, bonus: b.bonus, brokenBy: b.brokenBy, scale: b.scale, warnings: b.warnings })).toEqual({
      streak: 3,
      streakYears: [2022, 2023, 2024],
      streakSales: '270',
      rate: { streak: 2, rate: '0.1' },
      bonus: '27',
      brokenBy: null,
      scale: 2,
      warnings: [],
    });
    // 100 / 100 = 1, 50 / 40 = 1.25, 120 / 100 = 1.2.
    expect(plain(b.history)).toEqual([
      { year: 2022, sales: '100', target: '100', attainment: '1', onTarget: true },
      { year: 2023, sales: '50', target: '40', attainment: '1.25', onTarget: true },
      { year: 2024, sales: '120', target: '100', attainment: '1.2', onTarget: true },
    ]);
  });

  it('steps: each year, the streak, the bonus (no break step), with every field', () => {
    const b = bonus();
    expect(plain(b.steps)).toEqual([
      { code: 'loyalty-year', year: 2022, sales: '100', target: '100', attainment: '1', onTarget: true, text: '2022: 100.00 of target 100.00 = 100.00 %: on target' },
      { code: 'loyalty-year', year: 2023, sales: '50', target: '40', attainment: '1.25', onTarget: true, text: '2023: 50.00 of target 40.00 = 125.00 %: on target' },
      { code: 'loyalty-year', year: 2024, sales: '120', target: '100', attainment: '1.2', onTarget: true, text: '2024: 120.00 of target 100.00 = 120.00 %: on target' },
      {
        code: 'loyalty-streak',
        streak: 3,
        years: [2022, 2023, 2024],
        sales: ['100', '50', '120'],
        streakSales: '270',
        latestYear: 2024,
        text: '3 years on target in a row (2022–2024): 100.00 + 50.00 + 120.00 = 270.00 of sales',
      },
      {
        code: 'loyalty-bonus',
        rate: { streak: 2, rate: '0.1' },
        streakSales: '270',
        unrounded: '27',
        bonus: '27',
        scale: 2,
        mode: 'half-up',
        text: 'Loyalty bonus for 2 years on target: 10 % × 270.00 = 27.00',
      },
    ]);
    expect(explainLoyaltyBonus(b)).toEqual([
      '3 years on target in a row (2022–2024): 100.00 + 50.00 + 120.00 = 270.00 of sales',
      'Loyalty bonus for 2 years on target: 10 % × 270.00 = 27.00',
    ]);
  });
});

describe('what ended the streak', () => {
  it('a year below target: the break step carries its row; one year in the streak reads "1 year" and "(2024)"', () => {
    const b = calculateLoyaltyBonus({ currency: 'EUR', history: [{ year: 2023, sales: 90, target: 100 }, { year: 2024, sales: 100, target: 100 }], rates: [{ streak: 1, rate: '0.05' }] });
    expect(plain(b.brokenBy)).toEqual({ year: 2023, reason: 'below target' });
    // 90 / 100 = 0.9; the bonus 5 % × 100 = 5.
    expect(plain(b.steps.slice(2))).toEqual([
      { code: 'loyalty-streak', streak: 1, years: [2024], sales: ['100'], streakSales: '100', latestYear: 2024, text: '1 year on target in a row (2024): 100.00 of sales' },
      {
        code: 'loyalty-break',
        year: 2023,
        reason: 'below target',
        row: { year: 2023, sales: '90', target: '100', attainment: '0.9', onTarget: false },
        text: '2023 ended the streak: 90.00 % of target (90.00 of 100.00)',
      },
      { code: 'loyalty-bonus', rate: { streak: 1, rate: '0.05' }, streakSales: '100', unrounded: '5', bonus: '5', scale: 2, mode: 'half-up', text: 'Loyalty bonus for 1 year on target: 5 % × 100.00 = 5.00' },
    ]);
    expect(b.steps[0]!.text).toBe('2023: 90.00 of target 100.00 = 90.00 %: below target');
  });

  it('a missing year: the break step has no row; years before the gap do not count even when on target', () => {
    const b = calculateLoyaltyBonus({
      currency: 'EUR',
      history: [{ year: 2020, sales: 10, target: 1 }, { year: 2021, sales: 10, target: 1 }, { year: 2024, sales: 30, target: 20 }, { year: 2025, sales: 40, target: 20 }],
      rates: [{ streak: 2, rate: '0.1' }, { streak: 3, rate: '0.5' }],
    });
    // 2025, 2024 on target; 2023 is missing. 10 % × (30 + 40 = 70) = 7.
    expect(plain([b.streak, b.streakYears, b.streakSales, b.brokenBy, b.rate, b.bonus])).toEqual([2, [2024, 2025], '70', { year: 2023, reason: 'missing' }, { streak: 2, rate: '0.1' }, '7']);
    expect(plain(b.steps.find((s) => s.code === 'loyalty-break'))).toEqual({ code: 'loyalty-break', year: 2023, reason: 'missing', row: null, text: '2023 ended the streak: no figures for that year' });
    expect(explainLoyaltyBonus(b)).toEqual([
      '2 years on target in a row (2024–2025): 30.00 + 40.00 = 70.00 of sales',
      '2023 ended the streak: no figures for that year',
      'Loyalty bonus for 2 years on target: 10 % × 70.00 = 7.00',
    ]);
  });

  it('the latest year below target: a zero streak, no break step, and no rate (the shortest of rates listed out of order is 2)', () => {
    const b = calculateLoyaltyBonus({ currency: 'EUR', history: [{ year: 2024, sales: 200, target: 100 }, { year: 2025, sales: 99, target: 100 }], rates: [{ streak: 5, rate: '0.1' }, { streak: 2, rate: '0.05' }, { streak: 3, rate: '0.07' }] });
    expect(plain([b.streak, b.streakYears, b.streakSales, b.brokenBy, b.rate, b.bonus])).toEqual([0, [], '0', { year: 2025, reason: 'below target' }, null, '0']);
    expect(plain(b.steps.slice(2))).toEqual([
      { code: 'loyalty-streak', streak: 0, years: [], sales: [], streakSales: '0', latestYear: 2025, text: 'No streak: 2025 was below target' },
      { code: 'loyalty-no-rate', streak: 0, firstStreak: 2, text: 'No loyalty bonus: 0 years on target, the first rate needs 2' },
    ]);
  });

  it('a one-year streak below every rate: "1 year", and the longest rate reached is the one applied, not the last listed', () => {
    const one = calculateLoyaltyBonus({ currency: 'EUR', history: [{ year: 2025, sales: 1, target: 1 }], rates: [{ streak: 3, rate: '0.1' }, { streak: 2, rate: '0.05' }] });
    expect(plain(one.steps[2])).toEqual({ code: 'loyalty-no-rate', streak: 1, firstStreak: 2, text: 'No loyalty bonus: 1 year on target, the first rate needs 2' });
    const history = [2021, 2022, 2023, 2024].map((year) => ({ year, sales: 100, target: 100 }));
    // Streak 4: rates 1, 3 and 2 are reached; 3 is the longest: 3 % × 400 = 12 (not 2 % × 400 = 8 listed last).
    const b = calculateLoyaltyBonus({ currency: 'EUR', history, rates: [{ streak: 1, rate: '0.01' }, { streak: 5, rate: '0.05' }, { streak: 3, rate: '0.03' }, { streak: 2, rate: '0.02' }] });
    expect(plain([b.streak, b.rate, b.bonus])).toEqual([4, { streak: 3, rate: '0.03' }, '12']);
  });
});

describe('the rounding of the bonus', () => {
  it('half-up to the currency scale by default: 0.5 % × 101 = 0.505 → 0.51; JPY has no minor unit: 50 % × 5 = 2.5 → 3', () => {
    const eur = calculateLoyaltyBonus({ currency: 'EUR', history: [{ year: 2025, sales: 101, target: 1 }], rates: [{ streak: 1, rate: '0.005' }] });
    expect(plain([eur.bonus, eur.scale])).toEqual(['0.51', 2]);
    expect(explainLoyaltyBonus(eur)[1]).toBe('Loyalty bonus for 1 year on target: 0.5 % × 101.00 = 0.505 → 0.51');
    const jpy = calculateLoyaltyBonus({ currency: 'JPY', history: [{ year: 2025, sales: 5, target: 1 }], rates: [{ streak: 1, rate: '0.5' }] });
    expect(plain([jpy.bonus, jpy.scale])).toEqual(['3', 0]);
    expect(explainLoyaltyBonus(jpy)).toEqual(['1 year on target in a row (2025): 5 of sales', 'Loyalty bonus for 1 year on target: 50 % × 5 = 2.5 → 3']);
  });

  it('rounding: { mode } alone keeps the currency scale: half-even 0.505 → 0.50; { scale: 1 } alone keeps half-up: 0.505 → 0.5', () => {
    const input = { currency: 'EUR', history: [{ year: 2025, sales: 101, target: 1 }], rates: [{ streak: 1, rate: '0.005' }] };
    const even = calculateLoyaltyBonus({ ...input, rounding: { mode: 'half-even' } });
    expect(plain([even.bonus, even.scale, (even.steps[2] as { mode: string }).mode])).toEqual(['0.5', 2, 'half-even']);
    // 0.505 to one place, half-up: 0.5 (the next digit 0 rounds down).
    const tenths = calculateLoyaltyBonus({ ...input, rounding: { scale: 1 } });
    expect(plain([tenths.bonus, tenths.scale, (tenths.steps[2] as { mode: string }).mode])).toEqual(['0.5', 1, 'half-up']);
    expect(explainLoyaltyBonus(tenths)[1]).toBe('Loyalty bonus for 1 year on target: 0.5 % × 101.0 = 0.505 → 0.5');
  });

  it('ratioScale 0 reports whole attainments, half-up: 3 / 2 = 1.5 → 2 and 1 / 4 = 0.25 → 0', () => {
    const b = calculateLoyaltyBonus({ currency: 'EUR', history: [{ year: 2024, sales: 1, target: 4 }, { year: 2025, sales: 3, target: 2 }], rates: [{ streak: 1, rate: '0.1' }] }, { ratioScale: 0 });
    expect(b.history.map((h) => h.attainment.toString())).toEqual(['0', '2']);
  });
});

describe('refusals', () => {
  it('a year and a streak listed three times: each repeat points at the first, with received; the error is invalid_input', () => {
    const e = thrown(() =>
      calculateLoyaltyBonus({
        currency: 'EUR',
        history: [{ year: 2024, sales: 1, target: 1 }, { year: 2025, sales: 1, target: 1 }, { year: 2024, sales: 2, target: 1 }, { year: 2024, sales: 3, target: 1 }],
        rates: [{ streak: 2, rate: '0.1' }, { streak: 2, rate: '0.2' }, { streak: 2, rate: '0.3' }],
      }),
    );
    expect(e.code).toBe('invalid_input');
    expect(e.issues).toEqual([
      { path: ['history', 2, 'year'], code: 'duplicate', message: '2024 is listed twice (first at history[0])', received: '2024' },
      { path: ['history', 3, 'year'], code: 'duplicate', message: '2024 is listed twice (first at history[0])', received: '2024' },
      { path: ['rates', 1, 'streak'], code: 'duplicate', message: '2 is listed twice (first at rates[0])', received: '2' },
      { path: ['rates', 2, 'streak'], code: 'duplicate', message: '2 is listed twice (first at rates[0])', received: '2' },
    ]);
  });

  it('a streak listed twice alone: the error is invalid_input too', () => {
    const e = thrown(() => calculateLoyaltyBonus({ currency: 'EUR', history: [{ year: 2024, sales: 1, target: 1 }], rates: [{ streak: 1, rate: '0.1' }, { streak: 1, rate: '0.2' }] }));
    expect([e.code, e.issues]).toEqual(['invalid_input', [{ path: ['rates', 1, 'streak'], code: 'duplicate', message: '1 is listed twice (first at rates[0])', received: '1' }]]);
  });

  it('explainLoyaltyBonus: grouped for a locale; refuses a result that is not one, and an unknown locale', () => {
    const b = calculateLoyaltyBonus({ currency: 'EUR', history: [{ year: 2024, sales: 1500, target: 1000 }, { year: 2025, sales: 2500, target: 1000 }], rates: [{ streak: 2, rate: '0.1' }] });
    // 10 % × (1,500 + 2,500 = 4,000) = 400.
    expect(explainLoyaltyBonus(b, { locale: 'de' })).toEqual(['2 years on target in a row (2024–2025): 1.500,00 + 2.500,00 = 4.000,00 of sales', 'Loyalty bonus for 2 years on target: 10 % × 4.000,00 = 400,00']);
    expect(thrown(() => explainLoyaltyBonus({} as never)).issues[0]!.path[0]).toBe('result');
    expect(thrown(() => explainLoyaltyBonus(b, { locale: 'xx-nope-1' })).issues[0]!.path).toEqual(['options', 'locale']);
  });
});
