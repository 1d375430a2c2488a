// settleRebates' batch path: each dealer's periods priced by the kernel's rules in scaled integers
// (fast.ts) and paid by the kernel's payment rule, or handed back to the Decimal path. A dealer's
// figures stay scaled integers in one buffer per batch; its summary builds their Decimals on first read.
import { ZERO, type Decimal } from '../core/decimal.js';
import { POW10, SAFE, decimalFromScaled, divRound, isTooBig, toScaled, unitsOfNumber } from '../core/scaled.js';
import { BAIL, MAX_EXTRA, arithOf, priceNet, readMetrics, type FastProgram, type ScaledArith } from './fast.js';
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

/** The integer form of a program's settlement policy, kept per program; null when its holdback has too many decimals. @internal */
export function fastPolicyOf(program: RebateProgram): FastPolicy | null {
  let fp = policies.get(program);
  if (fp === undefined) {
    const s = program.settlement;
    const hd = s === null ? 0 : s.holdbackRate.decimalPlaces();
    const hn = s === null || hd > MAX_EXTRA ? NaN : toScaled(s.holdbackRate, hd);
    fp = s === null || isTooBig(hn) ? null : { cumulative: s.advance === 'cumulative', negativeTrueUp: s.negativeTrueUp, noHoldback: hn === 0, keepNum: POW10[hd]! - hn, keepDen: POW10[hd]! };
    policies.set(program, fp);
  }
  return fp;
}

/** The payment rule's arithmetic in minor units. */
class ScaledPayments implements PaymentArith<number> {
  readonly zero = 0;
  bad = false;
  constructor(
    readonly mode: number,
    readonly keepNum: number,
    readonly keepDen: number,
  ) {}
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

/** A row's summary before its first use: empty, and shown by util.inspect (Node, Deno, notebooks) as its figures. */
class Unbuilt {}
(Unbuilt.prototype as unknown as Record<symbol, unknown>)[Symbol.for('nodejs.util.inspect.custom')] = function inspect(
  this: object,
  _depth: number,
  options: object,
  show: (value: unknown, options: object) => string,
): string {
  return show({ ...this }, options);
};

/**
 * A scaled row's summary is a proxy of an empty object with this handler. The first operation of
 * any kind on it (a read, `in`, `Object.keys`, `JSON.stringify`, a write, a freeze …) writes the
 * summary's fields into the object, as the plain data properties, in the order, that the Decimal
 * path gives, and drops the traps (they live on this prototype): from then on the proxy forwards
 * everything to a plain summary. Until then its figures stay scaled integers in the batch's buffer.
 */
class LazySummary implements ProxyHandler<object> {
  constructor(
    private fig: FastFigures | null,
    private readonly at: number,
    private readonly tier: RebateTierRef,
    private readonly carried: Decimal,
    private readonly waived: Decimal,
  ) {}
  private fill(target: object): object {
    const fig = this.fig;
    if (fig === null) return target;
    this.fig = null;
    Object.setPrototypeOf(this, null);
    const { buf, scale } = fig;
    const at = this.at;
    const n = buf[at]!;
    const annual = buf[at + 1]!;
    const total = buf[at + 2]!;
    const payments = new Array<Decimal>(n);
    for (let k = 0; k < n; k++) payments[k] = decimalFromScaled(buf[at + 3 + k]!, scale);
    const annualRebate = annual !== annual ? null : decimalFromScaled(annual, scale);
    const totalPaid = annualRebate !== null && total === annual ? annualRebate : decimalFromScaled(total, scale);
    Object.setPrototypeOf(target, Object.prototype);
    const summary = target as RebateSettlementSummary;
    summary.annualRebate = annualRebate;
    summary.tier = this.tier;
    summary.payments = payments;
    summary.totalPaid = totalPaid;
    summary.carriedForward = this.carried;
    summary.waived = this.waived;
    summary.warnings = [];
    return target;
  }
  get(t: object, key: PropertyKey, receiver: unknown): unknown {
    return Reflect.get(this.fill(t), key, receiver);
  }
  set(t: object, key: PropertyKey, value: unknown, receiver: unknown): boolean {
    return Reflect.set(this.fill(t), key, value, receiver);
  }
  has(t: object, key: PropertyKey): boolean {
    return Reflect.has(this.fill(t), key);
  }
  deleteProperty(t: object, key: PropertyKey): boolean {
    return Reflect.deleteProperty(this.fill(t), key);
  }
  ownKeys(t: object): ArrayLike<string | symbol> {
    return Reflect.ownKeys(this.fill(t));
  }
  getOwnPropertyDescriptor(t: object, key: PropertyKey): PropertyDescriptor | undefined {
    return Reflect.getOwnPropertyDescriptor(this.fill(t), key);
  }
  defineProperty(t: object, key: PropertyKey, d: PropertyDescriptor): boolean {
    return Reflect.defineProperty(this.fill(t), key, d);
  }
  preventExtensions(t: object): boolean {
    return Reflect.preventExtensions(this.fill(t));
  }
  isExtensible(t: object): boolean {
    return Reflect.isExtensible(this.fill(t));
  }
  getPrototypeOf(t: object): object | null {
    return Reflect.getPrototypeOf(this.fill(t));
  }
  setPrototypeOf(t: object, proto: object | null): boolean {
    return Reflect.setPrototypeOf(this.fill(t), proto);
  }
}

/** The scaled figures of a batch's dealers on this path, one growing buffer. @internal */
export class FastFigures {
  buf = new Float64Array(1024);
  used = 0;
  constructor(readonly scale: number) {}
  /** Room for `k` more numbers; their offset. */
  take(k: number): number {
    if (this.used + k > this.buf.length) {
      const next = new Float64Array(Math.max(2 * this.buf.length, this.used + k));
      next.set(this.buf.subarray(0, this.used));
      this.buf = next;
    }
    this.used += k;
    return this.used - k;
  }
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
  /** Totals of the rows settled here in minor units (annual, paid, carried, waived); exact while each stays below 2^53. */
  readonly sums = new Float64Array(4);
  readonly figures: FastFigures;
  private readonly ar: ScaledArith;
  private readonly pay: ScaledPayments;
  // Scratch space: each dealer's nets, then its rebates (the batch runs synchronously, one dealer at a time).
  private scratch = new Float64Array(16);

  constructor(
    private readonly f: FastProgram,
    private readonly policy: FastPolicy,
    private readonly final: boolean,
    private readonly tiers: readonly RebateTierRef[],
  ) {
    this.figures = new FastFigures(f.scale);
    this.ar = arithOf(f);
    this.pay = new ScaledPayments(f.mode, policy.keepNum, policy.keepDen);
  }

  /** Settles one dealer by the kernel's pricing and payment rules, or returns undefined to leave it to the Decimal path. */
  settle(input: unknown): RebateSettlementSummary | undefined {
    const periods = (input as { periods?: unknown } | null)?.periods as Record<string, unknown>[];
    const n = Array.isArray(periods) ? periods.length : 0;
    if (this.scratch.length < 2 * n) this.scratch = new Float64Array(4 * n);
    const scratch = this.scratch;
    if (!readDealer(this.f, input, scratch)) return undefined;
    const top = (input as { metrics?: Record<string, unknown> }).metrics;
    const { ar, policy, final } = this;
    ar.bad = false;
    ar.preset = false;
    let cum = 0;
    for (let k = 0; k < n; k++) {
      cum += scratch[k]!;
      readMetrics(ar, periods[k]!.metrics as Record<string, unknown> | undefined, top, true);
      const r = priceNet(ar, policy.cumulative ? cum : scratch[k]!, true, tierOut);
      if (r === BAIL) return undefined;
      scratch[n + k] = r;
    }
    let annual = NaN;
    if (final) {
      if (policy.cumulative && top === undefined) annual = scratch[2 * n - 1]!;
      else {
        readMetrics(ar, periods[n - 1]!.metrics as Record<string, unknown> | undefined, top, false);
        annual = priceNet(ar, cum, true, tierOut);
        if (annual === BAIL) return undefined;
      }
    }
    const tier = tierOut[0]!;
    const pay = this.pay;
    pay.bad = false;
    let paidBefore = 0;
    for (let k = 0; k < n; k++) {
      const isFinal = final && k === n - 1;
      payPeriod(pay, policy, isFinal, isFinal ? annual : scratch[n + k]!, paidBefore, paid);
      if (pay.bad) return undefined;
      scratch[k] = paid.payment;
      paidBefore += paid.payment;
    }
    const fig = this.figures;
    const at = fig.take(n + 3);
    const buf = fig.buf;
    buf[at] = n;
    buf[at + 1] = annual;
    buf[at + 2] = paidBefore;
    for (let k = 0; k < n; k++) buf[at + 3 + k] = scratch[k]!;
    const sums = this.sums;
    if (final) sums[0] = sums[0]! + annual;
    sums[1] = sums[1]! + paidBefore;
    sums[2] = sums[2]! + paid.carried;
    sums[3] = sums[3]! + paid.waived;
    const carried = paid.carried === 0 ? ZERO : decimalFromScaled(paid.carried, fig.scale);
    const waived = paid.waived === 0 ? ZERO : decimalFromScaled(paid.waived, fig.scale);
    return new Proxy(new Unbuilt(), new LazySummary(fig, at, this.tiers[tier]!, carried, waived)) as RebateSettlementSummary;
  }
}
