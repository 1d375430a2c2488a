// The batch fast path (a scorecard that rounds its lines) at the edges of what it may take: a dealer
// it must hand to the general path (an actual for an unknown KPI, no target for a ratio), the
// percent-like warnings it must still raise (a target of exactly 1, bands on the raw actual), and
// the steps it shares between dealers of a batch. Expected figures and messages written by hand.
import { describe, expect, it } from 'vitest';
import { defineScorecard, scoreDealers } from 'dealerkit';

/** True when a result came from the fast path: its steps are an accessor, built on first read. */
const fast = (r: object | null | undefined) => typeof Object.getOwnPropertyDescriptor(r, 'steps')?.get === 'function';

const ratio = defineScorecard({
  kpis: [{ id: 'a', direction: 'higher', scoring: { type: 'ratio' } }],
  stages: { s: { weights: { a: 1 } } },
  rounding: { scale: 2 },
});

describe('the fast path hands these dealers to the general path, which refuses them', () => {
  it('an actual for a KPI the scorecard does not have; a ratio without a target', () => {
    const b = scoreDealers(ratio, [{ id: 'X', stage: 's', actuals: { a: 1, z: 2 }, targets: { a: 100 } } as never, { id: 'Y', stage: 's', actuals: { a: 1 } }], { onError: 'collect' });
    expect(b.rows.map((r) => [r.ok, r.error?.message])).toEqual([
      [false, '[dealerkit] inputs[X].actuals.z: is not a KPI of this scorecard (KPIs: a)'],
      [false, "[dealerkit] inputs[Y].targets: is required: a (scoring 'ratio') reads actual / target, and the scorecard gives no default target"],
    ]);
  });
});

describe('percent-like warnings on the fast path', () => {
  it('a target of exactly 1: fillRate 95 of 1 (write 0.95 for 95 %)', () => {
    const card = defineScorecard({
      kpis: [{ id: 'fillRate', direction: 'higher', scoring: { type: 'ratio' } }],
      stages: { s: { weights: { fillRate: 1 } } },
      rounding: { scale: 2 },
    });
    const b = scoreDealers(card, [{ stage: 's', actuals: { fillRate: 95 }, targets: { fillRate: 1 } }]);
    // 95 / 1 × 100 = 9,500 points.
    expect(fast(b.rows[0]!.result)).toBe(true);
    expect(b.rows[0]!.result!.score.toString()).toBe('9500');
    expect(b.rows[0]!.result!.warnings).toEqual([
      {
        code: 'percent-like-metric',
        message: 'fillRate is 95, but its name says it is a ratio and its target is 1: write 0.95 for 95 % (a ratio of 95 passes every threshold up to 1)',
        path: ['actuals', 'fillRate'],
      },
    ]);
  });

  it("bands on the raw actual starting at 0.5: conversionRate 40 (write 0.4 for 40 %)", () => {
    const card = defineScorecard({
      kpis: [{ id: 'conversionRate', direction: 'higher', scoring: { type: 'bands', bands: [{ from: 0, score: 0 }, { from: '0.5', score: 100 }] } }],
      stages: { s: { weights: { conversionRate: 1 } } },
      rounding: { scale: 2 },
    });
    const b = scoreDealers(card, [{ stage: 's', actuals: { conversionRate: 40 } }]);
    expect(fast(b.rows[0]!.result)).toBe(true);
    expect(b.rows[0]!.result!.score.toString()).toBe('100');
    expect(b.rows[0]!.result!.warnings).toEqual([
      {
        code: 'percent-like-metric',
        message: "conversionRate is 40, but its name says it is a ratio and its scoring's highest threshold is 0.5: write 0.4 for 40 % (a ratio of 40 passes every threshold up to 1)",
        path: ['actuals', 'conversionRate'],
      },
    ]);
  });
});

describe('steps shared between dealers of a batch', () => {
  it('actuals 32 and 1.6 on a default target of 100 keep their own lines', () => {
    const card = defineScorecard({
      kpis: [{ id: 'a', direction: 'higher', scoring: { type: 'ratio' }, target: 100 }],
      stages: { s: { weights: { a: 1 } } },
      rounding: { scale: 2 },
    });
    const b = scoreDealers(card, [
      { id: 'P', stage: 's', actuals: { a: 32 } },
      { id: 'Q', stage: 's', actuals: { a: 1.6 } },
      { id: 'R', stage: 's', actuals: { a: 32 } },
    ]);
    expect(b.rows.map((r) => fast(r.result))).toEqual([true, true, true]);
    // 32 / 100 × 100 = 32 points; 1.6 / 100 × 100 = 1.6 points.
    expect(b.rows.map((r) => r.result!.steps.find((s) => s.code === 'kpi-points')!.text)).toEqual([
      'a: 32 of 100 = 32.00 % → 32.00 points × 1 = 32.00',
      'a: 1.6 of 100 = 1.60 % → 1.60 points × 1 = 1.60',
      'a: 32 of 100 = 32.00 % → 32.00 points × 1 = 32.00',
    ]);
  });
});

describe('a plan whose grade minimum is too big for the scaled arithmetic', () => {
  it('a minimum of 10^15 (past 2^52 at 2 places) is left to the general path: 60 is Mid, not Top', () => {
    const card = defineScorecard({
      kpis: [{ id: 'a', direction: 'higher', scoring: { type: 'ratio' } }],
      stages: { s: { weights: { a: 1 } } },
      grades: [
        { min: '1000000000000000', grade: 'Top' },
        { min: 50, grade: 'Mid' },
      ],
      rounding: { scale: 2 },
    });
    // 60 / 100 × 100 = 60 points: below 10^15, at least 50 → Mid.
    const b = scoreDealers(card, [{ stage: 's', actuals: { a: 60 }, targets: { a: 100 } }]);
    expect([b.rows[0]!.result!.score.toString(), b.rows[0]!.result!.grade]).toEqual(['60', 'Mid']);
  });
});

describe('a stage with some weights past 9 places', () => {
  it('0.5, 0.25000000001 and 0.24999999999 (sum 1): the stage is scored on the general path, 100 on target', () => {
    const card = defineScorecard({
      kpis: ['a', 'b', 'c'].map((id) => ({ id, direction: 'higher' as const, scoring: { type: 'ratio' as const } })),
      stages: { s: { weights: { a: '0.5', b: '0.25000000001', c: '0.24999999999' } } },
      rounding: { scale: 2 },
    });
    // Every KPI on target: 100 points each; 100 × (0.5 + 0.25000000001 + 0.24999999999) = 100.
    const b = scoreDealers(card, [{ stage: 's', actuals: { a: 100, b: 100, c: 100 }, targets: { a: 100, b: 100, c: 100 } }]);
    expect(b.rows[0]!.result!.score.toString()).toBe('100');
    expect(fast(b.rows[0]!.result)).toBe(false);
  });
});
