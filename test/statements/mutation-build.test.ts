// buildDealerStatement(s) on the paths the seeds' statement does not walk (src/statements/build.ts,
// stock.ts, points.ts, period.ts): the network's totals written out by hand, the peer group taken
// from the network's valid rows, the default actuals read from the rebate periods, the stock lists'
// order, the points at the period's edges, Gregorian periods, options, and the sentences of a
// statement read back from JSON.
import { describe, expect, it } from 'vitest';
import { buildDealerStatement, buildDealerStatements, explainDealerStatement, formatDealerStatement, type DealerStatementInput } from 'dealerkit/statements';
import { thrown } from '../helpers.js';
import { seedsConfig, seedsDealer, seedsKpi, seedsPeers } from './seeds.js';

const str = (x: { toString(): string } | null | undefined) => (x === null || x === undefined ? x : x.toString());

describe('the totals of a network with given targets', () => {
  it('adds the targets, and the attainment over the dealers with an actual only', () => {
    // Targets 1,000 + 3,000 + 500 = 4,500; actuals 900 + 3,300 = 4,200 over the two with one, whose
    // targets are 4,000: 4,200 / 4,000 = 105 %. D has no target; C no actual.
    const run = buildDealerStatements({ period: '2025-Q4' }, [
      { id: 'A', target: 1000, actuals: { '2025-Q4': 900 } },
      { id: 'B', target: 3000, actuals: { '2025-Q4': 3300 } },
      { id: 'C', target: 500 },
      { id: 'D' },
    ]);
    const t = run.totals;
    expect([t.dealers, str(t.target), str(t.actualToDate), str(t.attainment)]).toEqual([4, '4500', '4200', '1.05']);
    expect([str(t.rebate), str(t.payment), str(t.pointsEarned), str(t.pointsRedeemed), str(t.pointsBalance), str(t.pointsExpiring), str(t.orderValue)]).toEqual(['0', '0', '0', '0', '0', '0', '0']);
    expect([t.grades, t.standing, t.skusBelowReorderPoint, t.skusAboveMax]).toEqual([{}, {}, 0, 0]);
    expect(run.warnings).toEqual([]);
    expect(run.steps).toEqual([
      { code: 'network-totals', text: '4 statements: target 4,500, actual 4,200 (105.00 %); rebates 0.00, payments due 0.00; 0 SKU lines at or below their reorder point, 0 above their maximum' },
    ]);
  });

  it('no dealer with an actual: no attainment; an empty network', () => {
    const run = buildDealerStatements({ period: '2025-Q4', ratioScale: 2 }, [{ id: 'A', target: 1000 }]);
    expect(run.totals.attainment).toBeNull();
    expect(run.steps[0]!.text).toBe('1 statements: target 1,000, actual 0 (—); rebates 0.00, payments due 0.00; 0 SKU lines at or below their reorder point, 0 above their maximum');
    const none = buildDealerStatements({ period: '2025-Q4', currency: 'JPY' }, []);
    expect([none.totals.dealers, none.totals.attainment, none.rows]).toEqual([0, null, []]);
    // The yen has no minor unit: money totals at 0 places.
    expect(none.steps[0]!.text).toBe('0 statements: target 0, actual 0 (—); rebates 0, payments due 0; 0 SKU lines at or below their reorder point, 0 above their maximum');
  });

  it('the attainment at the ratio scale asked: the options over the configuration', () => {
    // 2 / 3 = 0.666…: at 2 places 0.67 (half-up), at 4 places 0.6667.
    const dealers: DealerStatementInput[] = [{ id: 'A', target: 3, actuals: { '2025-Q4': 2 } }];
    expect(str(buildDealerStatements({ period: '2025-Q4', ratioScale: 2 }, dealers).totals.attainment)).toBe('0.67');
    expect(str(buildDealerStatements({ period: '2025-Q4', ratioScale: 2 }, dealers, { ratioScale: 4 }).totals.attainment)).toBe('0.6667');
    expect(str(buildDealerStatements({ period: '2025-Q4' }, dealers).totals.attainment)).toBe('0.6666666667');
    expect(str(buildDealerStatement({ period: '2025-Q4', ratioScale: 3 }, dealers[0]!).target!.attainment)).toBe('0.667');
    expect(str(buildDealerStatement({ period: '2025-Q4', ratioScale: 3 }, dealers[0]!, { ratioScale: 1 }).target!.attainment)).toBe('0.7');
  });
});

describe('the totals of a network with every section', () => {
  // SEEDS as in the seeds' statement; UP 10 % above target on every KPI (110, Gold); LOW at 80 % on
  // every KPI (80, no grade) with no history. UP and LOW have no stock: the year's turnover (70 days)
  // is in their rebate input.
  const d = seedsDealer();
  const { standing: _history, stock: _stock, ...rest } = seedsDealer();
  const noStock = (id: string, kpi: NonNullable<DealerStatementInput['kpi']>, standing: DealerStatementInput['standing']): DealerStatementInput => ({
    ...rest,
    id,
    kpi,
    ...(standing === undefined ? {} : { standing }),
    rebate: { ...d.rebate!, periods: d.rebate!.periods.map((p) => ({ ...p, metrics: { inventoryTurnoverDays: 70 } })), metrics: { ...d.rebate!.metrics, inventoryTurnoverDays: 70 } },
  });
  const up = { stage: 'maturity', actuals: seedsPeers[2]!.actuals, targets: seedsKpi.targets! };
  const low = { stage: 'maturity', actuals: { sales: 2_000_000, satisfaction: 72, share: 4, expansion: 24 }, targets: seedsKpi.targets! };
  const { peers: _peers, ...kpi } = seedsConfig.kpi!;
  const run = buildDealerStatements({ ...seedsConfig, kpi }, [d, noStock('UP', up, d.standing), noStock('LOW', low, undefined)]);

  it('ranks each dealer among the network and counts grades and standings', () => {
    expect(run.failed).toBe(0);
    const rows = run.rows.map((r) => r.result!);
    expect(rows.map((s) => [s.id, s.scorecard!.rank, s.scorecard!.peers, s.scorecard!.grade, s.scorecard!.status])).toEqual([
      ['SEEDS', 2, 3, 'Silver', 'recovered'],
      ['UP', 1, 3, 'Gold', 'recovered'],
      // 80 below the benchmark 90 for the first time: watch.
      ['LOW', 3, 3, null, 'watch'],
    ]);
    expect(run.totals.grades).toEqual({ Gold: 1, Silver: 1, Bronze: 0, ungraded: 1 });
    expect(run.totals.standing).toEqual({ recovered: 2, watch: 1 });
  });

  it('adds targets, actuals, rebates, payments, points and stock', () => {
    // Targets 3 × 2,500,000; actuals 3 × 2,375,000 = 7,125,000: 95 %. Each year's rebate 153,920 and true-up
    // 49,592 (the seeds' statement): 461,760 and 148,776. Points 3 × (300 earned, 150 redeemed, 350 left, 50
    // expiring). Stock: SEEDS's SKU-A below its reorder point, SKU-B above its maximum, 10,000 to order.
    const t = run.totals;
    expect([t.dealers, str(t.target), str(t.actualToDate), str(t.attainment)]).toEqual([3, '7500000', '7125000', '0.95']);
    expect([str(t.rebate), str(t.payment)]).toEqual(['461760', '148776']);
    expect([str(t.pointsEarned), str(t.pointsRedeemed), str(t.pointsBalance), str(t.pointsExpiring)]).toEqual(['900', '450', '1050', '150']);
    expect([t.skusBelowReorderPoint, t.skusAboveMax, str(t.orderValue)]).toEqual([1, 1, '10000']);
    expect(run.steps[0]!.text).toBe('3 statements: target 7,500,000, actual 7,125,000 (95.00 %); rebates 461,760.00, payments due 148,776.00; 1 SKU lines at or below their reorder point, 1 above their maximum');
  });

  it("only the valid rows form the peer group; a refused dealer is counted in the warning", () => {
    // A dealer without an id and one with a number for an id are refused rows and rank no one.
    const dealers = [d, { ...d, id: '' }, { ...d, id: 5 }, { ...d, id: 'ARR', kpi: [seedsKpi] }] as unknown as DealerStatementInput[];
    const r = buildDealerStatements({ ...seedsConfig, kpi }, dealers, { onError: 'collect' });
    expect(r.rows.map((x) => x.ok)).toEqual([true, false, false, false]);
    expect([r.rows[0]!.result!.scorecard!.rank, r.rows[0]!.result!.scorecard!.peers]).toEqual([1, 1]);
    expect(r.warnings).toEqual([{ code: 'rows-refused', message: '3 dealers were refused; the totals are over the 1 other' }]);
    expect(r.totals.dealers).toBe(1);
  });

  it('without an exit rule no standing is counted', () => {
    const r = buildDealerStatements({ period: '2025-Q4', kpi: { scorecard: seedsConfig.kpi!.scorecard } }, [{ id: 'a', kpi: seedsKpi }, { id: 'b', kpi: low }]);
    expect([r.totals.standing, r.totals.grades]).toEqual([{}, { Gold: 0, Silver: 1, Bronze: 0, ungraded: 1 }]);
  });

  it('with the peers given by the configuration, the network is not the peer group', () => {
    const r = buildDealerStatements(seedsConfig, [d]);
    expect([r.rows[0]!.result!.scorecard!.rank, r.rows[0]!.result!.scorecard!.peers]).toEqual([2, 3]);
  });
});

describe('the actuals read from the rebate periods', () => {
  const d = seedsDealer();
  it("up to the statement's period: net of returns, missing returns as 0", () => {
    // 2025-Q3: 2,400,000 + 2,420,000 + 2,425,000 = 7,245,000 to date; Q4's sales are left out.
    const s = buildDealerStatement({ ...seedsConfig, period: '2025-Q3', stock: undefined } as never, { ...d, stock: undefined, points: undefined, standing: d.standing!.slice(0, 2) } as never);
    expect([str(s.target!.actualToDate), str(s.target!.year!.actualToDate)]).toEqual(['2425000', '7245000']);
  });

  it('periods without sales or that are not objects are skipped; bad figures are named in the rebate input', () => {
    const config = { period: '2025-Q4' };
    const target = d.target;
    // Without a rebate section in the configuration the rebate input is refused, so read the actuals through a config with one.
    const withRebate = { ...seedsConfig, kpi: undefined, points: undefined, stock: undefined } as never;
    const periods = [{ period: '2025-Q1', sales: 100 }, { period: '2025-Q2', sales: 'x' }];
    expect(thrown(() => buildDealerStatement(withRebate, { id: 'a', target, rebate: { periods } } as never)).issues[0]!.path).toEqual(['rebate', 'periods', 1, 'sales']);
    const returns = [{ period: '2025-Q1', sales: 100, returns: 'y' }];
    expect(thrown(() => buildDealerStatement(withRebate, { id: 'a', target, rebate: { periods: returns } } as never)).issues[0]!.path).toEqual(['rebate', 'periods', 0, 'returns']);
    // A given target with no actual and no rebate input: the warning names the actuals.
    expect(buildDealerStatement(config, { id: 'a', target: 5 }).warnings[0]!.path).toEqual(['actuals']);
  });

  it('explicit actuals win over the rebate periods', () => {
    const s = buildDealerStatement(seedsConfig, { ...d, actuals: { '2025-Q1': 1, '2025-Q2': 2, '2025-Q3': 3, '2025-Q4': 4 } });
    expect([str(s.target!.actualToDate), str(s.target!.year!.actualToDate)]).toEqual(['4', '10']);
    expect(thrown(() => buildDealerStatement(seedsConfig, { ...d, actuals: { '2025-Q4': 'z' } })).issues[0]!.path).toEqual(['actuals', '2025-Q4']);
  });
});

describe('Gregorian periods', () => {
  it('quarters and months, leap Februaries, and the year end that makes a period final', () => {
    const dates = (period: string) => {
      const s = buildDealerStatement({ period }, { id: 'a' });
      return [s.start, s.end, s.asOf];
    };
    expect(dates('2025-Q1')).toEqual(['2025-01-01', '2025-03-31', '2025-03-31']);
    expect(dates('2025-Q2')).toEqual(['2025-04-01', '2025-06-30', '2025-06-30']);
    expect(dates('2025-Q3')).toEqual(['2025-07-01', '2025-09-30', '2025-09-30']);
    expect(dates('2024-02')).toEqual(['2024-02-01', '2024-02-29', '2024-02-29']);
    expect(dates('2025-02')).toEqual(['2025-02-01', '2025-02-28', '2025-02-28']);
    expect(dates('2025-12')).toEqual(['2025-12-01', '2025-12-31', '2025-12-31']);
    expect(dates('0900-01')).toEqual(['0900-01-01', '0900-01-31', '0900-01-31']);
    for (const bad of ['2025-Q5', '2025-Q0', '2025-13', '2025-00', '2025-1', 'x2025-Q1', '2025-Q1x', '25-Q1']) {
      expect(thrown(() => buildDealerStatement({ period: bad }, { id: 'a' })).issues[0]!.path, bad).toEqual(['config', 'period']);
    }
  });

  it('a rebate is final on the year\'s last day only', () => {
    const program = seedsConfig.rebate!.program;
    const r = { periods: [{ period: '2025-12', sales: 100, target: 1000, metrics: { inventoryTurnoverDays: 40 } }], target: 1000, metrics: { onTimePaymentRatio: 1, inventoryTurnoverDays: 40 } };
    expect(buildDealerStatement({ period: '2025-12', rebate: { program } }, { id: 'a', rebate: r }).rebate!.kind).toBe('final');
    expect(buildDealerStatement({ period: '2025-12', asOf: '2025-12-30', rebate: { program } }, { id: 'a', rebate: r }).rebate!.kind).toBe('advance');
    const nov = { ...r, periods: [{ ...r.periods[0]!, period: '2025-11' }] };
    expect(buildDealerStatement({ period: '2025-11', rebate: { program } }, { id: 'a', rebate: nov }).rebate!.kind).toBe('advance');
    expect(buildDealerStatement({ period: '2025-11', rebate: { program, final: true } }, { id: 'a', rebate: nov }).rebate!.kind).toBe('final');
  });
});

describe('the stock lists', () => {
  const d = seedsDealer();
  const items = d.stock!.items;
  it('below the reorder point worst first; above the maximum largest excess first', () => {
    // SKU-C with nothing on hand and 1 a day: stockout (reorder point 5); SKU-A at 80: reorder. Input order A, C.
    const below = buildDealerStatement(seedsConfig, { ...d, stock: { ...d.stock!, items: [items[0]!, { ...items[2]!, stock: { onHand: 0, onOrder: 0 }, demand: { meanPerDay: 1, sdPerDay: 0 } }] } });
    expect(below.stock!.belowReorderPoint.map((l) => [l.id, l.status])).toEqual([
      ['SKU-C', 'stockout'],
      ['SKU-A', 'reorder'],
    ]);
    // SKU-B 150 over a maximum of 105: 45; SKU-A 400 over 100 + 100 = 200: 200. Input order B, A.
    const above = buildDealerStatement(seedsConfig, { ...d, stock: { ...d.stock!, items: [items[1]!, { ...items[0]!, stock: { onHand: 400, onOrder: 0 } }] } });
    expect(above.stock!.aboveMax.map((l) => [l.id, l.excess])).toEqual([
      ['SKU-A', 200],
      ['SKU-B', 45],
    ]);
    expect(above.stock!.orders).toBe(0);
  });

  it("a demand history is read per day for the stock's health", () => {
    // SKU-A's demand as three 30-day months of 300: 10 a day, 8 days of supply: not slow-moving (as with 10 a day given).
    const s = buildDealerStatement(seedsConfig, { ...d, stock: { ...d.stock!, items: [{ ...items[0]!, demand: { history: [300, 300, 300], periodDays: 30 } }, items[1]!, items[2]!] } });
    expect([s.stock!.slowMovingCount, str(s.stock!.slowMovingShare)]).toEqual([2, '0.8024691358']);
  });

  it("the dealer's manual levels", () => {
    // Manual levels on SKU-C: min 60, max 70; 50 on hand is at or below the min.
    const levels = { min: 60, max: 70 };
    const s = buildDealerStatement(seedsConfig, { ...d, stock: { ...d.stock!, items: [items[0]!, items[1]!, { ...items[2]!, levels }] } });
    expect(s.stock!.belowReorderPoint.map((l) => [l.id, l.reorderPoint, l.max])).toEqual([
      ['SKU-A', 100, 200],
      ['SKU-C', 60, 70],
    ]);
  });

  it("open receipts count from the stock's date, or from the policy's own date when the brand gives one", () => {
    // SKU-A (10-day lead time) has 50 units due on 2026-01-05. As of 2025-12-31 they arrive within the lead
    // time: position 80 + 50 = 130 > 100, ok. Counted on 2025-12-20 (lead time to 12-30) or under a policy
    // dated 2025-12-01 (to 12-11) they do not: position 80, reorder.
    const a = { ...items[0]!, stock: { onHand: 80, onOrder: [{ quantity: 50, due: '2026-01-05' }] } };
    const stock = { ...d.stock!, items: [a, items[1]!, items[2]!] };
    const below = (s: ReturnType<typeof buildDealerStatement>) => s.stock!.belowReorderPoint.map((l) => [l.id, l.position]);
    expect(below(buildDealerStatement(seedsConfig, { ...d, stock }))).toEqual([]);
    const counted = buildDealerStatement(seedsConfig, { ...d, stock: { ...stock, asOf: '2025-12-20' } });
    expect([counted.stock!.asOf, below(counted)]).toEqual(['2025-12-20', [['SKU-A', 80]]]);
    const policy = { ...seedsConfig.stock!.policy, asOf: '2025-12-01' };
    expect(below(buildDealerStatement({ ...seedsConfig, stock: { ...seedsConfig.stock!, policy } }, { ...d, stock }))).toEqual([['SKU-A', 80]]);
  });
});

describe('the points at the edges of the period', () => {
  it("an event on the period's first day and one on its last count in the period; a grant valid to the last day expires with it", () => {
    const d = seedsDealer();
    // The seeds' events, plus 1 new customer on 2025-10-01 (50, valid to 2026-03-31) and 1 on 2025-12-31 (50,
    // valid to 2026-06-30), and 10 redeemed on 2025-10-01 (from August's 200, then 140 left after 30 November).
    // Earned 300 + 50 + 50 = 400; redeemed 150 + 10 = 160; expired 40 (on 2025-10-01); opening 240.
    // Balance 240 + 400 − 160 − 40 = 440; expiring after 2025-12-31: August's 200 − 150 − 10 = 40.
    const points = [
      ...d.points!.slice(0, 3),
      { date: '2025-10-01', type: 'earn' as const, rule: 'newCustomer', quantity: 1 },
      { date: '2025-10-01', type: 'redeem' as const, points: 10 },
      ...d.points!.slice(3, 5),
      { date: '2025-12-31', type: 'earn' as const, rule: 'newCustomer', quantity: 1 },
    ];
    const s = buildDealerStatement(seedsConfig, { ...d, points });
    const p = s.points!;
    expect([p.opening, p.earned, p.redeemed, p.expired, p.balance, p.expiring].map(str)).toEqual(['240', '400', '160', '40', '440', '40']);
    expect(p.expiringAfter).toBe('2025-12-31');
  });

  it('as of a day inside the period, later events are not counted', () => {
    const d = seedsDealer();
    // As of 2025-11-29: the 30 November redemption is pending. Earned 300, redeemed 0, expired 40; balance 240 + 300 − 40 = 500.
    const s = buildDealerStatement({ ...seedsConfig, asOf: '2025-11-29', stock: undefined, rebate: undefined } as never, { ...d, stock: undefined, rebate: undefined, points: d.points!.slice(0, 5) } as never);
    expect([s.points!.earned, s.points!.redeemed, s.points!.expired, s.points!.balance].map(str)).toEqual(['300', '0', '40', '500']);
  });
});

describe('a statement read back from JSON', () => {
  it("is told in its engines' step texts, section by section", () => {
    const s = buildDealerStatement(seedsConfig, seedsDealer());
    const copy = JSON.parse(JSON.stringify(s));
    const text = formatDealerStatement(copy, { format: 'text' });
    const how = text.slice(text.indexOf('How each figure was reached'), text.indexOf('To look at')).split('\n');
    // The target's own sentence, then the tracking's steps; the score's steps, the rank, the standing's steps;
    // the rebate's calculation then its settlement; the period's points steps; the stock's health and the
    // flagged SKUs' status lines.
    expect(how).toContain('- 2025-Q4: target 2,500,000, actual 2,375,000 (95.00 %).');
    expect(how).toContain('- Rank 2 of 3 in the peer group; 50.00 % of the other dealers score lower.');
    expect(how.filter((x) => x.includes('expired 40 points') || x.startsWith('- 2025-05-05'))).toEqual(['- 2025-10-01 expired 40 points earned 2025-05-05 (valid through 2025-09-30)']);
    // Each flagged SKU by its plan's status step (not the first step that happens to name the status).
    expect(how.filter((x) => x.startsWith('- SKU-'))).toEqual(["- SKU-A: reorder: position 80 ≤ reorder point 100 (trigger 'lte'): replenish", '- SKU-B: overstock: position 150 > max 105 by 45: promote or transfer']);
    expect(how.filter((x) => x.startsWith('- rebate') || x.startsWith('- Silver') || x.startsWith('- 2025-Q4 closes'))).toEqual([
      '- Silver: 2 % × 9,620,000.00 = 192,400.00',
      '- 2025-Q4 closes the year: annual rebate 153,920.00 − 104,328.00 paid → pays 49,592.00',
    ]);
    expect(how).toContain('- Weights of stage maturity');
    // explainDealerStatement revives the decimals: the same sentences as the live statement.
    expect(explainDealerStatement(copy)).toEqual(explainDealerStatement(s));
  });
});
