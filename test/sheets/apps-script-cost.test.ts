// What a recalculation of 1,000 cells costs in Google Sheets, measured in node:vm with the bundle
// the guide recommends (examples/google-sheets/README.md): the rebates engine's Apps Script bundle
// and its wrapper file, against the all-in-one IIFE.
//
// Google Sheets makes a separate call to the Apps Script server for each cell that holds a custom
// function (Google's guide, "Custom Functions in Google Sheets", Optimization), and every call runs
// the project's global code, here the whole bundle, before the function. So a cell costs one load
// of the bundle plus one call; each cell below gets a fresh, empty context, loads the bundle and
// the wrappers, and computes =DK_REBATE(amount, tiers, "incremental") for its own amount.
// What node:vm cannot show: the round trip to Google's servers per cell, and Apps Script's V8,
// which runs on shared servers and is slower than node on this machine. The figure printed is
// the part of the cost the bundle decides, a lower bound.
import { performance } from 'node:perf_hooks';
import { createContext, runInContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { DK_REBATE } from 'dealerkit/sheets';
import { ALL_IN_ONE, appsScript, engineBundle, engineFunctions, engineLibrary } from '../tools/sheets-generate.js';
import { iifeCode } from './iife.js';

const CELLS = 1000;
// The all-in-one IIFE is only the comparison: a tenth of the cells, scaled, keeps the test under a minute.
const CELLS_ALL_IN_ONE = 100;
const TIERS = [['from', 'rate'], [0, 0.0025], [2000, 0.005], [5000, 0.015]];
const amountOf = (cell: number) => 1000 + cell * 137.25;

interface Recalculation {
  totalMs: number;
  loadMs: number;
  callMs: number;
  results: number[];
}

/** Recalculates `cells` cells, each as Apps Script runs it: a fresh global, the project's files, one call. */
function recalculate(bundle: string, wrappers: string, cells: number): Recalculation {
  let loadMs = 0;
  let callMs = 0;
  const results: number[] = [];
  const tiers = JSON.stringify(TIERS);
  for (let cell = 0; cell < cells; cell++) {
    const t0 = performance.now();
    const context = createContext({});
    runInContext(bundle, context);
    runInContext(wrappers, context);
    const t1 = performance.now();
    results.push(runInContext(`DK_REBATE(${amountOf(cell)}, ${tiers}, 'incremental')`, context) as number);
    const t2 = performance.now();
    loadMs += t1 - t0;
    callMs += t2 - t1;
  }
  return { totalMs: loadMs + callMs, loadMs, callMs, results };
}

// A measurement, not a time-zone rule: it runs once per `npm test` (in its UTC pass, or with no TZ set).
const once = process.env.TZ === undefined || process.env.TZ === 'UTC';

describe('Apps Script: the cost of recalculating 1,000 cells', () => {
  it.runIf(once)('with the rebates bundle the guide recommends, against the all-in-one IIFE', { timeout: 240_000 }, () => {
    const rebates = recalculate(engineBundle('rebates'), appsScript(engineFunctions('rebates'), engineLibrary('rebates')), CELLS);
    const all = recalculate(iifeCode(), appsScript(undefined, ALL_IN_ONE), CELLS_ALL_IN_ONE);
    // Every cell gives what the ESM build gives for its amount (the figures are real work).
    for (const cell of [0, 1, 13, 99, 500, CELLS - 1]) {
      const expected = DK_REBATE(amountOf(cell), TIERS, 'incremental');
      expect(rebates.results[cell]).toBe(expected);
      if (cell < CELLS_ALL_IN_ONE) expect(all.results[cell]).toBe(expected);
    }
    const perCell = (r: Recalculation, cells: number) => ({ total: r.totalMs / cells, load: r.loadMs / cells, call: r.callMs / cells });
    const a = perCell(rebates, CELLS);
    const b = perCell(all, CELLS_ALL_IN_ONE);
    const line = (name: string, c: { total: number; load: number; call: number }, how: string) =>
      `${name}: ${((c.total * CELLS) / 1000).toFixed(1)} s for ${CELLS} cells${how}, ${c.total.toFixed(1)} ms a cell (loading ${c.load.toFixed(1)} ms, computing ${c.call.toFixed(1)} ms)`;
    console.log(
      [
        `Apps Script recalculation of ${CELLS} cells of =DK_REBATE(A2, D1:E4, "incremental"), node ${process.version} in node:vm, one fresh context per cell:`,
        `  ${line('rebates bundle (recommended)', a, '')}`,
        `  ${line('all-in-one dealerkit.iife.js', b, ` (${CELLS_ALL_IN_ONE} cells measured, scaled)`)}`,
        `  the rebates bundle takes ${((100 * a.total) / b.total).toFixed(0)} % of the all-in-one's time`,
      ].join('\n'),
    );
    // The smaller bundle is the cheaper recalculation. (Loading no longer dominates a cell: the schemas are
    // built on first use since issue 14's light imports, so a cell's call builds those DK_REBATE parses with.)
    expect(a.total).toBeLessThan(b.total * 0.9);
  });
});
