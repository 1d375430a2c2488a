// chartStockPosition: a SKU list's stock against its safety stock, reorder point and maximum, one
// row per SKU, the bar coloured by the reorder status.
import * as z from 'zod/mini';
import { checkShape } from '../core/result-check.js';
import { invalid, wrapThrown } from '../core/errors.js';
import type { Warning } from '../core/result.js';
import type { ReorderPlan } from '../inventory/index.js';
import { CHART_MESSAGES as M, CHART_STEPS as S, CHART_WARNINGS as W } from './messages.js';
import { chartOptionsShape, nonEmpty, num, objectAt, optionsOf, specOf, type ChartOptions, type ChartRow, type VegaLiteSpec } from './spec.js';
import { lazySchema } from '../core/lazy.js';

/** Options of {@link chartStockPosition}. */
export type StockPositionOptions = ChartOptions;

const optionsShape = lazySchema(() => z.strictObject({ ...chartOptionsShape() }));

const FIELDS = {
  skus: {
    sku: 'the SKU id (one row each, in input order)',
    order: 'its position in the input',
    onHand: 'units on hand (the inventory position when the plan has no steps)',
    position: 'the inventory position: on hand + on order counted − backordered − committed',
    safetyStock: 'the safety stock',
    reorderPoint: 'the reorder point (alert line)',
    max: 'the upper limit',
    status: 'the reorder status: stockout, urgent, reorder, overstock or ok',
    suggestedOrder: 'units to order now',
  },
  levels: { sku: 'the SKU id', level: "'safety stock', 'reorder point' or 'maximum'", value: 'the level in units' },
};

const STATUS_COLOURS = { domain: ['stockout', 'urgent', 'reorder', 'overstock', 'ok'], range: ['#8e0000', '#c62828', '#fb8c00', '#5c6bc0', '#2e7d32'] };

/** The specification {@link chartStockPosition} returns: datasets `skus`, `levels`. */
export type StockPositionSpec = VegaLiteSpec<'skus' | 'levels'>;

/**
 * The stock position of a SKU list: per SKU a bar of the stock on hand (coloured by the reorder
 * status) against ticks at its safety stock, reorder point and maximum, and a point at the
 * inventory position. Plans made with `detail: 'summary'` have no steps: their bar shows the
 * inventory position (a `position-not-on-hand` warning).
 *
 * Datasets: `skus` (`sku`, `order`, `onHand`, `position`, `safetyStock`, `reorderPoint`, `max`,
 * `status`, `suggestedOrder`) and `levels` (`sku`, `level`, `value`).
 *
 * @param plans - Results of `planReorder` (or the rows of `planReorders`), each with its `id`.
 * @param options - `title`, `width`, `height`.
 * @example
 * ```ts
 * const plan = planReorder({ service: { cycle: 0.95 }, orderQuantity: { fixed: 100 } }, { id: 'WM-101', demand: { meanPerDay: 20, sdPerDay: 5 }, leadTime: { days: 7 }, stock: { onHand: 150, onOrder: 0 } });
 * chartStockPosition([plan]).datasets.skus.map((s) => [s.sku, s.onHand, s.status]);
 * //=> [['WM-101', 150, 'reorder']]
 * ```
 */
export function chartStockPosition(plans: readonly ReorderPlan[], options?: StockPositionOptions): StockPositionSpec {
  try {
    const list = nonEmpty<ReorderPlan>(plans, ['plans'], 'plan');
    const o = optionsOf<{ title?: string; width?: number; height?: number }>(optionsShape, options);
    const skus: ChartRow[] = [];
    const levels: ChartRow[] = [];
    let withoutSteps = 0;
    list.forEach((p0, k) => {
      const p = objectAt<ReorderPlan>(p0, ['plans', k], 'a result of planReorder');
      if (p.id === null || p.id === undefined) invalid(['plans', k, 'id'], M.noId, { code: 'required' });
      checkShape(p, { id: 'str|num' }, ['plans', k]);
      const sku = String(p.id);
      const at = (f: string) => ['plans', k, f];
      // Every step is an object (a hole or a value of another type is refused at its place).
      if (Array.isArray(p.steps)) checkShape(p.steps, [{ code: 'str' }], ['plans', k, 'steps']);
      const step = Array.isArray(p.steps) ? (p.steps.find((s) => s.code === 'inventory-position') as { onHand?: number } | undefined) : undefined;
      if (step === undefined) withoutSteps++;
      const position = num(p.inventoryPosition, at('inventoryPosition'));
      const row = {
        sku,
        order: k,
        onHand: step?.onHand ?? position,
        position,
        safetyStock: num(p.safetyStock, at('safetyStock')),
        reorderPoint: num(p.reorderPoint, at('reorderPoint')),
        max: num(p.max, at('max')),
        status: String(p.status),
        suggestedOrder: num(p.suggestedOrder, at('suggestedOrder')),
      };
      skus.push(row);
      levels.push({ sku, level: 'safety stock', value: row.safetyStock }, { sku, level: 'reorder point', value: row.reorderPoint }, { sku, level: 'maximum', value: row.max });
    });
    const warnings: Warning[] = withoutSteps === 0 ? [] : [W.positionNotOnHand(withoutSteps)];
    const y = { field: 'sku', type: 'nominal', sort: skus.map((s) => s.sku), title: null };
    return specOf(
      'stock-position',
      {
        description: `${skus.length} SKUs: stock on hand against safety stock, reorder point and maximum, coloured by reorder status.`,
        title: { text: o.title ?? 'Stock position', subtitle: 'bars: on hand; ticks: safety stock, reorder point, maximum; dots: inventory position' },
        width: o.width ?? 520,
        height: o.height ?? Math.max(120, 18 * skus.length),
        datasets: { skus, levels },
        layer: [
          {
            name: 'onHand',
            data: { name: 'skus' },
            mark: { type: 'bar', height: { band: 0.6 } },
            encoding: {
              y,
              x: { field: 'onHand', type: 'quantitative', title: 'units', axis: { format: ',.0f' } },
              color: { field: 'status', type: 'nominal', scale: STATUS_COLOURS, title: 'status' },
              tooltip: [{ field: 'sku' }, { field: 'status' }, { field: 'onHand', type: 'quantitative' }, { field: 'position', type: 'quantitative' }, { field: 'reorderPoint', type: 'quantitative', format: ',.1f' }, { field: 'max', type: 'quantitative', format: ',.1f' }, { field: 'suggestedOrder', type: 'quantitative' }],
            },
          },
          {
            name: 'levels',
            data: { name: 'levels' },
            mark: { type: 'tick', thickness: 2 },
            encoding: {
              y,
              x: { field: 'value', type: 'quantitative' },
              stroke: { field: 'level', type: 'nominal', scale: { domain: ['safety stock', 'reorder point', 'maximum'], range: ['#8e0000', '#e07b24', '#1f4e79'] }, title: 'level' },
            },
          },
          { name: 'position', data: { name: 'skus' }, mark: { type: 'point', filled: true, color: '#1b1f24', size: 20 }, encoding: { y, x: { field: 'position', type: 'quantitative' } } },
        ],
      },
      FIELDS,
      [{ code: 'stock-position', text: S.stock(skus.length) }],
      warnings,
    );
  } catch (error) {
    throw wrapThrown(error);
  }
}
