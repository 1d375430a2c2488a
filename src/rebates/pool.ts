import { ZERO, type Decimal } from '../core/decimal.js';
import { invalid, wrapThrown } from '../core/errors.js';
import { allocateAt, currencyScaleAt, roundDecimal } from '../core/money.js';
import { parseWith } from '../core/schema.js';
import { poolShape, type ProfitPoolInput } from './schema.js';

/** The result of {@link shareProfitPool}. */
export interface ProfitPoolResult {
  /** revenue − baseline, or 0 when negative. */
  increment: Decimal;
  /** Each sharing band: the increment in it, its rate and its exact amount. */
  lines: ProfitPoolLine[];
  /** Σ line amounts, exact. */
  unrounded: Decimal;
  /** The pool, rounded once to the money scale. */
  pool: Decimal;
  /** The pool split by weight (largest remainder): the shares sum exactly to the pool. */
  shares: ProfitPoolShare[];
}

/** One sharing band of a profit pool. */
export interface ProfitPoolLine {
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

/** One partner's share of a profit pool. */
export interface ProfitPoolShare {
  /** The partner's id. */
  id: string;
  /** The partner's weight. */
  weight: Decimal;
  /** The partner's share, at the money scale. */
  amount: Decimal;
}

/**
 * Shares a joint profit pool: the increment of revenue over a baseline (0 if negative), pooled at
 * one rate or by incremental tiers (the first 1,000,000 at 30 %, the rest at 40 %), rounded once,
 * and split by weight with the core `allocate`, so the shares sum exactly to the pool.
 *
 * @example
 * ```ts
 * const p = shareProfitPool({
 *   currency: 'CNY', revenue: 12500000, baseline: 11000000,
 *   pool: { tiers: [{ from: 0, rate: '0.3' }, { from: 1000000, rate: '0.4' }] },
 *   partners: [{ id: 'brand', weight: 1 }, { id: 'D05', weight: 1 }, { id: 'D08', weight: 1 }],
 * });
 * [p.pool.toString(), p.shares.map((s) => s.amount.toString())];
 * //=> ['500000', ['166666.67', '166666.67', '166666.66']]
 * ```
 */
export function shareProfitPool(input: ProfitPoolInput): ProfitPoolResult {
  try {
    const s = parseWith(poolShape, input, []);
    const scale = currencyScaleAt(s.currency, ['currency']);
    const seen = new Map<string, number>();
    s.partners.forEach((p, i) => {
      const first = seen.get(p.id);
      if (first !== undefined) invalid(['partners', i, 'id'], `${JSON.stringify(p.id)} is listed twice (first at partners[${first}])`);
      seen.set(p.id, i);
    });
    if (s.partners.every((p) => p.weight.isZero())) invalid(['partners'], 'must not all have weight 0');
    const tiers = 'rate' in s.pool ? [{ from: ZERO, rate: s.pool.rate }] : s.pool.tiers;
    tiers.forEach((t, i) => {
      if (i === 0 && !t.from.isZero()) invalid(['pool', 'tiers', 0, 'from'], `must be 0, so that every increment falls in a tier; received ${t.from.toString()}`);
      if (i > 0 && !t.from.gt(tiers[i - 1]!.from)) invalid(['pool', 'tiers', i, 'from'], `must be greater than tiers[${i - 1}].from (${tiers[i - 1]!.from.toString()}); list tiers in ascending order`);
    });
    const diff = s.revenue.minus(s.baseline);
    const increment = diff.gt(0) ? diff : ZERO;
    let unrounded = ZERO;
    const lines = tiers.map((t, i) => {
      const to = i + 1 < tiers.length ? tiers[i + 1]!.from : null;
      const top = to !== null && increment.gt(to) ? to : increment;
      const base = top.gt(t.from) ? top.minus(t.from) : ZERO;
      const amount = base.times(t.rate);
      unrounded = unrounded.plus(amount);
      return { from: t.from, to, base, rate: t.rate, amount };
    });
    const pool = roundDecimal(unrounded, scale, s.mode ?? 'half-up');
    const parts = allocateAt(pool, s.partners.map((p) => p.weight), { scale }, ['pool']);
    return {
      increment,
      lines,
      unrounded,
      pool,
      shares: s.partners.map((p, i) => ({ id: p.id, weight: p.weight, amount: parts[i]! })),
    };
  } catch (error) {
    throw wrapThrown(error);
  }
}
