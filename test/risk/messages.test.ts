// The wording of the risk engine's texts (src/risk/messages.ts) on the choices the engine tests do
// not reach. Figures are Decimals formatted half-up with English separators (',' and '.');
// every expected sentence is written out by hand.
import { describe, expect, it } from 'vitest';
import { toDecimal } from '../../src/core/decimal.js';
import { EXPLAIN_TEXTS as E, RISK_MESSAGES as M, RISK_TEXTS as T } from '../../src/risk/messages.js';

const d = (s: string) => toDecimal(s);
const EN = { group: ',', decimal: '.' };

describe('RISK_MESSAGES and RISK_TEXTS', () => {
  it('findingLabel: "an impact label", "a likelihood label"', () => {
    expect(M.findingLabel('impact', 'credit', 'huge', ['low', 'high'])).toBe("is not an impact label of factor 'credit': 'huge' (impact labels: 'low', 'high')");
    expect(M.findingLabel('likelihood', 'credit', 'often', ['rare'])).toBe("is not a likelihood label of factor 'credit': 'often' (likelihood labels: 'rare')");
  });
  it('ratioNote with and without a source', () => {
    expect(T.ratioNote('current ratio', d('1.234'), 2024, 'weak', undefined)).toBe('current ratio 1.23 in 2024: weak');
    expect(T.ratioNote('current ratio', d('1.235'), 2024, 'weak', 'the bank table')).toBe('current ratio 1.24 in 2024: weak (the bank table)');
  });
});

describe('EXPLAIN_TEXTS', () => {
  it('sentence capitalizes its first letter; an empty text stays empty', () => {
    expect(E.sentence('approved')).toBe('Approved.');
    expect(E.sentence('')).toBe('.');
  });
  it('headline by the mean score of one worst factor, for a partner without an id', () => {
    const o = { method: 'worst', sum: d('12'), divisor: d('1'), score: d('12'), level: 'high', levelScore: d('10'), basis: ['credit'] };
    expect(E.headline(null, 'reject', o, 3, EN)).toBe("The partner is rejected: overall risk high, by the mean score of the 1 worst factor (credit) 12 / 1 = 12, at least high's 10.");
  });
  it('headline by the weighted mean, and by the worst residual level of one factor', () => {
    const w = { method: 'weighted', sum: d('7.5'), divisor: d('2'), score: d('3.75'), level: 'medium', levelScore: d('3'), basis: [] };
    expect(E.headline('D1', 'conditional', w, 2, EN)).toBe("D1 is approved with conditions: overall risk medium, by the weighted mean score 7.5 / 2 = 3.75, at least medium's 3.");
    const m = { method: 'max', sum: d('0'), divisor: d('1'), score: d('0'), level: 'low', levelScore: d('0'), basis: ['fraud'] };
    expect(E.headline(7, 'approve', m, 1, EN)).toBe('7 is approved: overall risk low, the worst residual level of the 1 assessed factor (fraud).');
  });
  it('knockout with and without a note', () => {
    expect(E.knockout('sanctions', 'listed', '')).toBe('Knock-out: sanctions, listed.');
    expect(E.knockout('sanctions', 'listed', 'EU list')).toBe('Knock-out: sanctions, listed (EU list).');
  });
  it('atLevel: a factor lowered by controls, one with controls and one without', () => {
    const r = (likelihood: string, impact: string) => ({ likelihood, impact, level: 'x' });
    expect(
      E.atLevel('medium', [
        { factor: 'credit', inherent: r('likely', 'major'), residual: r('possible', 'major'), controls: [{ id: 'c1' }, { id: 'c2' }] },
        { factor: 'fraud', inherent: r('rare', 'minor'), residual: r('rare', 'minor'), controls: [{ id: 'c3' }] },
        { factor: 'market', inherent: r('rare', 'minor'), residual: r('rare', 'minor'), controls: [] },
      ]),
    ).toBe('At medium: credit (likely × major, lowered by c1, c2 to possible × major), fraud (rare × minor, with c3), market (rare × minor).');
  });
  it('mitigation with and without actions', () => {
    expect(E.mitigation('credit', 'high', 'medium', [])).toBe('To approve, bring credit from high to at most medium.');
    expect(E.mitigation('credit', 'high', 'medium', ['collateral', 'limit'])).toBe('To approve, bring credit from high to at most medium: collateral; limit.');
  });
  it('liquidity: null without any ratio; percent ratios as percentages', () => {
    const none = { currentRatio: null, quickRatio: null, debtRatio: null, interestCoverage: null, operatingCashFlowRatio: null } as never;
    expect(E.liquidity(2024, 'closing', none, EN)).toBeNull();
    const some = { currentRatio: d('1.5'), quickRatio: null, debtRatio: d('0.625'), interestCoverage: null, operatingCashFlowRatio: null } as never;
    expect(E.liquidity(2024, 'average', some, EN)).toBe('2024 (average balances): current ratio 1.50, debt ratio 62.50 %.');
  });
  it('roe without and with its DuPont parts', () => {
    expect(E.roe(d('0.12'), null, EN)).toBe('ROE 12.00 %.');
    expect(E.roe(d('0.12'), { netMargin: d('0.05'), assetTurnover: d('1.2'), equityMultiplier: d('2') }, EN)).toBe(
      'ROE 12.00 %: net margin 5.00 % × asset turnover 1.20 × equity multiplier 2.00.',
    );
  });
  it('altman: distress, grey and safe zones', () => {
    expect(E.altman('z', d('1.5'), 'distress', d('1.81'), d('2.99'), EN)).toBe('Altman Z 1.50: distress zone (below 1.81).');
    expect(E.altman('z-prime', d('3.5'), 'safe', d('1.23'), d('2.9'), EN)).toBe('Altman Z′ 3.50: safe zone (above 2.90).');
    expect(E.altman('z-double-prime', d('2'), 'grey', d('1.1'), d('2.6'), EN)).toBe('Altman Z″ 2.00: grey zone (1.10 to 2.60).');
  });
  it('trends: only improving, only deteriorating', () => {
    expect(E.trends(2022, 2024, ['currentRatio'], [])).toBe('From 2022 to 2024, improving: current ratio.');
    expect(E.trends(2022, 2024, [], ['debtRatio', 'roe'])).toBe('From 2022 to 2024, deteriorating: debt ratio, ROE.');
  });
  it('cagr: fell for a negative rate, grew for zero and positive', () => {
    expect(E.cagr(d('-0.05'), 2020, 2024, EN)).toBe('Revenue fell 5.00 % a year from 2020 to 2024.');
    expect(E.cagr(d('0'), 2020, 2024, EN)).toBe('Revenue grew 0.00 % a year from 2020 to 2024.');
    expect(E.cagr(d('0.1'), 2020, 2024, EN)).toBe('Revenue grew 10.00 % a year from 2020 to 2024.');
  });
});
