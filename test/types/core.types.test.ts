import { describe, expect, expectTypeOf, it } from 'vitest';
import { Decimal, DealerkitError, allocate, allocateEvenly, toCurrencyScale, roundTo, toDecimal, toIsoDate, type DecimalInput, type RoundingMode } from 'dealerkit';
import { type DealerkitErrorCode, type DealerkitIssue } from 'dealerkit/design';

// These assertions are checked by `tsc` (the typecheck step of npm test); at run time they are no-ops.
describe('public core types', () => {
  it('converts inputs to Decimal', () => {
    expectTypeOf(toDecimal).parameter(0).toEqualTypeOf<unknown>();
    expectTypeOf(toDecimal('1')).toEqualTypeOf<Decimal>();
    expectTypeOf<DecimalInput>().toEqualTypeOf<number | string | Decimal>();
  });

  it('rounds with a closed set of modes', () => {
    expectTypeOf(roundTo('1.005', { scale: 2, mode: 'half-even' })).toEqualTypeOf<Decimal>();
    expectTypeOf<RoundingMode>().toEqualTypeOf<'half-up' | 'half-even' | 'half-down' | 'up' | 'down' | 'ceiling' | 'floor'>();
    expect(() =>
      // @ts-expect-error: 'bankers' is not a rounding mode
      roundTo('1', { scale: 2, mode: 'bankers' })
    ).toThrow(DealerkitError);
    expect(() =>
      // @ts-expect-error: the scale is required
      roundTo('1', { mode: 'up' })
    ).toThrow(DealerkitError);
    expect(() =>
      // @ts-expect-error: booleans are not decimal input
      roundTo(true, { scale: 0 })
    ).toThrow(DealerkitError);
  });

  it('allocates into Decimal arrays', () => {
    expectTypeOf(allocate(10, [1, '2', new Decimal(3)], { scale: 0 })).toEqualTypeOf<Decimal[]>();
    expectTypeOf(allocateEvenly('100', 3, { scale: 2 })).toEqualTypeOf<Decimal[]>();
    expect(() =>
      // @ts-expect-error: weights must be an array
      allocate(10, 5, { scale: 0 })
    ).toThrow(DealerkitError);
    expect(() =>
      // @ts-expect-error: the options object is required
      allocate(10, [1])
    ).toThrow(DealerkitError);
  });

  it('exposes currency scales as numbers and dates as strings', () => {
    expectTypeOf(toCurrencyScale('USD')).toEqualTypeOf<number>();
    expectTypeOf(toIsoDate(new Date(0))).toEqualTypeOf<string>();
    expect(() =>
      // @ts-expect-error: a number is not a date input
      toIsoDate(20260101)
    ).toThrow(DealerkitError);
  });

  it('describes errors as data', () => {
    expectTypeOf<DealerkitError['code']>().toEqualTypeOf<DealerkitErrorCode>();
    expectTypeOf<DealerkitError['issues']>().toEqualTypeOf<DealerkitIssue[]>();
    expectTypeOf<DealerkitIssue['path']>().toEqualTypeOf<(string | number)[]>();
    expectTypeOf<DealerkitErrorCode>().toExtend<string>();
    // @ts-expect-error: codes are a closed union
    const bad: DealerkitErrorCode = 'oops';
    void bad;
  });
});
