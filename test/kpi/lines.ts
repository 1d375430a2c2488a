// The per-KPI steps of a score (what `lines` held before the steps): one per KPI, in scorecard order.
import type { KpiPointsStep, KpiScoreResult } from 'dealerkit';

export function lines(r: Pick<KpiScoreResult, 'steps'>): KpiPointsStep[] {
  return r.steps.filter((s): s is KpiPointsStep => s.code === 'kpi-points');
}
