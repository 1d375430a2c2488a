/**
 * Every message text of the KPI engine in one place (as dinero.js keeps its message constants):
 * the issue messages of errors, the warning messages and the words of step texts. The engine code
 * builds its errors, warnings and steps from these factories only.
 *
 * @internal
 * @module
 */

/** Issue and warning messages of the KPI engine. @internal */
export const KPI_MESSAGES = {
  // defineScorecard
  notMonotone: (direction: string, what: string, i: number, prev: string, received: string) =>
    `must be ${direction === 'higher' ? 'at least' : 'at most'} the score of ${what}[${i}] (${prev}) for a ${direction}-is-better KPI, received ${received}`,
  wrongDirection: (needs: string, type: string, hint: string, received: string) => `must be '${needs}' for scoring '${type}' (${hint}), received '${received}'`,
  ratioHint: "score a lower-is-better KPI with 'reduction', a curve or bands, never an inverse ratio",
  reductionHint: "'ratio' scores higher-is-better KPIs",
  deviationHint: 'it is best at the target',
  floorAboveCap: (floor: string, cap: string) => `the floor (${floor}) must not exceed the cap (${cap})`,
  anchorsAscend: (i: number, prev: string, received: string) => `must be greater than points[${i}].at (${prev}): anchors ascend, received ${received}`,
  extrapolateNeedsLinear: "'extrapolate' needs between: 'linear' and at least 2 points",
  outsideScore: (atMost: boolean, side: 'below' | 'above', end: string, direction: string, received: string) =>
    `must be ${atMost ? 'at most' : 'at least'} the ${side === 'below' ? 'first' : 'last'} anchor's score (${end}) for a ${direction}-is-better KPI, received ${received}`,
  bandsAscend: (i: number, prev: string, received: string) => `must be greater than bands[${i}].from (${prev}): bands ascend, received ${received}`,
  bandsBelow: (direction: string, first: string, received: string) =>
    `must be ${direction === 'higher' ? 'at most' : 'at least'} the first band's score (${first}) for a ${direction}-is-better KPI, received ${received}`,
  booleanTarget: "must be 'higher' or 'lower' for scoring 'boolean', received 'target'",
  booleanPass: (direction: string, fail: string, received: string) =>
    `must be ${direction === 'higher' ? 'at least' : 'at most'} fail (${fail}) for a ${direction}-is-better KPI, received ${received}`,
  duplicateKpi: (id: string, first: number) => `must be unique, '${id}' is also kpis[${first}].id`,
  targetNotPositive: (received: string) => `must be greater than 0, received ${received}`,
  noStage: 'must define at least one stage',
  notAKpi: (known: string) => `is not a KPI of this scorecard (KPIs: ${known})`,
  weightRequired: 'is required: every KPI needs a weight in every stage (0 is allowed)',
  nothingToNormalise: 'must not all be zero: there is nothing to normalise',
  weightsDoNotSum: (sum: string) => `must sum to exactly 1, they sum to ${sum} (or set normalize: true to divide them by their sum)`,
  gradesDescend: (i: number, prev: string, received: string) => `must be less than grades[${i}].min (${prev}): grades descend from the highest, received ${received}`,
  duplicateGrade: (grade: string) => `must be unique, '${grade}' appears twice`,
  gateUnknownKpi: (received: string) => `is not a KPI of this scorecard, received '${received}'`,
  gateBooleanValue: (kpi: string, received: string) => `must be true or false for the boolean KPI '${kpi}', received ${received}`,
  gateBooleanOp: (kpi: string, received: string) => `must be '==' or '!=' for the boolean KPI '${kpi}', received '${received}'`,
  gateNumericValue: (kpi: string, received: string) => `must be a number for the numeric KPI '${kpi}', received ${received}`,
  gateUnknownGrade: (received: string) => `is not a grade of this scorecard, received '${received}'`,

  // scoreDealer: the dealer's input
  dealerNotObject: (received: string) => `must be an object { stage | stages, actuals, targets? }, received ${received}`,
  idType: (received: string) => `must be a string or a number, received ${received}`,
  stageName: (received: string) => `must be a stage name, received ${received}`,
  notAStage: (stages: string, received: string) => `is not a stage of this scorecard (stages: ${stages}), received '${received}'`,
  stageAndStages: 'must not be given together with stage: give one stage, or stages with a period',
  stageRequired: 'is required (or give stages with a period)',
  policyWithStage: 'applies only with stages (a single stage needs no policy)',
  policyValue: (received: string) => `must be one of 'prorate', 'end', 'start', received ${received}`,
  periodRequired: 'is required with stages ({ start, end })',
  periodNotObject: (received: string) => `must be an object { start, end }, received ${received}`,
  periodEndBeforeStart: (start: string, received: string) => `must not be before period.start (${start}), received ${received}`,
  stagesEmpty: 'must hold at least one stage span',
  stagesNotArray: (received: string) => `must be an array of { stage, from, to }, received ${received}`,
  spanNotObject: (received: string) => `must be an object { stage, from, to }, received ${received}`,
  spanEndBeforeStart: (i: number, from: string, received: string) => `must not be before stages[${i}].from (${from}), received ${received}`,
  spansOverlap: (i: number, to: string, received: string) => `must be after stages[${i}].to (${to}): spans are in date order without overlaps, received ${received}`,
  stagesMissDay: (policy: string, on: string) => `must cover the period's ${policy} (${on}) under policy '${policy}'`,
  stagesGap: (start: string, end: string, from: string, to: string) => `must cover every day of the period ${start} to ${end}: ${from} to ${to} is in no stage`,
  actualsNotObject: (received: string) => `must be an object of actuals by KPI id, received ${received}`,
  targetsNotObject: (received: string) => `must be an object of targets by KPI id, received ${received}`,
  booleanActual: (received: string) => `must be true or false (the KPI is scored as a boolean), received ${received}`,
  numericActual: (received: string) => `must be a number (the KPI is scored on numbers), received ${received}`,
  actualRequired: "is required (the scorecard's missing policy is 'error'; use 'zero' or 'reweight' to score without it)",
  targetRequired: (type: string, onAttainment: boolean) => `is required: scoring '${type}'${onAttainment ? ' on attainment' : ''} reads actual / target`,
  targetOf: (id: string, type: string, onAttainment: boolean) => `${id} (scoring '${type}'${onAttainment ? ' on attainment' : ''})`,
  targetsRequired: (kpis: readonly string[]) => `is required: ${kpis.join(', ')} read${kpis.length === 1 ? 's' : ''} actual / target, and the scorecard gives no default target`,
  dealerTargetNotPositive: (received: string) =>
    `must be greater than 0, received ${received} (a ratio to a target of 0 or less has no meaning; score such a KPI on the actual with a curve or bands)`,
  nothingToReweight: (missing: string) => `every KPI with a weight is missing (${missing}): there is nothing to reweight`,
  belowFirstBand: (from: string, received: string) =>
    `is below the first band (from ${from}) and the scoring gives no 'below' score, received ${received}`,

  // scoreDealer / scoreDealers: options and warnings
  optionsNotObject: 'must be an object',
  explainOptions: 'must be an object { locale? }',
  notAResult: (what: string) => `must be a result of ${what} (an object with steps)`,
  wholeNumber: (received: string) => `must be a whole number, received ${received}`,
  percentLikeMetric: (kpi: string, actual: string, threshold: string, where: string, hint: string) =>
    `${kpi} is ${actual}, but its name says it is a ratio and ${where} is ${threshold}: ${hint} (a ratio of ${actual} passes every threshold up to 1)`,
  missingZero: (kpi: string) => `no actual for ${kpi}: scored 0 points (the scorecard's missing policy is 'zero')`,
  missingReweight: (kpi: string) => `no actual for ${kpi}: its weight is shared among the KPIs present (the scorecard's missing policy is 'reweight')`,
  rowsRefused: (failed: number, total: number, scored: number) =>
    `${failed} of ${total} rows ${failed === 1 ? 'was' : 'were'} refused; ranks, percentile ranks and totals cover the ${scored} scored`,

  // reviewStanding
  periodFormat: (received: string) => `must be a quarter written YYYY-Qn or a month written YYYY-MM, received ${received}`,
  scoreRequired: 'is required (null for a period without a score)',
  historyNotArray: 'must be an array of { period, score }',
  entryNotObject: 'must be an object { period, score }',
  mixedPeriods: (kind: string, received: string) => `must be a ${kind} like the first period (one kind per history), received ${received}`,
  periodsAscend: (prev: string, received: string) => `must come after ${prev}: the history runs oldest first without repeats, received ${received}`,
  periodRepeated: (prev: string, received: string) => `repeats ${prev}: the history lists each period once, received ${received}`,
  periodFilledIn: (period: string) => `${period} is not in the history: the review lists it as a period without a score`,
  periodWithoutScore: (period: string, missing: string) => `${period} has no score; the rule's missing policy '${missing}' applies`,

  // calculateAhpWeights
  ahpEntryType: (received: string) => `must be a number or a fraction such as '1/3', received ${received}`,
  ahpEntryNotNumber: (received: string) => `must be a finite number or a fraction such as '1/3', received ${received}`,
  ahpEntryNotPositive: (received: string) => `must be greater than 0 (a reciprocal matrix has no zeros or negatives), received ${received}`,
  ahpNotMatrix: 'must be a non-empty square array of rows',
  ahpRowLength: (n: number, received: string) => `must be a row of ${n} entries (the matrix is square), received ${received}`,
  ahpDiagonal: (received: string) => `must be 1 (an item compared with itself), received ${received}`,
  ahpReciprocal: (i: number, j: number, mirror: string, received: string) =>
    `must be the reciprocal of matrix[${i}][${j}] (1 / ${mirror}), received ${received}; write fractions such as '1/3' exactly`,
  ahpMethod: (received: string) => `must be one of 'eigenvector', 'geometric-mean', received ${received}`,
  ahpTable: (tables: string, received: string) => `must be one of ${tables}, received ${received}`,
  ahpThreshold: (received: string) => `must be a number from 0 to 1, received ${received}`,
  ahpTooLarge: (n: number, table: string, max: number) => `has ${n} rows, but the '${table}' random-index table stops at n = ${max}`,
  ahpInconsistent: (cr: string, threshold: string) =>
    `the consistency ratio ${cr} is above ${threshold}: the judgements contradict each other; revise the matrix before using the weights`,

  // calculateEntropyWeights
  entropyRowsNotArray: 'must be an array of rows (one object of KPI values per dealer)',
  entropyKpisRequired: 'must be a non-empty array of { id, direction }',
  entropyTooFewRows: (received: number) => `must hold at least 2 rows (entropy divides by ln m), received ${received}`,
  entropyKpiId: 'must be a non-empty KPI id',
  entropyDuplicate: (id: string) => `must be unique, '${id}' appears twice`,
  entropyRowNotObject: 'must be an object of KPI values',
  entropyReflectBelow: (id: string, max: string, received: string) => `must be at least every value of '${id}' (${max}), received ${received}`,
  entropyTransform: "is required for a lower-is-better KPI: 'max-minus' or { reflect: bound } (never 1 / x, which explodes at 0)",
  entropyDirection: (received: string) => `must be 'higher' or 'lower', received ${received}`,
  entropyNegative: (received: string) => `must not be negative (entropy weights need ratio-scaled values of 0 or more), received ${received}`,
  entropyAllZero: (id: string) => `hold only zeros for '${id}' (after its transform): the column has no shares`,
  entropyNoInformation:
    'carry no information: every KPI has the same value for every dealer, so no KPI can be weighed above another',
  entropyConstant: (id: string) => `every dealer has the same ${id}: the column tells no dealer apart and weighs 0`,
} as const;

/** Words of the step texts and explanations. @internal */
export const KPI_WORDS = {
  // scoreDealer steps
  stageSingle: (stage: string) => `Weights of stage ${stage}`,
  stageOn: (stage: string, on: string, which: 'end' | 'start') => `Weights of stage ${stage}, in force on ${on} (the period's ${which})`,
  stageProrated: (start: string, end: string, days: number, parts: string) => `Weights prorated by days over ${start} to ${end} (${days} days): ${parts}`,
  stagePart: (stage: string, days: number, share: string) => `${stage} ${days} day${days === 1 ? '' : 's'} (${share})`,
  reweight: (missing: string, present: string) =>
    `Reweighted: no actual for ${missing}; the weights of the KPIs present (summing to ${present}) are divided by ${present}`,
  pointsWith: (label: string, actual: string, target: string, attainment: string, points: string, rule: string, weight: string, contribution: string) =>
    `${label}: ${actual} of ${target} = ${attainment} % → ${points} points${rule} × ${weight} = ${contribution}`,
  pointsWithout: (label: string, actual: string, points: string, rule: string, weight: string, contribution: string) =>
    `${label}: ${actual} → ${points} points${rule} × ${weight} = ${contribution}`,
  missingZero: (label: string, weight: string) => `${label}: no actual → 0.00 points × ${weight} = 0.00`,
  missingReweight: (label: string) => `${label}: no actual; its weight is shared among the KPIs present`,
  yes: 'yes',
  no: 'no',
  ruleReduction: ' (200 − attainment)',
  ruleDeviation: ' (100 − |attainment − 100|)',
  ruleCurve: ' (curve)',
  ruleBands: ' (bands)',
  ruleFloor: (floor: string) => ` (at the floor ${floor})`,
  ruleCap: (cap: string) => ` (capped at ${cap})`,
  weightedScore: (score: string, n: number) => `Weighted score ${score}: the sum of the ${n} contribution${n === 1 ? '' : 's'}`,
  weightedScoreRounded: (sum: string, n: number, scale: number, mode: string, score: string) =>
    `Weighted score: the sum of the ${n} contribution${n === 1 ? '' : 's'}, ${sum}, rounded to ${scale} place${scale === 1 ? '' : 's'} (${mode}) = ${score}`,
  gate: (label: string, op: string, value: string, actual: string, outcome: string) => `Gate ${label} ${op} ${value}: ${actual}, ${outcome}`,
  gatePassed: 'met',
  gateZero: (adjustment: string) => `not met: the score is set to 0 (${adjustment})`,
  gateCapScore: (cap: string, adjustment: string) => `not met: the score is capped at ${cap} (${adjustment})`,
  gateCapScoreBelow: (cap: string) => `not met: the score is capped at ${cap} (already below it)`,
  gateCapGrade: (grade: string) => `not met: the grade is capped at ${grade}`,
  gateNoActual: 'no actual',
  score: (weighted: string, adjustment: string, score: string) => `Score ${weighted} ${adjustment} (gates) = ${score}`,
  grade: (grade: string, min: string) => `Grade ${grade}: a score of ${min} or more`,
  gradeCapped: (byScore: string, min: string, grade: string) => `Grade ${byScore} by score (${min} or more), capped at ${grade} by a gate not met`,
  noGrade: (lowest: string, min: string) => `No grade: the score is below ${lowest} (${min})`,

  // explainScore
  headline: (who: string, score: string, stage: string, grade: string) => `${who}score ${score} under ${stage} weights${grade}`,
  headlineGrade: (grade: string) => `: ${grade}`,
  headlineCapped: (grade: string, byScore: string) => `: ${grade} (${byScore} by score, capped by a gate)`,
  headlineNoGrade: ': no grade',
  note: (message: string) => `Note: ${message}`,

  // scoreDealers batch steps
  ranking: (n: number) =>
    `Ranked ${n} dealer${n === 1 ? '' : 's'} by score, highest first; equal scores share a rank (1, 2, 2, 4); percentile rank = dealers scoring lower ÷ (${n} − 1)${n === 1 ? ', 1 for a batch of one' : ''}`,
  gradeCounts: (parts: string) => `Grades: ${parts}`,
  gradeCount: (grade: string, n: number) => `${grade} ${n}`,
  noGradeCount: (n: number) => `no grade ${n}`,

  // reviewStanding steps
  standingOk: (period: string, score: string, benchmark: string) => `${period}: ${score}, at or above the benchmark ${benchmark}: ok`,
  standingWatch: (period: string, score: string, benchmark: string, run: number, needed: number) =>
    `${period}: ${score}, below the benchmark ${benchmark} (${run} of ${needed} in a row): watch`,
  standingWarned: (period: string, score: string, benchmark: string, run: number) =>
    `${period}: ${score}, below the benchmark ${benchmark} for the ${ordinal(run)} period in a row: warning and improvement plan`,
  standingStillBelow: (period: string, score: string, benchmark: string, months: number, grace: number) =>
    `${period}: ${score}, still below ${benchmark} ${months} month${months === 1 ? '' : 's'} after the warning: warning kept (exit review from ${grace} month${grace === 1 ? '' : 's'})`,
  standingExit: (period: string, score: string, benchmark: string, months: number) =>
    `${period}: ${score}, still below ${benchmark} ${months} month${months === 1 ? '' : 's'} after the warning: exit review`,
  standingRecovering: (period: string, score: string, benchmark: string, done: number, needed: number, status: string) =>
    `${period}: ${score}, at or above ${benchmark} (${done} of ${needed} needed to recover): ${status} kept`,
  standingRecovered: (period: string, score: string, benchmark: string, done: number) =>
    `${period}: ${score}, at or above the benchmark ${benchmark} (${done} in a row): recovered`,
  standingMissing: (period: string, missing: 'break' | 'skip') =>
    missing === 'break' ? `${period}: no score: the run of misses starts again` : `${period}: no score: skipped`,
  noScore: 'no score',
  standingCurrent: (status: string, period: string) => `Current standing: ${status} (${period})`,
  standingEmpty: 'No periods reviewed: the standing is ok',

  // calculateAhpWeights steps
  ahpWeights: (method: string, weights: string) => `Weights by the ${method}: ${weights}`,
  ahpEigenvector: 'principal eigenvector',
  ahpGeometric: 'normalised row geometric means',
  ahpSmall: (n: number) => `A ${n} × ${n} matrix is always consistent: CI = CR = 0`,
  ahpConsistency: (lambda: string, n: number, ci: string, ri: string, table: string, cr: string, threshold: string, verdict: string) =>
    `λmax ${lambda}; CI = (${lambda} − ${n}) / ${n - 1} = ${ci}; CR = ${ci} / ${ri} (${table}) = ${cr}, ${verdict} ${threshold}`,
  ahpConsistent: 'at most',
  ahpNotConsistent: 'above',

  // calculateEntropyWeights steps
  entropyStep: (id: string, e: string, d: string, total: string, w: string) =>
    `${id}: entropy ${e}, divergence 1 − ${e} = ${d} → weight ${d} / ${total} = ${w}`,
} as const;

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th'}`;
}
