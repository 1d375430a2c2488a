import { describe, expect, it } from 'vitest';
import { splitTarget } from 'dealerkit/targets';
import { errorOf, issuesOf } from './helpers.js';

const abc = [
  { id: 'a', weight: 5 },
  { id: 'b', weight: 3 },
  { id: 'c', weight: 2 },
];
/** Every field of every part, Decimals as strings. */
const parts = (s: ReturnType<typeof splitTarget>) =>
  s.parts.map((p) => ({
    id: p.id,
    weight: p.weight.toString(),
    target: p.target.toString(),
    locked: p.locked,
    floor: p.floor === null ? null : p.floor.toString(),
    floorBinds: p.floorBinds,
    roundedUp: p.roundedUp,
    assigned: p.assigned === null ? null : p.assigned.toString(),
  }));
const part = (id: string, weight: string, target: string, more: Partial<ReturnType<typeof parts>[number]> = {}) => ({
  id,
  weight,
  target,
  locked: false,
  floor: null,
  floorBinds: false,
  roundedUp: false,
  assigned: null,
  ...more,
});
const issues = (fn: () => unknown) => {
  const e = errorOf(fn);
  return { code: e.code, issues: e.issues.map((i) => ({ ...i })) };
};

describe('splitTarget: every field of the parts', () => {
  it('every child locked at exactly the total: 50 + 30 + 20 = 100, no weighted split step', () => {
    const s = splitTarget(abc, 100, { locks: { a: 50, b: 30, c: 20 } });
    expect(parts(s)).toEqual([
      part('a', '5', '50', { locked: true }),
      part('b', '3', '30', { locked: true }),
      part('c', '2', '20', { locked: true }),
    ]);
    // lockedTotal 100, nothing floored, 100 − 100 − 0 = 0 spread by weight over no child (weight 0).
    expect([s.lockedTotal.toString(), s.flooredTotal.toString(), s.weightedTotal.toString(), s.weightTotal.toString()]).toEqual(['100', '0', '0', '0']);
    expect(s.steps.map((x) => x.code)).toEqual(['locks']);
  });

  it('a binding floor shows on its part; the others report a null floor and flags false, not missing', () => {
    // c's share 100 × 2/10 = 20 < 30 binds; 70 over 5:3 = 43.75, 26.25 → 43, 26 and the leftover 1 to a (.75 > .25).
    const s = splitTarget(abc, 100, { floors: { c: 30 }, locks: {} });
    expect(parts(s)).toEqual([part('a', '5', '44', { roundedUp: true }), part('b', '3', '26'), part('c', '2', '30', { floor: '30', floorBinds: true })]);
  });

  it('a floor that does not bind is still reported: c 20 is exactly its share', () => {
    const s = splitTarget(abc, 100, { floors: { c: 20 } });
    expect(parts(s)).toEqual([part('a', '5', '50'), part('b', '3', '30'), part('c', '2', '20', { floor: '20' })]);
  });

  it('a zero floor never binds, even over zero weights and a zero total', () => {
    const s = splitTarget([{ id: 'a', weight: 0 }], 0, { floors: { a: 0 } });
    expect(parts(s)).toEqual([part('a', '0', '0', { floor: '0' })]);
    // Nothing locked, nothing floored, nothing spread by weight (the weights are all zero): no step.
    expect(s.steps).toEqual([]);
  });

  it('zero weights with a zero total give zeros and no weighted step', () => {
    const s = splitTarget([{ id: 'a', weight: 0 }, { id: 'b', weight: 0 }], 0);
    expect(parts(s)).toEqual([part('a', '0', '0'), part('b', '0', '0')]);
    expect(s.steps).toEqual([]);
  });

  it('an uplift over targets of which one is zero goes by the targets: 10 × 1.5 = 15 over 0 : 10 → 0, 15', () => {
    const s = splitTarget([{ id: 'a', weight: 1 }, { id: 'b', weight: 1 }], 10, { locks: { a: 0 }, uplift: 1.5 });
    expect(parts(s)).toEqual([part('a', '1', '0', { locked: true, assigned: '0' }), part('b', '1', '10', { assigned: '15' })]);
    expect(s.assignedTotal!.toString()).toBe('15');
  });
});

describe('splitTarget: refusals, with code, path, message and detail', () => {
  it('every child locked and short of the total', () => {
    // 50 + 30 + 10 = 90, short of 100 by 10.
    expect(issues(() => splitTarget(abc, 100, { locks: { a: 50, b: 30, c: 10 } }))).toEqual({
      code: 'infeasible',
      issues: [{ path: ['options', 'locks'], code: 'infeasible', message: 'lock every child and sum to 90, short of the total of 100 by 10', limit: '100' }],
    });
  });

  it('locks above the total', () => {
    // 80 + 30 = 110, above 100 by 10.
    expect(issues(() => splitTarget(abc, 100, { locks: { a: 80, b: 30 } }))).toEqual({
      code: 'infeasible',
      issues: [{ path: ['options', 'locks'], code: 'infeasible', message: 'sum to 110, above the total of 100 by 10', limit: '100' }],
    });
  });

  it('floors above what the locks leave: 100 − 60 = 40 left, floors 30 + 20 = 50 over it by 10', () => {
    expect(issues(() => splitTarget(abc, 100, { locks: { a: 60 }, floors: { b: 30, c: 20 } }))).toEqual({
      code: 'infeasible',
      issues: [{ path: ['options', 'floors'], code: 'infeasible', message: 'sum to 50, above the 40 left after locks by 10', limit: '40' }],
    });
  });

  it('floors of zero-weight children that leave units nobody carries (regression: the parts summed to 3, not 10)', () => {
    // a weighs 0, so its floor of 3 binds; 10 − 3 = 7 is left and no child is left to take it.
    expect(issues(() => splitTarget([{ id: 'a', weight: 0 }], 10, { floors: { a: 3 } }))).toEqual({
      code: 'infeasible',
      issues: [{ path: ['children'], code: 'infeasible', message: 'the weights of the children left to spread over are all zero, so nothing carries the remaining 7' }],
    });
    // Both weigh 0: 3 + 2 = 5 at the floors, 10 − 5 = 5 left over.
    expect(issuesOf(() => splitTarget([{ id: 'a', weight: 0 }, { id: 'b', weight: 0 }], 10, { floors: { a: 3, b: 2 } }))).toEqual([
      'children: the weights of the children left to spread over are all zero, so nothing carries the remaining 5',
    ]);
    // The same floors over a total of exactly 5 leave nothing over: a valid split.
    const s = splitTarget([{ id: 'a', weight: 0 }, { id: 'b', weight: 0 }], 5, { floors: { a: 3, b: 2 } });
    expect(parts(s)).toEqual([part('a', '0', '3', { floor: '3', floorBinds: true }), part('b', '0', '2', { floor: '2', floorBinds: true })]);
  });

  it('zero weights over a positive total', () => {
    expect(issues(() => splitTarget([{ id: 'a', weight: 0 }, { id: 'b', weight: 0 }], 4))).toEqual({
      code: 'infeasible',
      issues: [{ path: ['children'], code: 'infeasible', message: 'the weights of the children left to spread over are all zero, so nothing carries the remaining 4' }],
    });
  });

  it('a lock or floor for an unknown id, and a lock below its floor', () => {
    expect(issues(() => splitTarget(abc, 100, { locks: { d: 1 }, floors: { e: 2 } }))).toEqual({
      code: 'unknown_label',
      issues: [
        { path: ['options', 'locks', 'd'], code: 'unknown_label', message: 'is not a child id', received: '"d"' },
        { path: ['options', 'floors', 'e'], code: 'unknown_label', message: 'is not a child id', received: '"e"' },
      ],
    });
    // 25 − 10 = 15 short.
    expect(issues(() => splitTarget(abc, 100, { locks: { a: 10 }, floors: { a: 25 } }))).toEqual({
      code: 'infeasible',
      issues: [{ path: ['options', 'locks', 'a'], code: 'infeasible', message: 'is below its floor of 25 by 15', limit: '25' }],
    });
  });

  it('a repeated id', () => {
    expect(issues(() => splitTarget([{ id: 'a', weight: 1 }, { id: 'a', weight: 2 }], 10))).toEqual({
      code: 'invalid_input',
      issues: [{ path: ['children', 1, 'id'], code: 'duplicate', message: 'repeats the id "a"', received: '"a"' }],
    });
  });

  it('a list of uplifts', () => {
    expect(issues(() => splitTarget(abc, 10, { uplift: [1.1] }))).toEqual({
      code: 'invalid_input',
      issues: [
        {
          path: ['options', 'uplift'],
          code: 'invalid_type',
          message: 'must be one factor for splitTarget (a list of factors per level is for cascadeHierarchy)',
          expected: 'one factor',
        },
      ],
    });
  });

  it('decimals beyond a scale that was given say so without the hint to give one', () => {
    expect(issuesOf(() => splitTarget(abc, '10.5', { rounding: { scale: 0 } }))).toEqual(['total: has more than 0 decimal places (10.5); round it to the scale first']);
    expect(issuesOf(() => splitTarget(abc, '10.25', { rounding: { scale: 1 } }))).toEqual(['total: has more than 1 decimal places (10.25); round it to the scale first']);
  });

  it('a floor with too many decimals is named by its path', () => {
    expect(issuesOf(() => splitTarget(abc, 10, { floors: { b: '1.5' } }))).toEqual([
      'options.floors.b: has more than 0 decimal places (1.5); round it to the scale first, or give rounding: { scale } for decimals',
    ]);
  });

  it('a lock or floor keyed __proto__ is read as an id and checked under its own path', () => {
    const locks = JSON.parse('{"__proto__": -1}') as Record<string, number>;
    const floors = JSON.parse('{"__proto__": -2}') as Record<string, number>;
    expect(errorOf(() => splitTarget(abc, 10, { locks })).issues.map((i) => [i.path, i.message])).toEqual([[['options', 'locks', '__proto__'], 'must not be negative, received -1']]);
    expect(errorOf(() => splitTarget(abc, 10, { floors })).issues.map((i) => [i.path, i.message])).toEqual([[['options', 'floors', '__proto__'], 'must not be negative, received -2']]);
  });
});
