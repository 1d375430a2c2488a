import { readResult } from '../core/result-check.js';
import { PointsAccrualShape } from '../core/result-shapes.js';
import { addDays } from 'date-fns/addDays';
import * as z from 'zod/mini';
import { ZERO, type Decimal } from '../core/decimal.js';
import { fail, IssueCollector, wrapThrown } from '../core/errors.js';
import { daysInMonth, formatUtcDate, utcDateOf, type DateInput, type IsoDate } from '../core/dates.js';
import { fmtExact, groupDigits, separatorsOf } from '../core/format.js';
import { roundDecimal, type RoundingMode } from '../core/money.js';
import type { ExplainOptions, Step, Warning } from '../core/result.js';
import { isoDateSchema, parseWith } from '../core/schema.js';
import { REWARD_MESSAGES as M } from './messages.js';
import { pointsEventsShape, pointsRulesShape, type PointsEvent, type PointsRules } from './schema.js';

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
  /** quantity × pointsPerUnit, rounded to the points scale (down, unless `rules.rounding` says otherwise), before caps. */
  uncapped: Decimal;
  /** Points granted after the per-event and per-quarter caps. */
  points: Decimal;
  /** Points the caps removed. */
  capped: Decimal;
  /** The last day the points can be redeemed; they expire the day after (at most 9999-12-31: such points never expire). */
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

/** Step `points-earn`: an earn event priced by its rule, capped, and given its last valid day. */
export interface PointsEarnStep extends Step {
  /** Always `'points-earn'`. */
  code: 'points-earn';
  /** The event's index in the input. */
  event: number;
  /** The day earned. */
  date: IsoDate;
  /** The earn rule's id. */
  rule: string;
  /** The event's quantity. */
  quantity: Decimal;
  /** The rule's points per unit. */
  pointsPerUnit: Decimal;
  /** quantity × pointsPerUnit, exact. */
  product: Decimal;
  /** The product rounded to the points scale. */
  uncapped: Decimal;
  /** The rule's per-event cap, when it cut the grant; else null. */
  maxPerEvent: Decimal | null;
  /** The rule's per-quarter cap, when the rule has one; else null. */
  maxPerQuarter: Decimal | null;
  /** Points of the rule already granted in the quarter before this event (0 without a quarterly cap). */
  quarterUsed: Decimal;
  /** Points granted. */
  points: Decimal;
  /** uncapped − points. */
  capped: Decimal;
  /** The last day the points can be redeemed. */
  lastValid: IsoDate;
}

/** A grant a redemption drew on, as a step reports it. */
export interface PointsRedeemDraw extends PointsDraw {
  /** The day the grant was earned. */
  earnedOn: IsoDate;
}

/** Step `points-redeem`: a redemption, drawn first-in first-out from the oldest live grants. */
export interface PointsRedeemStep extends Step {
  /** Always `'points-redeem'`. */
  code: 'points-redeem';
  /** The event's index in the input. */
  event: number;
  /** The day redeemed. */
  date: IsoDate;
  /** Points redeemed. */
  points: Decimal;
  /** The live balance just before. */
  liveBefore: Decimal;
  /** The grants drawn on, oldest first. */
  from: PointsRedeemDraw[];
}

/** Step `points-expire`: what was left of a grant expired the day after its last valid day. */
export interface PointsExpireStep extends Step {
  /** Always `'points-expire'`. */
  code: 'points-expire';
  /** The day the points expired. */
  date: IsoDate;
  /** The grant's earn-event index. */
  grant: number;
  /** The day the grant was earned. */
  earnedOn: IsoDate;
  /** The grant's last valid day. */
  lastValid: IsoDate;
  /** Points expired. */
  points: Decimal;
}

/** Step `points-balance`: the balance on the ledger date, earned − redeemed − expired. */
export interface PointsBalanceStep extends Step {
  /** Always `'points-balance'`. */
  code: 'points-balance';
  /** The ledger date. */
  asOf: IsoDate;
  /** Σ granted. */
  earned: Decimal;
  /** Σ redeemed. */
  redeemed: Decimal;
  /** Σ expired. */
  expired: Decimal;
  /** Live points. */
  balance: Decimal;
}

/** One step of {@link accruePoints}, told apart by `code`. */
export type PointsStep = PointsEarnStep | PointsRedeemStep | PointsExpireStep | PointsBalanceStep;

/** The result of {@link accruePoints}. */
export interface PointsAccrual {
  /** The ledger date. */
  asOf: IsoDate;
  /** Live points as of `asOf`. */
  balance: Decimal;
  /** Σ granted up to `asOf`: balance = earned − redeemed − expired. */
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
  /** The points' decimal places (for printing). */
  scale: number;
  /** `pending-events`: events dated after `asOf` were left out. */
  warnings: Warning[];
  /** Every event applied and every expiry, in order, then the balance. */
  steps: PointsStep[];
}

const LAST_DAY: IsoDate = '9999-12-31';
const LAST_MS = Date.UTC(9999, 11, 31);

function lastValidDay(date: IsoDate, expiry: { quarters: number } | { days: number }): IsoDate {
  if ('days' in expiry) return formatUtcDate(new Date(Math.min(utcDateOf(date).getTime() + (expiry.days - 1) * 86_400_000, LAST_MS)));
  const year = Number(date.slice(0, 4));
  const quarter = Math.floor((Number(date.slice(5, 7)) - 1) / 3) + expiry.quarters - 1;
  const y = year + Math.floor(quarter / 4);
  if (y > 9999) return LAST_DAY;
  const month = (quarter % 4) * 3 + 3;
  return `${String(y).padStart(4, '0')}-${String(month).padStart(2, '0')}-${daysInMonth(y, month)}`;
}

/**
 * Event indices in date order, input order on the same day: a numeric sort of yyyymmdd, which
 * Array.prototype.sort keeps stable (and which takes one pass over events that arrive in order).
 */
function dateOrder(evs: readonly { date: IsoDate }[]): number[] {
  const day = evs.map((e) => Number(e.date.slice(0, 4) + e.date.slice(5, 7) + e.date.slice(8, 10)));
  return Array.from({ length: evs.length }, (_, i) => i).sort((a, b) => day[a]! - day[b]!);
}

function quarterKey(date: IsoDate): string {
  // Quarters 0 to 3: the key is only compared, never shown.
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3)}`;
}

type Separators = ReturnType<typeof separatorsOf>;

function pts(d: Decimal, scale: number, seps: Separators): string {
  return groupDigits(d.toFixed(scale), seps);
}

function render(step: PointsStep, scale: number, seps: Separators): string {
  switch (step.code) {
    case 'points-earn': {
      let caps = '';
      if (step.maxPerEvent !== null) caps += M.capPerEvent(pts(step.maxPerEvent, scale, seps));
      if (step.maxPerQuarter !== null && step.points.lt(step.maxPerEvent === null ? step.uncapped : step.maxPerEvent)) {
        caps += M.capPerQuarter(pts(step.points, scale, seps), pts(step.maxPerQuarter, scale, seps), pts(step.quarterUsed, scale, seps));
      }
      const product = fmtExact(step.product, scale, seps);
      const rounded = pts(step.uncapped, scale, seps);
      return M.earnText(
        step.date,
        step.rule,
        fmtExact(step.quantity, 0, seps),
        fmtExact(step.pointsPerUnit, 0, seps),
        product,
        rounded === product ? null : rounded,
        caps,
        step.lastValid,
      );
    }
    case 'points-redeem':
      return M.redeemText(step.date, pts(step.points, scale, seps), step.from.map((f) => M.drawText(pts(f.points, scale, seps), f.earnedOn)).join(', '));
    case 'points-expire':
      return M.expireText(step.date, pts(step.points, scale, seps), step.earnedOn, step.lastValid);
    default:
      return M.balanceText(step.asOf, pts(step.earned, scale, seps), pts(step.redeemed, scale, seps), pts(step.expired, scale, seps), pts(step.balance, scale, seps));
  }
}

/**
 * Keeps a dealer's points ledger: points earned by rule (per unit of a metric, with per-event and
 * per-quarter caps), redeemed first-in first-out from the oldest live grant, and expired at the end
 * of the quarter earned in (`expiry: { quarters: 1 }`), of the n-th quarter, or after n days.
 *
 * Events are applied in date order (input order on the same day); expiries happen at the start of
 * the day after a grant's last valid day. Redeeming more than the live balance is an error.
 * A grant is rounded by `rules.rounding` (whole points rounded down by default). The ledger runs
 * in O(n log n) for n events (a sort, then one pass).
 *
 * @param rules - The earning rules, the expiry and the rounding of a grant.
 * @param events - Earn and redeem events, in any order.
 * @param options - `asOf`: the ledger date; later events are pending.
 * @example
 * ```ts
 * const ledger = accruePoints(
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
export function accruePoints(rules: PointsRules, events: readonly PointsEvent[], options: { asOf: DateInput }): PointsAccrual {
  try {
    const r = parseWith(pointsRulesShape, rules, ['rules']);
    const evs = parseWith(pointsEventsShape, events, ['events']);
    const asOf = parseWith(z.strictObject({ asOf: isoDateSchema }), options, ['options']).asOf;
    const ruleById = rulesById(r, evs);
    const ledger = new Ledger(r.rounding?.scale ?? 0, r.rounding?.mode ?? 'down', r.expiry);
    const pending: number[] = [];
    for (const i of dateOrder(evs)) {
      const e = evs[i]!;
      if (e.date > asOf) pending.push(i);
      else {
        ledger.expireBefore(e.date);
        if (e.type === 'earn') ledger.earn(i, e, ruleById.get(e.rule)!);
        else ledger.redeem(i, e);
      }
    }
    ledger.expireBefore(asOf);
    const { grants, redemptions, steps, earned, redeemed, expired, scale } = ledger;
    let balance = ZERO;
    for (let k = ledger.head; k < grants.length; k++) balance = balance.plus(grants[k]!.remaining);
    ledger.push<PointsBalanceStep>({ code: 'points-balance', asOf, earned, redeemed, expired, balance });
    const warnings: Warning[] = pending.length === 0 ? [] : [{ code: 'pending-events', message: M.pendingEvents(pending.length, asOf), path: ['events', pending[0]!] }];
    return { asOf, balance, earned, redeemed, expired, grants, redemptions, pending, scale, warnings, steps };
  } catch (error) {
    throw wrapThrown(error);
  }
}

type ParsedRules = z.output<typeof pointsRulesShape>;
type ParsedRule = ParsedRules['earn'][number];
type ParsedEvent = z.output<typeof pointsEventsShape>[number];

/** The earn rules by id, once every id is listed once and every earn event names one (all refusals in one error). */
function rulesById(r: ParsedRules, evs: readonly ParsedEvent[]): Map<string, ParsedRule> {
  const issues = new IssueCollector();
  const ruleById = new Map<string, ParsedRule>();
  const firstAt = new Map<string, number>();
  r.earn.forEach((rule, i) => {
    const first = firstAt.get(rule.id);
    if (first !== undefined) issues.add(['rules', 'earn', i, 'id'], M.ruleListedTwice(rule.id, first), 'invalid_input', { code: 'duplicate', received: JSON.stringify(rule.id) });
    else {
      firstAt.set(rule.id, i);
      ruleById.set(rule.id, rule);
    }
  });
  evs.forEach((e, i) => {
    if (e.type === 'earn' && !ruleById.has(e.rule)) issues.add(['events', i, 'rule'], M.unknownRule(e.rule), 'unknown_label', { code: 'unknown_label', received: JSON.stringify(e.rule) });
  });
  issues.throwIfAny();
  return ruleById;
}

/**
 * A points ledger as it is built, event by event in date order. Grants are applied in date order
 * and a grant's last valid day grows with its date, so the grants before `head` are spent
 * (redeemed or expired) and both expiry and first-in first-out redemption only ever move `head`
 * forward: one pass over the grants in all.
 */
class Ledger {
  readonly grants: PointsGrant[] = [];
  readonly redemptions: PointsRedemption[] = [];
  readonly steps: PointsStep[] = [];
  earned = ZERO;
  redeemed = ZERO;
  expired = ZERO;
  live = ZERO;
  head = 0;
  // Stryker disable next-line ArrayDeclaration: the path only names a refused locale, and no locale (English) is never refused
  private readonly en = separatorsOf(undefined, []);
  private readonly perQuarter = new Map<string, Decimal>();
  // Many events share a day: their last valid day is computed once per day.
  private readonly lastValidOf = new Map<IsoDate, IsoDate>();

  constructor(readonly scale: number, private readonly mode: RoundingMode, private readonly expiry: ParsedRules['expiry']) {}

  /** Adds a step with its sentence. */
  push<S extends PointsStep>(step: Omit<S, 'text'>): void {
    (step as S).text = render(step as S, this.scale, this.en);
    this.steps.push(step as S);
  }

  /** Expires what is left of every grant whose last valid day is before `date`. */
  expireBefore(date: IsoDate): void {
    const grants = this.grants;
    while (this.head < grants.length && grants[this.head]!.lastValid < date) {
      const g = grants[this.head]!;
      if (g.remaining.gt(0)) {
        const day = formatUtcDate(addDays(utcDateOf(g.lastValid), 1));
        g.history.push({ date: day, type: 'expire', points: g.remaining, event: null });
        this.push<PointsExpireStep>({ code: 'points-expire', date: day, grant: g.event, earnedOn: g.date, lastValid: g.lastValid, points: g.remaining });
        g.expired = g.expired.plus(g.remaining);
        this.expired = this.expired.plus(g.remaining);
        this.live = this.live.minus(g.remaining);
        g.remaining = ZERO;
      }
      this.head++;
    }
  }

  /** Grants the points of earn event `i`: quantity × points per unit, rounded, then cut by the per-event and per-quarter caps. */
  earn(i: number, e: ParsedEvent & { type: 'earn' }, rule: ParsedRule): void {
    const product = e.quantity.times(rule.pointsPerUnit);
    const uncapped = roundDecimal(product, this.scale, this.mode);
    let points = uncapped;
    let cutByEvent = false;
    if (rule.maxPerEvent !== undefined && points.gt(rule.maxPerEvent)) {
      points = rule.maxPerEvent;
      cutByEvent = true;
    }
    let used = ZERO;
    if (rule.maxPerQuarter !== undefined) {
      const key = `${rule.id}\u0000${quarterKey(e.date)}`;
      used = this.perQuarter.get(key) ?? ZERO;
      const room = rule.maxPerQuarter.minus(used);
      if (points.gt(room)) points = room;
      this.perQuarter.set(key, used.plus(points));
    }
    this.earned = this.earned.plus(points);
    this.live = this.live.plus(points);
    const capped = uncapped.minus(points);
    const lastValid = this.lastValidOf.get(e.date) ?? this.lastValidOn(e.date);
    const { date, quantity } = e;
    this.grants.push({ event: i, date, rule: rule.id, quantity, uncapped, points, capped, lastValid, redeemed: ZERO, expired: ZERO, remaining: points, history: [{ date, type: 'earn', points, event: i }] });
    this.push<PointsEarnStep>({
      code: 'points-earn',
      event: i,
      date,
      rule: rule.id,
      quantity,
      pointsPerUnit: rule.pointsPerUnit,
      product,
      uncapped,
      maxPerEvent: cutByEvent ? rule.maxPerEvent! : null,
      maxPerQuarter: rule.maxPerQuarter ?? null,
      quarterUsed: used,
      points,
      capped,
      lastValid,
    });
  }

  /** The last valid day of points earned on `date`, remembered for the other events of that day. */
  private lastValidOn(date: IsoDate): IsoDate {
    const last = lastValidDay(date, this.expiry);
    this.lastValidOf.set(date, last);
    return last;
  }

  /** Redeems the points of event `i` from the oldest grants first; more than the live points is refused. */
  redeem(i: number, e: ParsedEvent & { type: 'redeem' }): void {
    if (e.points.gt(this.live)) {
      fail('infeasible', ['events', i, 'points'], M.overRedeemed(e.points.toString(), this.live.toString(), e.date), {
        code: 'infeasible',
        received: e.points.toString(),
        limit: this.live.toString(),
      });
    }
    const grants = this.grants;
    const liveBefore = this.live;
    let left = e.points;
    const from: PointsDraw[] = [];
    const draws: PointsRedeemDraw[] = [];
    // No redemption exceeds the live points (refused above), so the grants from head cover `left`.
    while (!left.isZero()) {
      const g = grants[this.head]!;
      if (!g.remaining.gt(0)) {
        this.head++;
        continue;
      }
      const take = g.remaining.lt(left) ? g.remaining : left;
      g.remaining = g.remaining.minus(take);
      g.redeemed = g.redeemed.plus(take);
      g.history.push({ date: e.date, type: 'redeem', points: take, event: i });
      from.push({ grant: g.event, points: take });
      draws.push({ grant: g.event, points: take, earnedOn: g.date });
      left = left.minus(take);
    }
    this.live = this.live.minus(e.points);
    this.redeemed = this.redeemed.plus(e.points);
    this.redemptions.push({ event: i, date: e.date, points: e.points, from });
    this.push<PointsRedeemStep>({ code: 'points-redeem', event: i, date: e.date, points: e.points, liveBefore, from: draws });
  }
}

/**
 * The ledger in sentences: every grant (with its caps and last valid day), every redemption (with
 * the grants it drew on), every expiry, and the balance.
 *
 * @param result - A result of {@link accruePoints}.
 * @param options - `locale` for the digit grouping (English by default).
 * @example
 * ```ts
 * explainPoints(accruePoints(
 *   { earn: [{ id: 'newCustomer', pointsPerUnit: 50 }], expiry: { quarters: 1 } },
 *   [{ date: '2025-01-10', type: 'earn', rule: 'newCustomer', quantity: 2 }],
 *   { asOf: '2025-04-30' },
 * ));
 * //=> ['2025-01-10 newCustomer: 2 × 50 = 100 points, valid through 2025-03-31', '2025-04-01 expired 100 points earned 2025-01-10 (valid through 2025-03-31)', 'Balance on 2025-04-30: 100 earned − 0 redeemed − 100 expired = 0 points']
 * ```
 */
export function explainPoints(result: PointsAccrual, options?: ExplainOptions): string[] {
  try {
    result = readResult(result, 'result', PointsAccrualShape());
    const seps = separatorsOf(options?.locale, ['options', 'locale']);
    return result.steps.map((s) => render(s, result.scale, seps));
  } catch (error) {
    throw wrapThrown(error);
  }
}
