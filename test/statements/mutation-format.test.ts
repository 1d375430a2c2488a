// formatDealerStatement page by page (src/statements/format.ts, style.ts): a one-section statement
// written out whole in each format, the tables of the seeds' statement in text and HTML, the KPI
// table's odd values, every character each format escapes, which SVG documents are taken, and the
// style sheet that makes the page printable on A4.
import { describe, expect, it } from 'vitest';
import { defineScorecard } from 'dealerkit';
import { buildDealerStatement, formatDealerStatement } from 'dealerkit/statements';
import { STATEMENT_CSS } from '../../src/statements/style.js';
import { thrown } from '../helpers.js';
import { seedsConfig, seedsDealer } from './seeds.js';

const SVG = '<svg width="1"></svg>';
const small = buildDealerStatement({ period: '2025-Q4', brand: 'B', currency: 'eur' }, { id: 'D1', name: 'N', target: 1000, actuals: { '2025-Q4': 900 } });
// 900 of 1,000: 90.00 %, 100 behind; the currency is upper-cased.
const unknown = buildDealerStatement({ period: '2025-Q4' }, { id: 'D2', target: 1000 });

describe('a one-section statement, whole', () => {
  it('Markdown: heading, subtitle, the figure table, the chart, the sentences, the warnings', () => {
    expect(formatDealerStatement(small, { format: 'markdown', charts: { pace: SVG } })).toBe(
      [
        '# Dealer statement: N (D1)',
        '',
        'B · 2025-Q4: 2025-10-01 to 2025-12-31 · as of 2025-12-31 · currency EUR',
        '',
        '## Target and pace',
        '',
        '| figure | value |',
        '|---|---:|',
        '| Target 2025-Q4 | 1,000 |',
        '| Actual to date | 900 |',
        '| Attainment | 90.00 % |',
        '| Gap (behind +) | 100 |',
        '',
        '![Cumulative sales against the plan](data:image/svg+xml;charset=utf-8,%3Csvg%20width%3D%221%22%3E%3C%2Fsvg%3E)',
        '',
        '## How each figure was reached',
        '',
        '- D1 N, 2025-Q4 (2025-10-01 to 2025-12-31), as of 2025-12-31.',
        '',
        '- 2025-Q4: target 1,000, actual 900 (90.00 %).',
        '',
      ].join('\n'),
    );
    expect(formatDealerStatement(unknown, { format: 'markdown' })).toBe(
      [
        '# Dealer statement: D2',
        '',
        '2025-Q4: 2025-10-01 to 2025-12-31 · as of 2025-12-31',
        '',
        '## Target and pace',
        '',
        '| figure | value |',
        '|---|---:|',
        '| Target 2025-Q4 | 1,000 |',
        '| Actual to date | — |',
        '| Attainment | — |',
        '| Gap (behind +) | — |',
        '',
        '## How each figure was reached',
        '',
        '- D2, 2025-Q4 (2025-10-01 to 2025-12-31), as of 2025-12-31.',
        '',
        '- 2025-Q4: target 1,000, actual — (—).',
        '',
        '## To look at',
        '',
        '- missing-actual: no actual sales for 2025-Q4: attainment and gap are not known',
        '',
      ].join('\n'),
    );
  });

  it('text: underlined titles, labels left and values right-aligned, no chart', () => {
    // Labels pad to the longest ("Target 2025-Q4", 14), two spaces, values pad left to the longest ("90.00 %", 7).
    expect(formatDealerStatement(small, { format: 'text', charts: { pace: SVG } })).toBe(
      [
        'Dealer statement: N (D1)',
        '========================',
        'B · 2025-Q4: 2025-10-01 to 2025-12-31 · as of 2025-12-31 · currency EUR',
        '',
        'Target and pace',
        '---------------',
        'Target 2025-Q4    1,000',
        'Actual to date      900',
        'Attainment      90.00 %',
        'Gap (behind +)      100',
        '',
        'How each figure was reached',
        '---------------------------',
        '- D1 N, 2025-Q4 (2025-10-01 to 2025-12-31), as of 2025-12-31.',
        '- 2025-Q4: target 1,000, actual 900 (90.00 %).',
        '',
      ].join('\n'),
    );
    expect(formatDealerStatement(unknown, { format: 'text' }).split('\n').slice(-5)).toEqual([
      '',
      'To look at',
      '----------',
      '- missing-actual: no actual sales for 2025-Q4: attainment and gap are not known',
      '',
    ]);
  });

  it('HTML: head, header, the figure table (labels as row headers), the chart in a figure, the sentences, the warnings', () => {
    expect(formatDealerStatement(small, { format: 'html', charts: { pace: SVG } })).toBe(
      [
        '<!DOCTYPE html>',
        '<html lang="en">',
        '<head>',
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<title>Dealer statement: N (D1) · 2025-Q4</title>',
        `<style>${STATEMENT_CSS}</style>`,
        '</head>',
        '<body><main class="statement"><header><h1>Dealer statement: N (D1)</h1><p class="sub">B · 2025-Q4: 2025-10-01 to 2025-12-31 · as of 2025-12-31 · currency EUR</p></header>' +
          '<section class="target"><h2>Target and pace</h2><table class="figures"><tbody>' +
          '<tr><th>Target 2025-Q4</th><td class="num">1,000</td></tr><tr><th>Actual to date</th><td class="num">900</td></tr>' +
          '<tr><th>Attainment</th><td class="num">90.00 %</td></tr><tr><th>Gap (behind +)</th><td class="num">100</td></tr></tbody></table>' +
          '<figure class="chart"><svg width="1"></svg><figcaption>Cumulative sales against the plan</figcaption></figure></section>' +
          '<section class="how"><h2>How each figure was reached</h2><ul><li>D1 N, 2025-Q4 (2025-10-01 to 2025-12-31), as of 2025-12-31.</li></ul>' +
          '<ul><li>2025-Q4: target 1,000, actual 900 (90.00 %).</li></ul></section></main></body>',
        '</html>',
        '',
      ].join('\n'),
    );
    const page = formatDealerStatement(unknown, { format: 'html', locale: 'de-CH' });
    expect(page).toContain('<html lang="de-CH">');
    expect(page).toContain('</section><section class="warnings"><h2>To look at</h2><ul><li><code>missing-actual</code> no actual sales for 2025-Q4: attainment and gap are not known</li></ul></section></main>');
  });
});

describe("the seeds' statement's tables", () => {
  const s = buildDealerStatement(seedsConfig, seedsDealer());
  const charts = { pace: SVG.replace('1', '11'), kpi: SVG.replace('1', '12'), rebate: SVG.replace('1', '13'), stock: SVG.replace('1', '14') };

  it('text: the indicators, the rebate lines and the stock lists, columns aligned', () => {
    const lines = formatDealerStatement(s, { format: 'text' }).split('\n');
    const after = (head: string, n: number) => lines.slice(lines.indexOf(head), lines.indexOf(head) + n);
    // Numbers right-aligned under their heads, text left-aligned, two spaces between columns.
    expect(after('Indicators:', 7)).toEqual([
      'Indicators:',
      'KPI                       actual     target  attainment %  points  weight  contribution',
      '---------------------  ---------  ---------  ------------  ------  ------  ------------',
      'Sales                  2,375,000  2,500,000         95.00   95.00     0.5         47.50',
      'Customer satisfaction         92         90        102.22  102.22     0.3         30.67',
      'Market share                   6          5        120.00  120.00     0.1         12.00',
      'Channel expansion             35         30        116.67  116.67     0.1         11.67',
    ]);
    // The rebate's own lines without the basis and rounding steps (the figures above say them).
    expect(after('How the rebate was priced:', 8)).toEqual([
      'How the rebate was priced:',
      'step               detail',
      '-----------------  -------------------------------------------------------',
      'tier               Silver: 2 % × 9,620,000.00 = 192,400.00',
      'over-achievement   over-achievement: 2 % × 0.00 above 10,000,000.00 = 0.00',
      'gate               gate onTimePaymentRatio 0.97 ≥ 0.9: met',
      'multiplier         inventoryTurnoverDays 70 (band from 61): × 0.8',
      'multiplier-factor  multiplier × 0.8: 192,400.00 → 153,920.00',
    ]);
    expect(after('At or below the reorder point:', 5)).toEqual([
      'At or below the reorder point:',
      'SKU    name      status   position  reorder point  order',
      '-----  --------  -------  --------  -------------  -----',
      'SKU-A  washer A  reorder        80          100.0    100',
      '',
    ]);
    expect(after('Above the maximum:', 5)).toEqual([
      'Above the maximum:',
      'SKU    name      position  maximum  excess',
      '-----  --------  --------  -------  ------',
      'SKU-B  fridge B       150    105.0    45.0',
      '',
    ]);
    expect(after('Points', 8)).toEqual(['Points', '------', 'Opening balance            240', 'Earned                     300', 'Redeemed                   150', 'Expired                     40', 'Balance                    350', 'Expiring after 2025-12-31   50']);
  });

  it('Markdown: each chart under its section with its title; the points section has none', () => {
    const md = formatDealerStatement(s, { format: 'markdown', charts });
    const titled = md.split('\n').filter((l) => l.startsWith('![') || l.startsWith('## '));
    expect(titled).toEqual([
      '## Target and pace',
      '![Cumulative sales against the plan](data:image/svg+xml;charset=utf-8,%3Csvg%20width%3D%2211%22%3E%3C%2Fsvg%3E)',
      '## Scorecard (maturity weights)',
      '![KPI points against target (100)](data:image/svg+xml;charset=utf-8,%3Csvg%20width%3D%2212%22%3E%3C%2Fsvg%3E)',
      '## Rebate',
      '![The rebate curve and where the dealer stands](data:image/svg+xml;charset=utf-8,%3Csvg%20width%3D%2213%22%3E%3C%2Fsvg%3E)',
      '## Points',
      '## Stock',
      '![Stock position against safety stock, reorder point and maximum](data:image/svg+xml;charset=utf-8,%3Csvg%20width%3D%2214%22%3E%3C%2Fsvg%3E)',
      '## How each figure was reached',
      '## To look at',
    ]);
    expect(md).toContain('**Indicators**\n\n| KPI | actual | target | attainment % | points | weight | contribution |\n|---|---:|---:|---:|---:|---:|---:|\n| Sales |');
    expect(md).toContain('**How the rebate was priced**\n\n| step | detail |\n|---|---|\n| tier | Silver: 2 % × 9,620,000.00 = 192,400.00 |');
    expect(md).toContain('**At or below the reorder point**\n\n| SKU | name | status | position | reorder point | order |\n|---|---|---|---:|---:|---:|\n| SKU-A | washer A | reorder | 80 | 100.0 | 100 |');
    expect(md).toContain('**Above the maximum**\n\n| SKU | name | position | maximum | excess |\n|---|---|---:|---:|---:|\n| SKU-B | fridge B | 150 | 105.0 | 45.0 |');
  });

  it('HTML: tables with captions and heads, numbers in class "num", the rebate lines as steps, every chart captioned', () => {
    const html = formatDealerStatement(s, { format: 'html', charts });
    expect(html).toContain(
      '<table class="lines"><caption>Indicators</caption><thead><tr><th>KPI</th><th class="num">actual</th><th class="num">target</th><th class="num">attainment %</th><th class="num">points</th><th class="num">weight</th><th class="num">contribution</th></tr></thead>' +
        '<tbody><tr><td>Sales</td><td class="num">2,375,000</td><td class="num">2,500,000</td><td class="num">95.00</td><td class="num">95.00</td><td class="num">0.5</td><td class="num">47.50</td></tr>',
    );
    expect(html).toContain('<table class="lines steps"><caption>How the rebate was priced</caption><thead><tr><th>step</th><th>detail</th></tr></thead><tbody><tr><td>tier</td><td>Silver: 2 % × 9,620,000.00 = 192,400.00</td></tr>');
    expect(html).toContain('<table class="lines"><caption>Above the maximum</caption><thead><tr><th>SKU</th><th>name</th><th class="num">position</th><th class="num">maximum</th><th class="num">excess</th></tr></thead><tbody><tr><td>SKU-B</td><td>fridge B</td><td class="num">150</td><td class="num">105.0</td><td class="num">45.0</td></tr></tbody></table>');
    expect(html).toContain('<figure class="chart"><svg width="12"></svg><figcaption>KPI points against target (100)</figcaption></figure></section><section class="rebate">');
    expect(html).toContain('<figure class="chart"><svg width="13"></svg><figcaption>The rebate curve and where the dealer stands</figcaption></figure></section><section class="points">');
    expect(html).toContain('<figure class="chart"><svg width="14"></svg><figcaption>Stock position against safety stock, reorder point and maximum</figcaption></figure></section><section class="how">');
    expect(html).toContain('<section class="points"><h2>Points</h2><table class="figures"><tbody><tr><th>Opening balance</th><td class="num">240</td></tr>');
    expect(html).toContain('<section class="warnings"><h2>To look at</h2><ul><li><code>pending-events</code> 1 event is dated after 2025-12-31 and not applied (see pending)</li></ul></section>');
  });

  it('a stock section with no SKU to act on prints its figures and no lists', () => {
    const d = seedsDealer();
    // SKU-C alone: no demand, 50 on hand, reorder point 0 and max 100: ok.
    const t = buildDealerStatement(seedsConfig, { ...d, stock: { ...d.stock!, items: [d.stock!.items[2]!] } });
    const text = formatDealerStatement(t, { format: 'text' });
    expect(text).not.toContain('At or below the reorder point');
    expect(text).not.toContain('Above the maximum');
    expect(text).toContain('Suggested orders (0)                      0.00');
  });
});

describe("the KPI table's odd values", () => {
  // A boolean KPI and a missing actual scored zero: the table prints yes / no and the dash.
  const card = defineScorecard({
    kpis: [
      { id: 'trained', label: 'Staff trained', direction: 'higher', scoring: { type: 'boolean', pass: 100, fail: 0 } },
      { id: 'sales', label: 'Sales', direction: 'higher', scoring: { type: 'ratio', cap: 150 } },
    ],
    stages: { only: { weights: { trained: '0.5', sales: '0.5' } } },
    missing: 'zero',
  } as never);
  it('yes, no and the dash', () => {
    const yes = buildDealerStatement({ period: '2025-Q4', kpi: { scorecard: card } }, { id: 'a', kpi: { stage: 'only', actuals: { trained: true, sales: null }, targets: { sales: 100 } } });
    const rows = formatDealerStatement(yes, { format: 'markdown' }).split('\n').filter((l) => l.startsWith('| Staff') || l.startsWith('| Sales'));
    // Trained: 100 points × 0.5 = 50; sales missing: 0 points.
    expect(rows).toEqual(['| Staff trained | yes | — | — | 100.00 | 0.5 | 50.00 |', '| Sales | — | 100 | — | 0.00 | 0.5 | 0.00 |']);
    const no = buildDealerStatement({ period: '2025-Q4', kpi: { scorecard: card } }, { id: 'a', kpi: { stage: 'only', actuals: { trained: false, sales: 50 }, targets: { sales: 100 } } });
    expect(formatDealerStatement(no, { format: 'markdown' }).split('\n').filter((l) => l.startsWith('| Staff') || l.startsWith('| Sales'))).toEqual([
      '| Staff trained | no | — | — | 0.00 | 0.5 | 0.00 |',
      '| Sales | 50 | 100 | 50.00 | 50.00 | 0.5 | 25.00 |',
    ]);
  });

  it("a statement whose KPI figures were dropped prints the dash for the line's points and contribution", () => {
    const s = buildDealerStatement({ period: '2025-Q4', kpi: { scorecard: card } }, { id: 'a', kpi: { stage: 'only', actuals: { trained: true, sales: 50 }, targets: { sales: 100 } } });
    const copy = JSON.parse(JSON.stringify(s));
    copy.figures = copy.figures.filter((f: { key: string }) => !f.key.startsWith('scorecard.kpi.'));
    expect(formatDealerStatement(copy, { format: 'markdown' })).toContain('| Sales | 50 | 100 | 50.00 | — | 0.5 | — |');
  });
});

describe('escaping', () => {
  it('Markdown escapes \\ ` * _ [ ] < > | # and folds new lines', () => {
    const s = buildDealerStatement({ period: '2025-Q4' }, { id: 'x', name: 'a\\b`c*d_e[f]g<h>i|j#k\nl', target: 5, actuals: { '2025-Q4': 4 } });
    expect(formatDealerStatement(s, { format: 'markdown' }).split('\n')[0]).toBe('# Dealer statement: a\\\\b\\`c\\*d\\_e\\[f\\]g\\<h\\>i\\|j\\#k l (x)');
  });

  it('HTML escapes & < > " \' in every text', () => {
    const s = buildDealerStatement({ period: '2025-Q4', brand: `&<>"'` }, { id: 'x', target: 5, actuals: { '2025-Q4': 4 } });
    const page = formatDealerStatement(s, { format: 'html' });
    expect(page).toContain('<p class="sub">&amp;&lt;&gt;&quot;&#39; · 2025-Q4');
    expect(page).not.toContain(`&<>"'`);
  });
});

describe('the SVG documents taken', () => {
  const s = small;
  const place = (svg: string) => {
    const page = formatDealerStatement(s, { format: 'html', charts: { pace: svg } });
    return page.slice(page.indexOf('<figure class="chart">') + 22, page.indexOf('<figcaption>'));
  };
  it('an SVG root, with or without an XML declaration, trimmed', () => {
    expect(place('  <svg>x</svg>\n')).toBe('<svg>x</svg>');
    expect(place('<SVG viewBox="0 0 1 1"></SVG>')).toBe('<SVG viewBox="0 0 1 1"></SVG>');
    expect(place('<svg\nwidth="1"></svg>')).toBe('<svg\nwidth="1"></svg>');
    expect(place('<?xml version="1.0" encoding="UTF-8"?>\n<svg></svg>')).toBe('<svg></svg>');
    expect(place('<?xml version="1.0"?><svg></svg>')).toBe('<svg></svg>');
    // Words that merely contain the forbidden names are harmless.
    expect(place('<svg><text>javascript, embedded objects, on = 1</text></svg>')).toBe('<svg><text>javascript, embedded objects, on = 1</text></svg>');
  });

  it('refuses what is not one SVG document, or could run code or embed HTML', () => {
    const bad = [
      '<svgx></svgx>',
      'x<svg></svg>',
      '<svg></svg>x',
      '<svg>',
      '<div><svg></svg></div>',
      '<svg>< script>x</script></svg>',
      '<svg><SCRIPT>x</SCRIPT></svg>',
      '<svg><iframe/></svg>',
      '<svg><object/></svg>',
      '<svg><embed/></svg>',
      '<svg><foreignobject/></svg>',
      '<svg onclick ="x"></svg>',
      '<svg><rect onmouseover="x"/></svg>',
      '<svg\tONLOAD="x"></svg>',
      '<svg><a href="JavaScript:x"/></svg>',
    ];
    for (const svg of bad) expect(thrown(() => formatDealerStatement(s, { format: 'html', charts: { pace: svg } })).issues[0]!.path, svg).toEqual(['options', 'charts', 'pace']);
  });
});

describe('the style sheet', () => {
  it('is the A4 page: rule by rule', () => {
    // A4 with 14 mm margins; a 210 mm main column; fixed table layout that wraps long words; numbers right-aligned in
    // tabular figures; rows and charts not split across pages; colours kept when printed; the print view drops the padding.
    expect(STATEMENT_CSS.split(/(?<=\})(?=[^}])/)).toEqual([
      '@page{size:A4;margin:14mm}',
      '*{box-sizing:border-box}',
      'html{background:#fff}',
      'body{margin:0;color:#1b1f24;font:10pt/1.45 "Liberation Sans",Arial,Helvetica,sans-serif;-webkit-print-color-adjust:exact;print-color-adjust:exact}',
      'main.statement{width:210mm;max-width:100%;margin:0 auto;padding:14mm}',
      'header{border-bottom:2px solid #1f4e79;margin-bottom:4mm;padding-bottom:2mm}',
      'h1{font-size:16pt;margin:0;color:#1f4e79;overflow-wrap:anywhere}',
      '.sub{margin:1mm 0 0;color:#555;overflow-wrap:anywhere}',
      'h2{font-size:12pt;margin:5mm 0 2mm;color:#1f4e79;border-bottom:1px solid #c8d3de;break-after:avoid}',
      'section{break-inside:auto}',
      'table{width:100%;border-collapse:collapse;table-layout:fixed;margin:0 0 3mm}',
      'caption{text-align:left;font-weight:bold;padding:1mm 0}',
      'th,td{padding:1mm 1.5mm;border-bottom:1px solid #e3e6ea;vertical-align:top;text-align:left;overflow-wrap:anywhere;word-break:break-word}',
      'thead th{background:#eef2f6;font-weight:bold}',
      'table.figures th{font-weight:normal;width:62%}',
      'table.figures td{font-weight:bold}',
      '.num{text-align:right;font-variant-numeric:tabular-nums}',
      'table.lines{font-size:9pt}',
      'table.steps th:first-child,table.steps td:first-child{width:24%}',
      'tr{break-inside:avoid}',
      'figure.chart{margin:2mm 0 4mm;break-inside:avoid}',
      'figure.chart svg{display:block;max-width:100%;height:auto}',
      'figcaption{font-size:9pt;color:#555}',
      'ul{margin:1mm 0 2mm;padding-left:5mm}',
      'li{margin:0.5mm 0;overflow-wrap:anywhere}',
      'section.how{font-size:9pt}',
      'section.warnings li code{font-size:8.5pt;background:#fff4d6;padding:0 1mm}',
      '@media print{main.statement{width:auto;padding:0}}',
    ]);
  });
});
