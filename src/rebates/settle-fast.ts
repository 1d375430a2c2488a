// settleRebates' batch path: each dealer's periods priced by the kernel's rules in scaled integers
// (fast.ts) and paid by the kernel's payment rule, or handed back to the Decimal path. A dealer's
// figures stay scaled integers in one array per batch; its summary builds their Decimals on first use.
import { ZERO, type Decimal } from '../core/decimal.js';
import { POW10, SAFE, decimalFromScaled, divRound, isTooBig, toScaled, unitsOfNumber } from '../core/scaled.js';
import { BAIL, MAX_EXTRA, arithOf, priceNet, readMetrics, type FastProgram, type ScaledArith } from './fast.js';
import { payPeriod, type PaymentArith, type PaymentOut, type PaymentPolicy } from './kernel.js';
import type { RebateSettlementPolicyApplied } from './program.js';
import type { RebateTierRef } from './result.js';
import type { RebateSettlementSummary } from './settlement-types.js';

/** The settlement policy and the payment rule's arithmetic in minor units. */
class ScaledPayments implements PaymentArith<number>, PaymentPolicy {
  readonly zero = 0;
  bad = false;
  private constructor(
    readonly cumulative: boolean,
    readonly negativeTrueUp: 'clawback' | 'carry' | 'waive',
    readonly noHoldback: boolean,
    /** 1 − the holdback rate, keepNum / keepDen. */
    private readonly keepNum: number,
    private readonly keepDen: number,
    private readonly mode: number,
  ) {}
  /** The policy in integers, or null when its holdback rate has too many decimals. */
  static of(s: RebateSettlementPolicyApplied, mode: number): ScaledPayments | null {
    const places = s.holdbackRate.decimalPlaces();
    const held = places > MAX_EXTRA ? NaN : toScaled(s.holdbackRate, places);
    return isTooBig(held) ? null : new ScaledPayments(s.advance === 'cumulative', s.negativeTrueUp, held === 0, POW10[places]! - held, POW10[places]!, mode);
  }
  add(a: number, b: number): number {
    return a + b;
  }
  sub(a: number, b: number): number {
    return a - b;
  }
  neg(a: number): number {
    // payPeriod negates only a due below 0.
    return -a;
  }
  sign(a: number): number {
    if (a < 0) return -1;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: payPeriod only asks whether a sign is below 0, so 1 or 0 for a figure not below 0 reads the same
    return a > 0 ? 1 : 0;
  }
  keep(rebate: number): number {
    const prod = rebate * this.keepNum;
    // Stryker disable next-line EqualityOperator: a rebate here is never negative (priceNet declines a negative net), and a product of exactly 2^53 − 1 would only send the dealer to the Decimal path, which pays the same figure
    if (!(prod <= SAFE && prod >= -SAFE)) this.bad = true;
    return divRound(prod, this.keepDen, this.mode);
  }
}

/** True when every value of a metrics object is a finite number (the Decimal path refuses anything else). */
function plainMetrics(m: unknown): boolean {
  if (m === undefined) return true;
  if (typeof m !== 'object' || m === null || Array.isArray(m)) return false;
  const rec = m as Record<string, unknown>;
  for (const key in rec) {
    const v = rec[key];
    if (typeof v !== 'number' || !Number.isFinite(v)) return false;
  }
  return true;
}

/** Checks one dealer's input has only what this path reads (plain numbers at the money scale); its periods' net amounts into `nets`, or false. */
function readDealer(f: FastProgram, input: unknown, nets: Float64Array): boolean {
  if (typeof input !== 'object' || input === null) return false;
  const rec = input as Record<string, unknown>;
  for (const key in rec) if (key !== 'id' && key !== 'periods' && key !== 'metrics') return false;
  const id = rec.id;
  if (id !== undefined && (typeof id !== 'string' || id === '') && (typeof id !== 'number' || !Number.isFinite(id))) return false;
  const periods = rec.periods;
  if (!Array.isArray(periods) || periods.length === 0 || !plainMetrics(rec.metrics)) return false;
  for (let k = 0; k < periods.length; k++) {
    const p = periods[k] as Record<string, unknown>;
    if (typeof p !== 'object' || p === null) return false;
    for (const key in p) if (key !== 'period' && key !== 'sales' && key !== 'returns' && key !== 'metrics') return false;
    const pid = p.period;
    if (typeof pid !== 'string' || pid === '') return false;
    for (let j = 0; j < k; j++) if ((periods[j] as { period: string }).period === pid) return false;
    const sales = unitsOfNumber(p.sales, f.unit);
    const returns = p.returns === undefined ? 0 : unitsOfNumber(p.returns, f.unit);
    // Negative figures are the Decimal path's to refuse or warn about.
    if (!(sales >= 0 && returns >= 0) || !plainMetrics(p.metrics)) return false;
    nets[k] = sales - returns;
  }
  return true;
}

const paid: PaymentOut<number> = { advance: null, due: 0, payment: 0, carried: 0, waived: 0 };
const tierOut = [0];

/** One batch on the scaled-integer path: the program's forms, the run's options, the totals and figures so far. @internal */
export class FastSettlement {
  /** Totals of the rows settled here (annual, paid, carried, waived): in minor units while exact, the rest spilled into Decimals. */
  private readonly sums = new Float64Array(4);
  private readonly spilled: Decimal[] = [ZERO, ZERO, ZERO, ZERO];
  readonly scale: number;
  private readonly ar: ScaledArith;
  // Scratch space: each dealer's nets, then its rebates (the batch runs synchronously, one dealer at a time).
  private scratch = new Float64Array(16);

  private constructor(
    private readonly f: FastProgram,
    private readonly pay: ScaledPayments,
    private readonly final: boolean,
    private readonly tiers: readonly RebateTierRef[],
  ) {
    this.scale = f.scale;
    this.ar = arithOf(f);
  }

  /** A batch on this path, or null when the program's holdback rate does not fit it. */
  static of(f: FastProgram, policy: RebateSettlementPolicyApplied, final: boolean, tiers: readonly RebateTierRef[]): FastSettlement | null {
    const pay = ScaledPayments.of(policy, f.mode);
    return pay === null ? null : new FastSettlement(f, pay, final, tiers);
  }

  private add(i: number, v: number): void {
    const s = this.sums[i]! + v;
    // Stryker disable next-line EqualityOperator: the summed figures (annual, paid, carried, waived per dealer) are never negative, and a sum of exactly 2^53 − 1 spilled into the Decimals totals the same
    if (s <= SAFE && s >= -SAFE) this.sums[i] = s;
    else {
      this.spilled[i] = this.spilled[i]!.plus(decimalFromScaled(this.sums[i]!, this.scale));
      this.sums[i] = v;
    }
  }

  /** The totals of the rows settled here, as Decimals (annual, paid, carried, waived). */
  totals(): Decimal[] {
    return this.spilled.map((d, i) => d.plus(decimalFromScaled(this.sums[i]!, this.scale)));
  }

  /** Settles one dealer by the kernel's pricing and payment rules, or returns undefined to leave it to the Decimal path. */
  settle(input: unknown): RebateSettlementSummary | undefined {
    const periods = (input as { periods?: unknown } | null)?.periods as Record<string, unknown>[];
    const n = Array.isArray(periods) ? periods.length : 0;
    // Stryker disable next-line EqualityOperator: a scratch of exactly 2n numbers is enough; growing it then only allocates a larger one
    if (this.scratch.length < 2 * n) this.scratch = new Float64Array(4 * n);
    const scratch = this.scratch;
    if (!readDealer(this.f, input, scratch)) return undefined;
    const top = (input as { metrics?: Record<string, unknown> }).metrics;
    const { ar, pay, final } = this;
    ar.bad = false;
    ar.preset = false;
    let cum = 0;
    for (let k = 0; k < n; k++) {
      cum += scratch[k]!;
      readMetrics(ar, periods[k]!.metrics as Record<string, unknown> | undefined, top, true);
      const r = priceNet(ar, pay.cumulative ? cum : scratch[k]!, true, tierOut);
      if (r === BAIL) return undefined;
      scratch[n + k] = r;
    }
    let annual = 0; // mid-year: none, and nothing to total
    if (final) {
      if (pay.cumulative && top === undefined) annual = scratch[2 * n - 1]!;
      else {
        readMetrics(ar, periods[n - 1]!.metrics as Record<string, unknown> | undefined, top, false);
        annual = priceNet(ar, cum, true, tierOut);
        if (annual === BAIL) return undefined;
      }
    }
    const tier = tierOut[0]!;
    pay.bad = false;
    let paidBefore = 0;
    for (let k = 0; k < n; k++) {
      const isFinal = final && k === n - 1;
      payPeriod(pay, pay, isFinal, isFinal ? annual : scratch[n + k]!, paidBefore, paid);
      if (pay.bad) return undefined;
      scratch[k] = paid.payment;
      paidBefore += paid.payment;
    }
    this.add(0, annual);
    this.add(1, paidBefore);
    this.add(2, paid.carried);
    this.add(3, paid.waived);
    // The summary as the Decimal path gives it: the same keys in the same order, plain data.
    const scale = this.scale;
    const payments = new Array<Decimal>(n);
    for (let k = 0; k < n; k++) payments[k] = decimalFromScaled(scratch[k]!, scale);
    const annualRebate = final ? decimalFromScaled(annual, scale) : null;
    return {
      annualRebate,
      tier: this.tiers[tier]!,
      payments,
      totalPaid: decimalFromScaled(paidBefore, scale),
      carriedForward: decimalFromScaled(paid.carried, scale),
      waived: decimalFromScaled(paid.waived, scale),
      warnings: [],
    };
  }
}
