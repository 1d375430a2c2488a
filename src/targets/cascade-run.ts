// Running a compiled cascade: every split of the amount down the levels, exact to the unit, with
// the steps that explain it.
import { Decimal, ZERO } from '../core/decimal.js';
import { type IssuePath } from '../core/errors.js';
import type { Warning } from '../core/result.js';
import { TARGETS_WARNINGS as W } from './messages.js';
import type { TargetCascadeSplitStep, TargetCascadeStep } from './steps.js';
import { EN, cascadeStepText, splitSentence, unitsText } from './text.js';
import { apportion, decimalOfUnits, unitsOf, type Units } from './units.js';
import { apportionScaled } from '../core/scaled.js';
import { type Slot, type Group, type CascadePlan, type TargetPeriod, type TargetCascade, type TargetCascadeDifference } from './cascade-types.js';

function outputNode(plan: CascadePlan, slot: Slot, target: Decimal, up: boolean, children: TargetPeriod[]): TargetPeriod {
  const node: TargetPeriod = {
    period: slot.id,
    kind: slot.kind,
    start: plan.dates[slot.from]!,
    end: plan.dates[slot.to]!,
    days: slot.days,
    workdays: slot.workdays,
    weight: slot.weight,
    weightTotal: slot.weightTotal,
    basis: slot.basis,
    roundedUp: up,
    target,
    children,
  };
  if (slot.week !== null) node.week = { ...slot.week };
  return node;
}

/** The step of one split, its sentence built from units (the same text `cascadeStepText` gives). */
function splitStep(plan: CascadePlan, group: Group, period: string, units: Units, amount: Decimal, each: Decimal | null, leftover: number, roundedUp: string[]): TargetCascadeSplitStep {
  let eachText: string | null = null;
  // Stryker disable next-line StringLiteral: eachPlus is only printed with a leftover, and then it is set below
  let eachPlus = '';
  if (group.even) {
    const n = group.slots.length;
    const floor: Units = typeof units === 'number' ? Math.floor(units / n) : units / BigInt(n);
    eachText = unitsText(floor, plan.scale, EN);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: splitSentence prints eachPlus only when there is a leftover
    if (leftover > 0) eachPlus = unitsText(typeof floor === 'number' ? floor + 1 : floor + BigInt(1), plan.scale, EN);
  }
  return {
    code: 'split',
    period,
    kind: group.kind,
    amount,
    count: group.slots.length,
    basis: group.basis,
    weightTotal: group.weightTotal,
    each: group.even ? each : null,
    leftover,
    roundedUp,
    text: splitSentence({
      prefix: `${period}: `,
      amount: unitsText(units, plan.scale, EN),
      count: group.slots.length,
      noun: group.noun,
      by: group.by,
      weightWord: group.weightWord,
      weightTotal: group.weightTotalText,
      each: eachText,
      eachPlus,
      unit: plan.unitText,
      leftover,
      roundedUp,
    }),
  };
}

// The last level's periods share one frozen empty list of children: a cascade of 10,000 dealers
// has half a million of them, and an empty list per period was a good part of its garbage.
const NO_CHILDREN: TargetPeriod[] = Object.freeze([]) as unknown as TargetPeriod[];

/** The last two targets built at one depth: siblings and cousins of equal weight (the weeks of every
 * month of a year split by days) get one of a few amounts, and share their immutable Decimals. */
interface Recent {
  aUnits: Units;
  aDec: Decimal;
  bUnits: Units;
  bDec: Decimal;
  /** The parts of this depth's split being walked (each depth's split is read while deeper ones run). */
  parts: number[];
}

function nestedNodes(plan: CascadePlan, parent: Slot, units: Units, amount: Decimal, steps: TargetCascadeStep[] | null, recent: Recent[], depth: number): TargetPeriod[] {
  const group = parent.childGroup!;
  // The common small split in plain numbers (core/scaled), else the general one (bigints past 2^53).
  const ints = group.ints.ints;
  const r = recent[depth]!;
  // Stryker disable next-line StringLiteral: the general split that a failed typeof sends every total to gives the same parts and flags
  const small = typeof units === 'number' && ints !== null ? apportionScaled(units, ints, group.ints.sum, r.parts) : null;
  // Stryker disable next-line ConditionalExpression: the general split is only read when small is null, so computing it anyway changes nothing
  const general = small === null ? apportion(units, group.ints) : null;
  const n = group.slots.length;
  // Stryker disable next-line ArrayDeclaration: the loop below fills every index from 0 to n − 1
  const out = new Array<TargetPeriod>(n);
  // The split's step comes before its children's: keep its place, fill it once the parts are known.
  // Stryker disable next-line UnaryOperator: at is set before use whenever steps are kept, and unused otherwise
  let at = -1;
  let roundedUpIds: string[] | null = null;
  if (steps !== null) {
    for (const note of group.weightSteps) steps.push({ ...note });
    at = steps.length;
    steps.push(undefined as unknown as TargetCascadeStep);
    roundedUpIds = [];
  }
  let each: Decimal | null = null;
  for (let i = 0; i < n; i++) {
    const slot = group.slots[i]!;
    let u: Units;
    let roundedUp: boolean;
    if (small !== null) {
      u = small[i]!;
      // A leftover unit went to this part when it exceeds its exact share (both products below 2^53).
      roundedUp = u * group.ints.sum > (units as number) * ints![i]!;
    } else {
      u = general!.parts[i]!;
      roundedUp = general!.up[i]!;
    }
    let target: Decimal;
    // Stryker disable next-line ConditionalExpression: a cache of the last Decimals built; a miss builds an equal Decimal
    if (u === r.aUnits) target = r.aDec;
    // Stryker disable next-line ConditionalExpression: a cache of the last Decimals built; a miss builds an equal Decimal
    else if (u === r.bUnits) target = r.bDec;
    else {
      target = decimalOfUnits(u, plan.scale);
      r.bUnits = r.aUnits;
      r.bDec = r.aDec;
      r.aUnits = u;
      r.aDec = target;
    }
    if (roundedUpIds !== null) {
      if (roundedUp) roundedUpIds.push(slot.id);
      // Stryker disable next-line ConditionalExpression: each is only used for an even split, whose parts that got no leftover unit are all equal
      else if (each === null) each = target;
    }
    out[i] = outputNode(plan, slot, target, roundedUp, slot.childGroup === null ? NO_CHILDREN : nestedNodes(plan, slot, u, target, steps, recent, depth + 1));
  }
  if (steps !== null) steps[at] = splitStep(plan, group, parent.id, units, amount, each, roundedUpIds!.length, roundedUpIds!);
  return out;
}

/** Runs a compiled cascade for one validated total; `summary` leaves out its steps (the figures stay). @internal */
export function runCascade(plan: CascadePlan, total: Decimal, totalPath: IssuePath, summary = false): TargetCascade {
  return cascadeUnits(plan, unitsOf(total, plan.scale, totalPath, plan.scaleDefaulted), summary);
}

/** Runs a compiled cascade for a total in units of 10^-scale. @internal */
export function cascadeUnits(plan: CascadePlan, units: Units, summary: boolean): TargetCascade {
  const totalDecimal = decimalOfUnits(units, plan.scale);
  const spanLen = plan.dates.length;
  const levels = [...plan.levels];
  const steps: TargetCascadeStep[] = [];
  if (!summary) {
    steps.push({
      code: 'cascade',
      period: plan.calendar.period,
      total: totalDecimal,
      system: plan.calendar.system,
      start: plan.dates[0]!,
      end: plan.dates[spanLen - 1]!,
      days: spanLen,
      levels,
      path: plan.path,
      text: plan.startParts[0] + unitsText(units, plan.scale, EN) + plan.startParts[1],
    });
    for (const s of plan.headSteps) steps.push({ ...s });
  }
  // Stryker disable next-line ConditionalExpression: mapping an empty list gives an empty list
  const warnings: Warning[] = plan.warnings.length === 0 ? [] : plan.warnings.map((w) => ({ ...w, path: [...(w.path ?? [])] }));
  let periods: TargetPeriod[];
  const differences: TargetCascadeDifference[] = [];
  if (plan.path === 'nested') {
    // Units are never negative here (totals are refused below zero), so -1 matches no part.
    // Stryker disable next-line ObjectLiteral,ArrayDeclaration: a cache and a scratch buffer: with neither, every Decimal is built afresh and apportionScaled makes its own array, and a stale buffer is only read below its length n
    const recent: Recent[] = plan.levels.map(() => ({ aUnits: -1, aDec: ZERO, bUnits: -1, bDec: ZERO, parts: [] }));
    periods = nestedNodes(plan, plan.root, units, totalDecimal, summary ? null : steps, recent, 0);
  } else {
    // Every level from the year: split each level's whole list, then hang children on parents.
    const splits = plan.directGroups.map((group) => apportion(units, group.ints));
    plan.directGroups.forEach((group, d) => {
      if (summary) return;
      for (const note of group.weightSteps) steps.push({ ...note });
      const { parts, up } = splits[d]!;
      const roundedUp = group.slots.filter((_, i) => up[i]).map((s) => s.id);
      const plainIndex = up.indexOf(false);
      // Stryker disable next-line ConditionalExpression: a largest-remainder split gives fewer leftover units than parts, so some part is never rounded up and plainIndex is at least 0
      const each = plainIndex < 0 ? null : decimalOfUnits(parts[plainIndex]!, plan.scale);
      steps.push(splitStep(plan, group, plan.calendar.period, units, totalDecimal, each, roundedUp.length, roundedUp));
    });
    const made = new Map<Slot, TargetPeriod>();
    for (let d = plan.byDepth.length - 1; d >= 0; d--) {
      const group = plan.directGroups[d]!;
      const { parts, up } = splits[d]!;
      // Stryker disable next-line ConditionalExpression: a leaf's children are an empty list either way (the shared frozen one only saves garbage)
      group.slots.forEach((slot, i) => made.set(slot, outputNode(plan, slot, decimalOfUnits(parts[i]!, plan.scale), up[i]!, slot.children.length === 0 ? NO_CHILDREN : slot.children.map((c) => made.get(c)!))));
    }
    periods = plan.root.children.map((c) => made.get(c)!);
    const walk = (list: TargetPeriod[]) => {
      for (const p of list) {
        if (p.children.length === 0) continue;
        const sum = p.children.reduce((a, c) => a.plus(c.target), ZERO);
        const difference = sum.minus(p.target);
        differences.push({ period: p.period, target: p.target, childrenSum: sum, difference });
        if (!difference.isZero() && !summary) {
          // Stryker disable next-line StringLiteral: the empty text is a placeholder that cascadeStepText writes over below (the step's code literal on this line is checked by the types and by tests)
          const step: TargetCascadeStep = { code: 'difference', period: p.period, target: p.target, childrenSum: sum, difference, text: '' };
          step.text = cascadeStepText(step, plan.scale, EN);
          steps.push(step);
        }
        walk(p.children);
      }
    };
    walk(periods);
    const off = differences.filter((d) => !d.difference.isZero()).length;
    if (off > 0) warnings.push({ code: 'direct-differences', message: W.directDifferences(off), path: ['path'] });
  }
  // Every split's parts sum exactly to the units split (Hamilton), so each level sums to the total;
  // the property tests check this by adding the targets up independently.
  const levelSums: TargetCascade['levelSums'] = [];
  plan.byDepth.forEach((level, d) => levelSums.push({ kind: plan.levels[d]!, count: level.length, sum: totalDecimal }));
  return {
    period: plan.calendar.period,
    total: totalDecimal,
    rounding: { scale: plan.scale, mode: plan.mode },
    system: plan.calendar.system,
    start: plan.dates[0]!,
    end: plan.dates[spanLen - 1]!,
    days: spanLen,
    workdays: plan.spanWorkdays,
    levels,
    spreads: plan.spreads.map((s) => s.kind),
    path: plan.path,
    weeks: plan.weeks,
    periods,
    levelSums,
    differences,
    partialWeeks: plan.partialWeeks.map((w) => ({ ...w })),
    workdayRules: {
      weekend: [...plan.workdayRules.weekend],
      holidays: [...plan.workdayRules.holidays],
      extraWorkdays: [...plan.workdayRules.extraWorkdays],
    },
    steps,
    warnings,
  };
}
