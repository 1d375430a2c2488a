// A defined calendar read back from its JSON: the schema of the defined form, the spec it came
// from (a Gregorian start and fiscal year, or a retail calendar's rules), and the calendar built
// again. core/defined.ts compares the two, so a period whose dates or id disagree is refused.
import * as z from 'zod/mini';
import { lazySchema } from '../core/lazy.js';
import type { DefinedReader } from '../core/defined.js';
import { invalid } from '../core/errors.js';
import { parseWith } from '../core/schema.js';
import type { TargetCalendar } from './calendar.js';
import { buildGregorian } from './gregorian.js';
import { TARGETS_MESSAGES as M } from './messages.js';
import { buildRetail } from './retail.js';
import { calendarSpecShape } from './schema.js';

const text = z.string();
const periodJson = lazySchema(() =>
  z.strictObject({
  period: text,
  kind: text,
  index: z.number(),
  start: text,
  end: text,
  days: z.number(),
  weeks: z.optional(z.number()),
  isoYear: z.optional(z.number()),
  isoWeek: z.optional(z.number()),
}),
);

// The spec's fields (a Gregorian `start` and `fiscalYear`, the retail rules) are checked by the
// spec's schema when the calendar is built again; the derived ones only need their types here.
const calendarJsonShape = lazySchema(() =>
  z.strictObject({
  kind: z.literal('target-calendar'),
  system: z.enum(['gregorian', 'retail']),
  period: text,
  fiscalYear: z.unknown(),
  start: z.unknown(),
  end: text,
  days: z.number(),
  quarters: z.array(periodJson),
  months: z.array(periodJson),
  weeks: z.array(periodJson),
  retail: z.nullable(
    z.strictObject({
      pattern: z.unknown(),
      yearEnd: z.unknown(),
      leapWeek: z.unknown(),
      naming: z.unknown(),
      weeksInYear: z.number(),
      leapWeekPeriod: z.nullable(text),
      droppedWeek: z.nullable(z.strictObject({ start: text, end: text })),
    }),
  ),
}),
);

type CalendarJson = z.output<typeof calendarJsonShape>;

function toSpec(c: CalendarJson): unknown {
  if (c.system === 'gregorian') return { system: 'gregorian', start: c.start, fiscalYear: c.fiscalYear };
  const r = c.retail;
  if (r === null) return invalid(['retail'], M.retailRulesMissing(), { code: 'invalid_type', expected: 'an object', received: 'null' });
  return { system: 'retail', fiscalYear: c.fiscalYear, pattern: r.pattern, yearEnd: r.yearEnd, leapWeek: r.leapWeek, naming: r.naming };
}

function define(spec: unknown): TargetCalendar {
  const s = parseWith(calendarSpecShape, spec);
  // toSpec gives no `nrf` system: an NRF calendar's JSON is a retail calendar with NRF's rules.
  return s.system === 'gregorian' ? buildGregorian(s) : buildRetail(s as Extract<typeof s, { system: 'retail' }>);
}

/** A retail calendar's rules sit under `retail` in its JSON. */
function specPath(path: (string | number)[]): (string | number)[] {
  return ['pattern', 'yearEnd', 'leapWeek', 'naming'].includes(String(path[0])) ? ['retail', ...path] : path;
}

/** How a calendar is read back from its JSON (`kind: 'target-calendar'`). @internal */
export const CALENDAR_JSON: DefinedReader<CalendarJson, TargetCalendar> = {
  kind: 'target-calendar',
  what: 'the calendar',
  schema: calendarJsonShape,
  toSpec,
  define,
  specPath,
};
