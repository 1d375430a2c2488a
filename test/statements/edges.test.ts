// The statements' less travelled paths: recorded advances, peers given by the configuration,
// malformed section inputs, a statement with no section, a retail calendar's period.
import { describe, expect, it } from 'vitest';
import { cascadeTarget, defineNrfCalendar } from 'dealerkit';
import { buildDealerStatement, explainDealerStatement, formatDealerStatement } from 'dealerkit/statements';
import { thrown } from '../helpers.js';
import { seedsConfig, seedsDealer } from './seeds.js';

describe('edges', () => {
  it('recorded advances of later periods are left out with those periods', () => {
    const d = seedsDealer();
    const s = buildDealerStatement({ ...seedsConfig, period: '2025-Q3', stock: undefined } as never, {
      ...d,
      stock: undefined,
      points: undefined,
      standing: d.standing!.slice(0, 2),
      rebate: { ...d.rebate!, paid: { '2025-Q1': 30000, '2025-Q4': 1 } },
    } as never);
    // Q1 recorded 30,000; Q2 pays 69,408 − 30,000 = 39,408; Q3 104,328 − 69,408 = 34,920.
    expect(s.rebate!.settlement.periods.map((p) => p.payment.toString())).toEqual(['30000', '39408', '34920']);
  });

  it('malformed section inputs are named', () => {
    const d = seedsDealer();
    expect(thrown(() => buildDealerStatement(seedsConfig, { ...d, kpi: 5 } as never)).issues[0]!.path).toEqual(['kpi']);
    expect(thrown(() => buildDealerStatement(seedsConfig, { ...d, rebate: { periods: 'x' } } as never)).issues[0]!.path).toEqual(['rebate', 'periods']);
    expect(thrown(() => buildDealerStatement(seedsConfig, { ...d, rebate: { ...d.rebate!, periods: [null, ...d.rebate!.periods] } } as never)).issues[0]!.path).toEqual(['rebate', 'periods', 0, 'period']);
    expect(thrown(() => buildDealerStatement({ period: '2025-Q4' }, { id: 'a', target: 5, actuals: { '2025-Q4': 'x' } })).issues[0]!.path).toEqual(['actuals', '2025-Q4']);
    expect(thrown(() => buildDealerStatement({ period: '2025-Q4', currency: 'XX' }, { id: 'a' })).issues[0]!.path).toEqual(['config', 'currency']);
    expect(thrown(() => buildDealerStatement({ period: '2025-Q4' }, { id: 'a' }, { ratioScale: 99 })).issues[0]!.path).toEqual(['options', 'ratioScale']);
  });

  it('a statement with no section is a heading and its period', () => {
    const s = buildDealerStatement({ period: '2025-Q1' }, { id: 'a' });
    expect(s.figures).toEqual([]);
    expect(explainDealerStatement(s)).toEqual(['a, 2025-Q1 (2025-01-01 to 2025-03-31), as of 2025-03-31.']);
    expect(formatDealerStatement(s, { format: 'text' })).toBe('Dealer statement: a\n===================\n2025-Q1: 2025-01-01 to 2025-03-31 · as of 2025-03-31\n\nHow each figure was reached\n---------------------------\n- a, 2025-Q1 (2025-01-01 to 2025-03-31), as of 2025-03-31.\n');
  });

  it("a retail calendar's period is read from the cascade", () => {
    const c = cascadeTarget({ calendar: defineNrfCalendar(2026), levels: ['quarter', 'month'], spread: 'even' }, 1200);
    const s = buildDealerStatement({ period: 'FY2026-P02' }, { id: 'a', target: c, actuals: { 'FY2026-P01': 100, 'FY2026-P02': 90 } });
    expect([s.start, s.end, s.target!.target.toString(), s.target!.actualToDate!.toString()]).toEqual(['2026-03-01', '2026-04-04', '100', '90']);
    expect(s.rebate).toBeNull();
  });

  it('a rebate statement without a currency in the configuration takes the program\'s', () => {
    const { currency: _c, ...rest } = seedsConfig;
    expect(buildDealerStatement(rest, seedsDealer()).currency).toBe('CNY');
  });
});
