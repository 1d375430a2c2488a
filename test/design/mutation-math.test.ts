// The hand-written functions of the seeded generator (src/design/random.ts) against the engine's
// own Math as an independent oracle, over the whole range they serve, and the statistics of run
// totals (src/design/tally.ts) worked by hand.
import { describe, expect, it } from 'vitest';
import { toDecimal } from '../../src/core/decimal.js';
import { expOf, inverseNormal, logOf, seededStream, sqrtOf } from '../../src/design/random.js';
import { ratioOf, statisticsOf } from '../../src/design/tally.js';

const close = (got: number, want: number, rel: number) => expect(Math.abs(got - want)).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(want)));

describe('ln, √ and exp from + − × ÷', () => {
  it('at the edges they answer as Math does and return at once (0 and ∞ used to loop forever)', () => {
    // ln 0 = −∞, ln ∞ = ∞, ln of a negative or NaN is NaN; √∞ = ∞; e^x overflows above ln(MAX_VALUE) ≈ 709.78
    // and underflows to 0 below ln(MIN_VALUE) ≈ −744.44 (the guards sit just outside: 709.8 and −745.2).
    expect([logOf(0), logOf(-0), logOf(Infinity), logOf(-1), logOf(Number.NaN)]).toEqual([-Infinity, -Infinity, Infinity, Number.NaN, Number.NaN]);
    expect(sqrtOf(Infinity)).toBe(Infinity);
    expect([expOf(710), expOf(1e6), expOf(Infinity), expOf(-746), expOf(-1e6), expOf(-Infinity)]).toEqual([Infinity, Infinity, Infinity, 0, 0, 0]);
    close(expOf(700), Math.exp(700), 1e-13);
    close(expOf(-744), Math.exp(-744), 1e-13);
    // The quantile function of the standard normal: −∞ at 0, +∞ at 1, NaN outside [0, 1].
    expect([inverseNormal(0), inverseNormal(1), inverseNormal(-0.1), inverseNormal(1.5), inverseNormal(Number.NaN)]).toEqual([-Infinity, Infinity, Number.NaN, Number.NaN, Number.NaN]);
    close(inverseNormal(Number.MIN_VALUE), -38.4674, 1e-3);
  });

  it('ln x agrees with Math.log to 1e-15 from 1e-320 to 1e308, across every scaling branch', () => {
    for (const x of [5e-324, 1e-320, 1e-300, 1e-20, 1.1102230246251565e-16, 1e-16, 0.3, 0.5, Math.SQRT1_2, 0.70710678, 0.9, 1, 1.1, 1.4142, Math.SQRT2, 1.5, 2, 3, 10, 12345.678, 9007199254740992, 1e16, 1e20, 1e300, 1.7e308]) {
      close(logOf(x), Math.log(x), 1e-15);
    }
    expect(logOf(1)).toBe(0);
  });

  it('√a agrees with Math.sqrt to 1e-15; 0, negatives and NaN give 0', () => {
    for (const a of [1e-300, 1e-10, 0.01, 0.25, 0.5, 1, 2, 3, 3.999999, 4, 4.000001, 15, 16, 1e10, 12345.678, 1e300]) close(sqrtOf(a), Math.sqrt(a), 1e-15 * Math.sqrt(a));
    expect([sqrtOf(0), sqrtOf(-4), sqrtOf(Number.NaN), sqrtOf(4), sqrtOf(16), sqrtOf(0.25)]).toEqual([0, 0, 0, 2, 4, 0.5]);
  });

  it('exp x agrees with Math.exp to 1e-14 from −700 to 700', () => {
    for (const x of [-700, -100, -10, -1, -0.5, -0.3465, 0, 0.3465, 0.5, 1, 2.5, 10, 100, 700]) {
      const want = Math.exp(x);
      expect(Math.abs(expOf(x) - want)).toBeLessThanOrEqual(1e-14 * want);
    }
    expect(expOf(0)).toBe(1);
  });

  it('the inverse normal is odd about ½ and continuous across its three regions', () => {
    for (const p of [1e-10, 0.001, 0.02, 0.02425, 0.03, 0.2, 0.4]) close(inverseNormal(p), -inverseNormal(1 - p), 1e-8);
    // Quantiles from Python's statistics.NormalDist().inv_cdf (Wichura's AS241) as the oracle, at the
    // region boundaries 0.02425 and 0.97575 and inside: within Acklam's 1.15e-9 relative error.
    close(inverseNormal(0.025), -1.9599639845400538, 1e-8);
    close(inverseNormal(0.841344746), 0.9999999997167303, 1e-8);
    close(inverseNormal(0.02425), -1.9729610513118845, 1e-8);
    close(inverseNormal(0.97575), 1.9729610513118847, 1e-8);
    close(inverseNormal(0.0242), -1.9738394633131993, 1e-8);
    close(inverseNormal(0.9758), 1.9738394633131993, 1e-8);
  });

  it('uniforms lie strictly inside (0, 1) and are the two outputs joined: (a·2^26 + b + ½) / 2^53', () => {
    // From the state (1, 2, 3, 4) the outputs are 11520 then 0 (the reference's first two): a = 11520 >>> 5 = 360,
    // b = 0 >>> 6 = 0, so the uniform is (360 × 2^26 + 0.5) / 2^53.
    const s = seededStream(0);
    Object.assign(s, { s0: 1, s1: 2, s2: 3, s3: 4 });
    expect(s.uniform()).toBe((360 * 67108864 + 0.5) / 9007199254740992);
    const t = seededStream(123);
    for (let i = 0; i < 1000; i++) {
      const u = t.uniform();
      expect(u > 0 && u < 1).toBe(true);
    }
  });

  it('no seed gives an all-zero state: the mixer can give one zero word, never two in a row', () => {
    // The mixer's word is a bijection of x ^ hi that maps 0 to 0. Seed 2^32 − 0x9e3779b9 = 0x61c88647 (hi = 0):
    // x + 0x9e3779b9 = 2^32 ≡ 0 = hi, so s0 = 0; then x = 0x9e3779b9 and hi = 0x6d2b79f5 differ, so s1 ≠ 0
    // (two zeros in a row would need 0x9e3779b9 = 0x6d2b79f5).
    const words = seededStream(0x61c88647) as unknown as { s0: number; s1: number; s2: number; s3: number };
    expect(words.s0).toBe(0);
    expect([words.s1, words.s2, words.s3].every((w) => w !== 0)).toBe(true);
    // An all-zero state would stay zero: xoshiro's reason to avoid it.
    const s = seededStream(0);
    Object.assign(s, { s0: 0, s1: 0, s2: 0, s3: 0 });
    expect([s.next(), s.next()]).toEqual([0, 0]);
    // Seeds that differ only in their upper 32 bits give different streams.
    expect(seededStream(2 ** 32).next()).not.toBe(seededStream(0).next());
    expect(seededStream(2 ** 33).next()).not.toBe(seededStream(2 ** 32).next());
  });
});

describe('statistics of run totals', () => {
  it('mean, sample sd, percentiles as PERCENTILE.INC, min and max, in money', () => {
    // Runs 500, 100, 400, 200, 300 (minor units, 100 a unit): mean 3; Σ squares of deviations 200² + 100² + 0 + 100² + 200²
    // = 100,000, / 4 = 25,000, √ = 158.1138… → 1.581138…; p5 at rank 0.2: 100 + 0.2 × 100 = 120 → 1.2; median 3;
    // p95 at rank 3.8: 400 + 0.8 × 100 = 480 → 4.8.
    const s = statisticsOf(Float64Array.from([500, 100, 400, 200, 300]), 100);
    expect({ ...s, sd: 0 }).toEqual({ mean: 3, sd: 0, p5: 1.2, p50: 3, p95: 4.8, min: 1, max: 5 });
    close(s.sd, 1.5811388300841898, 1e-15);
  });

  it('one run: sd 0 and every percentile the run; two runs: percentiles between them', () => {
    expect(statisticsOf(Float64Array.from([700]), 100)).toEqual({ mean: 7, sd: 0, p5: 7, p50: 7, p95: 7, min: 7, max: 7 });
    // 0 and 100: p5 = 5, median 50, p95 = 95; sd = √(2 × 50² / 1) = 70.71…
    const two = statisticsOf(Float64Array.from([100, 0]), 1);
    expect([two.mean, two.p5, two.p50, two.p95, two.min, two.max]).toEqual([50, 5, 50, 95, 0, 100]);
    close(two.sd, 70.71067811865476, 1e-15);
  });

  it('a ratio at its scale, or null over zero', () => {
    expect(ratioOf(toDecimal(2), toDecimal(3), 4)!.toString()).toBe('0.6667');
    expect(ratioOf(toDecimal(2), toDecimal(0), 4)).toBeNull();
  });
});
