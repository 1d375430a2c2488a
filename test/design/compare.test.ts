import { describe, expect, it } from 'vitest';
import { defineRebateProgram } from 'dealerkit';
import { compareRebatePrograms, explainRebateComparison, simulateRebateProgram, type RebateDeterministicSwitch, type RebateScenario, type RebateStochasticOutcome, type RebateStochasticSwitch } from 'dealerkit/design';
import { thrown } from '../helpers.js';
import { handNetwork, handProgram, handSpec, strs } from './helpers.js';

/**
 * The flat alternative: 2 % of every net sale, the same payment gate. On the hand network
 * (helpers.ts): A 2 % × 95,000 = 1,900 (as now); B 2 % × 110,000 = 2,200 (now 3,400 and the
 * 1,000 fund: −2,200); C 2 % × 80,000 = 1,600, halved by its gate: 800 (now 0: +800).
 * Rebate 4,900 (−400), cost 4,900 (−1,400).
 */
const flatRate = defineRebateProgram({
  name: 'flat 2 %',
  currency: 'CNY',
  rounding: { stage: 'line' },
  basis: 'amount',
  method: 'retroactive',
  tiers: [{ from: 0, rate: '0.02' }],
  gates: [{ metric: 'onTimePaymentRatio', op: '>=', value: '0.9', onFail: { factor: '0.5' } }],
});
const uncertain: RebateScenario = { name: 'u', growth: { mean: '0.05', sd: '0.1', distribution: 'normal', correlation: '0.3' }, runs: 50, seed: 5 };

describe('compareRebatePrograms on the three-dealer network', () => {
  it('side by side, then switching from the first: B loses 2,200 (Gold → tier 1), C gains 800, A unchanged', () => {
    const c = compareRebatePrograms([handProgram, flatRate], handNetwork, [{ name: 'flat' }]);
    expect(c.programs).toEqual(['hand', 'flat 2 %']);
    const s = c.scenarios[0]!;
    expect(s.outcomes.map((o) => (o.kind === 'deterministic' ? [o.rebate.toString(), o.cost.toString()] : []))).toEqual([
      ['5300', '6300'],
      ['4900', '4900'],
    ]);
    const sw = s.switches[0] as RebateDeterministicSwitch;
    expect([sw.from, sw.to, sw.rebateChange.toString(), sw.costChange.toString(), sw.unchanged]).toEqual([0, 1, '-400', '-1400', 1]);
    expect(sw.winners.map((w) => [w.id, w.before.rebate.toString(), w.after.rebate.toString(), w.change.toString()])).toEqual([['C', '0', '800', '800']]);
    expect(sw.losers.map((l) => [l.id, l.before.tier.name, l.after.tier.name, l.before.benefits.toString(), l.change.toString()])).toEqual([['B', 'Gold', null, '1000', '-2200']]);
    expect(sw.tierMoves.map((m) => [m.from.name, m.to.index, m.dealers])).toEqual([
      ['—', 0, 1],
      ['Silver', 0, 1],
      ['Gold', 0, 1],
    ]);
  });

  it('a stochastic scenario prices both programs on the same draws: each outcome is the program simulated alone, and each run\'s change is exact', () => {
    const c = compareRebatePrograms([handProgram, flatRate], handNetwork, [uncertain]);
    const [a, b] = c.scenarios[0]!.outcomes as RebateStochasticOutcome[];
    const aloneA = simulateRebateProgram(handProgram, handNetwork, [uncertain]).scenarios[0] as RebateStochasticOutcome;
    const aloneB = simulateRebateProgram(flatRate, handNetwork, [uncertain]).scenarios[0] as RebateStochasticOutcome;
    expect(strs(a!.totals)).toEqual(strs(aloneA.totals));
    expect(strs(b!.totals)).toEqual(strs(aloneB.totals));
    const sw = c.scenarios[0]!.switches[0] as RebateStochasticSwitch;
    const changes = b!.costs.map((x, r) => x.minus(a!.costs[r]!).toNumber());
    expect(sw.costChange.mean).toBeCloseTo(changes.reduce((s, x) => s + x, 0) / changes.length, 6);
    expect(sw.costlier).toBe(changes.filter((x) => x > 0).length / changes.length);
    expect(sw.winners.map((w) => w.id)).toContain('C');
    expect(sw.losers.map((l) => l.id)).toContain('B');
  });

  it('explains the switch: cost, better off, worse off', () => {
    const c = compareRebatePrograms([handProgram, flatRate], handNetwork, [{ name: 'flat' }]);
    expect(explainRebateComparison(c)).toEqual([
      'hand — flat: rebate 5,300.00 on net sales 285,000.00 (1.86 % of sales; 2.59 % effective on the 2 dealers paid).',
      'flat 2 % — flat: rebate 4,900.00 on net sales 285,000.00 (1.72 % of sales; 1.72 % effective on the 3 dealers paid).',
      'flat, hand → flat 2 %: cost −1,400.00; better off: C (+800.00, — → tier 1); worse off: B (−2,200.00, Gold → tier 1); 1 unchanged.',
    ]);
    expect(c.steps.map((s) => s.text)).toEqual(['flat, hand → flat 2 %: cost −1,400.00; 1 dealer better off, 1 dealer worse off']);
  });
});

describe('compareRebatePrograms refuses what cannot be compared, naming the path', () => {
  it('fewer than two programs: too_short', () => {
    expect(thrown(() => compareRebatePrograms([handProgram], handNetwork, [{ name: 'flat' }])).issues[0]).toMatchObject({ path: ['programs'], code: 'too_short' });
  });

  it('programs in another currency or scale: inconsistent at programs[i].currency', () => {
    const usd = defineRebateProgram({ ...handSpec, currency: 'USD' });
    expect(thrown(() => compareRebatePrograms([handProgram, usd], handNetwork, [{ name: 'flat' }])).issues[0]).toMatchObject({
      path: ['programs', 1, 'currency'],
      code: 'inconsistent',
      message: 'is USD at 2 places, but programs[0] is CNY at 2: compare programs in one currency and money scale',
    });
  });

  it('a program spec that does not define: its issues under programs[i]', () => {
    const e = thrown(() => compareRebatePrograms([handProgram, { ...handSpec, tiers: [] } as never], handNetwork, [{ name: 'flat' }]));
    expect(e.issues[0]!.path).toEqual(['programs', 1, 'tiers']);
  });
});
