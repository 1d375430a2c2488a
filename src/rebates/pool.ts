import { readResult } from '../core/result-check.js';
import { ProfitPoolResultShape } from '../core/result-shapes.js';
import { ZERO, type Decimal } from '../core/decimal.js';
import { IssueCollector, wrapThrown } from '../core/errors.js';
import { runBatch } from '../core/batch.js';
import { fmtAmount, fmtExact, fmtExactPercent, separatorsOf } from '../core/format.js';
import { allocateAt, currencyScaleAt, roundDecimal, type RoundingMode } from '../core/money.js';
import type { ExplainOptions, Step, Warning } from '../core/result.js';
import { parseWith } from '../core/schema.js';
import { REWARD_MESSAGES as M } from './messages.js';
import { poolBodyShape, poolPartnerShape, type ProfitPoolInput } from './schema.js';

/** One partner's share of a profit pool. */
export interface ProfitPoolShare {
  /** The partner's id. */
  id: string;
  /** The partner's weight. */
  weight: Decimal;
  /** The partner's share, at the money scale. */
  amount: Decimal;
}

/** Step `pool-increment`: revenue − baseline (0 when not positive). */
export interface ProfitPoolIncrementStep extends Step {
  /** Always `'pool-increment'`. */
  code: 'pool-increment';
  /** The revenue. */
  revenue: Decimal;
  /** The baseline. */
  baseline: Decimal;
  /** revenue − baseline, or 0. */
  increment: Decimal;
}

/** Step `pool-band`: one sharing band: the increment in it × its rate. */
export interface ProfitPoolBandStep extends Step {
  /** Always `'pool-band'`. */
  code: 'pool-band';
  /** Lower bound of the increment band. */
  from: Decimal;
  /** Upper bound, or null. */
  to: Decimal | null;
  /** The increment in the band. */
  base: Decimal;
  /** The band's sharing rate. */
  rate: Decimal;
  /** base × rate, exact. */
  amount: Decimal;
}

/** A band of a profit pool as the pool step lists it: its rate and the increment in it. */
export interface ProfitPoolBandFigures {
  /** The band's sharing rate. */
  rate: Decimal;
  /** The increment in the band. */
  base: Decimal;
}

/** Step `pool-total`: Σ band amounts, rounded once. */
export interface ProfitPoolTotalStep extends Step {
  /** Always `'pool-total'`. */
  code: 'pool-total';
  /** Each band's rate and base, in order. */
  bands: ProfitPoolBandFigures[];
  /** Σ band amounts, exact. */
  unrounded: Decimal;
  /** The pool, rounded to `scale` places by `mode`. */
  pool: Decimal;
  /** Decimal places of the pool. */
  scale: number;
  /** The rounding mode. */
  mode: RoundingMode;
}

/** Step `pool-split`: the pool split by weight with the largest remainder, so the shares sum to it. */
export interface ProfitPoolSplitStep extends Step {
  /** Always `'pool-split'`. */
  code: 'pool-split';
  /** The pool. */
  pool: Decimal;
  /** Every partner's weight, in order. */
  weights: Decimal[];
  /** Σ weights. */
  totalWeight: Decimal;
}

/** Step `pool-share`: one partner's share. */
export interface ProfitPoolShareStep extends Step, ProfitPoolShare {
  /** Always `'pool-share'`. */
  code: 'pool-share';
  /** Σ weights. */
  totalWeight: Decimal;
}

/** One step of {@link allocateProfitPool}, told apart by `code`. */
export type ProfitPoolStep = ProfitPoolIncrementStep | ProfitPoolBandStep | ProfitPoolTotalStep | ProfitPoolSplitStep | ProfitPoolShareStep;

/** The result of {@link allocateProfitPool}. */
export interface ProfitPoolResult {
  /** revenue − baseline, or 0 when negative. */
  increment: Decimal;
  /** Σ band amounts, exact. */
  unrounded: Decimal;
  /** The pool, rounded once to the money scale. */
  pool: Decimal;
  /** The pool split by weight (largest remainder): the shares sum exactly to the pool. */
  shares: ProfitPoolShare[];
  /** The money scale (for printing). */
  scale: number;
  /** `no-increment`: the revenue is not above the baseline, so there is nothing to share. */
  warnings: Warning[];
  /** The increment, each band, the pool, the split and every share. */
  steps: ProfitPoolStep[];
}

type Separators = ReturnType<typeof separatorsOf>;

/** A step before its text is written (distributes over the union). */
type Draft<T> = T extends unknown ? Omit<T, 'text'> : never;

function render(step: Draft<ProfitPoolStep>, scale: number, seps: Separators): string {
  const money = (d: Decimal): string => fmtAmount(d, scale, seps);
  switch (step.code) {
    case 'pool-increment':
      return step.revenue.gt(step.baseline)
        ? M.incrementText(money(step.revenue), money(step.baseline), money(step.increment))
        : M.noIncrementText(money(step.revenue), money(step.baseline));
    case 'pool-band':
      return M.bandText(fmtExactPercent(step.rate, seps), fmtExact(step.base, scale, seps), money(step.from), step.to === null ? null : money(step.to), fmtExact(step.amount, scale, seps));
    case 'pool-total':
      return M.poolText(
        step.bands.map((b) => `${fmtExactPercent(b.rate, seps)} × ${fmtExact(b.base, scale, seps)}`).join(' + '),
        fmtExact(step.unrounded, scale, seps),
        money(step.pool),
      );
    case 'pool-split':
      return M.splitText(money(step.pool), step.weights.map((w) => fmtExact(w, 0, seps)).join(' + '), fmtExact(step.totalWeight, 0, seps));
    default:
      return M.shareText(step.id, fmtExact(step.weight, 0, seps), fmtExact(step.totalWeight, 0, seps), money(step.amount));
  }
}

/**
 * Allocates a joint profit pool: the increment of revenue over a baseline (0 if negative), pooled at
 * one rate or by incremental tiers (the first 1,000,000 at 30 %, the rest at 40 %), rounded once,
 * and split by weight with the core `allocate`, so the shares sum exactly to the pool.
 *
 * Rates are fractions (0.3 for 30 %; `30` is refused with `percent_as_whole_number`). Partners
 * are rows with a unique `id`: every bad partner is reported in one error, each path naming the
 * partner (`partners[D05].weight`). The pool is rounded by `rounding` (the currency's minor unit,
 * half-up, by default).
 *
 * @param input - The currency, revenue, baseline, the pool's rate or tiers, the partners and the rounding.
 * @example
 * ```ts
 * const p = allocateProfitPool({
 *   currency: 'CNY', revenue: 12500000, baseline: 11000000,
 *   pool: { tiers: [{ from: 0, rate: '0.3' }, { from: 1000000, rate: '0.4' }] },
 *   partners: [{ id: 'brand', weight: 1 }, { id: 'D05', weight: 1 }, { id: 'D08', weight: 1 }],
 * });
 * [p.pool.toString(), p.shares.map((s) => s.amount.toString())];
 * //=> ['500000', ['166666.67', '166666.67', '166666.66']]
 * ```
 */
export function allocateProfitPool(input: ProfitPoolInput): ProfitPoolResult {
  try {
    const issues = new IssueCollector();
    let body: ReturnType<typeof parseBody> | undefined;
    try {
      body = parseBody(input);
    } catch (error) {
      issues.addError(wrapThrown(error));
    }
    // The partners are rows: each checked on its own, every bad one reported by its id.
    const raw = typeof input === 'object' && input !== null ? (input as { partners?: unknown }).partners : undefined;
    const partners: { id: string; weight: Decimal }[] = [];
    if (Array.isArray(raw)) {
      const run = runBatch(raw, 'partners', (row: unknown) => parseWith(poolPartnerShape, row, []), { onError: 'collect', onProgress: undefined });
      for (const row of run.rows) {
        if (row.ok) partners.push(row.result);
        else issues.addError(row.error);
      }
    }
    issues.throwIfAny();
    const s = body!;
    const scale = s.rounding?.scale ?? currencyScaleAt(s.currency, ['currency']);
    const mode: RoundingMode = s.rounding?.mode ?? 'half-up';
    if (partners.every((p) => p.weight.isZero())) issues.add(['partners'], M.partnerWeightsZero, 'invalid_input', { code: 'invalid_value' });
    const tiers = 'rate' in s.pool ? [{ from: ZERO, rate: s.pool.rate }] : s.pool.tiers;
    tiers.forEach((t, i) => {
      if (i === 0 && !t.from.isZero()) {
        issues.add(['pool', 'tiers', 0, 'from'], M.firstPoolTierNotZero(t.from.toString()), 'invalid_input', { code: 'invalid_value', expected: '0', received: t.from.toString() });
      }
      if (i > 0 && !t.from.gt(tiers[i - 1]!.from)) {
        issues.add(['pool', 'tiers', i, 'from'], M.poolTierDescending(i - 1, tiers[i - 1]!.from.toString()), 'invalid_input', {
          code: 'not_ascending',
          received: t.from.toString(),
          limit: tiers[i - 1]!.from.toString(),
        });
      }
    });
    issues.throwIfAny();

    const diff = s.revenue.minus(s.baseline);
    const increment = diff.gt(0) ? diff : ZERO;
    const en = separatorsOf(undefined, []);
    const steps: ProfitPoolStep[] = [];
    const push = (step: Draft<ProfitPoolStep>): void => {
      steps.push({ ...step, text: render(step, scale, en) } as ProfitPoolStep);
    };
    push({ code: 'pool-increment', revenue: s.revenue, baseline: s.baseline, increment });
    let unrounded = ZERO;
    const bands: ProfitPoolBandFigures[] = [];
    tiers.forEach((t, i) => {
      const to = i + 1 < tiers.length ? tiers[i + 1]!.from : null;
      const top = to !== null && increment.gt(to) ? to : increment;
      const base = top.gt(t.from) ? top.minus(t.from) : ZERO;
      const amount = base.times(t.rate);
      unrounded = unrounded.plus(amount);
      bands.push({ rate: t.rate, base });
      push({ code: 'pool-band', from: t.from, to, base, rate: t.rate, amount });
    });
    const pool = roundDecimal(unrounded, scale, mode);
    push({ code: 'pool-total', bands, unrounded, pool, scale, mode });
    const weights = partners.map((p) => p.weight);
    const totalWeight = weights.reduce((a, w) => a.plus(w), ZERO);
    const parts = allocateAt(pool, weights, { scale }, ['pool']);
    push({ code: 'pool-split', pool, weights, totalWeight });
    const shares = partners.map((p, i) => ({ id: p.id, weight: p.weight, amount: parts[i]! }));
    for (const share of shares) push({ code: 'pool-share', ...share, totalWeight });
    const warnings: Warning[] = increment.isZero()
      ? [{ code: 'no-increment', message: M.noIncrement(fmtAmount(s.revenue, scale), fmtAmount(s.baseline, scale)), path: ['revenue'] }]
      : [];
    return { increment, unrounded, pool, shares, scale, warnings, steps };
  } catch (error) {
    throw wrapThrown(error);
  }
}

function parseBody(input: unknown) {
  return parseWith(poolBodyShape, input, []);
}

/**
 * The profit pool in sentences: the increment, the pool with its bands, and every partner's share.
 *
 * @param result - A result of {@link allocateProfitPool}.
 * @param options - `locale` for the digit grouping (English by default).
 * @example
 * ```ts
 * explainProfitPool(allocateProfitPool({ currency: 'CNY', revenue: 1300, baseline: 1000, pool: { rate: '0.5' }, partners: [{ id: 'brand', weight: 2 }, { id: 'D05', weight: 1 }] }));
 * //=> ['Increment: revenue 1,300.00 − baseline 1,000.00 = 300.00', 'Pool: 50 % × 300.00 = 150.00', 'brand: weight 2 of 3 → 100.00', 'D05: weight 1 of 3 → 50.00']
 * ```
 */
export function explainProfitPool(result: ProfitPoolResult, options?: ExplainOptions): string[] {
  try {
    result = readResult(result, 'result', ProfitPoolResultShape());
    const seps = separatorsOf(options?.locale, ['options', 'locale']);
    return result.steps.filter((s) => s.code === 'pool-increment' || s.code === 'pool-total' || s.code === 'pool-share').map((s) => render(s, result.scale, seps));
  } catch (error) {
    throw wrapThrown(error);
  }
}
