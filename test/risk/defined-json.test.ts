// A risk template and matrix read back from JSON (issue 18 part 1, KNOWN_OPEN 1 of the hostile run):
// the same assessment and heat maps as live, a generated matrix whose cells disagree refused at the
// cell; and KNOWN_OPEN 4: a control that is no object is reported at the item, not at an id in it.
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
