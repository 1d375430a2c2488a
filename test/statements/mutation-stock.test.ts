// The stock section (src/statements/stock.ts): where the inventory engine's refusals land in the
// statement's input and configuration, the orders it counts, the demand it hands to the health
// analysis, and the money scale of the currency. Expected figures worked out by hand from the
// seeds (test/statements/seeds.ts): SKU-A orders 100 units at 100 = 10,000; SKU-B and SKU-C order none.
import { describe, expect, it } from 'vitest';
import { buildDealerStatement, type DealerStatementConfig, type DealerStatementInput } from 'dealerkit/statements';
import { thrown } from '../helpers.js';
import { seedsConfig, seedsDealer } from './seeds.js';

type Stock = NonNullable<DealerStatementInput['stock']>;
type StockConfig = NonNullable<DealerStatementConfig['stock']>;

function withStock(change: (stock: Stock) => Stock, config: (c: StockConfig) => StockConfig = (c) => c): () => unknown {
  const dealer = seedsDealer();
  const input = { ...dealer, stock: change(dealer.stock!) };
  const cfg = { ...seedsConfig, stock: config(seedsConfig.stock!) };
  return () => buildDealerStatement(cfg, input);
}

const firstPath = (fn: () => unknown) => thrown(fn).issues[0]!.path;

describe('the health analysis refuses its figures at their place in the statement', () => {
  it.each<[string, (s: Stock) => Stock, (string | number)[]]>([
    ['cogs', (s) => ({ ...s, cogs: -1 }), ['stock', 'cogs']],
    ['averageInventoryValue', (s) => ({ ...s, averageInventoryValue: -1 }), ['stock', 'averageInventoryValue']],
    ['periodDays', (s) => ({ ...s, periodDays: 0 }), ['stock', 'periodDays']],
  ])('%s', (_, change, path) => {
    expect(firstPath(withStock(change))).toEqual(path);
  });

  it.each<[string, (c: StockConfig) => StockConfig, (string | number)[]]>([
    ['slowMovingDays', (c) => ({ ...c, slowMovingDays: -5 }), ['config', 'stock', 'slowMovingDays']],
    ['daysPerYear', (c) => ({ ...c, daysPerYear: 0 }), ['config', 'stock', 'daysPerYear']],
    ['carryingRatePerYear', (c) => ({ ...c, carryingRatePerYear: -1 }), ['config', 'stock', 'carryingRatePerYear']],
  ])('config %s', (_, config, path) => {
    expect(firstPath(withStock((s) => s, config))).toEqual(path);
  });

  it('what only the engines refuse (the statement’s schema lets it through) lands at the same paths', () => {
    const at = (fn: () => unknown) => {
      const i = thrown(fn).issues[0]!;
      return [i.path, i.code];
    };
    // The health analysis: a year of a billion days, age buckets out of order, a receipt after the statement's date.
    expect(at(withStock((s) => s, (c) => ({ ...c, daysPerYear: 1e9 })))).toEqual([['config', 'stock', 'daysPerYear'], 'out_of_range']);
    expect(at(withStock((s) => s, (c) => ({ ...c, ageBuckets: [90, 30] })))).toEqual([['config', 'stock', 'ageBuckets', 1], 'not_ascending']);
    expect(at(withStock((s) => ({ ...s, items: s.items.map((it, i) => (i === 0 ? { ...it, receivedOn: '2026-05-01' } : it)) }))).slice(0, 1)).toEqual([['stock', 'items', 0, 'receivedOn']]);
    // The reorder planner: no policy at all, or one that is no object.
    expect(at(withStock((s) => s, (c) => ({ ...c, policy: undefined as never })))).toEqual([['config', 'stock', 'policy'], 'required']);
    expect(at(withStock((s) => s, (c) => ({ ...c, policy: 'abc' as never })))).toEqual([['config', 'stock', 'policy'], 'invalid_type']);
  });

  it('a SKU’s demand refused by the reorder planner is named under stock.items, by its id (a batch names a row by its id)', () => {
    const path = firstPath(withStock((s) => ({ ...s, items: s.items.map((it, i) => (i === 1 ? { ...it, demand: { meanPerDay: -1, sdPerDay: 0 } } : it)) })));
    expect(path.slice(0, 4)).toEqual(['stock', 'items', 'SKU-B', 'demand']);
  });
});

describe('the section’s figures', () => {
  it('one order (SKU-A: 100 units × 100 = 10,000)', () => {
    const st = buildDealerStatement(seedsConfig, seedsDealer()).stock!;
    expect([st.orders, st.orderValue.toString()]).toEqual([1, '10000']);
  });

  it('a SKU whose demand is a history hands its daily mean to the health analysis', () => {
    // SKU-C: a history of two 30-day periods of 30 units, 1 a day; 50 on hand = 50 days of supply,
    // not slow-moving (90). SKU-B: 150 days, slow-moving. SKU-A: 80 / 10 = 8 days. One slow SKU.
    const build = withStock((s) => ({ ...s, items: s.items.map((it) => (it.id === 'SKU-C' ? { ...it, demand: { history: [30, 30], periodDays: 30 } } : it)) }));
    const st = (build() as ReturnType<typeof buildDealerStatement>).stock!;
    expect(st.slowMovingCount).toBe(1);
  });

  it('the health figures are rounded to the currency’s places (JPY: none)', () => {
    // 1,400,000 × 0.2500001 × 365 / 365 = 350,000.14: 350,000 in yen, 350,000.14 in yuan.
    const config = (currency: string): DealerStatementConfig => ({ ...seedsConfig, currency, stock: { ...seedsConfig.stock!, carryingRatePerYear: '0.2500001' } });
    expect(buildDealerStatement(config('JPY'), seedsDealer()).stock!.health.holdingCost.toString()).toBe('350000');
    expect(buildDealerStatement(config('CNY'), seedsDealer()).stock!.health.holdingCost.toString()).toBe('350000.14');
  });
});
