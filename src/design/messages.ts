/**
 * Every message text of dealerkit/design in one place: issue messages of errors, warning messages
 * and the words of step texts. Figures arrive already formatted; these factories only put them
 * into words.
 *
 * @internal
 * @module
 */
import { percentHint } from '../core/messages.js';


/** Messages and sentences of simulations, sensitivities, cliff exposures and comparisons. @internal */
export const DESIGN_MESSAGES = {
  // the network and the scenarios
  networkEmpty: 'must hold at least one dealer',
  dealerIdRequired: 'is required (a string or a number): overrides and error paths name the dealer by it',
  dealersRefused: (failed: number, total: number) =>
    `${failed} of ${total} dealers ${failed === 1 ? 'was' : 'were'} refused; the figures are over the ${total - failed} dealer${total - failed === 1 ? '' : 's'} computed`,
  scenarioListedTwice: (name: string, first: number) => `${JSON.stringify(name)} is listed twice (first at scenarios[${first}])`,
  growthBelowMinusOne: (received: string) => `must be at least -1 (−100 %: no sales), received ${received}`,
  meanNotAboveMinusOne: (received: string) => `must be greater than -1 (−100 %: no sales), received ${received}`,
  targetGrowthNotAboveMinusOne: (received: string) => `must be greater than -1 (a target must stay above 0), received ${received}`,
  sdNegative: (received: string) => `must not be negative, received ${received}`,
  percentLikeGrowth: (received: string) =>
    `a growth of ${received} is +${received}00 %; if ${received} % was meant, write ${percentHint(received).split(' ')[1]}`,
  unknownSegment: (segment: string) => `no dealer of the network is in segment ${JSON.stringify(segment)}`,
  unknownDealer: (id: string) => `no dealer of the network has the id ${JSON.stringify(id)}`,
  stochasticOnly: (field: string) =>
    `${field} belongs to a stochastic scenario; give growth as { mean, sd, distribution } to draw it, or leave ${field} out`,
  runsRequired: 'is required by a stochastic scenario (how many runs to draw)',
  runsOutOfRange: (max: number, received: number) => `must be from 1 to ${max}, received ${received}`,
  seedRequired: 'is required by a stochastic scenario (the same seed gives the same figures on every machine)',
  seedNegative: (received: number) => `must be a whole number from 0, received ${received}`,
  salesBeyondSafe: (factor: number) => `times the drawn factor ${factor} is beyond 2^53 minor units, where whole-cent arithmetic ends`,
  runBeyondSafe: (run: number) => `run ${run}'s total is beyond 2^53 minor units, where whole-cent arithmetic ends`,
  progressThrew: (message: string) => `threw an error: ${message}`,
  programLabel: (position: number) => `program ${position + 1}`,
  tierNumber: (index: number) => `tier ${index + 1}`,

  // warnings
  clippedWarning: (clipped: number, draws: number) =>
    `${clipped} of ${draws} normal draws fell below −100 % growth and were taken as −100 % (no sales); a lognormal distribution never falls below it`,

  // steps of a scenario
  projectionText: (growth: string, segments: number, overrides: number, targetGrowth: string | null) =>
    `sales, returns and units × (1 ${growth.startsWith('−') ? '−' : '+'} ${growth.slice(1)}), money rounded half-up to the money scale${segments === 0 ? '' : `; ${segments} segment${segments === 1 ? '' : 's'} at a growth of ${segments === 1 ? 'its' : 'their'} own`}${overrides === 0 ? '' : `; ${overrides} dealer override${overrides === 1 ? '' : 's'}`}${targetGrowth === null ? '; targets as given' : `; targets ${targetGrowth}`}`,
  stochasticProjectionText: (segments: number, overrides: number, targetGrowth: string | null) =>
    `in every run, sales and returns × the dealer's drawn 1 + growth, rounded half-up to whole minor units${segments === 0 ? '' : `; ${segments} segment${segments === 1 ? '' : 's'} with a mean of ${segments === 1 ? 'its' : 'their'} own`}${overrides === 0 ? '' : `; ${overrides} dealer override${overrides === 1 ? '' : 's'}`}${targetGrowth === null ? '; targets as given' : `; targets ${targetGrowth}`}`,
  totalText: (dealers: string, amount: string) => `Σ rebates of ${dealers} = ${amount} (each dealer's steps are on its result)`,
  tierTallyText: (label: string, dealers: string, amount: string) => `${label}: ${dealers}, ${amount}`,
  tierMeanText: (label: string, dealers: string, amount: string) => `${label}: ${dealers} dealers and ${amount} per run on average`,
  shareText: (rebate: string, net: string, share: string | null, paidNet: string, paid: string, effective: string | null) =>
    `${rebate} / net sales ${net} = ${share ?? 'undefined (no sales)'} of sales; ${rebate} / ${paidNet} of the ${paid} paid = ${effective ?? 'undefined (nobody paid)'} effective`,
  shareMeanText: (rebate: string, net: string, share: string | null, paidNet: string, paid: string, effective: string | null) =>
    `per run on average: ${rebate} / net sales ${net} = ${share ?? 'undefined (no sales)'} of sales; ${rebate} / ${paidNet} of the ${paid} dealers paid = ${effective ?? 'undefined (nobody paid)'} effective`,
  costText: (rebate: string, benefits: string, cost: string) => `cost: rebate ${rebate} + benefits ${benefits} = ${cost}`,
  drawsText: (runs: string, seed: number, distribution: string, mean: string, sd: string, correlation: string, clipped: number) =>
    `${runs} drawn with seed ${seed} (xoshiro128**, inverse normal): each dealer's growth ${distribution} with mean ${mean} and sd ${sd}, correlation ${correlation} between dealers${clipped === 0 ? '' : `; ${clipped} draws below −100 % taken as −100 %`}`,
  statisticsText: (of: 'rebate' | 'cost', runs: string, mean: string, sd: string, p5: string, p50: string, p95: string) =>
    `${of} over ${runs}: mean ${mean}, sd ${sd}; 5th percentile ${p5}, median ${p50}, 95th percentile ${p95}`,

  // explainRebateSimulation
  deterministicHeadline: (name: string, rebate: string, net: string, share: string | null, paid: string, effective: string | null) =>
    share === null
      ? `${name}: rebate ${rebate}, no net sales.`
      : `${name}: rebate ${rebate} on net sales ${net} (${share} of sales; ${effective === null ? 'nobody paid' : `${effective} effective on the ${paid} paid`}).`,
  stochasticHeadline: (name: string, runs: string, seed: number, distribution: string, mean: string, sd: string, m: string, s: string, p5: string, p50: string, p95: string) =>
    `${name} (${runs}, seed ${seed}, ${distribution} growth ${mean} ± ${sd}): rebate ${m} on average, sd ${s}; 5th / 50th / 95th percentile ${p5} / ${p50} / ${p95}.`,
  tierPart: (label: string, dealers: string, amount: string) => `${label} ${dealers} (${amount})`,
  tiersSentence: (mean: boolean, list: string) => `${mean ? 'Dealers per tier on average' : 'Dealers per tier'}: ${list}.`,
  benefitsSentence: (list: string, cost: string) => `Benefits ${list}; cost with the rebate ${cost}.`,
  topPart: (id: string, amount: string, tier: string) => `${id} ${amount} (${tier})`,
  topSentence: (mean: boolean, list: string) => `${mean ? 'Largest mean rebates' : 'Largest rebates'}: ${list}.`,
  note: (message: string) => `Note: ${message}.`,

  // calculateThresholdSensitivity
  unknownTierIndex: (index: number, n: number) => `must be a tier of the program, from 0 to ${n - 1}, received ${index}`,
  unknownTierName: (name: string, names: readonly string[]) =>
    `no tier of the program is named ${JSON.stringify(name)}${names.length === 0 ? '' : ` (the tiers: ${names.map((n) => JSON.stringify(n)).join(', ')})`}`,
  firstTierFixed: 'the first tier starts at 0, the lowest value of every basis; move the threshold of a higher tier',
  deltaBelowPrevious: (tier: string, moved: string, previous: string, bound: string, first: boolean) =>
    `moves ${tier}'s threshold to ${moved}, ${first ? `at or below ${bound}, where the first tier (${previous}) starts` : `at or below ${previous}'s threshold (${bound})`}; tiers must stay in ascending order`,
  deltaAboveNext: (tier: string, moved: string, next: string, bound: string) =>
    `moves ${tier}'s threshold to ${moved}, at or above ${next}'s threshold (${bound}); tiers must stay in ascending order`,
  stepHasNoRate: "a 'step' program pays fixed amounts only; move a threshold instead",
  rateBelowZero: (tier: string, moved: string) => `moves ${tier}'s rate to ${moved}, below 0`,
  rateAboveOne: (tier: string, moved: string) => `moves ${tier}'s rate to ${moved}, above 1 (rates are fractions: 0.03 for 3 %)`,
  scenarioNotDeterministic: 'must be a deterministic scenario here (one growth, per segment or per dealer); a stochastic scenario belongs to simulateRebateProgram',
  sensitivityBaseText: (tier: string, move: 'threshold' | 'rate', value: string, dealers: string, rebate: string, cost: string) =>
    `as it is, ${tier} ${move === 'rate' ? 'at' : 'from'} ${value}: ${dealers}, rebate ${rebate}, cost ${cost}`,
  sensitivityPointText: (tier: string, move: 'threshold' | 'rate', value: string, delta: string, cost: string, change: string, moved: string) =>
    `${tier} ${move === 'rate' ? 'at' : 'from'} ${value} (${delta}): cost ${cost} (${change}); ${moved} change${moved.startsWith('1 ') ? 's' : ''} tier`,
  sensitivityBaseSentence: (tier: string, move: 'threshold' | 'rate', value: string, rebate: string, cost: string) =>
    `As it is, ${tier} ${move === 'rate' ? 'at' : 'from'} ${value}: rebate ${rebate}, cost ${cost}.`,
  sensitivityPointSentence: (tier: string, move: 'threshold' | 'rate', value: string, delta: string, cost: string, change: string, moved: string, movers: string) =>
    `${tier} ${move === 'rate' ? 'at' : 'from'} ${value} (${delta}): cost ${cost}, ${change}; ${moved} change${moved.startsWith('1 ') ? 's' : ''} tier${movers === '' ? '' : `: ${movers}`}.`,
  moverPart: (id: string, from: string, to: string, change: string) => `${id} (${from} → ${to}, ${change})`,

  // calculateCliffExposure
  windowRequired: 'must give relative (a fraction of the threshold) or absolute (in the basis\'s units)',
  windowBoth: 'must give relative or absolute, not both',
  incrementalNoCliffs: 'an incremental program prices each band at its own rate, so reaching a threshold re-prices nothing: the gains are only the next band\'s rate on the gap (and any fixed amount)',
  salesGap: (amount: string) => `${amount} of net sales`,
  unitsGap: (units: string) => `${units} units`,
  cliffText: (tier: string, threshold: string, dealers: string, gap: string, exposure: string, benefits: string | null) =>
    `${tier} at ${threshold}: ${dealers} within the window below it, ${gap} short, exposure ${exposure}${benefits === null ? '' : ` and benefits ${benefits}`}`,
  exposureText: (dealers: string, gap: string, exposure: string, benefits: string | null) =>
    `${dealers} within the window: ${gap} short in all, exposure ${exposure}${benefits === null ? '' : ` and benefits ${benefits}`}`,
  exposureSentence: (dealers: string, gap: string, exposure: string, benefits: string | null) =>
    `${dealers} within the window below a threshold: ${gap} more would carry them all across, and their rebates would grow by ${exposure}${benefits === null ? '' : ` (and their benefits by ${benefits})`}.`,
  moreSales: (amount: string) => `${amount} more net sales`,
  moreUnits: (units: string) => `${units} more units`,
  perSales: (percent: string) => `${percent} of the extra sales`,
  perUnit: (amount: string) => `${amount} per extra unit`,
  cliffSentence: (id: string, tier: string, needs: string, next: string, threshold: string, rebate: string, at: string, gain: string, per: string | null, benefits: string | null) =>
    `${id} (${tier}) needs ${needs} to reach ${next} at ${threshold}: its rebate goes from ${rebate} to ${at} (${gain}${per === null ? '' : `, ${per}`})${benefits === null ? '' : `, and its benefits ${benefits}`}.`,

  // compareRebatePrograms
  programsNotList: 'must be a list of programs (the first is the one switched from)',
  programsTooFew: (n: number) => `must hold at least 2 programs to compare, received ${n}`,
  currencyDiffers: (currency: string, scale: number, first: string, firstScale: number) =>
    `is ${currency} at ${scale} places, but programs[0] is ${first} at ${firstScale}: compare programs in one currency and money scale`,
  switchText: (scenario: string, from: string, to: string, change: string, mean: boolean, winners: string, losers: string) =>
    `${scenario}, ${from} → ${to}: cost ${change}${mean ? ' per run on average' : ''}; ${winners} better off, ${losers} worse off`,
  programHeadline: (program: string, headline: string) => `${program} — ${headline}`,
  switchDealerPart: (id: string, change: string, tiers: string | null) => `${id} (${change}${tiers === null ? '' : `, ${tiers}`})`,
  switchSentence: (scenario: string, from: string, to: string, change: string, mean: boolean, winners: string, losers: string, unchanged: number) =>
    `${scenario}, ${from} → ${to}: cost ${change}${mean ? ' per run on average' : ''}; better off: ${winners === '' ? 'nobody' : winners}; worse off: ${losers === '' ? 'nobody' : losers}${unchanged === 0 ? '' : `; ${unchanged} unchanged`}.`,
  costlierSentence: (to: string, percent: string, p5: string, p95: string) =>
    `${to} costs more in ${percent} % of the runs; the change lies between ${p5} and ${p95} in 90 % of them.`,
} as const;
