// formatDealerStatement: a statement as Markdown, plain text or one self-contained HTML page
// (inline CSS, every value escaped, printable on A4), with optional SVG charts placed in their
// sections. Pure: it returns a string and writes nothing.
import * as z from 'zod/mini';
import { toDecimal } from '../core/decimal.js';
import { describeValue } from '../core/messages.js';
import { wrapThrown, type IssuePath, invalid } from '../core/errors.js';
import { groupDigits, separatorsOf } from '../core/format.js';
import { parseWith } from '../core/schema.js';
import type { DealerStatement } from './build.js';
import { readStatement, sectionSentences } from './explain.js';
import { figureText, type Separators, type StatementFigure, type StatementSection } from './figures.js';
import { STATEMENT_MESSAGES as M, STATEMENT_WORDS as W } from './messages.js';
import { STATEMENT_CSS } from './style.js';
import { lazySchema } from '../core/lazy.js';

/** SVG pictures for a statement's sections, rendered by the caller (with Vega, from the `chart*` specifications). */
export interface StatementCharts {
  /** Cumulative expected against actual (`chartPace`), placed in the target section. */
  pace?: string;
  /** The KPI indicators against target (`chartKpi`), placed in the scorecard section. */
  kpi?: string;
  /** The rebate curve with the dealer's position (`chartRebateCurve`), placed in the rebate section. */
  rebate?: string;
  /** The stock position of the SKUs (`chartStockPosition`), placed in the stock section. */
  stock?: string;
}

/** Options of {@link formatDealerStatement}. */
export interface FormatDealerStatementOptions {
  /** `'markdown'`, `'html'` (one self-contained page) or `'text'`. */
  format: 'markdown' | 'html' | 'text';
  /** Whose digit grouping and decimal mark the figures use (`'en'` by default); the words stay English. */
  locale?: string;
  /** SVG charts to place in their sections (HTML and Markdown; text leaves them out). The page is complete without them. */
  charts?: StatementCharts;
}

const svg = lazySchema(() => z.optional(z.string()));
const optionsShape = lazySchema(() => z.strictObject({
  format: z.enum(['markdown', 'html', 'text'], { error: (iss) => (iss.input === undefined ? M.formatRequired : `must be one of 'markdown', 'html', 'text', received ${describeValue(iss.input)}`) }),
  locale: z.optional(z.string()),
  charts: z.optional(z.strictObject({ pace: svg, kpi: svg, rebate: svg, stock: svg })),
}));

const SECTIONS: StatementSection[] = ['target', 'scorecard', 'rebate', 'points', 'stock'];
const CHART_OF: Partial<Record<StatementSection, keyof StatementCharts>> = { target: 'pace', scorecard: 'kpi', rebate: 'rebate', stock: 'stock' };
const CHART_TITLE: Record<keyof StatementCharts, string> = {
  pace: 'Cumulative sales against the plan',
  kpi: 'KPI points against target (100)',
  rebate: 'The rebate curve and where the dealer stands',
  stock: 'Stock position against safety stock, reorder point and maximum',
};

/** An SVG document a caller rendered: refused when it could run code or embed HTML. */
function checkSvg(value: string, path: IssuePath): string {
  const t = value.trim();
  const ok =
    /^(<\?xml[^>]*\?>\s*)?<svg[\s>]/i.test(t) &&
    /<\/svg>$/i.test(t) &&
    !/<\s*(script|foreignObject|iframe|object|embed)\b/i.test(t) &&
    !/\son[a-z]+\s*=/i.test(t) &&
    !/javascript:/i.test(t);
  if (!ok) invalid(path, M.chartNotSvg, { code: 'invalid_value', expected: 'an SVG document' });
  return t.replace(/^<\?xml[^>]*\?>\s*/i, '');
}

/** Escapes text for HTML content and attribute values. */
function esc(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Escapes text for a Markdown table cell or line. */
function md(value: string): string {
  return value.replace(/([\\`*_[\]<>|#])/g, '\\$1').replace(/\n/g, ' ');
}

/** A value of an engine's step (a Decimal, a JSON string, a number, a boolean) printed with grouping. */
function plain(value: unknown, seps: Separators, places?: number): string {
  if (value === null || value === undefined) return W.none;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  try {
    return groupDigits(toDecimal(value as string).toFixed(places), seps);
  } catch {
    return String(value);
  }
}

interface Table {
  head: string[];
  rows: string[][];
  /** Columns holding numbers (right-aligned). */
  numeric: boolean[];
}

interface Block {
  section: StatementSection;
  title: string;
  figures: { label: string; text: string }[];
  tables: { caption: string; table: Table; narrowFirst?: boolean }[];
}

interface KpiLine {
  code: string;
  label: string;
  actual: unknown;
  target: unknown;
  attainment: unknown;
  points: unknown;
  weight: unknown;
  contribution: unknown;
}

function blocksOf(s: DealerStatement, seps: Separators): Block[] {
  const text = (f: StatementFigure) => figureText(f.unit, f.value, f.scale, seps);
  const blocks: Block[] = [];
  for (const section of SECTIONS) {
    const figures = s.figures.filter((f) => f.section === section && !(section === 'scorecard' && f.key.startsWith('scorecard.kpi.')));
    if (s[section] === null) continue;
    const block: Block = { section, title: W.sections[section], figures: figures.map((f) => ({ label: f.label, text: text(f) })), tables: [] };
    // Stryker disable next-line ConditionalExpression: a section whose part is null was skipped just above
    if (section === 'scorecard' && s.scorecard !== null) {
      block.title = `${W.sections.scorecard} (${s.scorecard.stage} weights)`;
      const lines = (s.scorecard.result.steps as unknown as KpiLine[]).filter((x) => x.code === 'kpi-points');
      const byKey = new Map(s.figures.map((f) => [f.key, f]));
      block.tables.push({
        caption: 'Indicators',
        table: {
          head: ['KPI', 'actual', 'target', 'attainment %', 'points', 'weight', 'contribution'],
          numeric: [false, true, true, true, true, true, true],
          rows: lines.map((l, i) => {
            const kpi = (s.scorecard!.result.steps as unknown as { code: string; kpi: string }[]).filter((x) => x.code === 'kpi-points')[i]!.kpi;
            const points = byKey.get(`scorecard.kpi.${kpi}.points`);
            const contribution = byKey.get(`scorecard.kpi.${kpi}.contribution`);
            return [
              l.label,
              plain(l.actual, seps),
              plain(l.target, seps),
              plain(l.attainment, seps, 2),
              points === undefined ? W.none : text(points),
              plain(l.weight, seps),
              contribution === undefined ? W.none : text(contribution),
            ];
          }),
        },
      });
    }
    // Stryker disable next-line ConditionalExpression: a section whose part is null was skipped just above
    if (section === 'rebate' && s.rebate !== null) {
      const lines = s.rebate.calculation.steps.filter((x) => x.code !== 'basis' && x.code !== 'rounding');
      block.tables.push({ caption: 'How the rebate was priced', table: { head: ['step', 'detail'], numeric: [false, false], rows: lines.map((x) => [x.code, x.text]) }, narrowFirst: true });
    }
    // Stryker disable next-line ConditionalExpression: a section whose part is null was skipped just above
    if (section === 'stock' && s.stock !== null) {
      const st = s.stock;
      const n = (x: number, places = 1) => groupDigits(x.toFixed(places), seps);
      if (st.belowReorderPoint.length > 0) {
        block.tables.push({
          caption: 'At or below the reorder point',
          table: {
            head: ['SKU', 'name', 'status', 'position', 'reorder point', 'order'],
            numeric: [false, false, false, true, true, true],
            rows: st.belowReorderPoint.map((l) => [l.id, l.name ?? W.none, l.status, n(l.position, 0), n(l.reorderPoint), n(l.suggestedOrder, 0)]),
          },
        });
      }
      if (st.aboveMax.length > 0) {
        block.tables.push({
          caption: 'Above the maximum',
          table: {
            head: ['SKU', 'name', 'position', 'maximum', 'excess'],
            numeric: [false, false, true, true, true],
            rows: st.aboveMax.map((l) => [l.id, l.name ?? W.none, n(l.position, 0), n(l.max), n(l.excess)]),
          },
        });
      }
    }
    blocks.push(block);
  }
  return blocks;
}

function heading(s: DealerStatement): { title: string; subtitle: string } {
  const who = s.name === null ? s.id : `${s.name} (${s.id})`;
  const parts = [s.brand, `${s.period}: ${s.start} to ${s.end}`, `${W.asOf} ${s.asOf}`, s.currency === null ? null : `${W.currency} ${s.currency}`];
  return { title: `${W.title}: ${who}`, subtitle: parts.filter((p): p is string => p !== null).join(' · ') };
}

// ---------------------------------------------------------------------------------------------
// Markdown
// ---------------------------------------------------------------------------------------------

function mdTable(t: Table): string[] {
  return [
    `| ${t.head.map(md).join(' | ')} |`,
    `|${t.numeric.map((n) => (n ? '---:' : '---')).join('|')}|`,
    ...t.rows.map((r) => `| ${r.map(md).join(' | ')} |`),
  ];
}

function markdown(s: DealerStatement, blocks: Block[], explained: ReturnType<typeof sectionSentences>, charts: StatementCharts): string {
  const h = heading(s);
  const out: string[] = [`# ${md(h.title)}`, '', md(h.subtitle)];
  for (const b of blocks) {
    out.push('', `## ${md(b.title)}`, '', ...mdTable({ head: ['figure', 'value'], numeric: [false, true], rows: b.figures.map((f) => [f.label, f.text]) }));
    for (const t of b.tables) out.push('', `**${md(t.caption)}**`, '', ...mdTable(t.table));
    const chart = CHART_OF[b.section];
    // Stryker disable next-line ConditionalExpression: charts[undefined] is undefined too; the guard only satisfies the type
    const picture = chart === undefined ? undefined : charts[chart];
    if (picture !== undefined) out.push('', `![${CHART_TITLE[chart!]}](data:image/svg+xml;charset=utf-8,${encodeURIComponent(picture)})`);
  }
  out.push('', `## ${W.how}`);
  for (const sentences of explained) out.push('', ...sentences.map((x) => `- ${md(x)}`));
  if (s.warnings.length > 0) out.push('', `## ${W.warnings}`, '', ...s.warnings.map((w) => `- ${md(`${w.code}: ${w.message}`)}`));
  return `${out.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------------------------

function width(s: string): number {
  return [...s].length;
}

function textTable(t: Table): string[] {
  const widths = t.head.map((h, i) => Math.max(width(h), ...t.rows.map((r) => width(r[i] ?? ''))));
  const line = (r: string[]) =>
    r
      .map((c, i) => (t.numeric[i] ? ' '.repeat(widths[i]! - width(c)) + c : c + ' '.repeat(widths[i]! - width(c))))
      .join('  ')
      .trimEnd();
  return [line(t.head), widths.map((w) => '-'.repeat(w)).join('  '), ...t.rows.map(line)];
}

function plainText(s: DealerStatement, blocks: Block[], explained: ReturnType<typeof sectionSentences>): string {
  const h = heading(s);
  const out: string[] = [h.title, '='.repeat(width(h.title)), h.subtitle];
  for (const b of blocks) {
    out.push('', b.title, '-'.repeat(width(b.title)));
    const labelWidth = Math.max(...b.figures.map((f) => width(f.label)));
    const valueWidth = Math.max(...b.figures.map((f) => width(f.text)));
    for (const f of b.figures) out.push(`${f.label}${' '.repeat(labelWidth - width(f.label))}  ${' '.repeat(valueWidth - width(f.text))}${f.text}`);
    for (const t of b.tables) out.push('', `${t.caption}:`, ...textTable(t.table));
  }
  out.push('', W.how, '-'.repeat(width(W.how)));
  for (const sentences of explained) for (const x of sentences) out.push(`- ${x}`);
  if (s.warnings.length > 0) out.push('', W.warnings, '-'.repeat(width(W.warnings)), ...s.warnings.map((w) => `- ${w.code}: ${w.message}`));
  return `${out.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// HTML
// ---------------------------------------------------------------------------------------------

function htmlTable(t: Table, caption: string | null, cls: string): string {
  const cell = (tag: 'th' | 'td', v: string, i: number) => `<${tag}${t.numeric[i] ? ' class="num"' : ''}>${esc(v)}</${tag}>`;
  return [
    `<table class="${cls}">`,
    caption === null ? '' : `<caption>${esc(caption)}</caption>`,
    t.head.length > 0 ? `<thead><tr>${t.head.map((x, i) => cell('th', x, i)).join('')}</tr></thead>` : '',
    `<tbody>${t.rows.map((r) => `<tr>${r.map((x, i) => cell(i === 0 && cls === 'figures' ? 'th' : 'td', x, i)).join('')}</tr>`).join('')}</tbody>`,
    '</table>',
  ].join('');
}

function html(s: DealerStatement, blocks: Block[], explained: ReturnType<typeof sectionSentences>, charts: StatementCharts, locale: string): string {
  const h = heading(s);
  const body: string[] = [`<header><h1>${esc(h.title)}</h1><p class="sub">${esc(h.subtitle)}</p></header>`];
  for (const b of blocks) {
    const chart = CHART_OF[b.section];
    // Stryker disable next-line ConditionalExpression: charts[undefined] is undefined too; the guard only satisfies the type
    const picture = chart === undefined ? undefined : charts[chart];
    body.push(
      `<section class="${b.section}"><h2>${esc(b.title)}</h2>`,
      htmlTable({ head: [], numeric: [false, true], rows: b.figures.map((f) => [f.label, f.text]) }, null, 'figures'),
      ...b.tables.map((t) => htmlTable(t.table, t.caption, t.narrowFirst === true ? 'lines steps' : 'lines')),
      picture === undefined ? '' : `<figure class="chart">${picture}<figcaption>${esc(CHART_TITLE[chart!])}</figcaption></figure>`,
      '</section>',
    );
  }
  body.push(`<section class="how"><h2>${esc(W.how)}</h2>`);
  for (const sentences of explained) body.push(`<ul>${sentences.map((x) => `<li>${esc(x)}</li>`).join('')}</ul>`);
  body.push('</section>');
  if (s.warnings.length > 0) {
    body.push(`<section class="warnings"><h2>${esc(W.warnings)}</h2><ul>${s.warnings.map((w) => `<li><code>${esc(w.code)}</code> ${esc(w.message)}</li>`).join('')}</ul></section>`);
  }
  return [
    '<!DOCTYPE html>',
    `<html lang="${esc(locale)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(`${h.title} · ${s.period}`)}</title>`,
    `<style>${STATEMENT_CSS}</style>`,
    '</head>',
    `<body><main class="statement">${body.join('')}</main></body>`,
    '</html>',
    '',
  ].join('\n');
}

/**
 * Renders a dealer's statement as Markdown, plain text or one self-contained HTML page (inline
 * CSS, every value escaped, printable on A4) that a brand can email or archive. Pure: no I/O.
 * SVG charts rendered by the caller are placed in their sections; without them the page is
 * complete. Figures are grouped by `locale` (English by default); the words stay English.
 *
 * @param statement - A result of {@link buildDealerStatement}, or read back from its JSON (its sentences are then its steps' texts).
 * @param options - `format` (`'markdown'`, `'html'`, `'text'`), `locale`, `charts`.
 * @example
 * ```ts
 * const s = buildDealerStatement({ period: '2025-Q4' }, { id: 'D-117', target: 1500000, actuals: { '2025-Q4': 1440000 } });
 * formatDealerStatement(s, { format: 'markdown' }).split('\n').slice(0, 9);
 * //=> ['# Dealer statement: D-117', '', '2025-Q4: 2025-10-01 to 2025-12-31 · as of 2025-12-31', '', '## Target and pace', '', '| figure | value |', '|---|---:|', '| Target 2025-Q4 | 1,500,000 |']
 * ```
 */
export function formatDealerStatement(statement: DealerStatement, options: FormatDealerStatementOptions): string {
  try {
    const o = parseWith(optionsShape, options, ['options']) as FormatDealerStatementOptions;
    const seps = separatorsOf(o.locale, ['options', 'locale']);
    const charts: StatementCharts = {};
    for (const key of ['pace', 'kpi', 'rebate', 'stock'] as const) {
      const value = o.charts?.[key];
      if (value !== undefined) charts[key] = checkSvg(value, ['options', 'charts', key]);
    }
    if (typeof statement !== 'object' || statement === null || !Array.isArray(statement.figures)) {
      invalid(['statement'], M.notAStatement, { code: 'invalid_type' });
    }
    statement = readStatement(statement);
    const blocks = blocksOf(statement, seps);
    const explained = sectionSentences(statement, o.locale === undefined ? undefined : { locale: o.locale });
    if (o.format === 'markdown') return markdown(statement, blocks, explained, charts);
    if (o.format === 'text') return plainText(statement, blocks, explained);
    return html(statement, blocks, explained, charts, o.locale ?? 'en');
  } catch (error) {
    throw wrapThrown(error);
  }
}
