import { Decimal, ZERO, type DecimalInput } from '../core/decimal.js';
import { IssueCollector, fail, invalid, wrapThrown, type IssuePath } from '../core/errors.js';
import { roundDecimal, type RoundingMode } from '../core/money.js';
import { nonNegativeDecimalSchema, parseWith } from '../core/schema.js';
import type { Warning } from '../core/result.js';
import * as z from 'zod/mini';
import { TARGETS_MESSAGES as M, TARGETS_WARNINGS as W } from './messages.js';
import { ownEntries, parseTargets } from './own.js';
import { childShape, splitOptionsShape, type SplitTargetOptions, type TargetChild } from './schema.js';
import { repath } from './repath.js';
import type { TargetSplitStep } from './steps.js';
import { EN, splitStepText } from './text.js';
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
  /** Decimal places of every target, and the mode the uplifted total was rounded with. */
  rounding: {
    /** Decimal places of every target. */
    scale: number;
    /** How the uplifted total is rounded. */
    mode: RoundingMode;
  };
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
  /** total × uplift, rounded to the scale; null without an uplift. */
  assignedTotal: Decimal | null;
  /** How the parts were reached: locks, binding floors, the weighted split, the uplift. */
  steps: TargetSplitStep[];
  /** What to look at: an uplift that looks like a percentage. */
  warnings: Warning[];
}

/** One child as the split core reads it. @internal */
export interface CoreChild {
  weight: Decimal;
  lock: Units | null;
  floor: Units | null;
}

/** The exact split in units, with locks and floors. @internal */
export interface CoreSplit {
  parts: Units[];
  up: boolean[];
  binds: boolean[];
  /** The children spread by weight (neither locked nor at a binding floor). */
  active: number[];
  lockedUnits: bigint;
  flooredUnits: bigint;
  weightTotal: Decimal;
}

// Stryker disable next-line ConditionalExpression,StringLiteral: BigInt of a bigint is that bigint, so the typeof test only saves a call
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
    fail('infeasible', [...where, 'locks'], M.locksAbove(fmt(lockedUnits), fmt(total), fmt(lockedUnits - total)), { limit: fmt(total) });
  }
  const rest0 = total - lockedUnits;
  const free: number[] = [];
  for (let i = 0; i < n; i++) if (children[i]!.lock === null) free.push(i);
  if (free.length === 0 && rest0 > BigInt(0)) {
    fail('infeasible', [...where, 'locks'], M.locksShort(fmt(lockedUnits), fmt(total), fmt(rest0)), { limit: fmt(total) });
  }
  let floorSum = BigInt(0);
  for (const i of free) if (children[i]!.floor !== null) floorSum += big(children[i]!.floor!);
  if (floorSum > rest0) {
    const left = lockedUnits > BigInt(0) ? M.leftAfterLocks(fmt(rest0)) : M.theTotal(fmt(total));
    fail('infeasible', [...where, 'floors'], M.floorsAbove(fmt(floorSum), left, fmt(floorSum - rest0)), { limit: fmt(rest0) });
  }
  const weights = children.map((c) => c.weight);
  const binds = new Array<boolean>(n).fill(false);
  let active = free;
  let rest = rest0;
  let flooredUnits = BigInt(0);
  // A floor binds when the child's exact share of what is left is below it; binding floors are
  // fixed and the rest re-spread by weight over the others, until no new floor binds.
  // Stryker disable next-line BooleanLiteral: with no floor among the free children the loop's one pass finds none binding and breaks, so starting it changes nothing
  let floored = false;
  // Stryker disable next-line ConditionalExpression: as above, a pass without floors binds nothing
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
  // Stryker disable next-line ArrayDeclaration: every index is assigned below (locked, at its floor, or spread by weight), so the preset length changes nothing
  const parts: Units[] = new Array<Units>(n);
  const up = new Array<boolean>(n).fill(false);
  for (let i = 0; i < n; i++) {
    const c = children[i]!;
    if (c.lock !== null) parts[i] = c.lock;
    // Stryker disable next-line ConditionalExpression: a free child whose floor does not bind is active, and the spread below overwrites its part
    else if (binds[i]) parts[i] = c.floor!;
  }
  let weightTotal = ZERO;
  for (const i of active) weightTotal = weightTotal.plus(weights[i]!);
  // No child left to spread over (every one locked or at a binding floor) counts as zero weight:
  // units left over then have nothing to carry them.
  if (weightTotal.isZero()) {
    if (rest > BigInt(0)) fail('infeasible', [...where, 'children'], M.zeroWeights(fmt(rest)));
    for (const i of active) parts[i] = 0;
  } else {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: apportion turns a number into a BigInt itself and hands safe parts back as numbers, so the split and its flags are the same either way
    const restUnits: Units = rest <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(rest) : rest;
    const a = apportion(restUnits, intWeights(active.map((i) => weights[i]!)));
    active.forEach((i, k) => {
      parts[i] = a.parts[k]!;
      up[i] = a.up[k]!;
    });
  }
  return { parts, up, binds, active, lockedUnits, flooredUnits, weightTotal };
}

/** The steps of one split: its locks, its binding floors and its weighted split. @internal */
export function splitSteps(
  node: string | null,
  ids: readonly string[],
  children: readonly CoreChild[],
  split: CoreSplit,
  units: Units,
  scale: number,
): TargetSplitStep[] {
  const out: TargetSplitStep[] = [];
  const dec = (u: Units | bigint) => decimalOfUnits(u, scale);
  const total = big(units);
  const locked: { id: string; target: Decimal }[] = [];
  const floored: { id: string; floor: Decimal }[] = [];
  for (let i = 0; i < children.length; i++) {
    const c = children[i]!;
    if (c.lock !== null) locked.push({ id: ids[i]!, target: dec(c.lock) });
    else if (split.binds[i]) floored.push({ id: ids[i]!, floor: dec(c.floor!) });
  }
  if (locked.length > 0) {
    // Stryker disable next-line StringLiteral: the empty text is a placeholder that splitStepText writes over below (the step's code literal on this line is checked by the types and by tests)
    out.push({ code: 'locks', node, amount: dec(total), locked, lockedTotal: dec(split.lockedUnits), rest: dec(total - split.lockedUnits), text: '' });
  }
  const weighted = total - split.lockedUnits - split.flooredUnits;
  // Stryker disable next-line StringLiteral: the empty text is a placeholder that splitStepText writes over below (the step's code literal on this line is checked by the types and by tests)
  if (floored.length > 0) out.push({ code: 'floors', node, floored, flooredTotal: dec(split.flooredUnits), rest: dec(weighted), text: '' });
  // No child spread by weight leaves the weight total at zero, so this also covers an empty split.
  if (!split.weightTotal.isZero()) {
    const roundedUp: string[] = [];
    for (const i of split.active) if (split.up[i]) roundedUp.push(ids[i]!);
    out.push({
      code: 'weighted-split',
      node,
      amount: dec(weighted),
      count: split.active.length,
      weightTotal: split.weightTotal,
      leftover: roundedUp.length,
      roundedUp,
      // Stryker disable next-line StringLiteral: the empty text is a placeholder that splitStepText writes over below (the step's code literal on this line is checked by the types and by tests)
      text: '',
    });
  }
  for (const s of out) s.text = splitStepText(s, scale, EN);
  return out;
}

/** Splits an uplifted total over exact targets (zero targets: by weight). @internal */
export function upliftSplit(assignedUnits: Units, targets: readonly Units[], weights: readonly Decimal[]): Units[] {
  const t = targets.map((u) => new Decimal(big(u).toString()));
  // Stryker disable next-line ArrowFunction: targets are all zero only when the amount handed down is 0 (a zero total, or a zero share, which largest remainder never rounds up), and 0 splits to zeros on any basis
  const basis = t.every((d) => d.isZero()) ? weights : t;
  if (basis.every((d) => d.isZero())) return targets.map(() => 0);
  return apportion(assignedUnits, intWeights(basis)).parts;
}

/** Validated split options, with locks and floors as own-key maps. @internal */
export interface ParsedSplitOptions {
  scale: number;
  /** True when no rounding.scale was given. */
  scaleDefaulted: boolean;
  mode: RoundingMode;
  locks: Map<string, Decimal>;
  floors: Map<string, Decimal>;
  uplift: Decimal | Decimal[] | undefined;
  warnings: Warning[];
}

/** Parses options and checks that lock and floor ids exist and agree. @internal */
export function parseSplitOptions(options: unknown, ids: ReadonlySet<string>): ParsedSplitOptions {
  const opts = parseTargets(splitOptionsShape, options ?? {}, ['options']);
  const raw = (options ?? {}) as { locks?: unknown; floors?: unknown };
  const locks = ownEntries(raw.locks, opts.locks, nonNegativeDecimalSchema, ['options', 'locks']);
  const floors = ownEntries(raw.floors, opts.floors, nonNegativeDecimalSchema, ['options', 'floors']);
  const issues = new IssueCollector();
  for (const [key, map] of [['locks', locks], ['floors', floors]] as const) {
    for (const id of map.keys()) {
      if (!ids.has(id)) issues.add(['options', key, id], M.notAChild(), 'unknown_label', { received: JSON.stringify(id) });
    }
  }
  for (const [id, lock] of locks) {
    const floor = floors.get(id);
    if (floor !== undefined && lock.lt(floor)) issues.add(['options', 'locks', id], M.lockBelowFloor(floor.toString(), floor.minus(lock).toString()), 'infeasible', { limit: floor.toString() });
  }
  issues.throwIfAny();
  const warnings: Warning[] = [];
  const uplifts = opts.uplift === undefined ? [] : Array.isArray(opts.uplift) ? opts.uplift : [opts.uplift];
  uplifts.forEach((u, i) => {
    if (u.gt(2)) {
      warnings.push({
        code: 'percent-like-factor',
        message: W.percentLikeFactor('an uplift', u.toFixed()),
        path: Array.isArray(opts.uplift) ? ['options', 'uplift', i] : ['options', 'uplift'],
      });
    }
  });
  return { scale: opts.rounding?.scale ?? 0, scaleDefaulted: opts.rounding?.scale === undefined, mode: opts.rounding?.mode ?? 'half-up', locks, floors, uplift: opts.uplift, warnings };
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
 * proportion to the exact targets. `rounding.scale` (0 by default) is the decimal places of every
 * target; `rounding.mode` (half-up by default) rounds the uplifted total.
 *
 * @param children - The children and their weights (market potential, last year's sales).
 * @param total - What is split.
 * @param options - `rounding`, `locks`, `floors`, `uplift`.
 * @example
 * ```ts
 * const s = splitTarget([{ id: 'a', weight: 5 }, { id: 'b', weight: 3 }, { id: 'c', weight: 2 }], 100, { floors: { c: 30 } });
 * s.parts.map((p) => `${p.id} ${p.target}${p.floorBinds ? ' (floor)' : ''}`);
 * //=> ['a 44', 'b 26', 'c 30 (floor)']
 * s.steps.map((step) => step.text);
 * //=> ['c gets its floor of 30 (the weighted share is below it); 70 left to spread by weight.', '70 over 2 children by weight (8 in all): each gets 70 × its weight / 8, rounded down to whole units; the leftover 1 goes to a.']
 * ```
 */
export function splitTarget(children: readonly TargetChild[], total: DecimalInput, options?: SplitTargetOptions): TargetSplit {
  try {
    const kids = parseWith(z.array(childShape).check(z.minLength(1)), children, ['children']);
    const t = parseWith(nonNegativeDecimalSchema, total, ['total']);
    const issues = new IssueCollector();
    const seen = new Map<string, number>();
    kids.forEach((c, i) => {
      if (seen.has(c.id)) issues.add(['children', i, 'id'], M.duplicateId(c.id), 'invalid_input', { code: 'duplicate', received: JSON.stringify(c.id) });
      else seen.set(c.id, i);
    });
    issues.throwIfAny();
    const opts = parseSplitOptions(options, new Set(seen.keys()));
    if (Array.isArray(opts.uplift)) invalid(['options', 'uplift'], M.oneUplift(), { code: 'invalid_type', expected: 'one factor' });
    const scale = opts.scale;
    const units = unitsOf(t, scale, ['total'], opts.scaleDefaulted);
    const lockOf = (id: string) => opts.locks.get(id);
    const floorOf = (id: string) => opts.floors.get(id);
    const core: CoreChild[] = kids.map((c) => {
      const lock = lockOf(c.id);
      const floor = floorOf(c.id);
      return {
        weight: c.weight,
        lock: lock === undefined ? null : unitsOf(lock, scale, ['options', 'locks', c.id], opts.scaleDefaulted),
        floor: floor === undefined ? null : unitsOf(floor, scale, ['options', 'floors', c.id], opts.scaleDefaulted),
      };
    });
    const fmt = unitFormatter(scale);
    let split: CoreSplit;
    try {
      split = splitCore(units, core, fmt, []);
    } catch (error) {
      throw repath(error, (q) => (q[0] === 'children' ? q : ['options', ...q]));
    }
    const ids = kids.map((c) => c.id);
    const steps = splitSteps(null, ids, core, split, units, scale);
    const uplift = (opts.uplift as Decimal | undefined) ?? null;
    let assigned: Units[] | null = null;
    let assignedTotal: Decimal | null = null;
    if (uplift !== null) {
      assignedTotal = roundDecimal(t.times(uplift), scale, opts.mode);
      // Stryker disable next-line ArrayDeclaration,StringLiteral: assignedTotal was just rounded to the scale, so unitsOf never refuses it and its path is never shown
      assigned = upliftSplit(unitsOf(assignedTotal, scale, ['total']), split.parts, kids.map((c) => c.weight));
      // Stryker disable next-line StringLiteral: the empty text is a placeholder that splitStepText writes over below (the step's code literal on this line is checked by the types and by tests)
      const step: TargetSplitStep = { code: 'uplift', node: null, amount: decimalOfUnits(units, scale), uplift, assigned: assignedTotal, text: '' };
      step.text = splitStepText(step, scale, EN);
      steps.push(step);
    }
    return {
      total: decimalOfUnits(units, scale),
      rounding: { scale, mode: opts.mode },
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
      steps,
      warnings: opts.warnings,
    };
  } catch (error) {
    throw wrapThrown(error);
  }
}
