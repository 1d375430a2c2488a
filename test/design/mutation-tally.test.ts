// The tallies behind a simulation's figures (src/design/tally.ts) on the three-dealer network of
// helpers.ts with a twin of A added: ties among the largest rebates keep the network's order, and the
// tier tallies, paid dealers and benefits add up as worked by hand.
import { describe, expect, it } from 'vitest';
import { simulateRebateProgram, type RebateDeterministicOutcome } from 'dealerkit/design';
import { handNetwork, handProgram } from './helpers.js';

describe('tallies', () => {
  // D has A's facts: Silver, 2 % × 95,000 = 1,900. Network order D, A, B, C.
  const network = [{ ...handNetwork[0]!, id: 'D' }, ...handNetwork];
  const s = simulateRebateProgram(handProgram, network, [{ name: 'flat' }], { top: 4 }).scenarios[0] as RebateDeterministicOutcome;

  it('ties among the largest rebates keep the network order', () => {
    expect(s.top.map((t) => [t.id, t.rebate.toString(), t.tier.name])).toEqual([
      ['B', '3400', 'Gold'],
      ['D', '1900', 'Silver'],
      ['A', '1900', 'Silver'],
      ['C', '0', '—'],
    ]);
  });

  it('per tier: dealers, rebates and benefits; paid dealers and their sales', () => {
    // — : C, 0; Silver: D and A, 3,800; Gold: B, 3,400 with the 1,000 brand fund. Σ 7,200; cost 8,200.
    expect(s.tiers.map((t) => [t.index, t.name, t.dealers, t.rebate.toString(), t.benefits.toString()])).toEqual([
      [0, '—', 1, '0', '0'],
      [1, 'Silver', 2, '3800', '0'],
      [2, 'Gold', 1, '3400', '1000'],
    ]);
    expect([s.rebate.toString(), s.cost.toString()]).toEqual(['7200', '8200']);
    expect(s.benefits.map((b) => [b.name, b.amount.toString()])).toEqual([['brandFund', '1000']]);
    // Net sales 95,000 + 95,000 + 110,000 + 80,000 = 380,000; paid: the first three, 300,000.
    // 7,200 / 380,000 = 0.0189473684…; 7,200 / 300,000 = 0.024.
    expect([s.netSales.toString(), s.paid, s.shareOfSales!.toString(), s.effectiveRate!.toString()]).toEqual(['380000', 3, '0.0189473684', '0.024']);
  });
});
