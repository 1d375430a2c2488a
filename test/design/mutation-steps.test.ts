// The steps of a deterministic and a stochastic outcome as whole objects (figures and texts), on the
// hand network replayed (helpers.ts: A 1,900 Silver, B 3,400 Gold with the 1,000 fund, C 0; net
// sales 95,000 + 110,000 + 80,000 = 285,000, of which A and B, 205,000, are paid). A stochastic
// scenario with sd 0 draws a factor of exactly 1 in every run, so every run is that year.
import { describe, expect, it } from 'vitest';
import { defineRebateProgram } from 'dealerkit';
import { compareRebatePrograms, explainRebateSimulation, simulateRebateProgram, type RebateDeterministicOutcome, type RebateStochasticOutcome } from 'dealerkit/design';
import { handNetwork, handProgram, handSpec } from './helpers.js';

/** Decimals as their strings. */
const plain = (x: unknown): unknown => JSON.parse(JSON.stringify(x));

describe('steps as data', () => {
  it('deterministic: projection, total, each tier, share (to 10 places), cost', () => {
    const o = simulateRebateProgram(handProgram, handNetwork, [{ name: 'flat' }]).scenarios[0] as RebateDeterministicOutcome;
    // 5,300 / 285,000 = 0.01859649122… → 0.0185964912; 5,300 / 205,000 = 0.02585365853… → 0.0258536585.
    expect(plain(o.steps)).toEqual([
      { code: 'projection', growth: '0', segments: 0, overrides: 0, targetGrowth: '0', text: 'sales, returns and units × (1 + 0 %), money rounded half-up to the money scale; targets as given' },
      { code: 'total', dealers: 3, rebate: '5300', text: "Σ rebates of 3 dealers = 5,300.00 (each dealer's steps are on its result)" },
      { code: 'tier', index: 0, name: '—', dealers: 1, rebate: '0', text: '—: 1 dealer, 0.00' },
      { code: 'tier', index: 1, name: 'Silver', dealers: 1, rebate: '1900', text: 'Silver: 1 dealer, 1,900.00' },
      { code: 'tier', index: 2, name: 'Gold', dealers: 1, rebate: '3400', text: 'Gold: 1 dealer, 3,400.00' },
      {
        code: 'share',
        rebate: '5300',
        netSales: '285000',
        shareOfSales: '0.0185964912',
        paidNetSales: '205000',
        effectiveRate: '0.0258536585',
        text: '5,300.00 / net sales 285,000.00 = 1.86 % of sales; 5,300.00 / 205,000.00 of the 2 dealers paid = 2.59 % effective',
      },
      { code: 'cost', rebate: '5300', benefits: '1000', cost: '6300', text: 'cost: rebate 5,300.00 + benefits 1,000.00 = 6,300.00' },
    ]);
    expect(plain([o.netSales, o.rebate, o.cost, o.shareOfSales, o.effectiveRate, o.paid, o.benefits])).toEqual(['285000', '5300', '6300', '0.0185964912', '0.0258536585', 2, [{ name: 'brandFund', amount: '1000' }]]);
  });

  it('stochastic: projection, draws, statistics of rebate and cost, mean tiers, mean share', () => {
    const o = simulateRebateProgram(handProgram, handNetwork, [{ name: 's', growth: { mean: 0, sd: 0, distribution: 'normal' }, runs: 2, seed: 1 }]).scenarios[0] as RebateStochasticOutcome;
    const stats = (x: number) => ({ mean: x, sd: 0, p5: x, p50: x, p95: x, min: x, max: x });
    expect(plain(o.steps)).toEqual([
      { code: 'projection', growth: '0', segments: 0, overrides: 0, targetGrowth: '0', text: "in every run, sales and returns × the dealer's drawn 1 + growth, rounded half-up to whole minor units; targets as given" },
      {
        code: 'draws',
        generator: 'xoshiro128**',
        seed: 1,
        runs: 2,
        distribution: 'normal',
        mean: '0',
        sd: '0',
        correlation: '0',
        clipped: 0,
        text: "2 runs drawn with seed 1 (xoshiro128**, inverse normal): each dealer's growth normal with mean +0 % and sd 0 %, correlation 0 between dealers",
      },
      { code: 'statistics', of: 'rebate', runs: 2, ...stats(5300), text: 'rebate over 2 runs: mean 5,300.00, sd 0.00; 5th percentile 5,300.00, median 5,300.00, 95th percentile 5,300.00' },
      { code: 'statistics', of: 'cost', runs: 2, ...stats(6300), text: 'cost over 2 runs: mean 6,300.00, sd 0.00; 5th percentile 6,300.00, median 6,300.00, 95th percentile 6,300.00' },
      { code: 'tier', index: 0, name: '—', dealers: 1, rebate: 0, text: '—: 1 dealers and 0.00 per run on average' },
      { code: 'tier', index: 1, name: 'Silver', dealers: 1, rebate: 1900, text: 'Silver: 1 dealers and 1,900.00 per run on average' },
      { code: 'tier', index: 2, name: 'Gold', dealers: 1, rebate: 3400, text: 'Gold: 1 dealers and 3,400.00 per run on average' },
      {
        code: 'share',
        rebate: 5300,
        netSales: 285000,
        // Σ over the runs in fen, 2 × 530,000 / (2 × 28,500,000): the double nearest 53 / 2,850; likewise 53 / 2,050.
        shareOfSales: 53 / 2850,
        paidNetSales: 205000,
        effectiveRate: 53 / 2050,
        text: 'per run on average: 5,300.00 / net sales 285,000.00 = 1.86 % of sales; 5,300.00 / 205,000.00 of the 2 dealers paid = 2.59 % effective',
      },
    ]);
    expect([o.netSales, o.paid, o.shareOfSales, o.effectiveRate, o.clipped]).toEqual([285000, 2, 53 / 2850, 53 / 2050, 0]);
    expect(o.tiers.map((t) => [t.index, t.name, t.dealers, t.rebate, t.benefits])).toEqual([[0, '—', 1, 0, 0], [1, 'Silver', 1, 1900, 0], [2, 'Gold', 1, 3400, 1000]]);
    expect(o.dealers.map((d) => [d.id, d.segment, d.mean, d.sd, d.tierShares, d.tier.name])).toEqual([
      ['A', 'east', 1900, 0, [0, 1, 0], 'Silver'],
      ['B', 'east', 3400, 0, [0, 0, 1], 'Gold'],
      ['C', 'west', 0, 0, [1, 0, 0], '—'],
    ]);
  });
});

describe('ratios to ratioScale places: the option, else the program\'s own', () => {
  // 5,300 / 285,000 = 0.0185964912…, 5,300 / 205,000 = 0.0258536585…; A's attainment 0.95.
  const shares = (o: unknown) => {
    const d = o as RebateDeterministicOutcome;
    return [d.shareOfSales!.toString(), d.effectiveRate!.toString()];
  };

  it('the option: 4 places', () => {
    const o = simulateRebateProgram(handProgram, handNetwork, [{ name: 'flat' }], { ratioScale: 4 }).scenarios[0];
    expect(shares(o)).toEqual(['0.0186', '0.0259']);
  });

  it("the program's 3 places, unless the option says 6", () => {
    const three = defineRebateProgram({ ...handSpec, ratioScale: 3 });
    expect(shares(simulateRebateProgram(three, handNetwork, [{ name: 'flat' }]).scenarios[0])).toEqual(['0.019', '0.026']);
    expect(shares(simulateRebateProgram(three, handNetwork, [{ name: 'flat' }], { ratioScale: 6 }).scenarios[0])).toEqual(['0.018596', '0.025854']);
    // A comparison reads every program at the option's places.
    const c = compareRebatePrograms([three, handProgram], handNetwork, [{ name: 'flat' }], { ratioScale: 4 });
    expect(c.scenarios[0]!.outcomes.map(shares)).toEqual([['0.0186', '0.0259'], ['0.0186', '0.0259']]);
  });
});

describe('the simulation as a whole', () => {
  it('one scenario step per scenario: the exact rebate, or the mean of the runs', () => {
    const sim = simulateRebateProgram(handProgram, handNetwork, [{ name: 'flat' }, { name: 's', growth: { mean: 0, sd: 0, distribution: 'normal' }, runs: 2, seed: 1 }]);
    expect(plain({ ...sim, scenarios: undefined })).toEqual({
      program: 'hand',
      currency: 'CNY',
      scale: 2,
      dealers: 3,
      failed: 0,
      warnings: [],
      steps: [
        { code: 'scenario', name: 'flat', kind: 'deterministic', rebate: '5300', text: 'flat: rebate 5,300.00 on net sales 285,000.00 (1.86 % of sales; 2.59 % effective on the 2 dealers paid).' },
        {
          code: 'scenario',
          name: 's',
          kind: 'stochastic',
          rebate: 5300,
          text: 's (2 runs, seed 1, normal growth +0 % ± 0 %): rebate 5,300.00 on average, sd 0.00; 5th / 50th / 95th percentile 5,300.00 / 5,300.00 / 5,300.00.',
        },
      ],
    });
    expect(explainRebateSimulation(sim).slice(4)).toEqual([
      's (2 runs, seed 1, normal growth +0 % ± 0 %): rebate 5,300.00 on average, sd 0.00; 5th / 50th / 95th percentile 5,300.00 / 5,300.00 / 5,300.00.',
      'Dealers per tier on average: Gold 1 (3,400.00), Silver 1 (1,900.00), — 1 (0.00).',
      'Largest mean rebates: B 3,400.00 (Gold), A 1,900.00 (Silver), C 0.00 (—).',
    ]);
  });
});
