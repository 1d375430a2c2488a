import { describe, expect, it } from 'vitest';
import {
  DealerkitError,
  calculateNormalCdf,
  calculateNormalInverse,
  calculateNormalLoss,
  calculateNormalLossInverse,
  calculateNormalPdf,
  calculatePoissonCdf,
  calculatePoissonQuantile,
} from 'dealerkit';
import { thrown } from '../helpers.js';

// Reference values: mpmath 1.3 at 80 digits (an independent arbitrary-precision oracle, as
// decimal.js checks itself against it): Φ(x) = erfc(−x/√2)/2, G(k) = φ(k) − k·erfc(k/√2)/2,
// Φ⁻¹ by 400 bisection steps on that Φ, P(X ≤ r) = Q(r + 1, m) (regularized upper gamma).
// Expected values are strings; the tolerance is relative.
function rel(actual: number, expected: string): number {
  const e = Number(expected);
  return e === 0 ? Math.abs(actual) : Math.abs((actual - e) / e);
}

describe('calculateNormalInverse (Wichura 1988, AS 241)', () => {
  it('gives the issue reference values to 1e-12 relative', () => {
    expect(rel(calculateNormalInverse(0.95), '1.6448536269514722')).toBeLessThan(1e-12);
    expect(rel(calculateNormalInverse(0.99), '2.3263478740408408')).toBeLessThan(1e-12);
  });

  const table: [number, string][] = [
    [1e-300, '-37.047096299361199237'],
    [1e-20, '-9.2623400897984075737'],
    [1e-10, '-6.3613409024040562047'],
    [0.001, '-3.0902323061678135415'],
    [0.01, '-2.3263478740408411009'],
    [0.025, '-1.9599639845400542355'],
    [0.05, '-1.6448536269514727149'],
    [0.1, '-1.281551565544600467'],
    [0.25, '-0.6744897501960817432'],
    [0.75, '0.6744897501960817432'],
    [0.9, '1.281551565544600467'],
    [0.95, '1.6448536269514727149'],
    [0.975, '1.9599639845400542355'],
    [0.99, '2.3263478740408411009'],
    [0.995, '2.575829303548900761'],
    [0.999, '3.0902323061678135415'],
  ];
  it.each(table)('Φ⁻¹(%s) matches mpmath to 1e-15 relative', (p, expected) => {
    expect(rel(calculateNormalInverse(p), expected)).toBeLessThan(1e-15);
  });

  it('gives z = 0 exactly at 0.5 and is antisymmetric', () => {
    expect(calculateNormalInverse(0.5)).toBe(0);
    expect(calculateNormalInverse(0.3)).toBe(-calculateNormalInverse(0.7));
  });

  it('refuses probabilities of 0, 1, outside (0, 1) and non-numbers', () => {
    for (const p of [0, 1, -0.1, 100]) {
      const e = thrown(() => calculateNormalInverse(p));
      expect(e).toBeInstanceOf(DealerkitError);
      expect(e.code).toBe('out_of_range');
      expect(e.issues[0]!.code).toBe('out_of_range');
      expect(e.message).toBe(`[dealerkit] p: must be a probability strictly between 0 and 1, received ${p}`);
    }
    // A percentage written as a number: the hint says what to write.
    const percent = thrown(() => calculateNormalInverse(1.5));
    expect(percent.issues[0]!.code).toBe('percent_as_whole_number');
    expect(percent.message).toBe('[dealerkit] p: must be a probability strictly between 0 and 1, received 1.5: write 0.015 for 1.5 %');
    expect(thrown(() => calculateNormalInverse(Number.NaN)).issues[0]).toMatchObject({ code: 'not_a_number', message: 'must be a finite number, received NaN' });
    expect(thrown(() => calculateNormalInverse('0.9' as unknown as number)).issues[0]).toMatchObject({ code: 'invalid_type', message: 'must be a finite number, received "0.9"' });
    expect(thrown(() => calculateNormalInverse(undefined as unknown as number)).issues[0]).toMatchObject({ code: 'required' });
  });
});

describe('calculateNormalCdf and calculateNormalPdf', () => {
  const table: [number, string][] = [
    [-37, '5.7255712225245768227e-300'],
    [-30, '4.9067139271481870595e-198'],
    [-8, '6.2209605742717841235e-16'],
    [-5, '2.8665157187919391167e-7'],
    [-2, '0.0227501319481792072'],
    [-1.5, '0.066807201268858066004'],
    [-0.5, '0.30853753872598689636'],
    [0, '0.5'],
    [0.3, '0.61791142218895263731'],
    [1, '0.84134474606854294859'],
    [2, '0.9772498680518207928'],
    [2.5, '0.99379033467422386483'],
    [3, '0.99865010196836990547'],
    [5, '0.99999971334842812081'],
    [8, '0.9999999999999993779'],
  ];
  it.each(table)('Φ(%s) matches mpmath to 1e-15 relative, lower tail included', (x, expected) => {
    expect(rel(calculateNormalCdf(x), expected)).toBeLessThan(1e-15);
  });

  it('round-trips with calculateNormalInverse', () => {
    expect(Math.abs(calculateNormalCdf(calculateNormalInverse(0.95)) - 0.95)).toBeLessThan(1e-15);
  });

  it('φ(0) = 1/√(2π) and φ(1) = e^(−1/2)/√(2π)', () => {
    expect(rel(calculateNormalPdf(0), '0.39894228040143267794')).toBeLessThan(1e-15);
    expect(rel(calculateNormalPdf(1), '0.24197072451914334980')).toBeLessThan(1e-15);
  });

  it('refuses non-finite input', () => {
    expect(thrown(() => calculateNormalCdf(Number.POSITIVE_INFINITY)).message).toBe('[dealerkit] x: must be a finite number, received Infinity');
    expect(thrown(() => calculateNormalPdf(Number.NaN)).code).toBe('invalid_input');
    expect(thrown(() => calculateNormalPdf(Number.NaN)).issues[0]!.code).toBe('not_a_number');
  });
});

describe('calculateNormalLoss G(k) = φ(k) − k(1 − Φ(k))', () => {
  it('gives the issue reference value G(1.3) = 0.04552796208651397', () => {
    expect(calculateNormalLoss(1.3)).toBe(0.04552796208651397);
  });

  const table: [number, string, number][] = [
    [-30, '30.0', 1e-12],
    [-8, '8.0000000000000000755', 1e-12],
    [-2, '2.0084907026168296375', 1e-12],
    [-1, '1.0833154705876862984', 1e-12],
    [-0.5, '0.69779655740130602959', 1e-12],
    [0, '0.39894228040143267794', 1e-12],
    [0.5, '0.19779655740130602959', 1e-12],
    [1, '0.083315470587686298383', 1e-12],
    [1.3, '0.045527962086513923866', 1e-12],
    [1.9999, '0.0084929778999972857004', 1e-12],
    [2, '0.00849070261682963755', 1e-12],
    [2.0001, '0.0084884278735716558813', 1e-12],
    [3, '0.00038215431704772359565', 1e-12],
    [4, '7.145258432405666759e-6', 1e-12],
    [6, '1.5635697959709664279e-10', 1e-12],
    [8, '7.5502624119464989137e-17', 1e-12],
    [10, '7.4745602545893280366e-25', 1e-9],
    [15, '2.4260250875289830483e-52', 1e-9],
    [20, '1.3700124947295799431e-90', 1e-9],
    [30, '1.6319567340914011894e-199', 1e-9],
  ];
  it.each(table)('G(%s) matches mpmath (1e-12 to |k| = 8, 1e-9 to 30)', (k, expected, tol) => {
    expect(rel(calculateNormalLoss(k), expected)).toBeLessThan(tol);
  });

  it('does not cancel in the upper tail: 1 − Φ(30) is 0 in floats, G(30) is not', () => {
    expect(1 - calculateNormalCdf(30)).toBe(0);
    expect(calculateNormalLoss(30)).toBeGreaterThan(1e-199);
  });

  it('satisfies G(−k) = G(k) + k', () => {
    for (const k of [0.1, 0.7, 1.3, 2.5, 4]) expect(Math.abs(calculateNormalLoss(-k) - (calculateNormalLoss(k) + k))).toBeLessThan(1e-15 * (1 + k));
  });
});

describe('calculateNormalLossInverse (safeguarded Newton)', () => {
  it('inverts G(1.3)', () => {
    expect(Math.abs(calculateNormalLossInverse(0.045527962086513923866) - 1.3)).toBeLessThan(1e-12);
  });

  it('solves G(k) = g to 1e-12 relative across the range, negative k included', () => {
    for (const g of [1e-300, 1e-100, 1e-20, 1e-8, 1e-4, 0.001, 0.01, 0.05, 0.1, 0.3, 0.398, 0.3989422804014327, 0.4, 0.5, 1, 2, 10, 1e6]) {
      const k = calculateNormalLossInverse(g);
      expect(rel(calculateNormalLoss(k), String(g))).toBeLessThan(1e-12);
    }
  });

  it('gives k < 0 exactly when g > φ(0): G(0) = 0.3989…', () => {
    expect(calculateNormalLossInverse(0.5)).toBeLessThan(0);
    expect(calculateNormalLossInverse(0.3)).toBeGreaterThan(0);
  });

  it('refuses g ≤ 0 and g below 1e-300', () => {
    expect(thrown(() => calculateNormalLossInverse(0)).message).toBe('[dealerkit] g: must be greater than 0 (G(k) > 0 for every finite k), received 0');
    expect(thrown(() => calculateNormalLossInverse(1e-310)).message).toBe('[dealerkit] g: must be at least 1e-300 (G(37.5) is already smaller), received 1e-310');
  });
});

describe('calculatePoissonCdf and calculatePoissonQuantile', () => {
  const table: [number, number, string][] = [
    [0, 0.5, '0.6065306597126334236'],
    [2, 1, '0.91969860292860580399'],
    [4, 2, '0.94734698265628884326'],
    [5, 2, '0.9834363915193855611'],
    [3, 5, '0.2650259152973617058'],
    [10, 5, '0.98630473140161706178'],
    [30, 30, '0.54835151257791142615'],
    [50, 30, '0.99970198701817323122'],
    [700, 700, '0.51005056585705456556'],
    [1100, 1000, '0.99913235903655643791'],
  ];
  it.each(table)('P(X ≤ %s | mean %s) matches mpmath to 1e-13 relative', (r, m, expected) => {
    expect(rel(calculatePoissonCdf(r, m), expected)).toBeLessThan(1e-13);
  });

  it('hand values: P(X ≤ 2 | 1) = e^-1 (1 + 1 + 1/2); a mean of 0 is certain; r < 0 is impossible', () => {
    expect(rel(calculatePoissonCdf(2, 1), String(Math.exp(-1) * 2.5))).toBeLessThan(1e-15);
    expect(calculatePoissonCdf(0, 0)).toBe(1);
    expect(calculatePoissonCdf(-1, 3)).toBe(0);
  });

  it('quantile is the smallest r with P(X ≤ r) ≥ alpha (mean 2: P(X ≤ 4) = 0.947, P(X ≤ 5) = 0.983)', () => {
    expect(calculatePoissonQuantile(0.95, 2)).toBe(5);
    expect(calculatePoissonQuantile(0.947, 2)).toBe(4);
    expect(calculatePoissonQuantile(0.5, 0.1)).toBe(0);
    expect(calculatePoissonQuantile(0.99, 0)).toBe(0);
    // mean 30: P(X ≤ 30) = 0.548 ≥ 0.5 and P(X ≤ 29) = 0.474 (mpmath)
    expect(calculatePoissonQuantile(0.5, 30)).toBe(30);
  });

  it('quantile agrees with the CDF by definition over a grid', () => {
    for (const m of [0.05, 0.3, 1, 2.5, 7, 20, 64, 400]) {
      for (const a of [0.01, 0.1, 0.5, 0.8, 0.9, 0.95, 0.99, 0.999]) {
        const r = calculatePoissonQuantile(a, m);
        expect(calculatePoissonCdf(r, m)).toBeGreaterThanOrEqual(a);
        if (r > 0) expect(calculatePoissonCdf(r - 1, m)).toBeLessThan(a);
      }
    }
  });

  it('refuses bad r, means and levels with the path', () => {
    expect(thrown(() => calculatePoissonCdf(1.5, 2)).message).toBe('[dealerkit] r: must be a whole number of units, received 1.5');
    expect(thrown(() => calculatePoissonCdf(1, -2)).message).toBe('[dealerkit] mean: must not be negative, received -2');
    expect(thrown(() => calculatePoissonCdf(1, 2e7)).message).toBe(
      '[dealerkit] mean: must be at most 10000000 (use the normal distribution for fast movers), received 20000000',
    );
    expect(thrown(() => calculatePoissonQuantile(1, 2)).message).toBe('[dealerkit] alpha: must be a probability strictly between 0 and 1, received 1');
    expect(thrown(() => calculatePoissonQuantile(0.5, Number.NaN)).message).toBe('[dealerkit] mean: must be a finite number, received NaN');
  });
});
