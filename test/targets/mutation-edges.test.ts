// Edges of the targets engine that no test of test/targets reached (measured with coverage over
// the targets tests alone, what the mutation run of src/targets executes): an explained result whose
// scale is out of range, a caller's own step kept as written, the first years a Gregorian fiscal
// start may take, whole month numbers, and the uplift list's length in singular and plural.
import { describe, expect, it } from 'vitest';
import { cascadeHierarchy, cascadeTarget, defineGregorianCalendar, defineRetailCalendar, explainCascade } from 'dealerkit';
import { thrown } from '../helpers.js';

// 100,000,000 over the 4 quarters of 2026, evenly: 25,000,000 each (DOMAIN.md's seeds).
const cascadeJson = (): { rounding: { scale: number }; steps: unknown[] } =>
  JSON.parse(JSON.stringify(cascadeTarget({ calendar: defineGregorianCalendar({ year: 2026 }), levels: ['quarter'], spread: 'even' }, 100000000)));

describe('explainCascade on a cascade read back from JSON', () => {
  it('a scale outside 0 to 30 is not a cascade dealerkit made', () => {
    for (const scale of [31, -1]) {
      const c = cascadeJson();
      c.rounding.scale = scale;
      const e = thrown(() => explainCascade(c as never));
      expect([e.code, e.issues.map((i) => [i.path, i.code]), e.message]).toEqual([
        'invalid_input',
        [[['cascade'], 'invalid_type']],
        '[dealerkit] cascade: must be a result of cascadeTarget',
      ]);
    }
    // 30 is the largest scale: the figures print with 30 places.
    const c = cascadeJson();
    c.rounding.scale = 30;
    expect(explainCascade(c as never)[1]).toBe(`2026: 100,000,000.${'0'.repeat(30)} over 4 quarters, evenly: 25,000,000.${'0'.repeat(30)} each.`);
  });
  it("a step of the caller's own (a code this engine does not write) keeps its own text", () => {
    const c = cascadeJson();
    c.steps.push({ code: 'note', text: 'Agreed with the regional managers on 2025-11-20.' });
    expect(explainCascade(c as never)).toEqual([
      '2026 (Gregorian, 2026-01-01 to 2026-12-31, 365 days): 100,000,000 cascaded to quarters, each level split exactly inside its parent by largest remainder.',
      '2026: 100,000,000 over 4 quarters, evenly: 25,000,000 each.',
      'Agreed with the regional managers on 2025-11-20.',
    ]);
  });
});

describe('calendars', () => {
  it('a Gregorian fiscal year may start in the years 1000 to 9000 (an April start runs 365 days in a common year)', () => {
    expect([defineGregorianCalendar({ start: '1000-04-01' }).days, defineGregorianCalendar({ start: '9000-04-01' }).days]).toEqual([365, 365]);
    for (const start of ['0999-04-01', '9001-04-01'] as const) {
      const e = thrown(() => defineGregorianCalendar({ start }));
      expect([e.code, e.message]).toEqual(['out_of_range', `[dealerkit] start: must be in the years 1000 to 9000, as a calendar year must, received "${start}"`]);
    }
  });
  it("a retail year's end month must be a whole month number", () => {
    const e = thrown(() => defineRetailCalendar({ fiscalYear: 2026, pattern: '4-4-5', yearEnd: { month: 1.5, weekday: 'saturday', rule: 'last' } }));
    expect([e.issues[0]!.path, e.issues[0]!.code, e.message]).toEqual([
      ['yearEnd', 'month'],
      'not_an_integer',
      '[dealerkit] yearEnd.month: must be a month number from 1 to 12, received 1.5',
    ]);
  });
});

describe('cascadeHierarchy: one uplift factor per level below the root', () => {
  it('2 factors for a tree of 1 level, 3 for a tree of 2 levels (singular and plural)', () => {
    const one = thrown(() => cascadeHierarchy({ id: 'b', children: [{ id: 'x', weight: 1 }] }, 100, { uplift: ['1.1', '1.2'] }));
    expect([one.issues[0]!.path, one.issues[0]!.code, one.message]).toEqual([
      ['options', 'uplift'],
      'too_long',
      '[dealerkit] options.uplift: has 2 factors but the tree has 1 level below the root',
    ]);
    const two = thrown(() => cascadeHierarchy({ id: 'b', children: [{ id: 'x', children: [{ id: 'y', weight: 1 }] }] }, 100, { uplift: ['1.1', '1.2', '1.3'] }));
    expect(two.message).toBe('[dealerkit] options.uplift: has 3 factors but the tree has 2 levels below the root');
  });
});
