import { describe, expect, it } from 'vitest';
import { analyzeInventoryHealth, type InventoryHealthInput } from 'dealerkit';
import { thrown } from '../helpers.js';

// A base stock: one SKU, 100 on hand at 10.00, 1 a day (100 days of supply, slow past 90), received on asOf.
const base: InventoryHealthInput = {
  items: [{ id: 'a', onHand: 100, unitCost: '10', demandPerDay: 1, receivedOn: '2026-11-01' }],
  cogs: '36500',
  averageInventoryValue: '5000',
  periodDays: 365,
  asOf: '2026-11-01',
  slowMovingDays: 90,
  ageBuckets: [30, 60, 90],
  carryingRatePerYear: 0.25,
  daysPerYear: 365,
};
const text = (h: { steps: { code: string; text: string }[] }, code: string) => h.steps.find((s) => s.code === code)!.text;

describe('analyzeInventoryHealth: boundaries and texts', () => {
  it('a receipt on asOf is age 0, in the first bucket', () => {
    const h = analyzeInventoryHealth(base);
    expect(h.items[0]!.ageDays).toBe(0);
    // 1,000.00 of 1,000.00 in ≤ 30 days: 100 %.
    expect(h.ageing.map((b) => b.value.toFixed(2))).toEqual(['1000.00', '0.00', '0.00', '0.00']);
  });

  it('a receipt one day after asOf is refused, code out_of_range', () => {
    const e = thrown(() => analyzeInventoryHealth({ ...base, items: [{ ...base.items[0]!, receivedOn: '2026-11-02' }] }));
    expect(e.code).toBe('out_of_range');
    expect(e.issues).toEqual([
      { path: ['items', 0, 'receivedOn'], code: 'out_of_range', message: 'must not be after asOf (2026-11-01), received "2026-11-02"', limit: '2026-11-01', received: '2026-11-02' },
    ]);
  });

  it('days of supply that overflow are refused, code out_of_range', () => {
    // 100 / 5e-324 = Infinity.
    const e = thrown(() => analyzeInventoryHealth({ ...base, items: [{ ...base.items[0]!, demandPerDay: 5e-324 }] }));
    expect(e.code).toBe('out_of_range');
    expect(e.issues[0]).toMatchObject({ path: ['items', 0, 'demandPerDay'], code: 'out_of_range', received: '5e-324' });
  });

  it('an id that is not a finite number is refused', () => {
    for (const id of [Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(thrown(() => analyzeInventoryHealth({ ...base, items: [{ ...base.items[0]!, id }] })).issues[0]!.path).toEqual(['items', 0, 'id']);
    }
  });

  it('days of supply equal to slowMovingDays is not slow-moving; one day more is', () => {
    // 90 on hand at 1 a day = 90 days: not above 90. 91 on hand = 91 days: slow.
    const at = analyzeInventoryHealth({ ...base, items: [{ ...base.items[0]!, onHand: 90 }] });
    expect(at.slowMoving.count).toBe(0);
    const over = analyzeInventoryHealth({ ...base, items: [{ ...base.items[0]!, onHand: 91 }] });
    expect(over.slowMoving.count).toBe(1);
  });

  it('the holding cost text marks more places than scale + 4 with an ellipsis, and not exactly scale + 4', () => {
    // 100.000004 × 0.25 × 365 / 365 = 25.000001: 6 places = 2 + 4, shown whole, no ellipsis; rounds half-up to 25.00.
    const six = analyzeInventoryHealth({ ...base, averageInventoryValue: '100.000004' });
    expect(text(six, 'holding-cost')).toBe('holding cost = 100.00 × 25.00 % × 365 / 365 days = 25.000001 → 25.00 (half-up, 2 places)');
    // 100.0000004 × 0.25 = 25.0000001: 7 places, shown at 6 with an ellipsis.
    const seven = analyzeInventoryHealth({ ...base, averageInventoryValue: '100.0000004' });
    expect(text(seven, 'holding-cost')).toBe('holding cost = 100.00 × 25.00 % × 365 / 365 days = 25.000000… → 25.00 (half-up, 2 places)');
  });

  it('ratios in texts round half-up to 4 places', () => {
    // COGS 20,001 / 20,000 = 1.00005 exactly at ratioScale 6 → 1.0001 (half-even would give 1).
    const h = analyzeInventoryHealth({ ...base, cogs: '20001', averageInventoryValue: '20000' }, { ratioScale: 6 });
    expect(h.turnover.toString()).toBe('1.00005');
    expect(text(h, 'turnover')).toBe('turnover = COGS 20,001.00 / average inventory at cost 20,000.00 = 1.0001 over 365 days');
  });

  it('options with a rounding and no ratioScale, or a ratioScale and no rounding, are read', () => {
    // Holding cost 5,000 × 0.25 = 1,250 at scale 0: 1250.
    expect(analyzeInventoryHealth(base, { rounding: { scale: 0, mode: 'half-up' } }).holdingCost.toString()).toBe('1250');
    // Turnover 36,500 / 5,000 = 7.3 at any scale.
    expect(analyzeInventoryHealth(base, { ratioScale: 1 }).turnover.toString()).toBe('7.3');
  });

  it('SKUs without a receipt date are warned about at items', () => {
    const h = analyzeInventoryHealth({ ...base, items: [{ id: 'n', onHand: 1, unitCost: 1, demandPerDay: 1 }] });
    expect(h.warnings).toEqual([{ code: 'unknown-age', message: '1 SKU has no receipt date: its age is unknown and left out of the buckets', path: ['items'] }]);
  });
});
