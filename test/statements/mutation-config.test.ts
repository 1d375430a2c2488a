// The statement's configuration and the points section's paths (src/statements/schema.ts,
// period.ts, points.ts): a currency of exactly three letters, a period id matched as a whole,
// the catalogue's fields checked, and the points engine's refusals named under config.points or
// points. Expected paths are the broken field's own; messages as written in src/statements/messages.ts.
import { describe, expect, it } from 'vitest';
import { buildDealerStatement, type DealerStatementConfig } from 'dealerkit/statements';
import { thrown } from '../helpers.js';
import { seedsConfig, seedsDealer } from './seeds.js';

const issue = (config: DealerStatementConfig, dealer = seedsDealer()) => {
  const i = thrown(() => buildDealerStatement(config, dealer)).issues[0]!;
  return { path: i.path, code: i.code, message: i.message };
};

describe('configuration', () => {
  it('a currency is three letters, no more, no fewer, nothing before', () => {
    for (const currency of ['EURO', 'XCNY', 'CN']) {
      expect(issue({ ...seedsConfig, currency })).toEqual({ path: ['config', 'currency'], code: 'invalid_value', message: 'must be an ISO 4217 code such as CNY' });
    }
  });

  it('a month id is matched whole: anything before or after is refused (no cascade to name the period)', () => {
    for (const period of ['x2025-10', '2025-101']) {
      expect(thrown(() => buildDealerStatement({ period }, { id: 'D', target: 100 })).issues[0]!.path).toEqual(['config', 'period']);
    }
    expect(buildDealerStatement({ period: '2025-10' }, { id: 'D', target: 100 }).end).toBe('2025-10-31');
  });

  it('a SKU of the catalogue with a negative unit cost is refused at it', () => {
    const skus = seedsConfig.stock!.skus.map((s, i) => (i === 1 ? { ...s, unitCost: -1 } : s));
    expect(issue({ ...seedsConfig, stock: { ...seedsConfig.stock!, skus } }).path).toEqual(['config', 'stock', 'skus', 1, 'unitCost']);
  });
});

describe('points', () => {
  it('a rule the points engine refuses: under config.points', () => {
    const points = { ...seedsConfig.points!, earn: [{ id: 'newCustomer', pointsPerUnit: -50 }, seedsConfig.points!.earn[1]!] };
    expect(issue({ ...seedsConfig, points }).path).toEqual(['config', 'points', 'earn', 0, 'pointsPerUnit']);
  });

  it('an event the points engine refuses: under points', () => {
    const dealer = seedsDealer();
    const events = dealer.points!.map((e, i) => (i === 1 ? { ...e, quantity: -4 } : e));
    expect(issue(seedsConfig, { ...dealer, points: events }).path).toEqual(['points', 1, 'quantity']);
  });
});
