// checkRiskMatrix on 3 × 3 grids that fail exactly one of Cox (2008)'s checks, so the overall
// verdict, each check's `holds`, its step and its warning are tied to that one check; and a 1 × 1
// grid (no neighbours: the largest jump is 0 steps). Uniform axes and product risk (the defaults):
// cell (l, i) covers risk [l·i/9, (l+1)(i+1)/9] (rows l = likelihood, columns i = impact, from 0).
import { describe, expect, it } from 'vitest';
import { checkRiskMatrix, defineRiskMatrix } from 'dealerkit';

const L = ['low', 'medium', 'high'];
const grid = (cells: string[][]) => defineRiskMatrix({ likelihood: L, impact: L, levels: L, cells });
const holdsOf = (c: ReturnType<typeof checkRiskMatrix>) => [c.holds, c.monotone.holds, c.weakConsistency.holds, c.betweenness.holds, c.consistentColouring.holds];
const stepsOf = (c: ReturnType<typeof checkRiskMatrix>) => c.steps.map(({ text: _t, ...s }) => s);

describe('weak consistency alone fails', () => {
  // Rows (likelihood low → high): [low, medium, medium], [low, medium, high], [low, medium, high].
  // Monotone: every row and column is non-decreasing. Betweenness: low cells are in column 0, high
  // cells in column 2, never adjacent (impact distance 2). Weak consistency: the top cell medium/high
  // starts at 1·2/9 = 2/9 and touches medium/low (up to 2·1/9 = 2/9) and overlaps high/low (up to 3/9):
  // 2 pairs; margin 2/9 − 3/9 = −1/9. Colouring: no medium cell starts above 3/9 or ends below 2/9,
  // and each lies between a low cell (below-left) and a high cell (above-right): none.
  const c = checkRiskMatrix(grid([['low', 'medium', 'medium'], ['low', 'medium', 'high'], ['low', 'medium', 'high']]));
  it('the verdict is false only through weak consistency', () => {
    expect(holdsOf(c)).toEqual([false, true, false, true, true]);
    expect(c.weakConsistency.violations.map((v) => [`${v.top.likelihood}/${v.top.impact}`, `${v.bottom.likelihood}/${v.bottom.impact}`, v.bottom.riskMaxExact])).toEqual([
      ['medium/high', 'medium/low', '2/9'],
      ['medium/high', 'high/low', '1/3'],
    ]);
    expect(c.warnings).toEqual([
      { code: 'weak-consistency-fails', message: 'weak consistency fails (margin -1/9, 2 offending pairs): some top-level cells hold smaller risks than bottom-level cells' },
    ]);
  });
  it('its steps', () => {
    expect(stepsOf(c)).toEqual([
      { code: 'axes', axes: 'uniform', risk: 'product', likelihoodCuts: ['0', '1/3', '2/3', '1'], impactCuts: ['0', '1/3', '2/3', '1'] },
      { code: 'monotone', holds: true, violations: 0 },
      { code: 'weak-consistency', holds: false, topMin: '2/9', bottomMax: '1/3', margin: '-1/9', violations: 2 },
      { code: 'betweenness', holds: true, violations: 0 },
      { code: 'consistent-colouring', holds: true, violations: 0 },
      { code: 'largest-jump', steps: 1 },
    ]);
  });
});

describe('consistent colouring alone fails', () => {
  // Rows: [low, low, medium], [low, medium, medium], [low, medium, high]. The one high cell high/high
  // starts at 4/9; the riskiest low cell high/low ends at 3/9: margin 1/9, and they are not adjacent.
  // The medium cell low/high covers [0, 3/9]: all of it below 4/9 and reaching low's 3/9, so Cox's
  // rule says it should be low (should-be-lower). medium/medium ends at 4/9 (not below), and the
  // others lie between low/low and high/high.
  const c = checkRiskMatrix(grid([['low', 'low', 'medium'], ['low', 'medium', 'medium'], ['low', 'medium', 'high']]));
  it('the verdict is false only through colouring, at low/high', () => {
    expect(holdsOf(c)).toEqual([false, true, true, true, false]);
    expect(c.consistentColouring.violations.map((v) => [`${v.cell.likelihood}/${v.cell.impact}`, v.rule, v.message])).toEqual([
      ['low/high', 'should-be-lower', 'every point (risk ≤ 1/3) is below every point of the levels above medium (≥ 4/9) and it reaches the range of low (up to 1/3): it should be low or lower'],
    ]);
    expect(c.warnings).toEqual([{ code: 'colouring-fails', message: 'consistent colouring fails at low/high' }]);
  });
  it('its steps', () => {
    expect(stepsOf(c).slice(1)).toEqual([
      { code: 'monotone', holds: true, violations: 0 },
      { code: 'weak-consistency', holds: true, topMin: '4/9', bottomMax: '1/3', margin: '1/9', violations: 0 },
      { code: 'betweenness', holds: true, violations: 0 },
      { code: 'consistent-colouring', holds: false, violations: 1 },
      { code: 'largest-jump', steps: 1 },
    ]);
  });
});

describe('the monotone and betweenness steps when they fail', () => {
  it('medium/medium then low at medium/high: one step down along impact', () => {
    // Rows [low, low, low], [low, medium, low], [low, medium, high]: only row 1 falls (medium → low).
    const c = checkRiskMatrix(grid([['low', 'low', 'low'], ['low', 'medium', 'low'], ['low', 'medium', 'high']]));
    expect(c.monotone.holds).toBe(false);
    expect(stepsOf(c)[1]).toEqual({ code: 'monotone', holds: false, violations: 1 });
  });
  it("Cox's counter-example shape: four low cells touch a high one", () => {
    // Rows [low, low, low], [low, medium, high], [low, high, high]: low/medium–medium/high (corner),
    // low/high–medium/high (edge), medium/low–high/medium (corner), high/low–high/medium (edge).
    const c = checkRiskMatrix(grid([['low', 'low', 'low'], ['low', 'medium', 'high'], ['low', 'high', 'high']]));
    expect(c.betweenness.violations.map((v) => v.adjacency)).toEqual(['corner', 'edge', 'corner', 'edge']);
    expect(stepsOf(c)[3]).toEqual({ code: 'betweenness', holds: false, violations: 4 });
  });
});

describe('a 1 × 1 grid', () => {
  it('has no neighbours: no largest jump, a step of 0, and a single-level warning', () => {
    const c = checkRiskMatrix(defineRiskMatrix({ likelihood: ['only'], impact: ['only'], levels: ['x'], cells: [['x']] }));
    expect(c.largestJump).toBeNull();
    expect(stepsOf(c)[5]).toEqual({ code: 'largest-jump', steps: 0 });
    expect(c.warnings).toEqual([{ code: 'single-level', message: "every cell is 'x': Cox's axioms say nothing about a single-level grid" }]);
  });
});

describe('the weak-consistency witness is the top cell with the smallest risk, wherever it sits', () => {
  it('high/low (0 to 1/3) comes after medium/high (2/9 to 2/3) in row order, and is the witness', () => {
    // Rows [low, low, medium], [low, medium, high], [high, high, high]. Top cells in row order: medium/high
    // from 1·2/9 = 2/9, high/low from 0, high/medium from 2/9, high/high from 4/9: the smallest is high/low.
    // Bottom cells: low/low up to 1/9, low/medium and medium/low up to 2/9 (the first, low/medium, is kept).
    // Margin 0 − 2/9 = −2/9.
    const L3 = ['low', 'medium', 'high'];
    const c = checkRiskMatrix(defineRiskMatrix({ likelihood: L3, impact: L3, levels: L3, cells: [['low', 'low', 'medium'], ['low', 'medium', 'high'], ['high', 'high', 'high']] }));
    const w = c.weakConsistency.witnesses!;
    expect([`${w.top.likelihood}/${w.top.impact}`, w.top.riskMinExact, `${w.bottom.likelihood}/${w.bottom.impact}`, w.bottom.riskMaxExact, c.weakConsistency.marginExact]).toEqual([
      'high/low', '0', 'low/medium', '2/9', '-2/9',
    ]);
  });
});
