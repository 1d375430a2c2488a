// Safety stock, reorder point and EOQ for one SKU, with the textbook formulas written out.
// Run: npx tsx examples/inventory-reorder-point.ts
import assert from 'node:assert/strict';
import { calculateEoq, calculateNormalInverse, explainReorderPlan, planReorder } from 'dealerkit';

// Demand 20 a day (σ 5), lead time 7 days, 95 % cycle service:
// SS = z·σ·√L = 1.6448536…·5·√7 = 21.7594; ROP = d·L + SS = 140 + 21.7594 = 161.7594.
const plan = planReorder(
  { service: { cycle: 0.95 }, distribution: 'normal', orderQuantity: { fixed: 100 }, packRounding: 'up', trigger: 'lte', safetyStockFloor: 'zero' },
  { id: 'SKU-1', demand: { meanPerDay: 20, sdPerDay: 5 }, leadTime: { days: 7 }, stock: { onHand: 150, onOrder: 0 } },
);
console.log(`z = ${calculateNormalInverse(0.95)}, SS = ${plan.safetyStock.toFixed(4)}, ROP = ${plan.reorderPoint.toFixed(4)}, status ${plan.status}, order ${plan.suggestedOrder}`);
assert.equal(plan.safetyStock.toFixed(4), '21.7594');
assert.equal(plan.reorderPoint.toFixed(4), '161.7594');
assert.equal(plan.status, 'reorder'); // position 150 ≤ ROP 161.76
assert.equal(plan.suggestedOrder, 100);

// The plan in the sentences a planner sends to the dealer.
const sentences = explainReorderPlan(plan);
for (const line of sentences) console.log(`  ${line}`);
assert.equal(sentences[0], 'SKU-1: reorder: position 150 is at or below the reorder point 161.7594; order 100 units.');
assert.ok(sentences.includes('Safety stock = 1.6449 × 13.2288 = 21.7594.'));

// EOQ = √(2KD/h) with K = 8, D = 1,300 a year, h = 0.225 → √92,444.4… = 304.0467800264368.
const eoq = calculateEoq({ orderCost: 8, demandPerYear: 1300, holdingCostPerUnitPerYear: 0.225 });
console.log(`EOQ = ${eoq}`);
assert.equal(eoq, 304.0467800264368);
