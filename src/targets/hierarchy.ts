import { Decimal, ZERO, type DecimalInput } from '../core/decimal.js';
import { IssueCollector, fail, invalid, wrapThrown, type IssuePath } from '../core/errors.js';
import { roundDecimal } from '../core/money.js';
import { nonNegativeDecimalSchema, parseWith } from '../core/schema.js';
import { treeNodeShape, type SplitTargetOptions, type TargetTreeNode, type TargetTreeNodeParsed } from './schema.js';
import { repath } from './repath.js';
import { parseSplitOptions, splitCore, unitFormatter, upliftSplit, type TargetSplitPart } from './split.js';
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
  /** Decimal places of every target. */
  scale: number;
  /** The uplift factor of each level below the root (1 where none), or null without uplift. */
  uplift: Decimal[] | null;
  /** The root node (its target is the total). */
  root: TargetHierarchyNode;
  /** How many leaves (dealers) the tree has. */
  leaves: number;
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

/**
 * Cascades a total down a territory tree (region → area → dealer), nested: each node's target is
 * split exactly over its children by weight, with `splitTarget`'s locks, floors and uplift.
 *
 * A node without a weight weighs the sum of its children's. Floors and locks deep in the tree lift
 * their ancestors' floors (an area cannot get less than its dealers' floors), so an infeasible
 * floor is reported at the level where it cannot hold, with the shortfall. `uplift` is one factor
 * for every level or a list from the top; each level's over-assignment is its parent's
 * (over-)assigned target × the factor, split in proportion to the exact targets.
 *
 * @example
 * ```ts
 * const tree = { id: 'brand', children: [
 *   { id: 'north', children: [{ id: 'D01', weight: 120 }, { id: 'D02', weight: 80 }] },
 *   { id: 'south', children: [{ id: 'D03', weight: 100 }] },
 * ] };
 * const h = cascadeHierarchy(1000, tree, { scale: 0 });
 * h.root.children.map((r) => [r.id, r.weight.toString(), r.target.toString(), r.children.map((d) => d.target.toString())]);
 * //=> [['north', '200', '667', ['400', '267']], ['south', '100', '333', ['333']]]
 * ```
 */
export function cascadeHierarchy(total: DecimalInput, tree: TargetTreeNode, options: SplitTargetOptions): TargetHierarchy {
  try {
    const t = parseWith(nonNegativeDecimalSchema, total, ['total']);
    const root = parseWith(treeNodeShape, tree, ['tree']);
    const issues = new IssueCollector();
    const ids = new Set<string>();
    let leaves = 0;
    let depth = 0;
    // One path stack for the walk: a path is copied only when an issue is reported.
    const stack: (string | number)[] = ['tree'];
    const scan = (n: TargetTreeNodeParsed, d: number) => {
      if (ids.has(n.id)) issues.add([...stack, 'id'], `repeats the id ${JSON.stringify(n.id)}`);
      ids.add(n.id);
      if (d > depth) depth = d;
      const kids = n.children ?? [];
      if (kids.length === 0) {
        leaves++;
        if (n.weight === undefined && d > 0) issues.add([...stack, 'weight'], 'is required on a node without children');
      }
      for (let i = 0; i < kids.length; i++) {
        stack.push('children', i);
        scan(kids[i]!, d + 1);
        stack.length -= 2;
      }
    };
    scan(root, 0);
    issues.throwIfAny();
    if ((root.children ?? []).length === 0) invalid(['tree', 'children'], 'must hold at least one child');
    const opts = parseSplitOptions(options, ids);
    const scale = opts.scale;
    if (opts.locks?.[root.id] !== undefined) invalid(['options', 'locks', root.id], 'cannot lock the root: its target is the total');
    const uplifts: Decimal[] | null =
      opts.uplift === undefined ? null : Array.isArray(opts.uplift) ? opts.uplift : Array.from({ length: depth }, () => opts.uplift as Decimal);
    if (uplifts !== null && uplifts.length > depth) {
      invalid(['options', 'uplift'], `has ${uplifts.length} factors but the tree has ${depth} level${depth === 1 ? '' : 's'} below the root`);
    }
    const fmt = unitFormatter(scale);
    const big = (u: Units): bigint => (typeof u === 'bigint' ? u : BigInt(u));

    const constrained = Object.keys(opts.locks ?? {}).length + Object.keys(opts.floors ?? {}).length > 0;
    const NONE = BigInt(0);
    const prepare = (n: TargetTreeNodeParsed, path: IssuePath): Prepared => {
      const kids = n.children ?? [];
      const children = new Array<Prepared>(kids.length);
      for (let i = 0; i < kids.length; i++) children[i] = prepare(kids[i]!, path);
      let weight = n.weight;
      if (weight === undefined) {
        weight = ZERO;
        for (const c of children) weight = weight.plus(c.weight);
      }
      if (!constrained) return { node: n, weight, lock: null, ownFloor: null, least: NONE, children };
      const lock = opts.locks?.[n.id] === undefined ? null : unitsOf(opts.locks[n.id]!, scale, ['options', 'locks', n.id]);
      const ownFloor = opts.floors?.[n.id] === undefined ? null : unitsOf(opts.floors[n.id]!, scale, ['options', 'floors', n.id]);
      let need = NONE;
      for (const c of children) need += c.least;
      if (lock !== null && big(lock) < need) {
        fail('infeasible', ['options', 'locks', n.id], `is below what its children's locks and floors need (${fmt(need)}) by ${fmt(need - big(lock))}`);
      }
      const own = ownFloor === null ? NONE : big(ownFloor);
      const least = lock !== null ? big(lock) : own > need ? own : need;
      return { node: n, weight, lock, ownFloor, least, children };
    };
    const prepared = prepare(root, []);
    // The path of a node, found again only for an error message.
    const pathOf = (target: TargetTreeNodeParsed): IssuePath => {
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
    };
    const units = unitsOf(t, scale, ['total']);
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
            (q) => (q[0] === 'children' ? [...pathOf(p.node), ...q] : ['options', ...q]),
            (m) => `under ${p.node.id} (target ${fmt(big(target))}): ${m}`,
          );
        }
        let childAssigned: Units[] | null = null;
        if (assigned !== null && uplifts !== null) {
          const factor = uplifts[d] ?? new Decimal(1);
          const handed = roundDecimal(decimalOfUnits(assigned, scale).times(factor), scale, 'half-up');
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
      scale,
      uplift: uplifts === null ? null : Array.from({ length: depth }, (_, i) => uplifts[i] ?? new Decimal(1)),
      root: rootNode,
      leaves,
    };
  } catch (error) {
    throw wrapThrown(error);
  }
}
