// buildDealerStatement's sections one by one (a given target, a mid-quarter date, missing data,
// a period that pays an advance) and buildDealerStatements over the sample network: its totals and,
// for any network, every row equal to the dealer's statement built alone.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDealerStatement, buildDealerStatements, type DealerStatementInput } from 'dealerkit/statements';
import { FEATURED_DEALER, statementConfig, statementInputs } from '../../examples/demo/statements.js';
import { seedsConfig, seedsDealer, seedsPeers } from './seeds.js';

describe('a target given for the period', () => {
  it('gives attainment and gap against the target, and no pace', () => {
    // 1,440,000 of 1,500,000 = 96 %, 60,000 behind.
    const s = buildDealerStatement({ period: '2025-11' }, { id: 'D-117', target: '1500000', actuals: { '2025-11': 1440000 } });
    expect([s.start, s.end, s.asOf]).toEqual(['2025-11-01', '2025-11-30', '2025-11-30']);
    expect(s.target).toMatchObject({ source: 'given', expectedToDate: null, year: null, tracking: null, scale: 0 });
    expect([s.target!.attainment!.toString(), s.target!.gap!.toString()]).toEqual(['0.96', '60000']);
    expect(s.steps[1]!.text).toBe('2025-11: target 1,500,000 as given; actual 1,440,000 (96.00 %), gap 60,000; no pace without a cascade');
    expect([s.scorecard, s.rebate, s.points, s.stock, s.currency]).toEqual([null, null, null, null, null]);
  });

  it('without an actual for the period, says so and leaves attainment and gap unknown', () => {
    const s = buildDealerStatement({ period: '2025-Q2' }, { id: 'D-117', target: 900 });
    expect([s.target!.actualToDate, s.target!.attainment, s.target!.gap]).toEqual([null, null, null]);
    expect(s.warnings).toEqual([{ code: 'missing-actual', message: 'no actual sales for 2025-Q2: attainment and gap are not known', path: ['actuals'] }]);
    expect(s.figures.find((f) => f.key === 'target.attainment')!.text).toBe('—');
  });
});

describe('a statement dated inside its period', () => {
  it('tracks the quarter to date and pays an advance, not the true-up', () => {
    // As of 2025-11-15: October's 833,333.33… in full, November's 833,333 × 15/30 due.
    const d = seedsDealer();
    const stock = { ...d.stock!, items: d.stock!.items.map(({ receivedOn: _, ...item }) => item) };
    const s = buildDealerStatement({ ...seedsConfig, asOf: '2025-11-15' }, { ...d, stock, points: d.points!.slice(0, 4) });
    expect(s.asOf).toBe('2025-11-15');
    expect(s.target!.target.toString()).toBe('2500000');
    expect(s.target!.expectedToDate!.lt(s.target!.target)).toBe(true);
    expect(s.rebate!.kind).toBe('advance');
    expect(s.rebate!.annualRebate).toBeNull();
    // The cumulative calculation to Q4 with the stock's 70 days: 2 % × 9,620,000 × 0.8 = 153,920 × 0.9 − 104,328 = 34,200.
    expect([s.rebate!.rebate.toString(), s.rebate!.advance!.toString(), s.rebate!.payment.toString()]).toEqual(['153920', '138528', '34200']);
    expect(s.figures.find((f) => f.key === 'rebate.payment')!.label).toBe('Payment due');
  });

  it('a period before the year end pays an advance; periods after it are left out of the settlement', () => {
    const s = buildDealerStatement({ ...seedsConfig, period: '2025-Q3', stock: undefined } as never, { ...seedsDealer(), stock: undefined, points: undefined, standing: [{ period: '2025-Q1', score: 88 }, { period: '2025-Q2', score: 86 }] } as never);
    expect(s.rebate!.settlement.periods.map((p) => p.period)).toEqual(['2025-Q1', '2025-Q2', '2025-Q3']);
    expect(s.rebate!.payment.toString()).toBe('34920');
    expect(s.rebate!.turnover).toBeNull();
    expect(s.warnings.map((w) => w.code)).toEqual(['missing-section']);
  });

  it('final can be forced either way', () => {
    const s = buildDealerStatement({ ...seedsConfig, rebate: { ...seedsConfig.rebate!, final: false } }, seedsDealer());
    expect(s.rebate!.kind).toBe('advance');
  });
});

describe('sections the dealer has no data for', () => {
  it('are left out with a missing-section warning naming the input', () => {
    const s = buildDealerStatement(seedsConfig, { id: 'SEEDS', target: 2500000, actuals: { '2025-Q4': 2375000 } });
    expect(s.warnings.map((w) => [w.code, w.path])).toEqual([
      ['missing-section', ['stock']],
      ['missing-section', ['kpi']],
      ['missing-section', ['rebate']],
      ['missing-section', ['points']],
    ]);
    expect([s.scorecard, s.rebate, s.points, s.stock]).toEqual([null, null, null, null]);
  });

  it('a statement with a scorecard but no exit rule and no peers has no rank and no standing', () => {
    const s = buildDealerStatement({ period: '2025-Q4', kpi: { scorecard: seedsConfig.kpi!.scorecard } }, { id: 'SEEDS', kpi: seedsPeers[0]! });
    expect(s.scorecard).toMatchObject({ rank: null, peers: null, percentileRank: null, standing: null, status: null, grade: 'Silver' });
    expect(s.figures.map((f) => f.key)).not.toContain('scorecard.rank');
  });
});

describe('buildDealerStatements over the sample network', () => {
  const inputs = statementInputs();
  const run = buildDealerStatements(statementConfig, inputs);

  it('builds twelve statements and adds up the network', () => {
    expect(run.rows.map((r) => r.id)).toEqual(inputs.map((d) => d.id));
    expect(run.failed).toBe(0);
    const rows = run.rows.map((r) => r.result!);
    const sum = (f: (s: (typeof rows)[number]) => { plus(x: unknown): unknown } | null | undefined) =>
      rows.reduce((a, s) => a + Number(String(f(s) ?? 0)), 0);
    expect(run.totals.dealers).toBe(12);
    expect(Number(run.totals.target.toString())).toBe(sum((s) => s.target!.target));
    expect(Number(run.totals.payment.toString())).toBeCloseTo(sum((s) => s.rebate!.payment), 6);
    expect(Object.values(run.totals.grades).reduce((a, b) => a + b, 0)).toBe(12);
    expect(Object.values(run.totals.standing).reduce((a, b) => a + (b ?? 0), 0)).toBe(12);
    expect(run.totals.skusBelowReorderPoint).toBe(rows.find((s) => s.id === FEATURED_DEALER)!.stock!.belowReorderPoint.length);
    expect(run.steps[0]!.code).toBe('network-totals');
    // Every dealer is ranked among the twelve, ranks 1 to 12 once each (no two sample scores tie).
    expect(rows.map((s) => s.scorecard!.rank).sort((a, b) => a! - b!)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    // Only the featured dealer has stock data.
    expect(rows.filter((s) => s.stock !== null).map((s) => s.id)).toEqual([FEATURED_DEALER]);
  });

  it("each row is the dealer's statement built alone, with the network as its peer group", () => {
    const peers = inputs.map((d) => ({ ...d.kpi!, id: d.id }));
    for (const [i, d] of inputs.entries()) {
      const alone = buildDealerStatement({ ...statementConfig, kpi: { ...statementConfig.kpi!, peers } }, d);
      expect(JSON.stringify(run.rows[i]!.result)).toBe(JSON.stringify(alone));
    }
  });

  it("with onError: 'collect', a bad dealer is its own row and the totals are over the others", () => {
    const bad = inputs.map((d, i) => (i === 2 ? { ...d, rebate: { ...d.rebate!, periods: d.rebate!.periods.map((p) => ({ ...p, sales: -1 })) } } : d));
    const r = buildDealerStatements(statementConfig, bad, { onError: 'collect' });
    expect(r.failed).toBe(1);
    expect(r.rows[2]!.error!.issues[0]!.path).toEqual(['dealers', 'D03', 'rebate', 'periods', 0, 'sales']);
    expect(r.totals.dealers).toBe(11);
    expect(r.warnings[0]!.code).toBe('rows-refused');
  });

  it('reports progress', () => {
    const calls: [number, number][] = [];
    buildDealerStatements({ period: '2025-Q4' }, [{ id: 'a', target: 1 }, { id: 'b', target: 2 }], { onProgress: (d, t) => calls.push([d, t]) });
    expect(calls).toEqual([[1, 2], [2, 2]]);
  });
});

describe('a network statement equals the statement built alone (property)', () => {
  const card = seedsConfig.kpi!.scorecard;
  const dealer = fc.record({
    sales: fc.integer({ min: 0, max: 4_000_000 }),
    satisfaction: fc.integer({ min: 50, max: 120 }),
    share: fc.integer({ min: 1, max: 12 }),
    quarter: fc.array(fc.integer({ min: 0, max: 3_000_000 }), { minLength: 4, maxLength: 4 }),
    redeem: fc.boolean(),
  });
  it('for random networks of 1 to 6 dealers', () => {
    fc.assert(
      fc.property(fc.array(dealer, { minLength: 1, maxLength: 6 }), (ds) => {
        const inputs: DealerStatementInput[] = ds.map((x, i) => {
          const base = seedsDealer();
          return {
            ...base,
            id: `D${i}`,
            stock: undefined as never,
            kpi: { stage: 'launch', actuals: { sales: x.sales, satisfaction: x.satisfaction, share: x.share, expansion: 30 }, targets: { sales: 2_500_000, satisfaction: 90, share: 5, expansion: 30 } },
            rebate: { ...base.rebate!, periods: base.rebate!.periods.map((p, k) => ({ ...p, sales: x.quarter[k]!, returns: 0, metrics: { inventoryTurnoverDays: 40 } })) },
            points: base.points!.filter((e) => x.redeem || e.type === 'earn'),
          };
        });
        const { stock: _stock, ...rest } = seedsConfig;
        const config = { ...rest, kpi: { scorecard: card, standing: seedsConfig.kpi!.standing! } };
        const run = buildDealerStatements(config, inputs);
        const peers = inputs.map((d) => ({ ...d.kpi!, id: d.id }));
        run.rows.forEach((row, i) => {
          const alone = buildDealerStatement({ ...config, kpi: { ...config.kpi!, peers } }, inputs[i]!);
          expect(JSON.stringify(row.result)).toBe(JSON.stringify(alone));
        });
      }),
      { numRuns: 25 },
    );
  });
});

describe('JSON', () => {
  it('serialises to plain data: decimals as plain strings, no exponent, no -0', () => {
    const text = JSON.stringify(buildDealerStatement(seedsConfig, seedsDealer()));
    expect(text).not.toMatch(/\d[eE][+-]?\d/);
    expect(text).not.toContain('"-0"');
    expect(JSON.parse(text).rebate.payment).toBe('49592');
  });
});
