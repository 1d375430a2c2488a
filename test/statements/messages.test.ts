// The wording of statement warnings and steps (src/statements/messages.ts) on the variants the
// statement tests do not reach. Amounts are formatted half-up with English separators; every
// expected sentence is written out by hand.
import { describe, expect, it } from 'vitest';
import { toDecimal } from '../../src/core/decimal.js';
import { STATEMENT_STEPS as S, STATEMENT_WARNINGS as W } from '../../src/statements/messages.js';

const d = (s: string) => toDecimal(s);

describe('statement warnings', () => {
  it('rowsRefused: one dealer "was", several "were"', () => {
    expect(W.rowsRefused(1, 9)).toEqual({ code: 'rows-refused', message: '1 dealer was refused; the totals are over the 9 others' });
    expect(W.rowsRefused(3, 7)).toEqual({ code: 'rows-refused', message: '3 dealers were refused; the totals are over the 7 others' });
    // one dealer left: "the 1 other", not "the 1 others"; none left: "the 0 others"
    expect(W.rowsRefused(2, 1).message).toBe('2 dealers were refused; the totals are over the 1 other');
    expect(W.rowsRefused(1, 0).message).toBe('1 dealer was refused; the totals are over the 0 others');
  });
});

describe('statement steps', () => {
  it('turnoverFeed: multiplier, gate met, gate failed, neither', () => {
    const head = "DIO 45.3 from the stock's health figures (analyzeInventoryHealth) fed to the rebate for 2025-Q1";
    expect(S.turnoverFeed('DIO', d('45.25'), '2025-Q1', d('1.1'), null)).toBe(`${head}: multiplier × 1.1`);
    expect(S.turnoverFeed('DIO', d('45.25'), '2025-Q1', null, true)).toBe(`${head}: gate met`);
    expect(S.turnoverFeed('DIO', d('45.25'), '2025-Q1', null, false)).toBe(`${head}: gate failed`);
    expect(S.turnoverFeed('DIO', d('45.25'), '2025-Q1', null, null)).toBe(head);
  });
  it('rebate: a final settlement of an unnamed tier reads "for the year" and "the true-up"', () => {
    const r = { tier: { name: null, index: 1 }, kind: 'final', rebate: d('1500'), payment: d('300'), paidBefore: d('1200'), scale: 2 } as never;
    expect(S.rebate('2025', r)).toBe('2025: tier 2 reached, rebate for the year 1,500.00; the true-up pays 300.00 after 1,200.00 paid before (settleRebate)');
    const a = { tier: { name: 'Gold', index: 2 }, kind: 'advance', rebate: d('900'), payment: d('900'), paidBefore: d('0'), scale: 2 } as never;
    expect(S.rebate('2025-Q2', a)).toBe('2025-Q2: Gold reached, rebate to date 900.00; the advance pays 900.00 after 0.00 paid before (settleRebate)');
  });
});
