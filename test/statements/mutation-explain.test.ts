// explainDealerStatement and the page's sentences and layout details (src/statements/explain.ts,
// format.ts): each section's sentences in its engine's words, in a locale's marks, a statement
// without rank or standing, the page's section order, blank lines, list joins and malformed copies.
import { describe, expect, it } from 'vitest';
import { buildDealerStatement, explainDealerStatement, formatDealerStatement } from 'dealerkit/statements';
import { thrown } from '../helpers.js';
import { seedsConfig, seedsDealer, seedsKpi } from './seeds.js';

const s = buildDealerStatement(seedsConfig, seedsDealer());

describe('explainDealerStatement', () => {
  it("tells the tracking, the standing, the period's points and only the flagged SKUs", () => {
    const e = explainDealerStatement(s);
    // The tracking's own sentences follow the statement's (9,620,000 of 10,000,000).
    expect(e).toContain('Attainment: 9,620,000 / 10,000,000 = 96.20 %.');
    expect(e).toContain('Current standing: recovered (2025-Q4)');
    // Points: only the period's events (from 2025-10-01) and the balance line.
    expect(e.filter((x) => /^(20\d\d-\d\d-\d\d |Balance on )/.test(x))).toEqual([
      '2025-10-01 expired 40 points earned 2025-05-05 (valid through 2025-09-30)',
      "2025-10-20 training: 4 × 100 = 400 points, 300 within the quarter's cap of 300 (0 used before), valid through 2026-03-31",
      '2025-11-30 redeemed 150 points: 150 earned 2025-08-10',
      'Balance on 2025-12-31: 600 earned − 210 redeemed − 40 expired = 350 points',
    ]);
    // SKU-C is fine: no sentence for it.
    expect(e.filter((x) => x.startsWith('SKU-'))).toEqual([
      'SKU-A: reorder: position 80 is at or below the reorder point 100; order 100 units (value 10,000.00).',
      'SKU-B: overstock: position 150 is above max 105 by 45; promote or transfer.',
    ]);
  });

  it("in a locale's marks, the engines' sentences too", () => {
    const e = explainDealerStatement(s, { locale: 'de' });
    expect(e).toContain('Attainment: 9.620.000 / 10.000.000 = 96,20 %.');
    expect(e).toContain('Rank 2 of 3 in the peer group; 50,00 % of the other dealers score lower.');
    const page = formatDealerStatement(s, { format: 'text', locale: 'de' });
    expect(page).toContain('- Attainment: 9.620.000 / 10.000.000 = 96,20 %.');
  });

  it('a scorecard without peers or exit rule: the score alone', () => {
    const t = buildDealerStatement({ period: '2025-Q4', kpi: { scorecard: seedsConfig.kpi!.scorecard } }, { id: 'a', kpi: seedsKpi });
    expect(explainDealerStatement(t)).toEqual([
      'a, 2025-Q4 (2025-10-01 to 2025-12-31), as of 2025-12-31.',
      'a: score 101.83 under maturity weights: Silver',
      'Sales: 2,375,000 of 2,500,000 = 95.00 % → 95.00 points × 0.5 = 47.50',
      'Customer satisfaction: 92 of 90 = 102.22 % → 102.22 points × 0.3 = 30.67',
      'Market share: 6 of 5 = 120.00 % → 120.00 points × 0.1 = 12.00',
      'Channel expansion: 35 of 30 = 116.67 % → 116.67 points × 0.1 = 11.67',
      'Weighted score 101.83: the sum of the 4 contributions',
      'Grade Silver: a score of 100 or more',
    ]);
  });

  it('a bad locale is refused with its path', () => {
    expect(thrown(() => explainDealerStatement(s, { locale: '' })).issues[0]!.path).toEqual(['options', 'locale']);
  });
});

describe('the page', () => {
  it('sections, their tables and captions in page order, each table in its own section', () => {
    const lines = formatDealerStatement(s, { format: 'text' }).split('\n');
    const heads = lines.filter((l, i) => lines[i + 1] !== undefined && /^-+$/.test(lines[i + 1]!) && l.length === lines[i + 1]!.length && !l.startsWith('SKU') && !l.startsWith('KPI') && !l.startsWith('step'));
    const captions = lines.filter((l) => /^[A-Z][a-z ]+( the [a-z ]+)?:$/.test(l));
    expect(heads).toEqual(['Target and pace', 'Scorecard (maturity weights)', 'Rebate', 'Points', 'Stock', 'How each figure was reached', 'To look at']);
    expect(captions).toEqual(['Indicators:', 'How the rebate was priced:', 'At or below the reorder point:', 'Above the maximum:']);
    const at = (x: string) => lines.indexOf(x);
    expect(at('Indicators:')).toBeGreaterThan(at('Scorecard (maturity weights)'));
    expect(at('Indicators:')).toBeLessThan(at('Rebate'));
    expect(at('How the rebate was priced:')).toBeGreaterThan(at('Rebate'));
    expect(at('How the rebate was priced:')).toBeLessThan(at('Points'));
    expect(at('At or below the reorder point:')).toBeGreaterThan(at('Stock'));
    // The scorecard's own figures, without the KPI lines (the table has them).
    expect(lines.slice(at('Scorecard (maturity weights)'), at('Scorecard (maturity weights)') + 9)).toEqual([
      'Scorecard (maturity weights)',
      '----------------------------',
      'Stage                    maturity',
      'Score                      101.83',
      'Grade                      Silver',
      'Rank in the peer group     2 of 3',
      'Peers scoring lower       50.00 %',
      'Standing                recovered',
      '',
    ]);
  });

  it('Markdown: a blank line before each caption; HTML: list items joined, no empty chart slot', () => {
    expect(formatDealerStatement(s, { format: 'markdown' })).toContain('| Standing | recovered |\n\n**Indicators**\n\n| KPI |');
    const html = formatDealerStatement(s, { format: 'html' });
    expect(html).toContain('<li>2025-Q4: target 2,500,000, actual 2,375,000 (95.00 %).</li><li>Expected by 2025-12-31:');
    expect(html).toContain('</table></section><section class="scorecard">');
    const none = buildDealerStatement(seedsConfig, { id: 'SEEDS' });
    expect(formatDealerStatement(none, { format: 'html' })).toContain(
      '<li><code>missing-section</code> no stock data for this dealer: the stock section is left out</li><li><code>missing-section</code> no KPI actuals',
    );
  });

  it('a statement that is undefined is refused as one', () => {
    expect(thrown(() => formatDealerStatement(undefined as never, { format: 'text' })).issues[0]).toMatchObject({ path: ['statement'], code: 'invalid_type' });
  });

  it('a copy whose KPI line lost a figure or holds a word prints the dash or the word', () => {
    const copy = JSON.parse(JSON.stringify(s));
    const lines = copy.scorecard.result.steps.filter((x: { code: string }) => x.code === 'kpi-points');
    delete lines[0].actual;
    lines[1].target = 'n/a';
    const md = formatDealerStatement(copy, { format: 'markdown' });
    expect(md).toContain('| Sales | — | 2,500,000 | 95.00 | 95.00 | 0.5 | 47.50 |');
    expect(md).toContain('| Customer satisfaction | 92 | n/a | 102.22 | 102.22 | 0.3 | 30.67 |');
  });

  it("a copy read back from JSON tells a tracking without steps by the statement's own sentence", () => {
    const copy = JSON.parse(JSON.stringify(buildDealerStatement({ period: '2025-Q4' }, { id: 'a', target: seedsDealer().target!, actuals: { '2025-Q4': 5 } })));
    delete copy.target.tracking.steps;
    const text = formatDealerStatement(copy, { format: 'text' });
    expect(text.slice(text.indexOf('How each figure was reached'))).toBe(
      'How each figure was reached\n---------------------------\n- a, 2025-Q4 (2025-10-01 to 2025-12-31), as of 2025-12-31.\n- 2025-Q4: target 2,500,000, actual 5 (0.00 %).\n\nTo look at\n----------\n' +
        '- missing-actual: 2025-01, 2025-02, 2025-03, 2025-04, 2025-05, 2025-06, 2025-07, 2025-08, 2025-09 have started but have no actual (given or summed from their sub-periods): actualToDate counts them as 0\n',
    );
  });
});
