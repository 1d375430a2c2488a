// allocateProfitPool and explainProfitPool (src/rebates/pool.ts): a revenue exactly at the baseline,
// increments inside, at and beyond the bands, the default rounding (half-up at the currency's minor
// unit), every field of every step, and refusals reported together with every field. Every figure
// is derived by hand in the test.
import { describe, expect, it } from 'vitest';
import { allocateProfitPool, explainProfitPool, type ProfitPoolInput, type ProfitPoolStep } from 'dealerkit';
import { strs, thrown } from './helpers.js';

const two = [
  { id: 'A', weight: 3 },
  { id: 'B', weight: 1 },
];
const tiers3 = { tiers: [{ from: 0, rate: '0.1' }, { from: 100, rate: '0.2' }, { from: 300, rate: '0.5' }] };
const str = (d: { toString(): string } | null) => (d === null ? null : d.toString());
const bandsOf = (steps: ProfitPoolStep[]) =>
  steps.flatMap((s) => (s.code === 'pool-band' ? [[str(s.from), str(s.to), str(s.base), str(s.rate), str(s.amount)]] : []));

describe('the increment and the bands', () => {
  it('revenue exactly at the baseline: no increment, a warning, the "not above" sentence', () => {
    const p = allocateProfitPool({ currency: 'EUR', revenue: 1000, baseline: 1000, pool: { rate: '0.5' }, partners: two });
    expect(strs([p.increment, p.unrounded, p.pool, ...p.shares.map((s) => s.amount)])).toEqual(['0', '0', '0', '0', '0']);
    expect(p.warnings).toEqual([{ code: 'no-increment', message: 'revenue 1,000.00 is not above the baseline 1,000.00: the pool is 0', path: ['revenue'] }]);
    expect(p.steps[0]!.text).toBe('Increment: revenue 1,000.00 is not above baseline 1,000.00, so 0');
  });
  it('an increment inside the first band: 1,050 − 1,000 = 50 → 10 % × 50 = 5; the higher bands hold 0', () => {
    const p = allocateProfitPool({ currency: 'EUR', revenue: 1050, baseline: 1000, pool: tiers3, partners: two });
    expect(bandsOf(p.steps)).toEqual([
      ['0', '100', '50', '0.1', '5'],
      ['100', '300', '0', '0.2', '0'],
      ['300', null, '0', '0.5', '0'],
    ]);
    expect(strs([p.increment, p.unrounded, p.pool])).toEqual(['50', '5', '5']);
    // 5 split 3 : 1 = 3.75 / 1.25.
    expect(strs(p.shares.map((s) => s.amount))).toEqual(['3.75', '1.25']);
    expect(p.warnings).toEqual([]);
  });
  it('an increment exactly at a band bound: 300 → 10 % × 100 + 20 % × 200 = 10 + 40 = 50, nothing above 300', () => {
    const p = allocateProfitPool({ currency: 'EUR', revenue: 1300, baseline: 1000, pool: tiers3, partners: two });
    expect(bandsOf(p.steps)).toEqual([
      ['0', '100', '100', '0.1', '10'],
      ['100', '300', '200', '0.2', '40'],
      ['300', null, '0', '0.5', '0'],
    ]);
    expect(p.pool.toString()).toBe('50');
  });
  it('an increment through every band: 450 → 10 + 40 + 50 % × 150 = 125; every step and sentence', () => {
    const p = allocateProfitPool({ currency: 'EUR', revenue: 1450, baseline: 1000, pool: tiers3, partners: two });
    expect(bandsOf(p.steps)).toEqual([
      ['0', '100', '100', '0.1', '10'],
      ['100', '300', '200', '0.2', '40'],
      ['300', null, '150', '0.5', '75'],
    ]);
    const total = p.steps[4]!;
    expect(total.code === 'pool-total' && [total.bands.map((b) => [str(b.rate), str(b.base)]), str(total.unrounded), str(total.pool), total.scale, total.mode]).toEqual([
      [
        ['0.1', '100'],
        ['0.2', '200'],
        ['0.5', '150'],
      ],
      '125',
      '125',
      2,
      'half-up',
    ]);
    const split = p.steps[5]!;
    expect(split.code === 'pool-split' && [str(split.pool), strs(split.weights), str(split.totalWeight)]).toEqual(['125', ['3', '1'], '4']);
    // 125 × 3 / 4 = 93.75, 125 × 1 / 4 = 31.25.
    expect(p.steps.slice(6).map((s) => s.code === 'pool-share' && [s.id, str(s.weight), str(s.amount), str(s.totalWeight)])).toEqual([
      ['A', '3', '93.75', '4'],
      ['B', '1', '31.25', '4'],
    ]);
    const inc = p.steps[0]!;
    expect(inc.code === 'pool-increment' && [str(inc.revenue), str(inc.baseline), str(inc.increment)]).toEqual(['1450', '1000', '450']);
    expect(p.steps.map((s) => s.text)).toEqual([
      'Increment: revenue 1,450.00 − baseline 1,000.00 = 450.00',
      '10 % × 100.00 (from 0.00 to 100.00) = 10.00',
      '20 % × 200.00 (from 100.00 to 300.00) = 40.00',
      '50 % × 150.00 (above 300.00) = 75.00',
      'Pool: 10 % × 100.00 + 20 % × 200.00 + 50 % × 150.00 = 125.00',
      '125.00 split by weight (3 + 1 = 4), largest remainder: the shares sum to the pool',
      'A: weight 3 of 4 → 93.75',
      'B: weight 1 of 4 → 31.25',
    ]);
    expect(explainProfitPool(p)).toEqual([
      'Increment: revenue 1,450.00 − baseline 1,000.00 = 450.00',
      'Pool: 10 % × 100.00 + 20 % × 200.00 + 50 % × 150.00 = 125.00',
      'A: weight 3 of 4 → 93.75',
      'B: weight 1 of 4 → 31.25',
    ]);
  });
});

describe('rounding', () => {
  it('by default half-up at the currency’s minor unit: 0.25 × 50 % = 0.125 → 0.13 (half-even would give 0.12)', () => {
    const p = allocateProfitPool({ currency: 'EUR', revenue: '1000.25', baseline: 1000, pool: { rate: '0.5' }, partners: [{ id: 'A', weight: 1 }] });
    expect(strs([p.unrounded, p.pool])).toEqual(['0.125', '0.13']);
    expect(p.scale).toBe(2);
    expect(p.steps[2]!.text).toBe('Pool: 50 % × 0.25 = 0.125 → 0.13');
  });
  it('a currency without minor units (JPY): 1,001 × 25 % = 250.25 → 250; the warning at scale 0', () => {
    const p = allocateProfitPool({ currency: 'JPY', revenue: 2001, baseline: 1000, pool: { rate: '0.25' }, partners: [{ id: 'A', weight: 1 }] });
    expect([p.pool.toString(), p.scale]).toEqual(['250', 0]);
    const none = allocateProfitPool({ currency: 'JPY', revenue: 900, baseline: 1000, pool: { rate: '0.25' }, partners: [{ id: 'A', weight: 1 }] });
    expect(none.warnings[0]!.message).toBe('revenue 900 is not above the baseline 1,000: the pool is 0');
  });
  it('rounding.scale wins over the currency; rounding.mode alone keeps the currency’s scale', () => {
    const input: ProfitPoolInput = { currency: 'EUR', revenue: '1000.25', baseline: 1000, pool: { rate: '0.5' }, partners: [{ id: 'A', weight: 1 }] };
    expect(allocateProfitPool({ ...input, rounding: { scale: 1 } }).pool.toString()).toBe('0.1');
    const down = allocateProfitPool({ ...input, rounding: { mode: 'down' } });
    expect([down.pool.toString(), down.scale]).toEqual(['0.12', 2]);
  });
});

describe('refusals, together and with every field', () => {
  const base: ProfitPoolInput = { currency: 'EUR', revenue: 2000, baseline: 1000, pool: { rate: '0.1' }, partners: two };
  it('weights all 0 and a first tier above 0 and tiers out of order: one error, every issue', () => {
    const e = thrown(() =>
      allocateProfitPool({
        ...base,
        pool: { tiers: [{ from: 10, rate: '0.1' }, { from: 5, rate: '0.2' }, { from: 7, rate: '0.3' }] },
        partners: [{ id: 'A', weight: 0 }, { id: 'B', weight: 0 }],
      }),
    );
    expect(e.code).toBe('invalid_input');
    expect(e.issues).toEqual([
      { path: ['partners'], code: 'invalid_value', message: 'must not all have weight 0 (the pool could not be split)' },
      { path: ['pool', 'tiers', 0, 'from'], code: 'invalid_value', message: 'must be 0, so that every increment falls in a tier; received 10', expected: '0', received: '10' },
      { path: ['pool', 'tiers', 1, 'from'], code: 'not_ascending', message: 'must be greater than tiers[0].from (10); list tiers in ascending order', received: '5', limit: '10' },
    ]);
  });
  it('a tier from the same amount as the one before is out of order too', () => {
    expect(thrown(() => allocateProfitPool({ ...base, pool: { tiers: [{ from: 0, rate: '0.1' }, { from: 100, rate: '0.2' }, { from: 100, rate: '0.3' }] } })).issues).toEqual([
      { path: ['pool', 'tiers', 2, 'from'], code: 'not_ascending', message: 'must be greater than tiers[1].from (100); list tiers in ascending order', received: '100', limit: '100' },
    ]);
  });
  it('one weight of 0 among others is fine: (2,000 − 1,000) × 10 % = 100, all to B', () => {
    const p = allocateProfitPool({ ...base, partners: [{ id: 'A', weight: 0 }, { id: 'B', weight: 2 }] });
    expect(p.shares.map((s) => [s.id, s.amount.toString()])).toEqual([
      ['A', '0'],
      ['B', '100'],
    ]);
  });
  it('a bad body and a bad partner in one error; partners that are not a list are the body’s issue', () => {
    const e = thrown(() => allocateProfitPool({ ...base, baseline: 'x' as never, partners: [{ id: 'A', weight: -2 }] }));
    expect(e.issues.map((i) => [i.path, i.code])).toEqual([
      [['baseline'], 'not_a_number'],
      [['partners', 'A', 'weight'], 'out_of_range'],
    ]);
    expect(thrown(() => allocateProfitPool({ ...base, partners: 'A' as never })).issues.map((i) => [i.path, i.code])).toEqual([[['partners'], 'invalid_type']]);
    expect(thrown(() => allocateProfitPool('pool' as never)).issues.map((i) => i.path)).toEqual([[]]);
  });
  it('no input at all is the body’s issue; explainProfitPool names result and options.locale', () => {
    expect(thrown(() => allocateProfitPool(undefined as never)).issues).toEqual([{ path: [], code: 'required', message: 'is required (an object)', expected: 'an object' }]);
    expect(thrown(() => explainProfitPool({} as never)).issues[0]!.path[0]).toBe('result');
    const p = allocateProfitPool(base);
    expect(thrown(() => explainProfitPool(p, { locale: 42 as never })).issues[0]!.path).toEqual(['options', 'locale']);
  });
});
