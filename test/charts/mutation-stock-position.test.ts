// chartStockPosition asserted whole (src/charts/stock-position.ts): the rows, the ticks, the layers,
// the fields, the step and the warning, from plans whose figures are derived here by hand.
import { describe, expect, it } from 'vitest';
import { planReorders } from 'dealerkit';
import { chartStockPosition } from 'dealerkit/charts';
import { thrown } from '../helpers.js';
import { CONFIG, SCHEMA } from './spec-parts.js';

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

// σ = 0 everywhere: no safety stock; reorder point = mean × lead time, maximum = reorder point + the fixed 100.
const policy = { service: { cycle: 0.95 }, distribution: 'normal', orderQuantity: { fixed: 100 } } as const;
const items = [
  // A: 10 × 10 = 100, max 200; 80 on hand, nothing on order → reorder 100.
  { id: 'A', demand: { meanPerDay: 10, sdPerDay: 0 }, leadTime: { days: 10 }, stock: { onHand: 80, onOrder: 0 } },
  // B: 1 × 5 = 5, max 105; 150 on hand → overstock, order 0.
  { id: 'B', demand: { meanPerDay: 1, sdPerDay: 0 }, leadTime: { days: 5 }, stock: { onHand: 150, onOrder: 0 } },
  // C: 2 × 5 = 10, max 110; 4 on hand + 10 on order = position 14 above 10 → ok, order 0.
  { id: 'C', demand: { meanPerDay: 2, sdPerDay: 0 }, leadTime: { days: 5 }, stock: { onHand: 4, onOrder: 10 } },
];

describe('chartStockPosition, whole', () => {
  it('three SKUs with their steps', () => {
    const spec = chartStockPosition(planReorders(policy, items).rows.map((r) => r.result!));
    const y = { field: 'sku', type: 'nominal', sort: ['A', 'B', 'C'], title: null };
    const row = (sku: string, order: number, onHand: number, position: number, reorderPoint: number, max: number, status: string, suggestedOrder: number) => ({ sku, order, onHand, position, safetyStock: 0, reorderPoint, max, status, suggestedOrder });
    const ticks = (sku: string, rop: number, max: number) => [{ sku, level: 'safety stock', value: 0 }, { sku, level: 'reorder point', value: rop }, { sku, level: 'maximum', value: max }];
    expect(spec).toEqual({
      $schema: SCHEMA,
      description: '3 SKUs: stock on hand against safety stock, reorder point and maximum, coloured by reorder status.',
      title: { text: 'Stock position', subtitle: 'bars: on hand; ticks: safety stock, reorder point, maximum; dots: inventory position' },
      // 18 px a SKU is 54: the minimum height 120.
      width: 520,
      height: 120,
      datasets: {
        skus: [row('A', 0, 80, 80, 100, 200, 'reorder', 100), row('B', 1, 150, 150, 5, 105, 'overstock', 0), row('C', 2, 4, 14, 10, 110, 'ok', 0)],
        levels: [...ticks('A', 100, 200), ...ticks('B', 5, 105), ...ticks('C', 10, 110)],
      },
      layer: [
        {
          name: 'onHand',
          data: { name: 'skus' },
          mark: { type: 'bar', height: { band: 0.6 } },
          encoding: {
            y,
            x: { field: 'onHand', type: 'quantitative', title: 'units', axis: { format: ',.0f' } },
            color: { field: 'status', type: 'nominal', scale: { domain: ['stockout', 'urgent', 'reorder', 'overstock', 'ok'], range: ['#8e0000', '#c62828', '#fb8c00', '#5c6bc0', '#2e7d32'] }, title: 'status' },
            tooltip: [
              { field: 'sku' },
              { field: 'status' },
              { field: 'onHand', type: 'quantitative' },
              { field: 'position', type: 'quantitative' },
              { field: 'reorderPoint', type: 'quantitative', format: ',.1f' },
              { field: 'max', type: 'quantitative', format: ',.1f' },
              { field: 'suggestedOrder', type: 'quantitative' },
            ],
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
      config: CONFIG,
      usermeta: { dealerkit: { chart: 'stock-position', fields: FIELDS, warnings: [], steps: [{ code: 'stock-position', text: '3 SKUs: on hand against safety stock, reorder point and maximum' }] } },
    });
  });

  it('eight SKUs grow the chart 18 px each; options set title and size', () => {
    const eight = Array.from({ length: 8 }, (_, k) => ({ ...items[1]!, id: `S${k + 1}` }));
    const plans = planReorders(policy, eight).rows.map((r) => r.result!);
    // 8 × 18 = 144 > 120.
    expect(chartStockPosition(plans).height).toBe(144);
    const sized = chartStockPosition(plans, { title: 'Warehouse', width: 400, height: 300 });
    expect([sized.title, sized.width, sized.height]).toEqual([{ text: 'Warehouse', subtitle: 'bars: on hand; ticks: safety stock, reorder point, maximum; dots: inventory position' }, 400, 300]);
    expect(sized.datasets.skus.map((s) => s.order)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('plans without steps: the bar is the position, with a warning in the singular or the plural', () => {
    const summary = planReorders(policy, items, { detail: 'summary' }).rows.map((r) => r.result!);
    const one = chartStockPosition([summary[2]!]);
    // C without steps: 4 on hand + 10 on order = 14 drawn as the bar.
    expect(one.datasets.skus.map((s) => [s.sku, s.onHand, s.position])).toEqual([['C', 14, 14]]);
    expect(one.usermeta.dealerkit.warnings).toEqual([{ code: 'position-not-on-hand', message: "1 plan has no steps (detail: 'summary'): the bar shows the inventory position instead of the stock on hand" }]);
    const full = planReorders(policy, items).rows.map((r) => r.result!);
    const mixed = chartStockPosition([summary[0]!, full[2]!, summary[2]!]);
    expect(mixed.datasets.skus.map((s) => [s.sku, s.onHand, s.position])).toEqual([['A', 80, 80], ['C', 4, 14], ['C', 14, 14]]);
    expect(mixed.usermeta.dealerkit.warnings).toEqual([{ code: 'position-not-on-hand', message: "2 plans have no steps (detail: 'summary'): the bar shows the inventory position instead of the stock on hand" }]);
    // steps that are not a list count as none; ids are written as text.
    const odd = chartStockPosition([{ ...full[0]!, id: 7 as never, steps: 'none' as never }]);
    expect(odd.datasets.skus.map((s) => [s.sku, s.onHand])).toEqual([['7', 80]]);
    expect(odd.usermeta.dealerkit.warnings.map((w) => w.code)).toEqual(['position-not-on-hand']);
  });

  it('every refusal names its path, its code and its text', () => {
    const plan = planReorders(policy, items).rows[0]!.result!;
    const issues = (fn: () => unknown) => thrown(fn).issues;
    expect(issues(() => chartStockPosition([]))).toEqual([{ path: ['plans'], code: 'too_short', limit: '1', message: 'must hold at least one plan: an empty chart is never drawn' }]);
    expect(issues(() => chartStockPosition({} as never))).toEqual([{ path: ['plans'], code: 'invalid_type', message: 'must be a list of plans' }]);
    expect(issues(() => chartStockPosition([plan, 3 as never]))).toEqual([{ path: ['plans', 1], code: 'invalid_type', message: 'must be a result of planReorder' }]);
    expect(issues(() => chartStockPosition([{ ...plan, id: undefined as never }]))).toEqual([{ path: ['plans', 0, 'id'], code: 'required', message: 'must have an id: each SKU is drawn on its own row' }]);
    expect(issues(() => chartStockPosition([plan, { ...plan, id: null as never }]))).toEqual([{ path: ['plans', 1, 'id'], code: 'required', message: 'must have an id: each SKU is drawn on its own row' }]);
    for (const field of ['inventoryPosition', 'safetyStock', 'reorderPoint', 'max', 'suggestedOrder'] as const) {
      expect(issues(() => chartStockPosition([{ ...plan, [field]: true as never }]))).toEqual([{ path: ['plans', 0, field], code: 'invalid_type', expected: 'a number', message: 'must be a number, a numeric string or a Decimal' }]);
    }
    expect(issues(() => chartStockPosition([plan], { width: 0 })).map((i) => i.path)).toEqual([['options', 'width']]);
  });
});
