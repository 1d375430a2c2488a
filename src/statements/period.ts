// The statement's period: its first and last day and the statement's date, read from the dealer's
// cascade when it has one, else from a Gregorian period id.
import { daysInMonth, type IsoDate } from '../core/dates.js';
import { invalid, outOfRange, type IssuePath } from '../core/errors.js';
import type { TargetCascade, TargetPeriod } from '../targets/index.js';
import { STATEMENT_MESSAGES as M } from './messages.js';

/** The statement's period as one dealer's statement reads it. @internal */
export interface StatementPeriod {
  period: string;
  start: IsoDate;
  end: IsoDate;
  asOf: IsoDate;
  /** The last day of the year the period belongs to (the cascade's, or 31 December). */
  yearEnd: IsoDate;
}

const QUARTER = /^(\d{4})-Q([1-4])$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The dates of a Gregorian quarter or month id, or null. @internal */
export function gregorianDates(period: string): { start: IsoDate; end: IsoDate; yearEnd: IsoDate } | null {
  const q = QUARTER.exec(period);
  const m = MONTH.exec(period);
  if (q === null && m === null) return null;
  const year = Number((q ?? m)![1]);
  const first = q !== null ? (Number(q[2]) - 1) * 3 + 1 : Number(m![2]);
  const last = q !== null ? first + 2 : first;
  const y = pad(year, 4);
  return { start: `${y}-${pad(first)}-01`, end: `${y}-${pad(last)}-${pad(daysInMonth(year, last))}`, yearEnd: `${y}-12-31` };
}

/** Every period of a cascade, in tree order. @internal */
export function cascadePeriods(cascade: TargetCascade): TargetPeriod[] {
  const out: TargetPeriod[] = [];
  const walk = (list: readonly TargetPeriod[]) => {
    for (const p of list) {
      out.push(p);
      walk(p.children);
    }
  };
  walk(cascade.periods);
  return out;
}

/**
 * Reads the statement's period for one dealer: from its cascade (which must hold it) or from a
 * Gregorian id; `asOf` defaults to the period's last day and must lie within it.
 *
 * @internal
 */
export function resolvePeriod(period: string, cascade: TargetCascade | null, asOf: IsoDate | undefined, paths: { cascade: IssuePath; asOf: IssuePath; period: IssuePath }): StatementPeriod {
  let start: IsoDate;
  let end: IsoDate;
  let yearEnd: IsoDate;
  if (cascade !== null) {
    const all = cascadePeriods(cascade);
    const found = all.find((p) => p.period === period);
    if (found === undefined) {
      const ids = all.map((p) => p.period);
      return invalid(paths.cascade, M.periodNotInCascade(period, ids[0] ?? cascade.period, ids[ids.length - 1] ?? cascade.period), {
        code: 'unknown_label',
        received: JSON.stringify(period),
      });
    }
    start = found.start;
    end = found.end;
    yearEnd = cascade.end;
  } else {
    const dates = gregorianDates(period);
    if (dates === null) return invalid(paths.period, M.periodDates(period), { code: 'invalid_value', expected: 'YYYY-Qn or YYYY-MM' });
    ({ start, end, yearEnd } = dates);
  }
  const at = asOf ?? end;
  if (at < start || at > end) {
    outOfRange(paths.asOf, M.asOfOutside(at, start, end), { code: 'out_of_range', received: at, expected: `from ${start} to ${end}` });
  }
  return { period, start, end, asOf: at, yearEnd };
}
