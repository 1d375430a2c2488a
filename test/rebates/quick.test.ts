import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, calculateRebate, calculateRebates, defineRebateProgram, type RebateInput, type RebateProgram, type RebateProgramSpec } from 'dealerkit';

// calculateRebates' quick rows (calculate.ts quickRebate): a row of plain numbers under an amount or
// quantity program is priced by the kernel's rules on exact scaled integers, its steps and warnings
// built by the Decimal path when first read. The oracle is calculateRebate on the same row (the
// Decimal path throughout): every field, the JSON text and the key order must be the same, over every
// program shape the generator makes (three methods, both bound styles, both stages, every rounding
// mode, amount and quantity bases, rates, per-unit amounts, fixed amounts, benefits, the award, gates,
// multipliers, cap by amount and rate, minimum raise and forfeit) and dealers with returns above their
// sales or units (negative nets), metrics below a band, targets and baselines the program ignores.

const MODES = ['half-up', 'half-even', 'half-down', 'up', 'down', 'ceiling', 'floor'] as const;
const cents = (min: number, max: number) => fc.integer({ min, max }).map((c) => c / 100);
const rate = fc.integer({ min: 0, max: 5000 }).map((n) => new Decimal(n).div(10000).toString());

const shape = fc.record({
  method: fc.constantFrom('incremental', 'retroactive', 'step' as const),
  upTo: fc.boolean(),
  stage: fc.constantFrom('line', 'total' as const),
  mode: fc.constantFrom(...MODES),
  units: fc.boolean(),
  froms: fc.uniqueArray(fc.integer({ min: 1, max: 400 }), { minLength: 0, maxLength: 4 }).map((xs) => [0, ...xs.sort((a, b) => a - b)]),
  rates: fc.array(rate, { minLength: 5, maxLength: 5 }),
  perUnit: fc.option(cents(0, 500), { nil: undefined }),
  fixed: fc.option(cents(0, 50_000), { nil: undefined }),
  benefit: fc.boolean(),
  award: fc.option(fc.record({ rate, cap: fc.option(cents(0, 5_000_00), { nil: undefined }) }), { nil: undefined }),
  gate: fc.option(fc.record({ value: fc.integer({ min: 0, max: 100 }), factor: fc.constantFrom('0', '0.5', '0.75', '0.333') }), { nil: undefined }),
  mult: fc.constantFrom(0, 1, 2),
  cap: fc.option(fc.record({ amount: fc.option(cents(0, 200_000_00), { nil: undefined }), rateOfBase: fc.option(rate, { nil: undefined }) }), { nil: undefined }),
  minimum: fc.option(fc.record({ amount: cents(0, 1_000_00), whenBelow: fc.constantFrom('raise', 'forfeit' as const) }), { nil: undefined }),
});
type Shape = typeof shape extends fc.Arbitrary<infer T> ? T : never;

function specOf(s: Shape): RebateProgramSpec {
  // Bounds: sales amounts (× 10,000) on an amount basis, units (× 10) on a quantity basis.
  const bound = (x: number) => (s.units ? x * 10 : x * 10_000);
  const pays = (i: number) => ({
    ...(s.method === 'step' || (s.units && s.method === 'incremental') ? {} : { rate: s.rates[i]! }),
    ...(s.method === 'step' || s.perUnit === undefined || (!s.units && s.method === 'incremental') ? {} : { perUnit: new Decimal(s.perUnit).times(i + 1).toString() }),
    ...(s.fixed === undefined && s.method !== 'step' ? {} : { fixed: new Decimal(s.fixed ?? 10).times(i + 1).toString() }),
    ...(s.benefit && i > 0 ? { benefits: { brandFund: 100 * i } } : {}),
  });
  const tiers = s.froms.map((from, i) =>
    s.upTo ? { upTo: i + 1 < s.froms.length ? bound(s.froms[i + 1]!) : null, ...pays(i) } : { from: bound(from), ...pays(i) },
  );
  const bands = [{ from: 0, factor: '1.1' }, { from: 30, factor: 1 }, { from: 60, factor: '0.85' }];
  return {
    currency: 'CNY',
    rounding: { stage: s.stage, mode: s.mode },
    basis: s.units ? 'quantity' : 'amount',
    method: s.method,
    tiers,
    ...(s.award === undefined ? {} : { overAchievement: { above: 1, rate: s.award.rate, ...(s.award.cap === undefined ? {} : { cap: s.award.cap }) } }),
    ...(s.gate === undefined ? {} : { gates: [{ metric: 'kpi', op: '>=', value: s.gate.value, onFail: s.gate.factor === '0' ? 'zero' : { factor: s.gate.factor } }] }),
    ...(s.mult === 0 ? {} : { multipliers: [{ metric: 'days', bands: s.mult === 1 ? [{ from: 10, factor: '1.05' }] : bands }] }),
    ...(s.cap === undefined || (s.cap.amount === undefined && s.cap.rateOfBase === undefined) ? {} : { cap: { ...s.cap } }),
    ...(s.minimum === undefined ? {} : { minimum: s.minimum }),
  } as RebateProgramSpec;
}

function defined(s: Shape): RebateProgram | null {
  try {
    return defineRebateProgram(specOf(s));
  } catch {
    return null; // a minimum above the cap, or another refused combination: not a program
  }
}

const dealer = fc.record(
  {
    // Large sales under many extra places (rates, factors) leave 2^53: those rows take the Decimal path.
    sales: fc.oneof(cents(0, 6_000_000_00), cents(0, 50_000_00)),
    returns: fc.oneof({ arbitrary: cents(0, 100_000_00), weight: 4 }, { arbitrary: cents(0, 8_000_000_00), weight: 1 }),
    quantity: fc.integer({ min: 0, max: 5000 }),
    returnedQuantity: fc.oneof({ arbitrary: fc.integer({ min: 0, max: 50 }), weight: 4 }, { arbitrary: fc.integer({ min: 0, max: 6000 }), weight: 1 }),
    target: fc.integer({ min: 1, max: 5_000_000 }),
    baseline: cents(0, 1_000_00),
    metrics: fc.record({ kpi: fc.integer({ min: 0, max: 100 }), days: fc.integer({ min: 0, max: 120 }) }, { requiredKeys: [] }),
  },
  { requiredKeys: ['sales', 'quantity'] },
);

const isQuick = (r: object): boolean => Object.getOwnPropertyDescriptor(r, 'steps')?.get !== undefined;

describe('calculateRebates quick rows equal calculateRebate (the Decimal path)', () => {
  it('every field, the JSON text and the key order, over every program shape and dealer', () => {
    let quick = 0;
    let runs = 0;
    fc.assert(
      fc.property(shape, dealer, (s, d) => {
        const p = defined(s);
        if (p === null) return;
        let expected: unknown;
        try {
          expected = calculateRebate(p, d);
        } catch (error) {
          // A row the Decimal path refuses is refused by the batch too, with the same message under the row's path.
          expect(() => calculateRebates(p, [d])).toThrow((error as Error).message.replace('[dealerkit] ', '[dealerkit] inputs[0].'));
          return;
        }
        runs++;
        const got = calculateRebates(p, [d]).rows[0]!.result!;
        if (isQuick(got)) quick++;
        // JSON first (it reads the lazy steps and warnings), then every field again, read.
        expect(JSON.stringify(got)).toBe(JSON.stringify(expected));
        expect(Object.keys(got)).toEqual(Object.keys(expected as object));
        expect(got).toEqual(expected);
      }),
      { numRuns: 1000, seed: 15 },
    );
    console.log(`quick rows: ${quick} of ${runs} computed`);
    expect(runs).toBeGreaterThan(200);
    expect(quick).toBeGreaterThan(runs / 5);
  });

  it('compares equal before the steps are read, and the rebate figure is the same Decimal value', () => {
    const p = defineRebateProgram({ currency: 'USD', rounding: { stage: 'total' }, basis: 'amount', method: 'retroactive', tiers: [{ from: 0 }, { from: 5000, rate: '0.02' }, { from: 20000, rate: '0.04' }] });
    const row: RebateInput = { sales: 7000.5 };
    const got = calculateRebates(p, [row]).rows[0]!.result!;
    expect(isQuick(got)).toBe(true);
    // Hand: 2 % × 7,000.50 = 140.01; the next tier at 20,000 pays 4 % × 20,000 = 800.
    expect(got.rebate.toString()).toBe('140.01');
    expect(got.nextTier?.salesGap?.toString()).toBe('12999.5');
    expect(got.nextTier?.rebateAtThreshold.toString()).toBe('800');
    expect(got).toEqual(calculateRebate(p, row));
    expect(got.steps[1]?.text).toBe('Tier 2: 2 % × 7,000.50 = 140.01');
    expect(got.warnings[0]?.code).toBe('retroactive-jump');
  });

  it('explains the row as given, even when the caller changes the input afterwards', () => {
    const p = defineRebateProgram({ currency: 'USD', rounding: { stage: 'line' }, basis: 'amount', method: 'incremental', tiers: [{ from: 0, rate: '0.01' }, { from: 1000, rate: '0.02' }] });
    const row = { sales: 1500, metrics: { kpi: 3 } };
    const got = calculateRebates(p, [row]).rows[0]!.result!;
    row.sales = 1;
    row.metrics.kpi = 99;
    // Hand: 1 % × 1,000 + 2 % × 500 = 10 + 10 = 20.
    expect(got.rebate.toString()).toBe('20');
    expect(got.steps[0]?.text).toBe('net sales 1,500.00');
    expect(got.warnings).toEqual([]);
  });

  it('keeps the fields writable, as a plain result is', () => {
    const p = defineRebateProgram({ currency: 'USD', rounding: { stage: 'total' }, basis: 'amount', method: 'retroactive', tiers: [{ from: 0 }, { from: 5000, rate: '0.02' }] });
    const got = calculateRebates(p, [{ sales: 100 }]).rows[0]!.result!;
    expect(Object.getPrototypeOf(got)).toBe(Object.prototype);
    got.steps = [];
    got.warnings = [];
    expect(got.steps).toEqual([]);
    expect(got.warnings).toEqual([]);
    expect(Object.keys(got).slice(-2)).toEqual(['steps', 'warnings']);
  });

  it('leaves every row it cannot price exactly to the Decimal path: strings, negative nets, figures past 2^53', () => {
    const p = defineRebateProgram({ currency: 'USD', rounding: { stage: 'total' }, basis: 'amount', method: 'retroactive', tiers: [{ from: 0, rate: '0.01' }] });
    const rows: RebateInput[] = [{ sales: '100' }, { sales: 100, returns: 150 }, { sales: 2 ** 60 }, { sales: 0.001 }, { sales: 100, metrics: { a: '1' } }];
    for (const row of rows) {
      const got = calculateRebates(p, [row]).rows[0]!.result!;
      expect(isQuick(got)).toBe(false);
      expect(got).toEqual(calculateRebate(p, row));
    }
  });

  it('refuses bad rows with the same paths and messages as before', () => {
    const p = defineRebateProgram({
      currency: 'USD', rounding: { stage: 'total' }, basis: 'amount', method: 'retroactive', tiers: [{ from: 0, rate: '0.01' }],
      multipliers: [{ metric: 'days', bands: [{ from: 10, factor: 1 }] }],
    });
    const bad: unknown[] = [{ sales: -1, metrics: { days: 20 } }, { sales: 1, metrics: { days: 5 } }, { sales: 1 }, { sales: 1, metrics: { days: 20 }, extra: 1 }, { sales: Number.NaN, metrics: { days: 20 } }];
    for (const row of bad) {
      let message = '';
      try {
        calculateRebate(p, row as RebateInput);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).not.toBe('');
      expect(() => calculateRebates(p, [row as RebateInput])).toThrow(message.replace('[dealerkit] ', '[dealerkit] inputs[0].'));
    }
  });
});
