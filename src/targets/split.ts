import { Decimal, ZERO, type DecimalInput } from '../core/decimal.js';
import { IssueCollector, fail, invalid, wrapThrown, type IssuePath } from '../core/errors.js';
import { roundDecimal } from '../core/money.js';
import { nonNegativeDecimalSchema, parseWith } from '../core/schema.js';
import * as z from 'zod/mini';
import { childShape, splitOptionsShape, type SplitTargetOptions, type TargetChild } from './schema.js';
import { repath } from './repath.js';
import { apportion, decimalOfUnits, intWeights, unitsOf, type Units } from './units.js';

/** One child of a {@link TargetSplit}. */
export interface TargetSplitPart {
  /** The child's id. */
  id: string;
  /** Its weight. */
  weight: Decimal;
  /** Its exact target; the parts sum to the total. */
  target: Decimal;
  /** True when the target was locked. */
  locked: boolean;
  /** Its floor (the larger of its own and what its children need, in a hierarchy), or null. */
  floor: Decimal | null;
  /** True when the floor binds: the child's weighted share was below it, so it gets the floor. */
  floorBinds: boolean;
  /** True when the child got one of the leftover units of the weighted split. */
  roundedUp: boolean;
  /** With an uplift: the over-assigned target handed down (the uplifted total split in proportion to the exact targets); otherwise null. */
  assigned: Decimal | null;
}

/** The result of `splitTarget`. */
export interface TargetSplit {
  /** The total split. */
  total: Decimal;
  /** Decimal places of every target. */
  scale: number;
  /** The sum of the locked targets. */
  lockedTotal: Decimal;
  /** The sum of the floors that bind. */
  flooredTotal: Decimal;
  /** What was spread by weight: total − locks − binding floors. */
  weightedTotal: Decimal;
  /** The sum of the weights of the children spread by weight. */
  weightTotal: Decimal;
  /** The parts, in input order. */
  parts: TargetSplitPart[];
  /** The uplift factor, or null. */
  uplift: Decimal | null;
  /** total × uplift, rounded half-up to the scale; null without an uplift. */
  assignedTotal: Decimal | null;
}

interface CoreChild {
  weight: Decimal;
  lock: Units | null;
  floor: Units | null;
}

/** The exact split in units, with locks and floors. @internal */
export interface CoreSplit {
  parts: Units[];
  up: boolean[];
  binds: boolean[];
  lockedUnits: bigint;
  flooredUnits: bigint;
  weightTotal: Decimal;
}

const big = (u: Units): bigint => (typeof u === 'bigint' ? u : BigInt(u));

/**
 * Splits `units` over children by weight, honouring locks and floors. `where` prefixes error paths
 * (`['locks']`, `['floors']`), `fmt` prints an amount of units for messages. @internal
 */
export function splitCore(units: Units, children: readonly CoreChild[], fmt: (u: bigint) => string, where: IssuePath): CoreSplit {
  const n = children.length;
  const total = big(units);
  let lockedUnits = BigInt(0);
  for (const c of children) if (c.lock !== null) lockedUnits += big(c.lock);
  if (lockedUnits > total) {
    fail('infeasible', [...where, 'locks'], `sum to ${fmt(lockedUnits)}, above the total of ${fmt(total)} by ${fmt(lockedUnits - total)}`);
  }
  const rest0 = total - lockedUnits;
  const free: number[] = [];
  for (let i = 0; i < n; i++) if (children[i]!.lock === null) free.push(i);
  if (free.length === 0 && rest0 > BigInt(0)) {
    fail('infeasible', [...where, 'locks'], `lock every child and sum to ${fmt(lockedUnits)}, short of the total of ${fmt(total)} by ${fmt(rest0)}`);
  }
  let floorSum = BigInt(0);
  for (const i of free) if (children[i]!.floor !== null) floorSum += big(children[i]!.floor!);
  if (floorSum > rest0) {
    const left = lockedUnits > BigInt(0) ? `the ${fmt(rest0)} left after locks` : `the total of ${fmt(total)}`;
    fail('infeasible', [...where, 'floors'], `sum to ${fmt(floorSum)}, above ${left} by ${fmt(floorSum - rest0)}`);
  }
  const weights = children.map((c) => c.weight);
  const binds = new Array<boolean>(n).fill(false);
  let active = free;
  let rest = rest0;
  let flooredUnits = BigInt(0);
  // A floor binds when the child's exact share of what is left is below it; binding floors are
  // fixed and the rest re-spread by weight over the others, until no new floor binds.
  let floored = false;
  for (const i of free) if (children[i]!.floor !== null) floored = true;
  while (floored) {
    let wSum = ZERO;
    for (const i of active) wSum = wSum.plus(weights[i]!);
    const newly: number[] = [];
    for (const i of active) {
      const f = children[i]!.floor;
      if (f === null || big(f) === BigInt(0)) continue;
      if (wSum.isZero() || new Decimal(big(f).toString()).times(wSum).gt(weights[i]!.times(rest.toString()))) newly.push(i);
    }
    if (newly.length === 0) break;
    for (const i of newly) {
      binds[i] = true;
      rest -= big(children[i]!.floor!);
      flooredUnits += big(children[i]!.floor!);
    }
    active = active.filter((i) => !binds[i]);
  }
  const parts: Units[] = new Array<Units>(n);
  const up = new Array<boolean>(n).fill(false);
  for (let i = 0; i < n; i++) {
    const c = children[i]!;
    if (c.lock !== null) parts[i] = c.lock;
    else if (binds[i]) parts[i] = c.floor!;
  }
  let weightTotal = ZERO;
  for (const i of active) weightTotal = weightTotal.plus(weights[i]!);
  if (active.length > 0) {
    if (weightTotal.isZero()) {
      if (rest > BigInt(0)) {
        fail('infeasible', [...where, 'children'], `the weights of the children left to spread over are all zero, so nothing carries the remaining ${fmt(rest)}`);
      }
      for (const i of active) parts[i] = 0;
    } else {
      const restUnits: Units = rest <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(rest) : rest;
      const a = apportion(restUnits, intWeights(active.map((i) => weights[i]!)));
      active.forEach((i, k) => {
        parts[i] = a.parts[k]!;
        up[i] = a.up[k]!;
      });
    }
  }
  return { parts, up, binds, lockedUnits, flooredUnits, weightTotal };
}

/** Splits an uplifted total over exact targets (zero targets: by weight). @internal */
export function upliftSplit(assignedUnits: Units, targets: readonly Units[], weights: readonly Decimal[]): Units[] {
  const t = targets.map((u) => new Decimal(big(u).toString()));
  const basis = t.every((d) => d.isZero()) ? weights : t;
  if (basis.every((d) => d.isZero())) return targets.map(() => 0);
  return apportion(assignedUnits, intWeights(basis)).parts;
}

interface ParsedOptions {
  scale: number;
  locks?: Record<string, Decimal> | undefined;
  floors?: Record<string, Decimal> | undefined;
  uplift?: Decimal | Decimal[] | undefined;
}

/** Parses options and checks that lock and floor ids exist and agree. @internal */
export function parseSplitOptions(options: unknown, ids: ReadonlySet<string>): ParsedOptions {
  const opts = parseWith(splitOptionsShape, options, ['options']);
  const issues = new IssueCollector();
  for (const key of ['locks', 'floors'] as const) {
    for (const id of Object.keys(opts[key] ?? {})) {
      if (!ids.has(id)) issues.add(['options', key, id], 'is not a child id', 'unknown_label');
    }
  }
  for (const [id, lock] of Object.entries(opts.locks ?? {})) {
    const floor = opts.floors?.[id];
    if (floor !== undefined && lock.lt(floor)) {
      issues.add(['options', 'locks', id], `is below its floor of ${floor.toString()} by ${floor.minus(lock).toString()}`, 'infeasible');
    }
  }
  issues.throwIfAny();
  return opts;
}

/** Formats units of 10^-scale as a plain decimal. @internal */
export function unitFormatter(scale: number): (u: bigint) => string {
  return (u) => decimalOfUnits(u, scale).toFixed(scale);
}

/**
 * Splits a total over children by weight, exactly (largest remainder), with locked children,
 * floors and an optional uplift.
 *
 * A locked child keeps its value and the rest is spread over the others. A floor that does not
 * bind changes nothing; one that binds (the child's weighted share is below it) gives the child
 * its floor and takes the units from the others in proportion to their weights. Locks above the
 * total and floors that cannot all hold are `infeasible` errors that say by how much. An uplift
 * (`1.1`) reports, beside the exact split, the over-assignment: total × uplift split in
 * proportion to the exact targets.
 *
 * @example
 * ```ts
 * const s = splitTarget(100, [{ id: 'a', weight: 5 }, { id: 'b', weight: 3 }, { id: 'c', weight: 2 }], { scale: 0, floors: { c: 30 } });
 * s.parts.map((p) => `${p.id} ${p.target}${p.floorBinds ? ' (floor)' : ''}`);
 * //=> ['a 44', 'b 26', 'c 30 (floor)']
 * ```
 */
export function splitTarget(total: DecimalInput, children: readonly TargetChild[], options: SplitTargetOptions): TargetSplit {
  try {
    const t = parseWith(nonNegativeDecimalSchema, total, ['total']);
    const kids = parseWith(z.array(childShape).check(z.minLength(1)), children, ['children']);
    const issues = new IssueCollector();
    const seen = new Set<string>();
    kids.forEach((c, i) => {
      if (seen.has(c.id)) issues.add(['children', i, 'id'], `repeats the id ${JSON.stringify(c.id)}`);
      seen.add(c.id);
    });
    issues.throwIfAny();
    const opts = parseSplitOptions(options, seen);
    if (Array.isArray(opts.uplift)) invalid(['options', 'uplift'], 'must be one factor for splitTarget (a list of factors per level is for cascadeHierarchy)');
    const scale = opts.scale;
    const units = unitsOf(t, scale, ['total']);
    const core: CoreChild[] = kids.map((c) => ({
      weight: c.weight,
      lock: opts.locks?.[c.id] === undefined ? null : unitsOf(opts.locks[c.id]!, scale, ['options', 'locks', c.id]),
      floor: opts.floors?.[c.id] === undefined ? null : unitsOf(opts.floors[c.id]!, scale, ['options', 'floors', c.id]),
    }));
    const fmt = unitFormatter(scale);
    let split: CoreSplit;
    try {
      split = splitCore(units, core, fmt, []);
    } catch (error) {
      throw repath(error, (q) => (q[0] === 'children' ? q : ['options', ...q]));
    }
    const uplift = (opts.uplift as Decimal | undefined) ?? null;
    let assigned: Units[] | null = null;
    let assignedTotal: Decimal | null = null;
    if (uplift !== null) {
      assignedTotal = roundDecimal(t.times(uplift), scale, 'half-up');
      assigned = upliftSplit(unitsOf(assignedTotal, scale, ['total']), split.parts, kids.map((c) => c.weight));
    }
    return {
      total: decimalOfUnits(units, scale),
      scale,
      lockedTotal: decimalOfUnits(split.lockedUnits, scale),
      flooredTotal: decimalOfUnits(split.flooredUnits, scale),
      weightedTotal: decimalOfUnits(big(units) - split.lockedUnits - split.flooredUnits, scale),
      weightTotal: split.weightTotal,
      parts: kids.map((c, i) => ({
        id: c.id,
        weight: c.weight,
        target: decimalOfUnits(split.parts[i]!, scale),
        locked: core[i]!.lock !== null,
        floor: core[i]!.floor === null ? null : decimalOfUnits(core[i]!.floor!, scale),
        floorBinds: split.binds[i]!,
        roundedUp: split.up[i]!,
        assigned: assigned === null ? null : decimalOfUnits(assigned[i]!, scale),
      })),
      uplift,
      assignedTotal,
    };
  } catch (error) {
    throw wrapThrown(error);
  }
}
