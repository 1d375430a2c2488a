// Regressions of KNOWN_OPEN items 1 and 4 of the hostile-input run (issue 18 part 1).
//
// 1. A defined object (rebate program, targets calendar, KPI scorecard, risk template and matrix)
//    that went out as JSON is accepted back wherever the live object is, and gives the same result:
//    the oracle is the live object's own result, compared as JSON (figures as strings). A JSON whose
//    derived fields disagree with the rest is refused at the field, with the issue code
//    `inconsistent`, never used silently and never `internal`.
// 4. A control that is no object is reported at the list item, not at an `id` inside it.
import { describe, expect, it } from 'vitest';
import * as dk from 'dealerkit';
import { DealerkitError } from 'dealerkit';
import { thrown } from '../helpers.js';

/** What JSON makes of a value: Decimals become their plain text. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const json = (v: unknown): any => JSON.parse(JSON.stringify(v));
const where = (e: DealerkitError) => e.issues.map((i) => [i.path.join('.'), i.code, i.message]);
/** The message of a derived field that disagrees (core/defined.ts), written out here. */
const disagrees = (what: string, received: string, expected: string) =>
  `is ${received}, but ${what} defined again from this JSON has ${expected}: a field derived from the others must agree with them`;

describe('a rebate program read back from JSON gives the live program’s results', () => {
  const spec = {
    name: 'Dealer volume 2026',
    currency: 'EUR',
    rounding: { stage: 'line' as const },
    basis: 'amount' as const,
    method: 'retroactive' as const,
    tiers: [{ from: 0 }, { from: 5000, rate: '0.02', name: 'Silver', benefits: { brandFund: 100 } }, { from: 20000, rate: '0.04', name: 'Gold' }],
    gates: [{ metric: 'kpiScore', op: '>=' as const, value: 80, onFail: { factor: '0.5' } }],
    multipliers: [{ metric: 'turnover', bands: [{ from: 0, factor: 1 }, { from: 6, factor: '1.1' }] }],
    cap: { amount: 1000 },
    settlement: { advance: 'cumulative' as const, negativeTrueUp: 'clawback' as const },
  };
  const program = dk.defineRebateProgram(spec);
  const input = { sales: 6500, metrics: { kpiScore: 70, turnover: 7 } };

  it('calculateRebate: the same result, whose figures are derived by hand', () => {
    const live = dk.calculateRebate(program, input);
    const back = dk.calculateRebate(json(program), input);
    expect(json(back)).toEqual(json(live));
    // 6,500 reaches Silver (from 5,000): 2 % × 6,500 = 130; the failed gate halves it to 65;
    // turnover 7 is in the band from 6: × 1.1 = 71.50; below the cap of 1,000.
    expect(back.rebate.toFixed(2)).toBe('71.50');
  });

  it('calculateRebates, settleRebate, accrueRebate and chartRebateCurve: the same results', () => {
    const rows = [{ id: 'D1', sales: 900, metrics: { kpiScore: 100, turnover: 0 } }, { id: 'D2', ...input }, { id: 'D3', sales: 25000, metrics: { kpiScore: 90, turnover: 2 } }];
    expect(json(dk.calculateRebates(json(program), rows))).toEqual(json(dk.calculateRebates(program, rows)));
    const settlement = { periods: [{ period: 'Q1', sales: 4000 }, { period: 'Q2', sales: 3000 }], metrics: { kpiScore: 85, turnover: 1 } };
    expect(json(dk.settleRebate(json(program), settlement))).toEqual(json(dk.settleRebate(program, settlement)));
    expect(json(dk.chartRebateCurve(json(program), input))).toEqual(json(dk.chartRebateCurve(program, input)));
  });

  it('a program with upTo bounds: the same result (its lower bounds are the derived ones)', () => {
    const units = dk.defineRebateProgram({
      currency: 'USD', rounding: { stage: 'line' }, basis: 'quantity', method: 'incremental',
      tiers: [{ upTo: 5, perUnit: 7 }, { upTo: 10, perUnit: 6 }, { upTo: null, perUnit: 5 }],
    });
    const back = dk.calculateRebate(json(units), { quantity: 12 });
    expect(json(back)).toEqual(json(dk.calculateRebate(units, { quantity: 12 })));
    // 5 × 7 + 5 × 6 + 2 × 5 = 35 + 30 + 10 = 75.
    expect(back.rebate.toString()).toBe('75');
  });

  const refused: [string, (p: ReturnType<typeof json>) => void, string, string, string][] = [
    ['a tier’s `to` that is not the next tier’s `from`', (p) => (p.tiers[0].to = '6000'), 'program.tiers.0.to', 'inconsistent', disagrees('the rebate program', '6000', '5000')],
    ['a tier’s `index` that is not its position', (p) => (p.tiers[1].index = 5), 'program.tiers.1.index', 'inconsistent', disagrees('the rebate program', '5', '1')],
    ['warnings left out', (p) => (p.warnings = []), 'program.warnings', 'inconsistent', disagrees('the rebate program', 'a list of 0 items', 'a list of 1 item')],
    // A gate that zeroes has the factor 0: `zero: true` beside the factor 0.5 contradicts itself.
    ['a gate that zeroes but keeps its factor', (p) => (p.gates[0].zero = true), 'program.gates.0.failFactor', 'inconsistent', disagrees('the rebate program', '0.5', '0')],
    ['a ratioScale that is no scale', (p) => (p.ratioScale = -1), 'program.ratioScale', 'out_of_range', 'must be at least 0, received -1'],
    ['a ratioScale of the wrong type', (p) => (p.ratioScale = '10'), 'program.ratioScale', 'invalid_type', 'must be a number, received "10"'],
    ['tiers out of order', (p) => (p.tiers[2].from = '1000'), 'program.tiers.2.from', 'not_ascending', 'must be greater than tiers[1].from (5000); list tiers in ascending order'],
    ['a benefit with more decimals than the money', (p) => (p.tiers[1].benefits[0].amount = '100.001'), 'program.tiers.1.benefits.0.amount', 'invalid_value', 'has more decimal places than the money scale (2), received 100.001'],
    ['a field a defined program never has', (p) => (p.extra = 1), 'program.extra', 'unknown_field', 'is not a known field'],
  ];
  it.each(refused)('refuses %s at its path', (_label, tamper, path, code, message) => {
    const p = json(program);
    tamper(p);
    expect(where(thrown(() => dk.calculateRebate(p, input)))).toEqual([[path, code, message]]);
  });

  it('a spec field edited in the JSON is an edited program, not a contradiction: a new valid ratioScale is honoured', () => {
    const attainment = dk.defineRebateProgram({ currency: 'EUR', rounding: { stage: 'line' }, basis: 'attainment', method: 'retroactive', tiers: [{ from: 0 }, { from: '0.3', rate: '0.01' }] });
    const p = json(attainment);
    expect(p.ratioScale).toBe(10);
    p.ratioScale = 4;
    // 1,000 / 3,000 = 0.3333…: 0.3333333333 at the default 10 places, 0.3333 at 4.
    expect(String(dk.calculateRebate(attainment, { sales: 1000, target: 3000 }).basisValue)).toBe('0.3333333333');
    expect(String(dk.calculateRebate(p, { sales: 1000, target: 3000 }).basisValue)).toBe('0.3333');
  });

  it('compareRebatePrograms reads programs back from JSON at their index', () => {
    const p = json(program);
    p.tiers[0].to = '1';
    const e = thrown(() => dk.compareRebatePrograms([program, p], [{ id: 'A', sales: 6500 }], [{ name: 'flat' }]));
    expect(e.issues.map((i) => [i.path.join('.'), i.code])).toEqual([['programs.1.tiers.0.to', 'inconsistent']]);
  });
});

describe('a KPI scorecard read back from JSON gives the live scorecard’s results', () => {
  const card = dk.defineScorecard({
    kpis: [
      { id: 'sales', label: 'Sales', direction: 'higher', scoring: { type: 'ratio', cap: 150 } },
      { id: 'share', direction: 'higher', scoring: { type: 'ratio' }, target: 5 },
    ],
    // Declared 2 : 3, divided by their sum: 0.4 and 0.6.
    stages: { launch: { weights: { sales: 2, share: 3 } }, growth: { weights: { sales: '0.5', share: '0.5' } } },
    normalize: true,
    grades: [{ min: 100, grade: 'Gold' }, { min: 90, grade: 'Silver' }],
    rounding: { scale: 2 },
  });
  const dealer = { stage: 'launch', actuals: { sales: 9_500_000, share: 6 }, targets: { sales: 10_000_000 } };

  it('carries its kind, and scoreDealer and scoreDealers give the same results', () => {
    expect(json(card).kind).toBe('kpi-scorecard');
    const back = dk.scoreDealer(json(card), dealer);
    expect(json(back)).toEqual(json(dk.scoreDealer(card, dealer)));
    // sales 95 % × 0.4 = 38; share 6 / 5 = 120 % × 0.6 = 72; score 110: Gold.
    expect([back.score.toString(), back.grade]).toEqual(['110', 'Gold']);
    const rows = [{ id: 'D1', ...dealer }, { id: 'D2', ...dealer, stage: 'growth' }];
    expect(json(dk.scoreDealers(json(card), rows))).toEqual(json(dk.scoreDealers(card, rows)));
  });

  const refused: [string, (c: ReturnType<typeof json>) => void, string, string, string][] = [
    ['weights that do not follow from the declared ones', (c) => (c.stages.launch.weights.sales = '0.5'), 'scorecard.stages.launch.weights.sales', 'inconsistent', disagrees('the scorecard', '0.5', '0.4')],
    ['a stage marked normalised whose weights summed to 1', (c) => (c.stages.growth.normalized = true), 'scorecard.stages.growth.normalized', 'inconsistent', disagrees('the scorecard', 'true', 'false')],
    ['a declared weight below 0', (c) => (c.stages.launch.declaredWeights.sales = -1), 'scorecard.stages.launch.declaredWeights.sales', 'out_of_range', 'must not be negative, received -1'],
    ['a label that is no text', (c) => (c.kpis[0].label = 5), 'scorecard.kpis.0.label', 'invalid_type', 'must be a string, received 5'],
  ];
  it.each(refused)('refuses %s at its path', (_label, tamper, path, code, message) => {
    const c = json(card);
    tamper(c);
    expect(where(thrown(() => dk.scoreDealer(c, dealer)))).toEqual([[path, code, message]]);
  });
});

describe('a targets calendar read back from JSON gives the live calendar’s cascade', () => {
  const calendars = {
    'a calendar year': dk.defineGregorianCalendar({ year: 2026 }),
    'a fiscal year from April': dk.defineGregorianCalendar({ start: '2025-04-01' }),
    'NRF 2023 (53 weeks)': dk.defineNrfCalendar(2023),
    'a restated 53-week retail year': dk.defineRetailCalendar({ fiscalYear: 2023, pattern: '4-4-5', yearEnd: { weekday: 'saturday', rule: 'last', month: 12 }, leapWeek: 'restate' }),
  };
  it.each(Object.entries(calendars))('%s: the same cascade', (_name, calendar) => {
    expect(json(calendar).kind).toBe('target-calendar');
    const spec = { calendar, levels: ['quarter', 'month', 'week'] as const, spread: 'days' as const, ...(calendar.system === 'gregorian' ? { weeks: 'split' as const } : {}) };
    const live = dk.cascadeTarget({ ...spec, levels: [...spec.levels] }, 1200);
    expect(json(dk.cascadeTarget(json(spec), 1200))).toEqual(json(live));
    expect(json(dk.cascadeTargets(json(spec), [{ id: 'D1', total: 1200 }]))).toEqual(json(dk.cascadeTargets({ ...spec, levels: [...spec.levels] }, [{ id: 'D1', total: 1200 }])));
  });

  it('the even monthly cascade of a calendar year read back: 100 a month', () => {
    const r = dk.cascadeTarget({ calendar: json(calendars['a calendar year']), levels: ['month'], spread: 'even' }, 1200);
    expect(json(r).periods.map((p: { target: string }) => p.target)).toEqual(new Array(12).fill('100'));
  });

  const nrf = () => json(dk.defineNrfCalendar(2026));
  const refused: [string, (c: ReturnType<typeof json>) => void, string, string, string][] = [
    // NRF fiscal 2026 ends on the Saturday nearest 31 January 2027; its Q1 (4-5-4 weeks) ends 2026-05-02.
    ['a quarter whose end is not its months’', (c) => (c.quarters[0].end = '2026-05-01'), 'calendar.quarters.0.end', 'inconsistent', disagrees('the calendar', '"2026-05-01"', '"2026-05-02"')],
    ['a period id of another year', (c) => (c.period = 'FY2027'), 'calendar.period', 'inconsistent', disagrees('the calendar', '"FY2027"', '"FY2026"')],
    ['a week left out', (c) => c.weeks.pop(), 'calendar.weeks', 'inconsistent', disagrees('the calendar', 'a list of 51 items', 'a list of 52 items')],
    ['a retail week with an ISO week', (c) => (c.weeks[0].isoYear = 2026), 'calendar.weeks.0.isoYear', 'inconsistent', disagrees('the calendar', '2026', 'nothing')],
    ['a retail calendar without its rules', (c) => (c.retail = null), 'calendar.retail', 'invalid_type', 'is required in a retail calendar: its pattern, yearEnd, leapWeek and naming, received null'],
    ['a retail pattern that is none', (c) => (c.retail.pattern = '4-4-4'), 'calendar.retail.pattern', 'invalid_value', 'must be one of \'4-4-5\', \'4-5-4\', \'5-4-4\', received "4-4-4"'],
  ];
  it.each(refused)('refuses %s at its path', (_label, tamper, path, code, message) => {
    const c = nrf();
    tamper(c);
    expect(where(thrown(() => dk.cascadeTarget({ calendar: c, levels: ['month'], spread: 'even' }, 100)))).toEqual([[path, code, message]]);
  });
});

describe('a risk template read back from JSON gives the live template’s assessment', () => {
  const matrix = dk.defineRiskMatrix({ name: 'generated', likelihood: ['low', 'medium', 'high'], impact: ['low', 'medium', 'high'], levels: ['green', 'amber', 'red'], scoring: { type: 'product', thresholds: [3, 9] } });
  const template = dk.defineRiskTemplate({ name: 'mini', factors: [{ id: 'a', category: 'background', matrix }, { id: 'b', category: 'financial', matrix }] });
  const policy = dk.defineRiskPolicy({
    levels: ['green', 'amber', 'red'], scores: { green: 1, amber: 2, red: 3 }, overall: { method: 'max' },
    decision: { approveUpTo: 'green', conditionalUpTo: 'amber', escalateUpTo: 'red' }, reviewCadenceDays: { green: 365, amber: 180, red: 90 },
  });
  const partner = { id: 'P', findings: [{ factor: 'a', likelihood: 'high', impact: 'low' }, { factor: 'b', likelihood: 'low', impact: 'low' }] };

  it('one heat map for the matrix the factors share, as live (matrices are grouped by what they hold)', () => {
    const live = dk.assessPartner({ template, policy }, partner, { asOf: '2026-03-01' });
    const back = dk.assessPartner(json({ template, policy }), partner, { asOf: '2026-03-01' });
    expect(json(back)).toEqual(json(live));
    // Both factors sit on the one generated matrix: a (high × low = 3 × 1 = 3: amber), b (1 × 1 = 1: green).
    expect(back.heatMap.map((m) => m.matrix)).toEqual(['generated']);
    expect(dk.assessPartners(json({ template, policy }), [partner], { asOf: '2026-03-01' })).toEqual(dk.assessPartners({ template, policy }, [partner], { asOf: '2026-03-01' }));
    // The seeds' catalogue: 24 factors on NIST SP 800-30, one heat map live and read back.
    const dd = { template: dk.dealerDueDiligence, policy: dk.dealerDueDiligencePolicy };
    const seedPartner = { id: 'C9', findings: [{ factor: 'registration', likelihood: 'very-low', impact: 'very-high' }] };
    expect(json(dk.assessPartner(json(dd), seedPartner, { asOf: '2026-03-01' }))).toEqual(json(dk.assessPartner(dd, seedPartner, { asOf: '2026-03-01' })));
    expect(dk.assessPartner(json(dd), seedPartner, { asOf: '2026-03-01' }).heatMap).toHaveLength(1);
  });

  it('refuses a generated matrix whose cells disagree with its scoring, at the cell', () => {
    const cfg = json({ template, policy });
    // Low × low scores 1 × 1 = 1, below the first threshold 3: green, not red.
    cfg.template.factors[1].matrix.cells[0][0] = 'red';
    expect(where(thrown(() => dk.assessPartner(cfg, partner, { asOf: '2026-03-01' })))).toEqual([
      ['config.template.factors.1.matrix.cells.0.0', 'inconsistent', disagrees('the risk matrix', '"red"', '"green"')],
    ]);
  });
});

describe('assessPartner: a control that is no object is reported at the item (KNOWN_OPEN 4)', () => {
  const config = { template: dk.dealerDueDiligence, policy: dk.dealerDueDiligencePolicy };
  const finding = { factor: 'credit-rating', likelihood: 'high', impact: 'high', controls: [{ id: 'bank-guarantee' }], residual: { likelihood: 'moderate', impact: 'high' } };

  it('a string, null, a number or a list as a control: invalid_type at controls[j]', () => {
    for (const [control, received] of [['bank-guarantee', '"bank-guarantee"'], [null, 'null'], [3, '3'], [['x'], 'an array']] as const) {
      const e = thrown(() => dk.assessPartner(config, { id: 'P', findings: [finding, { ...finding, factor: 'liquidity', controls: [{ id: 'ok' }, control] }] } as never, { asOf: '2026-03-01' }));
      expect(where(e)).toEqual([['findings.1.controls.1', 'invalid_type', `must be a control ({ id }), received ${received}`]]);
    }
    const rows = thrown(() => dk.assessPartners(config, [{ id: 'P', findings: [{ ...finding, controls: ['x'] }] }] as never, { asOf: '2026-03-01' }));
    expect(rows.issues.map((i) => [i.path.join('.'), i.code])).toEqual([['partners.P.findings.0.controls.0', 'invalid_type']]);
  });

  it('an object without a usable id is still reported at its id', () => {
    const e = thrown(() => dk.assessPartner(config, { id: 'P', findings: [{ ...finding, controls: [{ id: 7 }] }] } as never, { asOf: '2026-03-01' }));
    expect(where(e)).toEqual([['findings.0.controls.0.id', 'invalid_type', 'must be a non-empty control id']]);
  });
});
