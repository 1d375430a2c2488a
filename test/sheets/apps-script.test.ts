// The generated Apps Script file plus the IIFE bundle, run in an empty node:vm context (no
// require, no process, no console: as bare as Apps Script's V8), must give the ESM build's results.
import { runInContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import * as esm from 'dealerkit';
import { appsScript } from '../tools/sheets-generate.js';
import { SHEET_FUNCTIONS } from 'dealerkit/sheets';
import { bareContext } from './iife.js';
import { SAMPLES } from './samples.js';

const gs = appsScript();

/** Runs an expression in the context and returns it as JSON (context objects belong to another realm). */
function run(context: object, expression: string): unknown {
  return JSON.parse(runInContext(`JSON.stringify(${expression})`, context) as string);
}

function thrownMessage(context: object, expression: string): string {
  return runInContext(`(function () { try { ${expression}; return 'no error'; } catch (e) { return e.message; } })()`, context) as string;
}

describe('Apps Script wrappers over the IIFE in a bare context', () => {
  it('the context really is bare: no require, process, module or Apps Script services', () => {
    const context = bareContext(gs);
    expect(run(context, '[typeof require, typeof process, typeof module, typeof SpreadsheetApp, typeof Utilities, typeof Dealerkit]')).toEqual([
      'undefined',
      'undefined',
      'undefined',
      'undefined',
      'undefined',
      'object',
    ]);
  });

  it('every manifest function gives the ESM build results on its samples', () => {
    const context = bareContext(gs);
    const esmFunctions = esm as unknown as Record<string, (...args: unknown[]) => unknown>;
    for (const f of SHEET_FUNCTIONS) {
      const samples = SAMPLES[f.exportName];
      expect(samples, `samples of ${f.exportName}`).toBeDefined();
      for (const args of samples!) {
        // Apps Script passes undefined for an omitted argument, where the samples say null.
        const js = args.map((a) => (a === null ? 'undefined' : JSON.stringify(a))).join(', ');
        expect(run(context, `${f.exportName}(${js})`), `${f.exportName}(${js})`).toEqual(esmFunctions[f.exportName]!(...args));
      }
    }
  });

  it('DK_SPLIT gives the ESM build results, with undefined for an omitted argument (what Apps Script passes)', () => {
    const context = bareContext(gs);
    expect(run(context, 'DK_SPLIT(100000000, [[1,1,1,1,1,1,1,1,1,1,1,1]])')).toEqual(esm.DK_SPLIT(100_000_000, [Array<number>(12).fill(1)]));
    expect(run(context, 'DK_SPLIT(100, [[1],[1],[1]], undefined)')).toEqual([[34], [33], [33]]);
    expect(run(context, 'DK_SPLIT(100, [[1],[1],[1]], 2)')).toEqual(esm.DK_SPLIT(100, [[1], [1], [1]], 2));
  });

  it('DK_REBATE, DK_REBATE_TIER and DK_REBATE_NEXTGAP give the ESM results', () => {
    const context = bareContext(gs);
    const tiers = [[0, 0.0025], [2000, 0.005], [5000, 0.015]];
    for (const amount of [0, 1999.99, 3456.78, 123456.78]) {
      for (const method of ['retroactive', 'incremental']) {
        const call = `(${amount}, ${JSON.stringify(tiers)}, '${method}')`;
        expect(run(context, `DK_REBATE${call}`)).toBe(esm.DK_REBATE(amount, tiers, method));
        expect(run(context, `DK_REBATE_TIER${call}`)).toBe(esm.DK_REBATE_TIER(amount, tiers, method));
        expect(run(context, `DK_REBATE_NEXTGAP${call}`)).toBe(esm.DK_REBATE_NEXTGAP(amount, tiers, method));
      }
    }
    expect(run(context, "DK_REBATE(123457, [[0, 0.015]], undefined, undefined, 'JPY')")).toBe(1852);
  });

  it('a failure is an Error whose message starts with the cell error and names the argument', () => {
    const context = bareContext(gs);
    expect(thrownMessage(context, "DK_SPLIT(100, [[1],['x']])")).toBe(
      '#VALUE! [dealerkit] weights[1]: must be a number, received "x" (row 2, column 1 of the range)',
    );
    expect(thrownMessage(context, 'DK_SPLIT(100, [[1]], 31)')).toBe('#NUM! [dealerkit] scale: must be from 0 to 30, received 31');
    expect(thrownMessage(context, "DK_REBATE(5, [[0, 0]], undefined, undefined, 'XYZ')")).toBe(
      '#N/A [dealerkit] currency: is not a currency this engine knows (ISO 4217), received "XYZ"',
    );
  });

  it('Date arguments created in the bare engine are read as UTC calendar dates when no spreadsheet time zone is known', () => {
    const context = bareContext(gs);
    expect(run(context, 'dealerkitDates_([[new Date(Date.UTC(2026, 2, 1, 23, 30)), 5]], dealerkitTimeZone_())')).toEqual([['2026-03-01T23:30:00.000Z', 5]]);
    expect(run(context, 'Dealerkit.toIsoDateFromSheet(new Date(Date.UTC(2026, 2, 1, 23, 30)))')).toBe('2026-03-01');
  });

  it("in Google Sheets, a date cell (midnight in the spreadsheet's zone) is read as that calendar date, not the UTC one", () => {
    // Stand-ins of the two Apps Script services the wrapper uses; Utilities.formatDate formats in a zone.
    const services = `
      var SpreadsheetApp = { getActiveSpreadsheet: function () { return { getSpreadsheetTimeZone: function () { return 'Asia/Shanghai'; } }; } };
      var Utilities = { formatDate: function (d, tz, pattern) {
        if (pattern !== 'yyyy-MM-dd') throw new Error('unexpected pattern');
        return new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
      } };`;
    const context = bareContext(gs, services);
    // 2026-03-01 00:00 in Shanghai is 2026-02-28T16:00Z: read in UTC it would be the 28th.
    expect(run(context, "dealerkitDates_([[new Date('2026-02-28T16:00:00Z')], ['x']], dealerkitTimeZone_())")).toEqual([['2026-03-01'], ['x']]);
    expect(run(context, "Dealerkit.toIsoDateFromSheet(dealerkitDates_(new Date('2026-02-28T16:00:00Z'), dealerkitTimeZone_()))")).toBe('2026-03-01');
  });

  it('DK_PACE with a Date argument: read as its UTC day in a bare engine, as the spreadsheet-zone day in Google Sheets', () => {
    const expected = esm.DK_PACE(1200, 2026, 'month', '2026-02-14', [[90, 120]]);
    expect(expected).toEqual([[150, 210, 1.4, -60, 1703]]);
    const bare = bareContext(gs);
    expect(run(bare, "DK_PACE(1200, 2026, 'month', new Date(Date.UTC(2026, 1, 14, 20, 0)), [[90, 120]])")).toEqual(expected);
    const services = `
      var SpreadsheetApp = { getActiveSpreadsheet: function () { return { getSpreadsheetTimeZone: function () { return 'America/Los_Angeles'; } }; } };
      var Utilities = { formatDate: function (d, tz) {
        return new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
      } };`;
    const sheets = bareContext(gs, services);
    // A date cell of 2026-02-14 in Los Angeles is midnight there: 2026-02-14T08:00Z.
    expect(run(sheets, "DK_PACE(1200, 2026, 'month', new Date('2026-02-14T08:00:00Z'), [[90, 120]])")).toEqual(expected);
    // The same instant read in UTC would also be the 14th; 23:30 in Los Angeles on the 13th is the 14th in UTC, but the 13th in the sheet.
    expect(run(sheets, "DK_PACE(1200, 2026, 'month', new Date('2026-02-14T07:30:00Z'), [[90, 120]])")).toEqual(esm.DK_PACE(1200, 2026, 'month', '2026-02-13', [[90, 120]]));
  });

  it('a broken SpreadsheetApp falls back to UTC instead of failing the formula', () => {
    const context = bareContext(gs, "var SpreadsheetApp = { getActiveSpreadsheet: function () { throw new Error('no access'); } }; var Utilities = {};");
    expect(run(context, 'dealerkitTimeZone_()')).toBeNull();
  });
});
