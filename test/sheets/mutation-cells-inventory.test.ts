import { describe, expect, it } from 'vitest';
import { DK_EOQ, DK_ORDERQTY, DK_REORDERPOINT, DK_SAFETYSTOCK } from 'dealerkit/sheets';

// Survivors of the sheets mutation run in src/sheets/inventory.ts: each function names the argument
// the user typed when a cell is not a number. The messages are asserted whole.

describe('the inventory functions name the argument that is not a number', () => {
  it('DK.EOQ: demandPerYear, orderCost, holdingCost', () => {
    expect(() => DK_EOQ('x', 1, 1)).toThrow('[dealerkit] demandPerYear: must be a number, received "x"');
    expect(() => DK_EOQ(1, 'x', 1)).toThrow('[dealerkit] orderCost: must be a number, received "x"');
    expect(() => DK_EOQ(1, 1, 'x')).toThrow('[dealerkit] holdingCost: must be a number, received "x"');
  });

  it('DK.SAFETYSTOCK and DK.REORDERPOINT: demandPerDay, leadTimeDays (with and without its SD), leadTimeSdDays', () => {
    expect(() => DK_SAFETYSTOCK('x', 1, 1, 0.95)).toThrow('[dealerkit] demandPerDay: must be a number, received "x"');
    expect(() => DK_SAFETYSTOCK(1, 1, 'x', 0.95)).toThrow('[dealerkit] leadTimeDays: must be a number, received "x"');
    expect(() => DK_REORDERPOINT(1, 1, 'x', 0.95, 2)).toThrow('[dealerkit] leadTimeDays: must be a number, received "x"');
    expect(() => DK_REORDERPOINT(1, 1, 1, 0.95, 'x')).toThrow('[dealerkit] leadTimeSdDays: must be a number, received "x"');
  });

  it('DK.ORDERQTY: lotSize, moq, packSize', () => {
    expect(() => DK_ORDERQTY(0, 1, 1, 1, 0.95, 'x')).toThrow('[dealerkit] lotSize: must be a number, received "x"');
    expect(() => DK_ORDERQTY(0, 1, 1, 1, 0.95, 10, 'x')).toThrow('[dealerkit] moq: must be a number, received "x"');
    expect(() => DK_ORDERQTY(0, 1, 1, 1, 0.95, 10, 5, 'x')).toThrow('[dealerkit] packSize: must be a number, received "x"');
  });
});
