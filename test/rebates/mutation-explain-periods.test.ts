// Step texts and explanations of settlements and accruals (src/rebates/explain-periods.ts and the
// PERIOD_MESSAGES templates of src/rebates/messages.ts), asserted whole: period advances with a holdback,
// a mid-year run's total to date, an overpayment carried forward, a recorded payment equal to what was
// due, and accruals by an exact run-rate, on nothing, on the actual figures and on units. Every figure
// is derived by hand in the test (SAP's scale: from 5,000 at 2 %, from 20,000 at 4 %).
import { describe, expect, it } from 'vitest';
import { accrueRebate, defineRebateProgram, explainAccrual, explainSettlement, settleRebate } from 'dealerkit';
import { thrown } from './helpers.js';

const common = { currency: 'EUR', rounding: { stage: 'line' }, method: 'retroactive' } as const;
const tiers = [{ from: 0 }, { from: 5000, rate: '0.02' }, { from: 20000, rate: '0.04' }];
const texts = (r: { steps: { text: string }[] }) => r.steps.map((s) => s.text);

describe('settlements', () => {
  const period = () => defineRebateProgram({ ...common, basis: 'amount', tiers, settlement: { advance: 'period', holdbackRate: '0.1', negativeTrueUp: 'carry' } });
  const cumulative = () => defineRebateProgram({ ...common, basis: 'amount', tiers, settlement: { advance: 'cumulative', holdbackRate: '0.1', negativeTrueUp: 'carry' } });
  it('period advances: Q1 2 % × 7,000 = 140 × 0.9 = 126; Q2 nothing; the year 7,000 + 0 + (25,000 − 24,000) = 8,000 → 160 − 126 = 34', () => {
    const s = settleRebate(period(), { periods: [{ period: 'Q1', sales: 7000 }, { period: 'Q2', sales: 0 }, { period: 'Q3', sales: 25000, returns: 24000 }] });
    expect(texts(s)).toEqual([
      'Q1: rebate on the period 140.00 × (1 − 10 %) = 126.00 → pays 126.00',
      'Q2: rebate on the period 0.00 × (1 − 10 %) = 0.00 → pays 0.00',
      'Q3 closes the year: annual rebate 160.00 − 126.00 paid → pays 34.00',
      'paid over the year 160.00 = annual rebate 160.00',
    ]);
    // The explanation leaves out the holdback on a rebate of 0, and a period advance has no 'less … paid'.
    expect(explainSettlement(s)).toEqual([
      'Q1: Tier 2 reached at net sales of 7,000.00: 2 % × 7,000.00 = 140.00; × (1 − 10 %) = 126.00 → pays 126.00.',
      'Q2: Tier 1 reached at net sales of 0.00: nothing to pay at this tier → pays 0.00.',
      'Q3 closes the year: Tier 2 reached at net sales of 8,000.00: 2 % × 8,000.00 = 160.00; less 126.00 paid → pays 34.00.',
      'Paid over the year 160.00 = annual rebate 160.00.',
    ]);
  });
  it('a mid-year run (final: false) ends with what was paid to date: 126 + 0', () => {
    const s = settleRebate(period(), { periods: [{ period: 'Q1', sales: 7000 }, { period: 'Q2', sales: 0 }] }, { final: false });
    expect(texts(s)).toEqual([
      'Q1: rebate on the period 140.00 × (1 − 10 %) = 126.00 → pays 126.00',
      'Q2: rebate on the period 0.00 × (1 − 10 %) = 0.00 → pays 0.00',
      'paid to date 126.00',
    ]);
    expect(explainSettlement(s).at(-1)).toBe('Paid to date 126.00.');
  });
  it('cumulative: 4 % × 25,000 = 1,000 × 0.9 = 900; then 15,000 to date → 300 × 0.9 = 270 − 900 = −630 not clawed; the year 300 − 900 → 600 carried', () => {
    const s = settleRebate(cumulative(), { periods: [{ period: 'Q1', sales: 25000 }, { period: 'Q2', sales: 0, returns: 10000 }, { period: 'Q3', sales: 0 }] });
    expect(texts(s)).toEqual([
      'Q1: rebate to date 1,000.00 × (1 − 10 %) = 900.00 → pays 900.00',
      'Q2: rebate to date 300.00 × (1 − 10 %) = 270.00 − 900.00 paid → pays 0.00 (-630.00 due: only a clawback policy takes money back before the year end)',
      'Q3 closes the year: annual rebate 300.00 − 900.00 paid → pays 0.00; 600.00 overpaid is carried forward to next year',
      'paid over the year 900.00 = annual rebate 300.00 + 600.00 carried forward',
    ]);
    expect(explainSettlement(s)).toEqual([
      'Q1: Tier 3 reached at net sales of 25,000.00: 4 % × 25,000.00 = 1,000.00; × (1 − 10 %) = 900.00 → pays 900.00.',
      'Q2: Tier 2 reached at net sales of 15,000.00: 2 % × 15,000.00 = 300.00; × (1 − 10 %) = 270.00; less 900.00 paid → pays 0.00 (-630.00 due: only a clawback policy takes money back before the year end).',
      'Q3 closes the year: Tier 2 reached at net sales of 15,000.00: 2 % × 15,000.00 = 300.00; less 900.00 paid → pays 0.00; 600.00 overpaid is carried forward to next year.',
      'Paid over the year 900.00 = annual rebate 300.00 + 600.00 carried forward.',
    ]);
  });
  it('a recorded payment equal to what was due still says so: 126 recorded; then 8,000 → 160 × 0.9 = 144 − 126 = 18', () => {
    const s = settleRebate(cumulative(), { periods: [{ period: 'Q1', sales: 7000 }, { period: 'Q2', sales: 1000 }], paid: { Q1: 126 } }, { final: false });
    expect(texts(s)).toEqual([
      'Q1: rebate to date 140.00 × (1 − 10 %) = 126.00 → pays 126.00 (recorded; 126.00 was due)',
      'Q2: rebate to date 160.00 × (1 − 10 %) = 144.00 − 126.00 paid → pays 18.00',
      'paid to date 144.00',
    ]);
    expect(explainSettlement(s)).toEqual([
      'Q1: Tier 2 reached at net sales of 7,000.00: 2 % × 7,000.00 = 140.00; × (1 − 10 %) = 126.00 → pays 126.00 (recorded; 126.00 was due).',
      'Q2: Tier 2 reached at net sales of 8,000.00: 2 % × 8,000.00 = 160.00; × (1 − 10 %) = 144.00; less 126.00 paid → pays 18.00.',
      'Paid to date 144.00.',
    ]);
  });
});

describe('accruals', () => {
  const amount = () => defineRebateProgram({ ...common, basis: 'amount', tiers });
  // 2025-01-01 to 2025-03-14, both included: 31 + 28 + 14 = 73 of 365 days, and 365 / 73 = 5 exactly.
  const q1 = { periodStart: '2025-01-01', periodEnd: '2025-12-31', asOf: '2025-03-14' } as const;
  it('an exact run-rate is not "about": 12,000 × 5 = 60,000 → 4 % = 2,400; accrue 2,400 × 12,000 / 60,000 = 480; today 2 % × 12,000 = 240', () => {
    const r = accrueRebate(amount(), { salesToDate: 12000, ...q1, method: 'run-rate' });
    expect(texts(r)).toEqual([
      '73 of 365 days elapsed (2025-01-01 to 2025-03-14; the period ends 2025-12-31)',
      'run-rate: 12,000.00 × 365 / 73 = 60,000.00',
      'projected rebate 2,400.00 (Tier 3)',
      'accrual 2,400.00 × 12,000.00 / 60,000.00 = 480.00',
    ]);
    expect(explainAccrual(r)).toEqual([
      'Run-rate: 12,000.00 in 73 of 365 days projects 60,000.00 of net sales for the period.',
      'Tier 3 reached at net sales of 60,000.00: 4 % × 60,000.00 = 2,400.00.',
      'Accrue 480.00 now: the projected rebate 2,400.00 × 12,000.00 sold to date / 60,000.00 projected.',
      'If the period ended today, the rebate would be 240.00.',
    ]);
  });
  it('a run-rate on nothing sold projects 0 and accrues nothing', () => {
    const r = accrueRebate(amount(), { salesToDate: 0, ...q1, method: 'run-rate' });
    expect(texts(r)).toEqual([
      '73 of 365 days elapsed (2025-01-01 to 2025-03-14; the period ends 2025-12-31)',
      'run-rate: 0.00 × 365 / 73 = 0.00',
      'projected rebate 0.00 (Tier 1)',
      'accrual 0: nothing projected or nothing sold to date',
    ]);
    expect(explainAccrual(r)).toEqual([
      'Run-rate: 0.00 in 73 of 365 days projects 0.00 of net sales for the period.',
      'Tier 1 reached at net sales of 0.00: nothing to pay at this tier.',
      'Accrue 0.00 now: nothing is projected or nothing was sold to date.',
      'If the period ended today, the rebate would be 0.00.',
    ]);
  });
  it("'actual' takes the period as ending today: 3,000 < 5,000 pays nothing, and there is no 'if it ended today' sentence", () => {
    const r = accrueRebate(amount(), { salesToDate: 3000, ...q1, method: 'actual' });
    expect(texts(r)).toEqual([
      '73 of 365 days elapsed (2025-01-01 to 2025-03-14; the period ends 2025-12-31)',
      'the period taken as ending today: net sales 3,000.00',
      'projected rebate 0.00 (Tier 1)',
      'accrual: the rebate to date, 0.00',
    ]);
    expect(explainAccrual(r)).toEqual([
      "Actual: net sales to date 3,000.00 after 73 of 365 days, taken as the period's.",
      'Tier 1 reached at net sales of 3,000.00: nothing to pay at this tier.',
      'Accrue 0.00 now: the rebate on the sales to date.',
    ]);
  });
  it("'actual' on 12,000: 2 % × 12,000 = 240 accrued", () => {
    const r = accrueRebate(amount(), { salesToDate: 12000, ...q1, method: 'actual' });
    expect(texts(r).slice(1)).toEqual(['the period taken as ending today: net sales 12,000.00', 'projected rebate 240.00 (Tier 2)', 'accrual: the rebate to date, 240.00']);
  });
  it("'forecast': 30,000 → 4 % = 1,200 projected; accrue 1,200 × 12,000 / 30,000 = 480", () => {
    const r = accrueRebate(amount(), { salesToDate: 12000, ...q1, method: 'forecast', forecast: { sales: 30000 } });
    expect(texts(r)).toEqual([
      '73 of 365 days elapsed (2025-01-01 to 2025-03-14; the period ends 2025-12-31)',
      'forecast: net sales 30,000.00 for the period',
      'projected rebate 1,200.00 (Tier 3)',
      'accrual 1,200.00 × 12,000.00 / 30,000.00 = 480.00',
    ]);
  });
  it('on units by run-rate: 30 × 5 = 150 units → 150 × 2 = 300; accrue 300 × 30 / 150 = 60; sales 600 × 5 = 3,000', () => {
    const q = defineRebateProgram({ ...common, basis: 'quantity', tiers: [{ from: 0 }, { from: 100, perUnit: 2 }] });
    const r = accrueRebate(q, { quantityToDate: 30, salesToDate: 600, ...q1, method: 'run-rate' });
    expect(texts(r)).toEqual([
      '73 of 365 days elapsed (2025-01-01 to 2025-03-14; the period ends 2025-12-31)',
      'run-rate: 600.00 × 365 / 73 = 3,000.00',
      'projected rebate 300.00 (Tier 2)',
      'accrual 300.00 × 30 / 150 = 60.00',
    ]);
    expect(explainAccrual(r)).toEqual([
      'Run-rate: 600.00 in 73 of 365 days projects 3,000.00 of net sales for the period.',
      'Tier 2 reached at 150 net units: 150 × 2.00 = 300.00.',
      'Accrue 60.00 now: the projected rebate 300.00 × 30 units sold to date / 150 projected.',
      'If the period ended today, the rebate would be 0.00.',
    ]);
  });
});

describe('one-period years, benefits, notes and a moved advance', () => {
  const silver = () => defineRebateProgram({
    ...common,
    basis: 'amount',
    tiers: [{ from: 0 }, { from: 5000, rate: '0.02', name: 'Silver', benefits: { fund: 300 } }],
    settlement: { advance: 'cumulative', negativeTrueUp: 'clawback' },
  });
  it("a year of one period has nothing paid before: 2 % × 7,000 = 140, no 'less 0.00 paid'; Silver's fund follows the true-up", () => {
    const s = settleRebate(silver(), { periods: [{ period: 'FY', sales: 7000 }] });
    expect(texts(s)).toEqual(['FY closes the year: annual rebate 140.00 − 0.00 paid → pays 140.00', 'paid over the year 140.00 = annual rebate 140.00']);
    expect(explainSettlement(s)).toEqual([
      'FY closes the year: Silver reached at net sales of 7,000.00: 2 % × 7,000.00 = 140.00 → pays 140.00.',
      'Silver also earns fund 300.00.',
      'Paid over the year 140.00 = annual rebate 140.00.',
    ]);
  });
  it("a period's warning ends the explanation as a note: Q1 100 − 300 = −200 counts as 0; the year −200 + 7,200 = 7,000 → 140", () => {
    const s = settleRebate(silver(), { periods: [{ period: 'Q1', sales: 100, returns: 300 }, { period: 'Q2', sales: 7200 }] });
    expect(explainSettlement(s)).toEqual([
      'Q1: Tier 1 reached at net sales of 0.00: nothing to pay at this tier → pays 0.00.',
      'Q2 closes the year: Silver reached at net sales of 7,000.00: 2 % × 7,000.00 = 140.00 → pays 140.00.',
      'Silver also earns fund 300.00.',
      'Paid over the year 140.00 = annual rebate 140.00.',
      'Note: returns exceed sales (net -200); the basis uses 0, never a negative rebate.',
    ]);
  });
  it('an advance moved past the last period is refused at its own place, not with a crash', () => {
    const r = JSON.parse(JSON.stringify(settleRebate(silver(), { periods: [{ period: 'Q1', sales: 7000 }, { period: 'Q2', sales: 0 }] }))) as { steps: unknown[] };
    r.steps = [r.steps[1], r.steps[2], r.steps[0]];
    const e = thrown(() => explainSettlement(r as never));
    expect([e.code, e.issues.map((i) => [i.path, i.code])]).toEqual(['invalid_input', [[['result', 'steps', 2, 'period'], 'inconsistent']]]);
    expect(e.message).toBe('[dealerkit] result.steps[2].period: is not the period at the same place in periods: a step was removed or moved');
  });
  it('an accrual whose net to date is negative (100 − 300 = −200) accrues nothing, and its texts say so rather than 140 × −200 / 7,000 = 0', () => {
    // Forecast 7,000 → Silver, 2 % × 7,000 = 140; today the basis uses 0 → tier 1, 0.
    const a = accrueRebate(silver(), { salesToDate: 100, returnsToDate: 300, periodStart: '2025-01-01', periodEnd: '2025-12-31', asOf: '2025-03-14', method: 'forecast', forecast: { sales: 7000 } });
    expect(a.accrual.toFixed()).toBe('0');
    expect(texts(a)).toEqual([
      '73 of 365 days elapsed (2025-01-01 to 2025-03-14; the period ends 2025-12-31)',
      'forecast: net sales 7,000.00 for the period',
      'projected rebate 140.00 (Silver)',
      'accrual 0: nothing projected or nothing sold to date',
    ]);
    // The retroactive-jump warning is left out; the negative net is a note.
    expect(explainAccrual(a)).toEqual([
      'Forecast: 7,000.00 of net sales for the period (-200.00 to date after 73 of 365 days).',
      'Silver reached at net sales of 7,000.00: 2 % × 7,000.00 = 140.00.',
      'Accrue 0.00 now: nothing is projected or nothing was sold to date.',
      'If the period ended today, the rebate would be 0.00.',
      'Note: returns exceed sales (net -200); the basis uses 0, never a negative rebate.',
    ]);
  });
});
