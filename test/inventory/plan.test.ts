import { describe, expect, it } from 'vitest';
import { calculateEoq, DealerkitError, planReorder, planReorders, type ReorderItem, type ReorderPolicy } from 'dealerkit';
import { stepOf, texts } from './steps.js';

// Golden values: the must-pass vectors, Odoo's documented reordering-rule example, hand
// derivations written next to each test, and mpmath (80 digits) for the normal quantiles and loss
// inverses (mpmath is an independent oracle; no expected value here is computed with dealerkit).
function close(actual: number, expected: string, tol = 1e-12): void {
  const e = Number(expected);
  expect(Math.abs(actual - e)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(e)));
}

const base: ReorderItem = { demand: { meanPerDay: 20, sdPerDay: 5 }, leadTime: { days: 7 }, stock: { onHand: 150, onOrder: 0 } };
const cycle95: ReorderPolicy = { service: { cycle: 0.95 }, orderQuantity: { fixed: 300 } };

function item(over: Partial<ReorderItem>): ReorderItem {
  return { ...base, ...over };
}

describe('must-pass vectors (issue 8)', () => {
  it('EOQ with K = 8, h = 0.225, D = 1,300 a year is 304.0467800264368', () => {
    expect(calculateEoq({ demandPerYear: 1300, orderCost: 8, holdingCostPerUnitPerYear: 0.225 })).toBe(304.0467800264368);
    expect(calculateEoq({ demandPerYear: 1300, orderCost: '8', holdingCostPerUnitPerYear: '0.225' })).toBe(304.0467800264368);
  });

  it('the EOQ rule of a policy gives the same figure (D = 365 × 1300/365, h = 22.5% × unit cost 1)', () => {
    const plan = planReorder(
      { service: { cycle: 0.95 }, orderQuantity: { eoq: { orderCost: 8, holdingRatePerYear: 0.225 } } },
      item({ demand: { meanPerDay: 1300 / 365, sdPerDay: 0 }, unitCost: 1 }),
    );
    close(plan.eoq!, '304.04678002643679444', 1e-14);
    // whole units, rounding up: 305
    expect(plan.orderQuantity).toBe(305);
    expect(texts(plan)).toContain(
      'order quantity: EOQ √(2 × K 8.00 × D 1,300 / h 0.225) = 304.0468 (D = 365 days × 3.5616/day, h = 22.50 % × unit cost 1.00); as a lot: 304.0468 → 305 (whole units, rounding up)',
    );
  });

  it('demand 20/day σ 5, lead time 7 days, cycle service 95%: SS 21.7594, ROP 161.7594', () => {
    // SS = Φ⁻¹(0.95) × √(7 × 5²) = 1.6448536269514727 × 13.228756555322953 (mpmath: 21.759368200081029679)
    const plan = planReorder(cycle95, base);
    expect(plan.safetyStock.toFixed(4)).toBe('21.7594');
    expect(plan.reorderPoint.toFixed(4)).toBe('161.7594');
    close(plan.safetyStock, '21.759368200081029679', 1e-14);
    close(plan.reorderPoint, '161.75936820008102968', 1e-14);
    expect(plan.min).toBe(plan.reorderPoint);
    expect(plan.impliedCycleServiceLevel).toBeCloseTo(0.95, 15);
    // implied fill rate 1 − σ·G(z)/Q with Q = 300 (mpmath: 0.99907870710433642589)
    close(plan.impliedFillRate!, '0.99907870710433642589', 1e-13);
    expect(texts(plan)).toContain('safety stock = 1.6449 × 13.2288 = 21.7594');
    expect(texts(plan)).toContain('reorder point = demand over the lead time 140 + safety stock 21.7594 = 161.7594');
  });

  it("Odoo's documented case: min 10, max 40, multiple 6, forecast 8 → 36 rounding up, 30 rounding down", () => {
    // Odoo 17 docs, Inventory › Replenishment › Reordering rules › Multiple: "If the forecasted
    // quantity is 8, the quantity needed to reach the max is 32 … Odoo rounds the To Order quantity
    // up to 36"; Odoo 18 (odoo/documentation PR 14850) takes the largest multiple not above the
    // max: 30 (5 packs), and 8 + 30 = 38 stays above the min.
    const odoo = item({ demand: { meanPerDay: 1, sdPerDay: 0 }, stock: { onHand: 8, onOrder: 0 }, levels: { min: 10, max: 40 }, packSize: 6 });
    const up = planReorder({ service: { cycle: 0.95 }, packRounding: 'up' }, odoo);
    const down = planReorder({ service: { cycle: 0.95 }, packRounding: 'down' }, odoo);
    expect(up.suggestedOrder).toBe(36);
    expect(down.suggestedOrder).toBe(30);
    expect(up.status).toBe('reorder');
    expect(stepOf(up, 'manual-levels').computedReorderPoint).toBe(7);
    expect(up.reorderPoint).toBe(10);
    expect(up.orderUpTo).toBe(40);
    expect(up.max).toBe(40);
    expect(texts(up)).toContain('suggested order from order-up-to 40 − position 8: 32 → 36 (6 packs of 6, rounding up)');
    expect(texts(down)).toContain('suggested order from order-up-to 40 − position 8: 32 → 30 (5 packs of 6, rounding down)');
    expect(texts(up)).toContain('manual levels replace the computed ones: reorder point (min) 10 instead of 7, order-up-to (max) 40');
  });

  it("Odoo's other example: forecast exactly at the min (10) orders 30, so Odoo's trigger is 'lte'", () => {
    const odoo = item({ demand: { meanPerDay: 1, sdPerDay: 0 }, stock: { onHand: 10, onOrder: 0 }, levels: { min: 10, max: 40 }, packSize: 6 });
    expect(planReorder({ service: { cycle: 0.95 } }, odoo).suggestedOrder).toBe(30);
    expect(planReorder({ service: { cycle: 0.95 }, trigger: 'lt' }, odoo).suggestedOrder).toBe(0);
  });
});

describe('formulas (Silver, Pyke & Peterson ch. 6–7; Axsäter ch. 5)', () => {
  it('lead-time variability: SS = z√(Lσ_d² + d²σ_L²) = 1.6449 × √(175 + 1600)', () => {
    const plan = planReorder(cycle95, item({ leadTime: { days: 7, sdDays: 2 } }));
    close(stepOf(plan, 'distribution').sdOverProtection!, String(Math.sqrt(1775)), 1e-15);
    close(plan.safetyStock, '69.298915078227313158', 1e-14); // mpmath
    close(plan.reorderPoint, '209.29891507822731316', 1e-14);
  });

  it('periodic review R = 7: S = d(R + L) + z√((R + L)σ_d²), ROP = dL + SS, max = S', () => {
    const plan = planReorder({ service: { cycle: 0.95 }, reviewPeriodDays: 7 }, base);
    close(plan.safetyStock, '30.772393617224434211', 1e-14); // 1.6449 × √350 (mpmath)
    close(plan.orderUpTo, '310.77239361722443421', 1e-14);
    close(plan.reorderPoint, '170.77239361722443421', 1e-14);
    expect(plan.max).toBe(plan.orderUpTo);
    expect(stepOf(plan, 'review').review).toBe('periodic');
    expect(stepOf(plan, 'max').rule).toBe('order-up-to');
    // position 150 ≤ 170.77: order S − 150 = 160.77 → 161 whole units
    expect(plan.suggestedOrder).toBe(161);
    expect(plan.orderQuantity).toBeNull();
    expect(stepOf(plan, 'implied-service').serviceLotSize).toBe(140); // d·R for the fill-rate formula
  });

  it('fill rate 99% with Q = 300: G(k) = 0.01 × 300 / 13.2288 = 0.226779 → k = 0.41068 (mpmath)', () => {
    const plan = planReorder({ service: { fillRate: 0.99 }, orderQuantity: { fixed: 300 } }, base);
    close(stepOf(plan, 'safety-factor').safetyFactor, '0.4106830240593518853', 1e-12);
    close(plan.safetyStock, '5.4328257466850052568', 1e-12);
    close(plan.reorderPoint, '145.43282574668500526', 1e-13);
    close(plan.impliedCycleServiceLevel, '0.65934751183355912039', 1e-12);
    close(plan.impliedFillRate!, '0.99', 1e-12);
  });

  it('a negative fill-rate k is clamped to 0 under floor zero (implied CSL 0.5) and kept under none', () => {
    // d 10, σ_d 1, L 1: σ = 1; β 0.5, Q 100: G(k) = 50 → k = −50 (G(−50) = 50 + G(50), G(50) ≈ 0)
    const it1 = item({ demand: { meanPerDay: 10, sdPerDay: 1 }, leadTime: { days: 1 }, stock: { onHand: 100, onOrder: 0 } });
    const zero = planReorder({ service: { fillRate: 0.5 }, orderQuantity: { fixed: 100 } }, it1);
    expect(zero.safetyStock).toBe(0);
    expect(zero.reorderPoint).toBe(10);
    expect(zero.impliedCycleServiceLevel).toBe(0.5);
    close(stepOf(zero, 'safety-factor').safetyFactor, '-50', 1e-14);
    expect(stepOf(zero, 'safety-stock').safetyFactor).toBe(0);
    expect(texts(zero)).toContain("k = -50 is negative; safetyStockFloor 'zero' clamps it to 0 (implied cycle service level 0.5)");
    const none = planReorder({ service: { fillRate: 0.5 }, orderQuantity: { fixed: 100 }, safetyStockFloor: 'none' }, it1);
    close(none.safetyStock, '-50', 1e-14);
    close(none.reorderPoint, '-40', 1e-13);
    expect(none.impliedCycleServiceLevel).toBeLessThan(1e-300);
    expect(texts(none)).toContain("k = -50 is negative and safetyStockFloor is 'none': the safety stock is negative");
  });

  it('a cycle service level of 0.5 gives z = 0; below 0.5 the floor clamps', () => {
    const half = planReorder({ service: { cycle: 0.5 }, orderQuantity: { fixed: 300 } }, base);
    expect(half.safetyStock).toBe(0);
    expect(half.reorderPoint).toBe(140);
    const low = planReorder({ service: { cycle: 0.3 }, orderQuantity: { fixed: 300 } }, base);
    expect(low.safetyStock).toBe(0);
    const lowNone = planReorder({ service: { cycle: 0.3 }, orderQuantity: { fixed: 300 }, safetyStockFloor: 'none' }, base);
    expect(lowNone.safetyStock).toBeLessThan(0);
  });

  it('σ = 0 gives SS = 0, not an error, also for a fill rate', () => {
    const flat = item({ demand: { meanPerDay: 20, sdPerDay: 0 } });
    expect(planReorder(cycle95, flat).safetyStock).toBe(0);
    const fill = planReorder({ service: { fillRate: 0.99 }, orderQuantity: { fixed: 300 } }, flat);
    expect(fill.safetyStock).toBe(0);
    expect(stepOf(fill, 'safety-stock')).toMatchObject({ method: 'no-variability', safetyFactor: null, safetyStock: 0 });
    expect(texts(fill)).toContain('no variability (σ = 0): safety stock 0, the fill-rate target is met without it');
    expect(fill.impliedFillRate).toBe(1);
  });

  it('Poisson for a slow mover: mean 2 over the lead time, 95% → r = 5 (P(X ≤ 4) = 0.947 < 0.95 ≤ P(X ≤ 5) = 0.983)', () => {
    const slow = item({ demand: { meanPerDay: 0.2, sdPerDay: 0.5 }, leadTime: { days: 10 }, stock: { onHand: 4, onOrder: 0 } });
    const plan = planReorder({ service: { cycle: 0.95 }, distribution: 'auto', orderQuantity: { fixed: 6 } }, slow);
    expect(stepOf(plan, 'distribution').distribution).toBe('poisson');
    expect(plan.reorderPoint).toBe(5);
    close(plan.safetyStock, '3', 1e-15);
    close(plan.impliedCycleServiceLevel, '0.9834363915193855611', 1e-14);
    expect(texts(plan)).toContain('Poisson lead-time demand (auto: mean demand over the protection interval 2 < 10), mean 2; σ_d and σ_L are not used (Poisson variance = mean)');
    // auto keeps the normal distribution at 10 units and above
    expect(stepOf(planReorder({ ...cycle95, distribution: 'auto' }, base), 'distribution').distribution).toBe('normal');
  });

  it('Poisson fill rate: smallest r with E[(X − r)⁺] ≤ (1 − β)Q', () => {
    // mean 2, β 0.9, Q 4: target 0.4. E[(X − r)⁺] = (2 − r)P(X > r) + 2P(X = r):
    // r = 1: 1 × 0.59399 + 2 × 0.27067 = 1.13534; r = 2: 0 + 2 × 0.27067 = 0.54134; r = 3: −1 × 0.14288 + 2 × 0.18045 = 0.21802 → r = 3
    const slow = item({ demand: { meanPerDay: 0.2, sdPerDay: 0.5 }, leadTime: { days: 10 }, stock: { onHand: 9, onOrder: 0 } });
    const plan = planReorder({ service: { fillRate: 0.9 }, distribution: 'poisson', orderQuantity: { fixed: 4 } }, slow);
    expect(plan.reorderPoint).toBe(3);
    close(plan.impliedFillRate!, String(1 - 0.21802 / 4), 1e-5);
  });

  it('Poisson under floor zero: a level below the mean is raised to the mean', () => {
    const slow = item({ demand: { meanPerDay: 0.2, sdPerDay: 0.5 }, leadTime: { days: 10 }, stock: { onHand: 9, onOrder: 0 } });
    // 30%: P(X ≤ 1) = 0.406 ≥ 0.3 → r = 1 < mean 2 → ROP 2, SS 0
    const plan = planReorder({ service: { cycle: 0.3 }, distribution: 'poisson', orderQuantity: { fixed: 4 } }, slow);
    expect(plan.reorderPoint).toBe(2);
    expect(plan.safetyStock).toBe(0);
    const none = planReorder({ service: { cycle: 0.3 }, distribution: 'poisson', orderQuantity: { fixed: 4 }, safetyStockFloor: 'none' }, slow);
    expect(none.reorderPoint).toBe(1);
    expect(none.safetyStock).toBe(-1);
  });

  it('days of cover lot size: 14 days × 20/day = 280', () => {
    expect(planReorder({ service: { cycle: 0.95 }, orderQuantity: { daysOfCover: 14 } }, base).orderQuantity).toBe(280);
  });
});

describe('conventions', () => {
  // σ = 0, d 10, L 5: ROP = 50 exactly
  const exact = item({ demand: { meanPerDay: 10, sdPerDay: 0 }, leadTime: { days: 5 }, stock: { onHand: 50, onOrder: 0 } });

  it("trigger exactly at the reorder point: 'lte' reorders, 'lt' does not", () => {
    const lte = planReorder({ service: { cycle: 0.95 }, orderQuantity: { fixed: 40 } }, exact);
    expect(lte.status).toBe('reorder');
    expect(lte.suggestedOrder).toBe(40);
    expect(texts(lte)).toContain("reorder: position 50 ≤ reorder point 50 (trigger 'lte'): replenish");
    const lt = planReorder({ service: { cycle: 0.95 }, orderQuantity: { fixed: 40 }, trigger: 'lt' }, exact);
    expect(lt.status).toBe('ok');
    expect(lt.suggestedOrder).toBe(0);
  });

  it.each([
    // raw = max − position with levels min 10, max = 8 + raw; pack 6
    [30, 'up', 30], [30, 'down', 30], [30, 'nearest', 30],
    [33, 'up', 36], [33, 'down', 30], [33, 'nearest', 36], // 5.5 packs: nearest rounds half up
    [32, 'nearest', 30], [34, 'nearest', 36], [31, 'up', 36], [35, 'down', 30],
  ] as const)('rounding at pack boundaries: raw %s rounding %s → %s', (raw, rounding, expected) => {
    const it1 = item({ demand: { meanPerDay: 1, sdPerDay: 0 }, stock: { onHand: 8, onOrder: 0 }, levels: { min: 10, max: 8 + raw }, packSize: 6 });
    expect(planReorder({ service: { cycle: 0.95 }, packRounding: rounding }, it1).suggestedOrder).toBe(expected);
  });

  it('MOQ → packs → MOQ: raw 20, MOQ 25, pack 6, down → 25 → 24 (4 packs) → 30 (smallest multiple ≥ 25)', () => {
    const it1 = item({ demand: { meanPerDay: 1, sdPerDay: 0 }, stock: { onHand: 8, onOrder: 0 }, levels: { min: 10, max: 28 }, packSize: 6, moq: 25 });
    const plan = planReorder({ service: { cycle: 0.95 }, packRounding: 'down' }, it1);
    expect(plan.suggestedOrder).toBe(30);
    expect(texts(plan)).toContain(
      'suggested order from order-up-to 28 − position 8: 20 → MOQ 25 → 24 (4 packs of 6, rounding down) → 30 (smallest pack multiple at or above the MOQ 25)',
    );
  });

  it('cap at the maximum in whole packs: 42 capped at maxOrderQty 20 → 18 (3 packs), and the result says the position stays below', () => {
    const it1 = item({ demand: { meanPerDay: 1, sdPerDay: 0 }, stock: { onHand: 8, onOrder: 0 }, levels: { min: 30, max: 48 }, packSize: 6, maxOrderQty: 20 });
    const plan = planReorder({ service: { cycle: 0.95 } }, it1);
    expect(plan.suggestedOrder).toBe(18);
    expect(stepOf(plan, 'suggested-order').lot!.capped).toBe(18);
    expect(plan.warnings).toEqual([
      { code: 'capped-below-reorder-point', message: 'capped by maxOrderQty: the position after ordering, 26, stays below the reorder point 30', path: ['item', 'maxOrderQty'] },
    ]);
  });

  it('rounding down never leaves the position below the reorder point: raised to whole packs that reach it', () => {
    // ROP 50, position 30, Q 10: raw = deficit 20 → down: 18 (3 packs) → 30 + 18 < 50 → 24 (4 packs)
    const it1 = { ...exact, stock: { onHand: 30, onOrder: 0 }, packSize: 6 };
    const plan = planReorder({ service: { cycle: 0.95 }, orderQuantity: { fixed: 10 }, packRounding: 'down' }, it1);
    expect(plan.suggestedOrder).toBe(24);
    expect(stepOf(plan, 'suggested-order').lot).toMatchObject({ rounded: 18, reorderPointMultiple: 24, quantity: 24 });
  });

  it('maxDaysOfCover sets max = d × days', () => {
    const plan = planReorder({ ...cycle95, maxDaysOfCover: 30 }, item({ stock: { onHand: 1000, onOrder: 0 } }));
    expect(plan.max).toBe(600);
    expect(plan.status).toBe('overstock');
    expect(plan.action).toBe('promote-or-transfer');
    expect(plan.excess).toBe(400);
    expect(stepOf(plan, 'max')).toMatchObject({ rule: 'max-days-of-cover', demandPerDay: 20, maxDaysOfCover: 30, max: 600 });
  });
});

describe('stock, statuses and days of supply', () => {
  const policy: ReorderPolicy = { service: { cycle: 0.95 }, orderQuantity: { fixed: 300 }, asOf: '2026-11-01' };

  it('receipts count only when due within the lead time from asOf (inclusive); position subtracts backorders and commitments', () => {
    const plan = planReorder(
      policy,
      item({
        stock: {
          onHand: 100,
          onOrder: [
            { quantity: 20, due: '2026-11-05' },
            { quantity: 30, due: '2026-11-08' }, // asOf + 7: counted
            { quantity: 40, due: '2026-11-09' }, // too late
            { quantity: 5, due: '2026-10-30' }, // overdue: still on order, counted
          ],
          backordered: 10,
          committed: 15,
        },
      }),
    );
    // 100 + (20 + 30 + 5) − 10 − 15 = 130
    expect(plan.inventoryPosition).toBe(130);
    expect(stepOf(plan, 'inventory-position')).toMatchObject({ onOrderCounted: 55, onOrderNotCounted: 40, laterReceipts: 1, receiptsDueBy: '2026-11-08', availableOnHand: 75 });
    expect(plan.daysOfSupply).toBe(3.75); // (100 − 15 − 10) / 20
    expect(texts(plan)).toContain(
      'inventory position = on hand 100 + on order 55 (receipts due by 2026-11-08; 1 later receipt of 40 not counted) − backordered 10 − committed 15 = 130',
    );
  });

  it.each([
    [{ onHand: 0, onOrder: 400 }, 'stockout', 'expedite', 0],
    [{ onHand: 0, onOrder: 0 }, 'stockout', 'expedite', 300],
    [{ onHand: 20, onOrder: 0 }, 'urgent', 'expedite', 300],
    [{ onHand: 150, onOrder: 0 }, 'reorder', 'replenish', 300],
    [{ onHand: 300, onOrder: 0 }, 'ok', 'none', 0],
    [{ onHand: 462, onOrder: 0 }, 'overstock', 'promote-or-transfer', 0],
  ] as const)('stock %j → %s, %s, order %s', (stock, status, action, order) => {
    const plan = planReorder(cycle95, item({ stock }));
    expect(plan.status).toBe(status);
    expect(plan.action).toBe(action);
    expect(plan.suggestedOrder).toBe(order);
  });

  it('a deficit larger than Q orders the deficit: position 0, ROP 161.76 → 162', () => {
    const plan = planReorder({ service: { cycle: 0.95 }, orderQuantity: { fixed: 100 } }, item({ stock: { onHand: 0, onOrder: 0 } }));
    expect(plan.suggestedOrder).toBe(162);
  });

  it('overstock excess = position − max (max = ROP + Q = 461.7594)', () => {
    const plan = planReorder(cycle95, item({ stock: { onHand: 500, onOrder: 0 } }));
    close(plan.excess, String(500 - 461.75936820008102968), 1e-12);
  });

  it('days of supply is null at zero demand, and says so', () => {
    const plan = planReorder(cycle95, item({ demand: { meanPerDay: 0, sdPerDay: 0 } }));
    expect(plan.daysOfSupply).toBeNull();
    expect(texts(plan)).toContain('days of supply: none (zero demand)');
  });

  it('order value = suggested order × unit cost, exact', () => {
    const plan = planReorder(cycle95, item({ unitCost: '12.35' }));
    expect(plan.orderValue!.toString()).toBe('3705');
    expect(JSON.parse(JSON.stringify(plan)).orderValue).toBe('3705');
  });
});

describe('demand from history, seasonality, overrides, batches', () => {
  it('history is zero-filled and uses the sample standard deviation (n − 1), and says so', () => {
    // [300, 0, 330, 270] over 30 days: mean 225 → 7.5/day; sample sd 151.98684 → /√30 = 27.748874 (mpmath)
    const plan = planReorder(cycle95, item({ demand: { history: [300, null, 330, 270], periodDays: 30 } }));
    expect(stepOf(plan, 'demand-per-day').meanPerDay).toBe(7.5);
    close(stepOf(plan, 'demand-per-day').sdPerDay, '27.748873851023215893', 1e-14);
    expect(stepOf(plan, 'demand-history').zeroFilled).toBe(1);
    expect(texts(plan).slice(0, 2)).toEqual([
      'demand from 4 periods of 30 days (1 missing period zero-filled): mean 225, sample standard deviation (n − 1 = 3) 151.9868 per period',
      'per day: mean 225 / 30 = 7.5, σ 151.9868 / √30 = 27.7489 (√k scaling assumes independent days)',
    ]);
    expect(plan.warnings).toEqual([
      { code: 'zero-filled-history', message: '1 of 4 periods of the demand history is missing and counted as 0', path: ['item', 'demand', 'history'] },
    ]);
  });

  it('seasonality sums the daily indices over the lead-time window from asOf', () => {
    // asOf 2026-11-25, L 10: Nov 25–30 (6 days × 2) + Dec 1–4 (4 days × 0.5) = 14 → demand over L = 20 × 14 = 280
    const indices = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 0.5];
    const plan = planReorder(
      cycle95,
      item({ demand: { meanPerDay: 20, sdPerDay: 0 }, leadTime: { days: 10 }, seasonality: { indicesByMonth: indices, asOf: '2026-11-25' } }),
    );
    expect(stepOf(plan, 'seasonality').leadTimeWeight).toBe(14);
    expect(stepOf(plan, 'reorder-point').demandOverLeadTime).toBe(280);
    expect(plan.reorderPoint).toBe(280);
  });

  it('seasonal σ: Σ I² weights the daily variance; a fractional last day weighs its fraction', () => {
    // asOf 2026-01-31, L 1.5: Jan 31 (1 × 2) + half of Feb 1 (0.5 × 1): Σ I = 2.5, Σ I² = 4.5
    const indices = [2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
    const plan = planReorder(
      cycle95,
      item({ demand: { meanPerDay: 10, sdPerDay: 2 }, leadTime: { days: 1.5 }, seasonality: { indicesByMonth: indices }, policy: { asOf: '2026-01-31' } }),
    );
    expect(stepOf(plan, 'reorder-point').demandOverLeadTime).toBe(25);
    expect(stepOf(plan, 'seasonality')).toMatchObject({ asOf: '2026-01-31', leadTimeWeight: 2.5, varianceWeight: 4.5, ratePerDay: (10 * 2.5) / 1.5 });
    close(stepOf(plan, 'distribution').sdOverProtection!, String(Math.sqrt(4.5 * 4)), 1e-15);
  });

  it('an item overrides policy fields under item.policy', () => {
    const plan = planReorder(cycle95, item({ policy: { service: { cycle: 0.99 } } }));
    // z(0.99) = 2.3263478740408411 (mpmath) × √175
    close(plan.safetyStock, String(2.3263478740408411009 * Math.sqrt(175)), 1e-14);
    expect(stepOf(plan, 'safety-factor')).toMatchObject({ service: 'cycle', level: 0.99 });
  });

  it('planReorders validates the policy once and names the item in errors', () => {
    const batch = planReorders(cycle95, [item({ id: 'A' }), item({ id: 'B', stock: { onHand: 1000, onOrder: 0 } })]);
    expect(batch.rows.map((r) => [r.id, r.result!.id, r.result!.status])).toEqual([
      ['A', 'A', 'reorder'],
      ['B', 'B', 'overstock'],
    ]);
    expect(() => planReorders(cycle95, [item({}), item({ leadTime: { days: -1 } })])).toThrow('[dealerkit] items[1].leadTime.days: must be at least 0, received -1');
    expect(() => planReorders({ service: { cycle: 1 } }, [item({})])).toThrow(
      '[dealerkit] policy.service.cycle: must be strictly between 0 and 1 (a service level of 1 needs infinite stock), received 1',
    );
    expect(() => planReorders(cycle95, 'x' as never)).toThrow('[dealerkit] items: must be an array of rows');
    expect(planReorders(cycle95, []).rows).toEqual([]);
  });

  it('results serialise to plain JSON', () => {
    const plan = planReorder(cycle95, base);
    const json = JSON.parse(JSON.stringify(plan));
    expect(json.status).toBe('reorder');
    expect(json.eoq).toBeNull();
    expect(json.steps[0]).toEqual({ code: 'demand-given', mean: 20, sd: 5, periodDays: 1, text: 'demand given per day: mean 20, σ 5' });
    expect(json.warnings).toEqual([]);
  });

  it('errors are DealerkitErrors', () => {
    expect(() => planReorder(cycle95, null as never)).toThrow(DealerkitError);
  });
});
