// Cox (2008)'s consistent colouring, rule by rule, on grids read with custom axes and the 'sum'
// risk, so every cell's range is a pair of small integers: with likelihood cuts [0, 1] and impact cuts
// c, the cell in column i covers [0 + c[i], 1 + c[i + 1]]. For an intermediate cell, "below" is the
// largest risk of a lower-level cell and "above" the smallest risk of a higher-level cell:
// should-be-higher when lo > below and hi ≥ above; should-be-lower when hi < above and lo ≤ below;
// else it must lie between a lower cell (below-left) and a higher one (above-right), or straddle both
// ranges (hi > above and lo < below), or it is an unjustified intermediate.
import { describe, expect, it } from 'vitest';
import { checkRiskMatrix, defineRiskMatrix } from 'dealerkit';

const L = ['low', 'medium', 'high'];
const row = (cells: string[], impactCuts: number[]) => {
  const m = defineRiskMatrix({ likelihood: ['only'], impact: cells.map((_, k) => `i${k}`), levels: L, cells: [cells] });
  const c = checkRiskMatrix(m, { axes: { likelihood: [0, 1], impact: impactCuts }, risk: 'sum' });
  return { ranges: c.cells.map((x) => `${x.riskMinExact}–${x.riskMaxExact}`), violations: c.consistentColouring.violations.map((v) => [v.cell.impact, v.rule, v.message]) };
};

describe('consistent colouring, rule by rule', () => {
  it('a medium cell in the gap between low (up to 2) and high (from 10) is fine; its neighbours are not', () => {
    // Cuts 0, 1, 5, 6, 10, 11: ranges 0–2, 1–6, 5–7, 6–11, 10–12. i1 (1–6): 6 < 10 and 1 ≤ 2, should be lower;
    // i3 (6–11): 6 > 2 and 11 ≥ 10, should be higher; i2 (5–7): 5 > 2 but 7 < 10, and 7 < 10 but 5 > 2:
    // neither rule, and it lies between i0 (low) and i4 (high).
    expect(row(['low', 'medium', 'medium', 'medium', 'high'], [0, 1, 5, 6, 10, 11])).toEqual({
      ranges: ['0–2', '1–6', '5–7', '6–11', '10–12'],
      violations: [
        ['i1', 'should-be-lower', 'every point (risk ≤ 6) is below every point of the levels above medium (≥ 10) and it reaches the range of low (up to 2): it should be low or lower'],
        ['i3', 'should-be-higher', 'every point (risk ≥ 6) exceeds every point of the levels below medium (≤ 2) and it reaches the range of high (from 10): it should be high or higher'],
      ],
    });
  });
  it('medium left of low and high, touching high (its 2 = high from 2): unjustified', () => {
    // Cuts 0, 1, 2, 3: medium 0–2, low 1–3, high 2–4. Rule 1: 0 > 3 no; rule 2: 2 < 2 no; no low cell to its
    // left; straddles needs 2 > 2: no.
    expect(row(['medium', 'low', 'high'], [0, 1, 2, 3]).violations).toEqual([
      ['i0', 'unjustified-intermediate', 'medium is an intermediate level, but the cell lies neither between a lower-level and a higher-level cell nor straddles their ranges (risk 0 to 2)'],
    ]);
  });
  it('the same order with high from 1.5 straddles both ranges: fine', () => {
    // Cuts 0, 1, 1.5, 3: medium 0–2, low 1–2.5, high 1.5–4. 2 > 1.5 and 0 < 2.5: it straddles.
    expect(row(['medium', 'low', 'high'], [0, 1, 1.5, 3])).toEqual({ ranges: ['0–2', '1–5/2', '3/2–4'], violations: [] });
  });
  it('medium right of low and high, starting where low ends (2): unjustified', () => {
    // Cuts 0, 1, 2, 3: low 0–2, high 1–3, medium 2–4. Rule 1: 2 > 2 no; rule 2: 4 < 1 no; no high cell to its
    // right; straddles needs 2 < 2: no.
    expect(row(['low', 'high', 'medium'], [0, 1, 2, 3]).violations).toEqual([
      ['i2', 'unjustified-intermediate', 'medium is an intermediate level, but the cell lies neither between a lower-level and a higher-level cell nor straddles their ranges (risk 2 to 4)'],
    ]);
  });
  it('two rows: a medium cell starting exactly where the only low cell ends should be lower', () => {
    // Likelihood cuts 0, 1, 2 and impact cuts 0, 1, 2, 10, 20, sum: row 0 = 0–2, 1–3, 2–11, 10–21; row 1 =
    // 1–3, 2–4, 3–12, 11–22. Low: l0/a (up to 2); high: column d (from 10). l0/b and l1/a (1–3) and l1/b
    // (2–4, 2 ≤ 2) should be lower; l1/c (3–12) should be higher; l0/c (2–11) lies between l0/a and l0/d.
    const m = defineRiskMatrix({ likelihood: ['l0', 'l1'], impact: ['a', 'b', 'c', 'd'], levels: L, cells: [['low', 'medium', 'medium', 'high'], ['medium', 'medium', 'medium', 'high']] });
    const c = checkRiskMatrix(m, { axes: { likelihood: [0, 1, 2], impact: [0, 1, 2, 10, 20] }, risk: 'sum' });
    expect(c.consistentColouring.violations.map((v) => [`${v.cell.likelihood}/${v.cell.impact}`, v.rule])).toEqual([
      ['l0/b', 'should-be-lower'],
      ['l1/a', 'should-be-lower'],
      ['l1/b', 'should-be-lower'],
      ['l1/c', 'should-be-higher'],
    ]);
    expect(c.consistentColouring.violations[2]!.message).toBe(
      'every point (risk ≤ 4) is below every point of the levels above medium (≥ 10) and it reaches the range of low (up to 2): it should be low or lower',
    );
  });
});

describe('four levels: the riskiest lower cell, on a tie, is the first in row order', () => {
  it('a/i2 and b/i1 both reach 4; the message names a (row 0 comes first)', () => {
    // Levels a < b < c < d; likelihood cuts 0, 1, 2 and impact cuts 0, 1, 2, 3, 4, 20, sum risk:
    // row 0 = 0–2, 1–3, 2–4, 3–5, 4–21; row 1 = 1–3, 2–4, 3–5, 4–6, 5–22.
    // Cells: row 0 [a, c, a, c, d], row 1 [a, b, c, c, d]. For the c cells the lower cells (a, b) reach at most
    // 4, at l0/i2 (a) and l1/i1 (b), a tie; the d cells start at 4 (l0/i4). l0/i1 (1–3): 3 < 4 and 1 ≤ 4, so it
    // should be lower, named after l0/i2's level a. The other c cells (3–5, 3–5, 4–6) and b (2–4) lie between.
    const m = defineRiskMatrix({
      likelihood: ['l0', 'l1'], impact: ['i0', 'i1', 'i2', 'i3', 'i4'], levels: ['a', 'b', 'c', 'd'],
      cells: [['a', 'c', 'a', 'c', 'd'], ['a', 'b', 'c', 'c', 'd']],
    });
    const c = checkRiskMatrix(m, { axes: { likelihood: [0, 1, 2], impact: [0, 1, 2, 3, 4, 20] }, risk: 'sum' });
    expect(c.consistentColouring.violations.map((v) => [`${v.cell.likelihood}/${v.cell.impact}`, v.rule, v.message])).toEqual([
      ['l0/i1', 'should-be-lower', 'every point (risk ≤ 3) is below every point of the levels above c (≥ 4) and it reaches the range of a (up to 4): it should be a or lower'],
    ]);
  });
  it('mirrored: c/i2 and d/i1 both start at 2; the should-be-higher message names c (row 0 comes first)', () => {
    // Impact cuts 0, 1, 2, 3, 4, 5: row 0 = 0–2, 1–3, 2–4, 3–5, 4–6; row 1 = 1–3, 2–4, 3–5, 4–6, 5–7.
    // Cells: row 0 [a, a, c, d, b], row 1 [a, d, d, d, d]. For b at l0/i4 (4–6) the a cells reach at most 3 and
    // the higher cells start at 2, at l0/i2 (c) and l1/i1 (d), a tie: 4 > 3 and 6 ≥ 2, it should be higher,
    // named after c. The c cell (2–4) lies between l0/i0 (a) and l0/i3 (d).
    const m = defineRiskMatrix({
      likelihood: ['l0', 'l1'], impact: ['i0', 'i1', 'i2', 'i3', 'i4'], levels: ['a', 'b', 'c', 'd'],
      cells: [['a', 'a', 'c', 'd', 'b'], ['a', 'd', 'd', 'd', 'd']],
    });
    const c = checkRiskMatrix(m, { axes: { likelihood: [0, 1, 2], impact: [0, 1, 2, 3, 4, 5] }, risk: 'sum' });
    expect(c.consistentColouring.violations.map((v) => [`${v.cell.likelihood}/${v.cell.impact}`, v.rule, v.message])).toEqual([
      ['l0/i4', 'should-be-higher', 'every point (risk ≥ 4) exceeds every point of the levels below b (≤ 3) and it reaches the range of c (from 2): it should be c or higher'],
    ]);
  });
});
