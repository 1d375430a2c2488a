import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  Decimal,
  accruePoints,
  explainPoints,
  pointsRulesSchema,
  type DateInput,
  type PointsAccrual,
  type PointsEvent,
  type PointsRules,
  type PointsStep,
} from 'dealerkit';
import { strs, thrown } from './helpers.js';

// The seeds' points (积分): "earned for task completion, new customers and service satisfaction,
// redeemable for subsidies or training seats, cleared every quarter" (DOMAIN.md §1).
const rules: PointsRules = {
  earn: [
    { id: 'newCustomer', pointsPerUnit: 50 },
    { id: 'training', pointsPerUnit: 20, maxPerQuarter: 40 },
    { id: 'satisfaction', pointsPerUnit: '1.5', maxPerEvent: 100 },
  ],
  expiry: { quarters: 1 },
};
const quarter: PointsEvent[] = [
  { date: '2025-01-10', type: 'earn', rule: 'newCustomer', quantity: 2 },
  { date: '2025-02-03', type: 'earn', rule: 'training', quantity: 3 },
  { date: '2025-03-20', type: 'redeem', points: 120 },
  { date: '2025-04-02', type: 'earn', rule: 'newCustomer', quantity: 1 },
];

describe('accruePoints (was pointsLedger): rules, events, { asOf }', () => {
  it('the public signature', () => {
    expectTypeOf(accruePoints).parameters.toEqualTypeOf<[PointsRules, readonly PointsEvent[], { asOf: DateInput }]>();
    expectTypeOf(accruePoints).returns.toEqualTypeOf<PointsAccrual>();
    expectTypeOf(explainPoints).returns.toEqualTypeOf<string[]>();
    expectTypeOf<PointsStep['code']>().toEqualTypeOf<'points-earn' | 'points-redeem' | 'points-expire' | 'points-balance'>();
    expectTypeOf<PointsRules['rounding']>().toEqualTypeOf<{ scale?: number; mode?: 'half-up' | 'half-even' | 'half-down' | 'up' | 'down' | 'ceiling' | 'floor' } | undefined>();
    // @ts-expect-error: the ledger date is an option, { asOf }
    expect(() => accruePoints(rules, quarter, '2025-04-30')).toThrow();
  });

  it('earns with caps, redeems oldest first, clears at the quarter end', () => {
    const l = accruePoints(rules, quarter, { asOf: '2025-04-30' });
    // 100 + min(60, 40 per quarter) = 140; redeem 120 = 100 (Jan) + 20 (Feb); the Feb grant's last 20 expire on 2025-04-01; +50 in April.
    expect(strs([l.balance, l.earned, l.redeemed, l.expired])).toEqual(['50', '190', '120', '20']);
    expect(l.grants.map((g) => [g.date, g.points.toString(), g.capped.toString(), g.lastValid, g.remaining.toString()])).toEqual([
      ['2025-01-10', '100', '0', '2025-03-31', '0'],
      ['2025-02-03', '40', '20', '2025-03-31', '0'],
      ['2025-04-02', '50', '0', '2025-06-30', '50'],
    ]);
    expect(l.redemptions[0]!.from.map((f) => [f.grant, f.points.toString()])).toEqual([
      [0, '100'],
      [1, '20'],
    ]);
    expect(l.grants[1]!.history.map((h) => [h.date, h.type, h.points.toString(), h.event])).toEqual([
      ['2025-02-03', 'earn', '40', 1],
      ['2025-03-20', 'redeem', '20', 2],
      ['2025-04-01', 'expire', '20', null],
    ]);
    expect(l.warnings).toEqual([]);
  });

  it('steps reproduce every figure: each event, each expiry, then the balance', () => {
    const l = accruePoints(rules, quarter, { asOf: '2025-04-30' });
    expect(l.steps.map((s) => s.code)).toEqual(['points-earn', 'points-earn', 'points-redeem', 'points-expire', 'points-earn', 'points-balance']);
    const training = l.steps[1]!;
    expect(
      training.code === 'points-earn' && strs([training.quantity, training.pointsPerUnit, training.product, training.uncapped, training.maxPerQuarter!, training.quarterUsed, training.points]),
    ).toEqual(['3', '20', '60', '60', '40', '0', '40']);
    const redeem = l.steps[2]!;
    expect(redeem.code === 'points-redeem' && [redeem.liveBefore.toString(), redeem.from.map((f) => [f.earnedOn, f.points.toString()])]).toEqual([
      '140',
      [
        ['2025-01-10', '100'],
        ['2025-02-03', '20'],
      ],
    ]);
    const balance = l.steps[5]!;
    expect(balance.code === 'points-balance' && strs([balance.earned, balance.redeemed, balance.expired, balance.balance])).toEqual(['190', '120', '20', '50']);
  });

  it('explainPoints: the ledger in sentences', () => {
    expect(explainPoints(accruePoints(rules, quarter, { asOf: '2025-04-30' }))).toEqual([
      '2025-01-10 newCustomer: 2 × 50 = 100 points, valid through 2025-03-31',
      "2025-02-03 training: 3 × 20 = 60 points, 40 within the quarter's cap of 40 (0 used before), valid through 2025-03-31",
      '2025-03-20 redeemed 120 points: 100 earned 2025-01-10, 20 earned 2025-02-03',
      '2025-04-01 expired 20 points earned 2025-02-03 (valid through 2025-03-31)',
      '2025-04-02 newCustomer: 1 × 50 = 50 points, valid through 2025-06-30',
      'Balance on 2025-04-30: 190 earned − 120 redeemed − 20 expired = 50 points',
    ]);
    const big = accruePoints(rules, [{ date: '2025-01-10', type: 'earn', rule: 'newCustomer', quantity: 30000 }], { asOf: '2025-01-31' });
    expect(explainPoints(big, { locale: 'de' })).toEqual([
      '2025-01-10 newCustomer: 30.000 × 50 = 1.500.000 points, valid through 2025-03-31',
      'Balance on 2025-01-31: 1.500.000 earned − 0 redeemed − 0 expired = 1.500.000 points',
    ]);
  });

  it('points are live through their last day and gone the day after', () => {
    const events: PointsEvent[] = [{ date: '2025-03-31', type: 'earn', rule: 'newCustomer', quantity: 1 }];
    expect(accruePoints(rules, events, { asOf: '2025-03-31' }).balance.toString()).toBe('50');
    expect(accruePoints(rules, events, { asOf: '2025-04-01' }).expired.toString()).toBe('50');
  });

  it('per-event caps, whole points rounded down, a second quarter restarts the quarterly cap', () => {
    const l = accruePoints(
      rules,
      [
        { date: '2025-01-05', type: 'earn', rule: 'satisfaction', quantity: 92 },
        { date: '2025-01-06', type: 'earn', rule: 'satisfaction', quantity: 3 },
        { date: '2025-03-01', type: 'earn', rule: 'training', quantity: 2 },
        { date: '2025-03-02', type: 'earn', rule: 'training', quantity: 1 },
        { date: '2025-04-01', type: 'earn', rule: 'training', quantity: 1 },
      ],
      { asOf: '2025-04-01' },
    );
    // 92 × 1.5 = 138 → 100 (per event); 3 × 1.5 = 4.5 → 4; training 40, then 0 (quarter full), then 20 in Q2.
    expect(l.grants.map((g) => [g.uncapped.toString(), g.points.toString()])).toEqual([
      ['138', '100'],
      ['4', '4'],
      ['40', '40'],
      ['20', '0'],
      ['20', '20'],
    ]);
    expect(l.steps.slice(0, 2).map((s) => s.text)).toEqual([
      '2025-01-05 satisfaction: 92 × 1.5 = 138 points, capped at 100 per event, valid through 2025-03-31',
      '2025-01-06 satisfaction: 3 × 1.5 = 4.5 → 4 points, valid through 2025-03-31',
    ]);
    expect(l.steps[3]!.text).toBe("2025-03-02 training: 1 × 20 = 20 points, 0 within the quarter's cap of 40 (40 used before), valid through 2025-03-31");
  });

  it('rounding: { scale, mode } replaces scale; half-up turns 3 × 1.5 = 4.5 into 5, one place keeps 4.5', () => {
    const events: PointsEvent[] = [{ date: '2025-01-06', type: 'earn', rule: 'satisfaction', quantity: 3 }];
    expect(accruePoints({ ...rules, rounding: { mode: 'half-up' } }, events, { asOf: '2025-01-31' }).balance.toString()).toBe('5');
    const tenths = accruePoints({ ...rules, rounding: { scale: 1 } }, events, { asOf: '2025-01-31' });
    expect([tenths.balance.toString(), tenths.scale]).toEqual(['4.5', 1]);
    expect(explainPoints(tenths)).toEqual([
      '2025-01-06 satisfaction: 3 × 1.5 = 4.5 points, valid through 2025-03-31',
      'Balance on 2025-01-31: 4.5 earned − 0.0 redeemed − 0.0 expired = 4.5 points',
    ]);
    expect(pointsRulesSchema.safeParse({ ...rules, rounding: { scale: 1, mode: 'down' } }).success).toBe(true);
  });

  it('expiry after n quarters or n days; events out of order are applied by date; later events are pending (warned)', () => {
    const two = accruePoints({ ...rules, expiry: { quarters: 2 } }, [{ date: '2025-11-15', type: 'earn', rule: 'newCustomer', quantity: 1 }], { asOf: '2025-12-31' });
    expect(two.grants[0]!.lastValid).toBe('2026-03-31');
    const days = accruePoints(
      { ...rules, expiry: { days: 30 }, rounding: { scale: 1 } },
      [
        { date: '2025-01-20', type: 'redeem', points: '10.5' },
        { date: '2025-01-01', type: 'earn', rule: 'satisfaction', quantity: 7 },
        { date: '2025-03-01', type: 'earn', rule: 'newCustomer', quantity: 1 },
      ],
      { asOf: '2025-02-15' },
    );
    // 7 × 1.5 = 10.5 (one decimal kept), valid 2025-01-01 to 2025-01-30; redeemed in full on 01-20.
    expect(days.grants[0]!.lastValid).toBe('2025-01-30');
    expect(strs([days.balance, days.redeemed, days.expired])).toEqual(['0', '10.5', '0']);
    expect(days.pending).toEqual([2]);
    expect(days.warnings).toEqual([{ code: 'pending-events', message: '1 event is dated after 2025-02-15 and not applied (see pending)', path: ['events', 2] }]);
  });

  it('a validity past 9999-12-31 ends there: such points never expire', () => {
    const late = accruePoints({ ...rules, expiry: { quarters: 8 } }, [{ date: '9999-01-01', type: 'earn', rule: 'newCustomer', quantity: 1 }], { asOf: '9999-12-31' });
    expect([late.grants[0]!.lastValid, late.balance.toString()]).toEqual(['9999-12-31', '50']);
    const days = accruePoints({ ...rules, expiry: { days: 400 } }, [{ date: '9999-06-01', type: 'earn', rule: 'newCustomer', quantity: 1 }], { asOf: '9999-12-31' });
    expect(days.grants[0]!.lastValid).toBe('9999-12-31');
  });

  it('redeeming more than the live balance is infeasible, expired points included', () => {
    const e = thrown(() =>
      accruePoints(
        rules,
        [
          { date: '2025-01-01', type: 'earn', rule: 'newCustomer', quantity: 2 },
          { date: '2025-01-05', type: 'redeem', points: 150 },
        ],
        { asOf: '2025-12-31' },
      ),
    );
    expect(e.code).toBe('infeasible');
    expect(e.issues).toEqual([
      { path: ['events', 1, 'points'], code: 'infeasible', message: 'redeems 150 points but only 100 are live on 2025-01-05', received: '150', limit: '100' },
    ]);
    expect(
      thrown(() =>
        accruePoints(
          rules,
          [
            { date: '2025-01-01', type: 'earn', rule: 'newCustomer', quantity: 2 },
            { date: '2025-04-01', type: 'redeem', points: 1 },
          ],
          { asOf: '2025-12-31' },
        ),
      ).message,
    ).toBe('[dealerkit] events[1].points: redeems 1 points but only 0 are live on 2025-04-01');
  });

  it('bad input: every issue with its code', () => {
    const e = thrown(() =>
      accruePoints({ ...rules, earn: [rules.earn[0]!, rules.earn[0]!] }, [{ date: '2025-01-01', type: 'earn', rule: 'referral', quantity: 1 }], { asOf: '2025-12-31' }),
    );
    expect(e.issues.map((i) => [i.path, i.code, i.message])).toEqual([
      [['rules', 'earn', 1, 'id'], 'duplicate', '"newCustomer" is listed twice (first at earn[0])'],
      [['events', 0, 'rule'], 'unknown_label', 'no earn rule has this id ("referral")'],
    ]);
    expect(thrown(() => accruePoints({ ...rules, expiry: { weeks: 2 } as never }, [], { asOf: '2025-12-31' })).issues.map((i) => [i.path, i.code])).toEqual([
      [['rules', 'expiry', 'quarters'], 'required'],
      [['rules', 'expiry', 'weeks'], 'unknown_field'],
    ]);
    expect(thrown(() => accruePoints({ ...rules, expiry: { quarters: 0 } }, [], { asOf: '2025-12-31' })).issues[0]).toMatchObject({
      path: ['rules', 'expiry', 'quarters'],
      code: 'out_of_range',
      limit: '1',
    });
    expect(thrown(() => accruePoints(rules, [{ date: '2025-01-01', type: 'redeem', points: 0 }], { asOf: '2025-12-31' })).issues[0]).toMatchObject({
      path: ['events', 0, 'points'],
      code: 'out_of_range',
    });
    expect(thrown(() => accruePoints(rules, [], { asOf: 'today' })).issues[0]).toMatchObject({ path: ['options', 'asOf'], code: 'not_a_date' });
    expect(thrown(() => accruePoints(rules, [{ date: '2025-13-01', type: 'earn', rule: 'newCustomer', quantity: 1 }], { asOf: '2025-12-31' })).issues[0]).toMatchObject({
      path: ['events', 0, 'date'],
      code: 'not_a_date',
    });
    // The old top-level `scale` is gone: rounding: { scale } replaces it; a stage has no meaning for one grant.
    expect(thrown(() => accruePoints({ ...rules, scale: 1 } as never, [], { asOf: '2025-12-31' })).issues[0]).toMatchObject({ path: ['rules', 'scale'], code: 'unknown_field' });
    expect(thrown(() => accruePoints({ ...rules, rounding: { stage: 'line' } } as never, [], { asOf: '2025-12-31' })).issues[0]).toMatchObject({
      path: ['rules', 'rounding', 'stage'],
      code: 'unknown_field',
    });
    expect(thrown(() => accruePoints({ ...rules, rounding: { mode: 'bankers' } } as never, [], { asOf: '2025-12-31' })).issues[0]).toMatchObject({
      path: ['rules', 'rounding', 'mode'],
      code: 'invalid_value',
    });
    expect(thrown(() => accruePoints(rules, [{ date: '2025-01-01', type: 'earn', rule: 'newCustomer', quantty: 1 } as never], { asOf: '2025-12-31' })).issues).toContainEqual({
      path: ['events', 0, 'quantty'],
      code: 'unknown_field',
      message: 'is not a known field; did you mean `quantity`?',
      received: 'quantty',
    });
    // Rule ids are the user's text: a rule named toString is found only when it is defined.
    expect(thrown(() => accruePoints(rules, [{ date: '2025-01-01', type: 'earn', rule: 'toString', quantity: 1 }], { asOf: '2025-12-31' })).issues[0]!.code).toBe('unknown_label');
    expect(accruePoints({ ...rules, earn: [{ id: 'constructor', pointsPerUnit: 2 }] }, [{ date: '2025-01-01', type: 'earn', rule: 'constructor', quantity: 1 }], { asOf: '2025-01-01' }).balance.toString()).toBe('2');
  });
});

describe('accruePoints runs in O(n log n)', () => {
  /** A deliberately naive ledger (scan every grant at every event), written independently as an oracle. */
  function naive(events: { date: string; earn?: number; redeem?: number }[], days: number, asOf: string): { balance: number; expired: number } {
    const order = events.map((e, i) => ({ ...e, i })).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.i - b.i));
    const grants: { last: string; left: number }[] = [];
    let expired = 0;
    const lastOf = (d: string): string => new Date(Date.parse(`${d}T00:00:00Z`) + (days - 1) * 86_400_000).toISOString().slice(0, 10);
    const expire = (d: string): void => {
      for (const g of grants) if (g.left > 0 && g.last < d) (expired += g.left), (g.left = 0);
    };
    for (const e of order) {
      if (e.date > asOf) continue;
      expire(e.date);
      if (e.earn !== undefined) grants.push({ last: lastOf(e.date), left: e.earn });
      else {
        let left = e.redeem!;
        for (const g of grants) {
          const take = Math.min(g.left, left);
          g.left -= take;
          left -= take;
        }
      }
    }
    expire(asOf);
    return { balance: grants.reduce((a, g) => a + g.left, 0), expired };
  }

  it('agrees with a naive ledger on random histories', () => {
    let seed = 7;
    const rand = (): number => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
    let redemptions = 0;
    let expiries = 0;
    for (let round = 0; round < 40; round++) {
      const days = 1 + Math.floor(rand() * 60);
      const dates = Array.from({ length: 80 }, () => new Date(Date.UTC(2025, 0, 1 + Math.floor(rand() * 200))).toISOString().slice(0, 10)).sort();
      const raw: { date: string; earn?: number; redeem?: number }[] = [];
      for (const date of dates) {
        if (rand() < 0.7) raw.push({ date, earn: 10 * Math.floor(rand() * 4) });
        else {
          // Only a redemption the naive ledger can pay on that day.
          const amount = 1 + Math.floor(rand() * 15);
          if (naive(raw, days, date).balance >= amount) raw.push({ date, redeem: amount });
        }
      }
      const events: PointsEvent[] = raw.map((e) =>
        e.earn !== undefined ? { date: e.date, type: 'earn', rule: 'unit', quantity: e.earn / 10 } : { date: e.date, type: 'redeem', points: e.redeem! },
      );
      const asOf = '2025-09-30';
      const result = accruePoints({ earn: [{ id: 'unit', pointsPerUnit: 10 }], expiry: { days } }, events, { asOf });
      const expected = naive(raw, days, asOf);
      expect([Number(result.balance), Number(result.expired)]).toEqual([expected.balance, expected.expired]);
      redemptions += result.redemptions.length;
      expiries += result.steps.filter((st) => st.code === 'points-expire').length;
    }
    // The histories do exercise both first-in first-out redemption and expiry.
    expect(redemptions).toBeGreaterThan(100);
    expect(expiries).toBeGreaterThan(100);
  });

  it('law: balance = earned − redeemed − expired = Σ remaining, and every grant is points = redeemed + expired + remaining', () => {
    for (const asOf of ['2025-01-31', '2025-03-31', '2025-04-01', '2025-04-30', '2025-12-31']) {
      const at = accruePoints(rules, quarter, { asOf });
      expect(at.earned.minus(at.redeemed).minus(at.expired).eq(at.balance)).toBe(true);
      expect(at.grants.reduce((a, g) => a.plus(g.remaining), new Decimal(0)).eq(at.balance)).toBe(true);
      for (const g of at.grants) expect(g.redeemed.plus(g.expired).plus(g.remaining).eq(g.points)).toBe(true);
    }
  });

  it('100,000 events well inside 12 s of CPU time (a second or two here; the old quadratic ledger needed minutes)', () => {
    // Day d (from 2000-01-01, 1,000 days) holds 100 events: 50 earns of 10 points and 50 redemptions
    // of 5; validity 3,650 days, so nothing expires. Redemption k takes 5 from grant ⌊k / 2⌋ (first
    // in, first out): after 50,000 redemptions the first 25,000 grants are spent. A last redemption
    // of the 250,000 left draws on the other 25,000 grants.
    const events: PointsEvent[] = [];
    for (let i = 0; i < 100_000; i++) {
      const date = new Date(Date.UTC(2000, 0, 1 + Math.floor(i / 100))).toISOString().slice(0, 10);
      events.push(i % 2 === 0 ? { date, type: 'earn', rule: 'unit', quantity: 1 } : { date, type: 'redeem', points: 5 });
    }
    const pointsRules: PointsRules = { earn: [{ id: 'unit', pointsPerUnit: 10 }], expiry: { days: 3650 } };
    // CPU time, not wall time: a loaded test machine must not fail the bound.
    const started = process.cpuUsage();
    const mid = accruePoints(pointsRules, events, { asOf: '2002-12-31' });
    const used = process.cpuUsage(started);
    const cpuMs = (used.user + used.system) / 1000;
    expect(strs([mid.earned, mid.redeemed, mid.expired, mid.balance])).toEqual(['500000', '250000', '0', '250000']);
    expect(strs([mid.grants[24999]!.remaining, mid.grants[25000]!.remaining])).toEqual(['0', '10']);
    expect(cpuMs).toBeLessThan(12_000);
    events.push({ date: '2002-12-31', type: 'redeem', points: 250000 });
    const all = accruePoints(pointsRules, events, { asOf: '2002-12-31' });
    expect(all.balance.toString()).toBe('0');
    expect(all.redemptions[50000]!.from).toHaveLength(25000);
  });
});
