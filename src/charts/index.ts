/**
 * dealerkit/charts: pictures as data. Each `chart*` function returns a Vega-Lite specification as
 * plain JSON (`$schema` set, the data inlined as named datasets, no dependency at run time) that
 * Jupyter, Deno notebooks, Observable, VS Code and most BI tools render: the rebate curve, the risk
 * heat map, the cascade and the territory tree, pace against plan, the stock position, a dealer's
 * KPI indicators and the network's grade distribution.
 *
 * @module charts
 */
export { chartRebateCurve } from './rebate-curve.js';
export type { RebateCurveOptions, RebateCurveSpec } from './rebate-curve.js';
export { chartRiskHeatMap } from './risk-heat-map.js';
export type { RiskHeatMapFinding, RiskHeatMapOptions, RiskHeatMapSpec } from './risk-heat-map.js';
export { chartCascade } from './cascade.js';
export type { CascadeChartOptions, CascadeSpec, TerritorySpec } from './cascade.js';
export { chartPace } from './pace.js';
export type { PaceChartOptions, PaceSpec } from './pace.js';
export { chartStockPosition } from './stock-position.js';
export type { StockPositionOptions, StockPositionSpec } from './stock-position.js';
export { chartKpi } from './kpi.js';
export type { KpiChartOptions, KpiChartSpec } from './kpi.js';
export { chartGradeDistribution } from './grade-distribution.js';
export type { GradePeriod, GradeDistributionOptions, GradeDistributionSpec } from './grade-distribution.js';
export { VEGA_LITE_SCHEMA } from './spec.js';
export type { VegaLiteSpec, ChartMeta, ChartKind, ChartRow, ChartOptions } from './spec.js';

export { DealerkitError, isDealerkitError } from '../core/errors.js';
export type { DealerkitErrorCode, DealerkitIssue, DealerkitIssueCode } from '../core/errors.js';
