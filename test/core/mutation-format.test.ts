// Number formatting (src/core/format.ts): the writers every step text uses and the public
// formatNumber / formatPercent, with every expected text written out by hand (digits grouped by
// threes from the right, rounding half-up unless a mode is given).
import { afterEach, describe, expect, it } from 'vitest';
import { formatNumber, formatPercent, toDecimal } from 'dealerkit';
import { fmtAmount, fmtExact, fmtExactPercent, fmtPercent, groupDigits, separatorsOf } from '../../src/core/format.js';
import { thrown } from '../helpers.js';

const EN = { group: ',', decimal: '.' };
const DE = { group: '.', decimal: ',' };
const d = toDecimal;

describe('groupDigits', () => {
  it('puts a mark before every third digit from the right of the integer part, none before the first', () => {
    expect(groupDigits('1', EN)).toBe('1');
    expect(groupDigits('12', EN)).toBe('12');
    expect(groupDigits('123', EN)).toBe('123');
    expect(groupDigits('1234', EN)).toBe('1,234');
    expect(groupDigits('12345', EN)).toBe('12,345');
    expect(groupDigits('123456', EN)).toBe('123,456');
    expect(groupDigits('1234567', EN)).toBe('1,234,567');
    expect(groupDigits('1234567.891', EN)).toBe('1,234,567.891');
    expect(groupDigits('0.5', EN)).toBe('0.5');
  });

  it('keeps the sign outside the groups and uses the given marks', () => {
    expect(groupDigits('-123', EN)).toBe('-123');
    expect(groupDigits('-1234.5', EN)).toBe('-1,234.5');
    expect(groupDigits('-123456.25', DE)).toBe('-123.456,25');
    expect(groupDigits('9620000.00', { group: "'", decimal: '.' })).toBe("9'620'000.00");
    expect(groupDigits('1000', { group: '', decimal: '.' })).toBe('1000');
  });
});

describe('the step-text writers', () => {
  it('fmtAmount rounds half-up to the scale and groups', () => {
    expect(fmtAmount(d('9620000'), 2)).toBe('9,620,000.00');
    expect(fmtAmount(d('1234.565'), 2)).toBe('1,234.57'); // tie → up
    expect(fmtAmount(d('-1234.565'), 2)).toBe('-1,234.57'); // tie → away from zero
    expect(fmtAmount(d('1234.5'), 0)).toBe('1,235');
    expect(fmtAmount(d('-0.004'), 2)).toBe('0.00'); // never "-0.00"
    expect(fmtAmount(d('1234.5'), 1, DE)).toBe('1.234,5');
  });

  it('fmtPercent multiplies by 100, rounds half-up to 2 places (or the places given) and adds " %"', () => {
    expect(fmtPercent(d('0.962'))).toBe('96.20 %');
    expect(fmtPercent(d('0.12345'))).toBe('12.35 %'); // 12.345 → 12.35
    expect(fmtPercent(d('0.12345'), 3)).toBe('12.345 %');
    expect(fmtPercent(d('0.5'), 0)).toBe('50 %');
    expect(fmtPercent(d('12.345'), 1)).toBe('1,234.5 %');
    expect(fmtPercent(d('0.012345'), 2, DE)).toBe('1,23 %');
  });

  it('fmtExactPercent writes the rate as the exact percentage it is', () => {
    expect(fmtExactPercent(d('0.02'))).toBe('2 %');
    expect(fmtExactPercent(d('0.0025'))).toBe('0.25 %');
    expect(fmtExactPercent(d('0.123456789'))).toBe('12.3456789 %');
    expect(fmtExactPercent(d('12.345'))).toBe('1,234.5 %');
    expect(fmtExactPercent(d('0.0025'), DE)).toBe('0,25 %');
  });

  it('fmtExact keeps at least the scale and every place the figure has', () => {
    expect(fmtExact(d('1234.5'), 2)).toBe('1,234.50');
    expect(fmtExact(d('1234.5678'), 2)).toBe('1,234.5678');
    expect(fmtExact(d('1234'), 0)).toBe('1,234');
    expect(fmtExact(d('0.125'), 0)).toBe('0.125');
    expect(fmtExact(d('-1234.5'), 2, DE)).toBe('-1.234,50');
  });
});

describe('formatNumber and formatPercent: defaults and options', () => {
  it('shows a number with its own places by default, never fewer than 0', () => {
    expect(formatNumber('1234.5678')).toBe('1,234.5678');
    expect(formatNumber('1e3')).toBe('1,000');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber('-0.50')).toBe('-0.5');
  });

  it('rounds half-up by default and by the mode given', () => {
    expect(formatNumber('2.5', { scale: 0 })).toBe('3');
    expect(formatNumber('-2.5', { scale: 0 })).toBe('-3');
    expect(formatNumber('2.5', { scale: 0, mode: 'half-even' })).toBe('2');
    expect(formatNumber('2.1', { scale: 0, mode: 'ceiling' })).toBe('3');
    expect(formatNumber('2.9', { scale: 0, mode: 'floor' })).toBe('2');
  });

  it('a percentage shows two places by default, rounded half-up, or the scale given', () => {
    expect(formatPercent('0.123456')).toBe('12.35 %');
    expect(formatPercent('0.12345')).toBe('12.35 %'); // 12.345 → tie → up
    expect(formatPercent('0.12345', { mode: 'half-even' })).toBe('12.34 %');
    expect(formatPercent('0.12345', { scale: 3 })).toBe('12.345 %');
    expect(formatPercent('12.3456')).toBe('1,234.56 %');
    expect(formatPercent(1, { locale: 'de' })).toBe('100,00 %');
  });

  it('options may be omitted or undefined; anything else that is not an object is refused', () => {
    expect(formatNumber('1', undefined)).toBe('1');
    for (const bad of [null, 'x', 5, true]) {
      const e = thrown(() => formatNumber(1, bad as never));
      expect(e.issues).toEqual([{ path: ['options'], code: 'invalid_value', message: 'must be an object' }]);
    }
    expect(thrown(() => formatPercent(1, null as never)).issues[0]!.path).toEqual(['options']);
  });

  it('refuses a bad value or scale with the exact issue', () => {
    expect(thrown(() => formatNumber('1,5')).issues[0]).toMatchObject({ path: ['value'], code: 'not_a_number' });
    expect(thrown(() => formatNumber(1, { scale: 31 })).issues[0]).toMatchObject({
      path: ['options', 'scale'],
      code: 'out_of_range',
      message: 'must be from 0 to 30, received 31',
    });
    expect(thrown(() => formatPercent(1, { scale: 1.5 })).issues[0]).toMatchObject({
      path: ['options', 'scale'],
      message: 'must be a whole number of decimal places, received 1.5',
    });
  });
});

describe('separatorsOf', () => {
  const saved = globalThis.Intl;
  afterEach(() => {
    globalThis.Intl = saved;
  });

  it("English needs no Intl: 'en' and no locale give ',' and '.' whatever Intl would say", () => {
    (globalThis as { Intl?: unknown }).Intl = undefined;
    expect(separatorsOf(undefined, ['locale'])).toEqual(EN);
    expect(separatorsOf('en', ['locale'])).toEqual(EN);
    globalThis.Intl = {
      NumberFormat: class {
        formatToParts() {
          return [{ type: 'group', value: '_' }, { type: 'decimal', value: ';' }];
        }
      },
    } as unknown as typeof Intl;
    expect(separatorsOf(undefined, ['locale'])).toEqual(EN);
    expect(separatorsOf('en', ['locale'])).toEqual(EN);
    expect(separatorsOf('zz-other', ['locale'])).toEqual({ group: '_', decimal: ';' });
  });

  it("reads German marks from Intl: '.' groups, ',' decimals", () => {
    expect(separatorsOf('de', ['locale'])).toEqual(DE);
    expect(formatNumber('1234567.891', { scale: 2, locale: 'de' })).toBe('1.234.567,89');
  });

  it('refuses a locale that is not a string, is empty or is longer than 35 characters', () => {
    expect(thrown(() => separatorsOf(5, ['options', 'locale'])).issues).toEqual([
      { path: ['options', 'locale'], code: 'invalid_type', message: "must be a BCP 47 locale tag such as 'en' or 'de-CH', received 5" },
    ]);
    expect(thrown(() => separatorsOf(null, ['l'])).issues[0]).toMatchObject({ code: 'invalid_type', message: "must be a BCP 47 locale tag such as 'en' or 'de-CH', received null" });
    expect(thrown(() => separatorsOf('', ['l'])).issues).toEqual([
      { path: ['l'], code: 'invalid_value', message: 'must be a BCP 47 locale tag such as \'en\' or \'de-CH\', received ""' },
    ]);
    const long = `de-${'x'.repeat(33)}`; // 36 characters
    expect(thrown(() => separatorsOf(long, ['l'])).issues[0]!.code).toBe('invalid_value');
  });

  it('a tag of exactly 35 characters is read (Intl decides), an unknown one is unknown_label', () => {
    // 35 characters, well formed for Intl: en plus four private-use subtags.
    const tag35 = 'en-x-aaaaaaaa-bbbbbbbb-cccccccc-ddd';
    expect(tag35.length).toBe(35);
    expect(separatorsOf(tag35, ['l'])).toEqual(EN);
    expect(thrown(() => separatorsOf('x-!!', ['options', 'locale'])).issues).toEqual([
      { path: ['options', 'locale'], code: 'unknown_label', message: 'is not a locale this engine knows, received "x-!!"' },
    ]);
  });

  it('without Intl a locale other than English falls back to English marks', () => {
    (globalThis as { Intl?: unknown }).Intl = undefined;
    expect(separatorsOf('zz-noint', ['l'])).toEqual(EN);
    (globalThis as { Intl?: unknown }).Intl = { NumberFormat: 'not a function' };
    expect(separatorsOf('zz-nofun', ['l'])).toEqual(EN);
  });

  it('takes the marks Intl gives, with no group mark and a point when Intl gives none; reads each locale once', () => {
    let calls = 0;
    const fake = (parts: { type: string; value: string }[]) =>
      ({
        NumberFormat: class {
          constructor(locale: string, options: { useGrouping: boolean }) {
            calls++;
            expect(options).toEqual({ useGrouping: true });
            expect(typeof locale).toBe('string');
          }
          formatToParts(n: number) {
            expect(n).toBe(1234567.5);
            return parts;
          }
        },
      }) as unknown as typeof Intl;
    globalThis.Intl = fake([
      { type: 'integer', value: '1' },
      { type: 'group', value: '_' },
      { type: 'integer', value: '234' },
      { type: 'decimal', value: '·' },
      { type: 'fraction', value: '5' },
    ]);
    expect(separatorsOf('zz-marks', ['l'])).toEqual({ group: '_', decimal: '·' });
    expect(separatorsOf('zz-marks', ['l'])).toEqual({ group: '_', decimal: '·' });
    expect(calls).toBe(1); // the second call came from the cache
    globalThis.Intl = fake([{ type: 'integer', value: '1234567' }, { type: 'literal', value: '.' }]);
    expect(separatorsOf('zz-bare', ['l'])).toEqual({ group: '', decimal: '.' });
    expect(calls).toBe(2);
  });
});
