// settleRebates' batch path: each dealer's periods priced by the kernel's rules in scaled integers
// (fast.ts) and paid by the kernel's payment rule, or handed back to the Decimal path.
import { ZERO, type Decimal } from '../core/decimal.js';
import { POW10, SAFE, decimalFromScaled, divRound, isTooBig, toScaled, unitsOfNumber } from '../core/scaled.js';
import { BAIL, MAX_EXTRA, arithOf, priceNet, readMetrics, type FastProgram } from './fast.js';
import { payPeriod, type PaymentArith, type PaymentOut } from './kernel.js';
import type { RebateProgram } from './program.js';
import type { RebateTierRef } from './result.js';
import type { RebateSettlementSummary } from './settlement-types.js';

/** A settlement policy in integers for the batch path. @internal */
export interface FastPolicy {
  cumulative: boolean;
  negativeTrueUp: 'clawback' | 'carry' | 'waive';
  noHoldback: boolean;
  /** 1 − holdback rate, as keepNum / keepDen. */
  keepNum: number;
  keepDen: number;
}

const policies = new WeakMap<RebateProgram, FastPolicy | null>();

/** The integer form of a program's settlement policy, kept per program; null when its holdback does not fit. @internal */
export function fastPolicyOf(program: RebateProgram): FastPolicy | null {
  let fp = policies.get(program);
  if (fp === undefined) {
    fp = program.settlement === null ? null : prepareFastPolicy(program.settlement);
    policies.set(program, fp);
  }
  return fp;
}

/** The integer form of a validated policy, or null when its holdback has too many decimals. @internal */
export function prepareFastPolicy(policy: {
  readonly advance: 'cumulative' | 'period';
  readonly holdbackRate: Decimal;
  readonly negativeTrueUp: 'clawback' | 'carry' | 'waive';
}): FastPolicy | null {
  const h = policy.holdbackRate;
  const hd = h.decimalPlaces();
  const hn = hd > MAX_EXTRA ? NaN : toScaled(h, hd);
  if (isTooBig(hn)) return null;
  return {
    cumulative: policy.advance === 'cumulative',
    negativeTrueUp: policy.negativeTrueUp,
    noHoldback: hn === 0,
    keepNum: POW10[hd]! - hn,
    keepDen: POW10[hd]!,
  };
}

/** The payment rule's arithmetic in minor units. */
class ScaledPayments implements PaymentArith<number> {
  readonly zero = 0;
  bad = false;
  mode = 0;
  keepNum = 1;
  keepDen = 1;
  add(a: number, b: number): number {
    return a + b;
  }
  sub(a: number, b: number): number {
    return a - b;
  }
  neg(a: number): number {
    return a === 0 ? 0 : -a;
  }
  sign(a: number): number {
    return a < 0 ? -1 : a > 0 ? 1 : 0;
  }
  keep(rebate: number): number {
    const prod = rebate * this.keepNum;
    if (!(prod <= SAFE && prod >= -SAFE)) this.bad = true;
    return divRound(prod, this.keepDen, this.mode);
  }
}
const payments = new ScaledPayments();
const paid: PaymentOut<number> = { advance: null, due: 0, payment: 0, carried: 0, waived: 0 };

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

// Scratch space of settleFast (the batch path runs synchronously, one dealer at a time).
let scratch = new Float64Array(16);
const tierOut = [0];

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

/**
 * Settles one dealer on the scaled-integer path (the kernel's pricing and payment rules), or
 * returns undefined to fall back to the Decimal path. @internal
 */
export function settleFast(f: FastProgram, input: unknown, policy: FastPolicy, final: boolean, tiers: readonly RebateTierRef[], sums: Float64Array): RebateSettlementSummary | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const periods = (input as { periods?: unknown }).periods as Record<string, unknown>[];
  if (Array.isArray(periods) && scratch.length < 2 * periods.length) scratch = new Float64Array(4 * periods.length);
  const n = Array.isArray(periods) ? periods.length : 0;
  if (!readDealer(f, input, scratch)) return undefined;
  const top = (input as { metrics?: Record<string, unknown> }).metrics;
  const ar = arithOf(f);
  ar.bad = false;
  ar.preset = false;
  const cumulative = policy.cumulative;
  let cum = 0;
  for (let k = 0; k < n; k++) {
    const net = scratch[k]!;
    cum += net;
    readMetrics(ar, periods[k]!.metrics as Record<string, unknown> | undefined, top, true);
    const r = priceNet(ar, cumulative ? cum : net, true, tierOut);
    if (r === BAIL) return undefined;
    scratch[n + k] = r;
  }
  let annual = NaN;
  if (final) {
    if (cumulative && top === undefined) annual = scratch[2 * n - 1]!;
    else {
      readMetrics(ar, periods[n - 1]!.metrics as Record<string, unknown> | undefined, top, false);
      annual = priceNet(ar, cum, true, tierOut);
      if (annual === BAIL) return undefined;
    }
  }
  const tier = tierOut[0]!;
  payments.bad = false;
  payments.mode = f.mode;
  payments.keepNum = policy.keepNum;
  payments.keepDen = policy.keepDen;
  const out = new Array<Decimal>(n);
  let paidBefore = 0;
  let carried = 0;
  let waived = 0;
  for (let k = 0; k < n; k++) {
    const isFinal = final && k === n - 1;
    payPeriod(payments, policy, isFinal, isFinal ? annual : scratch[n + k]!, paidBefore, paid);
    if (payments.bad) return undefined;
    out[k] = decimalFromScaled(paid.payment, f.scale);
    paidBefore += paid.payment;
    carried = paid.carried;
    waived = paid.waived;
  }
  // Running totals of the batch in minor units (the caller checks they stay exact).
  if (final) sums[0] = sums[0]! + annual;
  sums[1] = sums[1]! + paidBefore;
  sums[2] = sums[2]! + carried;
  sums[3] = sums[3]! + waived;
  const annualDecimal = final ? decimalFromScaled(annual, f.scale) : null;
  return {
    annualRebate: annualDecimal,
    tier: tiers[tier]!,
    payments: out,
    totalPaid: annualDecimal !== null && paidBefore === annual ? annualDecimal : decimalFromScaled(paidBefore, f.scale),
    carriedForward: carried === 0 ? ZERO : decimalFromScaled(carried, f.scale),
    waived: waived === 0 ? ZERO : decimalFromScaled(waived, f.scale),
    warnings: [],
  };
}

