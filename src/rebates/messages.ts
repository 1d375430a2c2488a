/**
 * Every message text of the rebates engine in one place (as dinero.js keeps its message
 * constants): issue messages of errors, warning messages and the words of step texts. The engine
 * code builds its errors and warnings from these factories only.
 *
 * @internal
 * @module
 */
import { percentHint } from '../core/messages.js';

/** Messages of programs, calculations, settlements and accruals. @internal */
export const REBATE_MESSAGES = {
  // defineRebateProgram
  moreDecimalsThanMoney: (scale: number, received: string) => `has more decimal places than the money scale (${scale}), received ${received}`,
  bothBounds: 'has both from and upTo; give every tier one bound style (from: inclusive lower bound, or upTo: inclusive upper bound)',
  noBound: 'needs a bound: from (inclusive lower bound) or upTo (inclusive upper bound)',
  mixedFrom: 'tiers[0] uses from; every tier must use the same bound style, never mixed',
  mixedUpTo: 'tiers[0] uses upTo; every tier must use the same bound style, never mixed',
  firstFromNotZero: (from: string) =>
    `must be 0, the lowest value of the basis, so that every value falls in a tier (a gap below ${from}); add a first tier from 0 that pays nothing`,
  fromOverlaps: (i: number, from: string) => `overlaps tiers[${i}]: both start at ${from}; each tier must start above the previous one`,
  fromDescending: (i: number, prev: string) => `must be greater than tiers[${i}].from (${prev}); list tiers in ascending order`,
  openEndedNotLast: (next: number) => `only the last tier may be open-ended (null); tiers[${next}] would be unreachable`,
  lastUpToNotNull: (upTo: string) => `must be null: the last tier is open-ended, otherwise values above ${upTo} fall in no tier (a gap)`,
  upToOverlaps: (i: number, upTo: string) => `overlaps tiers[${i}]: both end at ${upTo}; each tier must end above the previous one`,
  upToDescending: (i: number, prev: string) => `must be greater than tiers[${i}].upTo (${prev}); list tiers in ascending order`,
  stepRate: "a 'step' program pays each tier's fixed amount only; use method 'retroactive' for a rate on the whole base",
  stepPerUnit: "a 'step' program pays each tier's fixed amount only; use method 'retroactive' for an amount per unit",
  incrementalPerUnit: (basis: string) => `an incremental band of basis '${basis}' holds no units; an incremental perUnit needs basis 'quantity'`,
  incrementalRate:
    "an incremental band of units holds no amount; an incremental rate needs an amount-based basis ('amount', 'attainment', 'growth' or 'growthRate')",
  applyToNotGrowth: (basis: string) => `applies to the growth bases only, not to basis '${basis}'`,
  zeroBaselineNotGrowthRate: (basis: string) => `applies to basis 'growthRate' only, not to '${basis}'`,
  capEmpty: 'must give amount, rateOfBase or both',
  minimumAboveCap: (cap: string) => `is above cap.amount (${cap}); a raised minimum could never be paid`,
  bandDescending: (j: number, prev: string) => `must be greater than bands[${j}].from (${prev}); list bands in ascending order`,
  holdbackNotBelowOne: (received: string) => `must be less than 1 (the fraction of each advance held back), received ${received}`,
  retroactiveProgram: (thresholds: string) =>
    `retroactive: reaching a tier re-prices the whole base, so the rebate jumps at each threshold (${thresholds}); a dealer just below one may gain more from a small extra sale than the sale itself`,

  // calculateRebate: the facts a program needs
  salesRequired: (basis: string) => `is required (the program's basis '${basis}' or its rates, over-achievement or cap need the sales amount)`,
  quantityRequired: (basis: string) => `is required (the program's basis '${basis}' or its perUnit amounts need units)`,
  targetWhyAttainment: "basis 'attainment' divides by it",
  targetWhyAward: 'the over-achievement award is measured against it',
  targetRequired: (why: string) => `is required (${why})`,
  targetNotPositive: (why: string, received: string) => `must be greater than 0 (${why}), received ${received}`,
  baselineRequired: (basis: string) => `is required (basis '${basis}' measures growth over it)`,
  baselineZero:
    "must be greater than 0 for basis 'growthRate' ((net − baseline) / baseline); set the program's zeroBaseline to 'highest-tier' or 'lowest-tier' to allow 0",
  metricRequiredByGate: (i: number, metric: string, op: string, value: string) => `is required by gates[${i}] (${metric} ${op} ${value})`,
  metricRequiredByMultiplier: (i: number) => `is required by multipliers[${i}]`,
  metricBelowFirstBand: (i: number, from: string, received: string) => `is below the first band of multipliers[${i}] (from ${from}), received ${received}`,

  // calculateRebate: warnings
  negativeNet: (net: string) => `returns exceed sales (net ${net}); the basis uses 0, never a negative rebate`,
  negativeQuantity: (net: string) => `returned units exceed units (net ${net}); the basis uses 0`,
  negativeGrowth: (net: string, baseline: string) => `net sales ${net} are below the baseline ${baseline}; the growth basis uses 0`,
  zeroBaseline: (rule: string, k: number) =>
    `the baseline is 0, so the growth rate is undefined; zeroBaseline '${rule}' selects tiers[${k}] for the whole net amount`,
  retroactiveJump: (verb: 'reaching' | 'exceeding', threshold: string, k: number, name: string | null, from: string, to: string) =>
    `${verb} ${threshold} (tiers[${k}]${name === null ? '' : ` ${name}`}) re-prices the whole base: the rebate goes from ${from} to ${to}`,
  percentLikeMetric: (metric: string, value: string, required: string) =>
    `${metric} is ${value}, above 1, though its name says it is a ratio and the gate compares it with ${required}: ${percentHint(value)}`,

  // batches
  batchTotal: (count: number, failed: number, total: string) =>
    `${count} row${count === 1 ? '' : 's'} computed${failed === 0 ? '' : ` (${failed} refused)`}: Σ ${total}`,
  rowsRefused: (failed: number, total: number) =>
    `${failed} of ${total} rows ${failed === 1 ? 'was' : 'were'} refused; the totals are over the ${total - failed} row${total - failed === 1 ? '' : 's'} computed`,

  // Step texts and explanations of calculations (figures arrive formatted; these put them into words)
  tierLabel: (name: string | null, index: number) => name ?? `Tier ${index + 1}`,
  netSales: (net: string) => `net sales ${net}`,
  netSalesOf: (net: string, sales: string, returns: string) => `net sales ${net} = ${sales} − ${returns} returns`,
  netUnits: (net: string) => `net units ${net}`,
  netUnitsOf: (net: string, quantity: string, returned: string) => `net units ${net} = ${quantity} − ${returned} returned`,
  attainmentOf: (net: string, target: string, ratio: string) => `attainment ${net} / ${target} = ${ratio}`,
  growthOf: (net: string, baseline: string, growth: string) => `growth ${net} − ${baseline} = ${growth}`,
  growthRateOf: (net: string, baseline: string, ratio: string) => `growth rate (${net} − ${baseline}) / ${baseline} = ${ratio}`,
  growthRateUndefined: 'growth rate undefined over a zero baseline',
  rateOf: (rate: string, base: string) => `${rate} × ${base}`,
  perUnitOf: (units: string, perUnit: string) => `${units} × ${perUnit}`,
  fixedOf: (fixed: string) => `${fixed} fixed`,
  tierText: (label: string, parts: string, amount: string) => `${label}: ${parts} = ${amount}`,
  tierNothing: (label: string) => `${label}: nothing to pay`,
  awardText: (rate: string, base: string, threshold: string, amount: string) => `over-achievement: ${rate} × ${base} above ${threshold} = ${amount}`,
  awardCappedText: (rate: string, base: string, threshold: string, cap: string) =>
    `over-achievement: ${rate} × ${base} above ${threshold}, capped at ${cap}`,
  gateText: (metric: string, value: string, op: string, required: string, outcome: string) => `gate ${metric} ${value} ${op} ${required}: ${outcome}`,
  gateMet: 'met',
  gateVoids: 'not met, no rebate',
  gateScales: (factor: string) => `not met, × ${factor}`,
  gateFactorText: (factor: string, before: string, after: string) => `failed gates × ${factor}: ${before} → ${after}`,
  multiplierText: (metric: string, value: string, from: string, factor: string) => `${metric} ${value} (band from ${from}): × ${factor}`,
  multiplierFactorText: (factor: string, before: string, after: string) => `multiplier × ${factor}: ${before} → ${after}`,
  minimumRaisedText: (limit: string, before: string) => `minimum ${limit}: ${before} raised to ${limit}`,
  minimumForfeitedText: (limit: string, before: string) => `minimum ${limit}: ${before} is below it and forfeited`,
  capText: (limit: string, before: string) => `cap ${limit}: ${before} → ${limit}`,
  places: (scale: number) => `${scale} place${scale === 1 ? '' : 's'}`,
  lineRoundingText: (places: string, mode: string, rebate: string) => `every line rounded to ${places}, ${mode}: rebate ${rebate}`,
  lineRoundingDiffText: (places: string, mode: string, rebate: string, unrounded: string) =>
    `every line rounded to ${places}, ${mode}: rebate ${rebate} against ${unrounded} unrounded`,
  totalRoundingText: (places: string, mode: string, unrounded: string, rebate: string) => `rounded once to ${places}, ${mode}: ${unrounded} → ${rebate}`,
} as const;

/** Messages of explainRebate (its sentences; the step texts above are shared with calculateRebate). @internal */
export const EXPLAIN_MESSAGES = {
  // explainRebate
  reachedAttainment: (ratio: string) => `at ${ratio} of target`,
  reachedAmount: (net: string) => `at net sales of ${net}`,
  reachedUnits: (units: string) => `at ${units} net units`,
  reachedGrowth: (growth: string) => `at growth of ${growth}`,
  reachedGrowthRate: (ratio: string) => `at ${ratio} growth`,
  reachedZeroBaseline: 'with a zero baseline',
  reached: (label: string, at: string, lines: string) => `${label} reached ${at}: ${lines}`,
  nothingAtTier: 'nothing to pay at this tier',
  sumOf: (parts: string, amount: string) => `${parts} = ${amount}`,
  awardPart: (rate: string, base: string, amount: string) => `; over-achievement ${rate} × ${base} = ${amount}`,
  awardCappedPart: (rate: string, base: string, cap: string) => `; over-achievement ${rate} × ${base}, capped at ${cap}`,
  gateFails: (metric: string, value: string, op: string, required: string) => `${metric} ${value} fails ${op} ${required}`,
  gatesVoidPart: (failed: string) => `; ${failed}: no rebate`,
  gatesScalePart: (failed: string, factor: string, after: string) => `; ${failed} × ${factor} → ${after}`,
  multiplierPart: (metric: string, value: string, factor: string) => `${metric} ${value} × ${factor}`,
  multipliersPart: (tables: string, after: string) => `; ${tables} → ${after}`,
  minimumRaisedPart: (limit: string) => `; raised to the minimum ${limit}`,
  minimumForfeitedPart: (limit: string) => `; below the minimum ${limit}: forfeited`,
  capPart: (limit: string) => `; capped at ${limit}`,
  roundedPart: (rebate: string) => `; rounded to ${rebate}`,
  rebatePart: (rebate: string) => `; rebate ${rebate}`,
  gateMetPart: (metric: string, value: string, op: string, required: string) => `${metric} ${value} ${op} ${required}`,
  gatesMet: (list: string) => `Gates met: ${list}.`,
  benefitPart: (name: string, amount: string) => `${name} ${amount}`,
  benefitsEarned: (label: string, list: string) => `${label} also earns ${list}.`,
  nextFrom: (amount: string) => `from ${amount}`,
  nextAbove: (amount: string) => `above ${amount}`,
  nextUnitsFrom: (units: string) => `from ${units} units`,
  nextUnitsAbove: (units: string) => `above ${units} units`,
  nextGrowthFrom: (growth: string) => `from growth of ${growth}`,
  nextGrowthAbove: (growth: string) => `above growth of ${growth}`,
  moreSales: (amount: string) => `${amount} more net sales`,
  moreSalesThan: (amount: string) => `more than ${amount} more net sales`,
  moreUnits: (units: string) => `${units} more units`,
  moreUnitsThan: (units: string) => `more than ${units} more units`,
  anyMore: (what: 'net sales' | 'units') => `any more ${what}`,
  nextTierSentence: (label: string, at: string, needs: string, rebate: string, gain: string) =>
    `${label} ${at} needs ${needs}; the rebate would then be ${rebate} (${gain}).`,
  note: (message: string) => `Note: ${message}.`,
} as const;

/** Messages of settlements and accruals: their issues, step texts and explanations. @internal */
export const PERIOD_MESSAGES = {
  // settleRebate
  settlementRequired:
    "is required by settleRebate: define the program with a settlement policy, e.g. settlement: { advance: 'cumulative', negativeTrueUp: 'clawback' }",
  periodListedTwice: (id: string, first: number) => `${JSON.stringify(id)} is listed twice (first at periods[${first}])`,
  paidUnknownPeriod: 'no period has this id',
  paidFinalPeriod: 'the final period settles the year and is computed, not recorded; pass { final: false } for a mid-year run',
  perPeriodPartial: (field: string, first: number) => `give a ${field} for every period or for none (periods[${first}] has one)`,

  // accrueRebate
  periodEndBeforeStart: (start: string, received: string) => `must not be before periodStart (${start}), received ${received}`,
  asOfOutside: (start: string, end: string, received: string) => `must be within the period ${start} to ${end}, received ${received}`,
  forecastRequired: "is required by method 'forecast'",
  forecastNotUsed: (method: string) => `is used by method 'forecast' only, not '${method}'`,
  forecastBelowToDate: (net: string, received: string) => `must not be below the net sales to date (${net}), received ${received}`,
  forecastQuantityRequired: "is required (the program's basis or perUnit amounts need units)",

  // settlement steps and explainSettlement
  rebateToDate: (rebate: string) => `rebate to date ${rebate}`,
  rebateOfPeriod: (rebate: string) => `rebate on the period ${rebate}`,
  heldBack: (holdback: string, advance: string) => ` × (1 − ${holdback}) = ${advance}`,
  paidBeforePart: (paid: string) => ` − ${paid} paid`,
  advanceText: (period: string, rebate: string, held: string, paid: string, payment: string) => `${period}: ${rebate}${held}${paid} → pays ${payment}`,
  recordedPart: (due: string) => ` (recorded; ${due} was due)`,
  notClawedPart: (due: string) => ` (${due} due: only a clawback policy takes money back before the year end)`,
  trueUpText: (period: string, annual: string, paid: string, payment: string) => `${period} closes the year: annual rebate ${annual} − ${paid} paid → pays ${payment}`,
  carriedPart: (amount: string) => `; ${amount} overpaid is carried forward to next year`,
  waivedPart: (amount: string) => `; ${amount} overpaid is waived`,
  yearTotalText: (total: string, annual: string, carried: string | null, waived: string | null) =>
    `paid over the year ${total} = annual rebate ${annual}${carried === null ? '' : ` + ${carried} carried forward`}${waived === null ? '' : ` + ${waived} waived`}`,
  toDateTotalText: (total: string) => `paid to date ${total}`,
  sentence: (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}.`,
  heldBackPart: (holdback: string, advance: string) => `; × (1 − ${holdback}) = ${advance}`,
  lessPaidPart: (paid: string) => `; less ${paid} paid`,
  advanceExplained: (period: string, main: string, held: string, paid: string, payment: string, note: string) =>
    `${period}: ${main}${held}${paid} → pays ${payment}${note}.`,
  trueUpExplained: (period: string, main: string, paid: string, payment: string, tail: string) =>
    `${period} closes the year: ${main}${paid} → pays ${payment}${tail}.`,
  // accrual steps and explainAccrual
  elapsedText: (elapsed: number, days: number, start: string, asOf: string, end: string) =>
    `${elapsed} of ${days} days elapsed (${start} to ${asOf}; the period ends ${end})`,
  actualProjection: (net: string) => `the period taken as ending today: net sales ${net}`,
  runRateProjection: (net: string, days: number, elapsed: number, projected: string) => `run-rate: ${net} × ${days} / ${elapsed} = ${projected}`,
  forecastProjection: (projected: string) => `forecast: net sales ${projected} for the period`,
  projectedRebateText: (rebate: string, label: string) => `projected rebate ${rebate} (${label})`,
  accrualShareText: (rebate: string, done: string, whole: string, accrual: string) => `accrual ${rebate} × ${done} / ${whole} = ${accrual}`,
  accrualActualText: (accrual: string) => `accrual: the rebate to date, ${accrual}`,
  accrualNothingText: 'accrual 0: nothing projected or nothing sold to date',
  about: (amount: string, exact: boolean) => (exact ? amount : `about ${amount}`),
  actualExplained: (net: string, elapsed: number, days: number) => `Actual: net sales to date ${net} after ${elapsed} of ${days} days, taken as the period's.`,
  runRateExplained: (net: string, elapsed: number, days: number, projected: string) =>
    `Run-rate: ${net} in ${elapsed} of ${days} days projects ${projected} of net sales for the period.`,
  forecastExplained: (projected: string, net: string, elapsed: number, days: number) =>
    `Forecast: ${projected} of net sales for the period (${net} to date after ${elapsed} of ${days} days).`,
  accrueExplained: (accrual: string, rebate: string, toDate: string, whole: string, units: boolean) =>
    `Accrue ${accrual} now: the projected rebate ${rebate} × ${toDate} ${units ? 'units' : ''}${units ? ' ' : ''}sold to date / ${whole} projected.`,
  accrueActualExplained: (accrual: string) => `Accrue ${accrual} now: the rebate on the sales to date.`,
  accrueNothingExplained: (accrual: string) => `Accrue ${accrual} now: nothing is projected or nothing was sold to date.`,
  todayExplained: (rebate: string) => `If the period ended today, the rebate would be ${rebate}.`,
} as const;

// ---------------------------------------------------------------------------------------------
// Partner levels, points, loyalty bonus and profit pool (levels.ts, points.ts, loyalty.ts, pool.ts).
// Figures arrive already formatted; these factories only put them into words.

/** Messages and sentences of partner levels, points, loyalty bonuses and profit pools. @internal */
export const REWARD_MESSAGES = {
  // calculatePartnerLevel
  levelListedTwice: (name: string, first: number) => `${JSON.stringify(name)} is listed twice (first at levels[${first}])`,
  metricRequiredByLevel: (i: number, j: number, name: string) => `is required by levels[${i}].criteria[${j}] (${name})`,
  criterionText: (level: string, metric: string, value: string, op: string, required: string, outcome: string) =>
    `${level}: ${metric} ${value}, needs ${op} ${required}: ${outcome}`,
  criterionMet: 'met',
  criterionShort: (gap: string) => `${gap} short`,
  criterionOver: (gap: string) => `${gap} over`,
  criterionNotMet: 'not met',
  levelReached: (level: string, criteria: string, rate: string | null, benefits: string | null) =>
    `${level} reached: ${criteria}${rate === null ? '' : `; rate ${rate}`}${benefits === null ? '' : `; ${benefits}`}.`,
  noLevel: 'No level reached.',
  levelNeeds: (level: string, needs: string) => `${level} needs ${needs}.`,
  levelNeed: (metric: string, op: string, required: string, value: string, gap: string | null) =>
    `${metric} ${op} ${required} (now ${value}${gap === null ? '' : `, ${gap}`})`,

  // accruePoints
  ruleListedTwice: (id: string, first: number) => `${JSON.stringify(id)} is listed twice (first at earn[${first}])`,
  unknownRule: (id: string) => `no earn rule has this id (${JSON.stringify(id)})`,
  overRedeemed: (points: string, live: string, date: string) => `redeems ${points} points but only ${live} are live on ${date}`,
  pendingEvents: (count: number, asOf: string) =>
    `${count} event${count === 1 ? ' is' : 's are'} dated after ${asOf} and not applied (see pending)`,
  earnText: (date: string, rule: string, quantity: string, perUnit: string, product: string, rounded: string | null, caps: string, lastValid: string) =>
    `${date} ${rule}: ${quantity} × ${perUnit} = ${product}${rounded === null ? '' : ` → ${rounded}`} points${caps}, valid through ${lastValid}`,
  capPerEvent: (max: string) => `, capped at ${max} per event`,
  capPerQuarter: (points: string, max: string, used: string) => `, ${points} within the quarter's cap of ${max} (${used} used before)`,
  redeemText: (date: string, points: string, from: string) => `${date} redeemed ${points} points: ${from}`,
  drawText: (points: string, earnedOn: string) => `${points} earned ${earnedOn}`,
  expireText: (date: string, points: string, earnedOn: string, lastValid: string) =>
    `${date} expired ${points} points earned ${earnedOn} (valid through ${lastValid})`,
  balanceText: (asOf: string, earned: string, redeemed: string, expired: string, balance: string) =>
    `Balance on ${asOf}: ${earned} earned − ${redeemed} redeemed − ${expired} expired = ${balance} points`,

  // calculateLoyaltyBonus
  yearListedTwice: (year: number, first: number) => `${year} is listed twice (first at history[${first}])`,
  streakListedTwice: (streak: number, first: number) => `${streak} is listed twice (first at rates[${first}])`,
  yearText: (year: number, sales: string, target: string, attainment: string, onTarget: boolean) =>
    `${year}: ${sales} of target ${target} = ${attainment}: ${onTarget ? 'on target' : 'below target'}`,
  streakText: (streak: number, from: number, to: number, sum: string | null, total: string) =>
    `${streak} year${streak === 1 ? '' : 's'} on target in a row (${from === to ? from : `${from}–${to}`}): ${sum === null ? '' : `${sum} = `}${total} of sales`,
  noStreak: (year: number) => `No streak: ${year} was below target`,
  breakBelow: (year: number, attainment: string, sales: string, target: string) =>
    `${year} ended the streak: ${attainment} of target (${sales} of ${target})`,
  breakMissing: (year: number) => `${year} ended the streak: no figures for that year`,
  bonusText: (streak: number, rate: string, sales: string, exact: string, bonus: string) =>
    `Loyalty bonus for ${streak} year${streak === 1 ? '' : 's'} on target: ${rate} × ${sales} = ${exact === bonus ? bonus : `${exact} → ${bonus}`}`,
  noRate: (streak: number, first: number) =>
    `No loyalty bonus: ${streak} year${streak === 1 ? '' : 's'} on target, the first rate needs ${first}`,

  // allocateProfitPool
  partnerWeightsZero: 'must not all have weight 0 (the pool could not be split)',
  firstPoolTierNotZero: (from: string) => `must be 0, so that every increment falls in a tier; received ${from}`,
  poolTierDescending: (i: number, prev: string) => `must be greater than tiers[${i}].from (${prev}); list tiers in ascending order`,
  noIncrement: (revenue: string, baseline: string) => `revenue ${revenue} is not above the baseline ${baseline}: the pool is 0`,
  incrementText: (revenue: string, baseline: string, increment: string) => `Increment: revenue ${revenue} − baseline ${baseline} = ${increment}`,
  noIncrementText: (revenue: string, baseline: string) => `Increment: revenue ${revenue} is not above baseline ${baseline}, so 0`,
  bandText: (rate: string, base: string, from: string, to: string | null, amount: string) =>
    `${rate} × ${base} (${to === null ? `above ${from}` : `from ${from} to ${to}`}) = ${amount}`,
  poolText: (sum: string, exact: string, pool: string) => `Pool: ${sum} = ${exact === pool ? pool : `${exact} → ${pool}`}`,
  splitText: (pool: string, weights: string, total: string) =>
    `${pool} split by weight (${weights} = ${total}), largest remainder: the shares sum to the pool`,
  shareText: (id: string, weight: string, total: string, amount: string) => `${id}: weight ${weight} of ${total} → ${amount}`,
} as const;
