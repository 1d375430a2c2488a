// The charts' types: each chart* takes the engine result it draws (configuration first where it
// has one) and returns a specification Vega-Lite's own TopLevelSpec type accepts.
import type { TopLevelSpec } from 'vega-lite';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { KpiScoreResult, KpiScorecard, RebateInput, RebateProgram, ReorderPlan, RiskMatrix, TargetCascade, TargetHierarchy, TargetTracking } from 'dealerkit';
import { riskMatrix3x3 } from 'dealerkit';
import {
  DealerkitError,
  chartCascade,
  chartGradeDistribution,
  chartKpi,
  chartPace,
  chartRebateCurve,
  chartRiskHeatMap,
  chartStockPosition,
  type CascadeChartOptions,
  type CascadeSpec,
  type TerritorySpec,
  type ChartMeta,
  type GradeDistributionOptions,
  type GradePeriod,
  type KpiChartOptions,
  type PaceChartOptions,
  type RebateCurveOptions,
  type RiskHeatMapFinding,
  type RiskHeatMapOptions,
  type StockPositionOptions,
  type VegaLiteSpec,
} from 'dealerkit/charts';

describe('dealerkit/charts types', () => {
  it('each chart takes what it draws and returns a VegaLiteSpec', () => {
    expectTypeOf(chartRebateCurve).parameters.toEqualTypeOf<[RebateProgram, RebateInput?, RebateCurveOptions?]>();
    expectTypeOf(chartRiskHeatMap).parameters.toEqualTypeOf<[RiskMatrix, (readonly RiskHeatMapFinding[])?, RiskHeatMapOptions?]>();
    expectTypeOf(chartCascade).toBeCallableWith({} as TargetCascade | TargetHierarchy, {} as CascadeChartOptions);
    expectTypeOf(chartPace).parameters.toEqualTypeOf<[TargetTracking, PaceChartOptions?]>();
    expectTypeOf(chartStockPosition).parameters.toEqualTypeOf<[readonly ReorderPlan[], StockPositionOptions?]>();
    expectTypeOf(chartKpi).parameters.toEqualTypeOf<[KpiScoreResult, KpiChartOptions?]>();
    expectTypeOf(chartGradeDistribution).parameters.toEqualTypeOf<[KpiScorecard, readonly GradePeriod[], GradeDistributionOptions?]>();
    expectTypeOf(chartRebateCurve).returns.toEqualTypeOf<VegaLiteSpec<'curve' | 'thresholds' | 'dealer' | 'gap'>>();
    expectTypeOf(chartRiskHeatMap).returns.toEqualTypeOf<VegaLiteSpec<'cells'>>();
    // The overloads, checked without calling: a cascade gives a cascade chart, a tree a territory chart.
    const ofCascade = () => chartCascade({} as TargetCascade);
    const ofTree = () => chartCascade({} as TargetHierarchy);
    const ofEither = () => chartCascade({} as TargetCascade | TargetHierarchy);
    expectTypeOf<ReturnType<typeof ofCascade>>().toEqualTypeOf<VegaLiteSpec<'periods' | 'sums'>>();
    expectTypeOf<ReturnType<typeof ofTree>>().toEqualTypeOf<VegaLiteSpec<'leaves'>>();
    expectTypeOf<ReturnType<typeof ofEither>>().toEqualTypeOf<CascadeSpec | TerritorySpec>();
    expectTypeOf(chartPace).returns.toEqualTypeOf<VegaLiteSpec<'cumulative' | 'points'>>();
    expectTypeOf(chartStockPosition).returns.toEqualTypeOf<VegaLiteSpec<'skus' | 'levels'>>();
    expectTypeOf(chartKpi).returns.toEqualTypeOf<VegaLiteSpec<'kpis' | 'target'>>();
    expectTypeOf(chartGradeDistribution).returns.toEqualTypeOf<VegaLiteSpec<'grades'>>();
    expectTypeOf<VegaLiteSpec['usermeta']['dealerkit']>().toEqualTypeOf<ChartMeta>();
    expectTypeOf<VegaLiteSpec<'cells'>['datasets']>().toHaveProperty('cells');
  });

  it("a specification is one Vega-Lite's own types accept", () => {
    const spec = chartRiskHeatMap(riskMatrix3x3, [{ likelihood: 'low', impact: 'low' }]);
    const asVegaLite: TopLevelSpec = spec as unknown as TopLevelSpec;
    expect(asVegaLite.$schema).toBe('https://vega.github.io/schema/vega-lite/v5.json');
    expectTypeOf(spec.datasets).toEqualTypeOf<Record<'cells', Record<string, string | number | boolean | null>[]>>();
  });

  it('refuses misuse at compile time', () => {
    // @ts-expect-error a list of plans, not one
    expect(() => chartStockPosition({})).toThrow(DealerkitError);
    // @ts-expect-error the scorecard comes first
    expect(() => chartGradeDistribution([{ period: 'Q1', scores: [] }])).toThrow(DealerkitError);
    // @ts-expect-error show is 'count' or 'list'
    expect(() => chartRiskHeatMap(riskMatrix3x3, undefined, { show: 'all' })).toThrow(DealerkitError);
  });
});
