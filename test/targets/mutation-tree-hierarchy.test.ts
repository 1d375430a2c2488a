// cascadeHierarchy, asserted whole: every field of every node of a hand-split tree, the depth of a
// tree whose deepest branch comes first, what a locked dealer asks of its area, and each refusal of
// a bad tree with its error code, issue path, issue code and message.
import { describe, expect, it } from 'vitest';
import { cascadeHierarchy, type TargetHierarchyNode } from 'dealerkit/targets';
import { errorOf, issuesOf } from './helpers.js';

const tree = {
  id: 'brand',
  children: [
    { id: 'north', children: [{ id: 'D01', weight: 120 }, { id: 'D02', weight: 80 }] },
    { id: 'south', children: [{ id: 'D03', weight: 100 }] },
  ],
};

interface Plain {
  id: string;
  weight: string;
  target: string;
  locked: boolean;
  floor: string | null;
  floorBinds: boolean;
  roundedUp: boolean;
  assigned: string | null;
  children: Plain[];
}
const plain = (n: TargetHierarchyNode): Plain => ({
  id: n.id,
  weight: n.weight.toString(),
  target: n.target.toString(),
  locked: n.locked,
  floor: n.floor === null ? null : n.floor.toString(),
  floorBinds: n.floorBinds,
  roundedUp: n.roundedUp,
  assigned: n.assigned === null ? null : n.assigned.toString(),
  children: n.children.map(plain),
});
const leaf = (id: string, weight: string, target: string, extra: Partial<Plain> = {}): Plain => ({
  id,
  weight,
  target,
  locked: false,
  floor: null,
  floorBinds: false,
  roundedUp: false,
  assigned: null,
  children: [],
  ...extra,
});

describe('cascadeHierarchy: every node, every field', () => {
  it('1,000 over north (120 + 80 = 200) and south (100): the whole tree, flags included', () => {
    // brand: 1000 × 200/300 = 666.67 and 1000 × 100/300 = 333.33 → 666 + 333 = 999, the last unit
    // to the larger remainder (.67): north 667 (rounded up), south 333.
    // north: 667 × 120/200 = 400.2 and 667 × 80/200 = 266.8 → 400 + 266 = 666, the last unit to
    // D02 (.8): 400, 267 (rounded up). south: 333 × 100/100 = 333 exactly.
    const h = cascadeHierarchy(tree, 1000);
    expect(plain(h.root)).toEqual(
      leaf('brand', '300', '1000', {
        children: [
          leaf('north', '200', '667', { roundedUp: true, children: [leaf('D01', '120', '400'), leaf('D02', '80', '267', { roundedUp: true })] }),
          leaf('south', '100', '333', { children: [leaf('D03', '100', '333')] }),
        ],
      }),
    );
    expect([h.total.toString(), h.rounding, h.uplift, h.leaves, h.warnings]).toEqual(['1000', { scale: 0, mode: 'half-up' }, null, 3, []]);
  });

  it('a locked dealer lifts its area: D01 locked at 300 of 400 makes north at least 300', () => {
    // D01's lock (300) is north's need, so north's floor is 300; north's weighted share of 400 is
    // 400 × 200/300 = 266.67 < 300, so the floor binds: north 300, south 400 − 300 = 100.
    // north's 300: D01 keeps its lock, 300 − 300 = 0 is left for D02. south's 100 all to D03.
    const h = cascadeHierarchy(tree, 400, { locks: { D01: 300 } });
    expect(plain(h.root)).toEqual(
      leaf('brand', '300', '400', {
        children: [
          leaf('north', '200', '300', {
            floor: '300',
            floorBinds: true,
            children: [leaf('D01', '120', '300', { locked: true }), leaf('D02', '80', '0')],
          }),
          leaf('south', '100', '100', { children: [leaf('D03', '100', '100')] }),
        ],
      }),
    );
  });

  it('a lock exactly at what its children need holds: north 350 = floors 200 + 150', () => {
    // north locked at 350, south 1000 − 350 = 650. Under north, 350 × 120/200 = 210 and
    // 350 × 80/200 = 140 < 150, so D02 takes its floor 150 and D01 the other 200 (= its floor).
    const h = cascadeHierarchy(tree, 1000, { locks: { north: 350 }, floors: { D01: 200, D02: 150 } });
    expect(h.root.children.map((r) => [r.id, r.target.toString(), r.locked, r.floor])).toEqual([
      ['north', '350', true, null],
      ['south', '650', false, null],
    ]);
    expect(h.root.children[0]!.children.map((d) => [d.target.toString(), d.floor!.toString()])).toEqual([
      ['200', '200'],
      ['150', '150'],
    ]);
  });

  it('a lock one unit below that need is infeasible, with the need as the limit', () => {
    // need 200 + 150 = 350, lock 349: short by 1.
    const e = errorOf(() => cascadeHierarchy(tree, 1000, { locks: { north: 349 }, floors: { D01: 200, D02: 150 } }));
    expect(e.code).toBe('infeasible');
    expect(e.issues).toEqual([
      { path: ['options', 'locks', 'north'], code: 'infeasible', limit: '350', message: "is below what its children's locks and floors need (350) by 1" },
    ]);
  });

  it('the deepest branch first: the tree still has 2 levels below the root', () => {
    const deepFirst = { id: 'brand', children: [{ id: 'north', children: [{ id: 'D01', weight: 1 }] }, { id: 'south', weight: 1 }] };
    const h = cascadeHierarchy(deepFirst, 100, { uplift: 1.1 });
    expect(h.uplift!.map(String)).toEqual(['1.1', '1.1']);
    // 100 over 1:1 = 50, 50; uplifted 110 → 55, 55; north's 55 × 1.1 = 60.5 → 61 (half-up) to D01.
    expect(plain(h.root)).toEqual(
      leaf('brand', '2', '100', {
        assigned: '100',
        children: [
          leaf('north', '1', '50', { assigned: '55', children: [leaf('D01', '1', '50', { assigned: '61' })] }),
          leaf('south', '1', '50', { assigned: '55' }),
        ],
      }),
    );
  });

  it('a zero total with an uplift hands down zeros (the weights are the basis when every target is 0)', () => {
    const h = cascadeHierarchy(tree, 0, { uplift: 1.1 });
    const flat = (n: TargetHierarchyNode): string[] => [`${n.id} ${n.target.toString()} ${n.assigned!.toString()}`, ...n.children.flatMap(flat)];
    expect(flat(h.root)).toEqual(['brand 0 0', 'north 0 0', 'D01 0 0', 'D02 0 0', 'south 0 0', 'D03 0 0']);
  });

  it('an impossible split under the second area is reported at that area', () => {
    // r: 10 over 1:1 → a 5, b 5; b's dealers both weigh 0, so its 5 has nowhere to go.
    const t = {
      id: 'r',
      children: [
        { id: 'a', weight: 1, children: [{ id: 'd0', weight: 1 }] },
        { id: 'b', weight: 1, children: [{ id: 'd1', weight: 0 }, { id: 'd2', weight: 0 }] },
      ],
    };
    expect(issuesOf(() => cascadeHierarchy(t, 10))).toEqual([
      'tree.children[1].children: under b (target 5): the weights of the children left to spread over are all zero, so nothing carries the remaining 5',
    ]);
  });
});

describe('cascadeHierarchy: refusals, whole', () => {
  it('a cycle below the root is named from the node it returns to', () => {
    const a: { id: string; children: unknown[] } = { id: 'a', children: [] };
    const b = { id: 'b', children: [a] };
    a.children.push(b);
    const e = errorOf(() => cascadeHierarchy({ id: 'r', children: [a] } as never, 10));
    expect(e.code).toBe('invalid_input');
    expect(e.issues).toEqual([
      { path: ['tree', 'children', 0, 'children', 0, 'children', 0], code: 'cycle', message: 'refers back to its own ancestor (a → b → a): a territory cannot contain itself' },
    ]);
  });

  it('nodes without an id are named by the path where the cycle is found', () => {
    const loop: { children: unknown[] } = { children: [] };
    loop.children.push({ id: 'x', weight: 1 }, loop);
    expect(issuesOf(() => cascadeHierarchy(loop as never, 10))).toEqual([
      'tree.children[1]: refers back to its own ancestor (tree.children[1] → tree.children[1]): a territory cannot contain itself',
    ]);
  });

  it('a node given twice names where it was first met, past holes, leaves and other branches', () => {
    const shared = { id: 's', weight: 1 };
    const t = {
      id: 'r',
      children: [undefined, null, { id: 'a', weight: 1 }, { id: 'n', children: [{ id: 'z', weight: 1 }] }, { id: 'm', children: [shared] }, shared],
    };
    const e = errorOf(() => cascadeHierarchy(t as never, 10));
    expect(e.code).toBe('invalid_input');
    expect(e.issues).toEqual([
      { path: ['tree', 'children', 5], code: 'duplicate', message: 'is the same object as tree.children[4].children[0]: each node may appear once in the tree' },
    ]);
  });

  it('repeated nulls or numbers are not nodes: the parse refuses each, not as a duplicate', () => {
    for (const hole of [null, 5]) {
      const e = errorOf(() => cascadeHierarchy({ id: 'r', children: [hole, hole] } as never, 10));
      expect(e.issues.map((i) => [i.path, i.code])).toEqual([
        [['tree', 'children', 0], 'invalid_type'],
        [['tree', 'children', 1], 'invalid_type'],
      ]);
    }
  });

  it('too deep: error code invalid_input', () => {
    let deep: { id: string; weight?: number; children?: unknown[] } = { id: 'leaf', weight: 1 };
    for (let i = 0; i < 101; i++) deep = { id: `n${i}`, children: [deep] };
    expect(errorOf(() => cascadeHierarchy(deep as never, 10)).code).toBe('invalid_input');
  });

  it('a leaf without a weight and a repeated id, each issue whole', () => {
    const e = errorOf(() => cascadeHierarchy({ id: 'r', children: [{ id: 'a' }, { id: 'a', weight: 1 }] }, 10));
    expect(e.code).toBe('invalid_input');
    expect(e.issues).toEqual([
      { path: ['tree', 'children', 0, 'weight'], code: 'required', expected: 'a number', message: 'is required on a node without children' },
      { path: ['tree', 'children', 1, 'id'], code: 'duplicate', received: '"a"', message: 'repeats the id "a"' },
    ]);
  });

  it('no children, a root lock: each issue whole', () => {
    expect(errorOf(() => cascadeHierarchy({ id: 'r' }, 10)).issues).toEqual([
      { path: ['tree', 'children'], code: 'too_short', limit: '1', message: 'must hold at least one child' },
    ]);
    expect(errorOf(() => cascadeHierarchy(tree, 10, { locks: { brand: 10 } })).issues).toEqual([
      { path: ['options', 'locks', 'brand'], code: 'invalid_value', message: 'cannot lock the root: its target is the total' },
    ]);
  });

  it('a negative total and a total with decimals at scale 0 are refused at total', () => {
    expect(errorOf(() => cascadeHierarchy(tree, -5)).issues.map((i) => [i.path, i.message])).toEqual([[['total'], 'must not be negative, received -5']]);
    expect(issuesOf(() => cascadeHierarchy(tree, 10.5))).toEqual([
      'total: has more than 0 decimal places (10.5); round it to the scale first, or give rounding: { scale } for decimals',
    ]);
  });

  it('a lock or a floor with decimals at scale 0 is refused at its own path', () => {
    const decimals = (v: string) => `has more than 0 decimal places (${v}); round it to the scale first, or give rounding: { scale } for decimals`;
    expect(errorOf(() => cascadeHierarchy(tree, 10, { locks: { D01: 1.5 } })).issues.map((i) => [i.path, i.message])).toEqual([[['options', 'locks', 'D01'], decimals('1.5')]]);
    expect(errorOf(() => cascadeHierarchy(tree, 10, { floors: { south: 2.5 } })).issues.map((i) => [i.path, i.message])).toEqual([[['options', 'floors', 'south'], decimals('2.5')]]);
  });
});
