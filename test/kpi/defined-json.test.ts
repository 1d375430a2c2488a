// A defined KPI scorecard read back from JSON (issue 18 part 1, KNOWN_OPEN 1 of the hostile run):
// accepted wherever the live scorecard is, with its results (the oracle, compared as JSON), and
// refused at the field when its weights disagree with the declared ones.
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
