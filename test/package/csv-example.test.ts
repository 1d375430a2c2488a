// From a spreadsheet export to results (issue 14, point 6): examples/csv/csv-to-results.ts runs on its
// two exports (Excel: BOM, `;`, decimal comma, quoted fields; ERP: BOM, `,`, quotes where needed) and
// writes CSV whose figures match the hand derivations below, with an error column naming the field.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const out = mkdtempSync(join(tmpdir(), 'dealerkit-csv-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function run(): void {
  execFileSync(npx, ['tsx', 'examples/csv/csv-to-results.ts', out], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
}

function read(name: string): { bom: boolean; delimiter: string; rows: Record<string, string>[] } {
  const text = readFileSync(join(out, name), 'utf8');
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return { bom: text.startsWith('\uFEFF'), delimiter: parsed.meta.delimiter, rows: parsed.data };
}

describe('examples/csv: spreadsheet exports in, results out', () => {
  it('runs', () => {
    expect(run).not.toThrow();
  });

  it('rebates.csv: Excel dialect kept (BOM, `;`, decimal comma), one column per figure, refused rows name their column', () => {
    const { bom, delimiter, rows } = read('rebates.csv');
    expect([bom, delimiter]).toEqual([true, ';']);
    expect(rows.map((r) => [r['Dealer ID'], r['Dealer name'], r['Attainment %'], r['Tier'], r['Rebate'], r['Error']])).toEqual([
      // 1,234,567.89 / 1,200,000.00 = 1.0288066 → 102.88 %, Gold: 3 % × 1,234,567.89 = 37,037.0367 → 37,037.04
      ['D-101', 'Autohaus Müller; Nord', '102,88', 'Gold', '37037,04', ''],
      // 950,000 / 1,000,000 = 95 %, Silver: 2 % × 950,000.00 = 19,000.00
      ['D-102', 'Garage Dupont', '95,00', 'Silver', '19000,00', ''],
      ['D-103', 'Bikes & Co', '', '', '', 'Net sales: must be a number or a numeric string, received "n/a"'],
      // 480,000 / 600,000 = 80 % < 90 %: the first tier pays nothing
      ['D-104', 'Ostseeauto', '80,00', '', '0,00', ''],
      ['D-105', 'Rhein Motors', '', '', '', "Target: is required (basis 'attainment' divides by it)"],
    ]);
  });

  it('reorders.csv: ERP dialect kept (BOM, `,`), safety stock, reorder point and order from the demand history', () => {
    const { bom, delimiter, rows } = read('reorders.csv');
    expect([bom, delimiter]).toEqual([true, ',']);
    // z(0.95) = 1.6448536 (standard normal table). Lead time 7 days = one 7-day period, so σ over the
    // lead time is the weekly sample standard deviation.
    // AC-100: weeks 120, 140, 135, 150: mean 136.25; squared deviations 264.0625 + 14.0625 + 1.5625 +
    //   189.0625 = 468.75, / 3 = 156.25, σ = 12.5; safety stock 1.6448536 × 12.5 = 20.5607 → 20.56;
    //   reorder point 136.25 + 20.5607 = 156.8107 → 156.81; 150 on hand < 156.81: order 14 days of
    //   cover, ⌈14 × 136.25 / 7⌉ = ⌈272.5⌉ = 273.
    // AC-200: weeks 20, 22, 18, 20: mean 20; squared deviations 0 + 4 + 4 + 0 = 8, / 3, σ = 1.63299;
    //   safety stock 1.6448536 × 1.63299 = 2.6861 → 2.69; reorder point 22.69; 900 on hand is above
    //   the reorder point plus the order quantity (22.69 + ⌈14 × 20 / 7⌉ = 62.69): no order, overstock.
    expect(rows.map((r) => [r['SKU'], r['Safety stock'], r['Reorder point'], r['Suggested order'], r['Status'], r['Error']])).toEqual([
      ['AC-100', '20.56', '156.81', '273', 'reorder', ''],
      ['AC-200', '2.69', '22.69', '0', 'overstock', ''],
      ['AC-300', '', '', '', '', 'On hand: must be a number, received "x"'],
    ]);
  });
});
