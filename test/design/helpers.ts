// The three-dealer network every design test works by hand, and its program.
import { defineRebateProgram, type RebateProgramSpec } from 'dealerkit';
import { type RebateNetworkDealer } from 'dealerkit/design';

/**
 * A small attainment program: nothing below 90 % of target; Silver from 90 % at 2 %; Gold from
 * 110 % at 3 % with a 1,000 brand fund; an over-achievement award of 1 % on the net sales above
 * the target, at most 500; a payment gate (on-time ratio ≥ 0.9, else the rebate is halved).
 * Every line rounded to the fen.
 */
export const handSpec: RebateProgramSpec = {
  name: 'hand',
  currency: 'CNY',
  rounding: { stage: 'line' },
  basis: 'attainment',
  method: 'retroactive',
  tiers: [
    { from: 0, name: '—' },
    { from: '0.9', rate: '0.02', name: 'Silver' },
    { from: '1.1', rate: '0.03', name: 'Gold', benefits: { brandFund: 1000 } },
  ],
  overAchievement: { above: 1, rate: '0.01', cap: 500 },
  gates: [{ metric: 'onTimePaymentRatio', op: '>=', value: '0.9', onFail: { factor: '0.5' } }],
};

export const handProgram = defineRebateProgram(handSpec);

/**
 * The network (targets 100,000 each):
 * - A (east): sales 95,000 → 95 % → Silver: 2 % × 95,000 = 1,900.00; no award; gate met.
 * - B (east): sales 112,000 − returns 2,000 = 110,000 → 110 % → Gold: 3 % × 110,000 = 3,300.00,
 *   award 1 % × 10,000 = 100.00 → 3,400.00; gate met; brand fund 1,000.
 * - C (west): sales 80,000 → 80 % → no tier: 0; its gate fails (0.85).
 * Flat: rebate 5,300.00, cost 6,300.00.
 */
export const handNetwork: RebateNetworkDealer[] = [
  { id: 'A', segment: 'east', sales: 95000, target: 100000, metrics: { onTimePaymentRatio: '0.95' } },
  { id: 'B', segment: 'east', sales: 112000, returns: 2000, target: 100000, metrics: { onTimePaymentRatio: '0.95' } },
  { id: 'C', segment: 'west', sales: 80000, target: 100000, metrics: { onTimePaymentRatio: '0.85' } },
];

/** Decimals (or anything printable) as strings. */
export const strs = (xs: readonly { toString(): string }[]): string[] => xs.map((x) => x.toString());
