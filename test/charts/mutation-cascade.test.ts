// chartCascade asserted whole (src/charts/cascade.ts): a cascade's stacked bars and a territory tree's
// grouped bars, with their layers, fields, titles and steps, derived here by hand.
import { describe, expect, it } from 'vitest';
import { cascadeHierarchy, cascadeTarget, defineGregorianCalendar } from 'dealerkit';
import { chartCascade } from 'dealerkit/charts';
import { thrown } from '../helpers.js';
import { CONFIG, SCHEMA } from './spec-parts.js';

const PALETTE = ['#1f4e79', '#e07b24', '#2e7d32', '#8e44ad', '#c62828', '#00838f', '#6d4c41', '#5c6bc0', '#9e9d24', '#ad1457'];
const calendar = defineGregorianCalendar({ year: 2026 });

const CASCADE_FIELDS = {
  periods: {
    level: 'the level: quarter, month or week',
    levelOrder: "the level's position, 0 = coarsest",
    period: 'the period id',
    top: 'the first-level period it belongs to (the colour)',
    order: 'its position within its level',
    target: 'its target',
    start: 'its first day',
    end: 'its last day',
  },
  sums: { level: 'the level', sum: "the sum of the level's targets (always the year's total)", label: 'the sum in words' },
};

describe('chartCascade, whole', () => {
  it('a year by quarter', () => {
    // 1,000 evenly over four quarters: 250 each.
    const spec = chartCascade(cascadeTarget({ calendar, levels: ['quarter'], spread: 'even' }, 1000));
    const q = (n: number, start: string, end: string) => ({ level: 'quarter', levelOrder: 0, period: `2026-Q${n}`, top: `2026-Q${n}`, order: n - 1, target: 250, start, end });
    const y = { field: 'level', type: 'nominal', sort: ['quarter'], title: null };
    expect(spec).toEqual({
      $schema: SCHEMA,
      description: 'The 2026 target of 1,000 by quarter: one stacked bar per level, each summing to the year.',
      title: { text: '2026: 1,000 by quarter', subtitle: 'each bar is one level; its parts sum exactly to the year' },
      // 50 px a level is 50: the minimum height 90.
      width: 560,
      height: 90,
      datasets: {
        periods: [q(1, '2026-01-01', '2026-03-31'), q(2, '2026-04-01', '2026-06-30'), q(3, '2026-07-01', '2026-09-30'), q(4, '2026-10-01', '2026-12-31')],
        sums: [{ level: 'quarter', sum: 1000, label: 'Σ 1,000' }],
      },
      layer: [
        {
          name: 'periods',
          data: { name: 'periods' },
          mark: { type: 'bar', stroke: '#ffffff', strokeWidth: 0.5 },
          encoding: {
            y,
            x: { field: 'target', type: 'quantitative', stack: 'zero', title: 'target', axis: { format: ',.0f' } },
            color: { field: 'top', type: 'nominal', sort: ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'], scale: { range: PALETTE }, title: 'quarter' },
            order: { field: 'order', type: 'quantitative' },
            detail: { field: 'period', type: 'nominal' },
            tooltip: [{ field: 'period' }, { field: 'target', type: 'quantitative', format: ',' }, { field: 'start' }, { field: 'end' }],
          },
        },
        { name: 'sums', data: { name: 'sums' }, mark: { type: 'text', align: 'left', dx: 4, fontSize: 10 }, encoding: { y, x: { field: 'sum', type: 'quantitative' }, text: { field: 'label' } } },
      ],
      config: CONFIG,
      usermeta: { dealerkit: { chart: 'cascade', fields: CASCADE_FIELDS, warnings: [], steps: [{ code: 'cascade-levels', text: '1 level of the cascade, 4 periods in all; every level sums to the year' }] } },
    });
  });

  it('quarters and months: each month under its quarter, numbered within its level', () => {
    // 1,200 by quarter (300) and month (100): Q1, its three months, Q2, … (the walk goes down each quarter).
    const spec = chartCascade(cascadeTarget({ calendar, levels: ['quarter', 'month'], spread: 'even' }, 1200), { title: 'Plan', width: 600, height: 150 });
    expect([spec.title, spec.width, spec.height]).toEqual([{ text: 'Plan', subtitle: 'each bar is one level; its parts sum exactly to the year' }, 600, 150]);
    expect(spec.datasets.periods.slice(0, 5)).toEqual([
      { level: 'quarter', levelOrder: 0, period: '2026-Q1', top: '2026-Q1', order: 0, target: 300, start: '2026-01-01', end: '2026-03-31' },
      { level: 'month', levelOrder: 1, period: '2026-01', top: '2026-Q1', order: 0, target: 100, start: '2026-01-01', end: '2026-01-31' },
      { level: 'month', levelOrder: 1, period: '2026-02', top: '2026-Q1', order: 1, target: 100, start: '2026-02-01', end: '2026-02-28' },
      { level: 'month', levelOrder: 1, period: '2026-03', top: '2026-Q1', order: 2, target: 100, start: '2026-03-01', end: '2026-03-31' },
      { level: 'quarter', levelOrder: 0, period: '2026-Q2', top: '2026-Q2', order: 1, target: 300, start: '2026-04-01', end: '2026-06-30' },
    ]);
    expect(spec.datasets.periods.at(-1)).toEqual({ level: 'month', levelOrder: 1, period: '2026-12', top: '2026-Q4', order: 11, target: 100, start: '2026-12-01', end: '2026-12-31' });
    expect(spec.datasets.sums).toEqual([{ level: 'quarter', sum: 1200, label: 'Σ 1,200' }, { level: 'month', sum: 1200, label: 'Σ 1,200' }]);
    expect(spec.description).toBe('The 2026 target of 1,200 by quarter, month: one stacked bar per level, each summing to the year.');
    expect(chartCascade(cascadeTarget({ calendar, levels: ['quarter', 'month'], spread: 'even' }, 1200)).title.text).toBe('2026: 1,200 by quarter, month');
    // Two levels: 2 × 50 = 100 > 90.
    expect(chartCascade(cascadeTarget({ calendar, levels: ['quarter', 'month'], spread: 'even' }, 1200)).height).toBe(100);
    expect(spec.usermeta.dealerkit.steps).toEqual([{ code: 'cascade-levels', text: '2 levels of the cascade, 16 periods in all; every level sums to the year' }]);
  });

  it('a cascade at two decimals prints its sums with them, and keeps its warnings', () => {
    const c = cascadeTarget({ calendar, levels: ['quarter'], spread: 'even', rounding: { scale: 2 } }, '1000.5');
    // 1,000.50 over four quarters: 250.125 each → 250.13, 250.13, 250.12, 250.12 by largest remainder.
    const spec = chartCascade(c);
    expect(spec.datasets.sums).toEqual([{ level: 'quarter', sum: 1000.5, label: 'Σ 1,000.50' }]);
    expect(spec.title.text).toBe('2026: 1,000.50 by quarter');
    const warned = chartCascade({ ...c, warnings: [{ code: 'w', message: 'note' }] } as never);
    expect(warned.usermeta.dealerkit.warnings).toEqual([{ code: 'w', message: 'note' }]);
  });

  it('a territory tree three levels deep: the group is the top node, the colour the parent', () => {
    // brand 1,000 by weight: north 300 of 400 → 750, south 100 → 250; north: city 200 of 300 → 500, D03 100 → 250;
    // city: D01 120 of 200 → 300, D02 80 → 200; south: D04 250.
    const h = cascadeHierarchy({ id: 'brand', children: [{ id: 'north', children: [{ id: 'city', children: [{ id: 'D01', weight: 120 }, { id: 'D02', weight: 80 }] }, { id: 'D03', weight: 100 }] }, { id: 'south', children: [{ id: 'D04', weight: 100 }] }] }, 1000);
    expect(chartCascade(h)).toEqual({
      $schema: SCHEMA,
      description: "The territory tree's 4 leaves grouped under 2 top-level nodes, each bar a leaf's target.",
      title: { text: 'Targets down the territory tree: 1,000' },
      width: 560,
      height: 260,
      datasets: {
        leaves: [
          { group: 'north', parent: 'city', id: 'D01', target: 300, order: 0 },
          { group: 'north', parent: 'city', id: 'D02', target: 200, order: 1 },
          { group: 'north', parent: 'north', id: 'D03', target: 250, order: 2 },
          { group: 'south', parent: 'south', id: 'D04', target: 250, order: 3 },
        ],
      },
      layer: [
        {
          name: 'leaves',
          data: { name: 'leaves' },
          mark: { type: 'bar' },
          encoding: {
            x: { field: 'group', type: 'nominal', sort: ['north', 'south'], title: null, axis: { labelAngle: 0 } },
            xOffset: { field: 'id', type: 'nominal', sort: { field: 'order' } },
            y: { field: 'target', type: 'quantitative', title: 'target', axis: { format: ',.0f' } },
            color: { field: 'parent', type: 'nominal', scale: { range: PALETTE }, title: 'parent' },
            tooltip: [{ field: 'id' }, { field: 'parent' }, { field: 'target', type: 'quantitative', format: ',' }],
          },
        },
      ],
      config: CONFIG,
      usermeta: {
        dealerkit: {
          chart: 'territory',
          fields: {
            leaves: {
              group: 'the top-level node the leaf is under (the x axis)',
              parent: "the leaf's parent (the colour)",
              id: 'the leaf (a dealer)',
              target: "the leaf's target",
              order: 'its position in the tree',
            },
          },
          warnings: [],
          steps: [{ code: 'territory-leaves', text: '4 leaves of the territory tree grouped under 2 top-level nodes' }],
        },
      },
    });
    const sized = chartCascade(h, { title: 'Tree', width: 300, height: 200 });
    expect([sized.title, sized.width, sized.height]).toEqual([{ text: 'Tree' }, 300, 200]);
    expect(chartCascade({ ...h, warnings: [{ code: 'w', message: 'note' }] } as never).usermeta.dealerkit.warnings).toEqual([{ code: 'w', message: 'note' }]);
  });

  it('every refusal names its path, its code and its text', () => {
    const c = cascadeTarget({ calendar, levels: ['quarter', 'month'], spread: 'even' }, 1200);
    const h = cascadeHierarchy({ id: 'brand', children: [{ id: 'a', weight: 1 }] }, 10);
    const what = 'must be a result of cascadeTarget or cascadeHierarchy';
    expect(thrown(() => chartCascade('x' as never)).issues).toEqual([{ path: ['cascade'], code: 'invalid_type', message: what }]);
    expect(thrown(() => chartCascade({ periods: [], levels: 'quarter' } as never)).issues).toEqual([{ path: ['cascade'], code: 'invalid_type', message: what }]);
    expect(thrown(() => chartCascade({ periods: 'x', levels: [] } as never)).issues).toEqual([{ path: ['cascade'], code: 'invalid_type', message: what }]);
    expect(thrown(() => chartCascade({ ...c, periods: [] })).issues).toEqual([{ path: ['cascade', 'periods'], code: 'too_short', limit: '1', message: 'must hold at least one period: an empty chart is never drawn' }]);
    // A bad target deep in the tree is named where it is: the second quarter's third month.
    const periods = c.periods.map((p, k) => (k === 1 ? { ...p, children: p.children.map((m, j) => (j === 2 ? { ...m, target: 'x' } : m)) } : p));
    expect(thrown(() => chartCascade({ ...c, periods } as never)).issues.map((i) => i.path)).toEqual([['cascade', 'periods', 1, 'children', 2, 'target']]);
    expect(thrown(() => chartCascade({ ...c, levelSums: [c.levelSums[0], { ...c.levelSums[1], sum: {} }] } as never)).issues.map((i) => i.path)).toEqual([['cascade', 'levelSums', 1, 'sum']]);
    expect(thrown(() => chartCascade({ ...c, total: 'many' } as never)).issues.map((i) => i.path)).toEqual([['cascade', 'total']]);
    // A root that is not an object is a cascade without periods; children missing or empty are refused.
    expect(thrown(() => chartCascade({ ...h, root: { ...h.root, children: [] } })).issues).toEqual([{ path: ['cascade', 'root', 'children'], code: 'too_short', limit: '1', message: 'must hold at least one child: an empty chart is never drawn' }]);
    expect(thrown(() => chartCascade({ ...h, root: { ...h.root, children: 'x' } } as never)).issues.map((i) => [i.path, i.code])).toEqual([[['cascade', 'root', 'children'], 'too_short']]);
    expect(thrown(() => chartCascade({ ...h, root: null } as never)).issues.map((i) => [i.path, i.code])).toEqual([[['cascade'], 'invalid_type']]);
    const leaf = { ...h.root, children: [{ ...h.root.children[0]!, target: [] }] };
    expect(thrown(() => chartCascade({ ...h, root: leaf } as never)).issues.map((i) => i.path)).toEqual([['cascade', 'root', 'children', 0, 'target']]);
    expect(thrown(() => chartCascade({ ...h, total: 'x' } as never)).issues.map((i) => i.path)).toEqual([['cascade', 'total']]);
    // A root that is a list is a tree whose root is not a node.
    expect(thrown(() => chartCascade({ ...h, root: [] } as never)).issues).toEqual([{ path: ['cascade', 'root'], code: 'invalid_type', message: 'must be a territory node' }]);
    // A bad target two levels down is named where it is: root → north (0) → D02 (1).
    const deep = cascadeHierarchy({ id: 'brand', children: [{ id: 'north', children: [{ id: 'D01', weight: 1 }, { id: 'D02', weight: 1 }] }] }, 10);
    const north = deep.root.children[0]!;
    const bad = { ...deep, root: { ...deep.root, children: [{ ...north, children: [north.children[0]!, { ...north.children[1]!, target: {} }] }] } };
    expect(thrown(() => chartCascade(bad as never)).issues.map((i) => i.path)).toEqual([['cascade', 'root', 'children', 0, 'children', 1, 'target']]);
  });
});
