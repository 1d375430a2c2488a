import { describe, expect, it } from 'vitest';
import { cascadeTarget, defineNrfCalendar } from 'dealerkit';
import { buildDealerStatement, buildDealerStatements, type DealerStatementInput } from 'dealerkit/statements';
import { thrown } from '../helpers.js';
import { seedsConfig, seedsDealer } from './seeds.js';

// buildDealerStatements and its shared configuration (issue 18, hostile-input class 3): a problem
// of the configuration met by a dealer (a period no cascade gives, an asOf outside the period, a
// dealer missing from the configured peer group, a stock policy lacking an order quantity) is the
// configuration's: reported once at its own path (`config.period`), never under each dealer
// (`dealers[D-117].config.period`, a field no dealer has), and the batch throws under
// onError: 'collect' too, as a bad rebate program does in calculateRebates.

const plain = (id: string, target = 1_500_000): DealerStatementInput => ({ id, target, actuals: { '2025-Q4': 1_440_000 } });
const PERIOD_ISSUE = (period: string) => ({
  path: ['config', 'period'],
  code: 'invalid_value',
  message: `'${period}' is not a Gregorian quarter (YYYY-Qn) or month (YYYY-MM), and no cascade gives its dates: give the dealer's target as a cascade`,
  expected: 'YYYY-Qn or YYYY-MM',
});
// The NRF 4-5-4 retail year 2025 runs from Sunday 2 February 2025 to Saturday 31 January 2026; its
// fourth quarter (November, December, January: 4 + 5 + 4 weeks) from 2 November 2025.
const nrf = () => cascadeTarget({ calendar: defineNrfCalendar(2025), levels: ['quarter'], spread: 'even' }, 1200);

describe('buildDealerStatements: a problem of the configuration is reported once, at config', () => {
  it('a period that is neither a Gregorian quarter nor a month, for two dealers without a cascade: one issue at config.period', () => {
    const e = thrown(() => buildDealerStatements({ period: '2025-Q5' }, [plain('D-117'), plain('D02')]));
    expect(e.code).toBe('invalid_input');
    expect(e.issues).toEqual([PERIOD_ISSUE('2025-Q5')]);
    expect(e.message.startsWith("[dealerkit] config.period: '2025-Q5' is not")).toBe(true);
  });

  it("throws under onError: 'collect' as well: the configuration is refused, not a dealer", () => {
    expect(thrown(() => buildDealerStatements({ period: '2025-Q5' }, [plain('D-117'), plain('D02')], { onError: 'collect' })).issues).toEqual([PERIOD_ISSUE('2025-Q5')]);
  });

  it("a retail period id: a dealer whose cascade holds it is fine alone; beside a dealer without one, the period is refused once", () => {
    const retail = { id: 'R-1', target: nrf(), actuals: { 'FY2025-Q4': 290 } };
    const alone = buildDealerStatements({ period: 'FY2025-Q4' }, [retail]);
    expect(alone.rows[0]!.result!).toMatchObject({ period: 'FY2025-Q4', start: '2025-11-02', end: '2026-01-31', asOf: '2026-01-31' });
    expect(thrown(() => buildDealerStatements({ period: 'FY2025-Q4' }, [retail, plain('D02')], { onError: 'collect' })).issues).toEqual([PERIOD_ISSUE('FY2025-Q4')]);
  });

  it('an asOf outside the period: one issue at config.asOf', () => {
    const issue = {
      path: ['config', 'asOf'],
      code: 'out_of_range',
      message: "must lie within the statement's period, 2025-10-01 to 2025-12-31, received 2025-09-30",
      received: '2025-09-30',
      expected: 'from 2025-10-01 to 2025-12-31',
    };
    expect(thrown(() => buildDealerStatements({ period: '2025-Q4', asOf: '2025-09-30' }, [plain('D-117'), plain('D02')])).issues).toEqual([issue]);
    // The NRF quarter starts on 2 November: 1 November lies outside it for the retail dealer only.
    const retail = { id: 'R-1', target: nrf() };
    expect(thrown(() => buildDealerStatements({ period: 'FY2025-Q4', asOf: '2025-11-01' }, [retail], { onError: 'collect' })).issues).toEqual([
      { ...issue, message: "must lie within the statement's period, 2025-11-02 to 2026-01-31, received 2025-11-01", received: '2025-11-01', expected: 'from 2025-11-02 to 2026-01-31' },
    ]);
  });

  it("the configuration's problem comes alone: dealers' own problems are not listed beside it", () => {
    const rows = [plain('D-117', -5), plain('D02')];
    expect(thrown(() => buildDealerStatements({ period: '2025-Q5' }, rows)).issues).toEqual([PERIOD_ISSUE('2025-Q5')]);
    // With a good period the dealer's own field is named under it, and collect keeps the other row.
    const run = buildDealerStatements({ period: '2025-Q4' }, rows, { onError: 'collect' });
    expect(run.failed).toBe(1);
    expect(run.rows[0]!.error!.issues.map((i) => [i.path, i.code])).toEqual([[['dealers', 'D-117', 'target'], 'out_of_range']]);
    // D02: 1,440,000 of 1,500,000 = 0.96.
    expect(run.rows[1]!.result!.target!.attainment!.toString()).toBe('0.96');
  });

  it('a dealer missing from the configured peer group: config.kpi.peers, once per dealer missing', () => {
    const config = { period: seedsConfig.period, kpi: seedsConfig.kpi! };
    const dealer = (id: string): DealerStatementInput => ({ id, kpi: seedsDealer().kpi! });
    const missing = (id: string) => ({
      path: ['config', 'kpi', 'peers'],
      code: 'unknown_label',
      message: `holds no row with the id ${id}: the dealer's rank needs its row in the peer group`,
      received: JSON.stringify(id),
    });
    expect(thrown(() => buildDealerStatements(config, [dealer('X-1'), dealer('X-2')], { onError: 'collect' })).issues).toEqual([missing('X-1'), missing('X-2')]);
  });

  it("the stock policy lacking an order quantity (planReorders' shared policy): config.stock.policy.orderQuantity, once", () => {
    const stock = { ...seedsConfig.stock!, policy: { service: { cycle: 0.95 } } };
    const config = { period: '2025-Q4', stock };
    const items = seedsDealer().stock!;
    const issue = {
      path: ['config', 'stock', 'policy', 'orderQuantity'],
      code: 'required',
      message: 'is required under continuous review (reorder point + order quantity) unless the item has levels',
    };
    expect(thrown(() => buildDealerStatement(config, { id: 'S-1', stock: items })).issues).toEqual([issue]);
    expect(thrown(() => buildDealerStatements(config, [{ id: 'S-1', stock: items }, { id: 'S-2', stock: items }], { onError: 'collect' })).issues).toEqual([issue]);
  });

  it('buildDealerStatement (one dealer) names the same paths', () => {
    expect(thrown(() => buildDealerStatement({ period: '2025-Q5' }, plain('D-117'))).issues).toEqual([PERIOD_ISSUE('2025-Q5')]);
    expect(thrown(() => buildDealerStatement({ period: '2025-Q4', asOf: '2026-01-01' }, plain('D-117'))).issues[0]!.path).toEqual(['config', 'asOf']);
  });
});
