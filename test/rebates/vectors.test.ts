import { describe, expect, it } from 'vitest';
import { calculateRebate, defineRebateProgram, type RebateMethod } from 'dealerkit/rebates';
import { adjustmentsOf, sapProgram, stepOf, stepsOf } from './helpers.js';

// Published worked examples. Expected values are the publishers' figures, written as strings.

describe('Stripe tiered pricing (docs.stripe.com/products-prices/pricing-models#tiered-pricing)', () => {
  // Stripe's example: up to 5 units at $7, 6–10 at $6.50, 11 and above at $6 per unit.
  // Graduated ("incremental"): each unit at its own tier's price; volume ("retroactive"): all units at the tier reached.
  const program = (method: RebateMethod) =>
    defineRebateProgram({
      currency: 'USD',
      rounding: { stage: 'line' },
      basis: 'quantity',
      method,
      tiers: [{ upTo: 5, perUnit: 7 }, { upTo: 10, perUnit: '6.5' }, { upTo: null, perUnit: 6 }],
    });
  const graduated: [number, string][] = [[1, '7'], [5, '35'], [6, '41.5'], [20, '127.5'], [25, '157.5']];
  const volume: [number, string][] = [[1, '7'], [5, '35'], [6, '39'], [20, '120'], [25, '150']];
  it.each(graduated)('graduated: %i units cost %s', (q, expected) => {
    expect(calculateRebate(program('incremental'), { quantity: q }).rebate.toString()).toBe(expected);
  });
  it.each(volume)('volume: %i units cost %s', (q, expected) => {
    expect(calculateRebate(program('retroactive'), { quantity: q }).rebate.toString()).toBe(expected);
  });
  it('graduated 20 units: lines 5 × 7 + 5 × 6.5 + 10 × 6 (the doc\'s breakdown)', () => {
    const r = calculateRebate(program('incremental'), { quantity: 20 });
    expect(stepsOf(r, 'tier').map((l) => [l.index, l.units!.toString(), l.perUnit!.toString(), l.amount.toString()])).toEqual([
      [0, '5', '7', '35'],
      [1, '5', '6.5', '32.5'],
      [2, '10', '6', '60'],
    ]);
    expect(stepsOf(r, 'tier').every((l) => l.base === null)).toBe(true);
    expect(stepsOf(r, 'tier').map((l) => l.text)).toEqual(['Tier 1: 5 × 7.00 = 35.00', 'Tier 2: 5 × 6.50 = 32.50', 'Tier 3: 10 × 6.00 = 60.00']);
    expect(r.tier).toEqual({ index: 2, name: null });
  });

  // Stripe's flat-fee example: ≤5: $5/unit + $10; 6–10: $4 + $20; 11–15: $3 + $30; 16–20: $2 + $40; 21+: $1 + $50.
  const flat = (method: RebateMethod) =>
    defineRebateProgram({
      currency: 'USD',
      rounding: { stage: 'line' },
      basis: 'quantity',
      method,
      tiers: [
        { upTo: 5, perUnit: 5, fixed: 10 },
        { upTo: 10, perUnit: 4, fixed: 20 },
        { upTo: 15, perUnit: 3, fixed: 30 },
        { upTo: 20, perUnit: 2, fixed: 40 },
        { upTo: null, perUnit: 1, fixed: 50 },
      ],
    });
  it('flat fees, graduated, 12 units: 5×5+10 + 5×4+20 + 2×3+30 = 111', () => {
    const r = calculateRebate(flat('incremental'), { quantity: 12 });
    expect(r.rebate.toString()).toBe('111');
    expect(stepsOf(r, 'tier').map((l) => l.amount.toString())).toEqual(['35', '40', '36']);
  });
  it('flat fees, volume, 12 units: 12×3 + 30 = 66', () => {
    const r = calculateRebate(flat('retroactive'), { quantity: 12 });
    expect(r.rebate.toString()).toBe('66');
    expect(stepsOf(r, 'tier')).toHaveLength(1);
    expect(stepOf(r, 'tier').fixed!.toString()).toBe('30');
    expect(stepOf(r, 'tier').text).toBe('Tier 3: 12 × 3.00 + 30.00 fixed = 66.00');
  });
});

describe('Lago volume charge model with a cliff (getlago.com/docs/guide/plans/charges/charge-models/volume)', () => {
  // [0,100]: 2/unit + 10 flat; [101,200]: 1/unit; [201,∞): 0.5/unit + 50 flat. Integer ranges map to upTo 100, 200, null.
  const lagoProgram = () => defineRebateProgram({
    currency: 'USD',
    rounding: { stage: 'line' },
    basis: 'quantity',
    method: 'retroactive',
    tiers: [{ upTo: 100, perUnit: 2, fixed: 10 }, { upTo: 200, perUnit: 1 }, { upTo: null, perUnit: '0.5', fixed: 50 }],
  });
  it.each([
    [100, '210'],
    [101, '101'],
    [200, '200'],
    [300, '200'],
  ])('%i units cost %s', (q, expected) => {
    expect(calculateRebate(lagoProgram(), { quantity: q }).rebate.toString()).toBe(expected);
  });
  it('the same ranges written as from 0, 101, 201 give the same figures for whole units', () => {
    const fromStyle = defineRebateProgram({
      currency: 'USD',
      rounding: { stage: 'line' },
      basis: 'quantity',
      method: 'retroactive',
      tiers: [{ from: 0, perUnit: 2, fixed: 10 }, { from: 101, perUnit: 1 }, { from: 201, perUnit: '0.5', fixed: 50 }],
    });
    for (const [q, expected] of [[100, '210'], [101, '101'], [200, '200'], [201, '150.5'], [300, '200']] as const) {
      expect(calculateRebate(fromStyle, { quantity: q }).rebate.toString()).toBe(expected);
    }
  });
  it('100 units: the next tier is worth less (a cliff): gain −110', () => {
    const lago = lagoProgram();
    const r = calculateRebate(lago, { quantity: 100 });
    // Just above 100 units, all units at 1: 100 × 1 = 100 (the limit from above), against 210 now.
    expect(r.nextTier).toMatchObject({ index: 1, mustExceed: true });
    expect(r.nextTier!.threshold.toString()).toBe('100');
    expect(r.nextTier!.gap.toString()).toBe('0');
    expect(r.nextTier!.rebateAtThreshold.toString()).toBe('100');
    expect(r.nextTier!.gain.toString()).toBe('-110');
    expect(r.warnings.map((w) => w.code)).toEqual(['retroactive-jump']);
    expect(r.warnings[0]!.message).toBe('exceeding 100 (tiers[1]) re-prices the whole base: the rebate goes from 210 to 100');
  });
});

describe('A tiered cash-back card rebate (0.25 % / 0.5 % / 1.5 %, capped at 1,000 a year)', () => {
  const cardProgram = () => defineRebateProgram({
    currency: 'USD',
    rounding: { stage: 'line' },
    basis: 'amount',
    method: 'incremental',
    tiers: [{ from: 0, rate: '0.0025' }, { from: 2000, rate: '0.005' }, { from: 5000, rate: '0.015' }],
    cap: { amount: 1000 },
  });
  it('10,000 of spend earns 2,000 × 0.25 % + 3,000 × 0.5 % + 5,000 × 1.5 % = 5 + 15 + 75 = 95', () => {
    const card = cardProgram();
    const r = calculateRebate(card, { sales: 10000 });
    expect(r.rebate.toString()).toBe('95');
    expect(stepsOf(r, 'tier').map((l) => [l.base!.toString(), l.amount.toString()])).toEqual([
      ['2000', '5'],
      ['3000', '15'],
      ['5000', '75'],
    ]);
    expect(r.capApplied).toBe(false);
  });
  it('the cap binds from 69,000 of spend: 5 + 15 + 64,000 × 1.5 % = 980; 70,000 → 995; 100,000 → 1,000', () => {
    const card = cardProgram();
    expect(calculateRebate(card, { sales: 69000 }).rebate.toString()).toBe('980');
    expect(calculateRebate(card, { sales: 70000 }).rebate.toString()).toBe('995');
    const r = calculateRebate(card, { sales: 100000 });
    // Uncapped: 5 + 15 + 95,000 × 1.5 % = 1,445; the cap removes 445.
    expect(r.rebate.toString()).toBe('1000');
    expect(r.capApplied).toBe(true);
    expect(adjustmentsOf(r).map((a) => [a.code, a.amount.toString()])).toEqual([['cap', '-445']]);
    expect(stepOf(r, 'cap').limit.toString()).toBe('1000');
  });
});

describe("SAP rebate agreement with a scale (SAP Help: Rebate Processing, partial settlement)", () => {
  // Retroactive ("the scale level reached prices all sales"): from 5,000 at 2 %, from 20,000 at 4 %.
  it('cumulative 3,000 → 0; 7,000 → 140; 27,000 → 1,080', () => {
    const sap = sapProgram();
    expect(calculateRebate(sap, { sales: 3000 }).rebate.toString()).toBe('0');
    expect(calculateRebate(sap, { sales: 7000 }).rebate.toString()).toBe('140');
    expect(calculateRebate(sap, { sales: 27000 }).rebate.toString()).toBe('1080');
  });
});
