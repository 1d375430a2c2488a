// chartRiskHeatMap asserted whole (src/charts/risk-heat-map.ts, spec.ts): every cell, the layers, the
// fields, the step and the warning, written out here from the matrix's definition (Cox's 3×3 and
// NIST SP 800-30's 5×5), so a changed colour, label, size or text fails a test.
import { describe, expect, it } from 'vitest';
import { defineRiskMatrix, nistSp80030, riskMatrix3x3 } from 'dealerkit';
import { chartRiskHeatMap } from 'dealerkit/charts';
import { thrown } from '../helpers.js';
import { CONFIG, SCHEMA } from './spec-parts.js';

const FIELDS = {
  cells: {
    likelihood: 'the likelihood label (rows, highest at the top)',
    impact: 'the impact label (columns, lowest at the left)',
    level: "the cell's risk level",
    rank: "the level's position, 0 = lowest",
    count: 'the findings in the cell',
    labels: "the findings' labels, comma-separated",
    text: 'what the cell shows: the count or the labels (empty when none)',
  },
};

const TOOLTIP = [{ field: 'likelihood' }, { field: 'impact' }, { field: 'level' }, { field: 'count', type: 'quantitative' }, { field: 'labels' }];

const cell = (likelihood: string, impact: string, level: string, rank: number, labels: string[] = [], text = labels.length === 0 ? '' : String(labels.length)) => ({
  likelihood,
  impact,
  level,
  rank,
  count: labels.length,
  labels: labels.join(', '),
  text,
});

describe('chartRiskHeatMap, whole', () => {
  it("Cox's 3×3 with three findings, counted", () => {
    // Cox's cells (likelihood rows low → high): low low low / low medium medium / low medium high.
    // Two findings in high × high, one unlabelled (#3, its position in the list) in low × medium.
    const spec = chartRiskHeatMap(riskMatrix3x3, [
      { likelihood: 'high', impact: 'high', label: 'licence' },
      { likelihood: 'high', impact: 'high', label: 'litigation' },
      { likelihood: 'low', impact: 'medium' },
    ]);
    const x = { field: 'impact', type: 'ordinal', sort: ['low', 'medium', 'high'], title: 'impact', axis: { labelAngle: 0 } };
    const y = { field: 'likelihood', type: 'ordinal', sort: ['high', 'medium', 'low'], title: 'likelihood' };
    expect(spec).toEqual({
      $schema: SCHEMA,
      description: 'The risk matrix 3×3 (Cox 2008): 3 likelihoods × 3 impacts coloured by level, with the count of findings in each cell.',
      title: { text: 'Risk matrix: 3×3 (Cox 2008)' },
      // 90 px per impact (270 > 240); 60 px per likelihood (180, the minimum).
      width: 270,
      height: 180,
      datasets: {
        cells: [
          cell('low', 'low', 'low', 0),
          cell('low', 'medium', 'low', 0, ['#3']),
          cell('low', 'high', 'low', 0),
          cell('medium', 'low', 'low', 0),
          cell('medium', 'medium', 'medium', 1),
          cell('medium', 'high', 'medium', 1),
          cell('high', 'low', 'low', 0),
          cell('high', 'medium', 'medium', 1),
          cell('high', 'high', 'high', 2, ['licence', 'litigation']),
        ],
      },
      layer: [
        {
          name: 'cells',
          data: { name: 'cells' },
          mark: { type: 'rect', stroke: '#ffffff', strokeWidth: 2 },
          // Three levels on the five-colour ramp: its ends and its middle (green, yellow, red).
          encoding: { x, y, color: { field: 'level', type: 'ordinal', scale: { domain: ['low', 'medium', 'high'], range: ['#2e7d32', '#fdd835', '#c62828'] }, title: 'level' }, tooltip: TOOLTIP },
        },
        { name: 'counts', data: { name: 'cells' }, mark: { type: 'text', fontSize: 14, fontWeight: 'bold', color: '#1b1f24' }, encoding: { x, y, text: { field: 'text' } } },
      ],
      config: CONFIG,
      usermeta: { dealerkit: { chart: 'risk-heat-map', fields: FIELDS, warnings: [], steps: [{ code: 'heat-map-cells', text: '3 findings placed in the 9 cells of the matrix (counted)' }] } },
    });
  });

  it("NIST's 5×5 listing the labels, sized and titled by the options", () => {
    const spec = chartRiskHeatMap(nistSp80030, [{ likelihood: 'moderate', impact: 'high', label: 'tax' }, { likelihood: 'moderate', impact: 'high', label: 'licence' }], { show: 'list' });
    // 5 impacts × 90 = 450 px wide, 5 likelihoods × 60 = 300 px high.
    expect([spec.width, spec.height]).toEqual([450, 300]);
    expect(spec.description).toBe(`The risk matrix ${nistSp80030.name}: 5 likelihoods × 5 impacts coloured by level, with the findings in each cell.`);
    expect(spec.layer[1]).toEqual({
      name: 'counts',
      data: { name: 'cells' },
      mark: { type: 'text', fontSize: 10, fontWeight: 'bold', color: '#1b1f24' },
      encoding: { x: (spec.layer[0] as { encoding: { x: unknown } }).encoding.x, y: (spec.layer[0] as { encoding: { y: unknown } }).encoding.y, text: { field: 'text' } },
    });
    const shown = spec.datasets.cells.filter((c) => c.count !== 0);
    // NIST SP 800-30 Rev. 1, Table I-2: moderate likelihood × high impact is a moderate risk (level 2 of 0–4).
    expect(shown).toEqual([{ likelihood: 'moderate', impact: 'high', level: 'moderate', rank: 2, count: 2, labels: 'tax, licence', text: 'tax, licence' }]);
    expect(spec.usermeta.dealerkit.steps).toEqual([{ code: 'heat-map-cells', text: '2 findings placed in the 25 cells of the matrix (labels listed)' }]);
    // Five levels take the ramp's five colours as they are (#fb8c00's blue 00 keeps its two digits).
    expect((spec.layer[0] as { encoding: { color: unknown } }).encoding.color).toEqual({
      field: 'level',
      type: 'ordinal',
      scale: { domain: ['very-low', 'low', 'moderate', 'high', 'very-high'], range: ['#2e7d32', '#9ccc65', '#fdd835', '#fb8c00', '#c62828'] },
      title: 'level',
    });
    const sized = chartRiskHeatMap(nistSp80030, undefined, { title: 'Partners 2026', width: 300, height: 200, show: 'count' });
    expect([sized.title, sized.width, sized.height]).toEqual([{ text: 'Partners 2026' }, 300, 200]);
    expect(sized.usermeta.dealerkit.warnings).toEqual([{ code: 'no-findings', message: 'no findings given: the matrix is drawn with its levels only' }]);
    expect(sized.usermeta.dealerkit.steps).toEqual([{ code: 'heat-map-cells', text: '0 findings placed in the 25 cells of the matrix (counted)' }]);
    expect(sized.datasets.cells.every((c) => c.count === 0 && c.text === '' && c.labels === '')).toBe(true);
  });

  it('four levels interpolate the ramp; a 2×2 keeps the minimum size', () => {
    const m = defineRiskMatrix({
      name: 'four',
      likelihood: ['rare', 'likely'],
      impact: ['minor', 'major'],
      levels: ['l1', 'l2', 'l3', 'l4'],
      cells: [
        ['l1', 'l2'],
        ['l3', 'l4'],
      ],
    });
    const spec = chartRiskHeatMap(m, [{ likelihood: 'likely', impact: 'major', label: 'x' }]);
    // 2 × 90 = 180 < 240 and 2 × 60 = 120 < 180: the minimum sizes.
    expect([spec.width, spec.height]).toEqual([240, 180]);
    // Ramp #2e7d32 #9ccc65 #fdd835 #fb8c00 #c62828 at 0, 4/3, 8/3, 4:
    // k=1: between #9ccc65 (156,204,101) and #fdd835 (253,216,53) at 1/3: 156+97/3 = 188.3 → bc, 204+12/3 = 208 → d0, 101−48/3 = 85 → 55.
    // k=2: between #fdd835 and #fb8c00 (251,140,0) at 2/3: 253−4/3 = 251.7 → fc, 216−76·2/3 = 165.3 → a5, 53−53·2/3 = 17.7 → 12.
    expect(((spec.layer[0] as { encoding: { color: { scale: unknown } } }).encoding.color.scale)).toEqual({ domain: ['l1', 'l2', 'l3', 'l4'], range: ['#2e7d32', '#bcd055', '#fca512', '#c62828'] });
    expect(spec.datasets.cells.map((c) => [c.likelihood, c.impact, c.level, c.rank, c.text])).toEqual([
      ['rare', 'minor', 'l1', 0, ''],
      ['rare', 'major', 'l2', 1, ''],
      ['likely', 'minor', 'l3', 2, ''],
      ['likely', 'major', 'l4', 3, '1'],
    ]);
    expect((spec.layer[0] as { encoding: { y: { sort: unknown } } }).encoding.y.sort).toEqual(['likely', 'rare']);
  });

  it('a matrix read back with one level is drawn red; a cell level outside the levels is refused by the risk engine', () => {
    // One level: the ramp's last colour.
    const one = { kind: 'risk-matrix', name: 'one', likelihood: ['a'], impact: ['b', 'c'], levels: ['only'], cells: [['only', 'only']] } as never;
    const spec = chartRiskHeatMap(one, [{ likelihood: 'a', impact: 'c' }]);
    expect(((spec.layer[0] as { encoding: { color: { scale: unknown } } }).encoding.color.scale)).toEqual({ domain: ['only'], range: ['#c62828'] });
    expect(spec.datasets.cells).toEqual([cell('a', 'b', 'only', 0), cell('a', 'c', 'only', 0, ['#1'])]);
    // A level the matrix does not list (a corrupted or hand-made matrix) is refused at the cell (issue 18, corrupted results).
    const stray = { kind: 'risk-matrix', name: 'one', likelihood: ['a'], impact: ['b', 'c'], levels: ['only'], cells: [['only', 'stray']] } as never;
    expect(thrown(() => chartRiskHeatMap(stray, [{ likelihood: 'a', impact: 'c' }])).issues[0]!.path).toEqual(['matrix', 'cells', 0, 1]);
  });

  it('every refusal names its path, its code and its text', () => {
    const issues = (fn: () => unknown) => thrown(fn).issues;
    expect(issues(() => chartRiskHeatMap({ kind: 'risk-matrix' } as never))).toEqual([{ path: ['matrix'], code: 'invalid_type', message: 'must be a risk matrix from defineRiskMatrix' }]);
    expect(issues(() => chartRiskHeatMap({ kind: 'other', cells: [] } as never))).toEqual([{ path: ['matrix'], code: 'invalid_type', message: 'must be a risk matrix from defineRiskMatrix' }]);
    expect(issues(() => chartRiskHeatMap([] as never))).toEqual([{ path: ['matrix'], code: 'invalid_type', message: 'must be a risk matrix from defineRiskMatrix' }]);
    expect(issues(() => chartRiskHeatMap(riskMatrix3x3, []))).toEqual([{ path: ['findings'], code: 'too_short', message: 'must hold at least one finding: an empty chart is never drawn', limit: '1' }]);
    expect(issues(() => chartRiskHeatMap(riskMatrix3x3, 'x' as never))).toEqual([{ path: ['findings'], code: 'invalid_type', message: 'must be a list of findings' }]);
    expect(issues(() => chartRiskHeatMap(riskMatrix3x3, [null as never]))).toEqual([{ path: ['findings', 0], code: 'invalid_type', message: 'must be a finding { likelihood, impact, label? }' }]);
    expect(issues(() => chartRiskHeatMap(riskMatrix3x3, [{ likelihood: 'low', impact: 'low' }, { likelihood: 'extreme', impact: 'hgh' }]))).toEqual([
      { path: ['findings', 1, 'likelihood'], code: 'unknown_label', message: "is not among the likelihood labels of the matrix ('low', 'medium', 'high')", received: '"extreme"' },
      { path: ['findings', 1, 'impact'], code: 'unknown_label', message: "is not among the impact labels of the matrix ('low', 'medium', 'high')", received: '"hgh"' },
    ]);
    // An unknown likelihood beside a known impact: an unknown label, the finding not placed.
    const l = thrown(() => chartRiskHeatMap(riskMatrix3x3, [{ likelihood: 'extreme', impact: 'low' }]));
    expect([l.code, l.issues]).toEqual(['unknown_label', [{ path: ['findings', 0, 'likelihood'], code: 'unknown_label', received: '"extreme"', message: "is not among the likelihood labels of the matrix ('low', 'medium', 'high')" }]]);
    const e = thrown(() => chartRiskHeatMap(riskMatrix3x3, [{ likelihood: 'low', impact: 'huge' }]));
    expect([e.code, e.issues[0]!.received]).toEqual(['unknown_label', '"huge"']);
  });
});
