import { describe, expect, it } from 'vitest';
import { defineScorecard, scoreDealer, type KpiScoringSpec, type KpiDirection } from 'dealerkit';
import { lines } from './lines.js';

// One KPI scored alone (weight 1), so the score is the KPI's points.
function pointsFor(scoring: KpiScoringSpec, direction: KpiDirection, actual: number | string | boolean, target?: number | string): string {
  const card = defineScorecard({
    kpis: [{ id: 'k', direction, scoring }],
    stages: { s: { weights: { k: 1 } } },
  });
  const r = scoreDealer(card, { stage: 's', actuals: { k: actual }, ...(target === undefined ? {} : { targets: { k: target } }) });
  return lines(r)[0]!.points!.toString();
}

describe("the seeds' KPI table, ratio scoring (DOMAIN.md §2)", () => {
  // Hand derivations: actual / target × 100; the repeating decimals are cut at 40 significant
  // digits, half-even (102.222…2 and 116.666…7, checked with Python's decimal at prec 40).
  const cases: [string, number, number, string][] = [
    ['sales', 9_500_000, 10_000_000, '95'],
    ['customer satisfaction', 92, 90, '102.2222222222222222222222222222222222222'],
    ['market share', 6, 5, '120'],
    ['channel expansion rate', 35, 30, '116.6666666666666666666666666666666666667'],
  ];
  for (const [name, actual, target, expected] of cases) {
    it(`${name}: ${actual} against ${target} → ${expected}`, () => {
      expect(pointsFor({ type: 'ratio' }, 'higher', actual, target)).toBe(expected);
    });
  }

  it('the four equally weighted give 108.4722…225 and the contributions sum to it exactly', () => {
    const card = defineScorecard({
      kpis: ['sales', 'satisfaction', 'share', 'expansion'].map((id) => ({ id, direction: 'higher' as const, scoring: { type: 'ratio' as const } })),
      stages: { maturity: { weights: { sales: '0.25', satisfaction: '0.25', share: '0.25', expansion: '0.25' } } },
    });
    const r = scoreDealer(card, {
      stage: 'maturity',
      actuals: { sales: 9_500_000, satisfaction: 92, share: 6, expansion: 35 },
      targets: { sales: 10_000_000, satisfaction: 90, share: 5, expansion: 30 },
    });
    // 95/4 + 102.2…2/4 + 120/4 + 116.6…7/4, each product exact (0.25 × a 40-digit value has 42 digits).
    expect(lines(r).map((l) => l.contribution.toString())).toEqual([
      '23.75',
      '25.55555555555555555555555555555555555555',
      '30',
      '29.166666666666666666666666666666666666675',
    ]);
    expect(r.score.toString()).toBe('108.472222222222222222222222222222222222225');
    expect(r.weightedScore.toString()).toBe(r.score.toString());
  });

  it('with rounding at 2 places (half-up) the lines read like a spreadsheet', () => {
    const card = defineScorecard({
      kpis: ['satisfaction', 'expansion'].map((id) => ({ id, direction: 'higher' as const, scoring: { type: 'ratio' as const } })),
      stages: { s: { weights: { satisfaction: '0.5', expansion: '0.5' } } },
      rounding: { scale: 2 },
    });
    const r = scoreDealer(card, { stage: 's', actuals: { satisfaction: 92, expansion: 35 }, targets: { satisfaction: 90, expansion: 30 } });
    // 102.22 × 0.5 + 116.67 × 0.5 = 51.11 + 58.335 = 109.445
    expect(lines(r).map((l) => [l.attainment!.toString(), l.points!.toString(), l.contribution.toString()])).toEqual([
      ['102.22', '102.22', '51.11'],
      ['116.67', '116.67', '58.335'],
    ]);
    expect(r.score.toString()).toBe('109.445');
  });
});

describe('ratio: actual / target × 100, clamped to floor and cap when given', () => {
  const ratio: KpiScoringSpec = { type: 'ratio', floor: 50, cap: 150 };
  const cases: [number, string][] = [
    [0, '50'], // 0 → 0, below the floor
    [49, '50'],
    [50, '50'], // exactly at the floor
    [51, '51'],
    [100, '100'],
    [149, '149'],
    [150, '150'], // exactly at the cap
    [151, '150'],
    [1e15, '150'],
  ];
  for (const [actual, expected] of cases) {
    it(`${actual} against 100 → ${expected}`, () => expect(pointsFor(ratio, 'higher', actual, 100)).toBe(expected));
  }
  it('without floor or cap a negative actual scores negative points (no silent clamping)', () => {
    expect(pointsFor({ type: 'ratio' }, 'higher', -5, 20)).toBe('-25');
    expect(pointsFor({ type: 'ratio' }, 'higher', '1e15', 1)).toBe('100000000000000000');
  });
});

describe("reduction (SAP SuccessFactors' 'Reduction' for lower-is-better): 200 − 100 × actual / target", () => {
  // The issue quotes SAP's table for target 5: 0 → 200, 2 → 160, 5 → 100, 8 → 40, 10 → 0.
  const cases: [number, string][] = [
    [0, '200'],
    [2, '160'],
    [5, '100'],
    [8, '40'],
    [10, '0'],
    [12, '0'], // 200 − 240 = −40, clamped at the default floor 0
    [-1, '200'], // 220, clamped at the default cap 200
  ];
  for (const [actual, expected] of cases) {
    it(`${actual} against 5 → ${expected}`, () => expect(pointsFor({ type: 'reduction' }, 'lower', actual, 5)).toBe(expected));
  }
  it('a floor and cap of its own replace the defaults', () => {
    expect(pointsFor({ type: 'reduction', floor: -100, cap: 150 }, 'lower', 12, 5)).toBe('-40');
    expect(pointsFor({ type: 'reduction', floor: -100, cap: 150 }, 'lower', 0, 5)).toBe('150');
  });
});

describe('deviation (best at target): 100 − |actual − target| / target × 100', () => {
  // Target 30 stock days.
  const cases: [number, string][] = [
    [30, '100'],
    [24, '80'], // 6 days short: 100 − 20
    [36, '80'], // 6 days over: 100 − 20
    [0, '0'],
    [60, '0'],
    [75, '0'], // 100 − 150 = −50, clamped at the default floor 0
    [31, '96.6666666666666666666666666666666666667'], // 100 − (103.33…3 − 100), the attainment cut at 40 digits
  ];
  for (const [actual, expected] of cases) {
    it(`${actual} against 30 → ${expected}`, () => expect(pointsFor({ type: 'deviation' }, 'target', actual, 30)).toBe(expected));
  }
});

describe("curve: SAP SuccessFactors' published anchors (620, 50 %), (1997, 100 %), (2400, 150 %), (3324, 200 %), (4000, 300 %)", () => {
  const points = [
    { at: 620, score: 50 },
    { at: 1997, score: 100 },
    { at: 2400, score: 150 },
    { at: 3324, score: 200 },
    { at: 4000, score: 300 },
  ];
  const linear: KpiScoringSpec = { type: 'curve', points, between: 'linear' };
  const step: KpiScoringSpec = { type: 'curve', points, between: 'step' };

  it('1313 interpolates to 75.1634 % (50 + 693 × 50 / 1377)', () => {
    const p = pointsFor(linear, 'higher', 1313);
    // 34650 / 1377 = 25.16339869281045751633986928104575163399 (40 digits, Python decimal prec 40)
    expect(p).toBe('75.16339869281045751633986928104575163399');
    expect(Number(p).toFixed(4)).toBe('75.1634');
  });
  it('with rounding at 4 places the interpolation is rounded once: 75.1634', () => {
    const card = defineScorecard({ kpis: [{ id: 'k', direction: 'higher', scoring: linear }], stages: { s: { weights: { k: 1 } } }, rounding: { scale: 4 } });
    expect(scoreDealer(card, { stage: 's', actuals: { k: 1313 } }).score.toString()).toBe('75.1634');
    // 2400 + 0.5: 150 + 0.5 × 50 / 924 = 150.02705…, to 4 places 150.0271
    expect(scoreDealer(card, { stage: 's', actuals: { k: 2400.5 } }).score.toString()).toBe('150.0271');
  });
  it('1313 stepped is 50 % (the last anchor reached)', () => expect(pointsFor(step, 'higher', 1313)).toBe('50'));

  const atAnchors: [number, string][] = [
    [620, '50'],
    [1997, '100'],
    [2400, '150'],
    [3324, '200'],
    [4000, '300'],
  ];
  for (const [x, s] of atAnchors) {
    it(`exactly at ${x}: ${s} linear and stepped`, () => {
      expect(pointsFor(linear, 'higher', x)).toBe(s);
      expect(pointsFor(step, 'higher', x)).toBe(s);
    });
  }
  it('around the anchors: one below and one above each', () => {
    // (1996 − 620) × 50 / 1377 + 50 = 68800 / 1377 + 50; (1998 − 1997) × 50 / 403 + 100
    expect(pointsFor(linear, 'higher', 1996)).toBe('99.96368917937545388525780682643427741467');
    expect(pointsFor(step, 'higher', 1996)).toBe('50');
    expect(pointsFor(linear, 'higher', 1998)).toBe('100.1240694789081885856079404466501240695');
    expect(pointsFor(step, 'higher', 1998)).toBe('100');
    // (3662 − 3324) × 100 / 676 + 200 = 250
    expect(pointsFor(linear, 'higher', 3662)).toBe('250');
    expect(pointsFor(step, 'higher', 3999)).toBe('200');
  });
  it("outside the anchors: 'clamp' holds the end scores", () => {
    expect(pointsFor(linear, 'higher', 619)).toBe('50');
    expect(pointsFor(linear, 'higher', 0)).toBe('50');
    expect(pointsFor(linear, 'higher', 4001)).toBe('300');
    expect(pointsFor(step, 'higher', 1e15)).toBe('300');
  });
  it("'extrapolate' extends the end segments", () => {
    const ex: KpiScoringSpec = { type: 'curve', points, between: 'linear', below: 'extrapolate', above: 'extrapolate' };
    // 4676: 300 + 676 × 100 / 676 = 400; −757: 50 − 1377 × 50 / 1377 = 0
    expect(pointsFor(ex, 'higher', 4676)).toBe('400');
    expect(pointsFor(ex, 'higher', -757)).toBe('0');
    expect(pointsFor(ex, 'higher', -2134)).toBe('-50');
  });
  it('a fixed score below the threshold and above the stretch', () => {
    const fixed: KpiScoringSpec = { type: 'curve', points, below: { score: 0 }, above: { score: 300 } };
    expect(pointsFor(fixed, 'higher', 619)).toBe('0');
    expect(pointsFor(fixed, 'higher', 620)).toBe('50');
    expect(pointsFor(fixed, 'higher', 5000)).toBe('300');
  });
  it('on attainment: threshold 80 %, target 100 %, stretch 120 % of a target of 200', () => {
    const att: KpiScoringSpec = {
      type: 'curve',
      on: 'attainment',
      points: [
        { at: 80, score: 50 },
        { at: 100, score: 100 },
        { at: 120, score: 150 },
      ],
      below: { score: 0 },
    };
    expect(pointsFor(att, 'higher', 150, 200)).toBe('0'); // 75 %
    expect(pointsFor(att, 'higher', 160, 200)).toBe('50'); // 80 %
    expect(pointsFor(att, 'higher', 180, 200)).toBe('75'); // 90 %
    expect(pointsFor(att, 'higher', 200, 200)).toBe('100');
    expect(pointsFor(att, 'higher', 230, 200)).toBe('137.5'); // 115 %
    expect(pointsFor(att, 'higher', 300, 200)).toBe('150'); // 150 %, clamped
  });
  it('a lower-is-better curve on raw response hours', () => {
    const hours: KpiScoringSpec = {
      type: 'curve',
      points: [
        { at: 4, score: 120 },
        { at: 24, score: 100 },
        { at: 48, score: 0 },
      ],
    };
    expect(pointsFor(hours, 'lower', 2)).toBe('120');
    expect(pointsFor(hours, 'lower', 14)).toBe('110');
    expect(pointsFor(hours, 'lower', 36)).toBe('50');
    expect(pointsFor(hours, 'lower', 72)).toBe('0');
  });
  it('a single anchor scores its score everywhere', () => {
    expect(pointsFor({ type: 'curve', points: [{ at: 10, score: 70 }] }, 'higher', 3)).toBe('70');
    expect(pointsFor({ type: 'curve', points: [{ at: 10, score: 70 }] }, 'higher', 30)).toBe('70');
  });
});

describe('bands: the last band whose from the value reaches', () => {
  const hours: KpiScoringSpec = {
    type: 'bands',
    bands: [
      { from: 0, score: 100 },
      { from: 12, score: 80 },
      { from: 24, score: 50 },
      { from: 48, score: 0 },
    ],
  };
  const cases: [number, string][] = [
    [0, '100'],
    [11.99, '100'],
    [12, '80'], // a band starts at its from, inclusive
    [23, '80'],
    [24, '50'],
    [47, '50'],
    [48, '0'],
    [1e15, '0'],
  ];
  for (const [x, s] of cases) it(`${x} hours → ${s}`, () => expect(pointsFor(hours, 'lower', x)).toBe(s));

  it("below the first band: the 'below' score, or an error naming the actual", () => {
    expect(pointsFor({ type: 'bands', bands: [{ from: 80, score: 60 }, { from: 100, score: 100 }], below: 0 }, 'higher', 79)).toBe('0');
    expect(() => pointsFor({ type: 'bands', bands: [{ from: 80, score: 60 }] }, 'higher', 79)).toThrow(
      "[dealerkit] actuals.k: is below the first band (from 80) and the scoring gives no 'below' score, received 79",
    );
  });
  it('on attainment', () => {
    const att: KpiScoringSpec = { type: 'bands', on: 'attainment', bands: [{ from: 0, score: 0 }, { from: 90, score: 80 }, { from: 100, score: 100 }] };
    expect(pointsFor(att, 'higher', 89, 100)).toBe('0');
    expect(pointsFor(att, 'higher', 900, 1000)).toBe('80');
    expect(pointsFor(att, 'higher', 1000, 1000)).toBe('100');
  });
});

describe('boolean: true scores pass, false scores fail', () => {
  it('higher-is-better', () => {
    expect(pointsFor({ type: 'boolean', pass: 100, fail: 0 }, 'higher', true)).toBe('100');
    expect(pointsFor({ type: 'boolean', pass: 100, fail: 0 }, 'higher', false)).toBe('0');
  });
  it('lower-is-better (a breach: true is bad)', () => {
    expect(pointsFor({ type: 'boolean', pass: 0, fail: 100 }, 'lower', true)).toBe('0');
    expect(pointsFor({ type: 'boolean', pass: 0, fail: 100 }, 'lower', false)).toBe('100');
  });
});
