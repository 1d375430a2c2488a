// The wording of dealerkit/design's message factories (src/design/messages.ts) on the variants the
// engine tests do not reach: singular/plural, no segments/overrides, missing shares, no winners.
// Every expected sentence is written out by hand from the wording rules.
import { describe, expect, it } from 'vitest';
import { DESIGN_MESSAGES as M } from '../../src/design/messages.js';

describe('projection texts', () => {
  it('a negative growth reads "−", one segment "its own", one override singular, targets grown', () => {
    expect(M.projectionText('−5 %', 1, 1, '+2 %')).toBe(
      'sales, returns and units × (1 − 5 %), money rounded half-up to the money scale; 1 segment at a growth of its own; 1 dealer override; targets +2 %',
    );
  });
  it('no segments, several overrides, targets as given', () => {
    expect(M.projectionText('+3 %', 0, 2, null)).toBe(
      'sales, returns and units × (1 + 3 %), money rounded half-up to the money scale; 2 dealer overrides; targets as given',
    );
    expect(M.projectionText('+3 %', 2, 0, null)).toBe(
      'sales, returns and units × (1 + 3 %), money rounded half-up to the money scale; 2 segments at a growth of their own; targets as given',
    );
  });
  it('stochastic: none, one and several segments and overrides', () => {
    const head = "in every run, sales and returns × the dealer's drawn 1 + growth, rounded half-up to whole minor units";
    expect(M.stochasticProjectionText(0, 0, null)).toBe(`${head}; targets as given`);
    expect(M.stochasticProjectionText(1, 1, '+1 %')).toBe(`${head}; 1 segment with a mean of its own; 1 dealer override; targets +1 %`);
    expect(M.stochasticProjectionText(3, 2, null)).toBe(`${head}; 3 segments with a mean of their own; 2 dealer overrides; targets as given`);
  });
});

describe('shares and headlines without sales or payees', () => {
  it('shareText and shareMeanText say undefined when there are no sales or nobody is paid', () => {
    expect(M.shareText('0.00', '0.00', null, '0.00', '0 dealers', null)).toBe(
      '0.00 / net sales 0.00 = undefined (no sales) of sales; 0.00 / 0.00 of the 0 dealers paid = undefined (nobody paid) effective',
    );
    expect(M.shareMeanText('0.00', '0.00', null, '0.00', '0', null)).toBe(
      'per run on average: 0.00 / net sales 0.00 = undefined (no sales) of sales; 0.00 / 0.00 of the 0 dealers paid = undefined (nobody paid) effective',
    );
  });
  it('deterministicHeadline: no net sales, nobody paid', () => {
    expect(M.deterministicHeadline('Base', '0.00', '0.00', null, '0', null)).toBe('Base: rebate 0.00, no net sales.');
    expect(M.deterministicHeadline('Base', '0.00', '1000.00', '0 %', '0', null)).toBe('Base: rebate 0.00 on net sales 1000.00 (0 % of sales; nobody paid).');
  });
  it('tier and top sentences switch wording for means', () => {
    expect(M.tiersSentence(false, 'Gold 2 (10.00)')).toBe('Dealers per tier: Gold 2 (10.00).');
    expect(M.topSentence(false, 'D1 5.00 (Gold)')).toBe('Largest rebates: D1 5.00 (Gold).');
    expect(M.topSentence(true, 'D1 5.00 (Gold)')).toBe('Largest mean rebates: D1 5.00 (Gold).');
    expect(M.note('a warning')).toBe('Note: a warning.');
  });
});

describe('sensitivity, cliffs and comparisons', () => {
  it('unknownTierName lists the tiers when there are any', () => {
    expect(M.unknownTierName('Platinum', [])).toBe('no tier of the program is named "Platinum"');
    expect(M.unknownTierName('Platinum', ['Silver', 'Gold'])).toBe('no tier of the program is named "Platinum" (the tiers: "Silver", "Gold")');
  });
  it('cliffSentence with and without a per-unit figure and benefits', () => {
    expect(M.cliffSentence('D7', 'Silver', '500.00 more net sales', 'Gold', '10000.00', '150.00', '300.00', '+150.00', '30 % of the extra sales', '+1 benefit')).toBe(
      'D7 (Silver) needs 500.00 more net sales to reach Gold at 10000.00: its rebate goes from 150.00 to 300.00 (+150.00, 30 % of the extra sales), and its benefits +1 benefit.',
    );
    expect(M.cliffSentence('D7', 'Silver', '3 more units', 'Gold', '100', '150.00', '300.00', '+150.00', null, null)).toBe(
      'D7 (Silver) needs 3 more units to reach Gold at 100: its rebate goes from 150.00 to 300.00 (+150.00).',
    );
  });
  it('switchDealerPart with tiers; switchSentence with nobody better or worse off and unchanged dealers', () => {
    expect(M.switchDealerPart('D1', '+10.00', 'Silver → Gold')).toBe('D1 (+10.00, Silver → Gold)');
    expect(M.switchDealerPart('D1', '+10.00', null)).toBe('D1 (+10.00)');
    expect(M.switchSentence('Base', 'A', 'B', '+0.00', false, '', '', 3)).toBe('Base, A → B: cost +0.00; better off: nobody; worse off: nobody; 3 unchanged.');
    expect(M.switchSentence('Base', 'A', 'B', '+5.00', true, 'D1 (+5.00)', 'D2 (−1.00)', 0)).toBe(
      'Base, A → B: cost +5.00 per run on average; better off: D1 (+5.00); worse off: D2 (−1.00).',
    );
  });
  it('salesBeyondSafe and runBeyondSafe name the factor and the run', () => {
    expect(M.salesBeyondSafe(1.5)).toBe('times the drawn factor 1.5 is beyond 2^53 minor units, where whole-cent arithmetic ends');
    expect(M.runBeyondSafe(4)).toBe("run 4's total is beyond 2^53 minor units, where whole-cent arithmetic ends");
  });
});

describe('dealersRefused agrees in number', () => {
  it('"1 of 2 dealers was refused ... the 1 dealer computed"; several "were", "dealers"', () => {
    expect(M.dealersRefused(1, 2)).toBe('1 of 2 dealers was refused; the figures are over the 1 dealer computed');
    expect(M.dealersRefused(2, 5)).toBe('2 of 5 dealers were refused; the figures are over the 3 dealers computed');
    expect(M.dealersRefused(2, 2)).toBe('2 of 2 dealers were refused; the figures are over the 0 dealers computed');
  });
});
