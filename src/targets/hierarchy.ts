import { Decimal, ZERO, type DecimalInput } from '../core/decimal.js';
import { DealerkitError, IssueCollector, fail, formatPath, invalid, wrapThrown, type IssuePath } from '../core/errors.js';
import { roundDecimal, type RoundingMode } from '../core/money.js';
import { nonNegativeDecimalSchema, parseWith } from '../core/schema.js';
import type { Warning } from '../core/result.js';
import { TARGETS_MESSAGES as M } from './messages.js';
import { treeNodeShape, type SplitTargetOptions, type TargetTreeNode, type TargetTreeNodeParsed } from './schema.js';
import { repath } from './repath.js';
import type { TargetSplitStep } from './steps.js';
import { parseSplitOptions, splitCore, splitSteps, unitFormatter, upliftSplit, type TargetSplitPart } from './split.js';
import { EN, splitStepText } from './text.js';
import { decimalOfUnits, unitsOf, type Units } from './units.js';

/**
 * One node of a {@link TargetHierarchy}: a territory or dealer with its exact target. Its fields are
 * those of a split part (its weight is given or the sum of its children's; its target is what its
 * children sum to exactly), plus its children.
 */
export interface TargetHierarchyNode extends TargetSplitPart {
  /** Its sub-territories or dealers. */
  children: TargetHierarchyNode[];
}

/** The result of `cascadeHierarchy`. */
export interface TargetHierarchy {
  /** The total at the root. */
  total: Decimal;
  /** Decimal places of every target, and the mode the uplifted targets were rounded with. */
  rounding: {
    /** Decimal places of every target. */
    scale: number;
    /** How each uplifted amount is rounded. */
    mode: RoundingMode;
  };
  /** The uplift factor of each level below the root (1 where none), or null without uplift. */
  uplift: Decimal[] | null;
  /** The root node (its target is the total). */
  root: TargetHierarchyNode;
  /** How many leaves (dealers) the tree has. */
  leaves: number;
  /** How every target was reached: for each node with children, in tree order, its locks, binding floors, weighted split and uplift (`node` names it). */
  steps: TargetSplitStep[];
  /** What to look at: an uplift that looks like a percentage. */
  warnings: Warning[];
}

interface Prepared {
  node: TargetTreeNodeParsed;
  weight: Decimal;
  lock: Units | null;
  ownFloor: Units | null;
  /** The least target the subtree can take: max(own floor, Σ children's least), or its lock. */
  least: bigint;
  children: Prepared[];
}

/** Deeper trees are refused (`too_deep`): territory trees are a handful of levels. */
const MAX_DEPTH = 100;

/**
 * Walks the tree as given, before it is parsed: a node that contains itself is a `cycle` (named by
 * its ids), a node object given twice a `duplicate`, and a tree deeper than {@link MAX_DEPTH} levels
 * `too_deep`, so that none of them reaches a recursive parse.
 */
function checkTreeShape(tree: unknown): void {
  const ancestors: object[] = [];
  const seen = new Set<object>();
  const path: (string | number)[] = ['tree'];
  // Where a node object was first met: looked for again only to report it.
  const firstPath = (target: object): (string | number)[] => {
    const find = (node: unknown, at: (string | number)[]): (string | number)[] | null => {
      if (node === target) return at;
      const children = typeof node === 'object' && node !== null ? (node as { children?: unknown }).children : undefined;
      if (!Array.isArray(children)) return null;
      // Stryker disable next-line EqualityOperator: one step past the end looks in undefined, which is not the target and has no children (null)
      for (let i = 0; i < children.length; i++) {
        const found = find(children[i], [...at, 'children', i]);
        if (found !== null) return found;
      }
      return null;
    };
    return find(tree, ['tree'])!;
  };
  const idOf = (n: object): string => {
    const id = (n as { id?: unknown }).id;
    return typeof id === 'string' ? id : formatPath(path);
  };
  const visit = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    const at = ancestors.indexOf(node);
    if (at >= 0) {
      throw new DealerkitError('invalid_input', [{ path: [...path], code: 'cycle', message: M.cycle([...ancestors.slice(at), node].map(idOf)) }]);
    }
    if (seen.has(node)) throw new DealerkitError('invalid_input', [{ path: [...path], code: 'duplicate', message: M.sameNode(formatPath(firstPath(node))) }]);
    seen.add(node);
    if (ancestors.length >= MAX_DEPTH) {
      throw new DealerkitError('invalid_input', [{ path: [...path], code: 'too_deep', message: M.tooDeep(MAX_DEPTH), limit: String(MAX_DEPTH) }]);
    }
    const children = (node as { children?: unknown }).children;
    if (!Array.isArray(children)) return;
    ancestors.push(node);
    // Stryker disable next-line EqualityOperator: one step past the end visits undefined, which returns at once
    for (let i = 0; i < children.length; i++) {
      path.push('children', i);
      visit(children[i]);
      path.length -= 2;
    }
    ancestors.pop();
  };
  visit(tree);
}

/** The tree's ids (unique), leaves (each with a weight) and depth, every problem collected. */
function scanTree(root: TargetTreeNodeParsed): { ids: Set<string>; leaves: number; depth: number } {
  const issues = new IssueCollector();
  const ids = new Set<string>();
  let leaves = 0;
  let depth = 0;
  // One path stack for the walk: a path is copied only when an issue is reported.
  const stack: (string | number)[] = ['tree'];
  const scan = (n: TargetTreeNodeParsed, d: number) => {
    if (ids.has(n.id)) issues.add([...stack, 'id'], M.duplicateId(n.id), 'invalid_input', { code: 'duplicate', received: JSON.stringify(n.id) });
    ids.add(n.id);
    // Stryker disable next-line EqualityOperator: when d equals depth, setting depth to d changes nothing
    if (d > depth) depth = d;
    const kids = n.children ?? [];
    if (kids.length === 0) {
      leaves++;
      if (n.weight === undefined && d > 0) issues.add([...stack, 'weight'], M.leafWeight(), 'invalid_input', { code: 'required', expected: 'a number' });
    }
    for (let i = 0; i < kids.length; i++) {
      stack.push('children', i);
      scan(kids[i]!, d + 1);
      stack.length -= 2;
    }
  };
  scan(root, 0);
  issues.throwIfAny();
  return { ids, leaves, depth };
}

/** The path of a node, found again only for an error message. */
function pathOf(root: TargetTreeNodeParsed, target: TargetTreeNodeParsed): IssuePath {
  const find = (n: TargetTreeNodeParsed, path: IssuePath): IssuePath | null => {
    if (n === target) return path;
    const kids = n.children ?? [];
    for (let i = 0; i < kids.length; i++) {
      const r = find(kids[i]!, [...path, 'children', i]);
      if (r !== null) return r;
    }
    return null;
  };
  return find(root, ['tree'])!;
}

/**
 * Cascades a total down a territory tree (region → area → dealer), nested: each node's target is
 * split exactly over its children by weight, with `splitTarget`'s locks, floors and uplift.
 *
 * A node without a weight weighs the sum of its children's. Floors and locks deep in the tree lift
 * their ancestors' floors (an area cannot get less than its dealers' floors), so an infeasible
 * floor is reported at the level where it cannot hold, with the shortfall. `uplift` is one factor
 * for every level or a list from the top; each level's over-assignment is its parent's
 * (over-)assigned target × the factor, split in proportion to the exact targets. A tree that
 * contains itself is refused with the issue code `cycle`.
 *
 * @param tree - The territory tree `{ id, weight?, children? }`.
 * @param total - The total at the root.
 * @param options - `rounding` (scale 0 by default), `locks`, `floors`, `uplift`, as for `splitTarget`.
 * @example
 * ```ts
 * const tree = { id: 'brand', children: [
 *   { id: 'north', children: [{ id: 'D01', weight: 120 }, { id: 'D02', weight: 80 }] },
 *   { id: 'south', children: [{ id: 'D03', weight: 100 }] },
 * ] };
 * const h = cascadeHierarchy(tree, 1000);
 * h.root.children.map((r) => [r.id, r.weight.toString(), r.target.toString(), r.children.map((d) => d.target.toString())]);
 * //=> [['north', '200', '667', ['400', '267']], ['south', '100', '333', ['333']]]
 * ```
 */
export function cascadeHierarchy(tree: TargetTreeNode, total: DecimalInput, options?: SplitTargetOptions): TargetHierarchy {
  try {
    checkTreeShape(tree);
    const root = parseWith(treeNodeShape, tree, ['tree']);
    const t = parseWith(nonNegativeDecimalSchema, total, ['total']);
    const { ids, leaves, depth } = scanTree(root);
    if ((root.children ?? []).length === 0) invalid(['tree', 'children'], M.noChildren(), { code: 'too_short', limit: '1' });
    const opts = parseSplitOptions(options, ids);
    const scale = opts.scale;
    if (opts.locks.has(root.id)) invalid(['options', 'locks', root.id], M.lockRoot());
    const uplifts: Decimal[] | null =
      opts.uplift === undefined ? null : Array.isArray(opts.uplift) ? opts.uplift : Array.from({ length: depth }, () => opts.uplift as Decimal);
    if (uplifts !== null && uplifts.length > depth) {
      invalid(['options', 'uplift'], M.upliftLevels(uplifts.length, depth), { code: 'too_long', limit: String(depth) });
    }
    const fmt = unitFormatter(scale);
    const big = (u: Units): bigint => BigInt(u);

    // Stryker disable next-line ConditionalExpression,EqualityOperator: constrained only picks the shortcut, which returns what the full path gives without locks or floors
    const constrained = opts.locks.size + opts.floors.size > 0;
    const NONE = BigInt(0);
    const prepare = (n: TargetTreeNodeParsed): Prepared => {
      const kids = n.children ?? [];
      // Stryker disable next-line ArrayDeclaration: every index 0 to kids.length - 1 is written in order on the next line; the presized array only saves growing it
      const children = new Array<Prepared>(kids.length);
      for (let i = 0; i < kids.length; i++) children[i] = prepare(kids[i]!);
      let weight = n.weight;
      if (weight === undefined) {
        weight = ZERO;
        for (const c of children) weight = weight.plus(c.weight);
      }
      // Stryker disable next-line ConditionalExpression: without locks or floors the full path finds no lock, no floor and a least of 0, as the shortcut returns
      if (!constrained) return { node: n, weight, lock: null, ownFloor: null, least: NONE, children };
      const lockAmount = opts.locks.get(n.id);
      const floorAmount = opts.floors.get(n.id);
      const lock = lockAmount === undefined ? null : unitsOf(lockAmount, scale, ['options', 'locks', n.id], opts.scaleDefaulted);
      const ownFloor = floorAmount === undefined ? null : unitsOf(floorAmount, scale, ['options', 'floors', n.id], opts.scaleDefaulted);
      let need = NONE;
      for (const c of children) need += c.least;
      if (lock !== null && big(lock) < need) {
        fail('infeasible', ['options', 'locks', n.id], M.lockBelowNeed(fmt(need), fmt(need - big(lock))), { limit: fmt(need) });
      }
      const own = ownFloor === null ? NONE : big(ownFloor);
      // Stryker disable next-line EqualityOperator: when own equals need either branch gives the same least
      const least = lock !== null ? big(lock) : own > need ? own : need;
      return { node: n, weight, lock, ownFloor, least, children };
    };
    const prepared = prepare(root);
    const units = unitsOf(t, scale, ['total'], opts.scaleDefaulted);
    const steps: TargetSplitStep[] = [];
    const out = (p: Prepared, target: Units, assigned: Units | null, meta: { floor: Units | null; binds: boolean; up: boolean }, d: number): TargetHierarchyNode => {
      let children: TargetHierarchyNode[] = [];
      if (p.children.length > 0) {
        const core = p.children.map((c) => {
          // An unlocked child's floor is the larger of its own and what its subtree needs.
          const floor: Units | null = c.lock === null && c.least > BigInt(0) ? c.least : c.ownFloor;
          return { weight: c.weight, lock: c.lock, floor };
        });
        let split;
        try {
          split = splitCore(target, core, fmt, []);
        } catch (error) {
          throw repath(
            error,
            (q) => (q[0] === 'children' ? [...pathOf(root, p.node), ...q] : ['options', ...q]),
            (m) => M.underNode(p.node.id, fmt(big(target)), m),
          );
        }
        for (const s of splitSteps(p.node.id, p.children.map((c) => c.node.id), core, split, target, scale)) steps.push(s);
        let childAssigned: Units[] | null = null;
        // Stryker disable next-line LogicalOperator,ConditionalExpression: assigned is non-null exactly when uplifts is (the root gets the total only with uplifts, children only from this block)
        if (assigned !== null && uplifts !== null) {
          const factor = uplifts[d] ?? new Decimal(1);
          const from = decimalOfUnits(assigned, scale);
          const handed = roundDecimal(from.times(factor), scale, opts.mode);
          // Stryker disable next-line StringLiteral: the placeholder text is replaced on the next line, before the step is read
          const step: TargetSplitStep = { code: 'uplift', node: p.node.id, amount: from, uplift: factor, assigned: handed, text: '' };
          step.text = splitStepText(step, scale, EN);
          steps.push(step);
          // Stryker disable next-line ArrayDeclaration,StringLiteral: handed is already rounded to the scale, so unitsOf cannot refuse it and this path is never reported
          childAssigned = upliftSplit(unitsOf(handed, scale, ['options', 'uplift']), split.parts, p.children.map((c) => c.weight));
        }
        children = p.children.map((c, i) =>
          out(c, split.parts[i]!, childAssigned === null ? null : childAssigned[i]!, { floor: core[i]!.floor, binds: split.binds[i]!, up: split.up[i]! }, d + 1),
        );
      }
      return {
        id: p.node.id,
        weight: p.weight,
        target: decimalOfUnits(target, scale),
        locked: p.lock !== null,
        floor: meta.floor === null ? null : decimalOfUnits(meta.floor, scale),
        floorBinds: meta.binds,
        roundedUp: meta.up,
        assigned: assigned === null ? null : decimalOfUnits(assigned, scale),
        children,
      };
    };
    const rootNode = out(prepared, units, uplifts === null ? null : units, { floor: null, binds: false, up: false }, 0);
    return {
      total: decimalOfUnits(units, scale),
      rounding: { scale, mode: opts.mode },
      uplift: uplifts === null ? null : Array.from({ length: depth }, (_, i) => uplifts[i] ?? new Decimal(1)),
      root: rootNode,
      leaves,
      steps,
      warnings: opts.warnings,
    };
  } catch (error) {
    throw wrapThrown(error);
  }
}
