import { defineRebateProgram, type RebateProgramSpec, type RebateResult, type RebateSettlementPolicy, type RebateStep } from 'dealerkit';

export { thrown } from '../helpers.js';

/** Decimals (or anything printable) as strings. */
export const strs = (xs: readonly { toString(): string }[]): string[] => xs.map((x) => x.toString());

/**
 * SAP's rebate agreement with a scale (SAP Help, Rebate Processing: partial and final settlement):
 * retroactive, from 5,000 at 2 %, from 20,000 at 4 %; settled by cumulative partial settlements
 * with a final settlement that claws back.
 */
export const sapSpec: RebateProgramSpec = {
  currency: 'EUR',
  rounding: { stage: 'line' },
  basis: 'amount',
  method: 'retroactive',
  tiers: [{ from: 0 }, { from: 5000, rate: '0.02' }, { from: 20000, rate: '0.04' }],
  settlement: { advance: 'cumulative', negativeTrueUp: 'clawback' },
};

/**
 * SAP's program, defined afresh at each call. Fixtures are made inside each test, never when a file loads:
 * Stryker cannot tell which tests cover code run outside a test and marks its mutants static, each tested
 * against the whole module's suite.
 */
export const sapProgram = () => defineRebateProgram(sapSpec);

/** SAP's program with another settlement policy. */
export const sapWith = (settlement: RebateSettlementPolicy) => defineRebateProgram({ ...sapSpec, settlement });

/**
 * The seeds' program (../shared/DOMAIN.md §1, the demo's): quarterly tiers by target attainment,
 * Bronze from 80 % at 1 %, Silver from 90 % at 2 %, Gold from 100 % at 3 % with a 50,000 brand
 * fund; 2 % over-achievement award above 100 % of target (at most 100,000); a gate on the on-time
 * payment ratio (≥ 0.9, else half); inventory turnover days × 1.1 under 30, × 1 to 60, × 0.8 from
 * 61; cumulative quarterly advances with a 10 % holdback, clawed back at the true-up.
 */
export const seedsSpec: RebateProgramSpec = {
  name: 'Jade River Appliances dealer rebate 2025',
  currency: 'CNY',
  rounding: { stage: 'line' },
  basis: 'attainment',
  method: 'retroactive',
  tiers: [
    { from: 0, name: '—' },
    { from: '0.8', rate: '0.01', name: 'Bronze' },
    { from: '0.9', rate: '0.02', name: 'Silver' },
    { from: 1, rate: '0.03', name: 'Gold', benefits: { brandFund: 50000 } },
  ],
  overAchievement: { above: 1, rate: '0.02', cap: 100000 },
  gates: [{ metric: 'onTimePaymentRatio', op: '>=', value: '0.9', onFail: { factor: '0.5' } }],
  multipliers: [{ metric: 'inventoryTurnoverDays', bands: [{ from: 0, factor: '1.1' }, { from: 30, factor: 1 }, { from: 61, factor: '0.8' }] }],
  settlement: { advance: 'cumulative', holdbackRate: '0.1', negativeTrueUp: 'clawback' },
};

/** The seeds' program, defined afresh at each call (see sapProgram). */
export const seedsProgram = () => defineRebateProgram(seedsSpec);

/**
 * The seeds' dealer (../shared/DOMAIN.md §2 and issue 13): a 10,000,000 target, 9,620,000 of net
 * sales (96.20 % of target, Silver), 97 % of invoices paid on time, 70 days of inventory turnover.
 */
export const seedsDealer = { sales: 9620000, target: 10000000, metrics: { onTimePaymentRatio: '0.97', inventoryTurnoverDays: 70 } };

/** The steps of one kind, typed. */
export function stepsOf<C extends RebateStep['code']>(r: RebateResult, code: C): Extract<RebateStep, { code: C }>[] {
  return r.steps.filter((s): s is Extract<RebateStep, { code: C }> => s.code === code);
}

/** The one step of a kind (throws when there is none). */
export function stepOf<C extends RebateStep['code']>(r: RebateResult, code: C): Extract<RebateStep, { code: C }> {
  const s = stepsOf(r, code)[0];
  if (s === undefined) throw new Error(`no ${code} step`);
  return s;
}

/** The steps that change the amount after the lines: gate and multiplier factors, minimum, cap. */
export function adjustmentsOf(r: RebateResult): Extract<RebateStep, { code: 'gate-factor' | 'multiplier-factor' | 'minimum' | 'cap' }>[] {
  return r.steps.filter(
    (s): s is Extract<RebateStep, { code: 'gate-factor' | 'multiplier-factor' | 'minimum' | 'cap' }> =>
      s.code === 'gate-factor' || s.code === 'multiplier-factor' || s.code === 'minimum' || s.code === 'cap',
  );
}

/** Retroactive by target attainment, in CNY per line: nothing below 90 %, 1 % from 90 %, 2 % from 100 %. */
export const attSpec: RebateProgramSpec = {
  currency: 'CNY',
  rounding: { stage: 'line' },
  basis: 'attainment',
  method: 'retroactive',
  tiers: [{ from: 0 }, { from: '0.9', rate: '0.01' }, { from: 1, rate: '0.02' }],
};
