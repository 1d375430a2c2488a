import { describe, expect, it } from 'vitest';
import { DealerkitError, Decimal } from 'dealerkit';
import { cascadeHierarchy, cascadeTargets, defineGregorianCalendar, defineNrfCalendar, type CascadeTargetRow, type CascadeTargetSpec } from 'dealerkit/targets';
import { codesOf, errorOf, issuesOf, targets } from './helpers.js';

const spec: CascadeTargetSpec = { calendar: defineGregorianCalendar({ year: 2026 }), levels: ['quarter'], spread: 'even' };

describe('cascadeTargets: rows named by their ids', () => {
  it("returns each row's id with its cascade, and the totals over the rows", () => {
    const r = cascadeTargets(spec, [
      { id: 'D-117', total: 1000 },
      { id: 42, total: '402' },
      { total: 0 },
    ]);
    // 1,000 / 4 = 250; 402 / 4 = 100 remainder 2 (Q1 and Q2 get 101); 0.
    expect(r.rows.map((row) => [row.index, row.id, row.ok, targets(row.result!.periods)])).toEqual([
      [0, 'D-117', true, ['250', '250', '250', '250']],
      [1, 42, true, ['101', '101', '100', '100']],
      [2, null, true, ['0', '0', '0', '0']],
    ]);
    expect([r.totals.total.toString(), r.totals.count, r.failed, r.warnings]).toEqual(['1402', 3, 0, []]);
    expect(JSON.parse(JSON.stringify(r.steps))).toEqual([{ code: 'cascades', count: 3, total: '1402', text: '3 totals cascaded, summing to 1,402.' }]);
    // Each row's cascade is a full one, with its steps.
    expect(r.rows[1]!.result!.steps[1]!.text).toBe('2026: 402 over 4 quarters, evenly: 100 each; the 2 leftover units go one each to 2026-Q1 and 2026-Q2 (101).');
  });

  it('reports every bad row in one error, each path naming the row by its id', () => {
    const rows = [{ id: 'D-101', total: 100 }, { id: 'D-117', total: -5 }, { total: '1,000' }, { id: 'D-200', total: 1, scale: 2 }] as CascadeTargetRow[];
    const e = errorOf(() => cascadeTargets(spec, rows));
    expect(e.issues.map((i) => [i.path, i.code])).toEqual([
      [['inputs', 'D-117', 'total'], 'out_of_range'],
      [['inputs', 2, 'total'], 'not_a_number'],
      [['inputs', 'D-200', 'scale'], 'unknown_field'],
    ]);
    expect(e.message).toBe(
      '[dealerkit] inputs[D-117].total: must not be negative, received -5; inputs[2].total: must be a number or a numeric string, received "1,000": write 1000 without thousands separators; inputs[D-200].scale: is not a known field',
    );
  });

  it("onError: 'collect' returns every row with its result or error, and totals over the good rows", () => {
    const r = cascadeTargets(
      spec,
      [
        { id: 'D-101', total: 100 },
        { id: 'D-117', total: -5 },
        { id: 'D-118', total: '10.5' },
        { id: 'D-120', total: 300 },
      ],
      { onError: 'collect' },
    );
    expect(r.rows.map((row) => [row.id, row.ok])).toEqual([
      ['D-101', true],
      ['D-117', false],
      ['D-118', false],
      ['D-120', true],
    ]);
    expect(r.rows[1]!.error).toBeInstanceOf(DealerkitError);
    expect(r.rows[2]!.error!.message).toBe('[dealerkit] inputs[D-118].total: has more than 0 decimal places (10.5); round it to the scale first, or give rounding: { scale } for decimals');
    // 100 + 300 over the two good rows.
    expect([r.totals.total.toString(), r.totals.count, r.failed]).toEqual(['400', 2, 2]);
  });

  it('a repeated id, a hole, a row that is not an object, a bad id', () => {
    // eslint-disable-next-line no-sparse-arrays
    const rows = [{ id: 'A', total: 1 }, { id: 'A', total: 2 }, , 7, { id: {}, total: 1 }] as unknown as CascadeTargetRow[];
    expect(codesOf(() => cascadeTargets(spec, rows))).toEqual([
      ['inputs[A].id', 'duplicate'],
      ['inputs[2]', 'required'],
      ['inputs[3]', 'invalid_type'],
      ['inputs[4].id', 'invalid_type'],
    ]);
    expect(codesOf(() => cascadeTargets(spec, 'rows' as never))).toEqual([['inputs', 'invalid_type']]);
  });

  it('onProgress: called at most about 200 times, ending with (n, n)', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => ({ id: `D${i}`, total: i }));
    const calls: [number, number][] = [];
    cascadeTargets(spec, rows, { onProgress: (done, total) => calls.push([done, total]) });
    expect(calls.length).toBeLessThanOrEqual(200);
    expect(calls.length).toBeGreaterThan(1);
    expect(calls[calls.length - 1]).toEqual([1000, 1000]);
    expect(calls.every(([done], i) => i === 0 || done > calls[i - 1]![0])).toBe(true);
  });

  it("detail: 'summary' keeps every figure but no steps", () => {
    const full = cascadeTargets(spec, [{ id: 'D1', total: 402 }]);
    const summary = cascadeTargets(spec, [{ id: 'D1', total: 402 }], { detail: 'summary' });
    const f = full.rows[0]!.result!;
    const s = summary.rows[0]!.result!;
    expect(s.periods).toEqual(f.periods);
    expect([s.steps, f.steps.length]).toEqual([[], 2]);
    expect(summary.steps[0]!.text).toBe('1 total cascaded, summing to 402.');
    // The same under path 'direct' (the warnings stay) and with partial weeks.
    const weekly = cascadeTargets({ ...spec, levels: ['quarter', 'week'], weeks: 'split', path: 'direct' }, [{ total: 53 }], { detail: 'summary' });
    expect(weekly.rows[0]!.result!.steps).toEqual([]);
    expect(weekly.rows[0]!.result!.warnings.map((w) => w.code)).toEqual(['direct-differences']);
  });

  it('refuses bad options, naming the field', () => {
    expect(issuesOf(() => cascadeTargets(spec, [], { onErorr: 'collect' } as never))).toEqual(['options.onErorr: is not a known field; did you mean `onError`?']);
    expect(codesOf(() => cascadeTargets(spec, [], { onError: 'skip' } as never))).toEqual([['options.onError', 'invalid_value']]);
    expect(codesOf(() => cascadeTargets(spec, [], { detail: 'all' } as never))).toEqual([['options.detail', 'invalid_value']]);
    expect(codesOf(() => cascadeTargets(spec, [], { onProgress: 5 } as never))).toEqual([['options.onProgress', 'invalid_type']]);
    expect(codesOf(() => cascadeTargets({ ...spec, rounding: { scale: -1 } }, []))).toEqual([['rounding.scale', 'out_of_range']]);
  });

  it("takes the Decimal targets of cascadeHierarchy as they are, and still checks them", () => {
    const h = cascadeHierarchy({ id: 'brand', children: [{ id: 'D1', weight: 2 }, { id: 'D2', weight: 1 }] }, 900);
    const r = cascadeTargets(spec, h.root.children.map((d) => ({ id: d.id, total: d.target })));
    // 600 and 300 over four quarters.
    expect(r.rows.map((row) => [row.id, targets(row.result!.periods)])).toEqual([
      ['D1', ['150', '150', '150', '150']],
      ['D2', ['75', '75', '75', '75']],
    ]);
    const negative = new Decimal(-4);
    expect(codesOf(() => cascadeTargets(spec, [{ id: 'D3', total: negative }]))).toEqual([['inputs[D3].total', 'out_of_range']]);
    expect(codesOf(() => cascadeTargets(spec, [{ id: 'D4', total: new Decimal(4), weight: 1 } as CascadeTargetRow]))).toEqual([['inputs[D4].weight', 'unknown_field']]);
    expect(codesOf(() => cascadeTargets(spec, [{ id: '', total: new Decimal(4) }]))).toEqual([['inputs[0].id', 'too_short']]);
  });

  it('totals stay exact beyond 2^53 units', () => {
    const r = cascadeTargets({ ...spec, rounding: { scale: 2 } }, [{ total: '90071992547409.91' }, { total: '0.10' }, { total: '1000000000000000000000' }]);
    // 9,007,199,254,740,991 + 10 units, then 10^23 units more.
    expect(r.totals.total.toString()).toBe('1000000090071992547410.01');
  });

  it('an empty batch: no rows, a zero total', () => {
    const r = cascadeTargets({ calendar: defineNrfCalendar(2026), levels: ['month'], spread: 'even' }, []);
    expect([r.rows, r.totals.total.toString(), r.totals.count, r.steps[0]!.text]).toEqual([[], '0', 0, '0 totals cascaded, summing to 0.']);
  });
});
