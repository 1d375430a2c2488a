// The rebate section: the program year settled up to the statement's period by the rebates engine,
// with the inventory-turnover metric fed from the stock's health when the dealer's stock is given.
import type { Decimal } from '../core/decimal.js';
import { invalid } from '../core/errors.js';
import type { Step, Warning } from '../core/result.js';
import {
  settleRebate,
  type RebateBenefit,
  type RebateNextTier,
  type RebateProgram,
  type RebateResult,
  type RebateSettlement,
  type RebateSettlementInput,
  type RebateTierRef,
} from '../rebates/index.js';
import { STATEMENT_MESSAGES as M, STATEMENT_STEPS as S } from './messages.js';
import { within, warningsWithin } from './paths.js';

/** The stock's turnover days as fed to the program. */
export interface StatementTurnoverFeed {
  /** The program metric fed (`inventoryTurnoverDays`). */
  metric: string;
  /** The turnover days from the inventory engine's health figures. */
  days: Decimal;
  /** The factor of the multiplier band the days fell in, or null when no multiplier table reads the metric. */
  factor: Decimal | null;
  /** Whether the gates on the metric passed, or null when no gate reads it. */
  gatePassed: boolean | null;
}

/** The statement's rebate section. */
export interface StatementRebate {
  /** `'advance'`: the period pays an advance; `'final'`: it closes the program year with the true-up. */
  kind: 'advance' | 'final';
  /** The calculation behind the payment: the year's at the true-up, else the period's (cumulative to date or its own, by the policy). */
  calculation: RebateResult;
  /** The rebates engine's settlement of the year to the period, with its steps. */
  settlement: RebateSettlement;
  /** The tier reached. */
  tier: RebateTierRef;
  /** The value that chose the tier (net sales, attainment …). */
  basisValue: Decimal | null;
  /** Net sales the calculation read. */
  netAmount: Decimal | null;
  /** The calculation's rebate. */
  rebate: Decimal;
  /** The advance earned before what was paid (rebate × (1 − holdback)); null at the true-up. */
  advance: Decimal | null;
  /** What the earlier periods paid. */
  paidBefore: Decimal;
  /** The payment due for the period under the settlement policy (negative: clawed back). */
  payment: Decimal;
  /** The year's rebate at the true-up, else null. */
  annualRebate: Decimal | null;
  /** What the next tier needs and is worth, or null at the top tier. */
  nextTier: RebateNextTier | null;
  /** The reached tier's benefits (a brand fund). */
  benefits: RebateBenefit[];
  /** The stock's turnover days fed to the program, or null when not fed. */
  turnover: StatementTurnoverFeed | null;
  /** The program's currency. */
  currency: string;
  /** The program's money scale. */
  scale: number;
}

/** How the rebate section is run. @internal */
export interface RebateSetup {
  program: RebateProgram;
  turnoverMetric: string;
  final: boolean;
}

/** True when a gate or a multiplier of the program reads the metric. @internal */
export function programReads(program: RebateProgram, metric: string): boolean {
  return program.gates.some((g) => g.metric === metric) || program.multipliers.some((m) => m.metric === metric);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Builds the rebate section for one dealer. @internal */
export function buildRebateSection(
  setup: RebateSetup,
  id: string,
  input: RebateSettlementInput,
  period: string,
  turnoverDays: Decimal | null,
  warnings: Warning[],
  steps: Step[],
): StatementRebate {
  if (!isObject(input) || !Array.isArray(input.periods)) invalid(['rebate', 'periods'], M.rebatePeriods, { code: 'invalid_type' });
  if (input.id !== undefined && String(input.id) !== id) invalid(['rebate', 'id'], M.idMismatch(String(input.id), id), { code: 'inconsistent' });
  const k = input.periods.findIndex((p) => isObject(p) && p.period === period);
  if (k < 0) {
    const ids = input.periods.map((p) => (isObject(p) ? String(p.period) : '?')).join(', ') || 'none';
    invalid(['rebate', 'periods'], M.rebatePeriodMissing(period, ids), { code: 'unknown_label', received: JSON.stringify(period) });
  }
  const kept = input.periods.slice(0, k + 1).map((p) => ({ ...p }));
  const settlementInput: RebateSettlementInput = { ...input, id, periods: kept };
  if (input.paid !== undefined && isObject(input.paid)) {
    const keep = new Set(kept.map((p) => p.period));
    settlementInput.paid = Object.fromEntries(Object.entries(input.paid).filter(([p]) => keep.has(p)));
  }
  let fed: { metric: string; days: Decimal } | null = null;
  const metric = setup.turnoverMetric;
  if (turnoverDays !== null && programReads(setup.program, metric)) {
    const own = kept[k]!.metrics;
    if (isObject(own) && Object.prototype.hasOwnProperty.call(own, metric)) {
      invalid(['rebate', 'periods', k, 'metrics', metric], M.turnoverTwice(metric, turnoverDays.toFixed()), { code: 'inconsistent' });
    }
    kept[k]!.metrics = { ...(isObject(own) ? own : {}), [metric]: turnoverDays };
    if (setup.final) {
      const top = input.metrics;
      if (isObject(top) && Object.prototype.hasOwnProperty.call(top, metric)) {
        invalid(['rebate', 'metrics', metric], M.turnoverTwice(metric, turnoverDays.toFixed()), { code: 'inconsistent' });
      }
      settlementInput.metrics = { ...(isObject(top) ? top : {}), [metric]: turnoverDays };
    }
    fed = { metric, days: turnoverDays };
  }
  const settlement = within({ program: ['config', 'rebate', 'program'], options: ['config', 'rebate'] }, ['rebate'], () =>
    settleRebate(setup.program, settlementInput, { final: setup.final }),
  );
  warnings.push(...warningsWithin(settlement.warnings, { program: ['config', 'rebate', 'program'] }, ['rebate']));
  const row = settlement.periods[k]!;
  const calculation = row.kind === 'final' ? settlement.annual! : row.calculation;
  let turnover: StatementTurnoverFeed | null = null;
  if (fed !== null) {
    const band = calculation.multipliers.find((m) => m.metric === fed!.metric);
    const gates = calculation.gates.filter((g) => g.metric === fed!.metric);
    turnover = { ...fed, factor: band === undefined ? null : band.factor, gatePassed: gates.length === 0 ? null : gates.every((g) => g.passed) };
    steps.push({ code: 'turnover-feed', text: S.turnoverFeed(fed.metric, fed.days, period, turnover.factor, turnover.gatePassed) });
  }
  return {
    kind: row.kind,
    calculation,
    settlement,
    tier: calculation.tier,
    basisValue: calculation.basisValue,
    netAmount: calculation.netAmount,
    rebate: calculation.rebate,
    advance: row.advance,
    paidBefore: row.paidBefore,
    payment: row.payment,
    annualRebate: settlement.annualRebate,
    nextTier: calculation.nextTier,
    benefits: calculation.benefits,
    turnover,
    currency: setup.program.currency,
    scale: setup.program.rounding.scale,
  };
}
