import { createContext, runInContext } from 'node:vm';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { calculateRebate } from 'dealerkit';
import { explainRebateSimulation, simulateRebateProgram, type RebateDeterministicOutcome, type RebateScenario, type RebateStochasticOutcome } from 'dealerkit/design';
import { inverseNormal, seededStream } from '../../src/design/random.js';
import { handNetwork, handProgram, strs } from './helpers.js';

const det = (s: unknown) => s as RebateDeterministicOutcome;
const sto = (s: unknown) => s as RebateStochasticOutcome;
const simulate = (scenarios: RebateScenario[], options?: Parameters<typeof simulateRebateProgram>[3]) =>
  simulateRebateProgram(handProgram, handNetwork, scenarios, options);

describe('simulateRebateProgram: deterministic scenarios on the three-dealer network (worked by hand in helpers.ts)', () => {
  it('flat replays last period: A 1,900 (Silver), B 3,400 (Gold, award 100), C 0; rebate 5,300, cost 6,300 with the brand fund', () => {
    const s = det(simulate([{ name: 'flat' }]).scenarios[0]);
    expect(s.kind).toBe('deterministic');
    expect(s.dealers.map((d) => [d.id, d.result.rebate.toString(), d.result.tier.name])).toEqual([
      ['A', '1900', 'Silver'],
      ['B', '3400', 'Gold'],
      ['C', '0', '—'],
    ]);
    expect(s.rebate.toString()).toBe('5300');
    expect(s.benefits.map((b) => [b.name, b.amount.toString()])).toEqual([['brandFund', '1000']]);
    expect(s.cost.toString()).toBe('6300');
    // Net sales 95,000 + 110,000 + 80,000 = 285,000; 5,300 / 285,000 = 0.01859649122…;
    // the paid dealers' net 205,000: 5,300 / 205,000 = 0.02585365853…
    expect(s.netSales.toString()).toBe('285000');
    expect(s.shareOfSales!.toString()).toBe('0.0185964912');
    expect(s.effectiveRate!.toString()).toBe('0.0258536585');
    expect(s.paid).toBe(2);
    expect(s.tiers.map((t) => [t.name, t.dealers, t.rebate.toString(), t.benefits.toString()])).toEqual([
      ['—', 1, '0', '0'],
      ['Silver', 1, '1900', '0'],
      ['Gold', 1, '3400', '1000'],
    ]);
    expect(s.top.map((t) => [t.id, t.rebate.toString(), t.tier.name])).toEqual([
      ['B', '3400', 'Gold'],
      ['A', '1900', 'Silver'],
      ['C', '0', '—'],
    ]);
  });

  it('+10 % for everyone: A 104,500 → 2,090 + award 45 = 2,135; B net 121,000 → 3,630 + 210 = 3,840; C 88 % → 0; 5,975', () => {
    const s = det(simulate([{ name: '+10 %', growth: '0.1' }]).scenarios[0]);
    expect(s.dealers.map((d) => d.result.rebate.toString())).toEqual(['2135', '3840', '0']);
    expect(strs([s.dealers[1]!.input.sales, s.dealers[1]!.input.returns])).toEqual(['123200', '2200']);
    expect(s.rebate.toString()).toBe('5975');
    expect(s.cost.toString()).toBe('6975');
  });

  it('a segment grows on its own: west +15 % takes C to 92 % → Silver 1,840, halved by its gate: 920; total 6,220', () => {
    const s = det(simulate([{ name: 'west', segments: { west: '0.15' } }]).scenarios[0]);
    expect(s.dealers.map((d) => [d.id, d.growth.toString(), d.result.rebate.toString()])).toEqual([
      ['A', '0', '1900'],
      ['B', '0', '3400'],
      ['C', '0.15', '920'],
    ]);
    expect(s.rebate.toString()).toBe('6220');
  });

  it('dealer overrides: explicit facts replace the projected ones, a growth of its own, metrics merged', () => {
    // B sells 90,000 with no returns: 90 % → Silver 1,800. C grows 25 % to 100 % → Silver 2,000,
    // no award (not above the target); its ratio now 0.95, so the gate is met: 2,000.
    const s = det(
      simulate([{ name: 'o', dealers: { B: { sales: 90000, returns: 0 }, C: { growth: '0.25', metrics: { onTimePaymentRatio: '0.95' } } } }]).scenarios[0],
    );
    expect(s.dealers.map((d) => d.result.rebate.toString())).toEqual(['1900', '1800', '2000']);
    expect(s.rebate.toString()).toBe('5700');
    expect(s.dealers[2]!.input.metrics.onTimePaymentRatio!.toString()).toBe('0.95');
  });

  it('targets stay as given unless targetGrowth moves them: +10 % targets leave only B paid, at 100 % Silver 2,200', () => {
    const s = det(simulate([{ name: 't', targetGrowth: '0.1' }]).scenarios[0]);
    expect(s.dealers.map((d) => [d.input.target!.toString(), d.result.rebate.toString()])).toEqual([
      ['110000', '0'],
      ['110000', '2200'],
      ['110000', '0'],
    ]);
  });

  it('every dealer carries its full calculation: calculateRebate on its projected input gives it again', () => {
    for (const s of simulate([{ name: 'flat' }, { name: 'g', growth: '0.037' }]).scenarios) {
      for (const d of det(s).dealers) {
        const again = calculateRebate(handProgram, d.input);
        expect(JSON.stringify(again)).toBe(JSON.stringify(d.result));
      }
    }
  });

  it('projected money is rounded half-up to the money scale (a 3.7 % growth of 95,000 is 98,515.00; of 80,000, 82,960.00)', () => {
    const s = det(simulate([{ name: 'g', growth: '0.037' }]).scenarios[0]);
    expect(strs(s.dealers.map((d) => d.input.sales))).toEqual(['98515', '116144', '82960']);
    const odd = det(simulateRebateProgram(handProgram, [{ id: 'X', sales: '100000.05', target: 100000, metrics: { onTimePaymentRatio: 1 } }], [{ name: 'g', growth: '0.1' }]).scenarios[0]);
    // 100,000.05 × 1.1 = 110,000.055 → 110,000.06
    expect(odd.dealers[0]!.input.sales.toString()).toBe('110000.06');
  });

  it('steps say how the totals were reached; warnings carry the dealers\' own and whole-number growths', () => {
    const s = det(simulate([{ name: 'flat' }]).scenarios[0]);
    expect(s.steps.map((x) => x.code)).toEqual(['projection', 'total', 'tier', 'tier', 'tier', 'share', 'cost']);
    expect(s.steps.map((x) => x.text)).toEqual([
      'sales, returns and units × (1 + 0 %), money rounded half-up to the money scale; targets as given',
      "Σ rebates of 3 dealers = 5,300.00 (each dealer's steps are on its result)",
      '—: 1 dealer, 0.00',
      'Silver: 1 dealer, 1,900.00',
      'Gold: 1 dealer, 3,400.00',
      '5,300.00 / net sales 285,000.00 = 1.86 % of sales; 5,300.00 / 205,000.00 of the 2 dealers paid = 2.59 % effective',
      'cost: rebate 5,300.00 + benefits 1,000.00 = 6,300.00',
    ]);
    const w = det(simulate([{ name: 'x', growth: 5 }]).scenarios[0]).warnings;
    expect(w).toEqual([{ code: 'percent-like-growth', message: 'a growth of 5 is +500 %; if 5 % was meant, write 0.05', path: ['scenarios', 0, 'growth'] }]);
  });
});

describe('simulateRebateProgram: stochastic scenarios', () => {
  const uncertain: RebateScenario = { name: 'u', growth: { mean: '0.05', sd: '0.1', distribution: 'lognormal', correlation: '0.5' }, runs: 200, seed: 7 };

  it('a zero sd draws the mean every run: normal +10 % gives 5,975 in each of 3 runs, as the deterministic scenario', () => {
    const s = sto(simulate([{ name: 'n', growth: { mean: '0.1', sd: 0, distribution: 'normal' }, runs: 3, seed: 1 }]).scenarios[0]);
    expect(strs(s.totals)).toEqual(['5975', '5975', '5975']);
    expect(strs(s.costs)).toEqual(['6975', '6975', '6975']);
    expect(s.rebate).toEqual({ mean: 5975, sd: 0, p5: 5975, p50: 5975, p95: 5975, min: 5975, max: 5975 });
    expect(s.tiers.map((t) => [t.name, t.dealers, t.rebate, t.benefits])).toEqual([
      ['—', 1, 0, 0],
      ['Silver', 1, 2135, 0],
      ['Gold', 1, 3840, 1000],
    ]);
    expect(s.dealers.map((d) => [d.id, d.mean, d.sd, d.tierShares, d.tier.name])).toEqual([
      ['A', 2135, 0, [0, 1, 0], 'Silver'],
      ['B', 3840, 0, [0, 0, 1], 'Gold'],
      ['C', 0, 0, [1, 0, 0], '—'],
    ]);
    expect(s.shareOfSales).toBeCloseTo(5975 / 313500, 12);
    expect(s.paid).toBe(2);
    expect(s.draws).toBeNull();
  });

  it('a lognormal with sd 0 and mean 0 is a factor of exactly 1: every run replays 5,300', () => {
    const s = sto(simulate([{ name: 'l', growth: { mean: 0, sd: 0, distribution: 'lognormal' }, runs: 4, seed: 99 }]).scenarios[0]);
    expect(strs(s.totals)).toEqual(['5300', '5300', '5300', '5300']);
  });

  it('the same seed gives the same figures; another seed others', () => {
    const a = simulate([uncertain]);
    const b = simulate([uncertain]);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const c = sto(simulate([{ ...uncertain, seed: 8 }]).scenarios[0]);
    expect(strs(c.totals)).not.toEqual(strs(sto(a.scenarios[0]).totals));
  });

  it('golden figures: seed 7 on the hand network (any change to the generator or the projection shows here)', () => {
    const s = sto(simulate([{ ...uncertain, runs: 5 }]).scenarios[0]);
    expect(strs(s.totals)).toEqual(GOLDEN_TOTALS);
  });

  it("every run's total is the exact sum of calculateRebate over that run's dealers (keep: 'dealers')", () => {
    const s = sto(simulate([{ ...uncertain, runs: 40, keep: 'dealers' }]).scenarios[0]);
    expect(s.draws).toHaveLength(40);
    s.draws!.forEach((run, r) => {
      let sum = 0n;
      for (const d of run.dealers) {
        const again = calculateRebate(handProgram, d.input);
        expect(again.rebate.toString()).toBe(d.rebate.toString());
        expect(again.tier.index).toBe(d.tier.index);
        sum += BigInt(again.rebate.times(100).toFixed(0));
      }
      expect(run.rebate.toString()).toBe(s.totals[r]!.toString());
      expect(BigInt(s.totals[r]!.times(100).toFixed(0))).toBe(sum);
    });
  });

  it('a correlation of 1 gives every dealer the same draw in a run; of 0, its own', () => {
    const one = sto(simulate([{ ...uncertain, growth: { mean: 0, sd: '0.1', distribution: 'lognormal', correlation: 1 }, runs: 3, keep: 'dealers' }]).scenarios[0]);
    for (const run of one.draws!) expect(new Set(run.dealers.map((d) => d.factor)).size).toBe(1);
    const none = sto(simulate([{ ...uncertain, growth: { mean: 0, sd: '0.1', distribution: 'lognormal' }, runs: 3, keep: 'dealers' }]).scenarios[0]);
    for (const run of none.draws!) expect(new Set(run.dealers.map((d) => d.factor)).size).toBe(3);
  });

  it('a normal draw below −100 % is counted, warned and taken as no sales', () => {
    const s = sto(simulate([{ name: 'wild', growth: { mean: 0, sd: 2, distribution: 'normal' }, runs: 100, seed: 3, keep: 'dealers' }]).scenarios[0]);
    expect(s.clipped).toBeGreaterThan(0);
    expect(s.warnings.map((w) => w.code)).toEqual(['percent-like-growth', 'growth-clipped']);
    const zeros = s.draws!.flatMap((r) => r.dealers).filter((d) => d.factor === 0);
    expect(zeros).toHaveLength(s.clipped);
    for (const d of zeros) expect(d.input.sales.toString()).toBe('0');
  });

  it('a lognormal growth has the mean and sd it is given (10,000 draws of one dealer with sales 1,000,000)', () => {
    const net = [{ id: 'X', sales: 1_000_000, target: 1_000_000, metrics: { onTimePaymentRatio: 1 } }];
    const s = sto(simulateRebateProgram(handProgram, net, [{ name: 'l', growth: { mean: '0.05', sd: '0.2', distribution: 'lognormal' }, runs: 10000, seed: 11, keep: 'dealers' }]).scenarios[0]);
    const f = s.draws!.map((r) => r.dealers[0]!.factor);
    const mean = f.reduce((a, b) => a + b, 0) / f.length;
    const sd = Math.sqrt(f.reduce((a, b) => a + (b - mean) ** 2, 0) / (f.length - 1));
    expect(mean).toBeCloseTo(1.05, 2);
    expect(sd).toBeCloseTo(0.2, 2);
    expect(Math.min(...f)).toBeGreaterThan(0);
  });

  it('statistics: the mean, sample sd and PERCENTILE.INC of the exact run totals', () => {
    const s = sto(simulate([{ ...uncertain, runs: 21 }]).scenarios[0]);
    const xs = s.totals.map((t) => t.toNumber());
    const sorted = [...xs].sort((a, b) => a - b);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(s.rebate.mean).toBeCloseTo(mean, 6);
    expect(s.rebate.sd).toBeCloseTo(Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / 20), 6);
    // 21 runs: the 5th percentile sits at rank 0 + 0.05 × 20 = 1 exactly, the median at 10, the 95th at 19.
    expect(s.rebate.p5).toBeCloseTo(sorted[1]!, 6);
    expect(s.rebate.p50).toBeCloseTo(sorted[10]!, 6);
    expect(s.rebate.p95).toBeCloseTo(sorted[19]!, 6);
    expect([s.rebate.min, s.rebate.max]).toEqual([sorted[0], sorted[20]]);
  });

  it("steps name the generator, the seed and the distribution", () => {
    const s = sto(simulate([{ ...uncertain, runs: 5 }]).scenarios[0]);
    expect(s.steps.map((x) => x.code)).toEqual(['projection', 'draws', 'statistics', 'statistics', 'tier', 'tier', 'tier', 'share']);
    expect(s.steps[1]!.text).toBe(
      "5 runs drawn with seed 7 (xoshiro128**, inverse normal): each dealer's growth lognormal with mean +5 % and sd 10 %, correlation 0.5 between dealers",
    );
  });
});

describe('the seeded generator', () => {
  it('xoshiro128** steps as the reference does: from the state (1, 2, 3, 4) it gives 11520, 0, 5927040', () => {
    // By hand from Blackman and Vigna's reference: out = rotl(s1 × 5, 7) × 9 = rotl(10, 7) × 9 = 1280 × 9 = 11520;
    // then t = s1 << 9 = 1024, s2 = 3 ^ 1 = 2, s3 = 4 ^ 2 = 6, s1 = 2 ^ 2 = 0, s0 = 1 ^ 6 = 7, s2 = 2 ^ 1024 = 1026,
    // s3 = rotl(6, 11) = 12288, so out = rotl(0, 7) × 9 = 0; then s2 = 1026 ^ 7 = 1029 and s1 = 0 ^ 1029 = 1029:
    // out = rotl(1029 × 5, 7) × 9 = 5145 × 128 × 9 = 5927040.
    const s = seededStream(0);
    Object.assign(s, { s0: 1, s1: 2, s2: 3, s3: 4 });
    expect([s.next(), s.next(), s.next()]).toEqual([11520, 0, 5927040]);
  });

  it('seeded from the seed\'s two 32-bit halves: pinned outputs', () => {
    const s = seededStream(0);
    expect([s.next(), s.next(), s.next(), s.next()]).toEqual(GOLDEN_OUTPUTS);
    const big = seededStream(2 ** 53 - 1);
    expect(big.next()).not.toBe(seededStream(2 ** 32 - 1).next());
  });

  it('the inverse normal meets the published quantiles to 1e-8 (1.959963985 at 0.975; −2.326347874 at 0.01; 6.361340902 at 1 − 1e-10)', () => {
    expect(inverseNormal(0.975)).toBeCloseTo(1.959963985, 8);
    expect(inverseNormal(0.01)).toBeCloseTo(-2.326347874, 8);
    expect(inverseNormal(1 - 1e-10)).toBeCloseTo(6.361340902, 6);
    expect(inverseNormal(0.5)).toBe(0);
  });

  it('100,000 normals have mean 0 and variance 1 (within 0.01)', () => {
    const s = seededStream(42);
    let m = 0;
    let v = 0;
    for (let i = 0; i < 100000; i++) {
      const z = s.normal();
      m += z;
      v += z * z;
    }
    expect(Math.abs(m / 100000)).toBeLessThan(0.01);
    expect(Math.abs(v / 100000 - 1)).toBeLessThan(0.01);
  });

  it('gives the same figures from the DealerkitDesign IIFE and the CJS bundle, in a bare engine whose Math.random throws', async () => {
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const scenario = { name: 'u', growth: { mean: '0.05', sd: '0.1', distribution: 'lognormal', correlation: '0.5' }, runs: 50, seed: 7 };
    const expected = JSON.stringify(simulateRebateProgram(handProgram, handNetwork, [scenario as RebateScenario]).scenarios[0]);
    for (const format of ['iife', 'cjs'] as const) {
      // The IIFE as tsup.config.ts builds DealerkitDesign (src/iife-design.ts); a CJS build of the design and rebates entries.
      const input =
        format === 'iife'
          ? { entryPoints: [`${root}src/iife-design.ts`] }
          : { stdin: { contents: "export * from './src/design/index.ts'; export * from './src/rebates/index.ts';", resolveDir: root, loader: 'ts' as const } };
      const out = await build({ ...input, bundle: true, format, globalName: 'DealerkitDesign', platform: 'neutral', target: 'es2017', write: false, logLevel: 'silent', mainFields: ['module', 'main'] });
      const poisoned = Object.create(Math) as Math;
      poisoned.random = () => {
        throw new Error('Math.random was called');
      };
      const context = createContext({ Math: poisoned, module: { exports: {} }, exports: {}, JSON });
      runInContext(out.outputFiles[0]!.text, context);
      const lib = format === 'iife' ? context.DealerkitDesign : context.module.exports;
      const spec = JSON.parse(JSON.stringify({ ...handSpecForBundles }));
      const program = lib.defineRebateProgram(spec);
      const got = lib.simulateRebateProgram(program, JSON.parse(JSON.stringify(handNetwork)), [scenario]).scenarios[0];
      expect(JSON.stringify(got), format).toBe(expected);
    }
  }, 60_000);
});

describe('simulateRebateProgram: explanations, progress, collected dealers', () => {
  it('explainRebateSimulation: the headline, the tiers, the benefits, the largest rebates', () => {
    expect(explainRebateSimulation(simulate([{ name: 'flat' }]))).toEqual([
      'flat: rebate 5,300.00 on net sales 285,000.00 (1.86 % of sales; 2.59 % effective on the 2 dealers paid).',
      'Dealers per tier: Gold 1 (3,400.00), Silver 1 (1,900.00), — 1 (0.00).',
      'Benefits brandFund 1,000.00; cost with the rebate 6,300.00.',
      'Largest rebates: B 3,400.00 (Gold), A 1,900.00 (Silver), C 0.00 (—).',
    ]);
    expect(explainRebateSimulation(simulate([{ name: 'flat' }]), { locale: 'de' })[0]).toBe(
      'flat: rebate 5.300,00 on net sales 285.000,00 (1,86 % of sales; 2,59 % effective on the 2 dealers paid).',
    );
    const s = explainRebateSimulation(simulate([{ name: 'n', growth: { mean: '0.1', sd: 0, distribution: 'normal' }, runs: 3, seed: 1 }]));
    expect(s[0]).toBe('n (3 runs, seed 1, normal growth +10 % ± 0 %): rebate 5,975.00 on average, sd 0.00; 5th / 50th / 95th percentile 5,975.00 / 5,975.00 / 5,975.00.');
    expect(s[1]).toBe('Dealers per tier on average: Gold 1 (3,840.00), Silver 1 (2,135.00), — 1 (0.00).');
  });

  it('onProgress reports dealer-evaluations, at most about 200 times, the last with (total, total)', () => {
    const calls: [number, number][] = [];
    simulate([{ name: 'flat' }, { ...{ name: 'u', growth: { mean: 0, sd: '0.1', distribution: 'normal' }, runs: 1000, seed: 1 } }], { onProgress: (d, t) => calls.push([d, t]) });
    expect(calls.length).toBeLessThanOrEqual(202);
    expect(calls.at(-1)).toEqual([3003, 3003]);
  });

  it("onError: 'collect' leaves a bad dealer out, counts and warns it", () => {
    const sim = simulateRebateProgram(handProgram, [...handNetwork, { id: 'D', sales: -1, target: 1, metrics: { onTimePaymentRatio: 1 } }], [{ name: 'flat' }], { onError: 'collect' });
    expect([sim.dealers, sim.failed]).toEqual([3, 1]);
    expect(sim.warnings).toEqual([{ code: 'rows-refused', message: '1 of 4 dealers was refused; the figures are over the 3 dealers computed', path: ['network'] }]);
    expect(det(sim.scenarios[0]).rebate.toString()).toBe('5300');
  });

  it('the top option lists as many of the largest rebates as asked', () => {
    expect(det(simulate([{ name: 'flat' }], { top: 1 }).scenarios[0]).top.map((t) => t.id)).toEqual(['B']);
  });
});

const handSpecForBundles = {
  currency: 'CNY',
  name: 'hand',
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

const GOLDEN_TOTALS = ['1953.1', '6601.68', '5471.76', '4059.45', '4849.01'];
const GOLDEN_OUTPUTS = [3925918437, 692590935, 1396701985, 2585307180];
