import { describe, expect, it } from 'vitest';
import { cascadeHierarchy, splitTarget } from 'dealerkit/targets';
import { codesOf, errorOf, issuesOf } from './helpers.js';

const abc = [
  { id: 'a', weight: 5 },
  { id: 'b', weight: 3 },
  { id: 'c', weight: 2 },
];
const view = (s: ReturnType<typeof splitTarget>) => s.parts.map((p) => `${p.id} ${p.target.toString()}${p.floorBinds ? ' floor' : ''}${p.locked ? ' lock' : ''}${p.roundedUp ? ' +1' : ''}`);

describe('splitTarget', () => {
  it('splits by weight with the largest remainders: 100 over 1, 1, 1 is 34, 33, 33', () => {
    const s = splitTarget([{ id: 'x', weight: 1 }, { id: 'y', weight: 1 }, { id: 'z', weight: 1 }], 100);
    expect(view(s)).toEqual(['x 34 +1', 'y 33', 'z 33']);
    expect([s.lockedTotal.toString(), s.flooredTotal.toString(), s.weightedTotal.toString(), s.weightTotal.toString()]).toEqual(['0', '0', '100', '3']);
  });

  it('a floor that does not bind changes nothing (c = 20 is exactly its share)', () => {
    expect(view(splitTarget(abc, 100, { floors: { c: 20 } }))).toEqual(['a 50', 'b 30', 'c 20']);
  });

  it('a binding floor takes its units from the others in proportion: c 30, then 70 over 5:3 = 43.75, 26.25 → 44, 26', () => {
    const s = splitTarget(abc, 100, { floors: { c: 30 } });
    expect(view(s)).toEqual(['a 44 +1', 'b 26', 'c 30 floor']);
    expect([s.flooredTotal.toString(), s.weightedTotal.toString(), s.weightTotal.toString()]).toEqual(['30', '70', '8']);
  });

  it('a floor can start to bind once another has taken its units', () => {
    // 100 over 6, 3, 1 with floors b 30, c 15: shares 60, 30, 10, so c binds (15); 85 over 6:3 gives
    // b 28.33 < 30, so b binds too; a takes the last 55.
    const s = splitTarget([{ id: 'a', weight: 6 }, { id: 'b', weight: 3 }, { id: 'c', weight: 1 }], 100, { floors: { b: 30, c: 15 } });
    expect(view(s)).toEqual(['a 55', 'b 30 floor', 'c 15 floor']);
  });

  it('a zero-weight child with a floor (a new dealer) gets exactly its floor', () => {
    const s = splitTarget([{ id: 'old', weight: 1 }, { id: 'new', weight: 0 }], 1000, { floors: { new: 100 } });
    expect(view(s)).toEqual(['old 900', 'new 100 floor']);
  });

  it('a locked child keeps its value and the rest is spread over the others', () => {
    const s = splitTarget(abc, 100, { locks: { a: 50 } });
    expect(view(s)).toEqual(['a 50 lock', 'b 30', 'c 20']);
    expect([s.lockedTotal.toString(), s.weightedTotal.toString(), s.weightTotal.toString()]).toEqual(['50', '50', '5']);
  });

  it('an uplift is reported beside the exact split: 110 over the targets 50, 30, 20', () => {
    const s = splitTarget(abc, 100, { locks: { a: 50 }, uplift: 1.1 });
    expect(s.parts.map((p) => p.assigned!.toString())).toEqual(['55', '33', '22']);
    expect([s.uplift!.toString(), s.assignedTotal!.toString()]).toEqual(['1.1', '110']);
    expect(s.parts.map((p) => p.target.toString())).toEqual(['50', '30', '20']);
  });

  it('cents: 1000.00 over 1, 1, 1 at scale 2', () => {
    expect(splitTarget([{ id: 'x', weight: 1 }, { id: 'y', weight: 1 }, { id: 'z', weight: 1 }], '1000.00', { rounding: { scale: 2 } }).parts.map((p) => p.target.toString())).toEqual([
      '333.34',
      '333.33',
      '333.33',
    ]);
  });

  it('locks above the total are infeasible, by how much', () => {
    const e = errorOf(() => splitTarget(abc, 100, { locks: { a: 80, b: 70 } }));
    expect(e.code).toBe('infeasible');
    expect(issuesOf(() => splitTarget(abc, 100, { locks: { a: 80, b: 70 } }))).toEqual(['options.locks: sum to 150, above the total of 100 by 50']);
  });

  it('floors that cannot all hold are infeasible, by how much', () => {
    expect(issuesOf(() => splitTarget(abc, 100, { floors: { b: 60, c: 50 } }))).toEqual(['options.floors: sum to 110, above the total of 100 by 10']);
    expect(issuesOf(() => splitTarget(abc, 100, { locks: { a: 50 }, floors: { b: 30, c: 30 } }))).toEqual([
      'options.floors: sum to 60, above the 50 left after locks by 10',
    ]);
    expect(errorOf(() => splitTarget(abc, 100, { floors: { b: 60, c: 50 } })).code).toBe('infeasible');
  });

  it('every child locked but short of the total, a lock below its floor, nothing to carry the rest', () => {
    expect(issuesOf(() => splitTarget(abc, 100, { locks: { a: 50, b: 30, c: 10 } }))).toEqual([
      'options.locks: lock every child and sum to 90, short of the total of 100 by 10',
    ]);
    expect(issuesOf(() => splitTarget(abc, 100, { locks: { a: 10 }, floors: { a: 20 } }))).toEqual(['options.locks.a: is below its floor of 20 by 10']);
    expect(issuesOf(() => splitTarget([{ id: 'x', weight: 1 }, { id: 'y', weight: 0 }], 100, { locks: { x: 50 } }))).toEqual([
      'children: the weights of the children left to spread over are all zero, so nothing carries the remaining 50',
    ]);
  });

  it('refuses bad input, naming the path', () => {
    expect(issuesOf(() => splitTarget(abc, -1))).toEqual(['total: must not be negative, received -1']);
    expect(issuesOf(() => splitTarget(abc, '10.5'))).toEqual(['total: has more than 0 decimal places (10.5); round it to the scale first, or give rounding: { scale } for decimals']);
    expect(issuesOf(() => splitTarget([], 10))).toEqual(['children: must hold at least 1 item']);
    expect(issuesOf(() => splitTarget([{ id: 'a', weight: -1 }], 10))).toEqual(['children[0].weight: must not be negative, received -1']);
    expect(issuesOf(() => splitTarget([{ id: 'a', weight: 1 }, { id: 'a', weight: 2 }], 10))).toEqual(['children[1].id: repeats the id "a"']);
    expect(issuesOf(() => splitTarget(abc, 10, { rounding: { scale: -1 } }))).toEqual(['options.rounding.scale: must be at least 0, received -1']);
    expect(issuesOf(() => splitTarget(abc, 10, { locks: { d: 1 } }))).toEqual(['options.locks.d: is not a child id']);
    expect(errorOf(() => splitTarget(abc, 10, { locks: { d: 1 } })).code).toBe('unknown_label');
    expect(issuesOf(() => splitTarget(abc, 10, { uplift: [1.1] }))).toEqual([
      'options.uplift: must be one factor for splitTarget (a list of factors per level is for cascadeHierarchy)',
    ]);
    expect(issuesOf(() => splitTarget(abc, 10, { uplift: 0 }))).toEqual(['options.uplift: must be greater than 0, received 0']);
    expect(issuesOf(() => splitTarget(abc, 10, { locks: { a: '1.5' } }))).toEqual([
      'options.locks.a: has more than 0 decimal places (1.5); round it to the scale first, or give rounding: { scale } for decimals',
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
    const h = cascadeHierarchy(tree, 1000);
    expect(h.root.target.toString()).toBe('1000');
    expect(h.root.children.map((r) => [r.id, r.weight.toString(), r.target.toString(), r.children.map((d) => d.target.toString())])).toEqual([
      ['north', '200', '667', ['400', '267']],
      ['south', '100', '333', ['333']],
    ]);
    expect(h.leaves).toBe(3);
    expect(h.uplift).toBeNull();
  });

  it("a dealer's floor lifts its area's floor: D03 ≥ 400 makes south 400, north 600 (360, 240)", () => {
    const h = cascadeHierarchy(tree, 1000, { floors: { D03: 400 } });
    const south = h.root.children[1]!;
    expect([south.target.toString(), south.floor!.toString(), south.floorBinds]).toEqual(['400', '400', true]);
    expect(h.root.children[0]!.children.map((d) => d.target.toString())).toEqual(['360', '240']);
  });

  it('uplift compounds down the levels: 1,100 to regions (660, 440), 726 over 360:240 → 436, 290', () => {
    const h = cascadeHierarchy(tree, 1000, { floors: { D03: 400 }, uplift: 1.1 });
    expect(h.uplift!.map(String)).toEqual(['1.1', '1.1']);
    expect(h.root.children.map((r) => r.assigned!.toString())).toEqual(['660', '440']);
    expect(h.root.children[0]!.children.map((d) => d.assigned!.toString())).toEqual(['436', '290']);
    expect(h.root.children[1]!.children[0]!.assigned!.toString()).toBe('484');
  });

  it('uplift per level: regions only', () => {
    const h = cascadeHierarchy(tree, 1000, { uplift: [1.1] });
    expect(h.uplift!.map(String)).toEqual(['1.1', '1']);
    // 1,100 over the exact targets 667:333 → 733.7, 366.3 → 734, 366; north's dealers split
    // 734 × 1 over their targets 400:267 → 440.18, 293.82 → 440, 294.
    expect(h.root.children.map((r) => r.assigned!.toString())).toEqual(['734', '366']);
    expect(h.root.children[0]!.children.map((d) => d.assigned!.toString())).toEqual(['440', '294']);
  });

  it('a locked area keeps its value; its dealers split it', () => {
    const h = cascadeHierarchy(tree, 1000, { locks: { south: 500 } });
    expect(h.root.children.map((r) => r.target.toString())).toEqual(['500', '500']);
    expect(h.root.children[1]!.locked).toBe(true);
  });

  it('infeasible floors are reported at the level where they fail, by how much', () => {
    expect(issuesOf(() => cascadeHierarchy(tree, 1000, { floors: { D03: 700, D01: 400 } }))).toEqual([
      'options.floors: under brand (target 1000): sum to 1100, above the total of 1000 by 100',
    ]);
    expect(issuesOf(() => cascadeHierarchy(tree, 1000, { locks: { north: 300 }, floors: { D01: 200, D02: 150 } }))).toEqual([
      "options.locks.north: is below what its children's locks and floors need (350) by 50",
    ]);
  });

  it('an area weighted by hand whose dealers all weigh zero cannot carry its target', () => {
    const t = { id: 'r', children: [{ id: 'a', weight: 1, children: [{ id: 'd1', weight: 0 }, { id: 'd2', weight: 0 }] }, { id: 'b', weight: 1 }] };
    expect(issuesOf(() => cascadeHierarchy(t, 10))).toEqual([
      'tree.children[0].children: under a (target 5): the weights of the children left to spread over are all zero, so nothing carries the remaining 5',
    ]);
  });

  it('refuses bad trees, naming the path', () => {
    expect(issuesOf(() => cascadeHierarchy({ id: 'r', children: [{ id: 'a' }, { id: 'a', weight: 1 }] }, 10))).toEqual([
      'tree.children[0].weight: is required on a node without children',
      'tree.children[1].id: repeats the id "a"',
    ]);
    expect(issuesOf(() => cascadeHierarchy({ id: 'r' }, 10))).toEqual(['tree.children: must hold at least one child']);
    expect(issuesOf(() => cascadeHierarchy({ id: 'r', children: [{ id: 'a', weight: -2 }] }, 10))).toEqual([
      'tree.children[0].weight: must not be negative, received -2',
    ]);
    expect(issuesOf(() => cascadeHierarchy(tree, 10, { locks: { brand: 10 } }))).toEqual(['options.locks.brand: cannot lock the root: its target is the total']);
    expect(issuesOf(() => cascadeHierarchy(tree, 10, { uplift: [1, 1, 1] }))).toEqual(['options.uplift: has 3 factors but the tree has 2 levels below the root']);
  });
});

describe('splitTarget edge cases', () => {
  it('every child at its floor (zero weights): nothing is left to spread', () => {
    const s = splitTarget([{ id: 'a', weight: 0 }, { id: 'b', weight: 0 }], 100, { floors: { a: 60, b: 40 } });
    expect(s.parts.map((p) => [p.target.toString(), p.floorBinds])).toEqual([
      ['60', true],
      ['40', true],
    ]);
    expect([s.weightedTotal.toString(), s.weightTotal.toString()]).toEqual(['0', '0']);
  });

  it('a zero total over zero weights is all zeros, uplift included', () => {
    const s = splitTarget([{ id: 'a', weight: 0 }, { id: 'b', weight: 0 }], 0, { uplift: 1.1 });
    expect(s.parts.map((p) => [p.target.toString(), p.assigned!.toString()])).toEqual([
      ['0', '0'],
      ['0', '0'],
    ]);
  });

  it('huge totals and long decimal weights stay exact (BigInt paths)', () => {
    // 10^25 over weights 1/3-ish written with 20 decimals: the weights scale to integers beyond 2^53.
    const s = splitTarget([{ id: 'a', weight: '0.33333333333333333333' }, { id: 'b', weight: '0.66666666666666666667' }], '10000000000000000000000000.00', { rounding: { scale: 2 } });
    // The weights sum to exactly 1, so a's share is 10^25 × 0.33333333333333333333
    // = 33,333,333,333,333,333,333 × 10^5, with nothing left over.
    expect(s.parts.map((p) => p.target.toString())).toEqual(['3333333333333333333300000', '6666666666666666666700000']);
    const floors = splitTarget([{ id: 'a', weight: 1 }, { id: 'b', weight: 1 }], '10000000000000000000000000', { floors: { a: '6000000000000000000000000' } });
    expect(floors.parts.map((p) => p.target.toString())).toEqual(['6000000000000000000000000', '4000000000000000000000000']);
  });
});

describe('splitTarget and cascadeHierarchy: steps, warnings and codes', () => {
  it('the steps redo every part: locks, binding floors, the weighted split, the uplift', () => {
    const s = splitTarget(abc, 100, { locks: { a: 40 }, floors: { c: 25 }, uplift: '1.05' });
    // a locked at 40 → 60 left; c's share of 60 by 3:2 is 24 < 25, so c gets 25 → 35 to b alone.
    expect(view(s)).toEqual(['a 40 lock', 'b 35', 'c 25 floor']);
    expect(JSON.parse(JSON.stringify(s.steps))).toEqual([
      { code: 'locks', node: null, amount: '100', locked: [{ id: 'a', target: '40' }], lockedTotal: '40', rest: '60', text: 'a locked at 40; 60 of 100 left.' },
      { code: 'floors', node: null, floored: [{ id: 'c', floor: '25' }], flooredTotal: '25', rest: '35', text: 'c gets its floor of 25 (the weighted share is below it); 35 left to spread by weight.' },
      {
        code: 'weighted-split',
        node: null,
        amount: '35',
        count: 1,
        weightTotal: '3',
        leftover: 0,
        roundedUp: [],
        text: '35 over 1 child by weight (3 in all): each gets 35 × its weight / 3, rounded down to whole units.',
      },
      // 100 × 1.05 = 105, handed down 40:35:25 → 42, 36.75, 26.25 → 42, 36 + 1, 26.
      { code: 'uplift', node: null, amount: '100', uplift: '1.05', assigned: '105', text: '100 × uplift 1.05 = 105 handed down in proportion to the exact targets.' },
    ]);
    expect(s.parts.map((p) => p.assigned!.toString())).toEqual(['42', '37', '26']);
    expect([s.rounding, s.warnings]).toEqual([{ scale: 0, mode: 'half-up' }, []]);
  });

  it('rounding.mode rounds the uplifted total', () => {
    // 101 × 1.005 = 101.505: half-up 102, down 101.
    expect(splitTarget(abc, 101, { uplift: '1.005' }).assignedTotal!.toString()).toBe('102');
    expect(splitTarget(abc, 101, { uplift: '1.005', rounding: { mode: 'down' } }).assignedTotal!.toString()).toBe('101');
  });

  it('an uplift above 2 is computed but warned about (110 meant as 110 %?)', () => {
    const s = splitTarget(abc, 100, { uplift: 110 });
    expect(s.assignedTotal!.toString()).toBe('11000');
    expect(s.warnings).toEqual([
      { code: 'percent-like-factor', message: 'an uplift of 110 multiplies by 110: if a percentage was meant, write 1.1 for 110 %', path: ['options', 'uplift'] },
    ]);
    const h = cascadeHierarchy(tree, 1000, { uplift: [1.1, 105] });
    expect(h.warnings.map((w) => [w.code, w.path])).toEqual([['percent-like-factor', ['options', 'uplift', 1]]]);
  });

  it('a hierarchy records each node split, top down, with the node', () => {
    const h = cascadeHierarchy(tree, 1000, { floors: { D03: 400 }, uplift: 1.1 });
    expect(h.steps.map((s) => s.text)).toEqual([
      // D03's floor lifts south's to 400, above its share 333.33.
      'brand: south gets its floor of 400 (the weighted share is below it); 600 left to spread by weight.',
      'brand: 600 over 1 child by weight (200 in all): each gets 600 × its weight / 200, rounded down to whole units.',
      'brand: 1,000 × uplift 1.1 = 1,100 handed down in proportion to the exact targets.',
      'north: 600 over 2 children by weight (200 in all): each gets 600 × its weight / 200, rounded down to whole units.',
      'north: 660 × uplift 1.1 = 726 handed down in proportion to the exact targets.',
      'south: 400 over 1 child by weight (100 in all): each gets 400 × its weight / 100, rounded down to whole units.',
      'south: 440 × uplift 1.1 = 484 handed down in proportion to the exact targets.',
    ]);
    expect(h.steps.map((s) => s.node)).toEqual(['brand', 'brand', 'brand', 'north', 'north', 'south', 'south']);
  });

  it('ids named like Object.prototype properties are ids like any other', () => {
    const kids = [
      { id: 'toString', weight: 1 },
      { id: 'constructor', weight: 2 },
      { id: '__proto__', weight: 1 },
    ];
    // Without locks, nothing is looked up by an inherited name: 10 over 1:2:1 = 2.5, 5, 2.5 → 3, 5, 2.
    expect(view(splitTarget(kids, 10))).toEqual(['toString 3 +1', 'constructor 5', '__proto__ 2']);
    // A lock keyed `__proto__` (as JSON.parse makes it) is read, not dropped: 7 left over 1:2.
    expect(view(splitTarget(kids, 10, { locks: JSON.parse('{"__proto__": 3}') as Record<string, number> }))).toEqual(['toString 2', 'constructor 5 +1', '__proto__ 3 lock']);
    expect(codesOf(() => splitTarget(abc, 10, { locks: { constructor: 1 } }))).toEqual([['options.locks.constructor', 'unknown_label']]);
    expect(codesOf(() => splitTarget(abc, 10, { floors: { toString: 1 } }))).toEqual([['options.floors.toString', 'unknown_label']]);
    const t = { id: 'constructor', children: [{ id: 'toString', weight: 1 }, { id: 'valueOf', weight: 1 }] };
    expect(cascadeHierarchy(t, 10, { floors: { valueOf: 6 } }).root.children.map((c) => c.target.toString())).toEqual(['4', '6']);
  });

  it('a tree that contains itself is a cycle, named by its ids; a node given twice is a duplicate', () => {
    const loop: { id: string; children: unknown[] } = { id: 'brand', children: [] };
    const north = { id: 'north', children: [loop] };
    loop.children.push({ id: 'south', weight: 1 }, north);
    expect(errorOf(() => cascadeHierarchy(loop as never, 10)).issues).toEqual([
      { path: ['tree', 'children', 1, 'children', 0], code: 'cycle', message: 'refers back to its own ancestor (brand → north → brand): a territory cannot contain itself' },
    ]);
    const self: { id: string; children: unknown[] } = { id: 'r', children: [] };
    self.children.push(self);
    expect(codesOf(() => cascadeHierarchy(self as never, 10))).toEqual([['tree.children[0]', 'cycle']]);
    const shared = { id: 'D01', weight: 1 };
    expect(issuesOf(() => cascadeHierarchy({ id: 'r', children: [shared, shared] }, 10))).toEqual([
      'tree.children[1]: is the same object as tree.children[0]: each node may appear once in the tree',
    ]);
    expect(codesOf(() => cascadeHierarchy({ id: 'r', children: [shared, shared] }, 10))).toEqual([['tree.children[1]', 'duplicate']]);
  });

  it('a tree deeper than 100 levels is too_deep (no stack overflow)', () => {
    let deep: { id: string; weight?: number; children?: unknown[] } = { id: 'leaf', weight: 1 };
    for (let i = 0; i < 5000; i++) deep = { id: `n${i}`, children: [deep] };
    const e = errorOf(() => cascadeHierarchy(deep as never, 10));
    expect(e.issues[0]).toMatchObject({ code: 'too_deep', message: 'is nested deeper than 100 levels', limit: '100' });
    expect(e.issues[0]!.path).toHaveLength(201);
  });

  it('bad input codes: duplicate ids, a missing leaf weight, no children, a root lock, too many uplifts, infeasible floors', () => {
    expect(codesOf(() => splitTarget([{ id: 'a', weight: 1 }, { id: 'a', weight: 2 }], 10))).toEqual([['children[1].id', 'duplicate']]);
    expect(codesOf(() => cascadeHierarchy({ id: 'r', children: [{ id: 'a' }, { id: 'a', weight: 1 }] }, 10))).toEqual([
      ['tree.children[0].weight', 'required'],
      ['tree.children[1].id', 'duplicate'],
    ]);
    expect(codesOf(() => cascadeHierarchy({ id: 'r' }, 10))).toEqual([['tree.children', 'too_short']]);
    expect(codesOf(() => cascadeHierarchy(tree, 10, { locks: { brand: 10 } }))).toEqual([['options.locks.brand', 'invalid_value']]);
    expect(errorOf(() => cascadeHierarchy(tree, 10, { uplift: [1, 1, 1] })).issues[0]).toMatchObject({ code: 'too_long', limit: '2' });
    expect(errorOf(() => splitTarget(abc, 100, { locks: { a: 80, b: 70 } })).issues[0]).toMatchObject({ code: 'infeasible', limit: '100' });
    expect(codesOf(() => splitTarget(abc, 100, { locks: { a: 10 }, floors: { a: 20 } }))).toEqual([['options.locks.a', 'infeasible']]);
    expect(codesOf(() => cascadeHierarchy(tree, 1000, { floors: { D03: 700, D01: 400 } }))).toEqual([['options.floors', 'infeasible']]);
    expect(codesOf(() => splitTarget(abc, 10, { uplift: [1.1] }))).toEqual([['options.uplift', 'invalid_type']]);
    expect(issuesOf(() => splitTarget(abc, 10, { scale: 0 } as never))).toEqual(['options.scale: is not a known field; the scale is now given as rounding: { scale }']);
  });
});
