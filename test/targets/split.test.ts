import { describe, expect, it } from 'vitest';
import { cascadeHierarchy, splitTarget } from 'dealerkit/targets';
import { errorOf, issuesOf } from './helpers.js';

const abc = [
  { id: 'a', weight: 5 },
  { id: 'b', weight: 3 },
  { id: 'c', weight: 2 },
];
const view = (s: ReturnType<typeof splitTarget>) => s.parts.map((p) => `${p.id} ${p.target.toString()}${p.floorBinds ? ' floor' : ''}${p.locked ? ' lock' : ''}${p.roundedUp ? ' +1' : ''}`);

describe('splitTarget', () => {
  it('splits by weight with the largest remainders: 100 over 1, 1, 1 is 34, 33, 33', () => {
    const s = splitTarget(100, [{ id: 'x', weight: 1 }, { id: 'y', weight: 1 }, { id: 'z', weight: 1 }], { scale: 0 });
    expect(view(s)).toEqual(['x 34 +1', 'y 33', 'z 33']);
    expect([s.lockedTotal.toString(), s.flooredTotal.toString(), s.weightedTotal.toString(), s.weightTotal.toString()]).toEqual(['0', '0', '100', '3']);
  });

  it('a floor that does not bind changes nothing (c = 20 is exactly its share)', () => {
    expect(view(splitTarget(100, abc, { scale: 0, floors: { c: 20 } }))).toEqual(['a 50', 'b 30', 'c 20']);
  });

  it('a binding floor takes its units from the others in proportion: c 30, then 70 over 5:3 = 43.75, 26.25 → 44, 26', () => {
    const s = splitTarget(100, abc, { scale: 0, floors: { c: 30 } });
    expect(view(s)).toEqual(['a 44 +1', 'b 26', 'c 30 floor']);
    expect([s.flooredTotal.toString(), s.weightedTotal.toString(), s.weightTotal.toString()]).toEqual(['30', '70', '8']);
  });

  it('a floor can start to bind once another has taken its units', () => {
    // 100 over 6, 3, 1 with floors b 30, c 15: shares 60, 30, 10, so c binds (15); 85 over 6:3 gives
    // b 28.33 < 30, so b binds too; a takes the last 55.
    const s = splitTarget(100, [{ id: 'a', weight: 6 }, { id: 'b', weight: 3 }, { id: 'c', weight: 1 }], { scale: 0, floors: { b: 30, c: 15 } });
    expect(view(s)).toEqual(['a 55', 'b 30 floor', 'c 15 floor']);
  });

  it('a zero-weight child with a floor (a new dealer) gets exactly its floor', () => {
    const s = splitTarget(1000, [{ id: 'old', weight: 1 }, { id: 'new', weight: 0 }], { scale: 0, floors: { new: 100 } });
    expect(view(s)).toEqual(['old 900', 'new 100 floor']);
  });

  it('a locked child keeps its value and the rest is spread over the others', () => {
    const s = splitTarget(100, abc, { scale: 0, locks: { a: 50 } });
    expect(view(s)).toEqual(['a 50 lock', 'b 30', 'c 20']);
    expect([s.lockedTotal.toString(), s.weightedTotal.toString(), s.weightTotal.toString()]).toEqual(['50', '50', '5']);
  });

  it('an uplift is reported beside the exact split: 110 over the targets 50, 30, 20', () => {
    const s = splitTarget(100, abc, { scale: 0, locks: { a: 50 }, uplift: 1.1 });
    expect(s.parts.map((p) => p.assigned!.toString())).toEqual(['55', '33', '22']);
    expect([s.uplift!.toString(), s.assignedTotal!.toString()]).toEqual(['1.1', '110']);
    expect(s.parts.map((p) => p.target.toString())).toEqual(['50', '30', '20']);
  });

  it('cents: 1000.00 over 1, 1, 1 at scale 2', () => {
    expect(splitTarget('1000.00', [{ id: 'x', weight: 1 }, { id: 'y', weight: 1 }, { id: 'z', weight: 1 }], { scale: 2 }).parts.map((p) => p.target.toString())).toEqual([
      '333.34',
      '333.33',
      '333.33',
    ]);
  });

  it('locks above the total are infeasible, by how much', () => {
    const e = errorOf(() => splitTarget(100, abc, { scale: 0, locks: { a: 80, b: 70 } }));
    expect(e.code).toBe('infeasible');
    expect(issuesOf(() => splitTarget(100, abc, { scale: 0, locks: { a: 80, b: 70 } }))).toEqual(['options.locks: sum to 150, above the total of 100 by 50']);
  });

  it('floors that cannot all hold are infeasible, by how much', () => {
    expect(issuesOf(() => splitTarget(100, abc, { scale: 0, floors: { b: 60, c: 50 } }))).toEqual(['options.floors: sum to 110, above the total of 100 by 10']);
    expect(issuesOf(() => splitTarget(100, abc, { scale: 0, locks: { a: 50 }, floors: { b: 30, c: 30 } }))).toEqual([
      'options.floors: sum to 60, above the 50 left after locks by 10',
    ]);
    expect(errorOf(() => splitTarget(100, abc, { scale: 0, floors: { b: 60, c: 50 } })).code).toBe('infeasible');
  });

  it('every child locked but short of the total, a lock below its floor, nothing to carry the rest', () => {
    expect(issuesOf(() => splitTarget(100, abc, { scale: 0, locks: { a: 50, b: 30, c: 10 } }))).toEqual([
      'options.locks: lock every child and sum to 90, short of the total of 100 by 10',
    ]);
    expect(issuesOf(() => splitTarget(100, abc, { scale: 0, locks: { a: 10 }, floors: { a: 20 } }))).toEqual(['options.locks.a: is below its floor of 20 by 10']);
    expect(issuesOf(() => splitTarget(100, [{ id: 'x', weight: 1 }, { id: 'y', weight: 0 }], { scale: 0, locks: { x: 50 } }))).toEqual([
      'children: the weights of the children left to spread over are all zero, so nothing carries the remaining 50',
    ]);
  });

  it('refuses bad input, naming the path', () => {
    expect(issuesOf(() => splitTarget(-1, abc, { scale: 0 }))).toEqual(['total: must not be negative, received -1']);
    expect(issuesOf(() => splitTarget('10.5', abc, { scale: 0 }))).toEqual(['total: has more than 0 decimal places (10.5); round it to the scale first']);
    expect(issuesOf(() => splitTarget(10, [], { scale: 0 }))).toEqual(['children: must hold at least 1 item']);
    expect(issuesOf(() => splitTarget(10, [{ id: 'a', weight: -1 }], { scale: 0 }))).toEqual(['children[0].weight: must not be negative, received -1']);
    expect(issuesOf(() => splitTarget(10, [{ id: 'a', weight: 1 }, { id: 'a', weight: 2 }], { scale: 0 }))).toEqual(['children[1].id: repeats the id "a"']);
    expect(issuesOf(() => splitTarget(10, abc, { scale: -1 }))).toEqual(['options.scale: must be at least 0, received -1']);
    expect(issuesOf(() => splitTarget(10, abc, { scale: 0, locks: { d: 1 } }))).toEqual(['options.locks.d: is not a child id']);
    expect(errorOf(() => splitTarget(10, abc, { scale: 0, locks: { d: 1 } })).code).toBe('unknown_label');
    expect(issuesOf(() => splitTarget(10, abc, { scale: 0, uplift: [1.1] }))).toEqual([
      'options.uplift: must be one factor for splitTarget (a list of factors per level is for cascadeHierarchy)',
    ]);
    expect(issuesOf(() => splitTarget(10, abc, { scale: 0, uplift: 0 }))).toEqual(['options.uplift: must be greater than 0, received 0']);
    expect(issuesOf(() => splitTarget(10, abc, { scale: 0, locks: { a: '1.5' } }))).toEqual([
      'options.locks.a: has more than 0 decimal places (1.5); round it to the scale first',
    ]);
  });
});

const tree = {
  id: 'brand',
  children: [
    { id: 'north', children: [{ id: 'D01', weight: 120 }, { id: 'D02', weight: 80 }] },
    { id: 'south', children: [{ id: 'D03', weight: 100 }] },
  ],
};

describe('cascadeHierarchy', () => {
  it('splits nested: north weighs 200 of 300 → 666.67 → 667; its 667 over 120:80 → 400.2, 266.8 → 400, 267', () => {
    const h = cascadeHierarchy(1000, tree, { scale: 0 });
    expect(h.root.target.toString()).toBe('1000');
    expect(h.root.children.map((r) => [r.id, r.weight.toString(), r.target.toString(), r.children.map((d) => d.target.toString())])).toEqual([
      ['north', '200', '667', ['400', '267']],
      ['south', '100', '333', ['333']],
    ]);
    expect(h.leaves).toBe(3);
    expect(h.uplift).toBeNull();
  });

  it("a dealer's floor lifts its area's floor: D03 ≥ 400 makes south 400, north 600 (360, 240)", () => {
    const h = cascadeHierarchy(1000, tree, { scale: 0, floors: { D03: 400 } });
    const south = h.root.children[1]!;
    expect([south.target.toString(), south.floor!.toString(), south.floorBinds]).toEqual(['400', '400', true]);
    expect(h.root.children[0]!.children.map((d) => d.target.toString())).toEqual(['360', '240']);
  });

  it('uplift compounds down the levels: 1,100 to regions (660, 440), 726 over 360:240 → 436, 290', () => {
    const h = cascadeHierarchy(1000, tree, { scale: 0, floors: { D03: 400 }, uplift: 1.1 });
    expect(h.uplift!.map(String)).toEqual(['1.1', '1.1']);
    expect(h.root.children.map((r) => r.assigned!.toString())).toEqual(['660', '440']);
    expect(h.root.children[0]!.children.map((d) => d.assigned!.toString())).toEqual(['436', '290']);
    expect(h.root.children[1]!.children[0]!.assigned!.toString()).toBe('484');
  });

  it('uplift per level: regions only', () => {
    const h = cascadeHierarchy(1000, tree, { scale: 0, uplift: [1.1] });
    expect(h.uplift!.map(String)).toEqual(['1.1', '1']);
    // 1,100 over the exact targets 667:333 → 733.7, 366.3 → 734, 366; north's dealers split
    // 734 × 1 over their targets 400:267 → 440.18, 293.82 → 440, 294.
    expect(h.root.children.map((r) => r.assigned!.toString())).toEqual(['734', '366']);
    expect(h.root.children[0]!.children.map((d) => d.assigned!.toString())).toEqual(['440', '294']);
  });

  it('a locked area keeps its value; its dealers split it', () => {
    const h = cascadeHierarchy(1000, tree, { scale: 0, locks: { south: 500 } });
    expect(h.root.children.map((r) => r.target.toString())).toEqual(['500', '500']);
    expect(h.root.children[1]!.locked).toBe(true);
  });

  it('infeasible floors are reported at the level where they fail, by how much', () => {
    expect(issuesOf(() => cascadeHierarchy(1000, tree, { scale: 0, floors: { D03: 700, D01: 400 } }))).toEqual([
      'options.floors: under brand (target 1000): sum to 1100, above the total of 1000 by 100',
    ]);
    expect(issuesOf(() => cascadeHierarchy(1000, tree, { scale: 0, locks: { north: 300 }, floors: { D01: 200, D02: 150 } }))).toEqual([
      "options.locks.north: is below what its children's locks and floors need (350) by 50",
    ]);
  });

  it('an area weighted by hand whose dealers all weigh zero cannot carry its target', () => {
    const t = { id: 'r', children: [{ id: 'a', weight: 1, children: [{ id: 'd1', weight: 0 }, { id: 'd2', weight: 0 }] }, { id: 'b', weight: 1 }] };
    expect(issuesOf(() => cascadeHierarchy(10, t, { scale: 0 }))).toEqual([
      'tree.children[0].children: under a (target 5): the weights of the children left to spread over are all zero, so nothing carries the remaining 5',
    ]);
  });

  it('refuses bad trees, naming the path', () => {
    expect(issuesOf(() => cascadeHierarchy(10, { id: 'r', children: [{ id: 'a' }, { id: 'a', weight: 1 }] }, { scale: 0 }))).toEqual([
      'tree.children[0].weight: is required on a node without children',
      'tree.children[1].id: repeats the id "a"',
    ]);
    expect(issuesOf(() => cascadeHierarchy(10, { id: 'r' }, { scale: 0 }))).toEqual(['tree.children: must hold at least one child']);
    expect(issuesOf(() => cascadeHierarchy(10, { id: 'r', children: [{ id: 'a', weight: -2 }] }, { scale: 0 }))).toEqual([
      'tree.children[0].weight: must not be negative, received -2',
    ]);
    expect(issuesOf(() => cascadeHierarchy(10, tree, { scale: 0, locks: { brand: 10 } }))).toEqual(['options.locks.brand: cannot lock the root: its target is the total']);
    expect(issuesOf(() => cascadeHierarchy(10, tree, { scale: 0, uplift: [1, 1, 1] }))).toEqual(['options.uplift: has 3 factors but the tree has 2 levels below the root']);
  });
});

describe('splitTarget edge cases', () => {
  it('every child at its floor (zero weights): nothing is left to spread', () => {
    const s = splitTarget(100, [{ id: 'a', weight: 0 }, { id: 'b', weight: 0 }], { scale: 0, floors: { a: 60, b: 40 } });
    expect(s.parts.map((p) => [p.target.toString(), p.floorBinds])).toEqual([
      ['60', true],
      ['40', true],
    ]);
    expect([s.weightedTotal.toString(), s.weightTotal.toString()]).toEqual(['0', '0']);
  });

  it('a zero total over zero weights is all zeros, uplift included', () => {
    const s = splitTarget(0, [{ id: 'a', weight: 0 }, { id: 'b', weight: 0 }], { scale: 0, uplift: 1.1 });
    expect(s.parts.map((p) => [p.target.toString(), p.assigned!.toString()])).toEqual([
      ['0', '0'],
      ['0', '0'],
    ]);
  });

  it('huge totals and long decimal weights stay exact (BigInt paths)', () => {
    // 10^25 over weights 1/3-ish written with 20 decimals: the weights scale to integers beyond 2^53.
    const s = splitTarget('10000000000000000000000000.00', [{ id: 'a', weight: '0.33333333333333333333' }, { id: 'b', weight: '0.66666666666666666667' }], { scale: 2 });
    // The weights sum to exactly 1, so a's share is 10^25 × 0.33333333333333333333
    // = 33,333,333,333,333,333,333 × 10^5, with nothing left over.
    expect(s.parts.map((p) => p.target.toString())).toEqual(['3333333333333333333300000', '6666666666666666666700000']);
    const floors = splitTarget('10000000000000000000000000', [{ id: 'a', weight: 1 }, { id: 'b', weight: 1 }], { scale: 0, floors: { a: '6000000000000000000000000' } });
    expect(floors.parts.map((p) => p.target.toString())).toEqual(['6000000000000000000000000', '4000000000000000000000000']);
  });
});
