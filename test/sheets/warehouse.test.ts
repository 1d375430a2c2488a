// The warehouse UDFs of docs/scale.md, run as written: each body is read from the guide, wrapped
// in a function of its declared arguments (as BigQuery and Snowflake do) and run in an empty
// node:vm context with the IIFE bundle, over 100,000 rows, against the ESM build.
import { readFileSync } from 'node:fs';
import { createContext, runInContext, type Context } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { Decimal, calculateRebate, defineRebateProgram, type RebateInput } from 'dealerkit';
import { lcg } from '../../bench/lib.js';
import { iifeCode } from './iife.js';

const ROWS = 100_000;
const guide = readFileSync('docs/scale.md', 'utf8');

/** The SQL block right after an HTML marker comment of the guide. */
function block(marker: string): string {
  const at = guide.indexOf(`<!-- ${marker} -->`);
  expect(at, marker).toBeGreaterThan(-1);
  const m = /```sql\n([\s\S]*?)```/.exec(guide.slice(at));
  return m![1]!;
}

/** The argument names of `CREATE ... FUNCTION name(a TYPE, b TYPE)`. */
function argumentsOf(sql: string): string[] {
  const m = /FUNCTION \w+\(([^)]*)\)/.exec(sql)!;
  return m[1]!.split(',').map((p) => p.trim().split(/\s+/)[0]!);
}

function between(sql: string, open: string, close: string): string {
  const start = sql.indexOf(open);
  const end = sql.indexOf(close, start + open.length);
  expect(start).toBeGreaterThan(-1);
  expect(end).toBeGreaterThan(start);
  return sql.slice(start + open.length, end);
}

// The guide's program, read from its JSON block.
const programJson = JSON.stringify(JSON.parse(/```json\n([\s\S]*?)```/.exec(guide)![1]!));

interface Row {
  sales: string;
  target: string | null;
}

// 100,000 dealer-quarters: sales in fen around their target (70 % to 130 %), a few refused rows.
const rows: Row[] = [];
const rand = lcg(20260301);
for (let i = 0; i < ROWS; i++) {
  const target = 100_000 + Math.floor(rand() * 9_900_000);
  const sales = ((target * (0.7 + 0.6 * rand())) / 1).toFixed(2);
  rows.push({ sales, target: String(target) });
}
rows[17] = { sales: '-5', target: '1000' };
rows[4242] = { sales: '1000', target: null };
rows[99_999] = { sales: '1e2', target: '0' };

/** What the UDF must return for a row, computed with the ESM build. */
function expected(row: Row): string {
  const program = defineRebateProgram(JSON.parse(programJson));
  const input: RebateInput = { sales: row.sales };
  if (row.target !== null) input.target = row.target;
  try {
    const r = calculateRebate(program, input);
    return JSON.stringify({ rebate: r.rebate, tier: r.tier.index + 1, nextGap: r.nextTier === null ? null : r.nextTier.salesGap });
  } catch (e) {
    return JSON.stringify({ error: (e as Error).message, code: (e as { code: string }).code });
  }
}

let esm: string[] = [];
let esmSum = new Decimal(0);

beforeAll(() => {
  const program = defineRebateProgram(JSON.parse(programJson));
  esm = rows.map((row) => {
    const input: RebateInput = { sales: row.sales };
    if (row.target !== null) input.target = row.target;
    try {
      const r = calculateRebate(program, input);
      esmSum = esmSum.plus(r.rebate);
      return JSON.stringify({ rebate: r.rebate, tier: r.tier.index + 1, nextGap: r.nextTier === null ? null : r.nextTier.salesGap });
    } catch (e) {
      return JSON.stringify({ error: (e as Error).message, code: (e as { code: string }).code });
    }
  });
});

function runAll(udf: (...args: unknown[]) => unknown): { out: string[]; sum: Decimal; ms: number } {
  const started = performance.now();
  const out = rows.map((row) => udf(programJson, row.sales, row.target) as string);
  const ms = performance.now() - started;
  let sum = new Decimal(0);
  for (const o of out) {
    const r = JSON.parse(o) as { rebate?: string };
    if (r.rebate !== undefined) sum = sum.plus(r.rebate);
  }
  return { out, sum, ms };
}

function checkResults(out: string[], sum: Decimal): void {
  // Row by row, the UDF's JSON is the ESM build's.
  let mismatches = 0;
  for (let i = 0; i < ROWS; i++) if (out[i] !== esm[i]) mismatches++;
  expect(mismatches).toBe(0);
  expect(sum.equals(esmSum)).toBe(true);
  expect(JSON.parse(out[17]!)).toEqual({ error: '[dealerkit] sales: must not be negative, received -5', code: 'out_of_range' });
  expect(JSON.parse(out[4242]!)).toEqual({ error: "[dealerkit] target: is required (basis 'attainment' divides by it)", code: 'invalid_input' });
  expect(JSON.parse(out[99_999]!).code).toBe('out_of_range');
  // Spot checks by hand: attainment 95 % → 1 %; 100 % → 2 % (a tier is reached at its from).
  expect(expected({ sales: '950000.00', target: '1000000' })).toBe('{"rebate":"9500","tier":2,"nextGap":"50000"}');
  expect(expected({ sales: '1000000', target: '1000000' })).toBe('{"rebate":"20000","tier":3,"nextGap":"100000"}');
}

describe('the BigQuery UDF of docs/scale.md', () => {
  const sql = block('bigquery-udf');
  const body = between(sql, 'AS r"""', '""";');
  let context: Context;

  beforeAll(() => {
    context = createContext({});
    // OPTIONS (library = [...]) loads the bundle into the UDF's context.
    runInContext(iifeCode(), context, { filename: 'dealerkit.iife.js' });
  });

  it('declares the arguments the body reads and loads the bundle as a library', () => {
    expect(argumentsOf(sql)).toEqual(['program_json', 'sales', 'target']);
    expect(sql).toContain("OPTIONS (library = ['gs://YOUR_BUCKET/dealerkit/dealerkit.iife.js'])");
  });

  it(`runs over ${ROWS.toLocaleString('en')} rows in a bare context: every row equals the ESM build, the sum is exact, the program is defined once`, () => {
    const udf = runInContext(`(function (${argumentsOf(sql).join(', ')}) {${body}\n})`, context) as (...args: unknown[]) => unknown;
    const { out, sum, ms } = runAll(udf);
    checkResults(out, sum);
    expect(runInContext('Object.keys(__dealerkitPrograms).length', context)).toBe(1);
    expect(runInContext('[typeof require, typeof process]', context)).toEqual(['undefined', 'undefined']);
    console.log(`BigQuery UDF body: ${ROWS} rows in ${ms.toFixed(0)} ms; rebates sum ${sum.toString()}`);
  });
});

/** Reads a Snowflake single-quoted string literal's content the way Snowflake does for the escapes the generator writes. */
function snowflakeString(literal: string): string {
  let out = '';
  for (let i = 0; i < literal.length; i++) {
    const c = literal[i]!;
    if (c === "'" && literal[i + 1] === "'") {
      out += "'";
      i++;
    } else if (c === '\\') {
      out += literal[i + 1]!;
      i++;
    } else if (c === "'") throw new Error(`an unescaped quote at ${i} ends the string early`);
    else out += c;
  }
  return out;
}

describe('the Snowflake UDF of docs/scale.md', () => {
  const sql = block('snowflake-udf');
  const template = between(sql, 'AS $$', '$$;');

  it('declares the arguments the body reads, and marks where the bundle goes', () => {
    expect(argumentsOf(sql)).toEqual(['program_json', 'sales', 'target']);
    expect(template).toContain('// @@DEALERKIT_IIFE@@');
  });

  it(`runs, as generated by snowflake-ddl.mjs, over ${ROWS.toLocaleString('en')} rows in a bare context, evaluating the bundle once`, () => {
    // The guide's generator, run on an in-memory file system; the bundle file gets a counter after it.
    const script = /<!-- snowflake-ddl -->\n```js\n([\s\S]*?)```/.exec(guide)![1]!.replace("import fs from 'node:fs';", '');
    const bundle = `${iifeCode()};\nglobalThis.__bundleRuns = (globalThis.__bundleRuns || 0) + 1;`;
    const files: Record<string, string> = {
      'node_modules/dealerkit/dist/dealerkit.iife.js': bundle,
      'dealer_rebate.template.sql': sql,
    };
    const fs = { readFileSync: (path: string) => files[path]!, writeFileSync: (path: string, text: string) => (files[path] = text) };
    new Function('fs', script)(fs);
    const ddl = files['dealer_rebate.sql']!;
    expect(ddl.startsWith('CREATE OR REPLACE FUNCTION dealer_rebate(program_json VARCHAR, sales VARCHAR, target VARCHAR)')).toBe(true);
    expect(ddl.endsWith("';\n")).toBe(true);
    const body = snowflakeString(ddl.slice(ddl.indexOf("AS '") + 4, ddl.length - 3));
    expect(body).toBe(template.replace('// @@DEALERKIT_IIFE@@', () => bundle));
    const context = createContext({});
    // Snowflake names the arguments in upper case inside the body.
    const udf = runInContext(`(function (${argumentsOf(sql).map((a) => a.toUpperCase()).join(', ')}) {${body}\n})`, context) as (...args: unknown[]) => unknown;
    const { out, sum, ms } = runAll(udf);
    checkResults(out, sum);
    expect(runInContext('__bundleRuns', context)).toBe(1);
    expect(runInContext('Object.keys(__dealerkitPrograms).length', context)).toBe(1);
    console.log(`Snowflake UDF body: ${ROWS} rows in ${ms.toFixed(0)} ms`);
  });
});
