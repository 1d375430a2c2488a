// How the charts read figures (src/charts/spec.ts num, numOrNull): numbers, numeric strings and
// Decimals are plotted as numbers; NaN, ±Infinity and anything else are refused at their path.
import { describe, expect, it } from 'vitest';
import { cascadeTarget, defineGregorianCalendar, planReorder, toDecimal, trackTarget } from 'dealerkit';
import { chartPace, chartStockPosition } from 'dealerkit/charts';
import { thrown } from '../helpers.js';

// σ = 0: reorder point 10 × 10 = 100, maximum 100 + 100 = 200.
const plan = planReorder({ service: { cycle: 0.95 }, distribution: 'normal', orderQuantity: { fixed: 100 } }, { id: 'A', demand: { meanPerDay: 10, sdPerDay: 0 }, leadTime: { days: 10 }, stock: { onHand: 80, onOrder: 0 } });
const NOT_A_NUMBER = { code: 'invalid_type', expected: 'a number', message: 'must be a number, a numeric string or a Decimal' };

describe('chart figures', () => {
  it('a number, a numeric string and a Decimal plot the same', () => {
    const rows = [chartStockPosition([{ ...plan, max: 200 }]), chartStockPosition([{ ...plan, max: '200' as never }]), chartStockPosition([{ ...plan, max: toDecimal('200.0') as never }])];
    expect(rows.map((s) => s.datasets.skus[0]!.max)).toEqual([200, 200, 200]);
    expect(chartStockPosition([{ ...plan, max: '-0.5' as never }]).datasets.skus[0]!.max).toBe(-0.5);
  });

  it('NaN, infinities, booleans, objects and null are refused where a figure belongs', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, true, null, {}, []]) {
      expect(thrown(() => chartStockPosition([{ ...plan, reorderPoint: bad as never }])).issues).toEqual([{ path: ['plans', 0, 'reorderPoint'], ...NOT_A_NUMBER }]);
    }
    // A string that is not a number is refused by the decimal reader, at the same path.
    expect(thrown(() => chartStockPosition([{ ...plan, reorderPoint: 'x' as never }])).issues).toEqual([
      { path: ['plans', 0, 'reorderPoint'], code: 'not_a_number', expected: 'a number or a numeric string', received: '"x"', message: 'must be a number or a numeric string, received "x"' },
    ]);
  });

  it('a figure that may be null reads undefined as null (a field dropped by a serializer)', () => {
    const cascade = cascadeTarget({ calendar: defineGregorianCalendar({ year: 2026 }), levels: ['month'], spread: 'even' }, 1200);
    const t = trackTarget(cascade, { '2026-01': 90 }, { asOf: '2026-01-31' });
    const { runRateForecast: _dropped, ...rest } = t;
    const spec = chartPace(rest as never);
    expect(spec.title.subtitle).toBe('cumulative actual against plan');
    expect(spec.datasets.cumulative.filter((r) => r.series === 'run-rate forecast')).toEqual([]);
    expect(thrown(() => chartPace({ ...t, runRateForecast: Number.NaN } as never)).issues).toEqual([{ path: ['tracking', 'runRateForecast'], ...NOT_A_NUMBER }]);
  });
});
