// Quarterly advances with an annual true-up, on SAP's published rebate agreement with a scale
// (SAP Help, Rebate Processing: retroactive, from 5,000 at 2 %, from 20,000 at 4 %).
// Run: npx tsx examples/rebates-quarterly-true-up.ts
import assert from 'node:assert/strict';
import { calculateRebate, defineRebateProgram, explainRebate, explainSettlement, settleRebate } from 'dealerkit';

// The settlement policy is part of the program: cumulative partial settlements, the final one claws back.
const program = defineRebateProgram({
  currency: 'EUR',
  rounding: { stage: 'line' },
  basis: 'amount',
  method: 'retroactive',
  tiers: [{ from: 0 }, { from: 5000, rate: '0.02' }, { from: 20000, rate: '0.04' }],
  settlement: { advance: 'cumulative', negativeTrueUp: 'clawback' },
});

const settlement = settleRebate(program, {
  periods: [
    { period: '2026-Q1', sales: 3000 },
    { period: '2026-Q2', sales: 4000 },
    { period: '2026-Q3', sales: 20000 },
  ],
});

for (const p of settlement.periods) {
  console.log(`${p.period}  cumulative rebate ${p.rebate.toString().padStart(6)}  paid now ${p.payment.toString().padStart(5)}  (${p.kind})`);
}
// SAP's figures: cumulative 3,000 → 0; 7,000 → 140; 27,000 → 1,080, so the final payment is 940.
assert.deepEqual(settlement.periods.map((p) => p.payment.toString()), ['0', '140', '940']);
assert.equal(settlement.totalPaid.toString(), '1080');

// The same, in the sentences a channel manager sends the dealer.
const letter = explainSettlement(settlement);
for (const line of letter) console.log(`  ${line}`);
assert.equal(letter.at(-1), 'Paid over the year 1,080.00 = annual rebate 1,080.00.');

// How far is a dealer at 18,500 from the next step, and what is the step worth?
const now = calculateRebate(program, { sales: 18500 });
console.log(`at 18,500: rebate ${now.rebate}, ${now.nextTier!.gap} more reaches ${now.nextTier!.threshold} (rebate then ${now.nextTier!.rebateAtThreshold})`);
assert.equal(now.rebate.toString(), '370'); // 18,500 × 2 %
assert.equal(now.nextTier!.gap.toString(), '1500');
assert.equal(now.nextTier!.rebateAtThreshold.toString(), '800'); // 20,000 × 4 %
assert.deepEqual(explainRebate(now), [
  'Tier 2 reached at net sales of 18,500.00: 2 % × 18,500.00 = 370.00.',
  'Tier 3 from 20,000.00 needs 1,500.00 more net sales; the rebate would then be 800.00 (+430.00).',
]);
