// compareRebatePrograms and its explainer on the paths the first tests left open: a stochastic
// switch with unchanged dealers and a costlier program (its sentences), a deterministic winner who
// keeps its tier, a refused dealer's note, and the explainer's refusal. Figures worked by hand.
import { describe, expect, it } from 'vitest';
import { defineRebateProgram } from 'dealerkit';
import { compareRebatePrograms, explainRebateComparison, type RebateDeterministicSwitch, type RebateStochasticSwitch } from 'dealerkit/design';
import { thrown } from '../helpers.js';
import { handNetwork, handProgram, handSpec } from './helpers.js';

/** The hand program with Silver at 3 % instead of 2 %. */
const silver3 = defineRebateProgram({
  ...handSpec,
  name: 'silver 3 %',
  tiers: [{ from: 0, name: '—' }, { from: '0.9', rate: '0.03', name: 'Silver' }, { from: '1.1', rate: '0.03', name: 'Gold', benefits: { brandFund: 1000 } }],
});

// On the hand network (helpers.ts), switching to silver 3 %: A (95 %, Silver) 3 % × 95,000 = 2,850 instead of 1,900:
// +950, still Silver. B (Gold, 3,400 and the fund) and C (nothing, 0) do not change: 2 unchanged. Cost 6,300 → 7,250.

describe('a deterministic switch: a winner who keeps its tier is named without a tier move', () => {
  it('A +950.00 in Silver; nobody worse off; 2 unchanged', () => {
    const c = compareRebatePrograms([handProgram, silver3], handNetwork, [{ name: 'flat' }]);
    const sw = c.scenarios[0]!.switches[0] as RebateDeterministicSwitch;
    expect([sw.costChange.toString(), sw.unchanged, sw.winners.map((w) => [w.id, w.change.toString()]), sw.losers]).toEqual(['950', 2, [['A', '950']], []]);
    expect(explainRebateComparison(c).at(-1)).toBe('flat, hand → silver 3 %: cost +950.00; better off: A (+950.00); worse off: nobody; 2 unchanged.');
  });
});

describe('a stochastic switch over the same draws', () => {
  // No growth drawn (sd 0): every run is the flat year, so each run's change is +950 and every run costs more.
  const c = compareRebatePrograms([handProgram, silver3], handNetwork, [{ name: 'u', growth: { mean: 0, sd: 0, distribution: 'normal' }, runs: 2, seed: 1 }]);
  const sw = c.scenarios[0]!.switches[0] as RebateStochasticSwitch;

  it('counts the dealers whose mean does not change, and the share of runs that cost more', () => {
    expect([sw.unchanged, sw.costlier, sw.winners.map((w) => [w.id, w.before.rebate, w.after.rebate, w.change]), sw.losers]).toEqual([2, 1, [['A', 1900, 2850, 950]], []]);
    expect([sw.costChange.mean, sw.costChange.p5, sw.costChange.p95, sw.rebateChange.mean]).toEqual([950, 950, 950, 950]);
    expect(c.steps.map((s) => s.text)).toEqual(['u, hand → silver 3 %: cost +950.00 per run on average; 1 dealer better off, 0 dealers worse off']);
  });

  it('explains each program, the switch in means, and how often the other program costs more', () => {
    expect(explainRebateComparison(c)).toEqual([
      'hand — u (2 runs, seed 1, normal growth +0 % ± 0 %): rebate 5,300.00 on average, sd 0.00; 5th / 50th / 95th percentile 5,300.00 / 5,300.00 / 5,300.00.',
      'silver 3 % — u (2 runs, seed 1, normal growth +0 % ± 0 %): rebate 6,250.00 on average, sd 0.00; 5th / 50th / 95th percentile 6,250.00 / 6,250.00 / 6,250.00.',
      'u, hand → silver 3 %: cost +950.00 per run on average; better off: A (+950.00); worse off: nobody; 2 unchanged.',
      'silver 3 % costs more in 100 % of the runs; the change lies between +950.00 and +950.00 in 90 % of them.',
    ]);
  });

  it('the other way round: −950.00 in every run, costlier in 0 % of them', () => {
    const back = compareRebatePrograms([silver3, handProgram], handNetwork, [{ name: 'u', growth: { mean: 0, sd: 0, distribution: 'normal' }, runs: 2, seed: 1 }]);
    expect(explainRebateComparison(back).slice(2)).toEqual([
      'u, silver 3 % → hand: cost −950.00 per run on average; better off: nobody; worse off: A (−950.00); 2 unchanged.',
      'hand costs more in 0 % of the runs; the change lies between −950.00 and −950.00 in 90 % of them.',
    ]);
  });
});

describe('explainRebateComparison: notes and refusals', () => {
  it('a refused dealer (collect) is noted after the scenarios', () => {
    const c = compareRebatePrograms([handProgram, silver3], [...handNetwork, { id: 'D', sales: 1 }], [{ name: 'flat' }], { onError: 'collect' });
    expect([c.failed, c.dealers]).toEqual([1, 3]);
    expect(explainRebateComparison(c).at(-1)).toBe('Note: 1 of 4 dealers was refused; the figures are over the 3 dealers computed.');
  });

  it('a bad locale is refused as a DealerkitError at options.locale', () => {
    const c = compareRebatePrograms([handProgram, silver3], handNetwork, [{ name: 'flat' }]);
    expect(thrown(() => explainRebateComparison(c, { locale: 42 as never })).issues[0]!.path).toEqual(['options', 'locale']);
  });
});

describe('stochastic switches: order, ties at zero, rebate against cost, tier moves', () => {
  const still = { name: 'u', growth: { mean: 0, sd: 0, distribution: 'normal' as const }, runs: 2, seed: 1 };
  // silver 3 % with 1 % in the first tier: A +950 (as above); C 1 % × 80,000 = 800, halved by its gate: +400.
  const wider = defineRebateProgram({
    ...handSpec,
    name: 'wider',
    tiers: [{ from: 0, rate: '0.01', name: '—' }, { from: '0.9', rate: '0.03', name: 'Silver' }, { from: '1.1', rate: '0.03', name: 'Gold', benefits: { brandFund: 1000 } }],
  });
  const [A, B, C] = handNetwork as [(typeof handNetwork)[number], (typeof handNetwork)[number], (typeof handNetwork)[number]];

  it('winners and losers come largest change first, whatever the network order', () => {
    const there = compareRebatePrograms([handProgram, wider], [C, B, A], [still]).scenarios[0]!.switches[0] as RebateStochasticSwitch;
    expect(there.winners.map((w) => [w.id, w.change])).toEqual([['A', 950], ['C', 400]]);
    const back = compareRebatePrograms([wider, handProgram], [C, B, A], [still]).scenarios[0]!.switches[0] as RebateStochasticSwitch;
    expect(back.losers.map((l) => [l.id, l.change])).toEqual([['A', -950], ['C', -400]]);
    // Deterministic likewise.
    const det = compareRebatePrograms([handProgram, wider], [C, B, A], [{ name: 'flat' }]).scenarios[0]!.switches[0] as RebateDeterministicSwitch;
    expect(det.winners.map((w) => [w.id, w.change.toString()])).toEqual([['A', '950'], ['C', '400']]);
  });

  it('the same program twice: no run costs more (a change of 0 is not more), everyone unchanged, each tier onto itself', () => {
    const same = compareRebatePrograms([handProgram, defineRebateProgram({ ...handSpec, name: 'again' })], handNetwork, [still]).scenarios[0]!.switches[0] as RebateStochasticSwitch;
    expect([same.costlier, same.unchanged, same.winners, same.losers, same.costChange.mean]).toEqual([0, 3, [], [], 0]);
    expect(same.tierMoves.map((m) => [m.from.name, m.to.name, m.dealers])).toEqual([['—', '—', 1], ['Silver', 'Silver', 1], ['Gold', 'Gold', 1]]);
  });

  it('the change of the rebate and of the cost are told apart: a 2,000 fund instead of 1,000 costs B +1,000, its rebate unchanged', () => {
    const fund = defineRebateProgram({ ...handSpec, name: 'fund', tiers: [{ from: 0, name: '—' }, { from: '0.9', rate: '0.02', name: 'Silver' }, { from: '1.1', rate: '0.03', name: 'Gold', benefits: { brandFund: 2000 } }] });
    const sw = compareRebatePrograms([handProgram, fund], handNetwork, [still]).scenarios[0]!.switches[0] as RebateStochasticSwitch;
    expect([sw.rebateChange.mean, sw.rebateChange.max, sw.costChange.mean, sw.costChange.min, sw.costlier]).toEqual([0, 0, 1000, 1000, 1]);
    // Means of rebates alone: nobody's changes.
    expect([sw.unchanged, sw.winners.length]).toEqual([3, 0]);
    const det = compareRebatePrograms([handProgram, fund], handNetwork, [{ name: 'flat' }]).scenarios[0]!.switches[0] as RebateDeterministicSwitch;
    expect([det.rebateChange.toString(), det.costChange.toString(), det.winners.map((w) => [w.id, w.change.toString(), w.before.benefits.toString(), w.after.benefits.toString()])]).toEqual(['0', '1000', [['B', '1000', '1000', '2000']]]);
  });

  it('unnamed programs are program 1, program 2', () => {
    const { name: _, ...unnamed } = handSpec;
    const c = compareRebatePrograms([defineRebateProgram(unnamed), defineRebateProgram(unnamed)], handNetwork, [{ name: 'flat' }]);
    expect(c.programs).toEqual(['program 1', 'program 2']);
    expect(c.steps[0]!.text).toBe('flat, program 1 → program 2: cost +0.00; 0 dealers better off, 0 dealers worse off');
  });
});

describe('a tier renamed at the same place is a tier move in words', () => {
  it("hand → argent: A's Silver is Argent at 3 %, +950.00, named with both tiers", () => {
    const argent = defineRebateProgram({
      ...handSpec,
      name: 'argent',
      tiers: [{ from: 0, name: '—' }, { from: '0.9', rate: '0.03', name: 'Argent' }, { from: '1.1', rate: '0.03', name: 'Gold', benefits: { brandFund: 1000 } }],
    });
    const c = compareRebatePrograms([handProgram, argent], handNetwork, [{ name: 'flat' }]);
    expect(explainRebateComparison(c).at(-1)).toBe('flat, hand → argent: cost +950.00; better off: A (+950.00, Silver → Argent); worse off: nobody; 2 unchanged.');
  });
});

describe('switch steps as data, a zero change signed +, programs refused together', () => {
  const still = { name: 'u', growth: { mean: 0, sd: 0, distribution: 'normal' as const }, runs: 2, seed: 1 };

  it('a stochastic step carries the mean change per run; a deterministic one the exact change', () => {
    const c = compareRebatePrograms([handProgram, silver3], handNetwork, [{ name: 'flat' }, still]);
    expect(c.steps.map((s) => [s.code, s.scenario, s.from, s.to, s.costChange.toString(), s.winners, s.losers])).toEqual([
      ['switch', 'flat', 0, 1, '950', 1, 0],
      ['switch', 'u', 0, 1, '950', 1, 0],
    ]);
    expect([typeof c.steps[0]!.costChange, typeof c.steps[1]!.costChange]).toEqual(['object', 'number']);
    expect([c.currency, c.scale, c.dealers, c.failed, c.warnings]).toEqual(['CNY', 2, 3, 0, []]);
  });

  it('the same program twice: +0.00 per run, costlier in 0 % of the runs', () => {
    const c = compareRebatePrograms([handProgram, defineRebateProgram({ ...handSpec, name: 'again' })], handNetwork, [still]);
    expect(explainRebateComparison(c).slice(2)).toEqual([
      'u, hand → again: cost +0.00 per run on average; better off: nobody; worse off: nobody; 3 unchanged.',
      'again costs more in 0 % of the runs; the change lies between +0.00 and +0.00 in 90 % of them.',
    ]);
  });

  it('every program that is not one is refused, each at its place', () => {
    const e = thrown(() => compareRebatePrograms([null, handProgram, 5] as never, handNetwork, [{ name: 'flat' }]));
    expect(e.issues.map((i) => i.path[0] === 'programs' && i.path[1])).toEqual([0, 2]);
  });
});
