// formatDealerStatement: the same statement as Markdown, text and one self-contained HTML page;
// every value escaped, figures in the locale's marks, charts placed in their sections, and the
// same output from a statement read back from JSON.
import { describe, expect, it } from 'vitest';
import { buildDealerStatement, formatDealerStatement } from 'dealerkit/statements';
import { seedsConfig, seedsDealer } from './seeds.js';

const s = buildDealerStatement(seedsConfig, seedsDealer());
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10"><rect width="20" height="10" fill="#1f4e79"/></svg>';

describe('Markdown', () => {
  const md = formatDealerStatement(s, { format: 'markdown' });
  it('has a heading, one table per section and the sentences', () => {
    expect(md.split('\n').slice(0, 3)).toEqual(['# Dealer statement: Seeds Dealer (SEEDS)', '', 'Seeds Brand · 2025-Q4: 2025-10-01 to 2025-12-31 · as of 2025-12-31 · currency CNY']);
    expect(md.match(/^## .*/gm)).toEqual(['## Target and pace', '## Scorecard (maturity weights)', '## Rebate', '## Points', '## Stock', '## How each figure was reached', '## To look at']);
    expect(md).toContain('| Payment due (true-up) | 49,592.00 |');
    expect(md).toContain('| Sales | 2,375,000 | 2,500,000 | 95.00 | 95.00 | 0.5 | 47.50 |');
    expect(md).toContain('| SKU-A | washer A | reorder | 80 | 100.0 | 100 |');
    expect(md).toContain('| SKU-B | fridge B | 150 | 105.0 | 45.0 |');
    expect(md).toContain('- 2025-Q4: target 2,500,000, actual 2,375,000 (95.00 %).');
    expect(md).toContain('- pending-events: 1 event is dated after 2025-12-31 and not applied (see pending)');
    for (const f of s.figures.filter((x) => !x.key.startsWith('scorecard.kpi.'))) expect(md).toContain(`| ${f.label.replace(/[|*_]/g, (c) => `\\${c}`)} | ${f.text} |`);
  });

  it("escapes what Markdown would read as markup, and embeds a chart as an image", () => {
    const odd = buildDealerStatement({ period: '2025-Q4' }, { id: 'D|1', name: '*Bold* [link](x) <b>', target: 5, actuals: { '2025-Q4': 4 } });
    const out = formatDealerStatement(odd, { format: 'markdown' });
    expect(out.split('\n')[0]).toBe('# Dealer statement: \\*Bold\\* \\[link\\](x) \\<b\\> (D\\|1)');
    const withChart = formatDealerStatement(s, { format: 'markdown', charts: { pace: SVG } });
    expect(withChart).toContain(`![Cumulative sales against the plan](data:image/svg+xml;charset=utf-8,${encodeURIComponent(SVG)})`);
  });
});

describe('text', () => {
  it('aligns labels and values, and tables by column', () => {
    const text = formatDealerStatement(s, { format: 'text' });
    const lines = text.split('\n');
    expect(lines.slice(0, 3)).toEqual(['Dealer statement: Seeds Dealer (SEEDS)', '======================================', 'Seeds Brand · 2025-Q4: 2025-10-01 to 2025-12-31 · as of 2025-12-31 · currency CNY']);
    const rebate = lines.slice(lines.indexOf('Rebate') + 2, lines.indexOf('Rebate') + 5);
    expect(rebate).toEqual(['Tier reached                                  Silver', 'Net sales                               9,620,000.00', 'Attainment                                   96.20 %']);
    expect(lines).toContain('SKU    name      status   position  reorder point  order');
    expect(text).not.toContain('data:image');
    for (const f of s.figures) expect(text).toContain(f.text);
  });
});

describe('HTML', () => {
  const html = formatDealerStatement(s, { format: 'html' });
  it('is one page: inline CSS sized for A4, no script, nothing fetched', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html).toContain('<style>@page{size:A4;margin:14mm}');
    expect(html).not.toMatch(/<script|<link|<img|@import|url\(|src=|href=/i);
    expect(html).toContain('<title>Dealer statement: Seeds Dealer (SEEDS) · 2025-Q4</title>');
    for (const f of s.figures.filter((x) => !x.key.startsWith('scorecard.kpi.'))) expect(html).toContain(`<th>${f.label}</th><td class="num">${f.text}</td>`);
  });

  it('escapes every value', () => {
    const odd = buildDealerStatement({ period: '2025-Q4', brand: 'A & B "quoted"' }, { id: "D'1", name: '<script>alert(1)</script>', target: 5, actuals: { '2025-Q4': 4 } });
    const out = formatDealerStatement(odd, { format: 'html' });
    expect(out).not.toContain('<script>');
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt; (D&#39;1)');
    expect(out).toContain('A &amp; B &quot;quoted&quot;');
  });

  it('places each chart in its section, and is complete without them', () => {
    const withCharts = formatDealerStatement(s, { format: 'html', charts: { pace: SVG.replace('#1f4e79', '#000001'), kpi: SVG.replace('#1f4e79', '#000002'), rebate: `<?xml version="1.0"?>\n${SVG.replace('#1f4e79', '#000003')}`, stock: SVG.replace('#1f4e79', '#000004') } });
    const at = (marker: string) => withCharts.indexOf(marker);
    expect(at('#000001')).toBeGreaterThan(at('<section class="target">'));
    expect(at('#000001')).toBeLessThan(at('<section class="scorecard">'));
    expect(at('#000002')).toBeLessThan(at('<section class="rebate">'));
    expect(at('#000003')).toBeLessThan(at('<section class="points">'));
    expect(at('#000004')).toBeGreaterThan(at('<section class="stock">'));
    expect(withCharts).not.toContain('<?xml');
    expect(html).not.toContain('<figure');
  });

  it("prints figures in the locale's marks; the words stay English", () => {
    const de = formatDealerStatement(s, { format: 'html', locale: 'de' });
    expect(de).toContain('<html lang="de">');
    expect(de).toContain('<th>Payment due (true-up)</th><td class="num">49.592,00</td>');
    expect(de).toContain('<th>Attainment</th><td class="num">95,00 %</td>');
  });
});

describe('purity and JSON', () => {
  it('gives the same text twice, leaving the statement unchanged', () => {
    const before = JSON.stringify(s);
    for (const format of ['markdown', 'text', 'html'] as const) expect(formatDealerStatement(s, { format })).toBe(formatDealerStatement(s, { format }));
    expect(JSON.stringify(s)).toBe(before);
  });

  it("formats a statement read back from JSON: the same figures and tables, the steps' texts as its sentences", () => {
    const copy = JSON.parse(JSON.stringify(s));
    const [live, read] = [formatDealerStatement(s, { format: 'markdown' }), formatDealerStatement(copy, { format: 'markdown' })];
    const before = (x: string) => x.slice(0, x.indexOf('## How each figure was reached'));
    expect(before(read)).toBe(before(live));
    expect(read).toContain('- every line rounded to 2 places, half-up: rebate 153,920.00');
    expect(read).toContain('- turnover days = 365 days × average inventory 1,400,000.00 / COGS 7,300,000.00 = 70');
    expect(formatDealerStatement(copy, { format: 'html', locale: 'de' })).toContain('<th>Payment due (true-up)</th><td class="num">49.592,00</td>');
  });
});
