// The Poisson helpers of src/inventory/poisson.ts where their branches meet: ln Γ from the table of
// ln n! or from Lanczos, the incomplete gamma series or continued fraction at x = a + 1, negative and
// zero stock levels, and the quantile and loss inverse when the target is hit exactly. References:
// mpmath 1.3 at 40 digits (loggamma, and the Poisson sums Σ e^−m m^k / k! written out), scipy 1.17
// (scipy.stats.poisson.ppf), and hand derivations shown next to each figure.
import { describe, expect, it } from 'vitest';
import { calculatePoissonCdf, calculatePoissonQuantile } from 'dealerkit';
import { logGamma, poissonCdfOf, poissonLoss, poissonLossInverseOf, poissonQuantileOf, poissonSurvival } from '../../src/inventory/poisson.js';

describe('ln Γ: the table of ln n! for 1 ≤ n ≤ 21, Lanczos elsewhere, the reflection below ½', () => {
  it('ln Γ(1) = ln 0! = 0 exactly and ln Γ(11) = ln 10! = ln 3628800 (Lanczos is 9e-16 and 2e-15 off there)', () => {
    expect(logGamma(1)).toBe(0);
    // mpmath loggamma(11) = 15.10441257307551529522…, whose correctly rounded double is Math.log(3628800).
    expect(logGamma(11)).toBe(15.104412573075516);
    expect(logGamma(11)).toBe(Math.log(3628800));
  });

  it('ln Γ(0) = +∞ (the pole, through the reflection formula: ln(π / sin 0) − ln Γ(1))', () => {
    expect(logGamma(0)).toBe(Infinity);
  });

  it('a fraction above 1 goes to Lanczos: Γ(5/2) = (3/4)·√π = 1.32934038817913702047…', () => {
    // ln 1.32934038817913702047 = 0.28468287047291915963… (mpmath loggamma(2.5)); Lanczos has about 15
    // significant digits (the code: 1.8e-15 off here).
    expect(Math.abs(logGamma(2.5) - 0.28468287047291915963)).toBeLessThan(3e-15);
  });

  it('below ½ the reflection keeps ln Γ(0.1) correctly rounded and ln Γ(¼) within 8e-16 (Lanczos alone: 1.9e-15, 1.1e-15)', () => {
    // mpmath: loggamma(0.1) = 2.25271265173420590200…, loggamma(0.25) = 1.28802252469807745737…
    expect(logGamma(0.1)).toBe(2.252712651734206);
    expect(Math.abs(logGamma(0.25) - 1.28802252469807745737)).toBeLessThan(8e-16);
  });
});

describe('the incomplete gamma function at x = a + 1 (series below, continued fraction from there on)', () => {
  it('P(X ≤ 3) at a mean of 5 = e^−5·(1 + 5 + 25/2 + 125/6) = e^−5·236/6 = 0.26502591529736170580…', () => {
    // a = r + 1 = 4, x = 5 = a + 1: the continued fraction. The code is 7e-17 off, the series 3.7e-16.
    expect(Math.abs(calculatePoissonCdf(3, 5) - 0.2650259152973617058)).toBeLessThan(1.5e-16);
    expect(Math.abs(poissonSurvival(3, 5) - 0.7349740847026382942)).toBeLessThan(1.5e-16);
  });

  it('P(X = 0) at a mean of 2 = e^−2 = 0.13533528323661269189… and P(X > 0) = 1 − e^−2 = 0.86466471676338730811…', () => {
    // a = 1, x = 2 = a + 1; ln Γ(1) = 0 from the table. Both within 5e-17 (the code: 1e-17).
    expect(Math.abs(calculatePoissonCdf(0, 2) - 0.13533528323661269189)).toBeLessThan(5e-17);
    expect(Math.abs(poissonSurvival(0, 2) - 0.86466471676338730811)).toBeLessThan(1.2e-16);
  });
});

describe('negative and zero stock levels', () => {
  it('P(X ≤ −1) = 0 and P(X > −1) = 1, also for a mean below 1 (where the series would divide by a = 0)', () => {
    expect(calculatePoissonCdf(-1, 0.5)).toBe(0);
    expect(poissonCdfOf(-1, 0.5)).toBe(0);
    expect(poissonSurvival(-1, 0.5)).toBe(1);
  });

  it('P(X > 0) at a mean of ½ = 1 − e^−½ = 0.39346934028736657640…', () => {
    expect(Math.abs(poissonSurvival(0, 0.5) - 0.3934693402873665764)).toBeLessThan(1.2e-16);
  });
});

describe('the quantile: the smallest r with P(X ≤ r) ≥ alpha, also when alpha is exactly a CDF value', () => {
  it('alpha = P(X ≤ 4) at a mean of 2 gives 4, not 5 (the search comes down from 5)', () => {
    // By the definition: P(X ≤ 4) ≥ alpha holds with equality, and P(X ≤ 3) < P(X ≤ 4). The search starts
    // at ⌊2 + √2·z·0.85 + (z² − 1)/6⌋ = 5 for z ≈ 1.62 and steps down.
    const alpha = calculatePoissonCdf(4, 2);
    expect(calculatePoissonQuantile(alpha, 2)).toBe(4);
    expect(poissonQuantileOf(alpha, 2)).toBe(4);
  });

  it('alpha = P(X ≤ 1) at a mean of 2 = 3e^−2 gives 1, not 2 (the search climbs from 0)', () => {
    const alpha = calculatePoissonCdf(1, 2);
    expect(Math.abs(alpha - 3 * 0.13533528323661269189)).toBeLessThan(3e-16);
    expect(calculatePoissonQuantile(alpha, 2)).toBe(1);
  });

  it('the largest mean accepted, 1e7: the median is 10,000,000 and the 95 % quantile 10,005,202 (scipy poisson.ppf)', () => {
    expect(calculatePoissonQuantile(0.5, 1e7)).toBe(10_000_000);
    expect(calculatePoissonQuantile(0.95, 1e7)).toBe(10_005_202);
    // e^−1e7 underflows: P(X ≤ 0) is 0, and a mean of exactly 1e7 is accepted.
    expect(calculatePoissonCdf(0, 1e7)).toBe(0);
  });
});

describe('the loss inverse: the smallest r with E[(X − r)⁺] ≤ target', () => {
  it('a target of at least the mean needs no stock: E[X] = 3 ≤ 3', () => {
    expect(poissonLossInverseOf(3, 3)).toBe(0);
    expect(poissonLossInverseOf(3.5, 3)).toBe(0);
  });

  it('a target equal to E[(X − 3)⁺] at a mean of 2 gives 3 (equality satisfies ≤)', () => {
    // E[(X − 3)⁺] = (2 − 3)·P(X > 3) + 2·P(X = 3) = −(1 − 19e^−2/3) + 2·(8/6)e^−2 = 9e^−2 − 1 = 0.21801754912951…
    const target = poissonLoss(3, 2);
    expect(Math.abs(target - (9 * 0.13533528323661269189 - 1))).toBeLessThan(1e-15);
    expect(poissonLossInverseOf(target, 2)).toBe(3);
  });
});
