import { addDays } from 'date-fns';
import { ZERO, type Decimal } from '../core/decimal.js';
import { fail, invalid, wrapThrown, unknownLabel } from '../core/errors.js';
import { daysInMonth, formatUtcDate, utcDateOf, type DateInput, type IsoDate } from '../core/dates.js';
import { roundDecimal } from '../core/money.js';
import { isoDateSchema, parseWith } from '../core/schema.js';
import * as z from 'zod/mini';
import { pointsEventsShape, pointsRulesShape, type PointsEvent, type PointsLedgerRules } from './schema.js';

/** One entry of a grant's history. */
export interface PointsHistoryEntry {
  /** The day it happened. */
  date: IsoDate;
  /** What happened. */
  type: 'earn' | 'redeem' | 'expire';
  /** Points added (earn) or taken (redeem, expire, as positive numbers). */
  points: Decimal;
  /** The index of the event in the input, or null for an expiry. */
  event: number | null;
}

/** A grant of points from one earn event, and what became of it. */
export interface PointsGrant {
  /** The index of the earn event in the input. */
  event: number;
  /** The day earned. */
  date: IsoDate;
  /** The earn rule's id. */
  rule: string;
  /** The event's quantity. */
  quantity: Decimal;
  /** quantity × pointsPerUnit, rounded down to the points scale, before caps. */
  uncapped: Decimal;
  /** Points granted after the per-event and per-quarter caps. */
  points: Decimal;
  /** Points the caps removed. */
  capped: Decimal;
  /** The last day the points can be redeemed; they expire the day after. */
  lastValid: IsoDate;
  /** Points of the grant redeemed. */
  redeemed: Decimal;
  /** Points of the grant expired. */
  expired: Decimal;
  /** Points still live as of the ledger date. */
  remaining: Decimal;
  /** What happened to the grant, in order. */
  history: PointsHistoryEntry[];
}

/** A redemption and the grants it drew on, oldest first. */
export interface PointsRedemption {
  /** The index of the redeem event in the input. */
  event: number;
  /** The day redeemed. */
  date: IsoDate;
  /** Points redeemed. */
  points: Decimal;
  /** The grants drawn on, oldest first. */
  from: PointsDraw[];
}

/** Points a redemption took from one grant. */
export interface PointsDraw {
  /** The grant's earn-event index. */
  grant: number;
  /** Points taken from it. */
  points: Decimal;
}

/** The result of {@link pointsLedger}. */
export interface PointsLedgerResult {
  /** The ledger date. */
  asOf: IsoDate;
  /** Live points as of `asOf`. */
  balance: Decimal;
  /** Σ granted, Σ redeemed, Σ expired up to `asOf`: balance = earned − redeemed − expired. */
  earned: Decimal;
  /** Σ redeemed. */
  redeemed: Decimal;
  /** Σ expired. */
  expired: Decimal;
  /** Every grant, in the order applied. */
  grants: PointsGrant[];
  /** Every redemption, in the order applied. */
  redemptions: PointsRedemption[];
  /** Indices of events dated after `asOf` (not applied). */
  pending: number[];
}

function lastValidDay(date: IsoDate, expiry: { quarters: number } | { days: number }): IsoDate {
  if ('days' in expiry) return formatUtcDate(addDays(utcDateOf(date), expiry.days - 1));
  const year = Number(date.slice(0, 4));
  const quarter = Math.floor((Number(date.slice(5, 7)) - 1) / 3) + expiry.quarters - 1;
  const y = year + Math.floor(quarter / 4);
  const month = (quarter % 4) * 3 + 3;
  return `${String(y).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(daysInMonth(y, month)).padStart(2, '0')}`;
}

function quarterKey(date: IsoDate): string {
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

/**
 * Keeps a dealer's points ledger: points earned by rule (per unit of a metric, with per-event and
 * per-quarter caps), redeemed first-in first-out from the oldest live grant, and expired at the end
 * of the quarter earned in (`expiry: { quarters: 1 }`), of the n-th quarter, or after n days.
 *
 * Events are applied in date order (input order on the same day); expiries happen at the start of
 * the day after a grant's last valid day. Redeeming more than the live balance is an error.
 *
 * @example
 * ```ts
 * const ledger = pointsLedger(
 *   { earn: [{ id: 'newCustomer', pointsPerUnit: 50 }, { id: 'training', pointsPerUnit: 20, maxPerQuarter: 40 }], expiry: { quarters: 1 } },
 *   [
 *     { date: '2025-01-10', type: 'earn', rule: 'newCustomer', quantity: 2 },
 *     { date: '2025-02-03', type: 'earn', rule: 'training', quantity: 3 },
 *     { date: '2025-03-20', type: 'redeem', points: 120 },
 *     { date: '2025-04-02', type: 'earn', rule: 'newCustomer', quantity: 1 },
 *   ],
 *   { asOf: '2025-04-30' },
 * );
 * [ledger.balance.toString(), ledger.expired.toString(), ledger.grants[1]!.capped.toString()];
 * //=> ['50', '20', '20']
 * ```
 */
export function pointsLedger(rules: PointsLedgerRules, events: readonly PointsEvent[], options: { asOf: DateInput }): PointsLedgerResult {
  try {
    const r = parseWith(pointsRulesShape, rules, ['rules']);
    const evs = parseWith(pointsEventsShape, events, ['events']);
    const asOf = parseWith(z.strictObject({ asOf: isoDateSchema }), options, ['options']).asOf;
    const scale = r.scale ?? 0;
    const ruleById = new Map<string, (typeof r.earn)[number]>();
    r.earn.forEach((rule, i) => {
      if (ruleById.has(rule.id)) invalid(['rules', 'earn', i, 'id'], `${JSON.stringify(rule.id)} is listed twice`);
      ruleById.set(rule.id, rule);
    });
    evs.forEach((e, i) => {
      if (e.type === 'earn' && !ruleById.has(e.rule)) unknownLabel(['events', i, 'rule'], `no earn rule has this id (${JSON.stringify(e.rule)})`);
    });
    const order = evs.map((_, i) => i).sort((a, b) => (evs[a]!.date < evs[b]!.date ? -1 : evs[a]!.date > evs[b]!.date ? 1 : a - b));
    const grants: PointsGrant[] = [];
    const redemptions: PointsRedemption[] = [];
    const pending: number[] = [];
    const perQuarter = new Map<string, Decimal>();
    let earned = ZERO;
    let redeemed = ZERO;
    let expired = ZERO;
    const expireBefore = (date: IsoDate): void => {
      for (const g of grants) {
        if (g.remaining.gt(0) && g.lastValid < date) {
          const day = formatUtcDate(addDays(utcDateOf(g.lastValid), 1));
          g.history.push({ date: day, type: 'expire', points: g.remaining, event: null });
          g.expired = g.expired.plus(g.remaining);
          expired = expired.plus(g.remaining);
          g.remaining = ZERO;
        }
      }
    };
    for (const i of order) {
      const e = evs[i]!;
      if (e.date > asOf) {
        pending.push(i);
        continue;
      }
      expireBefore(e.date);
      if (e.type === 'earn') {
        const rule = ruleById.get(e.rule)!;
        const uncapped = roundDecimal(e.quantity.times(rule.pointsPerUnit), scale, 'down');
        let points = uncapped;
        if (rule.maxPerEvent !== undefined && points.gt(rule.maxPerEvent)) points = rule.maxPerEvent;
        if (rule.maxPerQuarter !== undefined) {
          const key = `${rule.id}\u0000${quarterKey(e.date)}`;
          const used = perQuarter.get(key) ?? ZERO;
          const room = rule.maxPerQuarter.minus(used);
          if (points.gt(room)) points = room.gt(0) ? room : ZERO;
          perQuarter.set(key, used.plus(points));
        }
        earned = earned.plus(points);
        grants.push({
          event: i,
          date: e.date,
          rule: rule.id,
          quantity: e.quantity,
          uncapped,
          points,
          capped: uncapped.minus(points),
          lastValid: lastValidDay(e.date, r.expiry),
          redeemed: ZERO,
          expired: ZERO,
          remaining: points,
          history: [{ date: e.date, type: 'earn', points, event: i }],
        });
      } else {
        let live = ZERO;
        for (const g of grants) live = live.plus(g.remaining);
        if (e.points.gt(live)) {
          fail('infeasible', ['events', i, 'points'], `redeems ${e.points.toString()} points but only ${live.toString()} are live on ${e.date}`);
        }
        let left = e.points;
        const from: PointsDraw[] = [];
        for (const g of grants) {
          if (left.isZero()) break;
          if (!g.remaining.gt(0)) continue;
          const take = g.remaining.lt(left) ? g.remaining : left;
          g.remaining = g.remaining.minus(take);
          g.redeemed = g.redeemed.plus(take);
          g.history.push({ date: e.date, type: 'redeem', points: take, event: i });
          from.push({ grant: g.event, points: take });
          left = left.minus(take);
        }
        redeemed = redeemed.plus(e.points);
        redemptions.push({ event: i, date: e.date, points: e.points, from });
      }
    }
    expireBefore(asOf);
    let balance = ZERO;
    for (const g of grants) balance = balance.plus(g.remaining);
    return { asOf, balance, earned, redeemed, expired, grants, redemptions, pending };
  } catch (error) {
    throw wrapThrown(error);
  }
}
