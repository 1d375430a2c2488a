// Exact tallies of per-dealer results and the statistics of run totals.
import { ZERO, type Decimal } from '../core/decimal.js';
import { roundRatio } from '../core/money.js';
import { type RebateResult } from './engine.js';
import { type RebateBenefit } from './engine.js';
import { sqrtOf as sqrtNumber } from './random.js';
import { type RebateTierTally, type RebateTopDealer } from './network.js';
import { type DesignProgram } from './pricing.js';

// ---------------------------------------------------------------------------------------------
// Tallies of exact per-dealer results

/** Exact totals over dealers' results: rebate, benefits by name, net sales, paid dealers, per tier. @internal */
export class ExactTally {
  rebate = ZERO;
  netSales = ZERO;
  paidNetSales = ZERO;
  paid = 0;
  readonly benefits = new Map<string, Decimal>();
  readonly tierDealers: number[];
  readonly tierRebates: Decimal[];
  readonly tierBenefits: Decimal[];
  readonly top: RebateTopDealer[] = [];

  constructor(private readonly dp: DesignProgram) {
    const n = dp.program.tiers.length;
    this.tierDealers = new Array<number>(n).fill(0);
    this.tierRebates = new Array<Decimal>(n).fill(ZERO);
    this.tierBenefits = new Array<Decimal>(n).fill(ZERO);
  }

  add(id: string | number, r: RebateResult): void {
    const k = r.tier.index;
    this.rebate = this.rebate.plus(r.rebate);
    // Never null: a design dealer always has sales (the network requires them).
    const net = r.netAmount!;
    this.netSales = this.netSales.plus(net);
    if (r.rebate.gt(0)) {
      this.paid++;
      this.paidNetSales = this.paidNetSales.plus(net);
    }
    this.tierDealers[k]!++;
    this.tierRebates[k] = this.tierRebates[k]!.plus(r.rebate);
    for (const b of r.benefits) {
      this.benefits.set(b.name, (this.benefits.get(b.name) ?? ZERO).plus(b.amount));
      this.tierBenefits[k] = this.tierBenefits[k]!.plus(b.amount);
    }
    this.top.push({ id, rebate: r.rebate, tier: this.dp.refs[k]! });
  }

  benefitList(): RebateBenefit[] {
    return [...this.benefits].map(([name, amount]) => ({ name, amount }));
  }

  benefitTotal(): Decimal {
    let s = ZERO;
    for (const v of this.benefits.values()) s = s.plus(v);
    return s;
  }

  tiers(): RebateTierTally[] {
    return this.dp.program.tiers.map((t, k) => ({
      index: k,
      name: t.name,
      dealers: this.tierDealers[k]!,
      rebate: this.tierRebates[k]!,
      benefits: this.tierBenefits[k]!,
    }));
  }

  /** The `count` largest rebates, ties in network order. */
  topDealers(count: number): RebateTopDealer[] {
    // A copy in network order, sorted stably: ties keep network order.
    return [...this.top].sort((a, b) => b.rebate.comparedTo(a.rebate)).slice(0, count);
  }
}

/** A quotient reported to `ratioScale` places, or null over 0. @internal */
export function ratioOf(num: Decimal, den: Decimal, ratioScale: number): Decimal | null {
  return den.isZero() ? null : roundRatio(num.div(den), ratioScale);
}

// ---------------------------------------------------------------------------------------------
// Statistics of run totals (plain numbers, as statistics are)

/** Statistics of a stochastic figure over the runs, in money (plain numbers). */
export interface RebateRunStatistics {
  /** The mean over the runs. */
  mean: number;
  /** The sample standard deviation (n − 1; 0 for a single run). */
  sd: number;
  /** The 5th percentile (linear between order statistics, as Excel's PERCENTILE.INC). */
  p5: number;
  /** The median. */
  p50: number;
  /** The 95th percentile. */
  p95: number;
  /** The smallest run. */
  min: number;
  /** The largest run. */
  max: number;
}

/** Statistics of values in minor units, reported in money. @internal */
export function statisticsOf(values: Float64Array, unit: number): RebateRunStatistics {
  const n = values.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i]!;
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i]! - mean;
    ss += d * d;
  }
  const sorted = Float64Array.from(values).sort();
  const pct = (p: number): number => {
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    const hi = lo + 1 < n ? lo + 1 : lo;
    return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
  };
  return {
    mean: mean / unit,
    // One run: 0 / 0 = NaN, which sqrtOf takes as 0: sd 0.
    sd: sqrtNumber(ss / (n - 1)) / unit,
    p5: pct(0.05) / unit,
    p50: pct(0.5) / unit,
    p95: pct(0.95) / unit,
    min: sorted[0]! / unit,
    max: sorted[n - 1]! / unit,
  };
}
