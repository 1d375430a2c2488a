import { describe, expect, it } from 'vitest';
import {
  defineRiskMatrix,
  defineRiskScale,
  toScaleLevel,
  nistOverallLikelihood,
  nistSemiQuantitativeScale,
  nistSp80030,
  toRiskLevel,
  riskMatrix3x3,
  riskMatrix5x5Product,
} from 'dealerkit';
import { thrown } from '../helpers.js';

const NAMES: Record<string, string> = { 'Very Low': 'very-low', Low: 'low', Moderate: 'moderate', High: 'high', 'Very High': 'very-high' };
const COLUMNS = ['Very Low', 'Low', 'Moderate', 'High', 'Very High'];

/** Parses a table printed as in the NIST publication: highest row first, columns from Very Low up. */
function printed(rows: string[][]): [string, string, string][] {
  const out: [string, string, string][] = [];
  for (const [row, ...cells] of rows) {
    cells.forEach((cell, c) => out.push([NAMES[row!]!, NAMES[COLUMNS[c]!]!, NAMES[cell]!]));
  }
  return out;
}

// NIST SP 800-30 Rev. 1 (2012), Appendix I, Table I-2, as printed (rows: likelihood, top row Very High;
// columns: level of impact Very Low → Very High). Cross-checked against two independent transcriptions
// (reviczky/northumbria modules/governance/register.md; a GitHub markdown copy of Tables G-5/I-2).
const TABLE_I2 = printed([
  ['Very High', 'Very Low', 'Low', 'Moderate', 'High', 'Very High'],
  ['High', 'Very Low', 'Low', 'Moderate', 'High', 'Very High'],
  ['Moderate', 'Very Low', 'Low', 'Moderate', 'Moderate', 'High'],
  ['Low', 'Very Low', 'Low', 'Low', 'Low', 'Moderate'],
  ['Very Low', 'Very Low', 'Very Low', 'Very Low', 'Low', 'Low'],
]);

// NIST SP 800-30 Rev. 1, Appendix G, Table G-5, as printed (rows: likelihood of threat event initiation
// or occurrence; columns: likelihood threat events result in adverse impacts).
const TABLE_G5 = printed([
  ['Very High', 'Low', 'Moderate', 'High', 'Very High', 'Very High'],
  ['High', 'Low', 'Moderate', 'Moderate', 'High', 'Very High'],
  ['Moderate', 'Low', 'Low', 'Moderate', 'Moderate', 'High'],
  ['Low', 'Very Low', 'Low', 'Low', 'Moderate', 'Moderate'],
  ['Very Low', 'Very Low', 'Very Low', 'Low', 'Low', 'Low'],
]);

describe('nistSp80030 (Table I-2), every cell', () => {
  it.each(TABLE_I2)('likelihood %s × impact %s → %s', (l, i, level) => {
    expect(toRiskLevel(nistSp80030, l, i)).toBe(level);
  });

  it('is a lookup, impact-dominant, not a product (the issue\'s three cells)', () => {
    expect(toRiskLevel(nistSp80030, 'very-high', 'very-low')).toBe('very-low');
    expect(toRiskLevel(nistSp80030, 'moderate', 'high')).toBe('moderate');
    expect(toRiskLevel(nistSp80030, 'very-low', 'very-high')).toBe('low');
    expect(nistSp80030.scoring).toBeUndefined();
  });

  it('carries its provenance and is frozen', () => {
    expect(nistSp80030.source).toContain('Table I-2');
    expect(nistSp80030.name).toBe('NIST SP 800-30 Rev. 1 Table I-2');
    expect(Object.isFrozen(nistSp80030)).toBe(true);
    expect(Object.isFrozen(nistSp80030.cells)).toBe(true);
    expect(Object.isFrozen(nistSp80030.cells[0])).toBe(true);
  });
});

describe('nistOverallLikelihood (Table G-5), every cell', () => {
  it.each(TABLE_G5)('initiation %s × adverse impact %s → %s', (l, i, level) => {
    expect(toRiskLevel(nistOverallLikelihood, l, i)).toBe(level);
  });
  it('names its table', () => {
    expect(nistOverallLikelihood.source).toContain('Table G-5');
  });
});

describe('generated and small presets', () => {
  it('the 5×5 product matrix bands 1-based rank products: low 1–4, medium 5–9, high 10–16, critical 20–25', () => {
    // Hand table of (l+1)(i+1): row rare 1 2 3 4 5; unlikely 2 4 6 8 10; possible 3 6 9 12 15;
    // likely 4 8 12 16 20; almost-certain 5 10 15 20 25.
    expect(riskMatrix5x5Product.cells).toEqual([
      ['low', 'low', 'low', 'low', 'medium'],
      ['low', 'low', 'medium', 'medium', 'high'],
      ['low', 'medium', 'medium', 'high', 'high'],
      ['low', 'medium', 'high', 'high', 'critical'],
      ['medium', 'high', 'high', 'critical', 'critical'],
    ]);
    expect(riskMatrix5x5Product.scoring).toEqual({ type: 'product', thresholds: [5, 10, 20] });
  });

  it('the 3×3 is Cox\'s: bottom row and left column low, top-right high, the rest medium', () => {
    expect(riskMatrix3x3.cells).toEqual([
      ['low', 'low', 'low'],
      ['low', 'medium', 'medium'],
      ['low', 'medium', 'high'],
    ]);
  });

  it('sum scoring adds 1-based positions; a score equal to a threshold reaches the next level', () => {
    const m = defineRiskMatrix({ likelihood: ['a', 'b', 'c'], impact: ['x', 'y'], levels: ['lo', 'mid', 'hi'], scoring: { type: 'sum', thresholds: [4, 5] } });
    // sums: a: 2 3; b: 3 4; c: 4 5
    expect(m.cells).toEqual([
      ['lo', 'lo'],
      ['lo', 'mid'],
      ['mid', 'hi'],
    ]);
    expect(m.name).toBe('custom');
    expect(m.source).toBeUndefined();
    expect(JSON.parse(JSON.stringify(m))).toEqual({
      kind: 'risk-matrix',
      name: 'custom',
      likelihood: ['a', 'b', 'c'],
      impact: ['x', 'y'],
      levels: ['lo', 'mid', 'hi'],
      cells: [['lo', 'lo'], ['lo', 'mid'], ['mid', 'hi']],
      scoring: { type: 'sum', thresholds: [4, 5] },
    });
  });

  it('any size: 1 × 4 and 4 × 1 grids', () => {
    const wide = defineRiskMatrix({ likelihood: ['only'], impact: ['a', 'b', 'c', 'd'], levels: ['l', 'h'], cells: [['l', 'l', 'h', 'h']] });
    expect(toRiskLevel(wide, 'only', 'c')).toBe('h');
    const tall = defineRiskMatrix({ likelihood: ['a', 'b', 'c', 'd'], impact: ['only'], levels: ['l'], cells: [['l'], ['l'], ['l'], ['l']] });
    expect(toRiskLevel(tall, 'd', 'only')).toBe('l');
  });

  it('a defined matrix read back from JSON is accepted again', () => {
    const back = JSON.parse(JSON.stringify(riskMatrix5x5Product));
    expect(toRiskLevel(back, 'almost-certain', 'major')).toBe('critical');
    expect(toRiskLevel(back, 'likely', 'major')).toBe('high');
    const plain = { likelihood: ['a', 'b'], impact: ['x'], levels: ['l', 'h'], cells: [['l'], ['h']] };
    expect(toRiskLevel(plain as never, 'b', 'x')).toBe('h');
  });
});

describe('defineRiskMatrix refuses bad input, naming the path', () => {
  const base = { likelihood: ['low', 'high'], impact: ['low', 'high'], levels: ['ok', 'bad'] };

  it('a ragged grid: too_short / too_long with the limit', () => {
    const e = thrown(() => defineRiskMatrix({ ...base, cells: [['ok', 'ok'], ['ok']] }));
    expect(e.message).toBe('[dealerkit] cells[1]: must have 2 cells (one per impact label, lowest first), has 1');
    expect(e.code).toBe('invalid_input');
    expect(e.issues[0]).toMatchObject({ code: 'too_short', limit: '2', received: '1' });
    expect(thrown(() => defineRiskMatrix({ ...base, cells: [['ok', 'ok'], ['ok', 'ok', 'ok']] })).issues[0]).toMatchObject({ path: ['cells', 1], code: 'too_long' });
  });

  it('a missing row', () => {
    const e = thrown(() => defineRiskMatrix({ ...base, cells: [['ok', 'ok']] }));
    expect(e.message).toBe('[dealerkit] cells: must have 2 rows (one per likelihood label, lowest first), has 1');
    expect(e.issues[0]!.code).toBe('too_short');
  });

  it('an unknown level in a cell', () => {
    const e = thrown(() => defineRiskMatrix({ ...base, cells: [['ok', 'ok'], ['ok', 'terrible']] }));
    expect(e.message).toBe("[dealerkit] cells[1][1]: is not a level: 'terrible' (levels: 'ok', 'bad')");
    expect(e.code).toBe('unknown_label');
    expect(e.issues[0]).toMatchObject({ code: 'unknown_label', received: '"terrible"' });
  });

  it('duplicate labels on every axis, all reported at once', () => {
    const e = thrown(() => defineRiskMatrix({ likelihood: ['a', 'a'], impact: ['x', 'y', 'x'], levels: ['l', 'l'], cells: [] }));
    expect(e.issues).toEqual([
      { path: ['likelihood', 1], code: 'duplicate', message: "duplicates likelihood[0] ('a'); labels must be unique", received: '"a"' },
      { path: ['impact', 2], code: 'duplicate', message: "duplicates impact[0] ('x'); labels must be unique", received: '"x"' },
      { path: ['levels', 1], code: 'duplicate', message: "duplicates levels[0] ('l'); labels must be unique", received: '"l"' },
    ]);
  });

  it('neither cells nor scoring (required), or both (inconsistent)', () => {
    const none = thrown(() => defineRiskMatrix(base));
    expect(none.message).toBe('[dealerkit] cells: is required unless scoring is given');
    expect(none.issues[0]!.code).toBe('required');
    const both = thrown(() => defineRiskMatrix({ ...base, cells: [['ok', 'ok'], ['ok', 'ok']], scoring: { type: 'sum', thresholds: [3] } }));
    expect(both.message).toBe('[dealerkit] scoring: must not be given together with cells: give the cells or the scoring rule that generates them');
    expect(both.issues[0]!.code).toBe('inconsistent');
  });

  it('thresholds out of order, or of the wrong count', () => {
    const e = thrown(() => defineRiskMatrix({ ...base, levels: ['a', 'b', 'c', 'd'], scoring: { type: 'product', thresholds: [2, 2, 1] } }));
    expect(e.message).toBe(
      '[dealerkit] scoring.thresholds[1]: must be greater than scoring.thresholds[0] (2): levels go from low to high, received 2; ' +
        'scoring.thresholds[2]: must be greater than scoring.thresholds[1] (2): levels go from low to high, received 1',
    );
    expect(e.code).toBe('out_of_range');
    expect(e.issues.map((i) => [i.code, i.limit, i.received])).toEqual([
      ['not_ascending', '2', '2'],
      ['not_ascending', '2', '1'],
    ]);
    expect(thrown(() => defineRiskMatrix({ ...base, scoring: { type: 'product', thresholds: [] } })).message).toBe(
      '[dealerkit] scoring.thresholds: must hold 1 threshold (one fewer than the levels; a score at or above thresholds[k] is at least levels[k + 1]), has 0',
    );
    expect(thrown(() => defineRiskMatrix({ ...base, levels: ['a', 'b', 'c'], scoring: { type: 'product', thresholds: [1] } })).message).toContain(
      'must hold 2 thresholds',
    );
  });

  it('shape errors from the schema: empty axes, a typo\'d field, a wrong type', () => {
    expect(thrown(() => defineRiskMatrix({ ...base, likelihood: [], cells: [] })).message).toBe('[dealerkit] likelihood: must hold at least 1 item');
    const typo = thrown(() => defineRiskMatrix({ ...base, cels: [] } as never));
    expect(typo.message).toBe('[dealerkit] cels: is not a known field; did you mean `cells`?');
    expect(typo.issues[0]!.code).toBe('unknown_field');
    expect(thrown(() => defineRiskMatrix({ ...base, impact: 'low' } as never)).message).toBe('[dealerkit] impact: must be an array, received "low"');
    expect(thrown(() => defineRiskMatrix({ ...base, likelihood: ['', 'x'], cells: [] })).message).toBe('[dealerkit] likelihood[0]: must not be empty');
    expect(thrown(() => defineRiskMatrix(null as never)).code).toBe('invalid_input');
  });

  it('toRiskLevel names an unknown label and lists the known ones', () => {
    const e = thrown(() => toRiskLevel(nistSp80030, 'extreme', 'low'));
    expect(e.message).toBe("[dealerkit] likelihood: is not a likelihood label: 'extreme' (likelihood labels: 'very-low', 'low', 'moderate', 'high', 'very-high')");
    expect(e.code).toBe('unknown_label');
    expect(e.issues[0]!.code).toBe('unknown_label');
    const type = thrown(() => toRiskLevel(nistSp80030, 'low', 3 as never));
    expect(type.message).toBe('[dealerkit] impact: must be an impact label, received 3');
    expect(type.issues[0]!.code).toBe('invalid_type');
    expect(thrown(() => toRiskLevel(nistSp80030, undefined as never, 'low')).issues[0]!.code).toBe('required');
    const nul = thrown(() => toRiskLevel(null as never, 'low', 'low'));
    expect(nul.message).toBe('[dealerkit] matrix: must be a risk matrix (from defineRiskMatrix), received null');
    expect(nul.issues[0]!.code).toBe('invalid_type');
  });

  it("labels named like Object.prototype members ('toString', 'constructor', '__proto__') are labels like any other", () => {
    for (const name of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
      expect(thrown(() => toRiskLevel(nistSp80030, name, 'low')).issues[0]).toMatchObject({ path: ['likelihood'], code: 'unknown_label' });
      expect(thrown(() => toRiskLevel(nistSp80030, 'low', name)).issues[0]).toMatchObject({ path: ['impact'], code: 'unknown_label' });
    }
    // As labels of a matrix they work: every cell looked up exactly.
    const m = defineRiskMatrix({ likelihood: ['toString', '__proto__'], impact: ['constructor'], levels: ['valueOf', 'hasOwnProperty'], cells: [['valueOf'], ['hasOwnProperty']] });
    expect([toRiskLevel(m, 'toString', 'constructor'), toRiskLevel(m, '__proto__', 'constructor')]).toEqual(['valueOf', 'hasOwnProperty']);
  });
});

describe('semi-quantitative scales', () => {
  it('NIST bins are half-open: every boundary and a value inside each gap of the printed ranges', () => {
    // NIST prints 0–4, 5–20, 21–79, 80–95, 96–100; dealerkit reads [0,5), [5,21), [21,80), [80,96), [96,100].
    const cases: [number | string, string][] = [
      [0, 'very-low'], [4, 'very-low'], ['4.999', 'very-low'], [5, 'low'], [20, 'low'], ['20.5', 'low'], [21, 'moderate'],
      [79, 'moderate'], ['79.99', 'moderate'], [80, 'high'], [95, 'high'], [95.5, 'high'], [96, 'very-high'], [100, 'very-high'],
    ];
    for (const [v, level] of cases) expect([v, toScaleLevel(nistSemiQuantitativeScale, v)]).toEqual([v, level]);
  });

  it('refuses values outside the scale instead of clamping', () => {
    const below = thrown(() => toScaleLevel(nistSemiQuantitativeScale, -0.01));
    expect(below.message).toBe("[dealerkit] value: is below the lowest bin of scale 'NIST SP 800-30 Rev. 1 semi-quantitative (0–100)' (0), received -0.01");
    expect(below.code).toBe('out_of_range');
    expect(below.issues[0]).toMatchObject({ code: 'out_of_range', limit: '0', received: '-0.01' });
    expect(thrown(() => toScaleLevel(nistSemiQuantitativeScale, 101)).issues[0]).toMatchObject({ code: 'out_of_range', limit: '100' });
    expect(thrown(() => toScaleLevel(nistSemiQuantitativeScale, '100.0001')).message).toBe(
      "[dealerkit] value: is above the upper bound of scale 'NIST SP 800-30 Rev. 1 semi-quantitative (0–100)' (100, inclusive), received 100.0001",
    );
    expect(thrown(() => toScaleLevel(nistSemiQuantitativeScale, NaN)).message).toBe('[dealerkit] value: must be a finite number, received NaN');
  });

  it('an open-ended scale of counts (payment defaults a year); huge values land in the last bin', () => {
    const s = defineRiskScale({ name: 'defaults', unit: 'payment defaults a year', bins: [{ level: 'low', from: 0 }, { level: 'high', from: 3 }] });
    expect([toScaleLevel(s, 0), toScaleLevel(s, 2), toScaleLevel(s, 3), toScaleLevel(s, 1e15)]).toEqual(['low', 'low', 'high', 'high']);
    expect(s.unit).toBe('payment defaults a year');
    expect(s.to).toBeUndefined();
    expect(JSON.parse(JSON.stringify(s))).toEqual({ kind: 'risk-scale', name: 'defaults', unit: 'payment defaults a year', bins: [{ level: 'low', from: '0' }, { level: 'high', from: '3' }] });
    expect(toScaleLevel(JSON.parse(JSON.stringify(s)), '2.5')).toBe('low');
  });

  it('a scale whose unit names a fraction holds 0 to 1: a percentage written as a whole number is refused with the hint', () => {
    const p = defineRiskScale({ unit: 'probability', bins: [{ level: 'low', from: 0 }, { level: 'high', from: '0.3' }] });
    // `to` defaults to 1 for a scale of fractions.
    expect(p.to!.toString()).toBe('1');
    expect([toScaleLevel(p, '0.29'), toScaleLevel(p, 1)]).toEqual(['low', 'high']);
    const e = thrown(() => toScaleLevel(p, 30));
    expect(e.message).toBe("[dealerkit] value: is above the upper bound of scale 'custom' (1, inclusive: a fraction), received 30: write 0.3 for 30 %");
    expect(e.issues[0]).toMatchObject({ code: 'percent_as_whole_number', limit: '1', received: '30' });
    // A bin or a bound written as a percentage is refused where it is defined.
    const d = thrown(() => defineRiskScale({ unit: 'default rate', bins: [{ level: 'low', from: 0 }, { level: 'high', from: 5 }], to: 100 }));
    expect(d.issues).toEqual([
      { path: ['bins', 1, 'from'], code: 'percent_as_whole_number', message: "must be a fraction from 0 to 1 (the scale's unit is 'default rate'), received 5: write 0.05 for 5 %", expected: 'from 0 to 1', received: '5', limit: '1' },
      { path: ['to'], code: 'percent_as_whole_number', message: "must be a fraction from 0 to 1 (the scale's unit is 'default rate'), received 100: write 1 for 100 %", expected: 'from 0 to 1', received: '100', limit: '1' },
    ]);
    expect(thrown(() => defineRiskScale({ unit: 'share', bins: [{ level: 'low', from: '-0.1' }] })).issues[0]).toMatchObject({ code: 'out_of_range', limit: '0' });
    // A scale of counts or of NIST's 0–100 values is not one of fractions: 30 is a value like any other.
    expect(toScaleLevel(nistSemiQuantitativeScale, 30)).toBe('moderate');
  });

  it('probabilities as decimals are compared exactly (0.1 + 0.2 is not needed to reach 0.3)', () => {
    const s = defineRiskScale({ bins: [{ level: 'low', from: 0 }, { level: 'high', from: '0.3' }], to: 1 });
    expect([toScaleLevel(s, 0.3), toScaleLevel(s, '0.29999999999999999999'), toScaleLevel(s, 1)]).toEqual(['high', 'low', 'high']);
  });

  it('bins out of order, duplicate levels and a bound below the last bin are refused, each path named', () => {
    const e = thrown(() =>
      defineRiskScale({ bins: [{ level: 'a', from: 5 }, { level: 'b', from: 5 }, { level: 'a', from: 1 }], to: 0 }),
    );
    expect(e.issues).toEqual([
      { path: ['bins', 1, 'from'], code: 'not_ascending', message: 'must be greater than bins[0].from (5): bins go from low to high, received 5', expected: 'greater than 5', received: '5', limit: '5' },
      { path: ['bins', 2, 'level'], code: 'duplicate', message: "duplicates bins[0].level ('a'); each level has one bin", received: '"a"' },
      { path: ['bins', 2, 'from'], code: 'not_ascending', message: 'must be greater than bins[1].from (5): bins go from low to high, received 1', expected: 'greater than 5', received: '1', limit: '5' },
      { path: ['to'], code: 'not_ascending', message: "must be at least the last bin's from (1), received 0", expected: 'at least 1', received: '0', limit: '1' },
    ]);
    expect(e.code).toBe('out_of_range');
    expect(thrown(() => defineRiskScale({ bins: [] })).message).toBe('[dealerkit] bins: must hold at least 1 item');
    expect(thrown(() => defineRiskScale({ bins: [{ level: 'a', from: 'x' }] })).message).toBe('[dealerkit] bins[0].from: must be a number or a numeric string, received "x"');
    expect(thrown(() => toScaleLevel(undefined as never, 1)).message).toBe('[dealerkit] scale: must be a risk scale (from defineRiskScale), received nothing');
  });
});
