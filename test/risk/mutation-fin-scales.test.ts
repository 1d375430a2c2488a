// Refusals of risk scales, matrices and checkRiskMatrix's options, each asserted whole (the error's
// code and message, every issue's path, code, expected, received and limit): the figures in them
// are the inputs themselves, so each can be read off the call. And the accepted 'nist'/'sum' options.
import { describe, expect, it } from 'vitest';
import { checkRiskMatrix, defineRiskMatrix, defineRiskScale, nistSp80030, riskMatrix3x3, toRiskLevel, toScaleLevel } from 'dealerkit';
import { thrown } from '../helpers.js';

const refusal = (f: () => unknown) => {
  const e = thrown(f);
  return { code: e.code, message: e.message, issues: e.issues };
};
const one = (path: (string | number)[], code: string, topCode: string, message: string, rest: Record<string, string> = {}) => ({
  code: topCode,
  message: `[dealerkit] ${path.map((p, k) => (typeof p === 'number' ? `[${p}]` : k === 0 ? p : `.${p}`)).join('')}: ${message}`,
  issues: [{ path, code, message, ...rest }],
});

describe('defineRiskScale refuses', () => {
  it('a probability below 0: out_of_range, from 0 to 1, limit 0', () => {
    expect(refusal(() => defineRiskScale({ unit: 'probability', bins: [{ level: 'low', from: -0.1 }, { level: 'high', from: 0.5 }], to: 1 }))).toEqual(
      one(['bins', 0, 'from'], 'out_of_range', 'out_of_range', 'must be a fraction from 0 to 1, received -0.1', { expected: 'from 0 to 1', received: '-0.1', limit: '0' }),
    );
  });
  it("a probability of 30 and a top of 100: percents as whole numbers (30 % is 0.3), both named", () => {
    const m = (v: string, w: string) => `must be a fraction from 0 to 1 (the scale's unit is 'probability'), received ${v}: write ${w} for ${v} %`;
    expect(refusal(() => defineRiskScale({ unit: 'probability', bins: [{ level: 'low', from: 0 }, { level: 'high', from: 30 }], to: 100 }))).toEqual({
      code: 'out_of_range',
      message: `[dealerkit] bins[1].from: ${m('30', '0.3')}; to: ${m('100', '1')}`,
      issues: [
        { path: ['bins', 1, 'from'], code: 'percent_as_whole_number', message: m('30', '0.3'), expected: 'from 0 to 1', received: '30', limit: '1' },
        { path: ['to'], code: 'percent_as_whole_number', message: m('100', '1'), expected: 'from 0 to 1', received: '100', limit: '1' },
      ],
    });
  });
  it("a unit written with spaces (' probability ') is still a probability: a top of 2 is refused", () => {
    const m = "must be a fraction from 0 to 1 (the scale's unit is ' probability '), received 2: write 0.02 for 2 %";
    expect(refusal(() => defineRiskScale({ unit: ' probability ', bins: [{ level: 'low', from: 0 }, { level: 'high', from: 0.5 }], to: 2 }))).toEqual(
      one(['to'], 'percent_as_whole_number', 'out_of_range', m, { expected: 'from 0 to 1', received: '2', limit: '1' }),
    );
  });
  it('a level twice (invalid_input), bins not ascending and a top below the last bin (out_of_range)', () => {
    expect(refusal(() => defineRiskScale({ bins: [{ level: 'low', from: 0 }, { level: 'low', from: 5 }], to: 10 }))).toEqual(
      one(['bins', 1, 'level'], 'duplicate', 'invalid_input', "duplicates bins[0].level ('low'); each level has one bin", { received: '"low"' }),
    );
    expect(refusal(() => defineRiskScale({ bins: [{ level: 'low', from: 5 }, { level: 'high', from: 5 }], to: 10 }))).toEqual(
      one(['bins', 1, 'from'], 'not_ascending', 'out_of_range', 'must be greater than bins[0].from (5): bins go from low to high, received 5', { expected: 'greater than 5', received: '5', limit: '5' }),
    );
    expect(refusal(() => defineRiskScale({ bins: [{ level: 'low', from: 0 }, { level: 'high', from: 5 }], to: 4 }))).toEqual(
      one(['to'], 'not_ascending', 'out_of_range', "must be at least the last bin's from (5), received 4", { expected: 'at least 5', received: '4', limit: '5' }),
    );
  });
});

describe('toScaleLevel refuses', () => {
  const s = defineRiskScale({ name: 'S', bins: [{ level: 'low', from: 10 }, { level: 'high', from: 50 }], to: 100 });
  it('below the lowest bin (10) and above the top (100)', () => {
    expect(refusal(() => toScaleLevel(s, 5))).toEqual(
      one(['value'], 'out_of_range', 'out_of_range', "is below the lowest bin of scale 'S' (10), received 5", { expected: 'at least 10', received: '5', limit: '10' }),
    );
    expect(refusal(() => toScaleLevel(s, 101))).toEqual(
      one(['value'], 'out_of_range', 'out_of_range', "is above the upper bound of scale 'S' (100, inclusive), received 101", { expected: 'at most 100', received: '101', limit: '100' }),
    );
  });
  it('30 on a probability scale is a percent; 30 on a unitless scale up to 0.8 is only out of range', () => {
    const p = defineRiskScale({ name: 'P', unit: 'probability', bins: [{ level: 'low', from: 0 }, { level: 'high', from: 0.5 }], to: 1 });
    expect(refusal(() => toScaleLevel(p, 30))).toEqual(
      one(['value'], 'percent_as_whole_number', 'out_of_range', "is above the upper bound of scale 'P' (1, inclusive: a fraction), received 30: write 0.3 for 30 %", { expected: 'at most 1', received: '30', limit: '1' }),
    );
    const q = defineRiskScale({ name: 'Q', bins: [{ level: 'low', from: 0 }, { level: 'high', from: 0.5 }], to: 0.8 });
    expect(refusal(() => toScaleLevel(q, 30))).toEqual(
      one(['value'], 'out_of_range', 'out_of_range', "is above the upper bound of scale 'Q' (0.8, inclusive), received 30", { expected: 'at most 0.8', received: '30', limit: '0.8' }),
    );
  });
  it('a scale that is a number', () => {
    expect(refusal(() => toScaleLevel(5 as never, 1))).toEqual(one(['scale'], 'invalid_type', 'invalid_input', 'must be a risk scale (from defineRiskScale), received 5', { received: '5' }));
  });
});

describe('defineRiskMatrix and toRiskLevel refuse', () => {
  it('a label twice; too few rows; a row too short', () => {
    expect(refusal(() => defineRiskMatrix({ likelihood: ['a', 'a'], impact: ['x'], levels: ['l'], cells: [['l'], ['l']] }))).toEqual(
      one(['likelihood', 1], 'duplicate', 'invalid_input', "duplicates likelihood[0] ('a'); labels must be unique", { received: '"a"' }),
    );
    expect(refusal(() => defineRiskMatrix({ likelihood: ['a', 'b'], impact: ['x'], levels: ['l'], cells: [['l']] }))).toEqual(
      one(['cells'], 'too_short', 'invalid_input', 'must have 2 rows (one per likelihood label, lowest first), has 1', { expected: '2 rows', received: '1', limit: '2' }),
    );
    expect(refusal(() => defineRiskMatrix({ likelihood: ['a', 'b'], impact: ['x', 'y'], levels: ['l'], cells: [['l', 'l'], ['l']] }))).toEqual(
      one(['cells', 1], 'too_short', 'invalid_input', 'must have 2 cells (one per impact label, lowest first), has 1', { expected: '2 cells', received: '1', limit: '2' }),
    );
  });
  it('scoring: 3 levels want 2 thresholds; thresholds 1, 3, 2 are not ascending at [2]', () => {
    const m = 'must hold 2 thresholds (one fewer than the levels; a score at or above thresholds[k] is at least levels[k + 1]), has 1';
    expect(refusal(() => defineRiskMatrix({ likelihood: ['a', 'b'], impact: ['x', 'y'], levels: ['l', 'm', 'h'], scoring: { type: 'product', thresholds: [2] } } as never))).toEqual(
      one(['scoring', 'thresholds'], 'too_short', 'invalid_input', m, { expected: '2 thresholds', received: '1', limit: '2' }),
    );
    expect(refusal(() => defineRiskMatrix({ likelihood: ['a', 'b'], impact: ['x', 'y'], levels: ['l', 'm', 'h', 'v'], scoring: { type: 'product', thresholds: [1, 3, 2] } } as never))).toEqual(
      one(['scoring', 'thresholds', 2], 'not_ascending', 'out_of_range', 'must be greater than scoring.thresholds[1] (3): levels go from low to high, received 2', { expected: 'greater than 3', received: '2', limit: '3' }),
    );
  });
  it('a likelihood that is a number or unknown; a matrix that is a number', () => {
    expect(refusal(() => toRiskLevel(riskMatrix3x3, 5 as never, 'low'))).toEqual(one(['likelihood'], 'invalid_type', 'invalid_input', 'must be a likelihood label, received 5', { received: '5' }));
    expect(refusal(() => toRiskLevel(riskMatrix3x3, 'zzz', 'low'))).toEqual(
      one(['likelihood'], 'unknown_label', 'unknown_label', "is not a likelihood label: 'zzz' (likelihood labels: 'low', 'medium', 'high')", { received: '"zzz"' }),
    );
    expect(refusal(() => toRiskLevel(5 as never, 'a', 'b'))).toEqual(one(['matrix'], 'invalid_type', 'invalid_input', 'must be a risk matrix (from defineRiskMatrix), received 5', { received: '5' }));
  });
});

describe("checkRiskMatrix's axes", () => {
  it("'nist' on a 3 × 3 matrix: NIST has five bins per axis", () => {
    expect(refusal(() => checkRiskMatrix(riskMatrix3x3, { axes: 'nist' }))).toEqual(
      one(['options', 'axes'], 'inconsistent', 'invalid_input', "'nist' reads each axis with NIST's five bins, and the matrix has 3 likelihood labels; give custom cuts", { expected: '5 labels', received: '3' }),
    );
  });
  it('3 labels want 3 + 1 = 4 cuts: 3 is too short, 5 too long; a negative cut is out of range', () => {
    const m = (n: number) => `must hold 4 cuts (the bin edges of the 3 likelihood labels, lowest first), has ${n}`;
    expect(refusal(() => checkRiskMatrix(riskMatrix3x3, { axes: { likelihood: [0, 1, 2], impact: [0, 1, 2, 3] } }))).toEqual(
      one(['options', 'axes', 'likelihood'], 'too_short', 'invalid_input', m(3), { expected: '4 cuts', received: '3', limit: '4' }),
    );
    expect(refusal(() => checkRiskMatrix(riskMatrix3x3, { axes: { likelihood: [0, 1, 2, 3, 4], impact: [0, 1, 2, 3] } }))).toEqual(
      one(['options', 'axes', 'likelihood'], 'too_long', 'invalid_input', m(5), { expected: '4 cuts', received: '5', limit: '4' }),
    );
    expect(refusal(() => checkRiskMatrix(riskMatrix3x3, { axes: { likelihood: [-1, 1, 2, 3], impact: [0, 1, 2, 3] } }))).toEqual(
      one(['options', 'axes', 'likelihood', 0], 'out_of_range', 'out_of_range', 'must not be negative (risk grows with each axis), received -1', { expected: 'at least 0', received: '-1', limit: '0' }),
    );
  });
  it("'nist' axes with the 'sum' risk are accepted on NIST's 5 × 5 matrix", () => {
    // NIST SP 800-30 Rev. 1 Table G-2/H-2 semi-quantitative bins 0–4, 5–20, 21–79, 80–95, 96–100 give the
    // cuts 0, 0.05, 0.21, 0.8, 0.96, 1. Sum risk: very-low × very-low spans 0 + 0 = 0 to 0.05 + 0.05 = 0.1;
    // very-low × low spans 0 + 0.05 = 0.05 to 0.05 + 0.21 = 0.26.
    const c = checkRiskMatrix(nistSp80030, { axes: 'nist', risk: 'sum' });
    expect([c.axes, c.risk]).toEqual(['nist', 'sum']);
    expect(c.cells.slice(0, 2).map((x) => [x.likelihood, x.impact, String(x.riskMin), String(x.riskMax)])).toEqual([
      ['very-low', 'very-low', '0', '0.1'],
      ['very-low', 'low', '0.05', '0.26'],
    ]);
  });
});
