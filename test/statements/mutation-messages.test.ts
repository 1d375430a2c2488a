// Every refusal and warning of the statements module, with its exact text, path and issue code
// (src/statements/messages.ts), and the statement's own step texts on the variants the seeds'
// statement does not reach. Each expected text is written out here by hand.
import { describe, expect, it } from 'vitest';
import { buildDealerStatement, formatDealerStatement } from 'dealerkit/statements';
import { thrown } from '../helpers.js';
import { seedsCard, seedsConfig, seedsDealer, seedsKpi, seedsPeers } from './seeds.js';

/** The first issue of the error a call throws: path, code, message and the extra fields. */
const first = (fn: () => unknown) => thrown(fn).issues[0]!;

describe('refusals of the dealer\'s facts', () => {
  it('a target of zero or below', () => {
    // Zero is "positive" to Decimal (+0), so the zero check is its own condition.
    expect(first(() => buildDealerStatement({ period: '2025-Q4' }, { id: 'a', target: 0 }))).toMatchObject({ path: ['target'], code: 'out_of_range', message: 'must be greater than 0, received 0', limit: '0' });
    expect(first(() => buildDealerStatement({ period: '2025-Q4' }, { id: 'a', target: '-5.5' }))).toMatchObject({ path: ['target'], code: 'out_of_range', message: 'must be greater than 0, received -5.5' });
  });

  it('a section the configuration has no place for, one message per section', () => {
    const d = seedsDealer();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ kpi: d.kpi }, 'kpi', 'is given, but the configuration has no kpi section: add config.kpi'],
      [{ rebate: d.rebate }, 'rebate', 'is given, but the configuration has no rebate section: add config.rebate'],
      [{ points: d.points }, 'points', 'is given, but the configuration has no points section: add config.points'],
      [{ stock: d.stock }, 'stock', 'is given, but the configuration has no stock section: add config.stock'],
    ];
    for (const [facts, path, message] of cases) {
      expect(first(() => buildDealerStatement({ period: '2025-Q4' }, { id: 'a', ...facts } as never))).toMatchObject({ path: [path], code: 'inconsistent', message });
    }
    // A standing history needs the exit rule, not only a scorecard; and without any scorecard too.
    const standing = 'is given, but the configuration has no kpi.standing section: add config.kpi.standing';
    expect(first(() => buildDealerStatement({ period: '2025-Q4', kpi: { scorecard: seedsCard } }, { id: 'a', kpi: seedsKpi, standing: [] }))).toMatchObject({ path: ['standing'], message: standing });
    expect(first(() => buildDealerStatement({ period: '2025-Q4' }, { id: 'a', standing: [] }))).toMatchObject({ path: ['standing'], message: standing });
    // With the rule configured, a standing history is accepted.
    expect(buildDealerStatement({ period: '2025-Q4', kpi: { scorecard: seedsCard, standing: seedsConfig.kpi!.standing! } }, { id: 'a', kpi: seedsKpi, standing: [] }).scorecard!.status).toBe('ok');
  });

  it('a period no calendar explains, a date outside the period', () => {
    expect(first(() => buildDealerStatement({ period: 'FY2026-P01' }, { id: 'a', target: 5 }))).toMatchObject({
      path: ['config', 'period'],
      code: 'invalid_value',
      expected: 'YYYY-Qn or YYYY-MM',
      message: "'FY2026-P01' is not a Gregorian quarter (YYYY-Qn) or month (YYYY-MM), and no cascade gives its dates: give the dealer's target as a cascade",
    });
    expect(first(() => buildDealerStatement({ period: '2025-Q4', asOf: '2026-01-01' }, { id: 'a' }))).toMatchObject({
      path: ['config', 'asOf'],
      code: 'out_of_range',
      received: '2026-01-01',
      expected: 'from 2025-10-01 to 2025-12-31',
      message: "must lie within the statement's period, 2025-10-01 to 2025-12-31, received 2026-01-01",
    });
    expect(first(() => buildDealerStatement({ period: '2025-Q4', asOf: '2025-09-30' }, { id: 'a' }))).toMatchObject({ path: ['config', 'asOf'], message: "must lie within the statement's period, 2025-10-01 to 2025-12-31, received 2025-09-30" });
    // Both ends of the period are inside it.
    expect(buildDealerStatement({ period: '2025-Q4', asOf: '2025-10-01' }, { id: 'a' }).asOf).toBe('2025-10-01');
    expect(buildDealerStatement({ period: '2025-Q4', asOf: '2025-12-31' }, { id: 'a' }).asOf).toBe('2025-12-31');
  });

  it('ids that disagree with the dealer\'s', () => {
    const d = seedsDealer();
    expect(first(() => buildDealerStatement(seedsConfig, { ...d, kpi: { ...d.kpi!, id: 'OTHER' } }))).toMatchObject({ path: ['kpi', 'id'], code: 'inconsistent', message: "is OTHER, but the dealer's id is SEEDS: leave it out or make them equal" });
    expect(first(() => buildDealerStatement(seedsConfig, { ...d, rebate: { ...d.rebate!, id: 7 } as never }))).toMatchObject({ path: ['rebate', 'id'], code: 'inconsistent', message: "is 7, but the dealer's id is SEEDS: leave it out or make them equal" });
    // The same id given again is accepted.
    expect(buildDealerStatement(seedsConfig, { ...d, kpi: { ...d.kpi!, id: 'SEEDS' }, rebate: { ...d.rebate!, id: 'SEEDS' } }).rebate!.payment.toString()).toBe('49592');
  });

  it("rebate periods that are not a list, or lack the statement's period", () => {
    const d = seedsDealer();
    const r = d.rebate!;
    expect(first(() => buildDealerStatement(seedsConfig, { ...d, rebate: { periods: 'x' } } as never))).toMatchObject({ path: ['rebate', 'periods'], code: 'invalid_type', message: "must be the rebate input with the program's periods up to the statement's" });
    expect(first(() => buildDealerStatement(seedsConfig, { ...d, rebate: [] } as never))).toMatchObject({ path: ['rebate', 'periods'], code: 'invalid_type' });
    expect(first(() => buildDealerStatement(seedsConfig, { ...d, rebate: { ...r, periods: r.periods.slice(0, 3) } }))).toMatchObject({
      path: ['rebate', 'periods'],
      code: 'unknown_label',
      received: '"2025-Q4"',
      message: "has no period 2025-Q4 (the statement's period); its periods are 2025-Q1, 2025-Q2, 2025-Q3",
    });
    expect(first(() => buildDealerStatement(seedsConfig, { ...d, rebate: { ...r, periods: [] } }))).toMatchObject({ message: "has no period 2025-Q4 (the statement's period); its periods are none" });
    expect(first(() => buildDealerStatement(seedsConfig, { ...d, rebate: { ...r, periods: [5, r.periods[0]!] } } as never))).toMatchObject({ message: "has no period 2025-Q4 (the statement's period); its periods are ?, 2025-Q1" });
  });

  it('a turnover the stock computes, given again', () => {
    const d = seedsDealer();
    const r = d.rebate!;
    const twice = { ...r, periods: r.periods.map((p, k) => (k === 3 ? { ...p, metrics: { inventoryTurnoverDays: 40 } } : p)) };
    const message = 'gives inventoryTurnoverDays, which the statement computes from the stock data (70 days): give one or the other';
    expect(first(() => buildDealerStatement(seedsConfig, { ...d, rebate: twice }))).toMatchObject({ path: ['rebate', 'periods', 3, 'metrics', 'inventoryTurnoverDays'], code: 'inconsistent', message });
    expect(first(() => buildDealerStatement(seedsConfig, { ...d, rebate: { ...r, metrics: { ...r.metrics, inventoryTurnoverDays: 40 } } }))).toMatchObject({ path: ['rebate', 'metrics', 'inventoryTurnoverDays'], code: 'inconsistent', message });
    // Before the year end (not final) the year's metrics are not fed, so a year figure there is no clash.
    const s = buildDealerStatement({ ...seedsConfig, rebate: { program: seedsConfig.rebate!.program, final: false } }, { ...d, rebate: { ...r, metrics: { ...r.metrics, inventoryTurnoverDays: 40 } } });
    expect(s.rebate!.kind).toBe('advance');
    // Other metrics of the period stay beside the fed one.
    const other = { ...r, periods: r.periods.map((p, k) => (k === 3 ? { ...p, metrics: { footfall: 1 } } : p)) };
    expect(buildDealerStatement(seedsConfig, { ...d, rebate: other }).rebate!.payment.toString()).toBe('49592');
  });

  it('the peer group must hold the dealer\'s own row, scored the same', () => {
    const d = seedsDealer();
    expect(first(() => buildDealerStatement({ ...seedsConfig, kpi: { ...seedsConfig.kpi!, peers: seedsPeers.slice(1) } }, d))).toMatchObject({
      path: ['config', 'kpi', 'peers'],
      code: 'unknown_label',
      received: '"SEEDS"',
      message: "holds no row with the id SEEDS: the dealer's rank needs its row in the peer group",
    });
    // The peer row on target on every KPI scores 100; the dealer's own input 611/6 = 101.8333….
    const peers = seedsPeers.map((p) => (p.id === 'SEEDS' ? { ...seedsPeers[1]!, id: 'SEEDS' } : p));
    const i = first(() => buildDealerStatement({ ...seedsConfig, kpi: { ...seedsConfig.kpi!, peers } }, d));
    expect(i).toMatchObject({ path: ['config', 'kpi', 'peers', 'SEEDS'], code: 'inconsistent' });
    expect(i.message).toMatch(/^scores the dealer SEEDS 100, but the dealer's own KPI input scores 101\.83{20,}\d*: the peer group must hold the same row$/);
  });

  it("a standing history holding the statement's own period", () => {
    const d = seedsDealer();
    expect(first(() => buildDealerStatement(seedsConfig, { ...d, standing: [{ period: '2025-Q4', score: 1 }] }))).toMatchObject({
      path: ['standing', 0, 'period'],
      code: 'duplicate',
      received: '"2025-Q4"',
      message: "holds the statement's own period 2025-Q4: the history is the periods before it (the statement adds the period's score)",
    });
  });

  it('stock lines: none, repeated, unknown; a catalogue listing a SKU twice', () => {
    const d = seedsDealer();
    const stock = d.stock!;
    expect(first(() => buildDealerStatement(seedsConfig, { ...d, stock: { ...stock, items: [] } }))).toMatchObject({ path: ['stock', 'items'], code: 'too_short', limit: '1', message: 'must hold at least 1 SKU line' });
    const e = thrown(() => buildDealerStatement(seedsConfig, { ...d, stock: { ...stock, items: [stock.items[1]!, stock.items[0]!, stock.items[1]!, stock.items[1]!] } }));
    expect(e.issues.map((x) => [x.path, x.code, x.message, x.received])).toEqual([
      [['stock', 'items', 2, 'id'], 'duplicate', 'repeats the SKU id of item 0', '"SKU-B"'],
      [['stock', 'items', 3, 'id'], 'duplicate', 'repeats the SKU id of item 0', '"SKU-B"'],
    ]);
    const skus = [...seedsConfig.stock!.skus, seedsConfig.stock!.skus[1]!, seedsConfig.stock!.skus[1]!];
    const c = thrown(() => buildDealerStatement({ ...seedsConfig, stock: { ...seedsConfig.stock!, skus } }, d));
    expect(c.issues.map((x) => [x.path, x.code, x.message, x.received])).toEqual([
      [['config', 'stock', 'skus', 3, 'id'], 'duplicate', 'repeats the SKU id of item 1', '"SKU-B"'],
      [['config', 'stock', 'skus', 4, 'id'], 'duplicate', 'repeats the SKU id of item 1', '"SKU-B"'],
    ]);
  });

  it('a currency that is not a code', () => {
    expect(first(() => buildDealerStatement({ period: '2025-Q4', currency: 'CN' }, { id: 'a' }))).toMatchObject({ path: ['config', 'currency'], message: 'must be an ISO 4217 code such as CNY' });
  });
});

describe('refusals of formatDealerStatement', () => {
  const s = buildDealerStatement({ period: '2025-Q4' }, { id: 'a', target: 5, actuals: { '2025-Q4': 4 } });
  it('names the format, the statement and the chart', () => {
    expect(first(() => formatDealerStatement(s, {} as never))).toMatchObject({ path: ['options', 'format'], message: "is required: 'markdown', 'html' or 'text'" });
    expect(first(() => formatDealerStatement(s, { format: 'pdf' } as never))).toMatchObject({ path: ['options', 'format'], message: `must be one of 'markdown', 'html', 'text', received "pdf"` });
    // A format JSON cannot print (a cycle, a BigInt) is described, not a crash (found by the hostile run, another seed).
    const cyclic: unknown[] = [];
    cyclic.push(cyclic);
    for (const [bad, shown] of [[cyclic, 'an array'], [10n, '10n'], [{ a: 1 }, 'an object'], [7, '7']] as const) {
      expect(first(() => formatDealerStatement(s, { format: bad } as never))).toMatchObject({ path: ['options', 'format'], message: `must be one of 'markdown', 'html', 'text', received ${shown}` });
    }
    for (const bad of [null, 5, { figures: 'x' }]) {
      expect(first(() => formatDealerStatement(bad as never, { format: 'text' }))).toMatchObject({ path: ['statement'], code: 'invalid_type', message: 'must be a result of buildDealerStatement' });
    }
    for (const key of ['pace', 'kpi', 'rebate', 'stock'] as const) {
      expect(first(() => formatDealerStatement(s, { format: 'html', charts: { [key]: '<div/>' } }))).toMatchObject({
        path: ['options', 'charts', key],
        code: 'invalid_value',
        expected: 'an SVG document',
        message: 'must be an SVG document (<svg …>…</svg>) without scripts, event handlers or embedded HTML',
      });
    }
  });
});

describe('warnings', () => {
  it('a section the dealer has no data for, one text per section', () => {
    const s = buildDealerStatement(seedsConfig, { id: 'SEEDS' });
    expect(s.warnings).toEqual([
      { code: 'missing-section', message: 'no stock data for this dealer: the stock section is left out', path: ['stock'] },
      { code: 'missing-section', message: 'no KPI actuals for this dealer: the scorecard section is left out', path: ['kpi'] },
      { code: 'missing-section', message: 'no rebate periods for this dealer: the rebate section is left out', path: ['rebate'] },
      { code: 'missing-section', message: 'no points events for this dealer: the points section is left out', path: ['points'] },
    ]);
    expect(s.steps).toEqual([{ code: 'statement-period', text: '2025-Q4 runs from 2025-10-01 to 2025-12-31; the figures are as of 2025-12-31' }]);
    // A given target without an actual: the step prints the dash for what is not known.
    expect(buildDealerStatement({ period: '2025-Q4' }, { id: 'a', target: 1000 }).steps[1]).toEqual({ code: 'statement-target', text: '2025-Q4: target 1,000 as given; actual — (—), gap —; no pace without a cascade' });
  });

  it('turnover unknown without cost of goods sold, only when the program reads the metric', () => {
    const d = seedsDealer();
    const r = d.rebate!;
    const rebate = { ...r, metrics: { ...r.metrics, inventoryTurnoverDays: 40 } };
    const s = buildDealerStatement(seedsConfig, { ...d, stock: { ...d.stock!, cogs: 0 }, rebate });
    expect(s.warnings.filter((w) => w.code === 'turnover-unknown')).toEqual([
      {
        code: 'turnover-unknown',
        message: "the stock's turnover days are unknown (no cost of goods sold): inventoryTurnoverDays is not fed from the stock, the rebate reads it from the rebate input",
        path: ['stock', 'cogs'],
      },
    ]);
    // A metric no gate or multiplier reads is neither fed nor warned about.
    const t = buildDealerStatement({ ...seedsConfig, rebate: { program: seedsConfig.rebate!.program, turnoverMetric: 'dio' } }, { ...d, stock: { ...d.stock!, cogs: 0 }, rebate });
    expect(t.warnings.map((w) => w.code)).not.toContain('turnover-unknown');
    expect(t.rebate!.turnover).toBeNull();
    expect(t.steps.map((x) => x.code)).not.toContain('turnover-feed');
  });
});
