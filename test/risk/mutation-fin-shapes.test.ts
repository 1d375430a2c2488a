// The keys a defined scale, benchmark table and matrix carry (an optional field left out is absent,
// not undefined), and what the readers of such objects refuse: null, a plain object that is not a
// valid spec, an array where a ratio name is wanted, a number where a template wants a matrix or a
// scale. Each issue asserted whole; the figures are the inputs.
import { describe, expect, it } from 'vitest';
import { defineFinancialBenchmarks, defineRiskMatrix, defineRiskScale, defineRiskTemplate, distributorBenchmarks, riskMatrix3x3, toFinancialBand, toRiskLevel, toScaleLevel } from 'dealerkit';
import { thrown } from '../helpers.js';

const issues = (f: () => unknown) => thrown(f).issues;

describe('optional fields left out are absent', () => {
  it('a scale without unit (and without to), a table without source, a matrix without source or scoring', () => {
    expect(Object.keys(defineRiskScale({ bins: [{ level: 'a', from: 0 }, { level: 'b', from: 5 }] }))).toEqual(['kind', 'name', 'bins']);
    expect(Object.keys(defineRiskScale({ bins: [{ level: 'a', from: 0 }, { level: 'b', from: 5 }], to: 9 }))).toEqual(['kind', 'name', 'bins', 'to']);
    expect(Object.keys(defineFinancialBenchmarks({ levels: ['a', 'b', 'c', 'd', 'e'], ratios: {} }))).toEqual(['kind', 'name', 'levels', 'ratios']);
    expect(Object.keys(defineRiskMatrix({ likelihood: ['a'], impact: ['x'], levels: ['l'], cells: [['l']] }))).toEqual(['kind', 'name', 'likelihood', 'impact', 'levels', 'cells']);
  });
});

describe('readers refuse', () => {
  it('a null scale or table is invalid_type, received null', () => {
    expect(issues(() => toScaleLevel(null as never, 1))).toEqual([
      { path: ['scale'], code: 'invalid_type', message: 'must be a risk scale (from defineRiskScale), received null', received: 'null' },
    ]);
    expect(issues(() => toFinancialBand(null as never, 'debtRatio', 1))).toEqual([
      { path: ['benchmarks'], code: 'invalid_type', message: 'must be a benchmark table (from defineFinancialBenchmarks), received null', received: 'null' },
    ]);
  });
  it('a plain-object scale is validated like a spec: level a twice is refused under scale', () => {
    expect(issues(() => toScaleLevel({ bins: [{ level: 'a', from: 0 }, { level: 'a', from: 5 }], to: 10 } as never, 1))).toEqual([
      { path: ['scale', 'bins', 1, 'level'], code: 'duplicate', message: "duplicates bins[0].level ('a'); each level has one bin", received: '"a"' },
    ]);
  });
  it("['debtRatio'] is not a ratio name, though its text is", () => {
    expect(issues(() => toFinancialBand(distributorBenchmarks, ['debtRatio'] as never, 1))).toEqual([
      { path: ['ratio'], code: 'invalid_type', message: 'must be the name of a ratio of analyzeFinancials, received an array', received: 'an array' },
    ]);
  });
  it("a template factor's matrix or likelihood scale that is a number", () => {
    expect(issues(() => defineRiskTemplate({ name: 't', factors: [{ id: 'f', category: 'c', matrix: 5 }] } as never))).toEqual([
      { path: ['factors', 0, 'matrix'], code: 'invalid_type', message: 'must be a risk matrix (from defineRiskMatrix), received 5', expected: 'a risk matrix (from defineRiskMatrix)', received: '5' },
    ]);
    expect(issues(() => defineRiskTemplate({ name: 't', factors: [{ id: 'f', category: 'c', matrix: riskMatrix3x3, scales: { likelihood: 5 } }] } as never))).toEqual([
      { path: ['factors', 0, 'scales', 'likelihood'], code: 'invalid_type', message: 'must be a risk scale (from defineRiskScale), received 5', expected: 'a risk scale (from defineRiskScale)', received: '5' },
    ]);
  });
});

describe('a defined matrix read back from JSON is rebuilt, its refusals under the argument', () => {
  it("riskMatrix3x3's JSON with likelihood ['low', 'low', 'high']: likelihood[1] duplicates likelihood[0]", () => {
    const json = JSON.parse(JSON.stringify(riskMatrix3x3));
    json.likelihood[1] = 'low';
    expect(issues(() => toRiskLevel(json, 'low', 'low')).map((i) => [i.path, i.code, i.message])).toEqual([
      [['matrix', 'likelihood', 1], 'duplicate', "duplicates likelihood[0] ('low'); labels must be unique"],
    ]);
  });
});
