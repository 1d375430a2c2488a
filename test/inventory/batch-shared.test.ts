import { describe, expect, it } from 'vitest';
import { planReorder, planReorders, type ReorderItem, type ReorderPolicy } from 'dealerkit';
import { thrown } from '../helpers.js';

// planReorders and its shared policy (issue 18, hostile-input class 3): what the policy lacks for
// some items (an order quantity under continuous review, an asOf for dated receipts) is the
// policy's problem, reported once at the argument (`policy.orderQuantity`), never under each row
// (`items[A].policy.orderQuantity`, a field the row does not have), and the batch throws under
// onError: 'collect' too, as a bad rebate program does. A figure the kernel refuses for one item
// (its EOQ, its Poisson mean, its fill-rate lot) is that item's, at its own field.

const sku = (id: string, extra: Partial<ReorderItem> = {}): ReorderItem => ({
  id,
  demand: { meanPerDay: 20, sdPerDay: 5 },
  leadTime: { days: 7 },
  stock: { onHand: 150, onOrder: 0 },
  ...extra,
});
const continuous: ReorderPolicy = { service: { cycle: 0.95 } }; // no orderQuantity
const NEEDS_LOT = {
  path: ['policy', 'orderQuantity'],
  code: 'required',
  message: 'is required under continuous review (reorder point + order quantity) unless the item has levels',
};
const NEEDS_AS_OF = { path: ['policy', 'asOf'], code: 'required', message: 'is required to count the receipts due within the lead time' };
const receipts = { onHand: 150, onOrder: [{ quantity: 40, due: '2026-03-05' }] };

describe('planReorders: what the shared policy lacks is reported once, at the argument', () => {
  it('a continuous-review policy without an order quantity: one issue at policy.orderQuantity for three items', () => {
    const e = thrown(() => planReorders(continuous, [sku('A'), sku('B'), sku('C')]));
    expect(e.code).toBe('invalid_input');
    expect(e.issues).toEqual([NEEDS_LOT]);
    expect(e.message).toBe('[dealerkit] policy.orderQuantity: is required under continuous review (reorder point + order quantity) unless the item has levels');
  });

  it("throws under onError: 'collect' as well: the argument is refused, not a row", () => {
    const e = thrown(() => planReorders(continuous, [sku('A'), sku('B')], { onError: 'collect' }));
    expect(e.issues).toEqual([NEEDS_LOT]);
  });

  it('items with manual levels or their own order quantity need none: the same policy plans them', () => {
    const batch = planReorders(continuous, [
      sku('L', { levels: { min: 100, max: 400 } }),
      sku('O', { policy: { orderQuantity: { fixed: 300 } } }),
    ]);
    expect(batch.failed).toBe(0);
    // L: position 150 > min 100, ok. O: ROP 20 × 7 + 1.6449 × 5 × √7 = 161.76 ≥ 150, order 300.
    expect(batch.rows.map((r) => [r.id, r.result!.status, r.result!.suggestedOrder])).toEqual([
      ['L', 'ok', 0],
      ['O', 'reorder', 300],
    ]);
  });

  it('one item relying on the missing field is enough: the policy is refused once, whatever the others', () => {
    const rows = [sku('L', { levels: { min: 100, max: 400 } }), sku('B'), sku('C')];
    expect(thrown(() => planReorders(continuous, rows)).issues).toEqual([NEEDS_LOT]);
    expect(thrown(() => planReorders(continuous, rows, { onError: 'collect' })).issues).toEqual([NEEDS_LOT]);
  });

  it("the policy's problem comes alone: rows' own problems are not listed beside it (in either mode)", () => {
    const rows = [sku('A', { leadTime: { days: -7 } }), sku('B'), sku('C', { packSize: 2.5 })];
    expect(thrown(() => planReorders(continuous, rows)).issues).toEqual([NEEDS_LOT]);
    expect(thrown(() => planReorders(continuous, rows, { onError: 'collect' })).issues).toEqual([NEEDS_LOT]);
    // With the lot rule given, the rows report their own fields, named by id.
    const e = thrown(() => planReorders({ ...continuous, orderQuantity: { fixed: 300 } }, rows));
    expect(e.issues.map((i) => [i.path, i.code])).toEqual([
      [['items', 'A', 'leadTime', 'days'], 'out_of_range'],
      [['items', 'C', 'packSize'], 'not_an_integer'],
    ]);
  });

  it('dated receipts without asOf: one issue at policy.asOf; both lacks: both, in the order the first row met them', () => {
    const lot: ReorderPolicy = { ...continuous, orderQuantity: { fixed: 300 } };
    expect(thrown(() => planReorders(lot, [sku('A', { stock: receipts }), sku('B', { stock: receipts })])).issues).toEqual([NEEDS_AS_OF]);
    expect(thrown(() => planReorders(lot, [sku('A'), sku('B', { stock: receipts })], { onError: 'collect' })).issues).toEqual([NEEDS_AS_OF]);
    expect(thrown(() => planReorders(continuous, [sku('A', { stock: receipts }), sku('B')])).issues).toEqual([NEEDS_LOT, NEEDS_AS_OF]);
    // An item's own asOf answers for it: the receipt due 2026-03-05 is within 7 days of 2026-03-01, so it counts.
    const own = planReorders(lot, [sku('A', { stock: receipts, policy: { asOf: '2026-03-01' } })]);
    expect(own.rows[0]!.result!.inventoryPosition).toBe(190);
  });

  it('an override set to undefined is no override: the shared policy still lacks the field', () => {
    const lot: ReorderPolicy = { ...continuous, orderQuantity: { fixed: 300 } };
    expect(thrown(() => planReorders(lot, [sku('A', { stock: receipts, policy: { asOf: undefined } as never })])).issues).toEqual([NEEDS_AS_OF]);
    expect(thrown(() => planReorders(continuous, [sku('A', { policy: { orderQuantity: undefined } as never })])).issues).toEqual([NEEDS_LOT]);
  });

  it('planReorder (one SKU) names the same argument, beside the item its own issues', () => {
    expect(thrown(() => planReorder(continuous, sku('A'))).issues).toEqual([NEEDS_LOT]);
    const e = thrown(() => planReorder(continuous, sku('A', { stock: receipts, seasonality: { indicesByMonth: new Array(11).fill(1) } })));
    expect(e.issues.map((i) => i.path)).toEqual([
      ['policy', 'orderQuantity'],
      ['policy', 'asOf'],
      ['item', 'seasonality', 'indicesByMonth'],
      ['item', 'seasonality', 'asOf'],
    ]);
  });
});

describe("planReorders: a figure the kernel refuses for one item is the item's, at its own field", () => {
  // σ over the lead time = sd √L = 1 × √7 = 2.6458; a fill-rate lot of 10 days × 0 units a day is 0.
  const zeroDemand = sku('Z', { demand: { meanPerDay: 0, sdPerDay: 1 } });
  const fill: ReorderPolicy = { service: { fillRate: 0.9 }, orderQuantity: { daysOfCover: 10 } };
  const FILL_ZERO = 'a fill-rate target needs an order quantity above 0, but the lot size is 0 while demand varies (σ 2.6458)';

  it('a fill-rate lot of 0: items[Z].demand.meanPerDay (policy.service for one SKU); the other rows are planned', () => {
    const batch = planReorders(fill, [zeroDemand, sku('A')], { onError: 'collect' });
    expect(batch.failed).toBe(1);
    expect(batch.rows[0]!.error!.issues).toEqual([{ path: ['items', 'Z', 'demand', 'meanPerDay'], code: 'infeasible', message: FILL_ZERO }]);
    expect(batch.rows[1]!.ok).toBe(true);
    expect(thrown(() => planReorder(fill, zeroDemand)).issues).toEqual([{ path: ['policy', 'service'], code: 'infeasible', message: FILL_ZERO }]);
  });

  it("an item's own fill-rate service is named under the item", () => {
    const e = thrown(() => planReorders({ ...fill, service: { cycle: 0.9 } }, [{ ...zeroDemand, policy: { service: { fillRate: 0.9 } } }]));
    expect(e.issues).toEqual([{ path: ['items', 'Z', 'policy', 'service'], code: 'infeasible', message: FILL_ZERO }]);
  });

  it("'poisson' with a mean of 1e7 × 7 = 70,000,000 over the lead time: items[P].demand.meanPerDay", () => {
    const poisson: ReorderPolicy = { service: { cycle: 0.95 }, distribution: 'poisson', orderQuantity: { fixed: 300 } };
    const big = sku('P', { demand: { meanPerDay: 1e7, sdPerDay: 1 } });
    const issue = {
      code: 'out_of_range',
      message: "'poisson' needs a mean demand over the protection interval of at most 10000000, received 70,000,000",
      received: '70000000',
      limit: '10000000',
    };
    expect(thrown(() => planReorders(poisson, [big, sku('A')])).issues).toEqual([{ path: ['items', 'P', 'demand', 'meanPerDay'], ...issue }]);
    expect(thrown(() => planReorder(poisson, big)).issues).toEqual([{ path: ['policy', 'distribution'], ...issue }]);
    // From a history of two weeks of 70,000,000 (1e7 a day), the history is named.
    const weekly = sku('W', { demand: { history: [7e7, 7e7], periodDays: 7 } });
    expect(thrown(() => planReorders(poisson, [weekly])).issues).toEqual([{ path: ['items', 'W', 'demand', 'history'], ...issue }]);
    expect(thrown(() => planReorders({ ...poisson, distribution: 'normal' }, [{ ...big, policy: { distribution: 'poisson' } }])).issues).toEqual([
      { path: ['items', 'P', 'policy', 'distribution'], ...issue },
    ]);
  });

  it('an EOQ beyond 1e15 units (h = 1e-300 × 1e-300 underflows to 0): items[E].unitCost; an own EOQ rule: items[E].policy.orderQuantity.eoq', () => {
    const eoq: ReorderPolicy = { service: { cycle: 0.95 }, orderQuantity: { eoq: { orderCost: 1e15, holdingRatePerYear: '1e-300' } } };
    const tiny = sku('E', { unitCost: '1e-300' });
    const issue = {
      code: 'out_of_range',
      message: 'gives an economic order quantity of Infinity units, above 1,000,000,000,000,000: check orderCost, holdingRatePerYear and the unit cost',
      received: 'Infinity',
      limit: '1000000000000000',
    };
    const batch = planReorders(eoq, [tiny, sku('A', { policy: { orderQuantity: { fixed: 300 } } })], { onError: 'collect' });
    expect(batch.rows[0]!.error!.issues).toEqual([{ path: ['items', 'E', 'unitCost'], ...issue }]);
    expect(batch.rows[1]!.ok).toBe(true);
    expect(thrown(() => planReorder(eoq, tiny)).issues).toEqual([{ path: ['policy', 'orderQuantity', 'eoq'], ...issue }]);
    const own = thrown(() => planReorders({ service: { cycle: 0.95 }, orderQuantity: { fixed: 300 } }, [{ ...tiny, policy: { orderQuantity: eoq.orderQuantity! } }]));
    expect(own.issues).toEqual([{ path: ['items', 'E', 'policy', 'orderQuantity', 'eoq'], ...issue }]);
  });
});
