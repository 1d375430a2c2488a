// runBatch and its helpers (src/core/batch.ts): row ids, duplicate ids, progress calls, the
// 1000-issue cap. Expected values are counted by hand in the comments.
import { describe, expect, it } from 'vitest';
import { DealerkitError, formatPath, toDecimal } from 'dealerkit';
import { batchOptionsOf, rowIdOf, rowKey, runBatch } from '../../src/core/batch.js';
import { invalid, outOfRange } from '../../src/core/errors.js';
import { thrown } from '../helpers.js';

const each = (row: { sales: unknown }): string => toDecimal(row.sales, 'sales').times(2).toString();
const collect = batchOptionsOf({ onError: 'collect' });

describe('rowIdOf and rowKey', () => {
  it('an id is a non-empty string or a finite number of the row itself; anything else is no id', () => {
    const inherited = Object.create({ id: 'P' }) as object;
    const cases: [unknown, string | number | null][] = [
      [{ id: 'A' }, 'A'],
      [{ id: 0 }, 0],
      [{ id: -1.5 }, -1.5],
      [{ id: '' }, null],
      [{ id: NaN }, null],
      [{ id: Infinity }, null],
      [{ id: true }, null],
      [{ id: null }, null],
      [{ id: { a: 1 } }, null],
      [{}, null],
      [inherited, null],
      [null, null],
      ['A', null],
      [7, null],
      [undefined, null],
    ];
    expect(cases.map(([row]) => rowIdOf(row))).toEqual(cases.map(([, id]) => id));
  });

  it('rowKey names a row by its id as text, else by its index', () => {
    expect(rowKey({ id: 'D-1' }, 4)).toBe('D-1');
    expect(rowKey({ id: 7 }, 4)).toBe('7');
    expect(rowKey({ id: '' }, 4)).toBe(4);
    expect(rowKey(null, 0)).toBe(0);
  });
});

describe('batchOptionsOf', () => {
  it('defaults to throw without progress; reads each field', () => {
    const progress = (): void => {};
    expect(batchOptionsOf(undefined)).toEqual({ onError: 'throw', onProgress: undefined });
    expect(batchOptionsOf({})).toEqual({ onError: 'throw', onProgress: undefined });
    expect(batchOptionsOf({ onError: 'throw' })).toEqual({ onError: 'throw', onProgress: undefined });
    expect(batchOptionsOf({ onError: 'collect', onProgress: progress })).toEqual({ onError: 'collect', onProgress: progress });
  });

  it('refuses an options value that is not an object, at the path given', () => {
    for (const bad of [null, [], 'x', 3]) {
      expect(thrown(() => batchOptionsOf(bad, ['opts'])).issues).toEqual([{ path: ['opts'], code: 'invalid_type', message: 'must be an object' }]);
    }
  });

  it('refuses an unknown onError and a progress that is not a function, with their texts', () => {
    expect(thrown(() => batchOptionsOf({ onError: 'skip' })).issues).toEqual([
      { path: ['options', 'onError'], code: 'invalid_value', message: "must be one of 'throw', 'collect', received \"skip\"", expected: "'throw' or 'collect'" },
    ]);
    expect(thrown(() => batchOptionsOf({ onError: null })).issues[0]!.message).toBe("must be one of 'throw', 'collect', received null");
    expect(thrown(() => batchOptionsOf({ onProgress: 'x' }, ['o'])).issues).toEqual([
      { path: ['o', 'onProgress'], code: 'invalid_type', message: 'must be a function (done, total) => void' },
    ]);
  });
});

describe('runBatch', () => {
  it('an empty batch gives no rows, no failures and no progress call', () => {
    const calls: number[] = [];
    expect(runBatch([], 'inputs', each, batchOptionsOf({ onProgress: (d: number) => calls.push(d) }))).toEqual({ rows: [], failed: 0 });
    expect(calls).toEqual([]);
  });

  it('every row, good and bad, with its index, id and result or error', () => {
    const run = runBatch([{ id: 'A', sales: 1 }, { id: 7, sales: 'x' }, { sales: 3 }], 'inputs', each, collect);
    expect(run.failed).toBe(1);
    expect(run.rows[0]).toEqual({ index: 0, id: 'A', ok: true, result: '2', error: null });
    expect(run.rows[2]).toEqual({ index: 2, id: null, ok: true, result: '6', error: null });
    const bad = run.rows[1]!;
    expect(bad).toMatchObject({ index: 1, id: 7, ok: false, result: null });
    expect(bad.error).toBeInstanceOf(DealerkitError);
    expect(bad.error!.issues.map((i) => i.path)).toEqual([['inputs', '7', 'sales']]);
    expect(bad.error!.code).toBe('invalid_input');
  });

  it('the index is passed to each row, and a throw that is not a DealerkitError becomes internal at the row', () => {
    const seen: number[] = [];
    const run = runBatch([{ a: 1 }, { id: 'B' }], 'rows', (_row: unknown, i: number) => {
      seen.push(i);
      if (i === 1) throw new TypeError('boom');
      return i;
    }, collect);
    expect(seen).toEqual([0, 1]);
    expect(run.rows[1]!.error!.toJSON()).toEqual({
      name: 'DealerkitError',
      code: 'internal',
      message: '[dealerkit] rows[B]: unexpected failure (TypeError: boom)',
      issues: [{ path: ['rows', 'B'], code: 'internal', message: 'unexpected failure (TypeError: boom)' }],
    });
  });

  it('ids are compared as text: 7 and "7" are the same id; the repeat names the first row', () => {
    const run = runBatch([{ id: 7, sales: 1 }, { id: 'x', sales: 1 }, { id: '7', sales: 2 }, { id: 'x', sales: 3 }], 'inputs', each, collect);
    expect(run.failed).toBe(2);
    expect(run.rows[2]!.error!.issues).toEqual([{ path: ['inputs', '7', 'id'], code: 'duplicate', message: 'repeats the id of row 0', received: '"7"' }]);
    expect(run.rows[3]!.error!.issues).toEqual([{ path: ['inputs', 'x', 'id'], code: 'duplicate', message: 'repeats the id of row 1', received: '"x"' }]);
  });

  it('finds every repeat among thousands of ids (the id table probes past collisions)', () => {
    // 5000 distinct ids, then the same 5000 again: each repeat names its first row.
    const ids = Array.from({ length: 5000 }, (_, i) => `D${i}`);
    const rows = [...ids, ...ids].map((id) => ({ id, sales: 1 }));
    const run = runBatch(rows, 'inputs', each, collect);
    expect(run.failed).toBe(5000);
    expect(run.rows.slice(0, 5000).every((r) => r.ok)).toBe(true);
    expect(run.rows.slice(5000).every((r, k) => !r.ok && r.error.issues[0]!.message === `repeats the id of row ${k}`)).toBe(true);
  });

  it('a hole is a required row named by its index, even where the rows have ids', () => {
    // eslint-disable-next-line no-sparse-arrays
    const run = runBatch([{ id: 'A', sales: 1 }, , { id: 'C', sales: 1 }], 'inputs', each, collect);
    expect(run.rows[1]).toMatchObject({ index: 1, id: null, ok: false, result: null });
    expect(run.rows[1]!.error!.issues).toEqual([{ path: ['inputs', 1], code: 'required', message: 'is missing (a hole in the array)' }]);
    // An undefined that is there is a row (and fails in `each`), not a hole.
    const present = runBatch([undefined], 'inputs', (r: unknown) => (r === undefined ? 'none' : 'some'), collect);
    expect(present.rows[0]).toEqual({ index: 0, id: null, ok: true, result: 'none', error: null });
  });

  it('throw mode: the first bad row gives the error its code; collect mode never throws', () => {
    const rows = [{ sales: 1 }, { sales: -1 }, { sales: 'x' }];
    const check = (row: { sales: unknown }): string => {
      const d = toDecimal(row.sales, 'sales');
      if (d.isNegative()) outOfRange(['sales'], 'must not be negative');
      return d.toString();
    };
    const e = thrown(() => runBatch(rows, 'inputs', check, batchOptionsOf(undefined)));
    expect(e.code).toBe('out_of_range');
    expect(e.issues.map((i) => [formatPath(i.path), i.code])).toEqual([
      ['inputs[1].sales', 'out_of_range'],
      ['inputs[2].sales', 'not_a_number'],
    ]);
    expect(runBatch(rows, 'inputs', check, collect).failed).toBe(2);
    expect(runBatch([{ sales: 1 }], 'inputs', check, batchOptionsOf(undefined)).failed).toBe(0);
  });

  it('rows that are not an array are refused at the label', () => {
    expect(thrown(() => runBatch('x', 'dealers', each, collect)).issues).toEqual([
      { path: ['dealers'], code: 'invalid_type', message: 'must be an array of rows' },
    ]);
  });
});

describe('runBatch: progress', () => {
  const progress = (n: number): number[] => {
    const calls: number[] = [];
    runBatch(Array.from({ length: n }, () => ({ sales: 1 })), 'rows', each, batchOptionsOf({ onProgress: (d: number, t: number) => {
      expect(t).toBe(n);
      calls.push(d);
    } }));
    return calls;
  };

  it('400 rows: every ceil(400/200) = 2 rows, 200 calls ending at 400', () => {
    const calls = progress(400);
    expect(calls).toEqual(Array.from({ length: 200 }, (_, k) => 2 * (k + 1)));
  });

  it('401 rows: every ceil(401/200) = 3 rows (3, 6, …, 399) and once more at 401', () => {
    const calls = progress(401);
    expect(calls).toEqual([...Array.from({ length: 133 }, (_, k) => 3 * (k + 1)), 401]);
  });

  it('3 rows: every row', () => {
    expect(progress(3)).toEqual([1, 2, 3]);
  });

  it('a progress callback that throws stops the batch with invalid_value at options.onProgress', () => {
    const e = thrown(() => runBatch([{ sales: 1 }], 'rows', each, batchOptionsOf({ onProgress: () => { throw 'halt'; } })));
    expect(e.issues).toEqual([{ path: ['options', 'onProgress'], code: 'invalid_value', message: 'threw an error: halt' }]);
  });
});

describe('runBatch: at most 1000 issues in one error', () => {
  const bad = (n: number, issuesPerRow = 1) =>
    thrown(() =>
      runBatch(Array.from({ length: n }, () => ({})), 'inputs', () => {
        invalid([], 'is bad');
        return issuesPerRow;
      }, batchOptionsOf(undefined)),
    );

  it('1000 bad rows: all 1000 issues listed, no summary line', () => {
    const e = bad(1000);
    expect(e.issues).toHaveLength(1000);
    expect(e.issues[999]).toEqual({ path: ['inputs', 999], code: 'invalid_value', message: 'is bad' });
  });

  it('1001 bad rows: 1000 listed and "1 more issue not listed"', () => {
    const e = bad(1001);
    expect(e.issues).toHaveLength(1001);
    expect(e.issues[1000]).toEqual({
      path: ['inputs'],
      code: 'invalid_value',
      message: "1 more issue not listed (1001 bad rows in all); use onError: 'collect' to see every row",
    });
  });

  it('collect mode keeps every row whatever the count', () => {
    const run = runBatch(Array.from({ length: 1002 }, () => ({ sales: 'x' })), 'inputs', each, collect);
    expect(run.failed).toBe(1002);
    expect(run.rows[1001]!.ok).toBe(false);
  });
});
