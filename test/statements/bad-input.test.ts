// Bad input to the statements: each refusal is a DealerkitError whose issues name the path, in the
// statement's own terms (config.* for the run's configuration, the dealer's fields bare, each
// dealer of a batch by its id), with the issue code of docs/index.md.
import { describe, expect, it } from 'vitest';
import { buildDealerStatement, buildDealerStatements, formatDealerStatement, type DealerStatementInput } from 'dealerkit/statements';
import { thrown } from '../helpers.js';
import { seedsConfig, seedsDealer, seedsPeers } from './seeds.js';

const issue = (fn: () => unknown) => {
  const e = thrown(fn);
  return e.issues.map((i) => [i.path, i.code]);
};

describe('the cases the issue names', () => {
  it('a period outside the cascade names the dealer\'s target', () => {
    const e = thrown(() => buildDealerStatement({ ...seedsConfig, period: '2026-Q1' }, seedsDealer()));
    expect(e.issues).toMatchObject([{ path: ['target'], code: 'unknown_label' }]);
    expect(e.message).toBe('[dealerkit] target: has no period 2026-Q1 (the statement\'s period): its periods run from 2025-Q1 to 2025-12');
  });

  it('a dealer id missing from the scorecard peer group names config.kpi.peers', () => {
    const e = thrown(() => buildDealerStatement({ ...seedsConfig, kpi: { ...seedsConfig.kpi!, peers: seedsPeers.slice(1) } }, seedsDealer()));
    expect(e.issues).toMatchObject([{ path: ['config', 'kpi', 'peers'], code: 'unknown_label', received: '"SEEDS"' }]);
    expect(e.message).toContain("holds no row with the id SEEDS: the dealer's rank needs its row in the peer group");
  });

  it('stock data for unknown SKUs name each line\'s id', () => {
    const d = seedsDealer();
    const items = [...d.stock!.items, { ...d.stock!.items[0]!, id: 'SKU-X' }, { ...d.stock!.items[0]!, id: 'SKU-Y' }];
    const e = thrown(() => buildDealerStatement(seedsConfig, { ...d, stock: { ...d.stock!, items } }));
    expect(e.issues.map((i) => [i.path, i.code])).toEqual([
      [['stock', 'items', 3, 'id'], 'unknown_label'],
      [['stock', 'items', 4, 'id'], 'unknown_label'],
    ]);
    expect(e.issues[0]!.message).toBe('is not a SKU of the configuration\'s catalogue (config.stock.skus), received "SKU-X"');
  });

  it('in a batch, the dealer is named by its id', () => {
    const dealers = [seedsDealer(), { ...seedsDealer(), id: 'D-117', stock: { ...seedsDealer().stock!, items: [{ ...seedsDealer().stock!.items[0]!, id: 'SKU-Z' }] } }];
    const e = thrown(() => buildDealerStatements({ ...seedsConfig, kpi: { scorecard: seedsConfig.kpi!.scorecard, standing: seedsConfig.kpi!.standing! } }, dealers));
    expect(e.issues.map((i) => [i.path, i.code])).toEqual([[['dealers', 'D-117', 'stock', 'items', 0, 'id'], 'unknown_label']]);
  });
});

describe('the configuration', () => {
  it('a misspelt field suggests the nearest', () => {
    const e = thrown(() => buildDealerStatement({ ...seedsConfig, rebates: {} } as never, seedsDealer()));
    expect(e.issues).toMatchObject([{ path: ['config', 'rebates'], code: 'unknown_field', message: 'is not a known field; did you mean `rebate`?' }]);
  });

  it('a missing period, a date outside the period, a period no calendar explains', () => {
    expect(issue(() => buildDealerStatement({} as never, { id: 'a' }))).toEqual([[['config', 'period'], 'required']]);
    expect(issue(() => buildDealerStatement({ ...seedsConfig, asOf: '2026-01-05' }, seedsDealer()))).toEqual([[['config', 'asOf'], 'out_of_range']]);
    expect(issue(() => buildDealerStatement({ period: 'FY2026-P01' }, { id: 'a', target: 5 }))).toEqual([[['config', 'period'], 'invalid_value']]);
  });

  it('a program that is not one, a catalogue listing a SKU twice', () => {
    expect(issue(() => buildDealerStatement({ ...seedsConfig, rebate: { program: { basis: 'amount' } as never } }, seedsDealer()))[0]![0]).toEqual(['config', 'rebate', 'program', 'currency']);
    const skus = [...seedsConfig.stock!.skus, seedsConfig.stock!.skus[0]!];
    expect(issue(() => buildDealerStatement({ ...seedsConfig, stock: { ...seedsConfig.stock!, skus } }, seedsDealer()))).toEqual([[['config', 'stock', 'skus', 3, 'id'], 'duplicate']]);
  });

  it("the engines' configuration errors name config paths", () => {
    const policy = { ...seedsConfig.stock!.policy, service: { cycle: 95 } };
    expect(issue(() => buildDealerStatement({ ...seedsConfig, stock: { ...seedsConfig.stock!, policy } }, seedsDealer()))).toEqual([[['config', 'stock', 'policy', 'service', 'cycle'], 'percent_as_whole_number']]);
    expect(issue(() => buildDealerStatement({ ...seedsConfig, stock: { ...seedsConfig.stock!, carryingRatePerYear: 25 } }, seedsDealer()))).toEqual([[['config', 'stock', 'carryingRatePerYear'], 'percent_as_whole_number']]);
    expect(issue(() => buildDealerStatement({ ...seedsConfig, kpi: { ...seedsConfig.kpi!, standing: { benchmark: 90, consecutive: 2, graceMonths: 3 } as never } }, seedsDealer()))).toEqual([[['config', 'kpi', 'standing', 'missing'], 'required']]);
    expect(issue(() => buildDealerStatement({ ...seedsConfig, points: { earn: [], expiry: { quarters: 1 } } }, seedsDealer()))).toEqual([[['config', 'points', 'earn'], 'too_short']]);
  });
});

describe("the dealer's facts", () => {
  const d = seedsDealer;
  it('a section the configuration lacks', () => {
    expect(issue(() => buildDealerStatement({ period: '2025-Q4' }, { id: 'a', stock: d().stock! }))).toEqual([[['stock'], 'inconsistent']]);
    expect(issue(() => buildDealerStatement({ period: '2025-Q4', kpi: { scorecard: seedsConfig.kpi!.scorecard } }, { id: 'a', kpi: d().kpi!, standing: [] }))).toEqual([[['standing'], 'inconsistent']]);
  });

  it('a target of zero, an unknown field, a dealer without an id', () => {
    expect(issue(() => buildDealerStatement({ period: '2025-Q4' }, { id: 'a', target: 0 }))).toEqual([[['target'], 'out_of_range']]);
    expect(issue(() => buildDealerStatement({ period: '2025-Q4' }, { id: 'a', targt: 5 } as never))).toEqual([[['targt'], 'unknown_field']]);
    expect(issue(() => buildDealerStatement({ period: '2025-Q4' }, {} as never))).toEqual([[['id'], 'required']]);
  });

  it("the KPI input's id, the peer group's row and the history must agree with the statement", () => {
    expect(issue(() => buildDealerStatement(seedsConfig, { ...d(), kpi: { ...d().kpi!, id: 'OTHER' } }))).toEqual([[['kpi', 'id'], 'inconsistent']]);
    const peers = seedsPeers.map((p) => (p.id === 'SEEDS' ? { ...p, actuals: { ...p.actuals, sales: 1 } } : p));
    expect(issue(() => buildDealerStatement({ ...seedsConfig, kpi: { ...seedsConfig.kpi!, peers } }, d()))).toEqual([[['config', 'kpi', 'peers', 'SEEDS'], 'inconsistent']]);
    expect(issue(() => buildDealerStatement(seedsConfig, { ...d(), standing: [...d().standing!, { period: '2025-Q4', score: 1 }] }))).toEqual([[['standing', 3, 'period'], 'duplicate']]);
    expect(issue(() => buildDealerStatement(seedsConfig, { ...d(), kpi: { ...d().kpi!, stage: 'launh' } }))).toEqual([[['kpi', 'stage'], 'unknown_label']]);
  });

  it('rebate periods without the statement\'s period, or giving the turnover the stock computes', () => {
    const r = d().rebate!;
    expect(issue(() => buildDealerStatement(seedsConfig, { ...d(), rebate: { ...r, periods: r.periods.slice(0, 3) } }))).toEqual([[['rebate', 'periods'], 'unknown_label']]);
    const twice = { ...r, periods: r.periods.map((p, k) => (k === 3 ? { ...p, metrics: { inventoryTurnoverDays: 40 } } : p)) };
    expect(issue(() => buildDealerStatement(seedsConfig, { ...d(), rebate: twice }))).toEqual([[['rebate', 'periods', 3, 'metrics', 'inventoryTurnoverDays'], 'inconsistent']]);
    const top = { ...r, metrics: { ...r.metrics, inventoryTurnoverDays: 40 } };
    expect(issue(() => buildDealerStatement(seedsConfig, { ...d(), rebate: top }))).toEqual([[['rebate', 'metrics', 'inventoryTurnoverDays'], 'inconsistent']]);
    expect(issue(() => buildDealerStatement(seedsConfig, { ...d(), rebate: { ...r, id: 'X' } }))).toEqual([[['rebate', 'id'], 'inconsistent']]);
    expect(issue(() => buildDealerStatement(seedsConfig, { ...d(), rebate: { ...r, periods: r.periods.map((p) => ({ ...p, sales: -1 })) } }))[0]).toEqual([['rebate', 'periods', 0, 'sales'], 'out_of_range']);
  });

  it('without cost of goods sold the turnover is not fed: a warning, and the rebate asks for the metric', () => {
    const stock = { ...d().stock!, cogs: 0 };
    expect(issue(() => buildDealerStatement(seedsConfig, { ...d(), stock }))).toEqual([[['rebate', 'periods', 3, 'metrics', 'inventoryTurnoverDays'], 'required']]);
    const r = d().rebate!;
    const rebate = { ...r, metrics: { ...r.metrics, inventoryTurnoverDays: 40 } };
    const s = buildDealerStatement(seedsConfig, { ...d(), stock, rebate });
    expect(s.warnings.map((w) => [w.code, w.path])).toContainEqual(['turnover-unknown', ['stock', 'cogs']]);
    expect(s.rebate!.turnover).toBeNull();
  });

  it('points and stock errors name their lines', () => {
    const points = [...d().points!.slice(0, 2), { date: '2025-10-02', type: 'redeem' as const, points: 1000 }];
    expect(issue(() => buildDealerStatement(seedsConfig, { ...d(), points }))).toEqual([[['points', 2, 'points'], 'infeasible']]);
    const stock = d().stock!;
    expect(issue(() => buildDealerStatement(seedsConfig, { ...d(), stock: { ...stock, items: [] } }))).toEqual([[['stock', 'items'], 'too_short']]);
    expect(issue(() => buildDealerStatement(seedsConfig, { ...d(), stock: { ...stock, items: [stock.items[0]!, stock.items[0]!] } }))).toEqual([[['stock', 'items', 1, 'id'], 'duplicate']]);
    expect(issue(() => buildDealerStatement(seedsConfig, { ...d(), stock: { ...stock, items: [{ ...stock.items[0]!, stock: { onHand: -1, onOrder: 0 } }] } }))[0]![0]).toEqual(['stock', 'items', 'SKU-A', 'stock', 'onHand']);
    expect(issue(() => buildDealerStatement(seedsConfig, { ...d(), stock: { ...stock, averageInventoryValue: 0 } }))).toEqual([[['stock', 'averageInventoryValue'], 'out_of_range']]);
    expect(issue(() => buildDealerStatement(seedsConfig, { ...d(), stock: { ...stock, items: [{ ...stock.items[0]!, leadTime: { days: 1 } } as never] } }))).toEqual([[['stock', 'items', 0, 'leadTime'], 'unknown_field']]);
  });

  it('a batch that is not a list, a repeated dealer id', () => {
    expect(issue(() => buildDealerStatements({ period: '2025-Q4' }, 'x' as never))).toEqual([[['dealers'], 'invalid_type']]);
    expect(issue(() => buildDealerStatements({ period: '2025-Q4' }, [{ id: 'a', target: 1 }, { id: 'a', target: 2 }] as DealerStatementInput[]))).toEqual([[['dealers', 'a', 'id'], 'duplicate']]);
  });
});

describe('formatDealerStatement', () => {
  const s = buildDealerStatement(seedsConfig, seedsDealer());
  it('refuses a missing or unknown format, a bad locale, an SVG that could run code', () => {
    expect(issue(() => formatDealerStatement(s, {} as never))).toEqual([[['options', 'format'], 'required']]);
    expect(issue(() => formatDealerStatement(s, { format: 'pdf' } as never))).toEqual([[['options', 'format'], 'invalid_value']]);
    expect(issue(() => formatDealerStatement(s, { format: 'html', locale: '' }))).toEqual([[['options', 'locale'], 'invalid_value']]);
    for (const svg of ['<div>no</div>', '<svg onload="alert(1)"></svg>', '<svg><script>alert(1)</script></svg>', '<svg><foreignObject><p/></foreignObject></svg>', '<svg><a href="javascript:x"/></svg>']) {
      expect(issue(() => formatDealerStatement(s, { format: 'html', charts: { pace: svg } }))).toEqual([[['options', 'charts', 'pace'], 'invalid_value']]);
    }
    expect(issue(() => formatDealerStatement({} as never, { format: 'text' }))).toEqual([[['statement'], 'invalid_type']]);
  });
});
