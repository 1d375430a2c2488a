// toFinancialFindings on analyses that come back from JSON in a bad shape, and on bad mappings:
// each refusal's path, issue code and received value (src/risk/findings.ts). The analyses are
// written by hand; the expected issues follow from the messages in src/risk/messages.ts.
import { describe, expect, it } from 'vitest';
import { toFinancialFindings } from 'dealerkit';
import { thrown } from '../helpers.js';

const NOT = 'must be the result of analyzeFinancials';
const year = (extra: Record<string, unknown> = {}) => ({
  year: 2024,
  ratios: { debtRatio: '0.5' },
  bands: { debtRatio: { band: 'good', likelihood: 'low', value: '0.5' } },
  altman: { variant: 'z', z: '3.1', zone: 'safe' },
  ...extra,
});
const analysis = (...years: unknown[]) => ({ years }) as never;
const ratioMap = [{ factor: 'debt', ratio: 'debtRatio', impact: 'high' }] as never;
const zones = { safe: 'low', grey: 'moderate', distress: 'high' };
const altmanMap = [{ factor: 'distress', altman: zones, impact: 'high' }] as never;
const issue = (fn: () => unknown) => {
  const e = thrown(fn);
  expect(e.issues).toHaveLength(1);
  return e.issues[0]!;
};

describe('toFinancialFindings on hand-made analyses', () => {
  it('reads a JSON analysis: the ratio band and the Altman zone', () => {
    const r = toFinancialFindings([...(ratioMap as unknown[]), ...(altmanMap as unknown[])] as never, analysis(year()));
    expect(r.findings).toEqual([
      { factor: 'debt', likelihood: 'low', impact: 'high', note: 'debt ratio 0.50 in 2024: good' },
      { factor: 'distress', likelihood: 'low', impact: 'high', note: 'Altman z 3.10 in 2024: safe zone' },
    ]);
  });
  it('a missing year entry is required, a year without a numeric year invalid_type', () => {
    expect(issue(() => toFinancialFindings(ratioMap, analysis(year(), undefined)))).toEqual({ path: ['analysis', 'years', 1], code: 'required', message: NOT, received: 'nothing' });
    expect(issue(() => toFinancialFindings(ratioMap, analysis({ year: '2024' })))).toMatchObject({ path: ['analysis', 'years', 0], code: 'invalid_type', message: NOT });
  });
  it('a band that is not an object, or without its labels, is refused at its path', () => {
    expect(issue(() => toFinancialFindings(ratioMap, analysis(year({ bands: { debtRatio: 'good' } }))))).toEqual({
      path: ['analysis', 'years', 0, 'bands', 'debtRatio'], code: 'invalid_type', message: NOT, received: '"good"',
    });
    expect(issue(() => toFinancialFindings(ratioMap, analysis(year({ bands: { debtRatio: { likelihood: 'low', value: '1' } } }))))).toEqual({
      path: ['analysis', 'years', 0, 'bands', 'debtRatio', 'band'], code: 'required', message: NOT, received: 'nothing',
    });
    expect(issue(() => toFinancialFindings(ratioMap, analysis(year({ bands: { debtRatio: { band: 'good', likelihood: 3, value: '1' } } }))))).toEqual({
      path: ['analysis', 'years', 0, 'bands', 'debtRatio', 'likelihood'], code: 'invalid_type', message: NOT, received: '3',
    });
  });
  it('an Altman result that is not an object, with a bad zone or without a variant is refused at its path', () => {
    expect(issue(() => toFinancialFindings(altmanMap, analysis(year({ altman: 7 }))))).toEqual({ path: ['analysis', 'years', 0, 'altman'], code: 'invalid_type', message: NOT, received: '7' });
    expect(issue(() => toFinancialFindings(altmanMap, analysis(year({ altman: { variant: 'z', z: '1' } }))))).toEqual({
      path: ['analysis', 'years', 0, 'altman', 'zone'], code: 'required', message: NOT, received: 'nothing',
    });
    expect(issue(() => toFinancialFindings(altmanMap, analysis(year({ altman: { variant: 'z', z: '1', zone: 'red' } }))))).toEqual({
      path: ['analysis', 'years', 0, 'altman', 'zone'], code: 'invalid_value', message: NOT, received: '"red"',
    });
    expect(issue(() => toFinancialFindings(altmanMap, analysis(year({ altman: { z: '1', zone: 'safe' } }))))).toEqual({
      path: ['analysis', 'years', 0, 'altman', 'variant'], code: 'required', message: NOT, received: 'nothing',
    });
    expect(issue(() => toFinancialFindings(altmanMap, analysis(year({ altman: { variant: 2, z: '1', zone: 'safe' } }))))).toEqual({
      path: ['analysis', 'years', 0, 'altman', 'variant'], code: 'invalid_type', message: NOT, received: '2',
    });
  });
});

describe('toFinancialFindings on bad mappings', () => {
  it('a factor or impact that is missing is required; one of the wrong type is invalid_type', () => {
    expect(issue(() => toFinancialFindings([{ ratio: 'debtRatio', impact: 'high' }] as never, analysis(year())))).toEqual({
      path: ['mappings', 0, 'factor'], code: 'required', message: 'must be a factor id, received nothing', received: 'nothing',
    });
    expect(issue(() => toFinancialFindings([{ factor: 5, ratio: 'debtRatio', impact: 'high' }] as never, analysis(year())))).toEqual({
      path: ['mappings', 0, 'factor'], code: 'invalid_type', message: 'must be a factor id, received 5', received: '5',
    });
    expect(issue(() => toFinancialFindings([{ factor: 'debt', ratio: 'debtRatio' }] as never, analysis(year())))).toEqual({
      path: ['mappings', 0, 'impact'], code: 'required', message: 'must be an impact label, received nothing', received: 'nothing',
    });
    expect(issue(() => toFinancialFindings([{ factor: 'debt', ratio: 'debtRatio', impact: '' }] as never, analysis(year())))).toEqual({
      path: ['mappings', 0, 'impact'], code: 'invalid_type', message: 'must be an impact label, received ""', received: '""',
    });
  });
  it('Altman zones that are not an object, or a zone label of the wrong type, are refused', () => {
    expect(issue(() => toFinancialFindings([{ factor: 'd', altman: 'low', impact: 'high' }] as never, analysis(year())))).toEqual({
      path: ['mappings', 0, 'altman'], code: 'invalid_type', message: 'must give a likelihood label for each Altman zone: { safe, grey, distress }', received: '"low"',
    });
    expect(issue(() => toFinancialFindings([{ factor: 'd', altman: { ...zones, grey: 1 }, impact: 'high' }] as never, analysis(year())))).toEqual({
      path: ['mappings', 0, 'altman', 'grey'], code: 'invalid_type', message: 'is required: a likelihood label for each zone', received: '1',
    });
  });
  it('a ratio name of the wrong type is invalid_type', () => {
    expect(issue(() => toFinancialFindings([{ factor: 'd', ratio: 4, impact: 'high' }] as never, analysis(year())))).toEqual({
      path: ['mappings', 0, 'ratio'], code: 'invalid_type', message: 'must be the name of a ratio of analyzeFinancials, received 4', received: '4',
    });
  });
});

describe('toFinancialFindings: bands given as null', () => {
  it('a band of null (JSON of a ratio without a band) skips the factor with a warning', () => {
    const r = toFinancialFindings(ratioMap, analysis(year({ bands: { debtRatio: null } })));
    expect(r.findings).toEqual([]);
    expect(r.skipped).toEqual([{ factor: 'debt', reason: 'debt ratio has no benchmark band (run analyzeFinancials with benchmarks that cover it)' }]);
    expect(r.warnings).toEqual([
      { code: 'financial-factor-skipped', message: 'debt has no finding: debt ratio has no benchmark band (run analyzeFinancials with benchmarks that cover it)', path: ['mappings', 0] },
    ]);
  });
});
