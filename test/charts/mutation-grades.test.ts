// chartGradeDistribution asserted whole (src/charts/grade-distribution.ts): the counts, shares and
// label positions of each period, the layers, the colours, the fields and the step, derived here by hand.
import { describe, expect, it } from 'vitest';
import { defineScorecard } from 'dealerkit';
import { chartGradeDistribution } from 'dealerkit/charts';
import { thrown } from '../helpers.js';
import { CONFIG, SCHEMA } from './spec-parts.js';

const FIELDS = {
  grades: {
    period: 'the period (x axis, in input order)',
    grade: "the grade ('ungraded' below the lowest)",
    rank: "the grade's position, 0 = highest",
    count: 'dealers with that grade in the period',
    share: "their share of the period's dealers",
    mid: "the middle of the grade's part of the bar (where its count is printed)",
  },
};

const card = defineScorecard({
  kpis: [{ id: 'sales', direction: 'higher', scoring: { type: 'ratio' } }],
  stages: { growth: { weights: { sales: 1 } } },
  grades: [{ min: 100, grade: 'Gold' }, { min: 90, grade: 'Silver' }],
});
const g = (grade: string | null) => ({ grade });

describe('chartGradeDistribution, whole', () => {
  it('two periods, one dealer ungraded', () => {
    const spec = chartGradeDistribution(card, [
      { period: '2025-Q1', scores: [g('Gold'), g('Silver'), g(null), g('Gold')] },
      { period: '2025-Q2', scores: [g('Silver'), g('Silver')] },
    ]);
    const sort = ['2025-Q1', '2025-Q2'];
    const order = ['Gold', 'Silver', 'ungraded'];
    expect(spec).toEqual({
      $schema: SCHEMA,
      description: 'Dealers per grade in each of 2 periods, highest grade first.',
      title: { text: 'Grade distribution by period' },
      // 70 px a period is 140: the minimum width 240.
      width: 240,
      height: 260,
      datasets: {
        grades: [
          // Q1, 4 dealers: Gold 2 (½, its middle at 1), Silver 1 (¼, at 2 + ½), ungraded 1 (¼, at 3 + ½).
          { period: '2025-Q1', grade: 'Gold', rank: 0, count: 2, share: 0.5, mid: 1 },
          { period: '2025-Q1', grade: 'Silver', rank: 1, count: 1, share: 0.25, mid: 2.5 },
          { period: '2025-Q1', grade: 'ungraded', rank: 2, count: 1, share: 0.25, mid: 3.5 },
          // Q2, 2 dealers, both Silver: no Gold part, so Silver's middle is at 1.
          { period: '2025-Q2', grade: 'Silver', rank: 1, count: 2, share: 1, mid: 1 },
        ],
      },
      layer: [
        {
          name: 'grades',
          data: { name: 'grades' },
          mark: { type: 'bar' },
          encoding: {
            x: { field: 'period', type: 'ordinal', sort, title: null, axis: { labelAngle: 0 } },
            y: { field: 'count', type: 'quantitative', stack: 'zero', title: 'dealers', axis: { tickMinStep: 1 } },
            // The palette's first two colours for the two grades, grey for the ungraded.
            color: { field: 'grade', type: 'nominal', sort: order, scale: { domain: order, range: ['#1f4e79', '#e07b24', '#9e9e9e'] }, title: 'grade' },
            order: { field: 'rank', type: 'quantitative' },
            tooltip: [{ field: 'period' }, { field: 'grade' }, { field: 'count', type: 'quantitative' }, { field: 'share', type: 'quantitative', format: '.0%' }],
          },
        },
        {
          name: 'counts',
          data: { name: 'grades' },
          mark: { type: 'text', color: '#ffffff', fontSize: 10, fontWeight: 'bold' },
          encoding: { x: { field: 'period', type: 'ordinal', sort }, y: { field: 'mid', type: 'quantitative' }, text: { field: 'count', type: 'quantitative' } },
        },
      ],
      config: CONFIG,
      usermeta: { dealerkit: { chart: 'grade-distribution', fields: FIELDS, warnings: [], steps: [{ code: 'grade-counts', text: '6 graded dealers over 2 periods, counted per grade' }] } },
    });
  });

  it('no dealer ungraded: no grey; thirds to six places; four periods grow the chart; options', () => {
    const spec = chartGradeDistribution(card, [
      { period: 'P1', scores: [g('Silver'), g('Gold'), g('Gold')] },
      { period: 'P2', scores: [g('Gold')] },
      { period: 'P3', scores: [g('Gold')] },
      { period: 'P4', scores: [g('Silver')] },
    ]);
    // 4 × 70 = 280 > 240.
    expect(spec.width).toBe(280);
    expect(spec.layer[0]!.encoding).toMatchObject({ color: { field: 'grade', type: 'nominal', sort: ['Gold', 'Silver'], scale: { domain: ['Gold', 'Silver'], range: ['#1f4e79', '#e07b24'] }, title: 'grade' } });
    // P1: Gold 2 of 3 = 0.666667, Silver 1 of 3 = 0.333333 (six places).
    expect(spec.datasets.grades).toEqual([
      { period: 'P1', grade: 'Gold', rank: 0, count: 2, share: 0.666667, mid: 1 },
      { period: 'P1', grade: 'Silver', rank: 1, count: 1, share: 0.333333, mid: 2.5 },
      { period: 'P2', grade: 'Gold', rank: 0, count: 1, share: 1, mid: 0.5 },
      { period: 'P3', grade: 'Gold', rank: 0, count: 1, share: 1, mid: 0.5 },
      { period: 'P4', grade: 'Silver', rank: 1, count: 1, share: 1, mid: 0.5 },
    ]);
    expect(spec.usermeta.dealerkit.steps).toEqual([{ code: 'grade-counts', text: '6 graded dealers over 4 periods, counted per grade' }]);
    expect(spec.description).toBe('Dealers per grade in each of 4 periods, highest grade first.');
    const sized = chartGradeDistribution(card, [{ period: 'P', scores: [g('Gold')] }], { title: 'Network', width: 500, height: 400 });
    expect([sized.title, sized.width, sized.height]).toEqual([{ text: 'Network' }, 500, 400]);
  });

  it('every refusal names its path, its code and its text, all of them at once', () => {
    const grades = "is not a grade of the scorecard ('Gold', 'Silver') nor null";
    expect(thrown(() => chartGradeDistribution(card, [
      { period: 'Q1', scores: [g('Gold'), g('Bronze'), 7 as never, null as never, { grade: undefined } as never] },
      { period: 'Q2', scores: [g('Gold')] },
      { period: 'Q1', scores: [g('gold')] },
      { period: 'Q2', scores: [g('Gold')] },
    ])).issues).toEqual([
      { path: ['periods', 0, 'scores', 1, 'grade'], code: 'unknown_label', received: '"Bronze"', message: grades },
      // A score that is no object is refused at its place (issue 18, corrupted results: no path under a number).
      { path: ['periods', 0, 'scores', 2], code: 'invalid_type', message: 'must be a score { grade }' },
      { path: ['periods', 0, 'scores', 3], code: 'invalid_type', message: 'must be a score { grade }' },
      { path: ['periods', 0, 'scores', 4, 'grade'], code: 'unknown_label', message: grades },
      { path: ['periods', 2, 'period'], code: 'duplicate', received: '"Q1"', message: 'repeats the period of entry 0' },
      { path: ['periods', 2, 'scores', 0, 'grade'], code: 'unknown_label', received: '"gold"', message: grades },
      { path: ['periods', 3, 'period'], code: 'duplicate', received: '"Q2"', message: 'repeats the period of entry 1' },
    ]);
    // A duplicate period alone is an invalid input; a missing score (a hole in the list) is refused at its place.
    expect(thrown(() => chartGradeDistribution(card, [{ period: 'Q1', scores: [g('Gold')] }, { period: 'Q1', scores: [g('Gold')] }])).code).toBe('invalid_input');
    expect(thrown(() => chartGradeDistribution(card, [{ period: 'Q1', scores: [undefined as never] }])).issues).toEqual([{ path: ['periods', 0, 'scores', 0], code: 'invalid_type', message: 'must be a score { grade }' }]);
    const e = thrown(() => chartGradeDistribution(card, [{ period: 'Q1', scores: [g('x')] }]));
    expect([e.code, e.message]).toEqual(['unknown_label', `[dealerkit] periods[0].scores[0].grade: ${grades}`]);
    expect(thrown(() => chartGradeDistribution(null as never, [])).issues).toEqual([{ path: ['scorecard'], code: 'invalid_type', message: 'must be a scorecard from defineScorecard' }]);
    expect(thrown(() => chartGradeDistribution({ grades: 'x' } as never, [])).issues).toEqual([{ path: ['scorecard'], code: 'invalid_type', message: 'must be a scorecard from defineScorecard' }]);
    expect(thrown(() => chartGradeDistribution(card, [])).issues).toEqual([{ path: ['periods'], code: 'too_short', limit: '1', message: 'must hold at least one period: an empty chart is never drawn' }]);
    expect(thrown(() => chartGradeDistribution(card, [3 as never])).issues).toEqual([{ path: ['periods', 0], code: 'invalid_type', message: 'must be a period { period, scores }' }]);
    expect(thrown(() => chartGradeDistribution(card, [{ period: 'Q', scores: {} as never }])).issues).toEqual([{ path: ['periods', 0, 'scores'], code: 'invalid_type', message: 'must be a list of scores' }]);
    expect(thrown(() => chartGradeDistribution(card, [{ period: 'Q', scores: [] }])).issues).toEqual([{ path: ['periods', 0, 'scores'], code: 'too_short', limit: '1', message: 'must hold at least one score: an empty chart is never drawn' }]);
  });
});
