// The seeds' dealer (../shared/DOMAIN.md): a 10,000,000 year, 9,620,000 of net sales (96.20 %,
// Silver, as in the rebates guide), 97 % of invoices paid on time, stock turning every 70 days; the
// KPI table's quarter (sales 95 % of target, satisfaction 92 of 90, market share 6 of 5, channel
// expansion 35 of 30) under maturity weights; a warning and an exit review earlier in the year;
// points for new customers and training. Shared by the statement tests.
import { cascadeTarget, defineGregorianCalendar, defineScorecard, type KpiDealerInput } from 'dealerkit';
import type { DealerStatementConfig, DealerStatementInput } from 'dealerkit/statements';
import { seedsProgram } from '../rebates/helpers.js';

const ratio = { type: 'ratio', floor: 0, cap: 150 } as const;

/** The scorecard of test/kpi/explain.test.ts: four KPIs, launch and maturity weights. */
export const seedsCard = defineScorecard({
  kpis: [
    { id: 'sales', label: 'Sales', direction: 'higher', scoring: ratio },
    { id: 'satisfaction', label: 'Customer satisfaction', direction: 'higher', scoring: ratio },
    { id: 'share', label: 'Market share', direction: 'higher', scoring: ratio },
    { id: 'expansion', label: 'Channel expansion', direction: 'higher', scoring: ratio },
  ],
  stages: {
    launch: { weights: { sales: '0.2', satisfaction: '0.1', share: '0.4', expansion: '0.3' } },
    maturity: { weights: { sales: '0.5', satisfaction: '0.3', share: '0.1', expansion: '0.1' } },
  },
  grades: [
    { min: 110, grade: 'Gold' },
    { min: 100, grade: 'Silver' },
    { min: 90, grade: 'Bronze' },
  ],
});

const targets = { sales: 2_500_000, satisfaction: 90, share: 5, expansion: 30 };

/** The seeds' dealer's quarter: the KPI table of DOMAIN.md §2 on a 2,500,000 quarter. */
export const seedsKpi: KpiDealerInput = { stage: 'maturity', actuals: { sales: 2_375_000, satisfaction: 92, share: 6, expansion: 35 }, targets };

/** Two peers: one exactly on target (100), one 10 % above on every KPI (110). */
export const seedsPeers: KpiDealerInput[] = [
  { id: 'SEEDS', ...seedsKpi },
  { id: 'P-ON', stage: 'maturity', actuals: { sales: 2_500_000, satisfaction: 90, share: 5, expansion: 30 }, targets },
  { id: 'P-UP', stage: 'maturity', actuals: { sales: 2_750_000, satisfaction: 99, share: '5.5', expansion: 33 }, targets },
];

export const seedsConfig: DealerStatementConfig = {
  period: '2025-Q4',
  brand: 'Seeds Brand',
  currency: 'CNY',
  rebate: { program: seedsProgram() },
  kpi: { scorecard: seedsCard, standing: { benchmark: 90, consecutive: 2, graceMonths: 3, missing: 'miss' }, peers: seedsPeers },
  points: {
    earn: [
      { id: 'newCustomer', pointsPerUnit: 50 },
      { id: 'training', pointsPerUnit: 100, maxPerQuarter: 300 },
    ],
    expiry: { quarters: 2 },
  },
  stock: {
    policy: { service: { cycle: 0.95 }, distribution: 'normal', orderQuantity: { fixed: 100 } },
    skus: [
      { id: 'SKU-A', name: 'washer A', unitCost: 100, leadTime: { days: 10 } },
      { id: 'SKU-B', name: 'fridge B', unitCost: 200, leadTime: { days: 5 } },
      { id: 'SKU-C', name: 'hood C', unitCost: 50, leadTime: { days: 5 } },
    ],
    slowMovingDays: 90,
    ageBuckets: [30, 90],
    carryingRatePerYear: '0.25',
    daysPerYear: 365,
  },
};

/** The seeds' dealer's facts for 2025-Q4. */
export function seedsDealer(): DealerStatementInput {
  return {
    id: 'SEEDS',
    name: 'Seeds Dealer',
    target: cascadeTarget({ calendar: defineGregorianCalendar({ year: 2025 }), levels: ['quarter', 'month'], spread: 'even' }, 10_000_000),
    kpi: seedsKpi,
    standing: [
      { period: '2025-Q1', score: 88 },
      { period: '2025-Q2', score: 86 },
      { period: '2025-Q3', score: 85 },
    ],
    rebate: {
      periods: [
        { period: '2025-Q1', sales: 2_400_000, target: 2_500_000, metrics: { inventoryTurnoverDays: 70 } },
        { period: '2025-Q2', sales: 2_420_000, target: 2_500_000, metrics: { inventoryTurnoverDays: 70 } },
        { period: '2025-Q3', sales: 2_425_000, target: 2_500_000, metrics: { inventoryTurnoverDays: 70 } },
        { period: '2025-Q4', sales: 2_400_000, returns: 25_000, target: 2_500_000 },
      ],
      target: 10_000_000,
      metrics: { onTimePaymentRatio: '0.97' },
    },
    points: [
      { date: '2025-05-05', type: 'earn', rule: 'newCustomer', quantity: 2 },
      { date: '2025-08-10', type: 'earn', rule: 'newCustomer', quantity: 4 },
      { date: '2025-09-15', type: 'redeem', points: 60 },
      { date: '2025-10-20', type: 'earn', rule: 'training', quantity: 4 },
      { date: '2025-11-30', type: 'redeem', points: 150 },
      { date: '2026-01-05', type: 'earn', rule: 'newCustomer', quantity: 1 },
    ],
    stock: {
      cogs: 7_300_000,
      averageInventoryValue: 1_400_000,
      periodDays: 365,
      items: [
        { id: 'SKU-A', stock: { onHand: 80, onOrder: 0 }, demand: { meanPerDay: 10, sdPerDay: 0 }, receivedOn: '2025-12-01' },
        { id: 'SKU-B', stock: { onHand: 150, onOrder: 0 }, demand: { meanPerDay: 1, sdPerDay: 0 }, receivedOn: '2025-09-01' },
        { id: 'SKU-C', stock: { onHand: 50, onOrder: 0 }, demand: { meanPerDay: 0, sdPerDay: 0 }, receivedOn: '2025-10-15' },
      ],
    },
  };
}
