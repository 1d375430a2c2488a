// Mutation tests for src/risk/assess-read.ts: each refused field of a partner alone, with the error's
// code and every issue's path, code and message written out; the knock-out triggers; and the residual
// checks at the edges of the axes (the lowest label, a label already refused).
// Matrix: NIST SP 800-30 Rev. 1 Table I-2 (likelihood rows × impact columns, very-low … very-high):
//   very-high: VL L M H VH | high: VL L M H VH | moderate: VL L M M H | low: VL L L L M | very-low: VL VL VL L L
import { describe, expect, it } from 'vitest';
import { assessPartner, assessPartners, defineRiskPolicy, defineRiskTemplate, nistRiskScores, nistSp80030 } from 'dealerkit';
import { thrown } from '../helpers.js';

const NIST = ['very-low', 'low', 'moderate', 'high', 'very-high'];
const template = defineRiskTemplate({
  name: 'kt',
  factors: [
    { id: 'a', category: 'background', matrix: nistSp80030, knockout: { reason: 'always out', atLevel: 'very-low' } },
    { id: 'b', category: 'financial', matrix: nistSp80030, knockout: { reason: 'out at moderate', atLevel: 'moderate' } },
    { id: 'c', category: 'compliance', matrix: nistSp80030 },
  ],
});
const policy = defineRiskPolicy({
  name: 'kp',
  levels: NIST,
  scores: nistRiskScores,
  overall: { method: 'max' },
  decision: { approveUpTo: 'low', conditionalUpTo: 'moderate', escalateUpTo: 'high' },
  reviewCadenceDays: { 'very-low': 730, low: 365, moderate: 180, high: 90, 'very-high': 30 },
});
const config = { template, policy };
const options = { asOf: '2025-06-30' };
const LABELS = "'very-low', 'low', 'moderate', 'high', 'very-high'";

/** The error's code and each issue as [path, code, message]. */
const refused = (input: unknown): [string, [unknown[], string, string][]] => {
  const e = thrown(() => assessPartner(config, input as never, options));
  return [e.code, e.issues.map((i) => [i.path, i.code, i.message])];
};

describe('assessPartner: the partner id', () => {
  it('an empty string, Infinity and true are refused, each as invalid_input', () => {
    const msg = (r: string) => `must be a non-empty string or a finite number, received ${r}`;
    const f = [{ factor: 'c', likelihood: 'low', impact: 'low' }];
    expect(refused({ id: '', findings: f })).toEqual(['invalid_input', [[['id'], 'invalid_type', msg('""')]]]);
    expect(refused({ id: Infinity, findings: f })).toEqual(['invalid_input', [[['id'], 'invalid_type', msg('Infinity')]]]);
    expect(refused({ id: true, findings: f })).toEqual(['invalid_input', [[['id'], 'invalid_type', msg('true')]]]);
  });
  it('an id written out as undefined is no id (null), not a refusal', () => {
    const r = assessPartner(config, { id: undefined, findings: [{ factor: 'c', likelihood: 'low', impact: 'low' }] } as never, options);
    expect(r.id).toBe(null);
  });
});

describe('assessPartner: the findings list', () => {
  it('not an array: invalid_input', () => {
    expect(refused({ findings: 'x' })).toEqual(['invalid_input', [[['findings'], 'invalid_type', 'must be an array of findings, received "x"']]]);
  });
  it('empty: too_short with limit 1, received 0', () => {
    const e = thrown(() => assessPartner(config, { findings: [] }, options));
    expect(e.code).toBe('invalid_input');
    expect(e.issues.map((i) => [i.path, i.code, i.limit, i.received])).toEqual([[['findings'], 'too_short', '1', '0']]);
  });
});

describe('assessPartner: one finding refused, field by field', () => {
  it('the factor left out, and a factor given twice', () => {
    expect(refused({ findings: [{ likelihood: 'low', impact: 'low' }] })).toEqual(['invalid_input', [[['findings', 0, 'factor'], 'required', 'must be a factor id, received nothing']]]);
    expect(refused({ findings: [{ factor: 5, likelihood: 'low', impact: 'low' }] })).toEqual(['invalid_input', [[['findings', 0, 'factor'], 'invalid_type', 'must be a factor id, received 5']]]);
    expect(
      refused({
        findings: [
          { factor: 'c', likelihood: 'low', impact: 'low' },
          { factor: 'c', likelihood: 'low', impact: 'low' },
        ],
      }),
    ).toEqual(['invalid_input', [[['findings', 1, 'factor'], 'duplicate', "duplicates findings[0] ('c'): one finding per factor"]]]);
  });
  it('an unknown impact label is reported at findings[k].impact (no residual segment)', () => {
    expect(refused({ findings: [{ factor: 'c', likelihood: 'low', impact: 'huge' }] })).toEqual([
      'unknown_label',
      [[['findings', 0, 'impact'], 'unknown_label', `is not an impact label of factor 'c': 'huge' (impact labels: ${LABELS})`]],
    ]);
  });
  it('a residual that is null, or has unknown labels', () => {
    expect(refused({ findings: [{ factor: 'c', likelihood: 'low', impact: 'low', residual: null }] })).toEqual([
      'invalid_input',
      [[['findings', 0, 'residual'], 'invalid_type', 'must be an object with likelihood and impact']],
    ]);
    expect(refused({ findings: [{ factor: 'c', likelihood: 'high', impact: 'high', controls: [{ id: 'x' }], residual: { likelihood: 'lowish', impact: 'medium' } }] })).toEqual([
      'unknown_label',
      [
        [['findings', 0, 'residual', 'likelihood'], 'unknown_label', `is not a likelihood label of factor 'c': 'lowish' (likelihood labels: ${LABELS})`],
        [['findings', 0, 'residual', 'impact'], 'unknown_label', `is not an impact label of factor 'c': 'medium' (impact labels: ${LABELS})`],
      ],
    ]);
  });
  it('a residual likelihood refused is not also "lowered without a control"', () => {
    // rl = -1 (refused), l = 3: a check of rl < l without rl >= 0 would add a controls issue.
    expect(refused({ findings: [{ factor: 'c', likelihood: 'high', impact: 'high', residual: { likelihood: 'lowish', impact: 'high' } }] })).toEqual([
      'unknown_label',
      [[['findings', 0, 'residual', 'likelihood'], 'unknown_label', `is not a likelihood label of factor 'c': 'lowish' (likelihood labels: ${LABELS})`]],
    ]);
    expect(refused({ findings: [{ factor: 'c', likelihood: 'high', impact: 'high', residual: { likelihood: 'high', impact: 'medium' } }] })).toEqual([
      'unknown_label',
      [[['findings', 0, 'residual', 'impact'], 'unknown_label', `is not an impact label of factor 'c': 'medium' (impact labels: ${LABELS})`]],
    ]);
  });
  it('an inherent label refused is not also "residual above inherent"', () => {
    // x = -1 (refused inherent likelihood), r = 0: a check of r > x without x >= 0 would add an out_of_range issue.
    expect(refused({ findings: [{ factor: 'c', likelihood: 'often', impact: 'high', residual: { likelihood: 'very-low', impact: 'high' } }] })).toEqual([
      'unknown_label',
      [[['findings', 0, 'likelihood'], 'unknown_label', `is not a likelihood label of factor 'c': 'often' (likelihood labels: ${LABELS})`]],
    ]);
  });
  it('a residual above an inherent at the lowest label is refused (index 0 is a real label)', () => {
    expect(refused({ findings: [{ factor: 'c', likelihood: 'very-low', impact: 'very-low', residual: { likelihood: 'low', impact: 'very-low' } }] })).toEqual([
      'out_of_range',
      [[['findings', 0, 'residual', 'likelihood'], 'out_of_range', "is 'low', above the inherent likelihood 'very-low': residual risk never exceeds inherent risk"]],
    ]);
  });
  it('lowering to the lowest label, or lowering the impact alone, needs a control', () => {
    const need = (rl: string, ri: string, l: string, i: string) => `are required: the residual (${rl} × ${ri}) is lower than the inherent (${l} × ${i}), and only a control lowers a risk`;
    expect(refused({ findings: [{ factor: 'c', likelihood: 'high', impact: 'high', residual: { likelihood: 'very-low', impact: 'high' } }] })).toEqual([
      'invalid_input',
      [[['findings', 0, 'controls'], 'inconsistent', need('very-low', 'high', 'high', 'high')]],
    ]);
    expect(refused({ findings: [{ factor: 'c', likelihood: 'high', impact: 'high', residual: { likelihood: 'high', impact: 'very-low' } }] })).toEqual([
      'invalid_input',
      [[['findings', 0, 'controls'], 'inconsistent', need('high', 'very-low', 'high', 'high')]],
    ]);
    expect(refused({ findings: [{ factor: 'c', likelihood: 'high', impact: 'high', residual: { likelihood: 'high', impact: 'moderate' } }] })).toEqual([
      'invalid_input',
      [[['findings', 0, 'controls'], 'inconsistent', need('high', 'moderate', 'high', 'high')]],
    ]);
  });
  it('controls that are no array, a control that is no object, a control without id', () => {
    expect(refused({ findings: [{ factor: 'c', likelihood: 'low', impact: 'low', controls: 'lc' }] })).toEqual(['invalid_input', [[['findings', 0, 'controls'], 'invalid_type', 'must be an array of controls']]]);
    const e = thrown(() => assessPartner(config, { findings: [{ factor: 'c', likelihood: 'low', impact: 'low', controls: [7] }] } as never, options));
    expect([e.code, e.issues.map((i) => [i.path, i.code, i.expected, i.received, i.message])]).toEqual([
      'invalid_input',
      [[['findings', 0, 'controls', 0], 'invalid_type', 'an object', '7', 'must be a control ({ id }), received 7']],
    ]);
    expect(refused({ findings: [{ factor: 'c', likelihood: 'low', impact: 'low', controls: [{ description: 'd' }] }] })).toEqual([
      'invalid_input',
      [[['findings', 0, 'controls', 0, 'id'], 'required', 'must be a non-empty control id']],
    ]);
  });
  it('a note that is no string, a knockout that is no boolean, a knockout on a factor that is none', () => {
    expect(refused({ findings: [{ factor: 'c', likelihood: 'low', impact: 'low', note: 3 }] })).toEqual(['invalid_input', [[['findings', 0, 'note'], 'invalid_type', 'must be a string, received 3']]]);
    expect(refused({ findings: [{ factor: 'c', likelihood: 'low', impact: 'low', knockout: 'yes' }] })).toEqual([
      'invalid_input',
      [[['findings', 0, 'knockout'], 'invalid_type', 'must be true or false, received "yes"']],
    ]);
    expect(refused({ findings: [{ factor: 'c', likelihood: 'low', impact: 'low', knockout: true }] })).toEqual([
      'invalid_input',
      [[['findings', 0, 'knockout'], 'inconsistent', "factor 'c' is not a knock-out factor in template 'kt'; only knock-out factors decide alone"]],
    ]);
  });
});

describe('assessPartner: knock-out triggers', () => {
  it('a flagged finding stays a "finding" trigger even at the knock-out level; atLevel very-low (index 0) knocks every finding out', () => {
    // b: high × high → high (Table I-2), at or above its atLevel 'moderate', and flagged: trigger 'finding'.
    // a: very-low × very-low → very-low, at or above atLevel 'very-low': trigger 'level'.
    const r = assessPartner(
      config,
      {
        findings: [
          { factor: 'a', likelihood: 'very-low', impact: 'very-low', note: 'n-a' },
          { factor: 'b', likelihood: 'high', impact: 'high', knockout: true },
          { factor: 'c', likelihood: 'high', impact: 'moderate' },
        ],
      },
      options,
    );
    expect(r.knockouts).toEqual([
      { factor: 'a', reason: 'always out', trigger: 'level', note: 'n-a' },
      { factor: 'b', reason: 'out at moderate', trigger: 'finding', note: '' },
    ]);
    // c: high × moderate → moderate (row high: VL L M H VH, column moderate); not a knock-out factor.
    expect(r.factors.map((f) => [f.factor, f.inherent.level, f.knockout])).toEqual([
      ['a', 'very-low', true],
      ['b', 'high', true],
      ['c', 'moderate', false],
    ]);
  });
});

describe('controls that are no array while the residual is lowered', () => {
  it('both issues: the controls are no array, and a control is required', () => {
    // high × high lowered to low × high: a string is no list of controls, so no control lowers it.
    expect(refused({ findings: [{ factor: 'c', likelihood: 'high', impact: 'high', controls: 'lc', residual: { likelihood: 'low', impact: 'high' } }] })).toEqual([
      'invalid_input',
      [
        [['findings', 0, 'controls'], 'invalid_type', 'must be an array of controls'],
        [['findings', 0, 'controls'], 'inconsistent', 'are required: the residual (low × high) is lower than the inherent (high × high), and only a control lowers a risk'],
      ],
    ]);
  });
});

describe('assessPartners: the options', () => {
  it('a date that is not in the calendar is refused at options.asOf', () => {
    // 2026 is not a leap year: February has 28 days.
    const e = thrown(() => assessPartners(config, [{ findings: [{ factor: 'c', likelihood: 'low', impact: 'low' }] }], { asOf: '2026-02-30' }));
    expect([e.message, e.issues.map((i) => [i.path, i.code])]).toEqual([
      '[dealerkit] options.asOf: is not a calendar date (2026-02 has 28 days), received "2026-02-30"',
      [[['options', 'asOf'], 'not_a_date']],
    ]);
  });
});
