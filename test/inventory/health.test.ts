import { describe, expect, it } from 'vitest';
import { analyzeInventoryHealth, calculateSeasonalIndices, DealerkitError, type InventoryHealthInput } from 'dealerkit';
import { thrown } from '../helpers.js';

const input: InventoryHealthInput = {
  items: [
    { id: 'fast', onHand: 100, unitCost: '10.00', demandPerDay: 10, receivedOn: '2026-10-20' }, // 10 days, age 12
    { id: 'slow', onHand: 50, unitCost: '40.00', demandPerDay: 0.25, receivedOn: '2026-07-01' }, // 200 days, age 123
    { id: 'dead', onHand: 20, unitCost: '5.00', demandPerDay: 0, receivedOn: '2026-09-15' }, // no demand, age 47
    { id: 'new', onHand: 0, unitCost: '7.00', demandPerDay: 0 }, // nothing on hand, age unknown
  ],
  cogs: '120000',
  averageInventoryValue: '20000',
  periodDays: 365,
  asOf: '2026-11-01',
  slowMovingDays: 90,
  ageBuckets: [30, 60, 90],
  carryingRatePerYear: 0.24,
  daysPerYear: 360,
};

describe('analyzeInventoryHealth', () => {
  // Made inside each test, not when the describe runs (see test/inventory/steps.test.ts).
  const health = () => analyzeInventoryHealth(input);

  it('turnover = COGS / average inventory = 6; turnover days = 365 × 20,000 / 120,000 = 60.8333…, reported to 10 places', () => {
    const h = health();
    expect(h.turnover.toString()).toBe('6');
    // 365 / 6 = 60.83333333333…: half-up at 10 places
    expect(h.turnoverDays!.toString()).toBe('60.8333333333');
    expect(analyzeInventoryHealth(input, { ratioScale: 2 }).turnoverDays!.toString()).toBe('60.83');
  });

  it('values are exact: 1000 + 2000 + 100 + 0 = 3100', () => {
    const h = health();
    expect(h.inventoryValue.toString()).toBe('3100');
    expect(h.items.map((l) => l.value.toString())).toEqual(['1000', '2000', '100', '0']);
  });

  it('days of supply per SKU, null at zero demand', () => {
    const h = health();
    expect(h.items.map((l) => l.daysOfSupply)).toEqual([10, 200, null, null]);
  });

  it('slow-moving: above 90 days of supply or stock with no demand; by count 2/4, by value 2100/3100', () => {
    const h = health();
    expect(h.items.map((l) => l.slowMoving)).toEqual([false, true, true, false]);
    expect(h.slowMoving.count).toBe(2);
    expect(h.slowMoving.shareByCount.toString()).toBe('0.5');
    expect(h.slowMoving.value.toString()).toBe('2100');
    // 2100 / 3100 = 0.67741935483870967…: half-up at 10 places
    expect(h.slowMoving.shareByValue.toString()).toBe('0.6774193548');
  });

  it('ageing buckets by days since receipt (upper bound included); unknown ages apart', () => {
    const h = health();
    expect(h.items.map((l) => l.ageDays)).toEqual([12, 123, 47, null]);
    expect(h.ageing.map((b) => [b.label, b.fromDays, b.toDays, b.count, b.value.toString()])).toEqual([
      ['≤30 days', 0, 30, 1, '1000'],
      ['31–60 days', 31, 60, 1, '100'],
      ['61–90 days', 61, 90, 0, '0'],
      ['>90 days', 91, null, 1, '2000'],
    ]);
    expect(h.unknownAge).toEqual({ count: 1, value: expect.anything() });
    expect(h.unknownAge.value.toString()).toBe('0');
  });

  it('holding cost = 20000 × 0.24 × 365 / 360 = 4866.666…, rounded half-up to 4866.67', () => {
    const h = health();
    expect(h.holdingCostExact.toString()).toBe('4866.666666666666666666666666666666666667');
    expect(h.holdingCost.toString()).toBe('4866.67');
    expect(analyzeInventoryHealth(input, { rounding: { scale: 0 } }).holdingCost.toString()).toBe('4867');
    expect(analyzeInventoryHealth(input, { rounding: { mode: 'down' } }).holdingCost.toString()).toBe('4866.66');
  });

  it('an age exactly at a bound falls in that bucket', () => {
    const at = analyzeInventoryHealth({ ...input, items: [{ onHand: 1, unitCost: 1, demandPerDay: 1, receivedOn: '2026-10-02' }] });
    expect(at.items[0]!.ageDays).toBe(30);
    expect(at.items[0]!.ageBucket).toBe('≤30 days');
  });

  it('zero COGS gives no turnover days; no buckets gives one bucket', () => {
    const z = analyzeInventoryHealth({ ...input, cogs: 0, ageBuckets: [] });
    expect(z.turnover.toString()).toBe('0');
    expect(z.turnoverDays).toBeNull();
    expect(z.warnings).toContainEqual({ code: 'no-cogs', message: 'COGS is 0: turnover is 0 and turnover days are undefined', path: ['cogs'] });
    expect(z.steps.map((s) => s.text)).toContain('turnover days: none (COGS is 0)');
    expect(z.ageing.map((b) => b.label)).toEqual(['all ages']);
  });

  it('serialises to plain JSON', () => {
    const h = health();
    const json = JSON.parse(JSON.stringify(h));
    expect(json.holdingCost).toBe('4866.67');
    expect(json.turnover).toBe('6');
    expect(json.slowMoving.shareByValue).toBe('0.6774193548');
  });

  it('refuses bad input naming the path', () => {
    const bad = (over: Partial<InventoryHealthInput>) => () => analyzeInventoryHealth({ ...input, ...over });
    expect(bad({ averageInventoryValue: 0 })).toThrow('[dealerkit] averageInventoryValue: must be greater than 0, received 0');
    expect(bad({ ageBuckets: [30, 30] })).toThrow('[dealerkit] ageBuckets[1]: must be greater than ageBuckets[0] (30), received 30');
    expect(thrown(bad({ ageBuckets: [30, 30] })).issues[0]!.code).toBe('not_ascending');
    expect(thrown(bad({ items: [{ onHand: 1e15, unitCost: 1, demandPerDay: 5e-324 }] })).issues[0]).toMatchObject({
      path: ['items', 0, 'demandPerDay'],
      code: 'out_of_range',
    });
    expect(thrown(() => analyzeInventoryHealth(input, { rounding: { scale: 31 } })).issues[0]).toMatchObject({ path: ['options', 'rounding', 'scale'], code: 'out_of_range' });
    expect(thrown(() => analyzeInventoryHealth(input, { scale: 2 } as never)).issues[0]).toMatchObject({ path: ['options', 'scale'], code: 'unknown_field' });
    expect(bad({ items: [{ onHand: 1, unitCost: 1, demandPerDay: 1, receivedOn: '2026-12-01' }] })).toThrow(
      '[dealerkit] items[0].receivedOn: must not be after asOf (2026-11-01), received "2026-12-01"',
    );
    expect(bad({ items: [{ onHand: -1, unitCost: 1, demandPerDay: 1 }] })).toThrow('[dealerkit] items[0].onHand: must be at least 0, received -1');
    expect(bad({ periodDays: 0 })).toThrow('[dealerkit] periodDays: must be greater than 0, received 0');
    expect(bad({ daysPerYear: undefined as unknown as number })).toThrow('[dealerkit] daysPerYear: is required (a number)');
    expect(bad({ cogs: '1,000' })).toThrow(DealerkitError);
  });
});

describe('calculateSeasonalIndices', () => {
  it('average: season means over the mean of means', () => {
    const s = calculateSeasonalIndices([10, 20, 30, 40, 10, 20, 30, 40], { method: 'average', seasonLength: 4 });
    expect(s.indices).toEqual([0.4, 0.8, 1.2, 1.6]);
    expect(s.counts).toEqual([2, 2, 2, 2]);
  });

  it('average with a start position: history[0] is season position 2', () => {
    const s = calculateSeasonalIndices([30, 40, 10, 20], { method: 'average', seasonLength: 4, startIndex: 2 });
    expect(s.indices).toEqual([0.4, 0.8, 1.2, 1.6]);
  });

  it('ratio-to-moving-average without trend: centred 2×4 averages are all 25 (hand derivation)', () => {
    // t=2: (0.5·10 + 20 + 30 + 40 + 0.5·10)/4 = 25 → 30/25 = 1.2; t=3: 40/25; t=4: 10/25; t=5: 20/25
    const s = calculateSeasonalIndices([10, 20, 30, 40, 10, 20, 30, 40], { method: 'ratio-to-moving-average', seasonLength: 4 });
    expect(s.indices.map((x) => Number(x.toFixed(12)))).toEqual([0.4, 0.8, 1.2, 1.6]);
    expect(s.counts).toEqual([1, 1, 1, 1]);
  });

  it('ratio-to-moving-average removes a trend (hand derivation)', () => {
    // y = 10 20 30 40 14 24 34 44; CMA(t=2..5) = 102/4, 106/4, 110/4, 114/4
    // ratios: 30/25.5, 40/26.5, 14/27.5, 24/28.5 at positions 2, 3, 0, 1
    const raw = [14 / 27.5, 24 / 28.5, 30 / 25.5, 40 / 26.5];
    const mean = (raw[0]! + raw[1]! + raw[2]! + raw[3]!) / 4;
    const s = calculateSeasonalIndices([10, 20, 30, 40, 14, 24, 34, 44], { method: 'ratio-to-moving-average', seasonLength: 4 });
    s.indices.forEach((x, i) => expect(Math.abs(x - raw[i]! / mean)).toBeLessThan(1e-14));
    expect(Math.abs(s.indices.reduce((a, b) => a + b, 0) - 4)).toBeLessThan(1e-14);
  });

  it('an odd cycle uses a simple centred average; nulls are zero-filled and said', () => {
    const s = calculateSeasonalIndices([3, 6, 9, 3, 6, null], { method: 'ratio-to-moving-average', seasonLength: 3 });
    // t=1: (3+6+9)/3 = 6 → 1; t=2: (6+9+3)/3 = 6 → 1.5; t=3: (9+3+6)/3 = 6 → 0.5; t=4: (3+6+0)/3 = 3 → 2
    // positions: t=1→1, t=2→2, t=3→0, t=4→1: raw [0.5, (1 + 2)/2, 1.5] = [0.5, 1.5, 1.5], mean 7/6
    expect(s.indices.map((x) => Number(x.toFixed(12)))).toEqual([0.5 / (7 / 6), 1.5 / (7 / 6), 1.5 / (7 / 6)].map((x) => Number(x.toFixed(12))));
    expect(s.warnings).toEqual([{ code: 'zero-filled-history', message: '1 of 6 periods of the demand history is missing and counted as 0', path: ['history'] }]);
    expect(s.steps.map((x) => x.text)).toEqual([
      'ratio-to-moving-average: each period over its centred 3 moving average, ratios averaged per season position',
      'normalised to a mean of 1 (divided by 1.1667)',
    ]);
  });

  it('needs enough history and some demand', () => {
    expect(() => calculateSeasonalIndices(new Array(20).fill(1), { method: 'ratio-to-moving-average' })).toThrow(
      '[dealerkit] history: must hold at least 24 periods for a centred moving average at every season position, received 20',
    );
    expect(() => calculateSeasonalIndices(new Array(12).fill(0), { method: 'average' })).toThrow('[dealerkit] history: has no demand: seasonal indices of an all-zero history are undefined');
    expect(() => calculateSeasonalIndices([0, 0, 0, 0, 0, 0, 0, 0], { method: 'ratio-to-moving-average', seasonLength: 4 })).toThrow(
      '[dealerkit] history: has a centred moving average of 0 around period 2; ratios are undefined',
    );
    expect(() => calculateSeasonalIndices([1, 2], { method: 'average', seasonLength: 1 })).toThrow('[dealerkit] options.seasonLength: must be a whole number from 2 to 366, received 1');
    expect(() => calculateSeasonalIndices([1, 2], { method: 'average', seasonLength: 2, startIndex: 2 })).toThrow('[dealerkit] options.startIndex: must be a whole number from 0 to 1, received 2');
    expect(() => calculateSeasonalIndices([1, -2], { method: 'average', seasonLength: 2 })).toThrow('[dealerkit] history[1]: must not be negative, received -2');
    expect(() => calculateSeasonalIndices('x' as never, { method: 'average' })).toThrow('[dealerkit] history: must be an array of demand per period');
    expect(() => calculateSeasonalIndices([1, 2], null as never)).toThrow("[dealerkit] options: must be an object with a method ('average' or 'ratio-to-moving-average')");
  });
});
