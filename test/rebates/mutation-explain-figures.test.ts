// How figures are written in step texts and explanations (fmtMoney, fmtRate, fmtNum and their digit
// grouping in src/rebates/explain.ts): padding to the money scale, exact figures with up to six extra
// places, longer ones cut (rounded down) and marked '…', tiny and whole rates as percentages, negative
// figures grouped, and the German marks. Every figure is derived by hand in the test.
import { describe, expect, it } from 'vitest';
import { calculateRebate, defineRebateProgram, explainRebate } from 'dealerkit';

// Rounded once at the total, so each line shows its exact amount. Rates 0.000001 (0.0001 %),
// 0.0000001 (0.00001 %) and 1 (100 %).
const tiny = () => defineRebateProgram({
  currency: 'EUR',
  rounding: { stage: 'total' },
  basis: 'amount',
  method: 'retroactive',
  tiers: [{ from: 0, rate: '0.000001' }, { from: 100, rate: '0.0000001' }, { from: 1000, rate: 1 }],
});
const texts = (sales: number) => calculateRebate(tiny(), { sales }).steps.map((s) => s.text);

describe('money figures', () => {
  it('an exact line with 8 places (2 + 6 extra) is written in full: 0.000001 × 12.34 = 0.00001234', () => {
    const r = calculateRebate(tiny(), { sales: 12.34 });
    expect(r.steps.map((s) => s.text)).toEqual(['net sales 12.34', 'Tier 1: 0.0001 % × 12.34 = 0.00001234', 'rounded once to 2 places, half-up: 0.00001234 → 0.00']);
    // Tier 2 at 100 pays 0.0000001 × 100 = 0.00001 → 0.00; 100 − 12.34 = 87.66 more.
    expect(explainRebate(r)).toEqual([
      'Tier 1 reached at net sales of 12.34: 0.0001 % × 12.34 = 0.00001234; rounded to 0.00.',
      'Tier 2 from 100.00 needs 87.66 more net sales; the rebate would then be 0.00 (+0.00).',
    ]);
  });
  it('with German marks: the same figures with a decimal comma', () => {
    expect(explainRebate(calculateRebate(tiny(), { sales: 12.34 }), { locale: 'de' })).toEqual([
      'Tier 1 reached at net sales of 12,34: 0,0001 % × 12,34 = 0,00001234; rounded to 0,00.',
      'Tier 2 from 100,00 needs 87,66 more net sales; the rebate would then be 0,00 (+0,00).',
    ]);
  });
  it('one place more (9) is cut after 8 places, rounded down, and marked: 0.0000001 × 123.45 = 0.000012345 → 0.00001234…', () => {
    expect(texts(123.45)).toEqual(['net sales 123.45', 'Tier 2: 0.00001 % × 123.45 = 0.00001234…', 'rounded once to 2 places, half-up: 0.000012345 → 0.00']);
    // 1,000 − 123.45 = 876.55; tier 3 pays 100 % × 1,000 = 1,000.
    expect(explainRebate(calculateRebate(tiny(), { sales: 123.45 }), { locale: 'de' })).toEqual([
      'Tier 2 reached at net sales of 123,45: 0,00001 % × 123,45 = 0,00001234…; rounded to 0,00.',
      'Tier 3 from 1.000,00 needs 876,55 more net sales; the rebate would then be 1.000,00 (+1.000,00).',
    ]);
  });
  it('a figure with fewer places than the scale is padded: 1,000 → 1,000.00 (none), 1,234,567.8 → 1,234,567.80 (one)', () => {
    expect(texts(1000)).toEqual(['net sales 1,000.00', 'Tier 3: 100 % × 1,000.00 = 1,000.00', 'rounded once to 2 places, half-up: 1,000 → 1,000.00']);
    expect(texts(1234567.8)).toEqual([
      'net sales 1,234,567.80',
      'Tier 3: 100 % × 1,234,567.80 = 1,234,567.80',
      'rounded once to 2 places, half-up: 1,234,567.8 → 1,234,567.80',
    ]);
    expect(explainRebate(calculateRebate(tiny(), { sales: 1234567.8 }), { locale: 'de' })).toEqual([
      'Tier 3 reached at net sales of 1.234.567,80: 100 % × 1.234.567,80 = 1.234.567,80.',
    ]);
  });
});

describe('negative figures are grouped after their sign', () => {
  const gated = () => defineRebateProgram({
    currency: 'EUR',
    rounding: { stage: 'total' },
    basis: 'amount',
    method: 'retroactive',
    tiers: [{ from: 0, rate: '0.01' }],
    gates: [{ metric: 'm', op: '>=', value: -100, onFail: { factor: '0.5' } }],
  });
  it('-123,456.5 (six digits) and -1,234 fail ≥ -100: 1 % × 100 = 1 × 0.5 = 0.50', () => {
    const a = calculateRebate(gated(), { sales: 100, metrics: { m: -123456.5 } });
    expect(a.steps.map((s) => s.text)).toEqual([
      'net sales 100.00',
      'Tier 1: 1 % × 100.00 = 1.00',
      'gate m -123,456.5 ≥ -100: not met, × 0.5',
      'failed gates × 0.5: 1.00 → 0.50',
      'rounded once to 2 places, half-up: 0.5 → 0.50',
    ]);
    expect(explainRebate(a)).toEqual(['Tier 1 reached at net sales of 100.00: 1 % × 100.00 = 1.00; m -123,456.5 fails ≥ -100 × 0.5 → 0.50.']);
    expect(explainRebate(calculateRebate(gated(), { sales: 100, metrics: { m: -1234 } }))).toEqual([
      'Tier 1 reached at net sales of 100.00: 1 % × 100.00 = 1.00; m -1,234 fails ≥ -100 × 0.5 → 0.50.',
    ]);
  });
  it('-0.5 ≥ -100 is met', () => {
    expect(explainRebate(calculateRebate(gated(), { sales: 100, metrics: { m: '-0.5' } }))).toEqual([
      'Tier 1 reached at net sales of 100.00: 1 % × 100.00 = 1.00.',
      'Gates met: m -0.5 ≥ -100.',
    ]);
  });
});

describe('a negative ratio keeps its sign, except where it rounds to zero', () => {
  // No calculation makes a negative attainment; a result edited by hand (read back from JSON) can carry one.
  const p = () => defineRebateProgram({ currency: 'EUR', rounding: { stage: 'line' }, method: 'retroactive', basis: 'attainment', tiers: [{ from: 0, rate: '0.01' }, { from: '0.9', rate: '0.02' }] });
  const edited = (basisValue: string): string => {
    const r = JSON.parse(JSON.stringify(calculateRebate(p(), { sales: 500, target: 1000 }))) as { basisValue: string };
    r.basisValue = basisValue;
    return explainRebate(r as never)[0]!;
  };
  it('-0.0512 → -5.12 %, -1.5 → -150.00 %, -0.00001 → half-up to 4 places -0.0000 → 0.00 % (no sign on zero); 1 % × 500 = 5', () => {
    expect(edited('-0.0512')).toBe('Tier 1 reached at -5.12 % of target: 1 % × 500.00 = 5.00.');
    expect(edited('-1.5')).toBe('Tier 1 reached at -150.00 % of target: 1 % × 500.00 = 5.00.');
    expect(edited('-0.00001')).toBe('Tier 1 reached at 0.00 % of target: 1 % × 500.00 = 5.00.');
  });
});
