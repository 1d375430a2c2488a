// The points section: the dealer's points ledger by the rebates engine's accruePoints, read for
// the statement's period: opening balance, earned, redeemed, expired, closing balance and what
// expires at the period's end.
import { ZERO, type Decimal } from '../core/decimal.js';
import type { IsoDate } from '../core/dates.js';
import type { Warning } from '../core/result.js';
import { accruePoints, type PointsAccrual, type PointsEvent, type PointsRules } from '../rebates/index.js';
import { within, warningsWithin } from './paths.js';
import type { StatementPeriod } from './period.js';

/** The statement's points section. */
export interface StatementPoints {
  /** Live points at the start of the period (before the period's first day). */
  opening: Decimal;
  /** Points earned in the period to the statement's date. */
  earned: Decimal;
  /** Points redeemed in the period to the statement's date. */
  redeemed: Decimal;
  /** Points expired in the period to the statement's date. */
  expired: Decimal;
  /** Live points as of the statement's date: opening + earned − redeemed − expired. */
  balance: Decimal;
  /** Live points whose last valid day is on or before the period's last day: they expire at the period's end unless redeemed. */
  expiring: Decimal;
  /** The period's last day: the last day the expiring points can be redeemed. */
  expiringAfter: IsoDate;
  /** The points' decimal places. */
  scale: number;
  /** The rebates engine's ledger, with its steps. */
  ledger: PointsAccrual;
}

/** In the period: on or after its first day (the ledger, as of the statement's date, holds nothing later). */
const within_ = (date: IsoDate, p: StatementPeriod) => date >= p.start;

/** Builds the points section. @internal */
export function buildPointsSection(rules: PointsRules, events: readonly PointsEvent[], period: StatementPeriod, warnings: Warning[]): StatementPoints {
  const ledger = within({ rules: ['config', 'points'], events: ['points'], options: ['config'] }, ['points'], () =>
    accruePoints(rules, events, { asOf: period.asOf }),
  );
  warnings.push(...warningsWithin(ledger.warnings, { events: ['points'] }, ['points']));
  let earned = ZERO;
  let expired = ZERO;
  let expiring = ZERO;
  for (const g of ledger.grants) {
    if (within_(g.date, period)) earned = earned.plus(g.points);
    for (const h of g.history) if (h.type === 'expire' && within_(h.date, period)) expired = expired.plus(h.points);
    if (g.lastValid <= period.end) expiring = expiring.plus(g.remaining);
  }
  let redeemed = ZERO;
  for (const r of ledger.redemptions) if (within_(r.date, period)) redeemed = redeemed.plus(r.points);
  return {
    opening: ledger.balance.minus(earned).plus(redeemed).plus(expired),
    earned,
    redeemed,
    expired,
    balance: ledger.balance,
    expiring,
    expiringAfter: period.end,
    scale: ledger.scale,
    ledger,
  };
}
