// The standard normal helpers of src/inventory/normal.ts at the switch points of their formulas
// (Marsaglia's series | Laplace's continued fraction at x = 2, AS 241's central | tail regions at
// |p − ½| = 0.425) and the loss inverse where its safeguards matter. Every reference is an mpmath
// value (mpmath 1.3, mp.dps = 50: ncdf, npdf, erfinv, and G(k) = npdf(k) − k·(1 − ncdf(k))), printed
// to 20+ digits with the double nearest to it ("cr" = correctly rounded). Where the code returns the
// correctly rounded double the test says toBe; elsewhere it bounds the error by what the code
// achieves (written next to the bound).
import { describe, expect, it } from 'vitest';
import { calculateNormalCdf, calculateNormalInverse, calculateNormalLoss, calculateNormalLossInverse } from 'dealerkit';
import { cdf, inverse, loss, lossInverse } from '../../src/inventory/normal.js';

describe('Φ at and below the switch to the continued fraction (x = 2)', () => {
  it('Φ(2) = 0.97724986805182079279971736… (mpmath ncdf(2)): the correctly rounded double', () => {
    // At x = 2 the code takes 1 − Q(2) from the continued fraction; the series there lands one ulp low.
    expect(calculateNormalCdf(2)).toBe(0.9772498680518208);
    expect(cdf(2)).toBe(0.9772498680518208);
    // Φ(−2) = Q(2) = 0.022750131948179207200282637… (mpmath 1 − ncdf(2)).
    expect(calculateNormalCdf(-2)).toBe(0.02275013194817921);
  });

  it('near 0, ½ + φ·S(x) keeps the last bit that 1 − (½ − φ·S(x)) loses', () => {
    // mpmath ncdf: Φ(0.004) = 0.50159576486623161937…, Φ(0.012) = 0.50478719247192213422…,
    // Φ(0.02) = 0.50797831371690198119…; each the correctly rounded double below.
    expect(calculateNormalCdf(0.004)).toBe(0.5015957648662316);
    expect(calculateNormalCdf(0.012)).toBe(0.5047871924719222);
    expect(calculateNormalCdf(0.02)).toBe(0.5079783137169019);
  });
});

describe('G(k) on each side of k = 2', () => {
  it('G(2) = 0.00849070261682963754999892… (mpmath) to 1.2e-18 (the series side at k = 2 is 8e-18 off)', () => {
    expect(Math.abs(calculateNormalLoss(2) - 0.0084907026168296375499989)).toBeLessThanOrEqual(3e-18);
  });

  it('G(6) = 1.5635697959709664279e-10 (mpmath): the continued fraction, no φ − k·Q cancellation', () => {
    // φ(6) − 6·Q(6) cancels nearly all of φ(6) (G(6)/φ(6) = 0.026): the direct form is 5e-15 off.
    expect(Math.abs(loss(6) / 1.5635697959709664279e-10 - 1)).toBeLessThan(1e-15);
    // G(−3) = G(3) + 3 = 3.00038215431704772359… (mpmath).
    expect(calculateNormalLoss(-3)).toBe(3.0003821543170477);
  });

  it('G(9.485) = 1.250774184048902e-22 (mpmath, correctly rounded): the continued fraction at its full depth', () => {
    expect(calculateNormalLoss(9.485)).toBe(1.250774184048902e-22);
  });
});

describe('Φ⁻¹ at the edge of the central region of AS 241', () => {
  it('p = ½ − 0.425 exactly (q = −0.425): the central rational, within one ulp of mpmath', () => {
    const p = 0.5 - 0.425; // exact in doubles: 0.07500000000000001110223…, and p − ½ is exactly −0.425
    expect(p - 0.5).toBe(-0.425);
    // mpmath √2·erfinv(2p − 1) = −1.43953147093845583691196131…, correctly rounded −1.439531470938456; the
    // code is one ulp (2.2e-16) from that double, the tail formula at the same p two ulps.
    expect(Math.abs(calculateNormalInverse(p) - -1.439531470938456)).toBeLessThanOrEqual(2.3e-16);
    expect(Math.abs(inverse(p) - -1.439531470938456)).toBeLessThanOrEqual(2.3e-16);
  });
});

describe('the loss inverse: roots checked against mpmath (Newton on ln G at 80 digits)', () => {
  it('g = fl(φ(0)) = 0.3989422804014327 is 2.5e-17 above φ(0): its root is −4.98465e-17, not 0', () => {
    // φ(0) = 0.39894228040143267794…; the double 0.3989422804014327 exceeds it by 2.49e-17, and G′(0) = −½,
    // so k* = −4.98465440455546005816e-17 (mpmath). The code lands 6e-18 from it.
    expect(Math.abs(calculateNormalLossInverse(0.3989422804014327) - -4.98465440455546005816e-17)).toBeLessThanOrEqual(2e-17);
    expect(Math.abs(lossInverse(0.3989422804014327) - -4.98465440455546005816e-17)).toBeLessThanOrEqual(2e-17);
  });

  it('far right (g < 0.01, the φ(k)/k² start): correctly rounded roots', () => {
    // mpmath: G(k) = 3.7153522909959818e-56 at k = 15.56987323746183779139…,
    //         G(k) = 3.090295432533475e-50 at k = 14.67623129264236352256…
    expect(calculateNormalLossInverse(3.7153522909959818e-56)).toBe(15.569873237461838);
    expect(calculateNormalLossInverse(3.090295432533475e-50)).toBe(14.676231292642363);
  });

  it('left of 0 (g > φ(0)): correctly rounded roots, and −20 to within one ulp', () => {
    // mpmath: G(k) = 5 at k = −4.99999994653832933679… ; G(k) = 0.9 at k = −0.77423820182433738024…
    expect(calculateNormalLossInverse(5)).toBe(-4.999999946538329);
    expect(calculateNormalLossInverse(0.9)).toBe(-0.7742382018243373);
    // G(−20) = 20 + G(20) and G(20) < 1e-90, so the root of G(k) = 20 is −20 to the last bit; the code is
    // one ulp (3.55e-15) off.
    expect(Math.abs(calculateNormalLossInverse(20) - -20)).toBeLessThanOrEqual(3.6e-15);
  });

  it.each([
    // [g, the root k with G(k) = g (mpmath, 22 digits), its correctly rounded double]: where the start of the
    // search, the bracket's midpoint and the safeguards decide the last bit, the code lands on it.
    [0.10145652910681285, '0.8944513287790791956626', 0.8944513287790792],
    [0.02692712588844986, '1.536916797706787468154', 1.5369167977067875],
    [3.5435617139003277, '-3.543512569635353013955', -3.543512569635353],
    [23.135026470336825, '-23.13502647033682535493', -23.135026470336825],
    [3.706721866578447e-297, '36.7268145521734355527', 36.72681455217344],
    [1.448404948763128e-300, '36.93955515809107035427', 36.93955515809107],
  ] as [number, string, number][])('G(k) = %s at k = %s: correctly rounded', (g, _digits, k) => {
    expect(calculateNormalLossInverse(g)).toBe(k);
  });
});
