// From a spreadsheet export to results, and back (docs/csv.md): two CSV files as Excel and an ERP
// export them, parsed with Papa Parse (a dev dependency of this example only), mapped into batches by
// column name, computed with row ids and `onError: 'collect'`, and written back as CSV with one
// column per figure and an error column naming the field.
//
//   npx tsx examples/csv/csv-to-results.ts [out-dir]
//
// dealers.csv: Excel with a German locale: UTF-8 with a BOM, `;` between fields, decimal comma,
// `.` between thousands, every field quoted (a name holds a `;`). stock.csv: an ERP export: BOM,
// `,` between fields, decimal point, quotes only where needed (`"Air filter, premium"`).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { calculateRebates, defineRebateProgram, type RebateInput } from 'dealerkit/rebates';
import { planReorders, type ReorderItem } from 'dealerkit/inventory';
import type { DealerkitError } from 'dealerkit';

type Row = Record<string, string>;

/** The rows of a CSV text, keyed by column name. Every cell stays text: no float ever touches an amount. */
export function readCsv(text: string): { rows: Row[]; delimiter: string } {
  const parsed = Papa.parse<Row>(text, { header: true, skipEmptyLines: true, transformHeader: (h) => h.trim() });
  if (parsed.errors.length > 0) throw new Error(`CSV: ${parsed.errors.map((e) => `row ${e.row}: ${e.message}`).join('; ')}`);
  return { rows: parsed.data, delimiter: parsed.meta.delimiter };
}

/**
 * An amount written with a decimal comma (`1.234.567,89`) as the numeric text dealerkit reads
 * (`1234567.89`); anything else is passed on unchanged, so the library names what is wrong with it.
 */
export function fromDecimalComma(text: string | undefined): string | undefined {
  const t = text?.trim() ?? '';
  if (t === '') return undefined;
  return /^-?\d{1,3}(\.\d{3})*(,\d+)?$|^-?\d+(,\d+)?$/.test(t) ? t.replace(/\./g, '').replace(',', '.') : t;
}

/** A quantity as a number (the inventory engine computes in floating point); other text passed on as is. */
export function quantity(text: string | undefined): number | string | undefined {
  const t = text?.trim() ?? '';
  if (t === '') return undefined;
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : t;
}

/** "Net sales: must be a number …" for each issue of a row's error, the field named by its column. */
export function errorText(error: DealerkitError, columns: Record<string, string>): string {
  return error.issues
    .map((i) => {
      const field = i.path.slice(2).join('.'); // drop the batch's ['inputs' | 'items', id]
      return `${columns[field] ?? field}: ${i.message}`;
    })
    .join(' | ');
}

/** Decimal text with a decimal comma, for a German Excel. */
const comma = (text: string) => text.replace('.', ',');

// --- rebates: dealer id, quarter, net sales, target -------------------------------------------

const program = defineRebateProgram({
  currency: 'EUR',
  rounding: { stage: 'line' },
  basis: 'attainment',
  method: 'retroactive',
  tiers: [{ from: 0 }, { from: '0.9', rate: '0.02', name: 'Silver' }, { from: 1, rate: '0.03', name: 'Gold' }],
});
const REBATE_COLUMNS: Record<string, string> = { id: 'Dealer ID', sales: 'Net sales', target: 'Target' };

export function rebatesFromCsv(text: string): string {
  const { rows, delimiter } = readCsv(text);
  const inputs = rows.map((r): RebateInput => {
    const input: Record<string, unknown> = { id: r['Dealer ID']!.trim() };
    const sales = fromDecimalComma(r['Net sales']);
    const target = fromDecimalComma(r['Target']);
    if (sales !== undefined) input.sales = sales;
    if (target !== undefined) input.target = target;
    return input as RebateInput;
  });
  const batch = calculateRebates(program, inputs, { onError: 'collect' });
  const out = batch.rows.map((row, i) => {
    const r = rows[i]!;
    const base = [r['Dealer ID']!, r['Dealer name'] ?? '', r['Quarter'] ?? ''];
    if (!row.ok) return [...base, '', '', '', errorText(row.error, REBATE_COLUMNS)];
    const res = row.result;
    const attainment = res.basisValue === null ? '' : comma(res.basisValue.times(100).toFixed(2));
    return [...base, attainment, res.tier?.name ?? '', comma(res.rebate.toFixed(2)), ''];
  });
  return `\uFEFF${Papa.unparse({ fields: ['Dealer ID', 'Dealer name', 'Quarter', 'Attainment %', 'Tier', 'Rebate', 'Error'], data: out }, { delimiter })}\r\n`;
}

// --- reorders: SKU, on hand, demand history --------------------------------------------------

const policy = { service: { cycle: 0.95 }, orderQuantity: { daysOfCover: 14 } } as const;
const STOCK_COLUMNS: Record<string, string> = {
  id: 'SKU',
  'stock.onHand': 'On hand',
  'stock.onOrder': 'On order',
  'leadTime.days': 'Lead time (days)',
  'demand.history': 'Demand W1…',
};

export function reordersFromCsv(text: string): string {
  const { rows, delimiter } = readCsv(text);
  const weeks = Object.keys(rows[0] ?? {}).filter((c) => /^Demand W\d+$/.test(c)); // in column order
  const items = rows.map((r) => ({
    id: r['SKU']!.trim(),
    demand: { history: weeks.map((w) => quantity(r[w]) ?? null), periodDays: 7 },
    leadTime: { days: quantity(r['Lead time (days)']) },
    stock: { onHand: quantity(r['On hand']), onOrder: quantity(r['On order']) ?? 0 },
  })) as unknown as ReorderItem[];
  const batch = planReorders(policy, items, { onError: 'collect' });
  const out = batch.rows.map((row, i) => {
    const sku = rows[i]!['SKU']!;
    if (!row.ok) return [sku, '', '', '', '', errorText(row.error, STOCK_COLUMNS)];
    const p = row.result;
    return [sku, p.safetyStock.toFixed(2), p.reorderPoint.toFixed(2), String(p.suggestedOrder), p.status, ''];
  });
  return `\uFEFF${Papa.unparse({ fields: ['SKU', 'Safety stock', 'Reorder point', 'Suggested order', 'Status', 'Error'], data: out }, { delimiter })}\r\n`;
}

// --- run --------------------------------------------------------------------------------------

const here = new URL('.', import.meta.url).pathname;
if (process.argv[1]?.endsWith('csv-to-results.ts')) {
  const rebates = rebatesFromCsv(readFileSync(join(here, 'dealers.csv'), 'utf8'));
  const reorders = reordersFromCsv(readFileSync(join(here, 'stock.csv'), 'utf8'));
  const outDir = process.argv[2];
  if (outDir === undefined) {
    process.stdout.write(`rebates.csv\n${rebates.slice(1)}\nreorders.csv\n${reorders.slice(1)}`);
  } else {
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, 'rebates.csv'), rebates);
    writeFileSync(join(outDir, 'reorders.csv'), reorders);
    console.log(`wrote ${join(outDir, 'rebates.csv')} and ${join(outDir, 'reorders.csv')}`);
  }
}
