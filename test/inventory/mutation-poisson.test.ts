// The Poisson helpers of src/inventory/poisson.ts in the cases no test of test/inventory reached
// (measured with coverage over the inventory tests alone, what the mutation run of src/inventory
// executes): ln Γ below 1/2 (the reflection formula), the pmf at a zero mean, a negative stock
// level, and the loss inverse for targets far out in the tail (the bracket doubles). Oracles:
// published constants, and a direct summation of the Poisson tail written in the test.
import { describe, expect, it } from 'vitest';
import { logGamma, poissonLoss, poissonLossInverseOf, poissonPmf, poissonSurvival } from '../../src/inventory/poisson.js';

describe('logGamma below 1/2 (reflection: ln Γ(x) = ln(π / sin πx) − ln Γ(1 − x))', () => {
  it('Γ(1/4) = 3.6256099082219083119… (OEIS A068466) and Γ(1/10) = 9.5135076986687318362… (DLMF tables)', () => {
    expect(logGamma(0.25)).toBeCloseTo(Math.log(3.6256099082219083119), 14);
    expect(logGamma(0.1)).toBeCloseTo(Math.log(9.5135076986687318362), 14);
    // And on the other side of 1/2, Γ(1/2) = √π.
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
  });
});

describe('edges of the Poisson helpers', () => {
  it('a zero mean puts all the mass on 0', () => {
    expect([poissonPmf(0, 0), poissonPmf(2, 0)]).toEqual([1, 0]);
  });
  it('below zero stock every draw is a shortage: P(X > −1) = 1 and E[(X + 2)⁺] = E[X] + 2 = 5 at a mean of 3', () => {
    expect(poissonSurvival(-1, 3)).toBe(1);
    expect(poissonLoss(-2, 3)).toBe(5);
  });
});

describe('poissonLossInverseOf far in the tail', () => {
  // E[(X − r)⁺] = Σ_{k > r} (k − r) e^{−m} m^k / k!, summed directly (80 terms are far past where they vanish).
  const lnFact = [0];
  for (let k = 1; k < 200; k++) lnFact.push(lnFact[k - 1]! + Math.log(k));
  const tailLoss = (r: number, m: number): number => {
    let s = 0;
    for (let k = r + 1; k < r + 80; k++) s += (k - r) * Math.exp(-m + k * Math.log(m) - lnFact[k]!);
    return s;
  };
  const smallest = (target: number, m: number): number => {
    let r = 0;
    while (tailLoss(r, m) > target) r++;
    return r;
  };
  it('mean 1: 1e-25 needs 24 on the shelf (loss 6.4e-25 at 23, 2.6e-26 at 24), 1e-30 needs 28; the first bracket, 21, is too low', () => {
    expect(tailLoss(21, 1)).toBeGreaterThan(1e-25);
    expect([smallest(1e-25, 1), smallest(1e-30, 1)]).toEqual([24, 28]);
    expect([poissonLossInverseOf(1e-25, 1), poissonLossInverseOf(1e-30, 1)]).toEqual([24, 28]);
  });
});
