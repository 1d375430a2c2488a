// Refusals of the financial side of the risk engine, each asserted whole: the error's code and
// message, and every issue with its path, code, expected, received and limit. The figures in the
// issues are the inputs themselves (a year 2024 given twice, a cut of 4 where 3 are wanted), so each
// expected issue can be read off the call. Kills the survivors of src/risk/financials.ts (year order,
// market value of equity), altman.ts (required book/market equity), findings.ts (mappings, analysis,
// options, a JSON analysis read back), benchmarks.ts and financial-schema.ts / options.ts.
import { describe, expect, it } from 'vitest';
import { analyzeFinancials, calculateAltmanZ, defineFinancialBenchmarks, distributorBenchmarks, toFinancialBand, toFinancialFindings, type FinancialYear } from 'dealerkit';
import { thrown } from '../helpers.js';

const refusal = (f: () => unknown) => {
  const e = thrown(f);
  return { code: e.code, message: e.message, issues: e.issues };
};

// The DuPont vector of test/risk/financials.test.ts (net income 60, EBT 80, EBIT 100, sales 1,000).
const YEAR: FinancialYear = {
  year: 2024, revenue: 1000, cogs: 700, ebit: 100, interest: 20, ebt: 80, netIncome: 60, totalAssets: 800, totalLiabilities: 400,
  currentAssets: 500, currentLiabilities: 250, inventory: 150, receivables: 120, payables: 90, equity: 400, retainedEarnings: 150, operatingCashFlow: 70,
};
const base = { dayCount: 365 as const, averages: false };

describe('analyzeFinancials refuses, every issue whole', () => {
  it('two years both 2024: years[1].year is not_ascending, expected later than 2024', () => {
    expect(refusal(() => analyzeFinancials({ ...base, years: [YEAR, { ...YEAR }] }))).toEqual({
      code: 'invalid_input',
      message: '[dealerkit] years[1].year: must be later than years[0].year (2024): years go from oldest to latest, received 2024',
      issues: [{ path: ['years', 1, 'year'], code: 'not_ascending', message: 'must be later than years[0].year (2024): years go from oldest to latest, received 2024', expected: 'later than 2024', received: '2024', limit: '2024' }],
    });
  });
  it("variant 'z' without a market value of equity: years[0].marketValueOfEquity is required", () => {
    const m = "is required for Altman variant 'z' (X4 is the market value of equity / total liabilities); a private firm has none: use 'z-prime'";
    expect(refusal(() => analyzeFinancials({ ...base, altman: 'z', years: [YEAR] }))).toEqual({
      code: 'invalid_input',
      message: `[dealerkit] years[0].marketValueOfEquity: ${m}`,
      issues: [{ path: ['years', 0, 'marketValueOfEquity'], code: 'required', message: m }],
    });
  });
  it('an unknown variant names the three', () => {
    expect(refusal(() => analyzeFinancials({ ...base, altman: 'zz' as never, years: [YEAR] })).issues).toEqual([
      { path: ['altman'], code: 'invalid_value', message: "must be one of 'z', 'z-prime', 'z-double-prime', received \"zz\"", expected: "one of 'z', 'z-prime', 'z-double-prime'", received: '"zz"' },
    ]);
  });
  it('firm.listed and firm.manufacturer are booleans', () => {
    expect(refusal(() => analyzeFinancials({ ...base, firm: { listed: 'x' } as never, years: [YEAR] })).issues).toEqual([
      { path: ['firm', 'listed'], code: 'invalid_type', message: 'must be a boolean, received "x"', expected: 'a boolean', received: '"x"' },
    ]);
    expect(refusal(() => analyzeFinancials({ ...base, firm: { manufacturer: 1 } as never, years: [YEAR] })).issues).toEqual([
      { path: ['firm', 'manufacturer'], code: 'invalid_type', message: 'must be a boolean, received 1', expected: 'a boolean', received: '1' },
    ]);
  });
  it('options: an object with a numeric ratioScale and nothing else', () => {
    expect(refusal(() => analyzeFinancials({ ...base, years: [YEAR] }, 5 as never))).toEqual({
      code: 'invalid_input',
      message: '[dealerkit] options: must be an object, received 5',
      issues: [{ path: ['options'], code: 'invalid_type', message: 'must be an object, received 5', expected: 'an object', received: '5' }],
    });
    expect(refusal(() => analyzeFinancials({ ...base, years: [YEAR] }, { ratioScale: 'x' } as never)).issues).toEqual([
      { path: ['options', 'ratioScale'], code: 'invalid_type', message: 'must be a number, received "x"', expected: 'a number', received: '"x"' },
    ]);
  });
  it('benchmarks: a number is invalid_type; a plain object is read as a spec, its levels and ratios required', () => {
    expect(refusal(() => analyzeFinancials({ ...base, benchmarks: 5 as never, years: [YEAR] }))).toEqual({
      code: 'invalid_input',
      message: '[dealerkit] benchmarks: must be a benchmark table (from defineFinancialBenchmarks), received 5',
      issues: [{ path: ['benchmarks'], code: 'invalid_type', message: 'must be a benchmark table (from defineFinancialBenchmarks), received 5', received: '5' }],
    });
    expect(refusal(() => analyzeFinancials({ ...base, benchmarks: { name: 'x' } as never, years: [YEAR] })).issues).toEqual([
      { path: ['benchmarks', 'levels'], code: 'required', message: 'is required (an array)', expected: 'an array' },
      { path: ['benchmarks', 'ratios'], code: 'required', message: 'is required (a record)', expected: 'a record' },
    ]);
  });
});

describe('calculateAltmanZ: the X4 numerator of each variant is required', () => {
  const common = { workingCapital: 0, totalAssets: 100, retainedEarnings: 0, ebit: 0, totalLiabilities: 1, sales: 1 };
  it("'z' needs the market value of equity", () => {
    const m = "is required for variant 'z' (X4 is the market value of equity / total liabilities); a private firm has none: use 'z-prime'";
    expect(refusal(() => calculateAltmanZ({ variant: 'z', ...common } as never))).toEqual({
      code: 'invalid_input', message: `[dealerkit] marketValueOfEquity: ${m}`, issues: [{ path: ['marketValueOfEquity'], code: 'required', message: m }],
    });
  });
  it("'z-prime' and 'z-double-prime' need the book value of equity", () => {
    for (const variant of ['z-prime', 'z-double-prime'] as const) {
      const m = `is required for variant '${variant}' (X4 is the book value of equity / total liabilities)`;
      expect(refusal(() => calculateAltmanZ({ variant, ...common } as never))).toEqual({
        code: 'invalid_input', message: `[dealerkit] bookValueOfEquity: ${m}`, issues: [{ path: ['bookValueOfEquity'], code: 'required', message: m }],
      });
    }
  });
});

describe('defineFinancialBenchmarks and toFinancialBand refuse', () => {
  it('a level given twice is a duplicate (invalid_input)', () => {
    expect(refusal(() => defineFinancialBenchmarks({ levels: ['a', 'a', 'b', 'c', 'd'], ratios: {} } as never))).toEqual({
      code: 'invalid_input',
      message: "[dealerkit] levels[1]: duplicates levels[0] ('a'); each band has its own level",
      issues: [{ path: ['levels', 1], code: 'duplicate', message: "duplicates levels[0] ('a'); each band has its own level", received: '"a"' }],
    });
  });
  it('a debt-ratio cut of 2 is a percent written as a whole number (out_of_range)', () => {
    const m = 'must be at most 1 (the debt ratio is a share), received 2: write 0.02 for 2 %';
    expect(refusal(() => defineFinancialBenchmarks({ levels: ['a', 'b', 'c', 'd', 'e'], ratios: { debtRatio: { better: 'lower', cuts: [0.3, 0.5, 0.7, 2] } } } as never))).toEqual({
      code: 'out_of_range',
      message: `[dealerkit] ratios.debtRatio.cuts[3]: ${m}`,
      issues: [{ path: ['ratios', 'debtRatio', 'cuts', 3], code: 'percent_as_whole_number', message: m, expected: 'at most 1', received: '2', limit: '1' }],
    });
  });
  it("a table without a name is called 'custom' and has no source", () => {
    expect({ ...defineFinancialBenchmarks({ levels: ['a', 'b', 'c', 'd', 'e'], ratios: {} }) }).toEqual({ kind: 'financial-benchmarks', name: 'custom', levels: ['a', 'b', 'c', 'd', 'e'], ratios: {} });
  });
  it('toFinancialBand: the table, then the ratio (left out: required; a number: invalid_type)', () => {
    expect(refusal(() => toFinancialBand(5 as never, 'debtRatio', 1)).issues).toEqual([
      { path: ['benchmarks'], code: 'invalid_type', message: 'must be a benchmark table (from defineFinancialBenchmarks), received 5', received: '5' },
    ]);
    expect(refusal(() => toFinancialBand({ levels: 1 } as never, 'debtRatio', 1)).issues).toEqual([
      { path: ['benchmarks', 'levels'], code: 'invalid_type', message: 'must be an array, received 1', expected: 'an array', received: '1' },
      { path: ['benchmarks', 'ratios'], code: 'required', message: 'is required (a record)', expected: 'a record' },
    ]);
    expect(refusal(() => toFinancialBand(distributorBenchmarks, undefined as never, 1))).toEqual({
      code: 'invalid_input',
      message: '[dealerkit] ratio: must be the name of a ratio of analyzeFinancials, received nothing',
      issues: [{ path: ['ratio'], code: 'required', message: 'must be the name of a ratio of analyzeFinancials, received nothing', received: 'nothing' }],
    });
    expect(refusal(() => toFinancialBand(distributorBenchmarks, 5 as never, 1)).issues).toEqual([
      { path: ['ratio'], code: 'invalid_type', message: 'must be the name of a ratio of analyzeFinancials, received 5', received: '5' },
    ]);
  });
});

describe('toFinancialFindings refuses, every issue whole', () => {
  const a = analyzeFinancials({ ...base, benchmarks: distributorBenchmarks, years: [YEAR] });
  const notAnalysis = 'must be the result of analyzeFinancials';
  const json = () => JSON.parse(JSON.stringify(a));
  const debt = { factor: 'f', impact: 'high', ratio: 'debtRatio' };
  const zone = { factor: 'g', impact: 'high', altman: { safe: 'low', grey: 'moderate', distress: 'high' } };
  it('mappings not an array', () => {
    expect(refusal(() => toFinancialFindings('x' as never, a))).toEqual({
      code: 'invalid_input',
      message: '[dealerkit] mappings: must be an array of factor mappings',
      issues: [{ path: ['mappings'], code: 'invalid_type', message: 'must be an array of factor mappings', received: '"x"' }],
    });
  });
  it('an analysis that is nothing, null, a number, or has no years', () => {
    for (const [value, received] of [[undefined, 'nothing'], [null, 'null'], [5, '5'], [{ years: [] }, 'an object']] as const) {
      expect(refusal(() => toFinancialFindings([], value as never))).toEqual({
        code: 'invalid_input', message: `[dealerkit] analysis: ${notAnalysis}`, issues: [{ path: ['analysis'], code: 'invalid_type', message: notAnalysis, received }],
      });
    }
    expect(refusal(() => toFinancialFindings([], { ...a, years: [null] } as never)).issues).toEqual([{ path: ['analysis', 'years', 0], code: 'invalid_type', message: notAnalysis, received: 'null' }]);
  });
  it('options: a whole year, nothing else, and a year of the analysis', () => {
    expect(refusal(() => toFinancialFindings([], a, { year: 1.5 } as never)).issues).toEqual([
      { path: ['options', 'year'], code: 'not_an_integer', message: 'must be a whole number, received 1.5', expected: 'a whole number', received: '1.5' },
    ]);
    expect(refusal(() => toFinancialFindings([], a, { foo: 1 } as never)).issues).toEqual([{ path: ['options', 'foo'], code: 'unknown_field', message: 'is not a known field', received: 'foo' }]);
    expect(refusal(() => toFinancialFindings([], a, { year: 2020 }))).toEqual({
      code: 'unknown_label',
      message: '[dealerkit] options.year: is not a year of the analysis: 2020 (years: 2024)',
      issues: [{ path: ['options', 'year'], code: 'unknown_label', message: 'is not a year of the analysis: 2020 (years: 2024)', received: '2020' }],
    });
  });
  it('a mapping that is a number, an empty factor, an empty zone label, null zones', () => {
    expect(refusal(() => toFinancialFindings([5 as never], a)).issues).toEqual([
      { path: ['mappings', 0], code: 'invalid_type', message: 'must be a factor mapping { factor, ratio, impact } or { factor, altman, impact }', received: '5' },
    ]);
    expect(refusal(() => toFinancialFindings([{ ...debt, factor: '' }] as never, a)).issues).toEqual([
      { path: ['mappings', 0, 'factor'], code: 'invalid_type', message: 'must be a factor id, received ""', received: '""' },
    ]);
    expect(refusal(() => toFinancialFindings([{ ...zone, altman: { safe: '', grey: 'g', distress: 'd' } }] as never, a)).issues).toEqual([
      { path: ['mappings', 0, 'altman', 'safe'], code: 'invalid_type', message: 'is required: a likelihood label for each zone', received: '""' },
    ]);
    expect(refusal(() => toFinancialFindings([{ ...zone, altman: null }] as never, a)).issues).toEqual([
      { path: ['mappings', 0, 'altman'], code: 'invalid_type', message: 'must give a likelihood label for each Altman zone: { safe, grey, distress }', received: 'null' },
    ]);
  });
  it("a ratio that is a number, 'toString', or a ratio a JSON analysis holds but analyzeFinancials has not", () => {
    expect(refusal(() => toFinancialFindings([{ ...debt, ratio: 5 }] as never, a)).issues).toEqual([
      { path: ['mappings', 0, 'ratio'], code: 'invalid_type', message: 'must be the name of a ratio of analyzeFinancials, received 5', received: '5' },
    ]);
    // ['debtRatio'] reads as the key 'debtRatio' (an array's property key is its text): refused as not a string.
    expect(refusal(() => toFinancialFindings([{ ...debt, ratio: ['debtRatio'] }] as never, a)).issues).toEqual([
      { path: ['mappings', 0, 'ratio'], code: 'invalid_type', message: 'must be the name of a ratio of analyzeFinancials, received an array', received: 'an array' },
    ]);
    const unknown = (name: string) => ({
      code: 'unknown_label',
      message: `[dealerkit] mappings[0].ratio: is not a ratio of analyzeFinancials: '${name}'`,
      issues: [{ path: ['mappings', 0, 'ratio'], code: 'unknown_label', message: `is not a ratio of analyzeFinancials: '${name}'`, received: `"${name}"` }],
    });
    expect(refusal(() => toFinancialFindings([{ ...debt, ratio: 'toString' }] as never, a))).toEqual(unknown('toString'));
    const j = json();
    j.years[0].ratios.foo = '1';
    expect(refusal(() => toFinancialFindings([{ ...debt, ratio: 'foo' }] as never, j))).toEqual(unknown('foo'));
  });
  it('a JSON analysis: a band without its value, an Altman result without z, a zone that is a number', () => {
    const figure = 'must be a number or a numeric string, received nothing';
    const j1 = json();
    delete j1.years[0].bands.debtRatio.value;
    expect(refusal(() => toFinancialFindings([debt] as never, j1)).issues).toEqual([
      { path: ['analysis', 'years', 0, 'bands', 'debtRatio', 'value'], code: 'required', message: figure, expected: 'a number or a numeric string', received: 'nothing' },
    ]);
    const j2 = json();
    delete j2.years[0].altman.z;
    expect(refusal(() => toFinancialFindings([zone] as never, j2)).issues).toEqual([
      { path: ['analysis', 'years', 0, 'altman', 'z'], code: 'required', message: figure, expected: 'a number or a numeric string', received: 'nothing' },
    ]);
    const j3 = json();
    j3.years[0].altman.zone = 5;
    expect(refusal(() => toFinancialFindings([zone] as never, j3)).issues).toEqual([
      { path: ['analysis', 'years', 0, 'altman', 'zone'], code: 'invalid_value', message: notAnalysis, received: '5' },
    ]);
  });
});
