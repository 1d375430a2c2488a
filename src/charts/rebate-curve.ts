// chartRebateCurve: a program's rebate and effective rate against net sales (or units), the tier
// thresholds marked, and a dealer's position with the gap to its next tier. Every point is a
// calculateRebate of the program: the curve is the program's own rule, sampled.
import * as z from 'zod/mini';
import { Decimal, ZERO, toDecimal } from '../core/decimal.js';
import { invalid, wrapThrown } from '../core/errors.js';
import { fmtAmount, fmtPercent } from '../core/format.js';
import { positiveDecimalSchema } from '../core/schema.js';
import { calculateRebate, explainRebate, type RebateInput, type RebateProgram, type RebateResult } from '../rebates/index.js';
import { resolveProgram } from '../rebates/program.js';
import { CHART_MESSAGES as M, CHART_STEPS as S } from './messages.js';
import { chartOptionsShape, num, optionsOf, specOf, type ChartOptions, type ChartRow, type VegaLiteSpec } from './spec.js';
import { repath } from './paths.js';
import { lazySchema } from '../core/lazy.js';

/** Options of {@link chartRebateCurve}. */
export interface RebateCurveOptions extends ChartOptions {
  /** Evenly spaced samples besides the thresholds (default 60). */
  points?: number;
  /** The right end of the x axis in net sales (units on a quantity basis); 1.25 × the last threshold (or the dealer's figure) by default. */
  upTo?: number | string | Decimal;
}

const optionsShape = lazySchema(() => z.strictObject({
  ...chartOptionsShape(),
  points: z.optional(z.number().check(z.int(), z.gte(2), z.maximum(2000))),
  upTo: z.optional(positiveDecimalSchema),
}));

/** The fields of the curve's datasets. */
const FIELDS = {
  curve: {
    x: 'net sales (net units on a quantity basis)',
    rebate: 'the rebate at x (calculateRebate, rounded as the program rounds)',
    rate: 'the effective rate: rebate / net sales (null at 0)',
    tier: 'the tier reached at x',
    segment: 'the tier index: one line per tier, so a retroactive jump is not drawn as a slope',
  },
  thresholds: { x: "the tier's threshold in net sales (or units)", tier: 'the tier that starts there', label: 'the threshold in words' },
  dealer: { x: "the dealer's net sales (or units)", rebate: "the dealer's rebate", label: 'the position in words' },
  gap: { x: "the dealer's net sales", x2: "the next tier's threshold", rebate: "the dealer's rebate", label: 'what the next tier needs and is worth' },
};

interface Basis {
  /** The threshold of a tier bound in x units (net sales or net units). */
  toX: (bound: Decimal) => Decimal;
  /** The facts at x. */
  factsAt: (x: Decimal) => RebateInput;
  /** Decimal places of x. */
  scale: number;
  unit: string;
}

function basisOf(program: RebateProgram, facts: RebateInput): Basis {
  const target = facts.target === undefined ? null : toDecimal(facts.target, ['facts', 'target']);
  const baseline = facts.baseline === undefined ? null : toDecimal(facts.baseline, ['facts', 'baseline']);
  // What every sample shares with the dealer's facts; a field the dealer left out is passed as
  // undefined, which calculateRebate reads as absent.
  const common = { target: facts.target, baseline: facts.baseline, metrics: facts.metrics } as RebateInput;
  const money = program.rounding.scale;
  const salesAt = (x: Decimal): RebateInput => ({ ...common, sales: x });
  switch (program.basis) {
    case 'amount':
      return { toX: (b) => b, factsAt: salesAt, scale: money, unit: 'net sales' };
    case 'attainment':
      if (target === null) invalid(['facts', 'target'], M.needsFact('target', 'attainment'), { code: 'required' });
      return { toX: (b) => b.times(target!), factsAt: salesAt, scale: money, unit: 'net sales' };
    case 'growth':
      if (baseline === null) invalid(['facts', 'baseline'], M.needsFact('baseline', 'growth'), { code: 'required' });
      return { toX: (b) => baseline!.plus(b), factsAt: salesAt, scale: money, unit: 'net sales' };
    case 'growthRate':
      if (baseline === null) invalid(['facts', 'baseline'], M.needsFact('baseline', 'growth-rate'), { code: 'required' });
      return { toX: (b) => baseline!.times(b.plus(1)), factsAt: salesAt, scale: money, unit: 'net sales' };
    default: {
      // Quantity: x is net units; sales (for rates) follow the dealer's average price when given.
      const units = facts.sales !== undefined && facts.quantity !== undefined ? toDecimal(facts.quantity, ['facts', 'quantity']) : null;
      const price = units === null || units.isZero() ? null : toDecimal(facts.sales, ['facts', 'sales']).div(units);
      return {
        toX: (b) => b,
        factsAt: (x) => ({ ...common, quantity: x, ...(price === null ? {} : { sales: x.times(price).toDecimalPlaces(money) }) }),
        scale: 0,
        unit: 'net units',
      };
    }
  }
}

/** The dealer's x: net sales, or net units on a quantity basis (a calculation on its basis always has them). */
function dealerX(program: RebateProgram, r: RebateResult): Decimal {
  return (program.basis === 'quantity' ? r.netQuantity : r.netAmount)!;
}

/** The specification {@link chartRebateCurve} returns: datasets `curve`, `thresholds`, `dealer`, `gap`. */
export type RebateCurveSpec = VegaLiteSpec<'curve' | 'thresholds' | 'dealer' | 'gap'>;

/**
 * The rebate curve of a program: the rebate (left axis) and the effective rate (right axis)
 * against net sales (net units on a quantity basis), each tier's threshold marked, and, when the
 * dealer's facts are given, its position and what its next tier needs and is worth. Every point is
 * `calculateRebate(program, facts at x)`, thresholds approached from both sides.
 *
 * Datasets: `curve` (`x`, `rebate`, `rate`, `tier`, `segment`), `thresholds` (`x`, `tier`,
 * `label`), `dealer` (`x`, `rebate`, `label`), `gap` (`x`, `x2`, `rebate`, `label`).
 *
 * @param program - A program from `defineRebateProgram`.
 * @param facts - The dealer's facts (its sales, target, baseline and metrics); the target places attainment thresholds.
 * @param options - `points`, `upTo`, `title`, `width`, `height`.
 * @example
 * ```ts
 * const p = defineRebateProgram({ currency: 'EUR', rounding: { stage: 'line' }, basis: 'amount', method: 'retroactive',
 *   tiers: [{ from: 0 }, { from: 5000, rate: '0.02' }, { from: 20000, rate: '0.04' }] });
 * const spec = chartRebateCurve(p, { sales: 12000 });
 * spec.datasets.thresholds.map((t) => t.x);
 * //=> [5000, 20000]
 * ```
 */
export function chartRebateCurve(program: RebateProgram, facts?: RebateInput, options?: RebateCurveOptions): RebateCurveSpec {
  try {
    const p = resolveProgram(program, ['program']).program;
    const o = optionsOf<{ points?: number; upTo?: Decimal; title?: string; width?: number; height?: number }>(optionsShape, options);
    const f: RebateInput = facts === undefined ? {} : (facts as RebateInput);
    if (typeof f !== 'object' || f === null || Array.isArray(f)) invalid(['facts'], M.notAResult('an object of facts'), { code: 'invalid_type' });
    const basis = basisOf(p, f);
    const at = (x: Decimal): RebateResult => repath(['facts'], () => calculateRebate(p, basis.factsAt(x)));
    const hasPosition = p.basis === 'quantity' ? f.quantity !== undefined : f.sales !== undefined;
    const own = hasPosition ? repath(['facts'], () => calculateRebate(p, f)) : null;
    const ownX = own === null ? null : dealerX(p, own);
    const thresholds = p.tiers.slice(1).map((t) => ({ tier: t, x: basis.toX(t.from).toDecimalPlaces(basis.scale) }));
    const last = thresholds.length === 0 ? ZERO : thresholds[thresholds.length - 1]!.x;
    let upTo = o.upTo ?? Decimal.max(last.times('1.25'), ownX === null ? ZERO : ownX.times('1.1'));
    upTo = upTo.toDecimalPlaces(basis.scale);
    if (upTo.isZero()) invalid(['options', 'upTo'], M.noDomain, { code: 'required' });
    const eps = new Decimal(10).pow(-basis.scale);
    const xs = new Map<string, Decimal>();
    const put = (x: Decimal) => {
      if (x.gte(0) && x.lte(upTo)) xs.set(x.toFixed(), x);
    };
    const n = o.points ?? 60;
    for (let i = 0; i <= n; i++) put(upTo.times(i).div(n).toDecimalPlaces(basis.scale));
    for (const t of thresholds) for (const x of [t.x.minus(eps), t.x, t.x.plus(eps)]) put(x);
    if (p.overAchievement !== null && f.target !== undefined) put(p.overAchievement.above.times(toDecimal(f.target)).toDecimalPlaces(basis.scale));
    if (ownX !== null) put(ownX);
    const sorted = [...xs.values()].sort((a, b) => a.comparedTo(b));
    const label = (r: RebateResult) => r.tier.name ?? `tier ${r.tier.index + 1}`;
    const curve: ChartRow[] = sorted.map((x) => {
      const r = at(x);
      return {
        // A basis figure beyond a double (sales of 1e308 stretch the axis past it) cannot be drawn either.
        x: num(x, ['facts']),
        // A rebate beyond a double (a fixed amount of 1e400) cannot be drawn: refused at the program.
        rebate: num(r.rebate, ['program']),
        rate: x.isZero() ? null : num(r.rebate.div(x).toDecimalPlaces(8), ['program']),
        tier: label(r),
        segment: r.tier.index,
      };
    });
    const money = (d: Decimal) => fmtAmount(d, basis.scale);
    const thresholdRows: ChartRow[] = thresholds.map((t) => ({
      x: Number(t.x.toFixed()),
      tier: t.tier.name ?? `tier ${t.tier.index + 1}`,
      label: `${t.tier.name ?? `tier ${t.tier.index + 1}`} from ${money(t.x)}${p.basis === 'attainment' ? ` (${fmtPercent(t.tier.from, 0)})` : ''}`,
    }));
    const dealer: ChartRow[] = [];
    const gap: ChartRow[] = [];
    const steps = [{ code: 'curve-sampled', text: S.sampled(sorted.length, basis.unit, money(sorted[0]!), money(sorted[sorted.length - 1]!), thresholds.length) }];
    if (own !== null) {
      const ownAt = dealerX(p, own);
      dealer.push({ x: Number(ownAt.toFixed()), rebate: Number(own.rebate.toFixed()), label: `${f.id === undefined ? 'dealer' : String(f.id)}: ${label(own)}, ${fmtAmount(own.rebate, p.rounding.scale)}` });
      const next = own.nextTier;
      if (next !== null) {
        // The gap in units on a quantity basis, else in sales (the engine gives a sales gap on every other basis).
        const nx = ownAt.plus(p.basis === 'quantity' ? next.gap : next.salesGap!);
        gap.push({
          x: Number(ownAt.toFixed()),
          x2: Number(nx.toFixed()),
          rebate: Number(own.rebate.toFixed()),
          label: `${next.name ?? `tier ${next.index + 1}`} needs ${next.mustExceed ? 'more than ' : ''}+${money(nx.minus(ownAt))}: ${fmtAmount(next.rebateAtThreshold, p.rounding.scale)} (${next.gain.isNegative() ? '' : '+'}${fmtAmount(next.gain, p.rounding.scale)})`,
        });
      }
      steps.push({ code: 'dealer-position', text: S.position(explainRebate(own)[0]!) });
    }
    const xField = { field: 'x', type: 'quantitative', title: basis.unit, axis: { format: ',.0f' } };
    const rebateLayers = rebateLayersOf(xField, p.currency, dealer.length > 0, gap.length > 0);
    return specOf(
      'rebate-curve',
      {
        description: `The rebate and the effective rate of ${p.name ?? 'the program'} against ${basis.unit}, with its thresholds${dealer.length > 0 ? " and the dealer's position" : ''}.`,
        title: { text: o.title ?? `${p.name ?? 'Rebate'}: rebate and effective rate by ${basis.unit}` },
        width: o.width ?? 560,
        height: o.height ?? 300,
        datasets: { curve, thresholds: thresholdRows, dealer, gap },
        layer: [
          { layer: rebateLayers },
          {
            name: 'rate',
            data: { name: 'curve' },
            mark: { type: 'line', color: '#e07b24', strokeDash: [6, 3] },
            encoding: {
              x: xField,
              y: { field: 'rate', type: 'quantitative', title: 'effective rate', axis: { format: '.1%', orient: 'right' } },
              detail: { field: 'segment', type: 'nominal' },
            },
          },
        ],
        resolve: { scale: { y: 'independent' } },
      },
      FIELDS,
      steps,
      [],
    );
  } catch (error) {
    throw wrapThrown(error);
  }
}

/** The rebate axis's layers: the curve by tier, the thresholds and their labels, the dealer and its gap when given. */
function rebateLayersOf(xField: Record<string, unknown>, currency: string, hasDealer: boolean, hasGap: boolean): Record<string, unknown>[] {
  const layers: Record<string, unknown>[] = [
    {
      name: 'rebate',
      data: { name: 'curve' },
      mark: { type: 'line', color: '#1f4e79', strokeWidth: 2 },
      encoding: {
        x: xField,
        y: { field: 'rebate', type: 'quantitative', title: `rebate (${currency})`, axis: { format: ',.0f' } },
        detail: { field: 'segment', type: 'nominal' },
        tooltip: [{ field: 'x', type: 'quantitative', format: ',.2f' }, { field: 'rebate', type: 'quantitative', format: ',.2f' }, { field: 'tier', type: 'nominal' }],
      },
    },
    { name: 'thresholds', data: { name: 'thresholds' }, mark: { type: 'rule', color: '#888', strokeDash: [4, 3] }, encoding: { x: { field: 'x', type: 'quantitative' } } },
    {
      name: 'thresholdLabels',
      data: { name: 'thresholds' },
      mark: { type: 'text', angle: 270, align: 'right', baseline: 'bottom', dx: -4, fontSize: 10, color: '#555' },
      encoding: { x: { field: 'x', type: 'quantitative' }, y: { value: 4 }, text: { field: 'label' } },
    },
  ];
  if (hasDealer) {
    layers.push(
      { name: 'dealer', data: { name: 'dealer' }, mark: { type: 'point', filled: true, size: 90, color: '#c62828' }, encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'rebate', type: 'quantitative' } } },
      { name: 'dealerLabel', data: { name: 'dealer' }, mark: { type: 'text', align: 'right', dx: -8, dy: -8, fontSize: 11, color: '#c62828' }, encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'rebate', type: 'quantitative' }, text: { field: 'label' } } },
    );
  }
  if (hasGap) {
    layers.push(
      { name: 'gap', data: { name: 'gap' }, mark: { type: 'rule', color: '#c62828', strokeWidth: 2, strokeDash: [2, 2] }, encoding: { x: { field: 'x', type: 'quantitative' }, x2: { field: 'x2' }, y: { field: 'rebate', type: 'quantitative' } } },
      { name: 'gapLabel', data: { name: 'gap' }, mark: { type: 'text', align: 'right', dy: 14, fontSize: 10, color: '#c62828' }, encoding: { x: { field: 'x2', type: 'quantitative' }, y: { field: 'rebate', type: 'quantitative' }, text: { field: 'label' } } },
    );
  }
  return layers;
}
