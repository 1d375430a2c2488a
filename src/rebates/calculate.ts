import { ONE, ZERO, toDecimal, type Decimal } from '../core/decimal.js';
import { wrapThrown } from '../core/errors.js';
import { batchOptionsOf, runBatch, type BatchResult } from '../core/batch.js';
import { parseWith, scaleSchema } from '../core/schema.js';
import type { Warning } from '../core/result.js';
import * as z from 'zod/mini';
import { resolveProgram, type ProgramInternals, type RebateBenefit, type RebateProgram } from './program.js';
import { inputShape, type RebateInput } from './schema.js';
import { REBATE_MESSAGES as M } from './messages.js';
import { EN, fmtMoney } from './explain.js';
import { checkFacts, contextOf, evaluate, factsOf, samePath } from './evaluate.js';
import type { RebateBatchOptions, RebateGateResult, RebateMultiplierResult, RebateOptions, RebateResult } from './result.js';
import { lazySchema } from '../core/lazy.js';
import { POW10, decimalFromScaled, unitsOfNumber } from '../core/scaled.js';
import { arithOf, fastFormOf, readMetrics } from './fast.js';
import { priceRebate, pricedOf, type KernelFacts, type Priced } from './kernel.js';

export type * from './result.js';
export { checkFacts, compareMetric, contextOf, evaluate, factsOf, samePath } from './evaluate.js';
export type { EvaluateContext, FactPath, RebateFacts } from './evaluate.js';

/**
 * The figures of a calculation without its steps, texts or warnings (`steps` and `warnings` are
 * empty): for the spreadsheet functions, which return one number per cell. @internal
 */
export function calculateFigures(program: RebateProgram, input: RebateInput): RebateResult {
  const { program: p, internals } = resolveProgram(program, ['program']);
  const facts = factsOf(parseWith(inputShape, input, []));
  checkFacts(p, internals, facts, samePath);
  return evaluate(p, facts, null, contextOf(p, undefined, samePath, false));
}

const optionsShape = lazySchema(() => z.strictObject({ ratioScale: z.optional(scaleSchema) }));
const batchOptionsShape = lazySchema(() => z.strictObject({
  ratioScale: z.optional(scaleSchema),
  onError: z.optional(z.enum(['throw', 'collect'])),
  onProgress: z.optional(z.custom<(done: number, total: number) => void>((v) => typeof v === 'function', { error: 'must be a function (done, total) => void' })),
}));

/** Reads the options of a calculation (`ratioScale`). @internal */
export function ratioScaleOf(options: unknown, shape: z.ZodMiniType = optionsShape): number | undefined {
  if (options === undefined) return undefined;
  const o = parseWith(shape, options, ['options']) as { ratioScale?: number };
  return o.ratioScale;
}

/** The batch options of {@link calculateRebates} (checked, then read by the core). @internal */
export function batchRatioScaleOf(options: unknown): number | undefined {
  return ratioScaleOf(options, batchOptionsShape);
}

/**
 * Calculates one dealer's rebate under a program, with every step behind it.
 *
 * Net amount = sales − returns, net units = quantity − returned quantity; a negative net gives a
 * basis of 0 (reported in `warnings`), never a negative rebate. The steps run `basis`, the `tier`
 * lines, `over-achievement`, gates, multipliers, `minimum`, `cap` and `rounding`; their amounts add
 * up to the rebate with `rounding.stage: 'line'` (every line rounded, so the printed lines add up)
 * or to the unrounded rebate with `'total'` (rounded once; the `rounding` step says by how much).
 * Tiers are chosen on exact figures (sales against `bound × target`), never on a rounded ratio;
 * `basisValue` reports attainment and growth rates rounded to `ratioScale` places.
 *
 * @param program - A program from {@link defineRebateProgram} (a spec is defined on the spot).
 * @param input - The dealer's figures for the program's period.
 * @param options - `ratioScale`: decimal places of reported ratios (the program's, 10 by default).
 * @example
 * ```ts
 * const sap = defineRebateProgram({
 *   currency: 'EUR', rounding: { stage: 'line' }, basis: 'amount', method: 'retroactive',
 *   tiers: [{ from: 0 }, { from: 5000, rate: '0.02' }, { from: 20000, rate: '0.04' }],
 * });
 * const r = calculateRebate(sap, { sales: 7000 });
 * [r.rebate.toString(), r.nextTier?.salesGap?.toString(), r.steps[1]?.text];
 * //=> ['140', '13000', 'Tier 2: 2 % × 7,000.00 = 140.00']
 * ```
 */
export function calculateRebate(program: RebateProgram, input: RebateInput, options?: RebateOptions): RebateResult {
  try {
    const { program: p, internals } = resolveProgram(program, ['program']);
    const ctx = contextOf(p, ratioScaleOf(options));
    const facts = factsOf(parseWith(inputShape, input, []));
    checkFacts(p, internals, facts, samePath);
    return evaluate(p, facts, null, ctx);
  } catch (error) {
    throw wrapThrown(error);
  }
}

// The common row on exact scaled integers: an amount or quantity program, an input of plain
// numbers. The figures come from the kernel's rules (fast.ts's arithmetic); the steps and the
// warnings of a row are built by the Decimal path when first read (an own, enumerable property
// until then a getter), so that a row read for its rebate costs no sentences. Anything else (a
// field that is not a plain number, a missing or refused one, a warning, a figure past 2^53)
// returns null and takes the Decimal path, which words every error.

/** A copy of the input when it is a plain object of plain numbers the schema takes (and only those); else null. */
function plainInput(input: unknown): Record<string, unknown> | null {
  if (!isPlain(input)) return null;
  const copy: Record<string, unknown> = {};
  for (const key in input) {
    let v = input[key];
    if (key === 'metrics') {
      if (v !== undefined) {
        if (!isPlain(v) || Object.getOwnPropertySymbols(v).length > 0) return null;
        const metrics: Record<string, unknown> = {};
        for (const m of Object.keys(v)) {
          const x = v[m];
          if (m === '__proto__' || typeof x !== 'number' || !Number.isFinite(x)) return null;
          metrics[m] = x;
        }
        v = metrics;
      }
    } else if (!Object.prototype.hasOwnProperty.call(FIELDS, key)) return null;
    else if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v) || (v < 0 && key !== 'target' && key !== 'id')) && !(key === 'id' && typeof v === 'string' && v !== '')) return null;
    copy[key] = v;
  }
  return copy;
}
const FIELDS = { id: 0, sales: 0, quantity: 0, returns: 0, returnedQuantity: 0, target: 0, baseline: 0 };

function scaled(x: unknown, unit: number): number {
  return x === undefined ? 0 : unitsOfNumber(x, unit);
}

function isPlain(x: unknown): x is Record<string, unknown> {
  if (typeof x !== 'object' || x === null) return false;
  const proto: unknown = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}

interface Later {
  program: RebateProgram;
  input: Record<string, unknown>;
  ratioScale: number | undefined;
  full: RebateResult | null;
}

/** What quick rows share, made on first use (no work when the module loads). */
interface Scratch {
  /** The kernel's outputs and facts, reused per row (the calculation is synchronous). */
  out: Priced<number>;
  next: Priced<number>;
  facts: KernelFacts<number>;
  /** The key of a row's state, and its steps' and warnings' getters. */
  later: symbol;
  steps: PropertyDescriptor;
  warnings: PropertyDescriptor;
}
let scratch: Scratch | undefined;

function scratchOf(): Scratch {
  if (scratch === undefined) {
    const later = Symbol('later');
    const lazy = (key: 'steps' | 'warnings'): PropertyDescriptor => ({
      get(this: Record<symbol, Later>) {
        // The Decimal path's explained result of the row's own input, built once.
        const s = this[later]!;
        if (s.full === null) s.full = evaluate(s.program, factsOf(parseWith(inputShape, s.input, [])), null, contextOf(s.program, s.ratioScale));
        return s.full[key];
      },
      set(this: object, value: unknown) {
        Object.defineProperty(this, key, { value, writable: true, enumerable: true, configurable: true });
      },
      enumerable: true,
      configurable: true,
    });
    scratch = { out: pricedOf(0), next: pricedOf(0), facts: { net: 0, units: 0, baseline: 0 }, later, steps: lazy('steps'), warnings: lazy('warnings') };
  }
  return scratch;
}

function quickRebate(p: RebateProgram, inner: ProgramInternals, input: unknown, ratioScale: number | undefined): RebateResult | null {
  const onUnits = p.basis === 'quantity';
  const f = onUnits || p.basis === 'amount' ? fastFormOf(p) : null;
  const snap = f === null ? null : plainInput(input);
  if (snap === null) return null;
  const { sales, quantity, target } = snap;
  if ((inner.needsSales && sales === undefined) || (inner.needsQuantity && quantity === undefined) || (inner.needsTarget && !((target as number) > 0))) return null;
  const at = f!.scale + f!.extra;
  const unit = POW10[at]!;
  const ar = arithOf(f!);
  ar.bad = false;
  ar.axis = null;
  ar.preset = false;
  ar.target = scaled(target, unit);
  const net = sales === undefined ? null : ar.sub(scaled(sales, unit), scaled(snap.returns, unit));
  const units = quantity === undefined ? null : ar.sub(scaled(quantity, unit), scaled(snap.returnedQuantity, unit));
  readMetrics(ar, snap.metrics as Record<string, unknown> | undefined, undefined, true);
  // A multiplier's metric below its first band (or missing) is the Decimal path's error; its bands are read only above it.
  for (let j = 0; j < ar.multMetric.length; j++) if (!(ar.multMetric[j]! >= f!.bandFrom[j]![0]!)) return null;
  const { out, next, facts: FACTS } = scratchOf();
  FACTS.net = net;
  FACTS.units = units;
  priceRebate(ar, p, FACTS, -1, true, out, null);
  const k = out.tier;
  const value = onUnits ? out.effUnits : out.effNet;
  const hasNext = k < p.tiers.length - 1;
  let low = 0;
  if (hasNext) {
    // The next tier's rebate: the basis moved to its threshold, everything else unchanged.
    low = ar.low(k + 1);
    if (onUnits) FACTS.units = low;
    else FACTS.net = low;
    priceRebate(ar, p, FACTS, k + 1, false, next, null);
  }
  const gap = ar.sub(low, value);
  const salesGap = ar.sub(low, net ?? 0);
  const gain = hasNext ? ar.sub(next.rebate, out.rebate) : 0;
  if (ar.bad) return null;
  const rebate = decimalFromScaled(out.rebate, at);
  const netAmount = net === null ? null : decimalFromScaled(net, at);
  const gapD = decimalFromScaled(gap, at);
  const m = ar.multProduct(out.bands);
  const tier = p.tiers[k]!;
  const r = {
    rebate,
    unrounded: out.unrounded === out.rebate ? rebate : decimalFromScaled(out.unrounded, at),
    basis: p.basis,
    basisValue: value === net ? netAmount : decimalFromScaled(value, at),
    netAmount,
    netQuantity: units === null ? null : decimalFromScaled(units, at),
    tier: { index: k, name: tier.name },
    gates: p.gates.length === 0 ? [] : gatesOf(p, snap, out),
    eligible: out.eligible,
    multiplier: decimalFromScaled(m.num, m.places),
    multipliers: p.multipliers.length === 0 ? [] : multipliersOf(p, snap, out),
    capApplied: out.capApplied,
    minimumApplied: out.minimumApplied,
    benefits: out.eligible && tier.benefits.length > 0 ? tier.benefits.map((b) => ({ name: b.name, amount: b.amount })) : [],
    nextTier: hasNext
      ? {
          index: k + 1,
          name: p.tiers[k + 1]!.name,
          threshold: p.tiers[k + 1]!.from,
          mustExceed: p.bounds === 'upTo',
          gap: gapD,
          salesGap: onUnits ? null : salesGap === gap ? gapD : decimalFromScaled(salesGap, at),
          rebateAtThreshold: decimalFromScaled(next.rebate, at),
          gain: decimalFromScaled(gain, at),
        }
      : null,
  } as RebateResult;
  const sc = scratchOf();
  // The row's own input, copied: the explanation is of the figures above even if the caller changes it.
  Object.defineProperty(r, sc.later, { value: { program: p, input: snap, ratioScale, full: null } satisfies Later });
  Object.defineProperty(r, 'steps', sc.steps);
  if (hasNext && p.method === 'retroactive') Object.defineProperty(r, 'warnings', sc.warnings);
  else r.warnings = [];
  return r;
}

function gatesOf(p: RebateProgram, snap: Record<string, unknown>, out: Priced<number>): RebateGateResult[] {
  const metrics = snap.metrics as Record<string, number>;
  return p.gates.map((g, i) => {
    const passed = out.failed[i] === 0;
    return { metric: g.metric, op: g.op, required: g.value, value: toDecimal(metrics[g.metric]), passed, factor: passed ? ONE : g.failFactor };
  });
}

function multipliersOf(p: RebateProgram, snap: Record<string, unknown>, out: Priced<number>): RebateMultiplierResult[] {
  const metrics = snap.metrics as Record<string, number>;
  return p.multipliers.map((mt, j) => ({ metric: mt.metric, value: toDecimal(metrics[mt.metric]), band: out.bands[j]!, factor: mt.bands[out.bands[j]!]!.factor }));
}

/** The totals of a batch of calculations (over the rows computed). */
export interface RebateTotals {
  /** How many rows were computed. */
  count: number;
  /** Σ rebate. */
  rebate: Decimal;
  /** Σ unrounded rebate. */
  unrounded: Decimal;
  /** Σ benefits by name. */
  benefits: RebateBenefit[];
}

/** The result of {@link calculateRebates}: one row per input (with its `id`), the totals over the good rows. */
export type RebateBatchResult = BatchResult<RebateResult, RebateTotals>;

/**
 * Calculates many dealers' rebates under one program, validated once: one row per input, in
 * order, each with its `id` and result (or, with `onError: 'collect'`, its error), plus the totals
 * over the rows computed.
 *
 * Under `onError: 'throw'` (the default) every bad row is reported in one error, each path naming
 * the row by its id (`inputs[D-117].sales`) or its index.
 *
 * @param program - A program from {@link defineRebateProgram}.
 * @param inputs - One input per dealer, each with an optional `id`.
 * @param options - `ratioScale`, `onError`, `onProgress(done, total)`.
 * @example
 * ```ts
 * const p = defineRebateProgram({ currency: 'USD', rounding: { stage: 'line' }, basis: 'amount', method: 'incremental', tiers: [{ from: 0, rate: '0.01' }, { from: 1000, rate: '0.02' }] });
 * const batch = calculateRebates(p, [{ id: 'D1', sales: 500 }, { id: 'D2', sales: 1500 }]);
 * [batch.rows.map((r) => [r.id, r.result?.rebate.toString()]), batch.totals.rebate.toString()];
 * //=> [[['D1', '5'], ['D2', '20']], '25']
 * ```
 */
export function calculateRebates(program: RebateProgram, inputs: readonly RebateInput[], options?: RebateBatchOptions): RebateBatchResult {
  try {
    const { program: p, internals } = resolveProgram(program, ['program']);
    const ratioScale = batchRatioScaleOf(options);
    const ctx = contextOf(p, ratioScale);
    const batch = batchOptionsOf(options);
    const run = runBatch<unknown, RebateResult>(
      inputs,
      'inputs',
      (input) => {
        const quick = quickRebate(p, internals, input, ratioScale);
        if (quick !== null) return quick;
        const facts = factsOf(parseWith(inputShape, input, []));
        checkFacts(p, internals, facts, samePath);
        return evaluate(p, facts, null, ctx);
      },
      batch,
    );
    let rebate = ZERO;
    let unrounded = ZERO;
    let count = 0;
    const benefits = new Map<string, Decimal>();
    for (const row of run.rows) {
      if (!row.ok) continue;
      const r = row.result;
      count++;
      rebate = rebate.plus(r.rebate);
      unrounded = unrounded.plus(r.unrounded);
      for (const b of r.benefits) benefits.set(b.name, (benefits.get(b.name) ?? ZERO).plus(b.amount));
    }
    const totals: RebateTotals = { count, rebate, unrounded, benefits: [...benefits].map(([name, amount]) => ({ name, amount })) };
    return {
      rows: run.rows,
      totals,
      failed: run.failed,
      warnings: batchWarnings(run.failed, run.rows.length),
      steps: [{ code: 'total', text: M.batchTotal(count, run.failed, fmtMoney(rebate, { scale: p.rounding.scale, seps: EN })) }],
    };
  } catch (error) {
    throw wrapThrown(error);
  }
}

/** The warning of a batch with refused rows (collect mode). @internal */
export function batchWarnings(failed: number, total: number): Warning[] {
  return failed === 0 ? [] : [{ code: 'rows-refused', message: M.rowsRefused(failed, total), path: ['inputs'] }];
}
