// Points, loyalty and partner levels in the cases no other test of test/rebates reached (measured
// with coverage over test/rebates alone, what the mutation run of src/rebates executes): a quarter
// cap alone and beside an event cap, rates listed out of streak order, the whole-number refusals,
// and each criterion's own sentence. Every figure is derived by hand in the test.
import { describe, expect, it } from 'vitest';
import { accruePoints, calculateLoyaltyBonus, calculatePartnerLevel, explainPartnerLevel } from 'dealerkit';
import { thrown } from './helpers.js';

const texts = (steps: readonly { text: string }[]): string[] => steps.map((s) => s.text);

describe('accruePoints: the quarter cap', () => {
  it('alone: 2 × 20 = 40, then 40 of which 10 fit under 50, then 20 of which none: 50 in all', () => {
    const l = accruePoints(
      { earn: [{ id: 't', pointsPerUnit: 20, maxPerQuarter: 50 }], expiry: { quarters: 1 } },
      [
        { date: '2025-01-10', type: 'earn', rule: 't', quantity: 2 },
        { date: '2025-02-10', type: 'earn', rule: 't', quantity: 2 },
        { date: '2025-02-11', type: 'earn', rule: 't', quantity: 1 },
      ],
      { asOf: '2025-03-31' },
    );
    expect(texts(l.steps)).toEqual([
      '2025-01-10 t: 2 × 20 = 40 points, valid through 2025-03-31',
      "2025-02-10 t: 2 × 20 = 40 points, 10 within the quarter's cap of 50 (40 used before), valid through 2025-03-31",
      "2025-02-11 t: 1 × 20 = 20 points, 0 within the quarter's cap of 50 (50 used before), valid through 2025-03-31",
      'Balance on 2025-03-31: 50 earned − 0 redeemed − 0 expired = 50 points',
    ]);
  });
  it('beside an event cap of 30: 40 → 30, then 40 → 30 of which 20 fit under 50 (the quarter text only where it cut below the event cap)', () => {
    const l = accruePoints(
      { earn: [{ id: 't', pointsPerUnit: 20, maxPerEvent: 30, maxPerQuarter: 50 }], expiry: { quarters: 1 } },
      [
        { date: '2025-01-10', type: 'earn', rule: 't', quantity: 2 },
        { date: '2025-02-10', type: 'earn', rule: 't', quantity: 2 },
      ],
      { asOf: '2025-03-31' },
    );
    expect(texts(l.steps)).toEqual([
      '2025-01-10 t: 2 × 20 = 40 points, capped at 30 per event, valid through 2025-03-31',
      "2025-02-10 t: 2 × 20 = 40 points, capped at 30 per event, 20 within the quarter's cap of 50 (30 used before), valid through 2025-03-31",
      'Balance on 2025-03-31: 50 earned − 0 redeemed − 0 expired = 50 points',
    ]);
  });
  it('an expiry in days must be a whole number', () => {
    const e = thrown(() => accruePoints({ earn: [{ id: 't', pointsPerUnit: 20 }], expiry: { days: 1.5 } }, [], { asOf: '2025-03-31' }));
    expect([e.issues[0]!.path, e.issues[0]!.code, e.message]).toEqual([['rules', 'expiry', 'days'], 'not_an_integer', '[dealerkit] rules.expiry.days: must be a whole number, received 1.5']);
  });
});

describe('calculateLoyaltyBonus', () => {
  it('takes the rate of the longest streak reached whatever the order of the rates: 3 years on target → 3 % × (100 + 200 + 300) = 18', () => {
    const r = calculateLoyaltyBonus({
      currency: 'EUR',
      history: [{ year: 2022, sales: 100, target: 50 }, { year: 2023, sales: 200, target: 50 }, { year: 2024, sales: 300, target: 50 }],
      rates: [{ streak: 3, rate: '0.03' }, { streak: 1, rate: '0.01' }, { streak: 2, rate: '0.02' }],
    });
    expect([r.bonus.toString(), r.streak, r.rate?.streak, r.rate?.rate.toString()]).toEqual(['18', 3, 3, '0.03']);
  });
  it('years and streaks must be whole numbers', () => {
    const year = thrown(() => calculateLoyaltyBonus({ currency: 'EUR', history: [{ year: 2024.5, sales: 100, target: 50 }], rates: [{ streak: 1, rate: '0.01' }] }));
    expect(year.message).toBe('[dealerkit] history[0].year: must be a whole year, received 2024.5');
    const streak = thrown(() => calculateLoyaltyBonus({ currency: 'EUR', history: [{ year: 2024, sales: 100, target: 50 }], rates: [{ streak: 1.5, rate: '0.01' }] }));
    expect(streak.message).toBe('[dealerkit] rates[0].streak: must be a whole number, received 1.5');
  });
});

describe('calculatePartnerLevel: each criterion in its own words', () => {
  const levels = [
    { name: 'Bronze', criteria: [{ metric: 'sales', value: 100 }] },
    { name: 'Silver', criteria: [{ metric: 'sales', value: 200 }, { metric: 'returnsRate', op: '<=' as const, value: '0.05' }] },
  ];
  it('Bronze met; Silver 200 − 150 = 50 short on sales and 0.06 − 0.05 = 0.01 over on returns', () => {
    expect(calculatePartnerLevel(levels, { sales: 150, returnsRate: '0.06' }).steps.map((s) => [s.code, s.text])).toEqual([
      ['level-criterion', 'Bronze: sales 150, needs ≥ 100: met'],
      ['level-criterion', 'Silver: sales 150, needs ≥ 200: 50 short'],
      ['level-criterion', 'Silver: returnsRate 0.06, needs ≤ 0.05: 0.01 over'],
      ['level-reached', 'Bronze reached: sales 150 ≥ 100.'],
      ['level-next', 'Silver needs sales ≥ 200 (now 150, 50 short) and returnsRate ≤ 0.05 (now 0.06, 0.01 over).'],
    ]);
  });
  it('the top level reached, explained on both criteria', () => {
    expect(explainPartnerLevel(calculatePartnerLevel(levels, { sales: 250, returnsRate: '0.04' }))).toEqual(['Silver reached: sales 250 ≥ 200 and returnsRate 0.04 ≤ 0.05.']);
  });
});
