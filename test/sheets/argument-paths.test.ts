// The inventory and target sheet functions pass their arguments to an engine, which refuses a bad
// figure at its path inside its own input (`item.demand.sdPerDay`, `item.stock.backordered`,
// `calendar.fiscalYear`...). The sheet user typed `sdPerDay`, `position` or `year`: every such path is
// renamed to the argument (the RENAMES tables of src/sheets/inventory.ts and targets.ts). One case per
// row of those tables, with the message written out.
import { describe, expect, it } from 'vitest';
import { DK_CASCADE, DK_EOQ, DK_ORDERQTY, DK_REORDERPOINT, DK_SAFETYSTOCK } from '../../src/sheets/index.js';

function refusal(call: () => unknown): [string, unknown[][]] {
  try {
    call();
  } catch (e) {
    const x = e as { message: string; issues: { path: unknown[] }[] };
    return [x.message, x.issues.map((i) => i.path)];
  }
  throw new Error('expected a refusal');
}

describe('inventory sheet errors name the argument typed', () => {
  it.each([
    ['demandPerDay', () => DK_SAFETYSTOCK(-1, 2, 5, 0.95), 'demandPerDay: must be at least 0, received -1'],
    ['sdPerDay', () => DK_REORDERPOINT(10, -1, 5, 0.95), 'sdPerDay: must be at least 0, received -1'],
    ['leadTimeDays', () => DK_SAFETYSTOCK(10, 2, -5, 0.95), 'leadTimeDays: must be at least 0, received -5'],
    ['leadTimeSdDays', () => DK_SAFETYSTOCK(10, 2, 5, 0.95, -1), 'leadTimeSdDays: must be at least 0, received -1'],
    ['serviceLevel', () => DK_SAFETYSTOCK(10, 2, 5, 95), 'serviceLevel: must be strictly between 0 and 1, received 95: write 0.95 for 95 %'],
    ['moq', () => DK_ORDERQTY(0, 10, 2, 5, 0.95, 100, -1), 'moq: must be at least 0, received -1'],
    ['lotSize', () => DK_ORDERQTY(0, 10, 2, 5, 0.95, 0), 'lotSize: must be greater than 0, received 0'],
    // A position above the engine's 10^15 limit is on hand, refused by the engine and renamed; one below
    // −10^15 would be backorders of 10^308, refused by DK_ORDERQTY with the sign the user typed.
    ['position', () => DK_ORDERQTY(1e308, 10, 2, 5, 0.95, 100), 'position: must be at most 1000000000000000, received 1e+308'],
    ['position', () => DK_ORDERQTY(-1e308, 10, 2, 5, 0.95, 100), 'position: must be at least -1000000000000000, received -1e+308'],
    ['position', () => DK_ORDERQTY(-1000000000000002, 10, 2, 5, 0.95, 100), 'position: must be at least -1000000000000000, received -1000000000000002'],
    ['demandPerYear', () => DK_EOQ(-1, 10, 2), 'demandPerYear: must not be negative, received -1'],
    ['holdingCost', () => DK_EOQ(100, 10, 0), 'holdingCost: must be greater than 0, received 0'],
  ] as const)('%s', (arg, call, message) => {
    expect(refusal(call)).toEqual([`[dealerkit] ${message}`, [[arg]]]);
  });

  it('a pack size of 0.5 is refused twice at packSize: not whole, and below 1', () => {
    expect(refusal(() => DK_ORDERQTY(0, 10, 2, 5, 0.95, 100, 1, 0.5))).toEqual([
      '[dealerkit] packSize: must be a whole number of units, received 0.5; packSize: must be at least 1, received 0.5',
      [['packSize'], ['packSize']],
    ]);
  });
});

// DK.CASCADE reads the year as a whole number from 1 to 9998; the targets engine takes 1000 to 9000
// and refuses the rest at `calendar.year` (Gregorian) or `calendar.fiscalYear` (NRF).
describe('DK.CASCADE names the year argument when the engine refuses the year', () => {
  it.each([
    ['gregorian', 999, 'year: must be at least 1000, received 999'],
    ['gregorian', 9001, 'year: must be at most 9000, received 9001'],
    ['nrf', 1, 'year: must be at least 1000, received 1'],
    ['nrf', 9998, 'year: must be at most 9000, received 9998'],
  ] as const)('%s %d', (calendar, year, message) => {
    expect(refusal(() => DK_CASCADE(1000, year, 'quarter', undefined, undefined, calendar))).toEqual([`[dealerkit] ${message}`, [['year']]]);
  });
  it('the limits themselves cascade: 1000 and 9000 in both calendars give four quarters of 250', () => {
    for (const calendar of ['gregorian', 'nrf']) {
      for (const year of [1000, 9000]) {
        const rows = DK_CASCADE(1000, year, 'quarter', undefined, 0, calendar);
        // 1,000 / 4 = 250 each, exactly.
        expect(rows.map((r) => r[3]), `${calendar} ${year}`).toEqual([250, 250, 250, 250]);
      }
    }
  });
});

describe('DK.ORDERQTY at the backorder bound', () => {
  // Position −10^15 exactly is backorders of 10^15, the most the engine reads: accepted. With demand
  // 10/day, σ 2, L = 5 days and z = Φ⁻¹(0.95) = 1.6448536…, the reorder point is
  // 50 + 1.6448536 × 2 × √5 = 57.356… units, and the order brings the position back to it (more than
  // the lot of 100): 57.356… + 10^15 = 1,000,000,000,000,057.356…. docs/inventory.md: a quantity within
  // 1e-9 (relative) of a whole number of packs is snapped onto it before rounding, and 0.356 is within
  // 10^15 × 1e-9 = 10^6 of 1,000,000,000,000,057, so the order is that.
  it('accepts −10^15 and orders back up to the reorder point', () => {
    expect(DK_ORDERQTY(-1e15, 10, 2, 5, 0.95, 100)).toBe(1000000000000057);
  });

  it('refuses just past it with the detail of a range error', () => {
    try {
      DK_ORDERQTY(-1.5e15, 10, 2, 5, 0.95, 100);
      throw new Error('expected a refusal');
    } catch (e) {
      const x = e as { issues: unknown[] };
      expect(x.issues).toEqual([
        { path: ['position'], code: 'out_of_range', message: 'must be at least -1000000000000000, received -1500000000000000', received: '-1500000000000000', limit: '-1000000000000000' },
      ]);
    }
  });
});
