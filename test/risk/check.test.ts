import { describe, expect, it } from 'vitest';
import { checkRiskMatrix, defineRiskMatrix, nistOverallLikelihood, nistSp80030, riskMatrix3x3, riskMatrix5x5Product } from 'dealerkit';
import { thrown } from '../helpers.js';

const at = (c: { likelihood: string; impact: string }) => `${c.likelihood}/${c.impact}`;
const LMH = ['low', 'medium', 'high'];
// Cox (2008)'s counter-example shape: the good 3×3 with three top-level cells in the upper right.
const bad3x3 = defineRiskMatrix({
  likelihood: LMH,
  impact: LMH,
  levels: LMH,
  cells: [
    ['low', 'low', 'low'],
    ['low', 'medium', 'high'],
    ['low', 'high', 'high'],
  ],
});

describe('checkRiskMatrix on the known good and bad 3×3 grids (uniform axes, risk = product)', () => {
  // Uniform axes: row l covers likelihood [l/3, (l+1)/3], column i covers impact [i/3, (i+1)/3], so
  // cell (l, i) covers risk [l·i/9, (l+1)(i+1)/9].
  it('the good grid passes every check; margin 4/9 − 1/3 = 1/9 with witnesses high/high and low/high', () => {
    const c = checkRiskMatrix(riskMatrix3x3, { axes: 'uniform', risk: 'product' });
    expect(c.holds).toBe(true);
    expect(c.monotone).toEqual({ holds: true, violations: [] });
    expect(c.weakConsistency.holds).toBe(true);
    expect(c.weakConsistency.applicable).toBe(true);
    expect(c.weakConsistency.top).toBe('high');
    expect(c.weakConsistency.bottom).toBe('low');
    expect(c.weakConsistency.marginExact).toBe('1/9');
    // Reported rounded half-up to ratioScale = 10 places; the check itself compares the exact fractions.
    expect(c.weakConsistency.margin!.toString()).toBe('0.1111111111');
    expect(c.ratioScale).toBe(10);
    expect(checkRiskMatrix(riskMatrix3x3, { ratioScale: 3 }).weakConsistency.margin!.toString()).toBe('0.111');
    // The top cell's smallest risk is (2/3)(2/3) = 4/9; the largest bottom risk is (1/3)(1) = 1/3 at
    // low/high (high/low ties at 1/3; the first in row order is the witness).
    expect(at(c.weakConsistency.witnesses!.top)).toBe('high/high');
    expect(c.weakConsistency.witnesses!.top.riskMinExact).toBe('4/9');
    expect(at(c.weakConsistency.witnesses!.bottom)).toBe('low/high');
    expect(c.weakConsistency.witnesses!.bottom.riskMaxExact).toBe('1/3');
    expect(c.betweenness).toEqual({ holds: true, violations: [] });
    expect(c.consistentColouring).toEqual({ holds: true, violations: [] });
    expect(c.largestJump!.steps).toBe(1);
    expect(c.cells.map((x) => `${at(x)}:${x.riskMinExact}..${x.riskMaxExact}`)).toEqual([
      'low/low:0..1/9', 'low/medium:0..2/9', 'low/high:0..1/3',
      'medium/low:0..2/9', 'medium/medium:1/9..4/9', 'medium/high:2/9..2/3',
      'high/low:0..1/3', 'high/medium:2/9..2/3', 'high/high:4/9..1',
    ]);
    expect(c.axes).toBe('uniform');
    expect(c.risk).toBe('product');
    expect(c.matrix).toBe('3×3 (Cox 2008)');
  });

  it('the bad grid fails weak consistency: margin 2/9 − 1/3 = −1/9, eight offending pairs', () => {
    const c = checkRiskMatrix(bad3x3, { axes: 'uniform' });
    expect(c.holds).toBe(false);
    expect(c.weakConsistency.holds).toBe(false);
    expect(c.weakConsistency.marginExact).toBe('-1/9');
    expect(at(c.weakConsistency.witnesses!.top)).toBe('medium/high');
    expect(at(c.weakConsistency.witnesses!.bottom)).toBe('low/high');
    // Top cells medium/high and high/medium start at 2/9; bottom cells reach 2/9 (low/medium,
    // medium/low) and 1/3 (low/high, high/low): 2 × 4 pairs touch or overlap; high/high (from 4/9) none.
    expect(c.weakConsistency.violations.map((v) => `${at(v.top)}>${at(v.bottom)}`)).toEqual([
      'medium/high>low/medium', 'medium/high>low/high', 'medium/high>medium/low', 'medium/high>high/low',
      'high/medium>low/medium', 'high/medium>low/high', 'high/medium>medium/low', 'high/medium>high/low',
    ]);
    expect(c.betweenness.holds).toBe(false);
    expect(c.betweenness.violations.map((v) => `${at(v.bottom)}~${at(v.top)}:${v.adjacency}`)).toEqual([
      'low/medium~medium/high:corner',
      'low/high~medium/high:edge',
      'medium/low~high/medium:corner',
      'high/low~high/medium:edge',
    ]);
    expect(c.monotone.holds).toBe(true);
    // The first two-step jump in row order: low/high (low) up to medium/high (high).
    expect(c.largestJump).toEqual({
      steps: 2,
      from: { likelihood: 'low', impact: 'high', level: 'low' },
      to: { likelihood: 'medium', impact: 'high', level: 'high' },
    });
  });

  it('serialises to plain data', () => {
    const json = JSON.parse(JSON.stringify(checkRiskMatrix(bad3x3)));
    expect(json.weakConsistency.margin).toBe('-0.1111111111');
    expect(json.cells[4]).toEqual({
      likelihood: 'medium', impact: 'medium', level: 'medium',
      riskMin: '0.1111111111', riskMax: '0.4444444444',
      riskMinExact: '1/9', riskMaxExact: '4/9',
    });
    // 2/3 rounds half-up at the last place: 0.6666666667.
    expect(json.cells[5].riskMax).toBe('0.6666666667');
  });
});

describe('checkRiskMatrix: steps and warnings', () => {
  it('the good grid: the axes read, each check held, no warning', () => {
    const c = checkRiskMatrix(riskMatrix3x3);
    expect(c.warnings).toEqual([]);
    expect(c.steps.map((x) => x.code)).toEqual(['axes', 'monotone', 'weak-consistency', 'betweenness', 'consistent-colouring', 'largest-jump']);
    expect(c.steps.map((x) => x.text)).toEqual([
      "axes 'uniform': likelihood cuts 0, 1/3, 2/3, 1; impact cuts 0, 1/3, 2/3, 1; a point's risk is likelihood × impact",
      'monotone: the level never falls as likelihood or impact rises',
      // 4/9 − 1/3 = 1/9, the margin reported above.
      'weak consistency holds: the smallest high risk 4/9 exceeds the largest low risk 1/3 by 1/9',
      'betweenness holds: no bottom-level cell touches a top-level cell',
      'consistent colouring holds',
      'largest jump: 1 level step, from low/medium (low) to medium/medium (medium)',
    ]);
    expect(c.steps[2]).toMatchObject({ code: 'weak-consistency', holds: true, topMin: '4/9', bottomMax: '1/3', margin: '1/9', violations: 0 });
  });

  it('the bad grid: one warning per failed axiom, the figures in the steps', () => {
    const c = checkRiskMatrix(bad3x3);
    expect(c.warnings).toEqual([
      { code: 'weak-consistency-fails', message: 'weak consistency fails (margin -1/9, 8 offending pairs): some top-level cells hold smaller risks than bottom-level cells' },
      { code: 'betweenness-fails', message: 'betweenness fails: 4 bottom-level cells next to a top-level cell' },
    ]);
    expect(c.steps[2]!.text).toBe('weak consistency fails: the smallest high risk 2/9 does not exceed the largest low risk 1/3 (margin -1/9); 8 offending pairs');
    expect(checkRiskMatrix(riskMatrix5x5Product).warnings.map((w) => w.code)).toEqual(['colouring-fails']);
    const single = checkRiskMatrix(defineRiskMatrix({ likelihood: ['a'], impact: ['x'], levels: ['only'], cells: [['only']] }));
    expect(single.warnings.map((w) => w.code)).toEqual(['single-level']);
    const falling = checkRiskMatrix(defineRiskMatrix({ likelihood: ['a', 'b'], impact: ['x', 'y'], levels: ['lo', 'hi'], cells: [['lo', 'hi'], ['lo', 'lo']] }));
    expect(falling.warnings[0]).toEqual({ code: 'matrix-not-monotone', message: 'the level falls in 1 place as likelihood or impact rises: the matrix is not monotone' });
  });
});

describe('checkRiskMatrix on the presets', () => {
  it('NIST Table I-2 passes on uniform axes: margin 0.48 − 0.2 = 7/25 (high/very-high vs very-high/very-low)', () => {
    // high/very-high covers likelihood [0.6, 0.8] × impact [0.8, 1]: lowest risk 0.48; very-high/very-low
    // covers [0.8, 1] × [0, 0.2]: highest risk 0.2.
    const c = checkRiskMatrix(nistSp80030);
    expect(c.holds).toBe(true);
    expect(c.weakConsistency.marginExact).toBe('7/25');
    expect(c.weakConsistency.margin!.toString()).toBe('0.28');
    expect(at(c.weakConsistency.witnesses!.top)).toBe('high/very-high');
    expect(at(c.weakConsistency.witnesses!.bottom)).toBe('very-high/very-low');
  });

  it('NIST Table I-2 on NIST\'s own bins: margin 0.80 × 0.96 − 1 × 0.05 = 0.718 = 359/500', () => {
    const c = checkRiskMatrix(nistSp80030, { axes: 'nist', risk: 'product' });
    expect(c.holds).toBe(true);
    expect(c.weakConsistency.marginExact).toBe('359/500');
    expect(c.weakConsistency.witnesses!.top.riskMin.toString()).toBe('0.768');
    expect(c.weakConsistency.witnesses!.bottom.riskMax.toString()).toBe('0.05');
    expect(c.axes).toBe('nist');
  });

  it('NIST Table I-2 with risk as a sum on uniform axes: margin (0.6 + 0.8) − (1 + 0.2) = 1/5', () => {
    expect(checkRiskMatrix(nistSp80030, { risk: 'sum' }).weakConsistency.marginExact).toBe('1/5');
  });

  it('NIST Table G-5 passes on uniform axes: margin 0.48 − 0.08 = 2/5 (high/very-high vs very-low/low)', () => {
    // very-low/low covers [0, 0.2] × [0.2, 0.4]: highest 0.08; low/very-low covers [0.2, 0.4] × [0, 0.2]: 0.08 too.
    const c = checkRiskMatrix(nistOverallLikelihood);
    expect(c.holds).toBe(true);
    expect(c.weakConsistency.marginExact).toBe('2/5');
    expect(at(c.weakConsistency.witnesses!.bottom)).toBe('very-low/low');
  });

  it('the 5×5 product matrix fails consistent colouring at the two cells scored 10 (unlikely/severe, almost-certain/minor)', () => {
    // unlikely/severe covers [0.2, 0.4] × [0.8, 1] = risk [0.16, 0.4], level high. Every critical point is
    // at least 0.48 (likely/severe, almost-certain/major: 0.6 × 0.8), so the cell lies wholly below the
    // level above it, and medium cells reach 0.36 (possible/moderate: 0.6 × 0.6) ≥ 0.16: by Cox's rule
    // it should be medium or lower. almost-certain/minor ([0.8, 1] × [0.2, 0.4]) is the mirror image.
    const c = checkRiskMatrix(riskMatrix5x5Product);
    expect(c.holds).toBe(false);
    expect(c.weakConsistency.holds).toBe(true);
    expect(c.weakConsistency.marginExact).toBe('8/25');
    expect(c.betweenness.holds).toBe(true);
    expect(c.consistentColouring.violations.map((v) => [at(v.cell), v.rule])).toEqual([
      ['unlikely/severe', 'should-be-lower'],
      ['almost-certain/minor', 'should-be-lower'],
    ]);
    expect(c.consistentColouring.violations[0]!.message).toBe(
      'every point (risk ≤ 2/5) is below every point of the levels above high (≥ 12/25) and it reaches the range of medium (up to 9/25): it should be medium or lower',
    );
    // As a sum, the same grid passes.
    expect(checkRiskMatrix(riskMatrix5x5Product, { risk: 'sum' }).holds).toBe(true);
  });
});

describe('checkRiskMatrix: other findings', () => {
  it('reports a non-monotone grid, each fall listed with its axis', () => {
    const m = defineRiskMatrix({ likelihood: ['a', 'b'], impact: ['x', 'y'], levels: ['lo', 'hi'], cells: [['lo', 'hi'], ['lo', 'lo']] });
    const c = checkRiskMatrix(m);
    expect(c.monotone.holds).toBe(false);
    expect(c.monotone.violations).toEqual([
      { axis: 'likelihood', from: { likelihood: 'a', impact: 'y', level: 'hi' }, to: { likelihood: 'b', impact: 'y', level: 'lo' } },
    ]);
  });

  it('should-be-lower: an intermediate cell wholly below the top range that reaches the bottom range', () => {
    // 2×3 on uniform axes: likelihood halves, impact thirds. a/x covers 0..1/6 (level y); the r cell
    // b/z covers 1/3..1; g cells reach 1/2 (a/z). 1/6 < 1/3 and 0 ≤ 1/2: Cox's bottom rule says g.
    // b/y (y) covers 1/6..2/3: it straddles (2/3 > 1/3 and 1/6 < 1/2), so it is justified.
    const m = defineRiskMatrix({ likelihood: ['a', 'b'], impact: ['x', 'y', 'z'], levels: ['g', 'y', 'r'], cells: [['y', 'g', 'g'], ['g', 'y', 'r']] });
    const c = checkRiskMatrix(m);
    expect(c.consistentColouring.violations.map((v) => [at(v.cell), v.rule])).toEqual([['a/x', 'should-be-lower']]);
    expect(c.consistentColouring.violations[0]!.message).toBe(
      'every point (risk ≤ 1/6) is below every point of the levels above y (≥ 1/3) and it reaches the range of g (up to 1/2): it should be g or lower',
    );
    // 3×3 uniform: c/x (y) covers 0..1/3, below r (from 4/9 at c/z), reaching g (up to 4/9 at b/y).
    const m2 = defineRiskMatrix({ likelihood: ['a', 'b', 'c'], impact: ['x', 'y', 'z'], levels: ['g', 'y', 'r'], cells: [['g', 'g', 'g'], ['g', 'g', 'y'], ['y', 'y', 'r']] });
    expect(checkRiskMatrix(m2).consistentColouring.violations.map((v) => [at(v.cell), v.rule])).toEqual([['c/x', 'should-be-lower']]);
  });

  it('should-be-higher: an intermediate cell above every bottom point that reaches the top range', () => {
    // One impact bin with custom cuts 10..11 and likelihood cuts 0, 1, 2, 3 (product): a covers 0..11 (g),
    // b 10..22 (r), c 20..33 (y). 20 > 11 and 33 ≥ 10: Cox's top rule says c should be r.
    const m = defineRiskMatrix({ likelihood: ['a', 'b', 'c'], impact: ['x'], levels: ['g', 'y', 'r'], cells: [['g'], ['r'], ['y']] });
    const c = checkRiskMatrix(m, { axes: { likelihood: [0, 1, 2, 3], impact: [10, 11] } });
    expect(c.consistentColouring.violations.map((v) => [at(v.cell), v.rule])).toEqual([['c/x', 'should-be-higher']]);
    expect(c.consistentColouring.violations[0]!.message).toBe(
      'every point (risk ≥ 20) exceeds every point of the levels below y (≤ 11) and it reaches the range of r (from 10): it should be r or higher',
    );
    expect(c.monotone.violations).toEqual([{ axis: 'likelihood', from: { likelihood: 'b', impact: 'x', level: 'r' }, to: { likelihood: 'c', impact: 'x', level: 'y' } }]);
  });

  it('unjustified-intermediate: an intermediate cell neither between a lower and a higher cell nor straddling', () => {
    // 2×2 uniform: a/x (y) covers 0..1/4; the r cell b/y covers 1/4..1; g cells reach 1/2. Not rule 2
    // (1/4 is not below 1/4), not straddling (1/4 does not exceed 1/4), and nothing lower lies at or
    // below-left of a/x.
    const m = defineRiskMatrix({ likelihood: ['a', 'b'], impact: ['x', 'y'], levels: ['g', 'y', 'r'], cells: [['y', 'g'], ['g', 'r']] });
    const c = checkRiskMatrix(m);
    expect(c.consistentColouring.violations.map((v) => [at(v.cell), v.rule])).toEqual([['a/x', 'unjustified-intermediate']]);
    expect(c.consistentColouring.violations[0]!.message).toBe(
      'y is an intermediate level, but the cell lies neither between a lower-level and a higher-level cell nor straddles their ranges (risk 0 to 1/4)',
    );
    // A one-column grid g, y, r: y lies between g and r, so it is justified although it only touches both ranges.
    const col = defineRiskMatrix({ likelihood: ['a', 'b', 'c'], impact: ['x'], levels: ['g', 'y', 'r'], cells: [['g'], ['y'], ['r']] });
    expect(checkRiskMatrix(col, { axes: { likelihood: [0, 1, 2, 3], impact: [10, 11] } }).consistentColouring.holds).toBe(true);
  });

  it('a grid using two of three levels: the used ones are top and bottom', () => {
    const m = defineRiskMatrix({ likelihood: ['a', 'b'], impact: ['x', 'y'], levels: ['g', 'y', 'r'], cells: [['g', 'g'], ['g', 'y']] });
    const c = checkRiskMatrix(m);
    expect([c.weakConsistency.top, c.weakConsistency.bottom]).toEqual(['y', 'g']);
    // y at b/y covers 1/4..1; g reaches 1/2 (a/y, b/x): fails weak consistency, and b/y touches g cells.
    expect(c.weakConsistency.marginExact).toBe('-1/4');
    expect(c.betweenness.violations.map((v) => v.adjacency)).toEqual(['corner', 'edge', 'edge']);
  });

  it('a single-level grid: the axioms say nothing (not applicable), and holds', () => {
    const m = defineRiskMatrix({ likelihood: ['a'], impact: ['x'], levels: ['only'], cells: [['only']] });
    const c = checkRiskMatrix(m);
    expect(c.holds).toBe(true);
    expect(c.weakConsistency).toEqual({ applicable: false, holds: true, top: 'only', bottom: 'only', margin: null, marginExact: null, witnesses: null, violations: [] });
    expect(c.largestJump).toBeNull();
  });

  it('custom decimal cuts are exact: likelihood 0, 0.1, 0.5, 1 and impact 0, 0.2, 0.6, 1 give margin 0.3 − 0.2 = 1/10', () => {
    // top high/high covers [0.5, 1] × [0.6, 1]: from 0.3; bottom high/low covers [0.5, 1] × [0, 0.2]: up to 0.2.
    const c = checkRiskMatrix(riskMatrix3x3, { axes: { likelihood: [0, '0.1', '0.5', 1], impact: [0, 0.2, '0.6', 1] } });
    expect(c.weakConsistency.marginExact).toBe('1/10');
    expect(c.weakConsistency.margin!.toString()).toBe('0.1');
    expect(c.axes).toBe('custom');
    expect(c.holds).toBe(true);
  });
});

describe('checkRiskMatrix refuses bad options, naming the path', () => {
  it("'nist' axes need five labels", () => {
    const e = thrown(() => checkRiskMatrix(riskMatrix3x3, { axes: 'nist' }));
    expect(e.message).toBe("[dealerkit] options.axes: 'nist' reads each axis with NIST's five bins, and the matrix has 3 likelihood labels; give custom cuts");
  });
  it('custom cuts: count, order and sign', () => {
    expect(thrown(() => checkRiskMatrix(riskMatrix3x3, { axes: { likelihood: [0, 1], impact: [0, 1, 2, 3] } })).message).toBe(
      '[dealerkit] options.axes.likelihood: must hold 4 cuts (the bin edges of the 3 likelihood labels, lowest first), has 2',
    );
    const e = thrown(() => checkRiskMatrix(riskMatrix3x3, { axes: { likelihood: [0, 1, 2, 3], impact: [-1, 1, 1, 3] } }));
    expect(e.issues).toEqual([
      { path: ['options', 'axes', 'impact', 0], code: 'out_of_range', message: 'must not be negative (risk grows with each axis), received -1', expected: 'at least 0', received: '-1', limit: '0' },
      { path: ['options', 'axes', 'impact', 2], code: 'not_ascending', message: 'must be greater than impact[1] (1): cuts go from low to high, received 1', expected: 'greater than 1', received: '1', limit: '1' },
    ]);
    expect(e.code).toBe('out_of_range');
    expect(thrown(() => checkRiskMatrix(riskMatrix3x3, { axes: { likelihood: [0, 1], impact: [0, 1, 2, 3] } })).issues[0]).toMatchObject({ code: 'too_short', limit: '4' });
    expect(thrown(() => checkRiskMatrix(riskMatrix3x3, { axes: { likelihood: [0, 1, 2, 3, 4], impact: [0, 1, 2, 3] } })).issues[0]).toMatchObject({ code: 'too_long', limit: '4' });
    expect(thrown(() => checkRiskMatrix(riskMatrix3x3, { axes: 'nist' })).issues[0]!.code).toBe('inconsistent');
    expect(thrown(() => checkRiskMatrix(riskMatrix3x3, { ratioScale: 31 })).issues[0]).toMatchObject({ path: ['options', 'ratioScale'], code: 'out_of_range' });
  });
  it('unknown option values and fields', () => {
    expect(thrown(() => checkRiskMatrix(riskMatrix3x3, { risk: 'max' } as never)).message).toBe("[dealerkit] options.risk: must be one of 'product', 'sum', received \"max\"");
    const typo = thrown(() => checkRiskMatrix(riskMatrix3x3, { axis: 'uniform' } as never));
    expect(typo.message).toBe('[dealerkit] options.axis: is not a known field; did you mean `axes`?');
    expect(typo.issues[0]!.code).toBe('unknown_field');
    expect(thrown(() => checkRiskMatrix(riskMatrix3x3, { axes: 'log' } as never)).code).toBe('invalid_input');
    expect(thrown(() => checkRiskMatrix('3x3' as never)).message).toBe('[dealerkit] matrix: must be a risk matrix (from defineRiskMatrix), received "3x3"');
  });
});
