import { readResult } from '../core/result-check.js';
import { RebateCliffExposureShape } from '../core/result-shapes.js';
import * as z from 'zod/mini';
import { ONE, ZERO, type Decimal } from '../core/decimal.js';
import { invalid, wrapThrown } from '../core/errors.js';
import { separatorsOf } from '../core/format.js';
import { roundRatio } from '../core/money.js';
import type { ExplainOptions, Step, Warning } from '../core/result.js';
import { nonNegativeDecimalSchema, parseWith } from '../core/schema.js';
import { evaluate, type RebateTierRef } from './engine.js';
import { onErrorShape, parseNetwork, progressShape, ratioScaleShape, type RebateDeterministicScenario, type RebateNetworkDealer } from './network.js';
import { designProgramOf } from './pricing.js';
import { count, EN_SEPS, fmtBasisValue, fmtMoney, fmtPct, fmtSigned, Progress, type Seps, tierLabel } from './format.js';
import { factsUnder, scenarioOption } from './sensitivity.js';
import type { RebateProgram } from './engine.js';
import type { RebateBasis } from './engine.js';
import { DESIGN_MESSAGES as M } from './messages.js';
import { lazySchema } from '../core/lazy.js';

/** A dealer just below its next tier's threshold: what reaching it needs and is worth. */
export interface RebateCliff {
  /** The dealer's id. */
  id: string | number;
  /** Its segment, or null. */
  segment: string | null;
  /** The tier it is in. */
  tier: RebateTierRef;
  /** The tier just above, whose threshold it is below. */
  next: RebateTierRef;
  /** Its basis value as reported (attainment and growth rates to `ratioScale` places). */
  value: Decimal | null;
  /** The next tier's threshold, in the basis's units. */
  threshold: Decimal;
  /** The gap to the threshold in the basis's units (a ratio gap to `ratioScale` places), as `nextTier.gap`. */
  distance: Decimal;
  /** The extra net sales that reach the threshold (extra units on a quantity basis): `nextTier.salesGap`. */
  gap: Decimal;
  /** Its rebate now. */
  rebate: Decimal;
  /** Its rebate at the threshold (just above it for `upTo` programs). */
  rebateAtThreshold: Decimal;
  /** rebateAtThreshold − rebate: the jump (`nextTier.gain`; negative where the next tier pays less). */
  gain: Decimal;
  /** gain ÷ gap: the rebate gained per unit of extra sales, to `ratioScale` places (null for a gap of 0). */
  gainPerGap: Decimal | null;
  /** The benefits the next tier adds (Gold's brand fund), beside the rebate: its benefits − the current tier's (0 when ineligible). */
  benefitGain: Decimal;
}

/** The dealers below one threshold within the window, and what they could trigger. */
export interface RebateCliffThreshold {
  /** The tier the threshold opens. */
  tier: RebateTierRef;
  /** The threshold, in the basis's units. */
  threshold: Decimal;
  /** Dealers within the window below it. */
  dealers: number;
  /** Σ their gaps: the extra sales (or units) that would carry them all across. */
  gap: Decimal;
  /** Σ their gains: what the rebate would grow by if all of them crossed. */
  exposure: Decimal;
  /** Σ their benefit gains. */
  benefits: Decimal;
}

/** Step `cliff`: one threshold's dealers within the window. */
export interface RebateCliffStep extends Step {
  code: 'cliff';
  /** The tier the threshold opens. */
  tier: RebateTierRef;
  /** The threshold. */
  threshold: Decimal;
  /** Dealers within the window below it. */
  dealers: number;
  /** Σ their gaps. */
  gap: Decimal;
  /** Σ their gains. */
  exposure: Decimal;
  /** Σ their benefit gains. */
  benefits: Decimal;
}

/** Step `exposure`: the total over every threshold. */
export interface RebateExposureStep extends Step {
  code: 'exposure';
  /** Dealers within the window. */
  dealers: number;
  /** Σ gaps. */
  gap: Decimal;
  /** Σ gains. */
  exposure: Decimal;
  /** Σ benefit gains. */
  benefits: Decimal;
}

/** The window below a threshold: relative to it, or absolute in the basis's units. */
export interface RebateCliffWindow {
  /** A fraction of the threshold (0.05: within 5 % below it). */
  relative?: number | string | Decimal;
  /** A distance in the basis's units (0.05 = 5 points of attainment; 300000 of sales on an amount basis). */
  absolute?: number | string | Decimal;
}

/** The result of {@link calculateCliffExposure}. */
export interface RebateCliffExposure {
  /** The program's basis: the units of thresholds and distances. */
  basis: RebateBasis;
  /** Decimal places of money (the program's `rounding.scale`). */
  scale: number;
  /** The window: relative to each threshold, or absolute (the other null). */
  window: {
    /** The window as a share of each threshold, or null. */
    relative: Decimal | null;
    /** The window in basis units, or null. */
    absolute: Decimal | null;
  };
  /** The dealers within the window below their next threshold, the largest gain per unit of gap first (ties in network order). */
  dealers: RebateCliff[];
  /** Per threshold (tier 2 upwards), the dealers below it within the window. */
  thresholds: RebateCliffThreshold[];
  /** Σ gains: what the rebates grow by if every dealer listed crosses. */
  exposure: Decimal;
  /** Σ benefit gains: the benefits (brand funds) they would add; finance reserves exposure + benefits. */
  benefits: Decimal;
  /** Σ gaps: the extra sales (or units) a push would need to carry them all across. */
  gap: Decimal;
  /** Refused dealers, an incremental program (no jumps), the scenario's warnings. */
  warnings: Warning[];
  /** One `cliff` step per threshold, then the `exposure`. */
  steps: (RebateCliffStep | RebateExposureStep)[];
}

/** Options of {@link calculateCliffExposure}. */
export interface RebateCliffOptions {
  /** How far below a threshold a dealer counts: `{ relative: '0.05' }` or `{ absolute: 300000 }`. */
  window: RebateCliffWindow;
  /** A deterministic scenario to project the network with first (none: the facts as given). */
  scenario?: RebateDeterministicScenario;
  /** Decimal places of reported ratios. */
  ratioScale?: number;
  /** `'throw'` (the default) or `'collect'` for the network's dealers. */
  onError?: 'throw' | 'collect';
  /** Called with (dealers done, in all), at most about 200 times. */
  onProgress?: (done: number, total: number) => void;
}

const optionsShape = lazySchema(() => z.strictObject({
  window: z.strictObject({ relative: z.optional(nonNegativeDecimalSchema), absolute: z.optional(nonNegativeDecimalSchema) }),
  scenario: z.optional(z.unknown()),
  ratioScale: ratioScaleShape,
  onError: onErrorShape,
  onProgress: progressShape,
}));

/**
 * Calculates the cliff exposure of a program over a network: the dealers within a window below
 * their next tier's threshold, what each would gain by reaching it, and what finance must reserve
 * if all of them cross.
 *
 * A retroactive program re-prices the whole base at each threshold, so a dealer just below one
 * gains far more than its extra sales earn: for each dealer the gap (extra net sales, or units on a
 * quantity basis), the rebate at the threshold, the gain (`nextTier.gain` of {@link rebates!calculateRebate | calculateRebate})
 * and the gain per unit of gap, sorted so the cheapest pushes for the dealer (the dearest for the
 * brand) come first. The window is relative to the threshold (`{ relative: 0.05 }`: at least 95 %
 * of it) or absolute in the basis's units (`{ absolute: 0.05 }`: within 5 points of attainment);
 * the comparison is exact (sales against the threshold on the sales axis), never on a rounded ratio.
 *
 * @param program - A program from {@link rebates!defineRebateProgram | defineRebateProgram}.
 * @param network - The dealers, each with a unique `id` (as given, or projected by `options.scenario`).
 * @param options - `window`, `scenario`, `ratioScale`, `onError`, `onProgress`.
 * @example
 * ```ts
 * const p = defineRebateProgram({ currency: 'USD', rounding: { stage: 'line' }, basis: 'amount', method: 'retroactive',
 *   tiers: [{ from: 0 }, { from: 1000, rate: '0.02', name: 'Silver' }, { from: 2000, rate: '0.03', name: 'Gold' }] });
 * const c = calculateCliffExposure(p, [{ id: 'A', sales: 900 }, { id: 'B', sales: 1500 }, { id: 'C', sales: 1950 }], { window: { relative: '0.1' } });
 * [c.dealers.map((d) => [d.id, d.gain.toString()]), c.exposure.toString()];
 * //=> [[['C', '21'], ['A', '20']], '41']
 * ```
 */
export function calculateCliffExposure(program: RebateProgram, network: readonly RebateNetworkDealer[], options: RebateCliffOptions): RebateCliffExposure {
  try {
    const o = parseWith(optionsShape, options, ['options']);
    const relative = o.window.relative ?? null;
    const absolute = o.window.absolute ?? null;
    if (relative === null && absolute === null) invalid(['options', 'window'], M.windowRequired, { code: 'required', expected: 'relative or absolute' });
    if (relative !== null && absolute !== null) invalid(['options', 'window'], M.windowBoth, { code: 'inconsistent' });
    const dp = designProgramOf(program, ['program'], o.ratioScale);
    const p = dp.program;
    const net = parseNetwork(network, [dp], o.onError ?? 'throw');
    const plan = scenarioOption(o.scenario, net);
    const facts = factsUnder(dp, net, plan, ['options', 'scenario']);
    const progress = new Progress(o.onProgress, facts.length);
    const cliffs: RebateCliff[] = [];
    net.dealers.forEach((d, i) => {
      const f = facts[i]!;
      const r = evaluate(p, f, null, dp.figures);
      progress.add(1);
      const next = r.nextTier;
      if (next === null) return;
      // The gap on the basis's own scale, times the ratio's denominator (target or baseline), so the
      // window is compared exactly: attainment gap × target = threshold × target − net.
      // The net is never null (a design dealer always has sales); below 0 it counts as 0.
      const effNet = r.netAmount!.isNegative() ? ZERO : r.netAmount!;
      let gapScaled: Decimal;
      let per: Decimal;
      if (p.basis === 'attainment') {
        per = f.target!;
        gapScaled = next.threshold.times(per).minus(effNet);
      } else if (p.basis === 'growthRate') {
        per = f.baseline!;
        const growth = effNet.gt(per) ? effNet.minus(per) : ZERO;
        gapScaled = next.threshold.times(per).minus(growth);
      } else {
        per = ONE;
        gapScaled = next.gap;
      }
      const limit = relative !== null ? relative.times(next.threshold).times(per) : absolute!.times(per);
      if (gapScaled.gt(limit)) return;
      const gap = next.salesGap ?? next.gap;
      cliffs.push({
        id: d.id,
        segment: d.segment,
        tier: dp.refs[r.tier.index]!,
        next: dp.refs[next.index]!,
        value: r.basisValue,
        threshold: next.threshold,
        distance: next.gap,
        gap,
        rebate: r.rebate,
        rebateAtThreshold: next.rebateAtThreshold,
        gain: next.gain,
        gainPerGap: gap.isZero() ? null : roundRatio(next.gain.div(gap), dp.ratioScale),
        benefitGain: (r.eligible ? dp.benefitTotals[next.index]! : ZERO).minus(r.eligible ? dp.benefitTotals[r.tier.index]! : ZERO),
      });
    });
    // The cliffs are in network order and sort is stable: ties keep it.
    cliffs.sort((a, b) => {
      if (a.gainPerGap === null || b.gainPerGap === null) return a.gainPerGap === null ? (b.gainPerGap === null ? 0 : 1) : -1;
      return b.gainPerGap.comparedTo(a.gainPerGap);
    });
    const seps = EN_SEPS;
    const thresholds: RebateCliffThreshold[] = [];
    const steps: (RebateCliffStep | RebateExposureStep)[] = [];
    let exposure = ZERO;
    let gap = ZERO;
    let benefits = ZERO;
    for (let k = 1; k < p.tiers.length; k++) {
      const below = cliffs.filter((c) => c.next.index === k);
      let g = ZERO;
      let e = ZERO;
      let b = ZERO;
      for (const c of below) {
        g = g.plus(c.gap);
        e = e.plus(c.gain);
        b = b.plus(c.benefitGain);
      }
      exposure = exposure.plus(e);
      gap = gap.plus(g);
      benefits = benefits.plus(b);
      const threshold = p.tiers[k]!.from;
      thresholds.push({ tier: dp.refs[k]!, threshold, dealers: below.length, gap: g, exposure: e, benefits: b });
      steps.push({
        code: 'cliff',
        tier: dp.refs[k]!,
        threshold,
        dealers: below.length,
        gap: g,
        exposure: e,
        benefits: b,
        text: M.cliffText(tierLabel(dp.refs[k]!), fmtBasisValue(p.basis, dp.scale, threshold, seps), count(below.length, 'dealer'), gapText(p.basis, dp.scale, g, seps), fmtMoney(e, dp.scale, seps), b.isZero() ? null : fmtMoney(b, dp.scale, seps)),
      });
    }
    steps.push({
      code: 'exposure',
      dealers: cliffs.length,
      gap,
      exposure,
      benefits,
      text: M.exposureText(count(cliffs.length, 'dealer'), gapText(p.basis, dp.scale, gap, seps), fmtMoney(exposure, dp.scale, seps), benefits.isZero() ? null : fmtMoney(benefits, dp.scale, seps)),
    });
    const warnings: Warning[] = [...net.warnings, ...(plan?.warnings ?? [])];
    if (p.method === 'incremental') warnings.push({ code: 'incremental-program', message: M.incrementalNoCliffs, path: ['program', 'method'] });
    return { basis: p.basis, scale: dp.scale, window: { relative, absolute }, dealers: cliffs, thresholds, exposure, benefits, gap, warnings, steps };
  } catch (error) {
    throw wrapThrown(error);
  }
}

function gapText(basis: RebateBasis, scale: number, gap: Decimal, seps: Seps): string {
  return basis === 'quantity' ? M.unitsGap(fmtBasisValue(basis, scale, gap, seps)) : M.salesGap(fmtMoney(gap, scale, seps));
}

/**
 * Turns a cliff exposure into sentences: the exposure per threshold and in all, then each dealer
 * in order of gain per unit of gap.
 *
 * @param exposure - A result of {@link calculateCliffExposure}.
 * @param options - `locale` for the digit grouping.
 * @example
 * ```ts
 * const p = defineRebateProgram({ currency: 'USD', rounding: { stage: 'line' }, basis: 'amount', method: 'retroactive',
 *   tiers: [{ from: 0 }, { from: 1000, rate: '0.02', name: 'Silver' }, { from: 2000, rate: '0.03', name: 'Gold' }] });
 * explainCliffExposure(calculateCliffExposure(p, [{ id: 'C', sales: 1950 }], { window: { relative: '0.1' } }))[1];
 * //=> 'C (Silver) needs 50.00 more net sales to reach Gold at 2,000.00: its rebate goes from 39.00 to 60.00 (+21.00, 42.00 % of the extra sales).'
 * ```
 */
export function explainCliffExposure(exposure: RebateCliffExposure, options?: ExplainOptions): string[] {
  try {
    exposure = readResult(exposure, 'exposure', RebateCliffExposureShape());
    const seps = separatorsOf(options?.locale, ['options', 'locale']);
    const { basis, scale } = exposure;
    const out = [
      M.exposureSentence(
        count(exposure.dealers.length, 'dealer'),
        gapText(basis, scale, exposure.gap, seps),
        fmtMoney(exposure.exposure, scale, seps),
        exposure.benefits.isZero() ? null : fmtMoney(exposure.benefits, scale, seps),
      ),
    ];
    for (const c of exposure.dealers) {
      out.push(
        M.cliffSentence(
          String(c.id),
          tierLabel(c.tier),
          basis === 'quantity' ? M.moreUnits(fmtBasisValue(basis, scale, c.gap, seps)) : M.moreSales(fmtMoney(c.gap, scale, seps)),
          tierLabel(c.next),
          fmtBasisValue(basis, scale, c.threshold, seps),
          fmtMoney(c.rebate, scale, seps),
          fmtMoney(c.rebateAtThreshold, scale, seps),
          fmtSigned(c.gain, scale, seps),
          c.gainPerGap === null ? null : basis === 'quantity' ? M.perUnit(c.gainPerGap.toFixed()) : M.perSales(fmtPct(c.gainPerGap, 2, seps)),
          c.benefitGain.isZero() ? null : fmtSigned(c.benefitGain, scale, seps),
        ),
      );
    }
    for (const w of exposure.warnings) out.push(M.note(w.message));
    return out;
  } catch (error) {
    throw wrapThrown(error);
  }
}
