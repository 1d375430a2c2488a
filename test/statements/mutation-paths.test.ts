// Each engine's errors and warnings renamed into the statement's terms (src/statements/paths.ts and
// the argument maps of scorecard.ts, rebate.ts, points.ts, stock.ts, target.ts): the configuration's
// parts under config.*, the dealer's facts bare, whatever the engine calls its arguments.
import { describe, expect, it } from 'vitest';
import { defineScorecard } from 'dealerkit';
import { buildDealerStatement, buildDealerStatements, type DealerStatementInput } from 'dealerkit/statements';
import { thrown } from '../helpers.js';
import { seedsConfig, seedsDealer, seedsKpi } from './seeds.js';

const d = seedsDealer();
const paths = (fn: () => unknown) => thrown(fn).issues.map((i) => [i.path, i.code]);

describe('errors', () => {
  it('a configured scorecard that is not one is named under config.kpi.scorecard, scored alone or with peers', () => {
    const want = [
      [['config', 'kpi', 'scorecard', 'kpis'], 'required'],
      [['config', 'kpi', 'scorecard', 'stages'], 'required'],
      [['config', 'kpi', 'scorecard', 'bad'], 'unknown_field'],
    ];
    expect(paths(() => buildDealerStatement({ period: '2025-Q4', kpi: { scorecard: { bad: 1 } as never } }, { id: 'a', kpi: seedsKpi }))).toEqual(want);
    expect(paths(() => buildDealerStatement({ period: '2025-Q4', kpi: { scorecard: { bad: 1 } as never, peers: [{ ...seedsKpi, id: 'a' }] } }, { id: 'a', kpi: seedsKpi }))).toEqual(want);
  });

  it('the standing history: entries that are not entries, a score that is not a number', () => {
    expect(thrown(() => buildDealerStatement(seedsConfig, { ...d, standing: [null, 5] } as never)).issues).toEqual([
      { path: ['standing', 0], code: 'invalid_type', message: 'must be an object { period, score }', received: 'null' },
      { path: ['standing', 1], code: 'invalid_type', message: 'must be an object { period, score }', received: '5' },
    ]);
    expect(paths(() => buildDealerStatement(seedsConfig, { ...d, standing: [{ period: '2025-Q1', score: 'x' }] } as never))).toEqual([[['standing', 0, 'score'], 'not_a_number']]);
  });

  it("the program, the rebate periods, the points events, the stock's lines and settings", () => {
    expect(paths(() => buildDealerStatement({ ...seedsConfig, rebate: { program: { ...seedsConfig.rebate!.program, currency: 5 } as never } }, d))).toEqual([[['config', 'rebate', 'program', 'currency'], 'invalid_type']]);
    expect(paths(() => buildDealerStatement(seedsConfig, { ...d, rebate: { ...d.rebate!, periods: d.rebate!.periods.map((p) => ({ ...p, target: 0 })) } }))).toEqual([[['rebate', 'periods', 0, 'target'], 'out_of_range']]);
    expect(paths(() => buildDealerStatement(seedsConfig, { ...d, points: [{ date: '2025-10-02', type: 'earn', rule: 'nope', quantity: 1 }] }))).toEqual([[['points', 0, 'rule'], 'unknown_label']]);
    expect(paths(() => buildDealerStatement({ ...seedsConfig, stock: { ...seedsConfig.stock!, ageBuckets: [90, 30] } }, d))).toEqual([[['config', 'stock', 'ageBuckets', 1], 'not_ascending']]);
    expect(paths(() => buildDealerStatement(seedsConfig, { ...d, stock: { ...d.stock!, items: [{ ...d.stock!.items[0]!, receivedOn: '2026-05-01' }] } }))).toEqual([[['stock', 'items', 0, 'receivedOn'], 'out_of_range']]);
    expect(paths(() => buildDealerStatement(seedsConfig, { ...d, stock: { ...d.stock!, cogs: 1, averageInventoryValue: 1e300, periodDays: 1e300 } } as never))[0]![0]).toEqual(expect.arrayContaining(['stock']));
  });

  it('the rebate periods read as actuals name the period and field', () => {
    const periods = d.rebate!.periods.map((p, k) => (k === 2 ? { ...p, returns: 'q' } : p));
    expect(paths(() => buildDealerStatement(seedsConfig, { ...d, rebate: { ...d.rebate!, periods } } as never))).toEqual([[['rebate', 'periods', 2, 'returns'], 'not_a_number']]);
  });
});

describe("the errors' own codes", () => {
  it('an unknown SKU line is an unknown_label error, a repeated one an invalid_input error', () => {
    const items = d.stock!.items;
    const unknown = thrown(() => buildDealerStatement(seedsConfig, { ...d, stock: { ...d.stock!, items: [{ ...items[0]!, id: 'SKU-X' }] } }));
    expect([unknown.code, unknown.issues[0]!.received]).toEqual(['unknown_label', '"SKU-X"']);
    const twice = thrown(() => buildDealerStatement(seedsConfig, { ...d, stock: { ...d.stock!, items: [items[0]!, items[0]!] } }));
    expect(twice.code).toBe('invalid_input');
    const skus = [...seedsConfig.stock!.skus, seedsConfig.stock!.skus[0]!];
    expect(thrown(() => buildDealerStatement({ ...seedsConfig, stock: { ...seedsConfig.stock!, skus } }, d)).code).toBe('invalid_input');
    expect(thrown(() => buildDealerStatement(seedsConfig, { ...d, kpi: null } as never)).code).toBe('invalid_input');
  });
});

describe('warnings', () => {
  it("the KPI engine's warnings are named in the dealer's KPI input", () => {
    const card = defineScorecard({
      kpis: [
        { id: 'sales', label: 'Sales', direction: 'higher', scoring: { type: 'ratio' } },
        { id: 'x', label: 'X', direction: 'higher', scoring: { type: 'ratio' } },
      ],
      stages: { s: { weights: { sales: '0.5', x: '0.5' } } },
      missing: 'zero',
    } as never);
    const s = buildDealerStatement({ period: '2025-Q4', kpi: { scorecard: card } }, { id: 'a', kpi: { stage: 's', actuals: { sales: 1, x: null }, targets: { sales: 2, x: 2 } } });
    expect(s.warnings).toEqual([{ code: 'missing-actual', message: "no actual for x: scored 0 points (the scorecard's missing policy is 'zero')", path: ['kpi', 'actuals', 'x'] }]);
  });

  it("the stock engines' warnings are named in the dealer's stock lines", () => {
    const s = buildDealerStatement(seedsConfig, { ...d, stock: { ...d.stock!, items: [{ ...d.stock!.items[0]!, demand: { history: [1, null, 3], periodDays: 30 } }] } });
    expect(s.warnings[0]).toEqual({ code: 'zero-filled-history', message: '1 of 3 periods of the demand history is missing and counted as 0', path: ['stock', 'items', 'SKU-A', 'demand', 'history'] });
  });
});

describe("the seeds' statement's warnings", () => {
  it('only the pending points event: the stock knows its turnover, so no turnover warning', () => {
    expect(buildDealerStatement(seedsConfig, d).warnings).toEqual([{ code: 'pending-events', message: '1 event is dated after 2025-12-31 and not applied (see pending)', path: ['points', 5] }]);
  });
});

describe('the peer group of a network', () => {
  it('a batch that is null, or holds a row that is no dealer, is refused with a path', () => {
    const { peers: _p, ...kpi } = seedsConfig.kpi!;
    expect(thrown(() => buildDealerStatements({ ...seedsConfig, kpi }, null as never)).issues[0]!.path).toEqual(['dealers']);
    const r = buildDealerStatements({ ...seedsConfig, kpi }, [undefined, d] as never, { onError: 'collect' });
    expect(r.rows.map((x) => x.ok)).toEqual([false, true]);
    expect(r.rows[0]!.error!.code).not.toBe('internal');
    expect(r.rows[1]!.result!.scorecard!.peers).toBe(1);
  });

  it('a dealer whose KPI row the engine refuses is no peer of the others', () => {
    const dealers = [d, { ...d, id: 'BADK', kpi: { ...seedsKpi, stage: 'nope' } }] as DealerStatementInput[];
    const { peers: _p, ...kpi } = seedsConfig.kpi!;
    const r = buildDealerStatements({ ...seedsConfig, kpi }, dealers, { onError: 'collect' });
    expect(r.rows.map((x) => x.ok)).toEqual([true, false]);
    expect(r.rows[1]!.error!.issues[0]!.path).toEqual(['dealers', 'BADK', 'kpi', 'stage']);
    expect([r.rows[0]!.result!.scorecard!.rank, r.rows[0]!.result!.scorecard!.peers]).toEqual([1, 1]);
  });
});
