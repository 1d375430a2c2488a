// chartCascade: a target cascade as stacked bars (the year by quarter, month and week, each level
// one bar whose parts sum exactly to the year), or a territory tree as grouped bars.
import * as z from 'zod/mini';
import { checkShape, memo, ref, type ResultShape } from '../core/result-check.js';
import { invalid, wrapThrown } from '../core/errors.js';
import type { TargetCascade, TargetHierarchy, TargetHierarchyNode, TargetPeriod } from '../targets/index.js';
import { CHART_MESSAGES as M, CHART_STEPS as S } from './messages.js';
import { PALETTE, amountText, chartOptionsShape, num, objectAt, optionsOf, specOf, type ChartOptions, type ChartRow, type VegaLiteSpec } from './spec.js';
import { lazySchema } from '../core/lazy.js';

/** Options of {@link chartCascade}. */
export type CascadeChartOptions = ChartOptions;

const optionsShape = lazySchema(() => z.strictObject({ ...chartOptionsShape() }));

/** The specification {@link chartCascade} returns for a cascade: datasets `periods`, `sums`. */
export type CascadeSpec = VegaLiteSpec<'periods' | 'sums'>;

/** The specification {@link chartCascade} returns for a territory tree: dataset `leaves`. */
export type TerritorySpec = VegaLiteSpec<'leaves'>;

const CASCADE_FIELDS = {
  periods: {
    level: 'the level: quarter, month or week',
    levelOrder: 'the level\'s position, 0 = coarsest',
    period: 'the period id',
    top: 'the first-level period it belongs to (the colour)',
    order: 'its position within its level',
    target: 'its target',
    start: 'its first day',
    end: 'its last day',
  },
  sums: { level: 'the level', sum: "the sum of the level's targets (always the year's total)", label: 'the sum in words' },
};

const TREE_FIELDS = {
  leaves: {
    group: 'the top-level node the leaf is under (the x axis)',
    parent: "the leaf's parent (the colour)",
    id: 'the leaf (a dealer)',
    target: "the leaf's target",
    order: 'its position in the tree',
  },
};

// What the chart walks without checking each figure itself (num() checks the targets and sums):
// a corrupted period, child list or label is refused at its path (src/core/result-check.ts).
const periodShape = /* @__PURE__ */ memo(() => ({ kind: 'str', period: 'str', start: 'str', end: 'str', children: [ref(periodShape)] }));
const cascadeShape = /* @__PURE__ */ memo((): ResultShape => ({ period: 'str', periods: [ref(periodShape)], levels: ['str'], levelSums: [{ kind: 'str' }], rounding: { scale: 'scale' }, warnings: ['obj'] }));
const nodeShape = /* @__PURE__ */ memo(() => ({ id: 'str|num', children: [ref(nodeShape)] }));
const treeShape = /* @__PURE__ */ memo((): ResultShape => ({ root: ref(nodeShape), rounding: { scale: 'scale' }, warnings: ['obj'] }));

/** A territory tree: an object (checked by the caller) whose `root` is an object. */
function isHierarchy(v: object): v is TargetHierarchy {
  const root = (v as { root?: unknown }).root;
  return typeof root === 'object' && root !== null;
}

function cascadeSpec(c: TargetCascade, o: { title?: string; width?: number; height?: number }): CascadeSpec {
  if (!Array.isArray(c.periods) || !Array.isArray(c.levels)) invalid(['cascade'], M.notAResult('a result of cascadeTarget or cascadeHierarchy'), { code: 'invalid_type' });
  if (c.periods.length === 0) invalid(['cascade', 'periods'], M.noRows('period'), { code: 'too_short', limit: '1' });
  checkShape(c, cascadeShape(), ['cascade']);
  const rows: ChartRow[] = [];
  const orders = new Map<string, number>();
  const walk = (list: readonly TargetPeriod[], top: string | null, path: (string | number)[]) => {
    list.forEach((p, k) => {
      const t = top ?? p.period;
      const order = orders.get(p.kind) ?? 0;
      orders.set(p.kind, order + 1);
      rows.push({ level: p.kind, levelOrder: c.levels.indexOf(p.kind), period: p.period, top: t, order, target: num(p.target, [...path, k, 'target']), start: p.start, end: p.end });
      walk(p.children, t, [...path, k, 'children']);
    });
  };
  walk(c.periods, null, ['cascade', 'periods']);
  const scale = c.rounding.scale;
  const sums: ChartRow[] = c.levelSums.map((l, k) => {
    const at = ['cascade', 'levelSums', k, 'sum'];
    return { level: l.kind, sum: num(l.sum, at), label: `Σ ${amountText(l.sum, scale, at)}` };
  });
  const total = amountText(c.total, scale, ['cascade', 'total']);
  const tops = c.periods.map((p) => p.period);
  const y = { field: 'level', type: 'nominal', sort: [...c.levels], title: null };
  return specOf(
    'cascade',
    {
      description: `The ${c.period} target of ${total} by ${c.levels.join(', ')}: one stacked bar per level, each summing to the year.`,
      title: { text: o.title ?? `${c.period}: ${total} by ${c.levels.join(', ')}`, subtitle: 'each bar is one level; its parts sum exactly to the year' },
      width: o.width ?? 560,
      height: o.height ?? Math.max(90, 50 * c.levels.length),
      datasets: { periods: rows, sums },
      layer: [
        {
          name: 'periods',
          data: { name: 'periods' },
          mark: { type: 'bar', stroke: '#ffffff', strokeWidth: 0.5 },
          encoding: {
            y,
            x: { field: 'target', type: 'quantitative', stack: 'zero', title: 'target', axis: { format: ',.0f' } },
            color: { field: 'top', type: 'nominal', sort: tops, scale: { range: PALETTE }, title: c.levels[0] },
            order: { field: 'order', type: 'quantitative' },
            detail: { field: 'period', type: 'nominal' },
            tooltip: [{ field: 'period' }, { field: 'target', type: 'quantitative', format: ',' }, { field: 'start' }, { field: 'end' }],
          },
        },
        { name: 'sums', data: { name: 'sums' }, mark: { type: 'text', align: 'left', dx: 4, fontSize: 10 }, encoding: { y, x: { field: 'sum', type: 'quantitative' }, text: { field: 'label' } } },
      ],
    },
    CASCADE_FIELDS,
    [{ code: 'cascade-levels', text: S.levels(c.levels.length, rows.length) }],
    [...c.warnings],
  );
}

function treeSpec(h: TargetHierarchy, o: { title?: string; width?: number; height?: number }): TerritorySpec {
  const root = objectAt<TargetHierarchyNode>(h.root, ['cascade', 'root'], 'a territory node');
  if (!Array.isArray(root.children) || root.children.length === 0) invalid(['cascade', 'root', 'children'], M.noRows('child'), { code: 'too_short', limit: '1' });
  checkShape(h, treeShape(), ['cascade']);
  const rows: ChartRow[] = [];
  const leaves = (n: TargetHierarchyNode, group: string, parent: string, path: (string | number)[]) => {
    if (n.children.length === 0) {
      rows.push({ group, parent, id: String(n.id), target: num(n.target, [...path, 'target']), order: rows.length });
      return;
    }
    n.children.forEach((c, k) => leaves(c, group, String(n.id), [...path, 'children', k]));
  };
  root.children.forEach((g, k) => leaves(g, String(g.id), String(g.id), ['cascade', 'root', 'children', k]));
  const groups = root.children.map((g) => String(g.id));
  return specOf(
    'territory',
    {
      description: `The territory tree's ${rows.length} leaves grouped under ${groups.length} top-level nodes, each bar a leaf's target.`,
      title: { text: o.title ?? `Targets down the territory tree: ${amountText(h.total, h.rounding.scale, ['cascade', 'total'])}` },
      width: o.width ?? 560,
      height: o.height ?? 260,
      datasets: { leaves: rows },
      layer: [
        {
          name: 'leaves',
          data: { name: 'leaves' },
          mark: { type: 'bar' },
          encoding: {
            x: { field: 'group', type: 'nominal', sort: groups, title: null, axis: { labelAngle: 0 } },
            xOffset: { field: 'id', type: 'nominal', sort: { field: 'order' } },
            y: { field: 'target', type: 'quantitative', title: 'target', axis: { format: ',.0f' } },
            color: { field: 'parent', type: 'nominal', scale: { range: PALETTE }, title: 'parent' },
            tooltip: [{ field: 'id' }, { field: 'parent' }, { field: 'target', type: 'quantitative', format: ',' }],
          },
        },
      ],
    },
    TREE_FIELDS,
    [{ code: 'territory-leaves', text: S.tree(rows.length, groups.length) }],
    [...h.warnings],
  );
}

/**
 * A target cascade as stacked bars: one bar per level (the year by quarter, month and week), each
 * bar's parts the level's periods (coloured by their first-level period) summing exactly to the
 * year. Given a territory tree (`cascadeHierarchy`), grouped bars: each leaf's target, grouped
 * under its top-level node and coloured by its parent.
 *
 * Datasets: for a cascade, `periods` (`level`, `levelOrder`, `period`, `top`, `order`, `target`,
 * `start`, `end`) and `sums` (`level`, `sum`, `label`); for a tree, `leaves` (`group`, `parent`,
 * `id`, `target`, `order`).
 *
 * @param cascade - A result of `cascadeTarget`, or of `cascadeHierarchy`.
 * @param options - `title`, `width`, `height`.
 * @example
 * ```ts
 * const c = cascadeTarget({ calendar: defineGregorianCalendar({ year: 2026 }), levels: ['quarter', 'month'], spread: 'even' }, 100000000);
 * chartCascade(c).datasets.sums.map((s) => [s.level, s.sum]);
 * //=> [['quarter', 100000000], ['month', 100000000]]
 * ```
 */
export function chartCascade(cascade: TargetCascade, options?: CascadeChartOptions): CascadeSpec;
export function chartCascade(cascade: TargetHierarchy, options?: CascadeChartOptions): TerritorySpec;
export function chartCascade(cascade: TargetCascade | TargetHierarchy, options?: CascadeChartOptions): CascadeSpec | TerritorySpec;
export function chartCascade(cascade: TargetCascade | TargetHierarchy, options?: CascadeChartOptions): CascadeSpec | TerritorySpec {
  try {
    const value = objectAt<TargetCascade | TargetHierarchy>(cascade, ['cascade'], 'a result of cascadeTarget or cascadeHierarchy');
    const o = optionsOf<{ title?: string; width?: number; height?: number }>(optionsShape, options);
    return isHierarchy(value) ? treeSpec(value, o) : cascadeSpec(value as TargetCascade, o);
  } catch (error) {
    throw wrapThrown(error);
  }
}
