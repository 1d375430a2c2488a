import { defineRebateProgram } from 'dealerkit';

export { thrown } from '../helpers.js';

/** Decimals (or anything printable) as strings. */
export const strs = (xs: readonly { toString(): string }[]): string[] => xs.map((x) => x.toString());

/**
 * SAP's rebate agreement with a scale (SAP Help, Rebate Processing: partial and final settlement):
 * retroactive, from 5,000 at 2 %, from 20,000 at 4 %.
 */
export const sapProgram = defineRebateProgram({
  currency: 'EUR',
  rounding: { stage: 'line' },
  basis: 'amount',
  method: 'retroactive',
  tiers: [{ from: 0 }, { from: 5000, rate: '0.02' }, { from: 20000, rate: '0.04' }],
});
