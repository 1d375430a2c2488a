/**
 * Every message text of the targets engine in one place (as dinero.js keeps its message
 * constants): the issues of its errors and the messages of its warnings. The sentences of `steps`
 * and `explain*` are built in `text.ts` from each step's figures.
 *
 * @internal
 * @module
 */
import { describeValue, percentHint } from '../core/messages.js';

/** A primitive as String prints it; an object (which String may throw on) described (null as 'null', as String prints it). */
const plain = (v: unknown): string => (typeof v === 'object' || typeof v === 'function' ? describeValue(v) : String(v));
const json = (v: unknown): string => {
  // Any value a caller passes (a bigint, a cyclic object) is printed, never thrown on.
  try {
    return JSON.stringify(v) ?? describeValue(v);
  } catch {
    return describeValue(v);
  }
};

/** Issue messages of the targets engine. @internal */
export const TARGETS_MESSAGES = {
  // Calendars and ISO weeks
  wholeYear: (v: unknown) => `must be a whole year, received ${plain(v)}`,
  monthNumber: (v: unknown) => `must be a month number from 1 to 12, received ${plain(v)}`,
  isoYearRange: (y: number) => `must be from 1 to 9998, received ${y}`,
  yearAndStart: () => 'give either year or start, not both',
  yearOrStart: () => 'is required (a number), or give start for a fiscal year',
  fiscalYearWithYear: () => 'goes with start; a calendar year is named by its year',
  startYear: (start: string) => `must be in the years 1000 to 9000, as a calendar year must, received ${JSON.stringify(start)}`,
  firstOfMonth: (v: string) => `must be the first day of a month, received ${json(v)}`,
  leapWeek: (v: unknown) => `must be 'last-month', 'restate' or { month: 1–12 }, received ${json(v)}`,
  retailRulesMissing: () => 'is required in a retail calendar: its pattern, yearEnd, leapWeek and naming, received null',

  // Cascade spec
  notACalendar: () => 'must be a calendar from defineGregorianCalendar, defineRetailCalendar or defineNrfCalendar, or a calendar spec with a system',
  spreadWeights: (missing: boolean) =>
    missing ? 'is required (an array of weights or an object of weights by period id)' : 'must be an array of weights or an object of weights by period id',
  spread: (received: string) => `must be 'even', 'days', 'workdays', { profile } or { reference }, received ${received}`,
  levelRepeated: (kind: string) => `repeats '${kind}' (levels go coarsest first, each once)`,
  levelOrder: (previous: string, kind: string) => `must be finer than '${previous}' (levels go coarsest first, each once), received '${kind}'`,
  weeksOnRetail: () => 'applies to Gregorian calendars only: retail weeks never straddle two months',
  weekDoesNotNest: (parent: string) =>
    `'week' does not nest in ${parent} on a Gregorian calendar (ISO weeks straddle months and the year's ends); set weeks to 'split' (cut at month ends) or 'thursday' (each week whole, in the month of its Thursday)`,
  weeksWithoutWeekLevel: () => "is only used when levels include 'week'",
  spreadPerLevel: (levels: number, received: number) => `must hold one spread per level (${levels}), received ${received}`,
  profileLength: (quarters: number, months: number, weeks: number, calendar: string, received: number) =>
    `must hold one weight per quarter (${quarters}), month (${months}) or week (${weeks}) of ${calendar}, received ${received}`,
  profileEmpty: () => 'must hold at least one period',
  profileUnknownPeriod: (calendar: string) => `is not a quarter, month or week of ${calendar}`,
  profileOtherLevel: (levelPlural: string, calendar: string, first: string, kind: string, key: string) =>
    `is not one of the ${levelPlural} of ${calendar} (the first key, ${first}, makes this a ${kind} ${key})`,
  profileMissing: (ids: readonly string[]) => `lacks ${ids.length === 1 ? 'a weight' : 'weights'} for ${ids.join(', ')}`,
  profileAllZero: () => 'must not be all zero',
  holidayOutside: (start: string, end: string, d: string) => `is outside the plan (${start} to ${end}), received ${d}`,
  alreadyWorkday: (weekday: string, d: string) => `is a working day already (${weekday}), received ${d}`,
  extraIsHoliday: (d: string) => `is also listed as a holiday, received ${d}`,
  stageDoesNotApply: () => "does not apply to targets: every split is largest remainder, so the parts always sum to the whole; give scale and mode only",
  totalMoved: () => "is not a field of the spec: give the total beside it, cascadeTarget(spec, total) (a row's total in cascadeTargets)",
  scaleMoved: () => 'is not a known field; the scale is now given as rounding: { scale }',
  tooManyDecimals: (scale: number, amount: string, defaulted: boolean) =>
    `has more than ${scale} decimal places (${amount}); round it to the scale first${defaulted ? ', or give rounding: { scale } for decimals' : ''}`,

  // Splits and hierarchies
  duplicateId: (id: string) => `repeats the id ${json(id)}`,
  notAChild: () => 'is not a child id',
  lockBelowFloor: (floor: string, short: string) => `is below its floor of ${floor} by ${short}`,
  locksAbove: (sum: string, total: string, over: string) => `sum to ${sum}, above the total of ${total} by ${over}`,
  locksShort: (sum: string, total: string, short: string) => `lock every child and sum to ${sum}, short of the total of ${total} by ${short}`,
  floorsAbove: (sum: string, left: string, over: string) => `sum to ${sum}, above ${left} by ${over}`,
  leftAfterLocks: (rest: string) => `the ${rest} left after locks`,
  theTotal: (total: string) => `the total of ${total}`,
  zeroWeights: (rest: string) => `the weights of the children left to spread over are all zero, so nothing carries the remaining ${rest}`,
  oneUplift: () => 'must be one factor for splitTarget (a list of factors per level is for cascadeHierarchy)',
  leafWeight: () => 'is required on a node without children',
  noChildren: () => 'must hold at least one child',
  lockRoot: () => 'cannot lock the root: its target is the total',
  upliftLevels: (given: number, depth: number) => `has ${given} factors but the tree has ${depth} level${depth === 1 ? '' : 's'} below the root`,
  lockBelowNeed: (need: string, short: string) => `is below what its children's locks and floors need (${need}) by ${short}`,
  underNode: (id: string, target: string, message: string) => `under ${id} (target ${target}): ${message}`,
  cycle: (ids: readonly string[]) => `refers back to its own ancestor (${ids.join(' → ')}): a territory cannot contain itself`,
  sameNode: (other: string) => `is the same object as ${other}: each node may appear once in the tree`,
  tooDeep: (limit: number) => `is nested deeper than ${limit} levels`,

  // Tracking
  notACascade: () => 'must be a result of cascadeTarget',
  cascadeField: (what: string) => `must be ${what} (a result of cascadeTarget)`,
  cascadeTotal: (total: string, sum: string) => `is ${total}, but the first-level periods sum to ${sum}: the cascade was changed after cascadeTarget made it`,
  cascadeChildren: (target: string, sum: string) => `is ${target}, but its sub-periods sum to ${sum}: the cascade was changed after cascadeTarget made it`,
  cascadeLevel: (level: number, sum: string, total: string) =>
    `level ${level + 1} sums to ${sum}, not to the total of ${total}: the cascade was changed after cascadeTarget made it`,
  actualsObject: () => 'must be an object of amounts by period id',
  notAPeriod: (cascade: string) => `is not a period of the cascade ${cascade}`,
  actualAfterAsOf: (start: string, asOf: string) => `is for a period that starts after asOf (${start} > ${asOf})`,
  actualOverlap: (other: string) => `overlaps ${other}, also given (each day's sales may be counted once)`,

  // Adjustment
  dropPositive: (v: string) => `must be greater than 0, received ${v}`,
  demandChangeBelow: (v: string) => `must be at least -1 (a fall of 100 %), received ${v}: ${percentHint(v)}`,
  duplicateDrop: (first: number, drop: string) => `repeats the drop of rules[${first}] (${drop})`,

  // Explanations
  notAResult: (fn: string) => `must be a result of ${fn}`,
  notAStep: () => 'must be a step { code, text }',

  // Batches
  rowsArray: () => 'must be an array of rows { id?, total }',
  progressFunction: () => 'must be a function (done, total) => void',
} as const;

/** Warning messages of the targets engine. @internal */
export const TARGETS_WARNINGS = {
  spreadFallback: (period: string, from: string, to: string) => `the ${from} weights sum to zero under ${period}; its split fell back to ${to}`,
  directDifferences: (count: number) =>
    `under path 'direct' ${count} parent period${count === 1 ? '' : 's'} differ${count === 1 ? 's' : ''} from the sum of ${count === 1 ? 'its' : 'their'} sub-periods (see differences)`,
  missingActual: (periods: readonly string[]) =>
    `${periods.join(', ')} ${periods.length === 1 ? 'has' : 'have'} started but ${periods.length === 1 ? 'has' : 'have'} no actual (given or summed from ${periods.length === 1 ? 'its' : 'their'} sub-periods): actualToDate counts ${periods.length === 1 ? 'it' : 'them'} as 0`,
  percentLikeFactor: (what: string, value: string) =>
    `${what} of ${value} multiplies by ${value}: if a percentage was meant, ${percentHint(value)}`,
} as const;
