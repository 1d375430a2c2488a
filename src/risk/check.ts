import type { Decimal } from '../core/decimal.js';
import { IssueCollector, invalid, wrapThrown, type IssuePath } from '../core/errors.js';
import type { Step, Warning } from '../core/result.js';
import { DEFAULT_RATIO_SCALE, parseWith } from '../core/schema.js';
import { matrixIndex, type MatrixIndex, type RiskMatrix } from './matrix.js';
import { RISK_MESSAGES as M, RISK_TEXTS as T, WARNING_CODES as W, countCode } from './messages.js';
import { add, cmp, fractionText, mul, rational, rationalOf, roundRational, sub, type Rational } from './rational.js';
import { checkRiskMatrixOptionsShape, type CheckRiskMatrixOptions } from './schema.js';

/** A cell of a matrix, by its labels. */
export interface RiskCellRef {
  /** The likelihood label. */
  readonly likelihood: string;
  /** The impact label. */
  readonly impact: string;
  /** The level the matrix gives the cell. */
  readonly level: string;
}

/** A cell with the exact range of quantitative risk its points cover. */
export interface RiskCellRange extends RiskCellRef {
  /** The smallest risk of a point in the cell, rounded half-up to `ratioScale` places (exact in `riskMinExact`). */
  readonly riskMin: Decimal;
  /** The largest risk of a point in the cell, rounded half-up to `ratioScale` places. */
  readonly riskMax: Decimal;
  /** `riskMin` as an exact fraction, `'2/9'`. */
  readonly riskMinExact: string;
  /** `riskMax` as an exact fraction. */
  readonly riskMaxExact: string;
}

/** A pair of neighbouring cells where the level falls as likelihood or impact rises. */
export interface RiskMonotonicityViolation {
  /** The axis along which the level falls. */
  readonly axis: 'likelihood' | 'impact';
  /** The lower cell. */
  readonly from: RiskCellRef;
  /** The next cell up that axis, with a lower level. */
  readonly to: RiskCellRef;
}

/** A top-level cell and a bottom-level cell compared by weak consistency. */
export interface RiskCellPair {
  /** The top-level cell. */
  readonly top: RiskCellRange;
  /** The bottom-level cell. */
  readonly bottom: RiskCellRange;
}

/** The outcome of one check: whether it holds, and each violation. */
export interface RiskCheckOutcome<V> {
  /** True when there is no violation. */
  readonly holds: boolean;
  /** Each violation. */
  readonly violations: readonly V[];
}

/** The largest level jump between edge neighbours. */
export interface RiskLevelJump {
  /** Level steps between the two cells. */
  readonly steps: number;
  /** The first cell. */
  readonly from: RiskCellRef;
  /** Its neighbour one step up the likelihood or the impact axis. */
  readonly to: RiskCellRef;
}

/** Cox's weak consistency: every top-level point riskier than every bottom-level point. */
export interface RiskWeakConsistency {
  /** False when the grid uses a single level (the axiom says nothing then). */
  readonly applicable: boolean;
  /** True when the smallest top-level risk exceeds the largest bottom-level risk. */
  readonly holds: boolean;
  /** The top level used in the grid. */
  readonly top: string;
  /** The bottom level used in the grid. */
  readonly bottom: string;
  /** Smallest top-level risk minus largest bottom-level risk (positive when the axiom holds), rounded to `ratioScale` places. */
  readonly margin: Decimal | null;
  /** The margin as an exact fraction. */
  readonly marginExact: string | null;
  /** The top cell with the smallest risk and the bottom cell with the largest. */
  readonly witnesses: RiskCellPair | null;
  /** Every (top, bottom) pair whose ranges touch or overlap. */
  readonly violations: readonly RiskCellPair[];
}

/** A bottom-level cell next to a top-level cell, with nothing in between (Cox's betweenness). */
export interface RiskBetweennessViolation {
  /** The bottom-level cell. */
  readonly bottom: RiskCellRef;
  /** The top-level cell beside it. */
  readonly top: RiskCellRef;
  /** Whether they share an edge or only a corner. */
  readonly adjacency: 'edge' | 'corner';
}

/** A cell whose level Cox's consistent-colouring rules contradict. */
export interface RiskColouringViolation {
  /** The cell. */
  readonly cell: RiskCellRange;
  /**
   * The rule broken: `should-be-higher` (every point exceeds every point of the lower levels and the
   * cell reaches the range of a higher level: Cox's rule for the top colour), `should-be-lower`
   * (the mirror rule for the bottom colour), `unjustified-intermediate` (an intermediate level
   * neither between a lower and a higher cell nor straddling their ranges).
   */
  readonly rule: 'should-be-higher' | 'should-be-lower' | 'unjustified-intermediate';
  /** Why, in words. */
  readonly message: string;
}

/** How the axes were read: the cuts of each axis and the risk of a point. */
export interface RiskAxesStep extends Step {
  /** Always `'axes'`. */
  readonly code: 'axes';
  /** `'uniform'`, `'nist'` or `'custom'`. */
  readonly axes: 'uniform' | 'nist' | 'custom';
  /** `'product'` or `'sum'`. */
  readonly risk: 'product' | 'sum';
  /** The likelihood cuts, exact fractions, lowest first. */
  readonly likelihoodCuts: readonly string[];
  /** The impact cuts, exact fractions, lowest first. */
  readonly impactCuts: readonly string[];
}

/** The outcome of one check, with how many violations it found. */
export interface RiskCheckStep extends Step {
  /** The check: `'monotone'`, `'betweenness'` or `'consistent-colouring'` (weak consistency has its own step). */
  readonly code: 'monotone' | 'betweenness' | 'consistent-colouring';
  /** Whether it holds. */
  readonly holds: boolean;
  /** How many violations. */
  readonly violations: number;
}

/** Weak consistency: the smallest top-level risk against the largest bottom-level risk. */
export interface RiskWeakConsistencyStep extends Step {
  /** Always `'weak-consistency'`. */
  readonly code: 'weak-consistency';
  /** Whether it holds. */
  readonly holds: boolean;
  /** The smallest risk of a top-level cell, exact, or null when not applicable. */
  readonly topMin: string | null;
  /** The largest risk of a bottom-level cell, exact, or null. */
  readonly bottomMax: string | null;
  /** `topMin − bottomMax`, exact, or null. */
  readonly margin: string | null;
  /** How many offending pairs. */
  readonly violations: number;
}

/** The largest level jump between edge neighbours. */
export interface RiskJumpStep extends Step {
  /** Always `'largest-jump'`. */
  readonly code: 'largest-jump';
  /** Level steps, 0 for a 1×1 grid. */
  readonly steps: number;
}

/** One step of {@link checkRiskMatrix}. */
export type RiskMatrixCheckStep = RiskAxesStep | RiskCheckStep | RiskWeakConsistencyStep | RiskJumpStep;

/** The result of {@link checkRiskMatrix}. */
export interface RiskMatrixCheck {
  /** The matrix name. */
  readonly matrix: string;
  /** The quantitative reading of the axes: `'uniform'`, `'nist'` or `'custom'` cuts. */
  readonly axes: 'uniform' | 'nist' | 'custom';
  /** How a point's risk is computed from its likelihood and impact. */
  readonly risk: 'product' | 'sum';
  /** True when monotonicity and Cox's three axioms all hold. */
  readonly holds: boolean;
  /** Every cell with its risk range, row by row from the lowest likelihood. */
  readonly cells: readonly RiskCellRange[];
  /** The level never falls as likelihood or impact rises. */
  readonly monotone: RiskCheckOutcome<RiskMonotonicityViolation>;
  /** Cox's weak consistency, with its margin and witnesses. */
  readonly weakConsistency: RiskWeakConsistency;
  /** Cox's betweenness: no bottom-level cell edge- or corner-adjacent to a top-level cell. */
  readonly betweenness: RiskCheckOutcome<RiskBetweennessViolation>;
  /** Cox's consistent colouring. */
  readonly consistentColouring: RiskCheckOutcome<RiskColouringViolation>;
  /** The largest level jump between edge neighbours (in level steps), or null for a 1×1 grid. */
  readonly largestJump: RiskLevelJump | null;
  /** Decimal places of the reported risks and margin. */
  readonly ratioScale: number;
  /** One warning per check that fails (codes `matrix-not-monotone`, `weak-consistency-fails`, `betweenness-fails`, `colouring-fails`), and `single-level` when the axioms cannot apply. */
  readonly warnings: readonly Warning[];
  /** How the axes were read, then each check with its outcome. */
  readonly steps: readonly RiskMatrixCheckStep[];
}

const NIST_CUTS = [0, 5, 21, 80, 96, 100].map((c) => rational(BigInt(c), BigInt(100)));

interface Cell {
  l: number;
  i: number;
  level: number;
  lo: Rational;
  hi: Rational;
  ref: RiskCellRef;
  range: RiskCellRange;
}

function cutsFor(axes: NonNullable<ReturnType<typeof parseOptions>['axes']>, which: 'likelihood' | 'impact', n: number, path: IssuePath): Rational[] {
  if (axes === 'uniform') return Array.from({ length: n + 1 }, (_, k) => rational(BigInt(k), BigInt(n)));
  if (axes === 'nist') {
    if (n !== 5) invalid(path, M.nistAxes(n, which), { code: 'inconsistent', expected: '5 labels', received: String(n) });
    return NIST_CUTS;
  }
  const cuts = axes[which];
  const p = [...path, which];
  if (cuts.length !== n + 1) {
    invalid(p, M.cutCount(n, which, cuts.length), { code: countCode(cuts.length, n + 1), expected: `${n + 1} cuts`, received: String(cuts.length), limit: String(n + 1) });
  }
  const issues = new IssueCollector();
  cuts.forEach((c, k) => {
    if (c.isNegative() && !c.isZero()) issues.add([...p, k], M.negativeCut(c), 'out_of_range', { code: 'out_of_range', expected: 'at least 0', received: c.toFixed(), limit: '0' });
    else if (k > 0 && !c.gt(cuts[k - 1]!)) {
      issues.add([...p, k], M.axisCutOrder(which, k, cuts[k - 1]!, c), 'out_of_range', { code: 'not_ascending', expected: `greater than ${cuts[k - 1]!.toFixed()}`, received: c.toFixed(), limit: cuts[k - 1]!.toFixed() });
    }
  });
  issues.throwIfAny();
  return cuts.map(rationalOf);
}

function parseOptions(options: CheckRiskMatrixOptions | undefined) {
  return parseWith(checkRiskMatrixOptionsShape, options ?? {}, ['options']);
}

function ref(c: Cell): RiskCellRef {
  return c.ref;
}

/** A matrix read on quantitative axes: its cells (rows from the lowest likelihood), and the levels used. */
interface Grid {
  readonly m: RiskMatrix;
  readonly grid: Cell[][];
  readonly cells: Cell[];
  readonly round: (r: Rational) => Decimal;
  readonly bottomLevel: number;
  readonly topLevel: number;
  /** False when the grid uses a single level. */
  readonly applicable: boolean;
  readonly top: Cell[];
  readonly bottom: Cell[];
}

/** What the checks found, to report as steps and warnings. */
interface Found {
  readonly mono: RiskMonotonicityViolation[];
  readonly jump: { steps: number; from: RiskCellRef; to: RiskCellRef } | null;
  readonly weakConsistency: RiskWeakConsistency;
  readonly bt: RiskBetweennessViolation[];
  readonly col: RiskColouringViolation[];
}

/**
 * Checks whether a risk matrix can be trusted: monotonicity, Cox's three axioms and the largest level jump.
 *
 * Each cell is read as a rectangle of points on quantitative axes: `'uniform'` (each axis split
 * into equal bins of [0, 1]), `'nist'` (NIST SP 800-30's 0–100 bins [0,5), [5,21), [21,80),
 * [80,96), [96,100], scaled to [0, 1]) or custom cuts per axis; a point's risk is `likelihood ×
 * impact` (`'product'`, the default) or their `'sum'`. Every cell's risk range is computed by exact
 * interval arithmetic on fractions: no sampling, no floating point. Then, after L. A. Cox Jr.,
 * "What's wrong with risk matrices?", Risk Analysis 28(2), 2008:
 *
 * - **weak consistency**: every point of a top-level cell has a higher risk than every point of a
 *   bottom-level cell; reported with the margin (smallest top risk − largest bottom risk) and the
 *   two witness cells, and every offending pair;
 * - **betweenness**: no bottom-level cell shares an edge or a corner with a top-level cell (a small
 *   change of likelihood or impact cannot jump from the bottom level to the top level), each
 *   violation listed;
 * - **consistent colouring**: an intermediate cell whose every point is riskier than every point
 *   of the levels below it, and that reaches the range of a higher level, should be higher (Cox's
 *   rule for the top colour); the mirror rule says when it should be lower; and an intermediate
 *   level needs a reason: the cell lies between a lower-level and a higher-level cell, or its range
 *   straddles both. With three levels these are Cox's rules exactly; with more, each intermediate
 *   level is judged against all the levels below and above it;
 * - **monotonicity**: the level never falls as likelihood or impact rises.
 *
 * Risks and the margin are reported exactly as fractions (`riskMinExact`, `marginExact`) and as
 * Decimals rounded half-up to `ratioScale` places (10 by default); every check compares the exact
 * fractions. Each failed check is also a warning, and `steps` records how the axes were read and
 * each check's outcome.
 *
 * @example
 * ```ts
 * const c = checkRiskMatrix(riskMatrix3x3, { axes: 'uniform', risk: 'product' });
 * [c.holds, c.weakConsistency.marginExact, c.weakConsistency.margin.toString(), c.largestJump.steps];
 * //=> [true, '1/9', '0.1111111111', 1]
 * ```
 */
export function checkRiskMatrix(matrix: RiskMatrix, options?: CheckRiskMatrixOptions): RiskMatrixCheck {
  try {
    const x = matrixIndex(matrix, ['matrix']);
    const m = x.matrix;
    const o = parseOptions(options);
    const axes = o.axes ?? 'uniform';
    const risk = o.risk ?? 'product';
    const ratioScale = o.ratioScale ?? DEFAULT_RATIO_SCALE;
    const round = (r: Rational) => roundRational(r, ratioScale);
    const lc = cutsFor(axes, 'likelihood', m.likelihood.length, ['options', 'axes']);
    const ic = cutsFor(axes, 'impact', m.impact.length, ['options', 'axes']);
    const g = gridOf(x, lc, ic, risk, round);
    const { violations: mono, jump } = monotonicity(g);
    const weakConsistency = weakConsistencyOf(g);
    const bt = betweennessOf(g);
    const col = colouringOf(g);
    const holds = mono.length === 0 && weakConsistency.violations.length === 0 && bt.length === 0 && col.length === 0;
    const axesName = typeof axes === 'string' ? axes : 'custom';
    const { steps, warnings } = report(g, axesName, risk, lc, ic, { mono, jump, weakConsistency, bt, col });
    return {
      matrix: m.name,
      axes: axesName,
      risk,
      holds,
      cells: g.cells.map((c) => c.range),
      monotone: { holds: mono.length === 0, violations: mono },
      weakConsistency,
      betweenness: { holds: bt.length === 0, violations: bt },
      consistentColouring: { holds: col.length === 0, violations: col },
      largestJump: jump,
      ratioScale,
      warnings,
      steps,
    };
  } catch (error) {
    throw wrapThrown(error);
  }
}

/** Every cell with its exact risk range (its bins' corners combined by product or sum), and the levels used. */
function gridOf(x: MatrixIndex, lc: readonly Rational[], ic: readonly Rational[], risk: 'product' | 'sum', round: (r: Rational) => Decimal): Grid {
  const m = x.matrix;
  const nL = m.likelihood.length;
  const nI = m.impact.length;
  const combine = risk === 'product' ? mul : add;
  const grid: Cell[][] = [];
  const cells: Cell[] = [];
  for (let l = 0; l < nL; l++) {
    const row: Cell[] = [];
    for (let i = 0; i < nI; i++) {
      const level = x.grid[l * nI + i]!;
      const lo = combine(lc[l]!, ic[i]!);
      const hi = combine(lc[l + 1]!, ic[i + 1]!);
      const r: RiskCellRef = { likelihood: m.likelihood[l]!, impact: m.impact[i]!, level: m.levels[level]! };
      const cell: Cell = { l, i, level, lo, hi, ref: r, range: { ...r, riskMin: round(lo), riskMax: round(hi), riskMinExact: fractionText(lo), riskMaxExact: fractionText(hi) } };
      row.push(cell);
      cells.push(cell);
    }
    grid.push(row);
  }
  let bottomLevel = Infinity;
  let topLevel = -Infinity;
  for (const c of cells) {
    bottomLevel = Math.min(bottomLevel, c.level);
    topLevel = Math.max(topLevel, c.level);
  }
  const top = cells.filter((c) => c.level === topLevel);
  const bottom = cells.filter((c) => c.level === bottomLevel);
  return { m, grid, cells, round, bottomLevel, topLevel, applicable: topLevel > bottomLevel, top, bottom };
}

/** Monotonicity and the largest jump, over edge neighbours. */
function monotonicity(g: Grid): { violations: RiskMonotonicityViolation[]; jump: Found['jump'] } {
  const violations: RiskMonotonicityViolation[] = [];
  let jump: Found['jump'] = null;
  for (const c of g.cells) {
    const up = g.grid[c.l + 1]?.[c.i];
    const right = g.grid[c.l]![c.i + 1];
    for (const [n, axis] of [[up, 'likelihood'], [right, 'impact']] as const) {
      if (n === undefined) continue;
      if (n.level < c.level) violations.push({ axis, from: ref(c), to: ref(n) });
      const steps = Math.abs(n.level - c.level);
      if (jump === null || steps > jump.steps) jump = { steps, from: ref(c), to: ref(n) };
    }
  }
  return { violations, jump };
}

/** Weak consistency: its margin and witnesses, and every (top, bottom) pair whose ranges touch or overlap. */
function weakConsistencyOf(g: Grid): RiskWeakConsistency {
  const { top, bottom, applicable, round } = g;
  let minTop = top[0]!;
  for (const c of top) if (cmp(c.lo, minTop.lo) < 0) minTop = c;
  let maxBottom = bottom[0]!;
  for (const c of bottom) if (cmp(c.hi, maxBottom.hi) > 0) maxBottom = c;
  const wcViolations: { top: RiskCellRange; bottom: RiskCellRange }[] = [];
  if (applicable) {
    for (const t of top) for (const b of bottom) if (cmp(t.lo, b.hi) <= 0) wcViolations.push({ top: t.range, bottom: b.range });
  }
  const margin = applicable ? sub(minTop.lo, maxBottom.hi) : null;
  return {
    applicable,
    holds: wcViolations.length === 0,
    top: g.m.levels[g.topLevel]!,
    bottom: g.m.levels[g.bottomLevel]!,
    margin: margin === null ? null : round(margin),
    marginExact: margin === null ? null : fractionText(margin),
    witnesses: applicable ? { top: minTop.range, bottom: maxBottom.range } : null,
    violations: wcViolations,
  };
}

/** Betweenness: every bottom-level cell that shares an edge or a corner with a top-level cell. */
function betweennessOf(g: Grid): RiskBetweennessViolation[] {
  const btViolations: RiskBetweennessViolation[] = [];
  if (g.applicable) {
    for (const b of g.bottom) {
      for (const t of g.top) {
        const dl = Math.abs(t.l - b.l);
        const di = Math.abs(t.i - b.i);
        if (dl <= 1 && di <= 1) btViolations.push({ bottom: ref(b), top: ref(t), adjacency: dl + di === 1 ? 'edge' : 'corner' });
      }
    }
  }
  return btViolations;
}

/**
 * Consistent colouring, Cox's three rules; with more than three levels each intermediate level is
 * judged against the levels below it and the levels above it.
 */
function colouringOf(g: Grid): RiskColouringViolation[] {
  const colViolations: RiskColouringViolation[] = [];
  // A single-level grid (not applicable) has only cells of the top and bottom level: none is judged.
  for (const c of g.cells) {
    if (c.level === g.topLevel || c.level === g.bottomLevel) continue;
    const v = cellColouring(g.m, g.cells, c);
    if (v !== undefined) colViolations.push(v);
  }
  return colViolations;
}

/** The colouring rule an intermediate cell breaks, against the riskiest cell below and the safest above, if any. */
function cellColouring(m: RiskMatrix, cells: readonly Cell[], c: Cell): RiskColouringViolation | undefined {
  let maxBelow: Cell | undefined;
  let minAbove: Cell | undefined;
  for (const d of cells) {
    if (d.level < c.level && (maxBelow === undefined || cmp(d.hi, maxBelow.hi) > 0)) maxBelow = d;
    if (d.level > c.level && (minAbove === undefined || cmp(d.lo, minAbove.lo) < 0)) minAbove = d;
  }
  const below = maxBelow!;
  const above = minAbove!;
  const name = m.levels[c.level]!;
  if (cmp(c.lo, below.hi) > 0 && cmp(c.hi, above.lo) >= 0) {
    return { cell: c.range, rule: 'should-be-higher', message: T.shouldBeHigher(fractionText(c.lo), name, fractionText(below.hi), above.ref.level, fractionText(above.lo)) };
  }
  if (cmp(c.hi, above.lo) < 0 && cmp(c.lo, below.hi) <= 0) {
    return { cell: c.range, rule: 'should-be-lower', message: T.shouldBeLower(fractionText(c.hi), name, fractionText(above.lo), below.ref.level, fractionText(below.hi)) };
  }
  const between = cells.some((b) => b.level < c.level && b.l <= c.l && b.i <= c.i && cells.some((t) => t.level > c.level && c.l <= t.l && c.i <= t.i));
  const straddles = cmp(c.hi, above.lo) > 0 && cmp(c.lo, below.hi) < 0;
  if (between || straddles) return undefined;
  return { cell: c.range, rule: 'unjustified-intermediate', message: T.unjustifiedIntermediate(name, fractionText(c.lo), fractionText(c.hi)) };
}

/** How the axes were read, then each check's outcome, as steps; a warning per failed check. */
function report(g: Grid, axesName: RiskAxesStep['axes'], risk: 'product' | 'sum', lc: readonly Rational[], ic: readonly Rational[], f: Found): { steps: RiskMatrixCheckStep[]; warnings: Warning[] } {
  const { mono, jump, weakConsistency, bt, col } = f;
  const { applicable } = g;
  const nWc = weakConsistency.violations.length;
  const steps: RiskMatrixCheckStep[] = [];
  const warnings: Warning[] = [];
  const lcText = lc.map(fractionText);
  const icText = ic.map(fractionText);
  steps.push({ code: 'axes', axes: axesName, risk, likelihoodCuts: lcText, impactCuts: icText, text: T.checkAxes(axesName, risk, lcText, icText) });
  steps.push({ code: 'monotone', holds: mono.length === 0, violations: mono.length, text: T.checkMonotone(mono.length) });
  if (mono.length > 0) warnings.push({ code: W.notMonotone, message: M.notMonotone(mono.length) });
  // The witnesses' exact risks: the smallest of a top-level cell, the largest of a bottom-level cell.
  const topMin = applicable ? weakConsistency.witnesses!.top.riskMinExact : null;
  const bottomMax = applicable ? weakConsistency.witnesses!.bottom.riskMaxExact : null;
  steps.push({
    code: 'weak-consistency',
    holds: weakConsistency.holds,
    topMin,
    bottomMax,
    margin: weakConsistency.marginExact,
    violations: nWc,
    text: T.checkWeakConsistency(applicable, weakConsistency.top, weakConsistency.bottom, topMin, bottomMax, weakConsistency.marginExact, nWc),
  });
  if (!applicable) warnings.push({ code: W.singleLevel, message: M.singleLevel(weakConsistency.top) });
  if (nWc > 0) warnings.push({ code: W.weakConsistency, message: M.weakConsistencyFails(weakConsistency.marginExact!, nWc) });
  steps.push({ code: 'betweenness', holds: bt.length === 0, violations: bt.length, text: T.checkBetweenness(bt.length) });
  if (bt.length > 0) warnings.push({ code: W.betweenness, message: M.betweennessFails(bt.length) });
  steps.push({ code: 'consistent-colouring', holds: col.length === 0, violations: col.length, text: T.checkColouring(col.length) });
  if (col.length > 0) warnings.push({ code: W.colouring, message: M.colouringFails(col.map((v) => `${v.cell.likelihood}/${v.cell.impact}`)) });
  steps.push({ code: 'largest-jump', steps: jump?.steps ?? 0, text: T.checkJump(jump) });
  return { steps, warnings };
}
