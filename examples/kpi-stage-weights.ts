// The seeds' KPI table scored under launch and under maturity weights: the same data, two grades.
// Run: npx tsx examples/kpi-stage-weights.ts
import assert from 'node:assert/strict';
import { defineScorecard, scoreDealer } from 'dealerkit';

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
for (const l of launch.lines) console.log(`${l.kpi.padEnd(13)} points ${l.points!.toDecimalPlaces(4)}`);
console.log(`launch: ${launch.score.toDecimalPlaces(4)} (${launch.grade}); maturity: ${maturity.score.toDecimalPlaces(4)} (${maturity.grade})`);

// Points: 95, 102.2222…, 120, 116.6666… (actual / target × 100).
assert.deepEqual(launch.lines.map((l) => l.points!.toDecimalPlaces(4).toString()), ['95', '102.2222', '120', '116.6667']);
// launch: 0.2·95 + 0.1·102.2222 + 0.4·120 + 0.3·116.6667 = 19 + 10.2222 + 48 + 35 = 112.2222 → Gold
// maturity: 0.5·95 + 0.3·102.2222 + 0.1·120 + 0.1·116.6667 = 47.5 + 30.6667 + 12 + 11.6667 = 101.8333 → Silver
assert.equal(launch.score.toDecimalPlaces(4).toString(), '112.2222');
assert.equal(launch.grade, 'Gold');
assert.equal(maturity.score.toDecimalPlaces(4).toString(), '101.8333');
assert.equal(maturity.grade, 'Silver');
