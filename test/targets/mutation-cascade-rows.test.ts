import { describe, expect, it } from 'vitest';
import { Decimal } from 'dealerkit';
import { cascadeTargets, defineGregorianCalendar, type CascadeTargetRow, type CascadeTargetSpec } from 'dealerkit/targets';
import { errorOf, targets } from './helpers.js';

const spec: CascadeTargetSpec = { calendar: defineGregorianCalendar({ year: 2026 }), levels: ['quarter'], spread: 'even' };
const eight = new Decimal(8);

describe('cascadeTargets: rows whose total is already a Decimal are checked like any other', () => {
  it('refuses each bad row with its own path and code, and cascades the good one (8 / 4 = 2 each)', () => {
    const rows = [
      { id: 'A', total: eight, extra: 1 },
      { id: '', total: eight },
      { id: Number.NaN, total: eight },
      { id: Number.POSITIVE_INFINITY, total: eight },
      Object.assign([], { total: eight }),
      Object.assign(() => 0, { total: eight }),
      null,
      { id: 7, total: eight },
      { total: new Decimal(-1) },
    ] as unknown as CascadeTargetRow[];
    const r = cascadeTargets(spec, rows, { onError: 'collect' });
    expect(r.rows.map((row) => (row.ok ? targets(row.result!.periods) : row.error!.issues.map((i) => ({ ...i }))))).toEqual([
      [{ path: ['inputs', 'A', 'extra'], code: 'unknown_field', message: 'is not a known field', received: 'extra' }],
      [{ path: ['inputs', 1, 'id'], code: 'too_short', message: 'must not be empty', limit: '1' }],
      [{ path: ['inputs', 2, 'id'], code: 'invalid_type', message: 'does not match any accepted form, received NaN', received: 'NaN' }],
      [{ path: ['inputs', 3, 'id'], code: 'invalid_type', message: 'does not match any accepted form, received Infinity', received: 'Infinity' }],
      [{ path: ['inputs', 4], code: 'invalid_type', message: 'must be an object, received an array', expected: 'an object', received: 'an array' }],
      [{ path: ['inputs', 5], code: 'invalid_type', message: 'must be an object, received function', expected: 'an object', received: 'function' }],
      [{ path: ['inputs', 6], code: 'invalid_type', message: 'must be an object, received null', expected: 'an object', received: 'null' }],
      ['2', '2', '2', '2'],
      [{ path: ['inputs', 8, 'total'], code: 'out_of_range', message: 'must not be negative, received -1', expected: 'at least 0', received: '-1', limit: '0' }],
    ]);
    // Only the row of 8 was cascaded.
    expect([r.totals.total.toString(), r.totals.count, r.failed]).toEqual(['8', 1, 8]);
  });

  it('inputs that are not an array', () => {
    const e = errorOf(() => cascadeTargets(spec, 'x' as unknown as CascadeTargetRow[]));
    expect([e.code, e.issues.map((i) => ({ ...i }))]).toEqual(['invalid_input', [{ path: ['inputs'], code: 'invalid_type', message: 'must be an array of rows { id?, total }' }]]);
  });
});
