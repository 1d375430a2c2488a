// accruePoints and explainPoints field by field (issue 18, part 2: surviving mutants of
// src/rebates/points.ts): every figure of an earn, redeem, expire and balance step, the caps exactly
// at their bound, zero-point grants, quarter boundaries, the last valid day at month, year and
// 9999 bounds, events out of date order, and every refusal with its code, path and details.
// Every expected figure is derived by hand in the test (the arithmetic is in the comments).
import { describe, expect, it } from 'vitest';
import { accruePoints, explainPoints, type PointsEvent, type PointsRules } from 'dealerkit';
import { thrown } from './helpers.js';

/** A result as plain JSON: Decimals become their strings. */
const plain = (x: unknown): unknown => JSON.parse(JSON.stringify(x));
const texts = (steps: readonly { text: string }[]): string[] => steps.map((s) => s.text);
const earn = (date: string, rule: string, quantity: number | string): PointsEvent => ({ date, type: 'earn', rule, quantity });
const redeem = (date: string, points: number | string): PointsEvent => ({ date, type: 'redeem', points });

describe('an earn step and its grant carry every figure', () => {
  it('1.5 × 2.5 = 3.75, rounded down to 3 points; no caps: maxPerEvent and maxPerQuarter null, 0 used', () => {
    const l = accruePoints({ earn: [{ id: 'visit', pointsPerUnit: '2.5' }], expiry: { quarters: 1 } }, [earn('2025-05-07', 'visit', '1.5')], { asOf: '2025-05-31' });
    // May is in Q2, whose last day is 2025-06-30.
    expect(plain(l.steps[0])).toEqual({
      code: 'points-earn',
      event: 0,
      date: '2025-05-07',
      rule: 'visit',
      quantity: '1.5',
      pointsPerUnit: '2.5',
      product: '3.75',
      uncapped: '3',
      maxPerEvent: null,
      maxPerQuarter: null,
      quarterUsed: '0',
      points: '3',
      capped: '0',
      lastValid: '2025-06-30',
      text: '2025-05-07 visit: 1.5 × 2.5 = 3.75 → 3 points, valid through 2025-06-30',
    });
    expect(plain(l.grants)).toEqual([
      {
        event: 0,
        date: '2025-05-07',
        rule: 'visit',
        quantity: '1.5',
        uncapped: '3',
        points: '3',
        capped: '0',
        lastValid: '2025-06-30',
        redeemed: '0',
        expired: '0',
        remaining: '3',
        history: [{ date: '2025-05-07', type: 'earn', points: '3', event: 0 }],
      },
    ]);
    expect(plain({ asOf: l.asOf, balance: l.balance, earned: l.earned, redeemed: l.redeemed, expired: l.expired, pending: l.pending, scale: l.scale, warnings: l.warnings })).toEqual({
      asOf: '2025-05-31',
      balance: '3',
      earned: '3',
      redeemed: '0',
      expired: '0',
      pending: [],
      scale: 0,
      warnings: [],
    });
    expect(plain(l.steps[1])).toEqual({
      code: 'points-balance',
      asOf: '2025-05-31',
      earned: '3',
      redeemed: '0',
      expired: '0',
      balance: '3',
      text: 'Balance on 2025-05-31: 3 earned − 0 redeemed − 0 expired = 3 points',
    });
  });

  it('a per-event cap exactly reached does not cut (3 × 10 = 30 of 30); one more unit does (40 → 30, 10 capped)', () => {
    const l = accruePoints({ earn: [{ id: 's', pointsPerUnit: 10, maxPerEvent: 30 }], expiry: { quarters: 1 } }, [earn('2025-01-02', 's', 3), earn('2025-01-03', 's', 4)], {
      asOf: '2025-01-31',
    });
    const steps = plain(l.steps) as Record<string, unknown>[];
    expect([steps[0]!.maxPerEvent, steps[0]!.points, steps[0]!.capped, steps[0]!.maxPerQuarter, steps[0]!.quarterUsed]).toEqual([null, '30', '0', null, '0']);
    expect([steps[1]!.maxPerEvent, steps[1]!.uncapped, steps[1]!.points, steps[1]!.capped]).toEqual(['30', '40', '30', '10']);
    expect(texts(l.steps)).toEqual([
      '2025-01-02 s: 3 × 10 = 30 points, valid through 2025-03-31',
      '2025-01-03 s: 4 × 10 = 40 points, capped at 30 per event, valid through 2025-03-31',
      // 30 + 30 = 60 earned.
      'Balance on 2025-01-31: 60 earned − 0 redeemed − 0 expired = 60 points',
    ]);
    expect(plain(l.grants.map((g) => [g.uncapped, g.points, g.capped]))).toEqual([
      ['30', '30', '0'],
      ['40', '30', '10'],
    ]);
  });

  it('a quarter cap of 30: 10, then 20 exactly filling the room (not cut), then 10 of which none fits; another rule keeps its own count', () => {
    const rules: PointsRules = {
      earn: [
        { id: 't', pointsPerUnit: 10, maxPerQuarter: 30 },
        { id: 'u', pointsPerUnit: 10, maxPerQuarter: 30 },
      ],
      expiry: { quarters: 1 },
    };
    const l = accruePoints(rules, [earn('2025-07-01', 't', 1), earn('2025-08-01', 't', 2), earn('2025-09-30', 't', 1), earn('2025-09-30', 'u', 3)], { asOf: '2025-09-30' });
    const steps = plain(l.steps) as Record<string, unknown>[];
    // Room before each t event: 30 − 0 = 30 (10 fits), 30 − 10 = 20 (20 fits exactly), 30 − 30 = 0 (none). u: 30 − 0 = 30 fits.
    expect(steps.slice(0, 4).map((s) => [s.quarterUsed, s.maxPerQuarter, s.uncapped, s.points, s.capped, s.maxPerEvent])).toEqual([
      ['0', '30', '10', '10', '0', null],
      ['10', '30', '20', '20', '0', null],
      ['30', '30', '10', '0', '10', null],
      ['0', '30', '30', '30', '0', null],
    ]);
    expect(texts(l.steps)).toEqual([
      '2025-07-01 t: 1 × 10 = 10 points, valid through 2025-09-30',
      '2025-08-01 t: 2 × 10 = 20 points, valid through 2025-09-30',
      "2025-09-30 t: 1 × 10 = 10 points, 0 within the quarter's cap of 30 (30 used before), valid through 2025-09-30",
      '2025-09-30 u: 3 × 10 = 30 points, valid through 2025-09-30',
      // 10 + 20 + 0 + 30 = 60.
      'Balance on 2025-09-30: 60 earned − 0 redeemed − 0 expired = 60 points',
    ]);
  });

  it('quarter keys: Q3 ends 09-30, Q4 runs 10-01 to 12-31, a new year is a new Q1, and the same quarter a year later is another', () => {
    const rules: PointsRules = { earn: [{ id: 't', pointsPerUnit: 10, maxPerQuarter: 10 }], expiry: { days: 1000 } };
    const dates = ['2025-09-30', '2025-10-01', '2025-12-31', '2026-01-01', '2026-03-31', '2027-01-15', '2027-04-01', '2027-06-30', '2027-07-01'];
    const l = accruePoints(rules, dates.map((d) => earn(d, 't', 1)), { asOf: '2027-07-01' });
    // One unit of 10 fits once per quarter: Q3 2025 yes; Q4 2025 yes, then full; Q1 2026 yes, then full; Q1 2027 yes; Q2 2027 yes, then full; Q3 2027 yes.
    expect(l.grants.map((g) => g.points.toString())).toEqual(['10', '10', '0', '10', '0', '10', '10', '0', '10']);
    expect(l.earned.toString()).toBe('60');
  });
});

describe('the last valid day', () => {
  const one = (expiry: PointsRules['expiry'], date: string): string =>
    accruePoints({ earn: [{ id: 'a', pointsPerUnit: 1 }], expiry }, [earn(date, 'a', 1)], { asOf: date }).grants[0]!.lastValid;

  it('quarters: the end of the quarter earned in, or of the n-th; months 3, 6, 9, 12 and their lengths', () => {
    expect(one({ quarters: 1 }, '2025-01-01')).toBe('2025-03-31');
    expect(one({ quarters: 1 }, '2025-03-31')).toBe('2025-03-31');
    expect(one({ quarters: 1 }, '2025-04-01')).toBe('2025-06-30');
    expect(one({ quarters: 1 }, '2025-09-30')).toBe('2025-09-30');
    expect(one({ quarters: 1 }, '2025-10-01')).toBe('2025-12-31');
    // Q4 2025 + 1 more quarter = Q1 2026; Q2 + 3 more = Q1 2026; Q1 + 4 more = Q1 2026.
    expect(one({ quarters: 2 }, '2025-12-31')).toBe('2026-03-31');
    expect(one({ quarters: 4 }, '2025-05-15')).toBe('2026-03-31');
    expect(one({ quarters: 5 }, '2025-02-15')).toBe('2026-03-31');
    // Q3 2025 + 6 more quarters = Q1 2027 (index 2 + 6 = 8: year + 2, quarter 0).
    expect(one({ quarters: 7 }, '2025-08-15')).toBe('2027-03-31');
    // Q3 + 1 = Q4 of the same year (index 3: no carry).
    expect(one({ quarters: 2 }, '2025-08-15')).toBe('2025-12-31');
  });

  it('quarters near the bounds: years below 1000 keep four digits; 9999-03-31 is a real day; past 9999 is 9999-12-31', () => {
    expect(one({ quarters: 1 }, '0999-11-15')).toBe('0999-12-31');
    expect(one({ quarters: 2 }, '0999-11-15')).toBe('1000-03-31');
    // Q4 9998 + 1 = Q1 9999 (a year 9999 that is not the cut-off); + 4 = Q4 9999; + 5 = Q1 10000 → 9999-12-31.
    expect(one({ quarters: 2 }, '9998-11-15')).toBe('9999-03-31');
    expect(one({ quarters: 5 }, '9998-11-15')).toBe('9999-12-31');
    expect(one({ quarters: 6 }, '9998-11-15')).toBe('9999-12-31');
  });

  it('days: n days counting the day earned; across February of a leap year and a year end; 9999-12-31 at most', () => {
    expect(one({ days: 1 }, '2025-05-07')).toBe('2025-05-07');
    expect(one({ days: 2 }, '2024-02-28')).toBe('2024-02-29');
    expect(one({ days: 3 }, '2025-02-27')).toBe('2025-03-01');
    expect(one({ days: 32 }, '2025-12-01')).toBe('2026-01-01');
    // 9999-12-01 + 30 days = 9999-12-31 exactly; + 31 would be 10000-01-01, so 9999-12-31.
    expect(one({ days: 31 }, '9999-12-01')).toBe('9999-12-31');
    expect(one({ days: 32 }, '9999-12-01')).toBe('9999-12-31');
    expect(one({ days: 30 }, '9999-12-01')).toBe('9999-12-30');
  });

  it('days: 1 expires the day after; each grant expires on its own day, later ones stay live', () => {
    const l = accruePoints({ earn: [{ id: 'a', pointsPerUnit: 5 }], expiry: { days: 10 } }, [earn('2025-01-01', 'a', 1), earn('2025-01-05', 'a', 2)], { asOf: '2025-01-12' });
    // 01-01 + 9 = 01-10 (expires 01-11); 01-05 + 9 = 01-14, still live on 01-12.
    expect(texts(l.steps)).toEqual([
      '2025-01-01 a: 1 × 5 = 5 points, valid through 2025-01-10',
      '2025-01-05 a: 2 × 5 = 10 points, valid through 2025-01-14',
      '2025-01-11 expired 5 points earned 2025-01-01 (valid through 2025-01-10)',
      'Balance on 2025-01-12: 15 earned − 0 redeemed − 5 expired = 10 points',
    ]);
    const day = accruePoints({ earn: [{ id: 'a', pointsPerUnit: 5 }], expiry: { days: 1 } }, [earn('2025-01-01', 'a', 1)], { asOf: '2025-01-02' });
    expect(plain([day.balance, day.expired, day.grants[0]!.lastValid])).toEqual(['0', '5', '2025-01-01']);
  });
});

describe('redemptions, first in first out', () => {
  const rules: PointsRules = {
    earn: [
      { id: 'zero', pointsPerUnit: 0 },
      { id: 'a', pointsPerUnit: 10 },
    ],
    expiry: { quarters: 1 },
  };

  it('a zero-point grant is passed over; a partly drawn grant stays first in line for the next redemption', () => {
    const l = accruePoints(rules, [earn('2025-01-01', 'zero', 5), earn('2025-01-02', 'a', 1), earn('2025-01-03', 'a', 2), redeem('2025-01-04', 4), redeem('2025-01-05', 10), redeem('2025-01-06', 16)], {
      asOf: '2025-04-15',
    });
    // Grants: 5 × 0 = 0, 1 × 10 = 10, 2 × 10 = 20 (30 live). Redeem 4 from the 10 (6 left); 10 = 6 + 4 of the 20 (16 left); 16 = the 16 left.
    expect(plain(l.redemptions)).toEqual([
      { event: 3, date: '2025-01-04', points: '4', from: [{ grant: 1, points: '4' }] },
      { event: 4, date: '2025-01-05', points: '10', from: [{ grant: 1, points: '6' }, { grant: 2, points: '4' }] },
      { event: 5, date: '2025-01-06', points: '16', from: [{ grant: 2, points: '16' }] },
    ]);
    const redeems = plain(l.steps.filter((s) => s.code === 'points-redeem')) as Record<string, unknown>[];
    expect(redeems.map((s) => [s.event, s.date, s.points, s.liveBefore, s.from])).toEqual([
      [3, '2025-01-04', '4', '30', [{ grant: 1, points: '4', earnedOn: '2025-01-02' }]],
      [4, '2025-01-05', '10', '26', [{ grant: 1, points: '6', earnedOn: '2025-01-02' }, { grant: 2, points: '4', earnedOn: '2025-01-03' }]],
      [5, '2025-01-06', '16', '16', [{ grant: 2, points: '16', earnedOn: '2025-01-03' }]],
    ]);
    expect(texts(l.steps)).toEqual([
      '2025-01-01 zero: 5 × 0 = 0 points, valid through 2025-03-31',
      '2025-01-02 a: 1 × 10 = 10 points, valid through 2025-03-31',
      '2025-01-03 a: 2 × 10 = 20 points, valid through 2025-03-31',
      '2025-01-04 redeemed 4 points: 4 earned 2025-01-02',
      '2025-01-05 redeemed 10 points: 6 earned 2025-01-02, 4 earned 2025-01-03',
      '2025-01-06 redeemed 16 points: 16 earned 2025-01-03',
      // Nothing is left to expire on 04-01 (the zero grant has no points either): 30 − 30 − 0 = 0.
      'Balance on 2025-04-15: 30 earned − 30 redeemed − 0 expired = 0 points',
    ]);
    expect(plain(l.grants.map((g) => [g.redeemed, g.expired, g.remaining, g.history.length]))).toEqual([
      ['0', '0', '0', 1],
      ['10', '0', '0', 3],
      ['20', '0', '0', 3],
    ]);
    expect(plain(l.grants[1]!.history)).toEqual([
      { date: '2025-01-02', type: 'earn', points: '10', event: 1 },
      { date: '2025-01-04', type: 'redeem', points: '4', event: 3 },
      { date: '2025-01-05', type: 'redeem', points: '6', event: 4 },
    ]);
  });

  it('a zero-point grant past its last day expires nothing: no expire step, no history entry', () => {
    const l = accruePoints(rules, [earn('2025-01-01', 'zero', 5), earn('2025-04-02', 'a', 1)], { asOf: '2025-04-15' });
    expect(texts(l.steps)).toEqual([
      '2025-01-01 zero: 5 × 0 = 0 points, valid through 2025-03-31',
      '2025-04-02 a: 1 × 10 = 10 points, valid through 2025-06-30',
      'Balance on 2025-04-15: 10 earned − 0 redeemed − 0 expired = 10 points',
    ]);
    expect(plain([l.grants[0]!.history.length, l.grants[0]!.expired, l.expired])).toEqual([1, '0', '0']);
  });

  it('a partly redeemed grant expires with what is left; the next grant is still live', () => {
    const l = accruePoints(rules, [earn('2025-03-10', 'a', 2), earn('2025-04-10', 'a', 1), redeem('2025-03-20', 5)], { asOf: '2025-04-30' });
    // 20 on 03-10; 5 redeemed on 03-20 (15 left); those 15 expire on 04-01; 10 more on 04-10.
    expect(plain(l.steps[2])).toEqual({
      code: 'points-expire',
      date: '2025-04-01',
      grant: 0,
      earnedOn: '2025-03-10',
      lastValid: '2025-03-31',
      points: '15',
      text: '2025-04-01 expired 15 points earned 2025-03-10 (valid through 2025-03-31)',
    });
    expect(plain(l.grants[0])).toMatchObject({ redeemed: '5', expired: '15', remaining: '0', history: [
      { date: '2025-03-10', type: 'earn', points: '20', event: 0 },
      { date: '2025-03-20', type: 'redeem', points: '5', event: 2 },
      { date: '2025-04-01', type: 'expire', points: '15', event: null },
    ] });
    // 30 − 5 − 15 = 10.
    expect(plain([l.earned, l.redeemed, l.expired, l.balance])).toEqual(['30', '5', '15', '10']);
  });

  it('the whole live balance can be redeemed; one point more is refused with its code, path, received and limit', () => {
    const ok = accruePoints(rules, [earn('2025-01-02', 'a', 3), redeem('2025-01-03', 30)], { asOf: '2025-01-31' });
    expect(plain([ok.balance, ok.redeemed])).toEqual(['0', '30']);
    const e = thrown(() => accruePoints(rules, [earn('2025-01-02', 'a', 3), redeem('2025-01-03', '30.5')], { asOf: '2025-01-31' }));
    expect(e.code).toBe('infeasible');
    expect(e.issues).toEqual([{ path: ['events', 1, 'points'], code: 'infeasible', message: 'redeems 30.5 points but only 30 are live on 2025-01-03', received: '30.5', limit: '30' }]);
    // A redemption of a later grant is refused before the grant is earned (applied in date order).
    const early = thrown(() => accruePoints(rules, [redeem('2025-01-01', 1), earn('2025-01-02', 'a', 1)], { asOf: '2025-01-31' }));
    expect(early.message).toBe('[dealerkit] events[0].points: redeems 1 points but only 0 are live on 2025-01-01');
  });
});

describe('events out of date order, and pending events', () => {
  const rules: PointsRules = { earn: [{ id: 'a', pointsPerUnit: 1 }], expiry: { days: 5000 } };

  it('applied by date (across a month and a year boundary), input order within a day', () => {
    const events = [earn('2025-02-01', 'a', 1), earn('2025-01-31', 'a', 2), earn('2024-12-31', 'a', 3), earn('2025-01-31', 'a', 4), earn('2024-12-31', 'a', 5), earn('2025-01-01', 'a', 6)];
    const l = accruePoints(rules, events, { asOf: '2025-12-31' });
    // By date: 2024-12-31 (#2, #4), 2025-01-01 (#5), 2025-01-31 (#1, #3), 2025-02-01 (#0).
    expect(l.grants.map((g) => g.event)).toEqual([2, 4, 5, 1, 3, 0]);
    expect(l.grants.map((g) => g.points.toString())).toEqual(['3', '5', '6', '2', '4', '1']);
  });

  it('an unsorted history whose last pair is in order is still sorted; an event on the ledger date is applied', () => {
    const l = accruePoints(rules, [earn('2025-03-01', 'a', 1), earn('2025-01-01', 'a', 2), earn('2025-02-01', 'a', 3)], { asOf: '2025-03-01' });
    expect(l.grants.map((g) => g.event)).toEqual([1, 2, 0]);
    expect(l.pending).toEqual([]);
  });

  it('pending: indices in date order, the warning names how many and points at the earliest', () => {
    const l = accruePoints(rules, [earn('2025-01-01', 'a', 1), earn('2025-03-01', 'a', 1), earn('2025-02-02', 'a', 1), redeem('2025-02-01', 1)], { asOf: '2025-01-31' });
    expect(l.pending).toEqual([3, 2, 1]);
    expect(l.warnings).toEqual([{ code: 'pending-events', message: '3 events are dated after 2025-01-31 and not applied (see pending)', path: ['events', 3] }]);
    expect(plain([l.earned, l.balance])).toEqual(['1', '1']);
  });
});

describe('refusals', () => {
  const rules: PointsRules = { earn: [{ id: 'a', pointsPerUnit: 1 }], expiry: { quarters: 1 } };

  it('a rule id listed three times: each repeat points at the first, with received; the error is invalid_input', () => {
    const e = thrown(() => accruePoints({ earn: [{ id: 'a', pointsPerUnit: 1 }, { id: 'b', pointsPerUnit: 1 }, { id: 'a', pointsPerUnit: 2 }, { id: 'a', pointsPerUnit: 3 }], expiry: { quarters: 1 } }, [], { asOf: '2025-01-31' }));
    expect(e.code).toBe('invalid_input');
    expect(e.issues).toEqual([
      { path: ['rules', 'earn', 2, 'id'], code: 'duplicate', message: '"a" is listed twice (first at earn[0])', received: '"a"' },
      { path: ['rules', 'earn', 3, 'id'], code: 'duplicate', message: '"a" is listed twice (first at earn[0])', received: '"a"' },
    ]);
  });

  it('an earn event naming no rule is unknown_label (the error code too); a redeem event names none and passes', () => {
    const e = thrown(() => accruePoints(rules, [earn('2025-01-01', 'a', 1), redeem('2025-01-02', 1), earn('2025-01-03', 'b', 1)], { asOf: '2025-01-31' }));
    expect(e.code).toBe('unknown_label');
    expect(e.issues).toEqual([{ path: ['events', 2, 'rule'], code: 'unknown_label', message: 'no earn rule has this id ("b")', received: '"b"' }]);
    expect(e.message).toBe('[dealerkit] events[2].rule: no earn rule has this id ("b")');
  });
});

describe('explainPoints', () => {
  it('grouped for a locale, with a quarter cap under an event cap, and the default English without options', () => {
    const l = accruePoints(
      { earn: [{ id: 'big', pointsPerUnit: 1000, maxPerEvent: 1500, maxPerQuarter: 2500 }], expiry: { quarters: 1 } },
      [earn('2025-01-02', 'big', 2), earn('2025-01-03', 'big', 2), redeem('2025-01-04', 1200)],
      { asOf: '2025-01-31' },
    );
    // 2,000 → 1,500 per event; again 1,500 of which 2,500 − 1,500 = 1,000 fit; 1,200 redeemed from the first grant: 2,500 − 1,200 = 1,300.
    expect(explainPoints(l, { locale: 'de' })).toEqual([
      '2025-01-02 big: 2 × 1.000 = 2.000 points, capped at 1.500 per event, valid through 2025-03-31',
      "2025-01-03 big: 2 × 1.000 = 2.000 points, capped at 1.500 per event, 1.000 within the quarter's cap of 2.500 (1.500 used before), valid through 2025-03-31",
      '2025-01-04 redeemed 1.200 points: 1.200 earned 2025-01-02',
      'Balance on 2025-01-31: 2.500 earned − 1.200 redeemed − 0 expired = 1.300 points',
    ]);
    expect(explainPoints(l)).toEqual(texts(l.steps));
    expect(explainPoints(l)[3]).toBe('Balance on 2025-01-31: 2,500 earned − 1,200 redeemed − 0 expired = 1,300 points');
  });

  it('a scale of 2 prints every figure with two places; a product already at the scale shows no arrow', () => {
    const l = accruePoints({ earn: [{ id: 'a', pointsPerUnit: '0.25' }], expiry: { quarters: 1 }, rounding: { scale: 2 } }, [earn('2025-01-02', 'a', 3), redeem('2025-01-03', '0.5')], { asOf: '2025-01-31' });
    // 3 × 0.25 = 0.75 (two places already); 0.75 − 0.5 = 0.25.
    expect(explainPoints(l)).toEqual([
      '2025-01-02 a: 3 × 0.25 = 0.75 points, valid through 2025-03-31',
      '2025-01-03 redeemed 0.50 points: 0.50 earned 2025-01-02',
      'Balance on 2025-01-31: 0.75 earned − 0.50 redeemed − 0.00 expired = 0.25 points',
    ]);
  });

  it('refuses a result that is not one, and an unknown locale', () => {
    const l = accruePoints({ earn: [{ id: 'a', pointsPerUnit: 1 }], expiry: { quarters: 1 } }, [], { asOf: '2025-01-31' });
    expect(explainPoints(l)).toEqual(['Balance on 2025-01-31: 0 earned − 0 redeemed − 0 expired = 0 points']);
    expect(thrown(() => explainPoints({} as never)).issues[0]!.path[0]).toBe('result');
    expect(thrown(() => explainPoints(l, { locale: 'xx-nope-1' })).issues[0]!.path).toEqual(['options', 'locale']);
  });
});
