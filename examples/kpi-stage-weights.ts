// The seeds' KPI table scored under launch and under maturity weights: the same data, two grades.
// Run: npx tsx examples/kpi-stage-weights.ts
import assert from 'node:assert/strict';
import { defineScorecard, explainScore, scoreDealer, type KpiPointsStep } from 'dealerkit';

const ratio = { type: 'ratio', floor: 0, cap: 150 } as const;
const card = defineScorecard({
  kpis: [
    { id: 'sales', label: 'Sales', direction: 'higher', scoring: ratio },
    { id: 'satisfaction', label: 'Customer satisfaction', direction: 'higher', scoring: ratio },
    { id: 'share', label: 'Market share', direction: 'higher', scoring: ratio },
    { id: 'expansion', label: 'Channel expansion', direction: 'higher', scoring: ratio },
  ],
  stages: {
    // At launch, coverage (share and expansion) weighs most; at maturity, sales and satisfaction.
    launch: { weights: { sales: '0.2', satisfaction: '0.1', share: '0.4', expansion: '0.3' } },
    maturity: { weights: { sales: '0.5', satisfaction: '0.3', share: '0.1', expansion: '0.1' } },
  },
  grades: [
    { min: 110, grade: 'Gold' },
    { min: 100, grade: 'Silver' },
    { min: 90, grade: 'Bronze' },
  ],
});

// DOMAIN.md §2: sales 95 % of 10,000,000; satisfaction 92 % against 90 %; share 6 % against 5 %;
// channel expansion 35 % against 30 %.
const data = {
  actuals: { sales: 9_500_000, satisfaction: 92, share: 6, expansion: 35 },
  targets: { sales: 10_000_000, satisfaction: 90, share: 5, expansion: 30 },
};
const launch = scoreDealer(card, { stage: 'launch', ...data });
const maturity = scoreDealer(card, { stage: 'maturity', ...data });
// The sentences a channel manager sends, under each stage's weights.
for (const line of [...explainScore(launch), '', ...explainScore(maturity)]) console.log(line);

// Points: 95, 102.2222…, 120, 116.6666… (actual / target × 100), one kpi-points step per KPI.
const points = launch.steps.filter((s): s is KpiPointsStep => s.code === 'kpi-points');
assert.deepEqual(points.map((l) => l.points!.toDecimalPlaces(4).toString()), ['95', '102.2222', '120', '116.6667']);
// launch: 0.2·95 + 0.1·102.2222 + 0.4·120 + 0.3·116.6667 = 19 + 10.2222 + 48 + 35 = 112.2222 → Gold
// maturity: 0.5·95 + 0.3·102.2222 + 0.1·120 + 0.1·116.6667 = 47.5 + 30.6667 + 12 + 11.6667 = 101.8333 → Silver
assert.equal(launch.score.toDecimalPlaces(4).toString(), '112.2222');
assert.equal(launch.grade, 'Gold');
assert.equal(maturity.score.toDecimalPlaces(4).toString(), '101.8333');
assert.equal(maturity.grade, 'Silver');

// The same figures in words, to 2 places (hand-written).
assert.deepEqual(explainScore(launch), [
  'Score 112.22 under launch weights: Gold',
  'Sales: 9,500,000 of 10,000,000 = 95.00 % → 95.00 points × 0.2 = 19.00',
  'Customer satisfaction: 92 of 90 = 102.22 % → 102.22 points × 0.1 = 10.22',
  'Market share: 6 of 5 = 120.00 % → 120.00 points × 0.4 = 48.00',
  'Channel expansion: 35 of 30 = 116.67 % → 116.67 points × 0.3 = 35.00',
  'Weighted score 112.22: the sum of the 4 contributions',
  'Grade Gold: a score of 110 or more',
]);
assert.equal(explainScore(maturity)[0], 'Score 101.83 under maturity weights: Silver');
