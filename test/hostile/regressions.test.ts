// Every defect the hostile-input runs found (issue 18 part 1), one test each, with the expected
// outcome derived by hand in the comment beside it. Defects issue 18 lists that issue 13's work had
// already fixed are here too, so they stay fixed.
import { describe, expect, it } from 'vitest';
import * as root from 'dealerkit';
import * as sheets from 'dealerkit/sheets';
import { DealerkitError } from 'dealerkit';
import { thrown } from '../helpers.js';
import { PUBLIC, VALID } from './table.js';

/** The root entry (core and engines) with the spreadsheet functions of dealerkit/sheets. */
const dk = { ...root, ...sheets };

const where = (e: DealerkitError) => e.issues.map((i) => [i.path.join('.'), i.code]);

const deep = (n: number): unknown => {
  let v: unknown = 1;
  for (let i = 0; i < n; i++) v = [v];
  return v;
};

describe('inventory: finite figures or an error, never ok beside NaN or Infinity', () => {
  const policy = { service: { cycle: 0.95 }, orderQuantity: { fixed: 300 } };
  const item = { demand: { meanPerDay: 20, sdPerDay: 5 }, leadTime: { days: 7 }, stock: { onHand: 150, onOrder: 0 } };

  it('a subnormal periodDays is refused at its path (was a NaN safety stock marked ok)', () => {
    // 7 units per 5e-324 days is 1.4e324 a day: beyond a double, so no plan can be made.
    const e = thrown(() => dk.planReorder(policy, { ...item, demand: { history: [7, 14, 21], periodDays: 5e-324 } }));
    expect(where(e)).toEqual([['item.demand.periodDays', 'out_of_range']]);
  });

  it('an EOQ order cost of 1e308 or "1e400" is refused (was Infinity for eoq, orderQuantity, orderUpTo and max)', () => {
    for (const orderCost of [1e308, '1e400']) {
      const e = thrown(() => dk.planReorder({ ...policy, orderQuantity: { eoq: { orderCost: orderCost as number, holdingRatePerYear: 0.2 } } }, { ...item, unitCost: 5 }));
      expect(where(e)).toEqual([['policy.orderQuantity.eoq.orderCost', 'out_of_range']]);
    }
    // √(2 · 1e308 · 1e308 / 5e-324) overflows: refused, never Infinity.
    expect(thrown(() => dk.calculateEoq({ demandPerYear: 1e308, orderCost: 1e308, holdingCostPerUnitPerYear: 5e-324 })).code).toBe('out_of_range');
  });

  it('toDailyDemand refuses a hole and a history value of 1e308 (was NaN, and an infinite sd)', () => {
    // eslint-disable-next-line no-sparse-arrays
    expect(where(thrown(() => dk.toDailyDemand({ history: [, 14, 21, 28] as number[], periodDays: 7 })))).toEqual([['history.0', 'required']]);
    expect(where(thrown(() => dk.toDailyDemand({ history: [1e308, 0], periodDays: 1 })))).toEqual([['history.0', 'out_of_range']]);
  });

  it('calculateNormalLossInverse(1e308) is -1e308 (was -Infinity)', () => {
    // G(k) = φ(k) − k·(1 − Φ(k)); for k ≤ −38, φ(k) and Φ(k) underflow, so G(k) = −k exactly and G⁻¹(g) = −g.
    expect(dk.calculateNormalLossInverse(1e308)).toBe(-1e308);
    expect(dk.calculateNormalLossInverse(40)).toBe(-40);
    expect(dk.calculateNormalLoss(dk.calculateNormalLossInverse(40))).toBe(40);
  });
});

describe('sheets: an error naming the argument, never ±Infinity', () => {
  it('text beyond a double is refused at the argument the user typed (DK_ALTMAN "1e400" was Infinity)', () => {
    expect(where(thrown(() => dk.DK_ALTMAN('z', '1e400', 620000, 30000, 55000, 100000, 280000, 440000)))).toEqual([['workingCapital', 'out_of_range']]);
    expect(where(thrown(() => dk.DK_EOQ('1e400', 10, 0.5)))).toEqual([['demandPerYear', 'out_of_range']]);
    expect(where(thrown(() => dk.DK_REBATE('1e309', [[0, 0.01]])))).toEqual([['amount', 'out_of_range']]);
  });

  it('a result beyond a double is an out_of_range error (DK_ALTMAN, DK_KPI_SCORE, DK_PACE were ±Infinity)', () => {
    // X1 = 1e308 / 1e-300 = 1e608 and 1.2 × 1e608 is beyond 1.8e308.
    expect(thrown(() => dk.DK_ALTMAN('z', 1e308, 1e-300, 30000, 55000, 100000, 280000, 440000)).code).toBe('out_of_range');
    // 95 / 5e-324 = 1.9e325 of the target: a score beyond a double.
    expect(thrown(() => dk.DK_KPI_SCORE([[95, 2]], [[5e-324, 4]], [[0.6, 0.4]], [['ratio', 'reduction']])).code).toBe('out_of_range');
    // Actuals to date 1e308 + 1e308 = 2e308.
    expect(thrown(() => dk.DK_PACE(1200, 2026, 'month', '2026-02-28', [[1e308, 1e308]])).code).toBe('out_of_range');
    // The other cases issue 18 lists: a subnormal holding cost, a rate of 1e308 (both refused at their arguments).
    expect(where(thrown(() => dk.DK_EOQ(1000, 10, 5e-324)))).toEqual([['holdingCost', 'out_of_range']]);
    expect(thrown(() => dk.DK_REBATE(7000, [[0, 1e308], [5000, 0.02]])).issues[0]!.path[0]).toBe('tiers');
  });

  it('DK_ORDERQTY names its position argument (was item.stock.onHand)', () => {
    expect(where(thrown(() => dk.DK_ORDERQTY(1e21, 20, 5, 7, 0.95, 300, null, 40)))).toEqual([['position', 'out_of_range']]);
  });

  it('a very large split stays finite: 1e308 by weights 1e-300 and 1 gives 1e8 and 1e308', () => {
    // 1e308 × 1e-300 / (1 + 1e-300) = 1e8 (to 300 digits); the rest is 1e308 − 1e8, which is 1e308 as a double.
    expect(dk.DK_SPLIT(1e308, [[1e-300], [1]])).toEqual([[1e8], [1e308]]);
  });
});

describe('dates: one range check, years 0001 to 9999', () => {
  it('a day count out of range is refused at days (was 0NaN-NaN-NaN and 10239-09-22)', () => {
    expect(where(thrown(() => dk.calculateDateAfter('2026-01-01', 1e8)))).toEqual([['days', 'out_of_range']]);
    expect(where(thrown(() => dk.calculateDateAfter('2026-01-01', 3e6)))).toEqual([['days', 'out_of_range']]);
    // 9999-12-31 is 2,914,695 days after 2026-01-01 (7,974 years of 365.2425 days less 2 days): the last day accepted.
    expect(dk.calculateDateAfter('2026-01-01', dk.calculateDaysBetween('9999-12-31', '2026-01-01'))).toBe('9999-12-31');
  });

  it('a days argument of any type is described, never thrown on (an object without prototype was internal)', () => {
    expect(where(thrown(() => dk.calculateDateAfter('2026-01-01', Object.create(null) as number)))).toEqual([['days', 'invalid_type']]);
    expect(where(thrown(() => dk.calculateIsoWeeksInYear({ toString: 1, valueOf: 1 } as unknown as number)))).toEqual([['isoYear', 'invalid_type']]);
  });
});

describe('own-property lookups: ids and names that are Object.prototype keys', () => {
  for (const key of ['toString', 'constructor', 'hasOwnProperty', '__proto__']) {
    it(`${key} as a metric, a floor, a KPI and a label is a DealerkitError with its path, never internal`, () => {
      expect(where(thrown(() => dk.calculatePartnerLevel([{ name: 'S', criteria: [{ metric: key, value: 5 }] }], { sales: 1 })))).toEqual([[`metrics.${key}`, 'required']]);
      expect(where(thrown(() => dk.splitTarget([{ id: 'a', weight: 1 }], 100, { floors: JSON.parse(`{"${key}": 3}`) })))).toEqual([[`options.floors.${key}`, 'unknown_label']]);
      expect(where(thrown(() => dk.calculateEntropyWeights({ kpis: [{ id: key, direction: 'higher' }] }, [{ sales: 100 }, { sales: 3 }])))).toEqual([
        [`rows.0.${key}`, 'required'],
        [`rows.1.${key}`, 'required'],
      ]);
      expect(thrown(() => dk.toRiskLevel(dk.riskMatrix3x3, key, 'high')).code).toBe('unknown_label');
      expect(thrown(() => dk.toFinancialBand(dk.distributorBenchmarks, key as 'currentRatio', '1.5')).code).toBe('unknown_label');
      // An id that is a prototype key is just an id.
      expect(dk.splitTarget([{ id: key, weight: 1 }, { id: 'b', weight: 1 }], 100).parts.map((p) => p.target.toString())).toEqual(['50', '50']);
    });
  }
});

describe('sparse lists and cycles: required and cycle at a path, never internal', () => {
  it('AHP: a missing row or entry is required at its place (a missing row was internal)', () => {
    // eslint-disable-next-line no-sparse-arrays
    expect(where(thrown(() => dk.calculateAhpWeights([[1, 3], ,] as number[][])))).toEqual([['matrix.1', 'required']]);
    // eslint-disable-next-line no-sparse-arrays
    expect(where(thrown(() => dk.calculateAhpWeights([[1, , 3], [1, 1, 1], [1 / 3, 1, 1]] as number[][])))).toEqual([['matrix.0.1', 'required']]);
  });

  it('entropy weights: a hole in the rows or the KPIs is required, a KPI that is not an object is invalid_type at it (a hole was skipped)', () => {
    const higher = { id: 'sales', direction: 'higher' as const };
    // eslint-disable-next-line no-sparse-arrays
    expect(where(thrown(() => dk.calculateEntropyWeights({ kpis: [higher] }, [{ sales: 100 }, , { sales: 3 }] as { sales: number }[])))).toEqual([['rows.1', 'required']]);
    // eslint-disable-next-line no-sparse-arrays
    expect(where(thrown(() => dk.calculateEntropyWeights({ kpis: [higher, ,] as (typeof higher)[] }, [{ sales: 100 }, { sales: 3 }])))).toEqual([['spec.kpis.1', 'required']]);
    expect(where(thrown(() => dk.calculateEntropyWeights({ kpis: [1, 2] as unknown as (typeof higher)[] }, [{ a: 1 }, { a: 2 }])))).toEqual([
      ['spec.kpis.0', 'invalid_type'],
      ['spec.kpis.1', 'invalid_type'],
    ]);
  });

  it('a cyclic hierarchy is a cycle at the repeated child; a cyclic pool input is refused at a path', () => {
    const tree: { id: string; children: unknown[] } = { id: 'r', children: [{ id: 'a', weight: 1 }] };
    tree.children.push(tree);
    expect(where(thrown(() => dk.cascadeHierarchy(tree as never, 100)))).toEqual([['tree.children.1', 'cycle']]);
    const pool: Record<string, unknown> = { currency: 'CNY', revenue: 1300, baseline: 1000, pool: { rate: '0.5' }, partners: [{ id: 'b', weight: 1 }] };
    (pool.partners as Record<string, unknown>[])[0]!.self = pool;
    const e = thrown(() => dk.allocateProfitPool(pool as never));
    expect(e.code).not.toBe('internal');
    expect(e.issues[0]!.path.length).toBeGreaterThan(0);
  });

  it('an explainer refuses a hole or a cycle in a result at its path', () => {
    const r = dk.calculateRebate(dk.defineRebateProgram({ currency: 'EUR', rounding: { stage: 'line' }, basis: 'amount', method: 'retroactive', tiers: [{ from: 0, rate: '0.01' }] }), { sales: 100 });
    const holed = { ...r, steps: [r.steps[0], , ...r.steps.slice(1)] };
    expect(where(thrown(() => dk.explainRebate(holed as never)))).toEqual([['result.steps.1', 'required']]);
    const cyclic: Record<string, unknown> = { ...r };
    cyclic.self = cyclic;
    expect(where(thrown(() => dk.explainRebate(cyclic as never)))).toEqual([['result.self', 'cycle']]);
  });
});

describe('numbers beyond Decimal’s range are reported at their field, not (input)', () => {
  it('calculateRebate, splitTarget and toDecimal name the field', () => {
    const p = dk.defineRebateProgram({ currency: 'EUR', rounding: { stage: 'line' }, basis: 'amount', method: 'retroactive', tiers: [{ from: 0, rate: '0.01' }] });
    expect(where(thrown(() => dk.calculateRebate(p, { sales: '1e9000000000000001' })))).toEqual([['sales', 'out_of_range']]);
    expect(where(thrown(() => dk.splitTarget([{ id: 'a', weight: 1 }], '1e9000000000000001')))).toEqual([['total', 'out_of_range']]);
    expect(where(thrown(() => dk.toDecimal('1e9000000000000001', 'sales')))).toEqual([['sales', 'out_of_range']]);
  });
});

describe('helpers documented never to throw anything but a DealerkitError', () => {
  it('formatPath, toDealerkitError and toSheetError take anything, however deep', () => {
    expect(dk.formatPath({} as never)).toBe('(input)');
    expect(dk.formatPath([10n] as never)).toBe('[10n]');
    expect(dk.toDealerkitError(null).code).toBe('internal');
    const hundredThousandDeep = deep(100_000);
    expect(typeof dk.formatPath(hundredThousandDeep as never)).toBe('string');
    expect(dk.toSheetError(hundredThousandDeep).error).toBe('#VALUE!');
    expect(dk.toDealerkitError(hundredThousandDeep)).toBeInstanceOf(DealerkitError);
  });

  it('toDealerkitError keeps only strings and finite numbers in a path (undefined and -Infinity leaked into issues)', () => {
    const e = dk.toDealerkitError({ issues: [{ code: 'custom', path: [undefined, -Infinity, 'a'], message: 'x' }] }, [, 'b'] as string[]);
    expect(e.issues[0]!.path.every((k) => typeof k === 'string' || Number.isFinite(k))).toBe(true);
    expect(e.issues[0]!.path.slice(-1)).toEqual(['a']);
  });

  it('formatNumber with a bigint locale is a DealerkitError (was a raw TypeError from JSON.stringify)', () => {
    expect(where(thrown(() => dk.formatNumber(1, { locale: 10n as unknown as string })))).toEqual([['options.locale', 'invalid_type']]);
  });
});

describe('results read back from JSON', () => {
  it('toFinancialFindings accepts the JSON of an analysis and gives the same findings (was internal: band.value.toFixed)', () => {
    const [mappings, analysis] = VALID.toFinancialFindings!() as Parameters<typeof dk.toFinancialFindings>;
    const live = dk.toFinancialFindings(mappings, analysis);
    const back = dk.toFinancialFindings(mappings, JSON.parse(JSON.stringify(analysis)));
    expect(JSON.stringify(back)).toBe(JSON.stringify(live));
    // Debt ratio 400 / 800 = 0.50: good in the distributor rules of thumb (cuts 0.4, 0.55, …), so likelihood low.
    expect(back.findings).toEqual([{ factor: 'debt-ratio', likelihood: 'low', impact: 'high', note: 'debt ratio 0.50 in 2024: good (wholesale distributor rules of thumb)' }]);
    expect(where(thrown(() => dk.toFinancialFindings([{ factor: Infinity, impact: NaN } as never], analysis)))).toEqual([['mappings.0.factor', 'invalid_type']]);
    expect(where(thrown(() => dk.toFinancialFindings([null as never], analysis)))).toEqual([['mappings.0', 'invalid_type']]);
    const bad = JSON.parse(JSON.stringify(analysis));
    bad.years[0].bands.debtRatio.value = 'abc';
    expect(where(thrown(() => dk.toFinancialFindings(mappings, bad)))).toEqual([['analysis.years.0.bands.debtRatio.value', 'not_a_number']]);
  });

  it('every explainer gives a result and its JSON the same sentences (explainSettlement, explainStanding, explainProfitPool, explainReorderPlan, … were internal)', () => {
    const names = Object.keys(VALID).filter((n) => n.startsWith('explain'));
    expect(names.length).toBeGreaterThan(20);
    for (const name of names) {
      const fn = PUBLIC[name] as (...a: unknown[]) => string[];
      const args = VALID[name]!();
      expect(fn(JSON.parse(JSON.stringify(args[0])), ...args.slice(1)), name).toEqual(fn(...args));
    }
  });

  it('trackTarget refuses a cascade from JSON whose total disagrees with its periods', () => {
    const c = JSON.parse(JSON.stringify(dk.cascadeTarget({ calendar: dk.defineGregorianCalendar({ year: 2026 }), levels: ['month'], spread: 'even' }, 1200)));
    expect(dk.trackTarget(c, { '2026-01': 90 }, { asOf: '2026-02-28' }).expectedToDate.toString()).toBe('200');
    c.total = '5000';
    expect(where(thrown(() => dk.trackTarget(c, { '2026-01': 90 }, { asOf: '2026-02-28' })))).toEqual([['cascade.total', 'inconsistent']]);
  });
});

describe('a quadratic path: accruePoints', () => {
  it('20,000 earn events take well under a second per 10,000 (was 20–45 s)', () => {
    const rules = { earn: [{ id: 'sale', pointsPerUnit: 1, maxPerQuarter: 1_000_000 }], expiry: { quarters: 4 } };
    const events = Array.from({ length: 20_000 }, (_, i) => ({ date: dk.calculateDateAfter('2024-01-01', Math.floor(i / 40)), type: 'earn' as const, rule: 'sale', quantity: 1 }));
    const t = performance.now();
    const ledger = dk.accruePoints(rules, events, { asOf: '2025-05-31' });
    const ms = performance.now() - t;
    // 500 days of 40 events from 2024-01-01: all earned; a year of validity from each quarter's end.
    expect(ledger.earned.toString()).toBe('20000');
    expect(ms).toBeLessThan(5000);
  });
});

describe('a calendar starting before year 1000 or after 9000', () => {
  it('is refused at start, as year is (a start of 0002-01-01 never returned: its unpadded dates never ended the week loop)', () => {
    for (const start of ['0001-01-01', '0002-01-01', '0999-12-01', '9999-04-01']) {
      expect(where(thrown(() => dk.defineGregorianCalendar({ start })))).toEqual([['start', 'out_of_range']]);
    }
    // 1000-01-01 to 2000-01-01 (a Saturday) is 365,000 days + 242 leap days (250 multiples of 4, less
    // 1000, 1100, 1300, 1400, 1500, 1700, 1800, 1900) = 365,242 ≡ 3 (mod 7): 1000-01-01 is a Wednesday, so
    // ISO week 1 (the week of Saturday 4 January) starts on Monday 999-12-30, printed with four digits.
    const c = dk.defineGregorianCalendar({ start: '1000-01-01' });
    expect([c.start, c.end, c.weeks[0]!.start]).toEqual(['1000-01-01', '1000-12-31', '0999-12-30']);
  });
});

describe('found by the first npm run fuzz (seed 58214825)', () => {
  it('a result whose scale is out of range is refused, not printed (a scale of 581541533 crashed the worker)', () => {
    const [health] = VALID.explainInventoryHealth!() as [root.InventoryHealth];
    const bad = JSON.parse(JSON.stringify(health));
    for (const step of bad.steps) if ('scale' in step) step.scale = 581541533;
    const e = thrown(() => dk.explainInventoryHealth(bad));
    expect(e.code).toBe('out_of_range');
    // Refused at the first step that holds a scale (src/core/result-check.ts reads the result before any sentence).
    const first = (bad.steps as { scale?: unknown }[]).findIndex((s) => 'scale' in s);
    expect(where(e)).toEqual([[`health.steps.${first}.scale`, 'out_of_range']]);
    // The holding cost is a figure: an object there is of the wrong type.
    const object = JSON.parse(JSON.stringify(health));
    object.holdingCost = { scale: 581541533 };
    expect(where(thrown(() => dk.explainInventoryHealth(object)))).toEqual([['health.holdingCost', 'invalid_type']]);
  });

  it('allocateEvenly and the entropy direction describe any value (an object with toString: 1 and a bigint were internal)', () => {
    expect(where(thrown(() => dk.allocateEvenly(100, { toString: 1, valueOf: 1 } as unknown as number, { scale: 0 })))).toEqual([['n', 'invalid_value']]);
    const e = thrown(() => dk.calculateEntropyWeights({ kpis: [{ id: 'sales', direction: 10n as unknown as 'higher' }] }, [{ sales: 1 }, { sales: 2 }]));
    expect(where(e)).toEqual([['spec.kpis.0.direction', 'invalid_value']]);
  });
});

describe('found by npm run fuzz (seed 58214825, scale 4): revoked proxies and bigints', () => {
  it('the core predicates and helpers never throw a raw TypeError on a revoked proxy', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(dk.formatPath(proxy as never)).toBe('(input)');
    expect(dk.isDealerkitError(proxy)).toBe(false);
    expect(dk.isDecimal(proxy)).toBe(false);
    expect(thrown(() => dk.toDecimal(proxy)).code).toBe('invalid_input');
    expect(dk.toSheetError(proxy).error).toBe('#VALUE!');
  });

  it('toCurrencyScale(10n) is invalid_input, not internal (its message serialised the bigint)', () => {
    expect(thrown(() => dk.toCurrencyScale(10n as unknown as string)).code).toBe('invalid_input');
  });

  it('an engine may still round to more than 30 places (DK_ALTMAN of tiny assets is out of a double’s range, not a scale error)', () => {
    // X1 = 90,000 / 2.2e-308 ≈ 4e312: beyond a double, so the sheet refuses the result.
    const e = thrown(() => dk.DK_ALTMAN('z', 90000, 2.2250738585072014e-308, 30000, 55000, 100000, 280000, 440000));
    expect(e.code).toBe('out_of_range');
    expect(e.issues[0]!.path).toEqual([]);
  });
});

describe('found by npm run fuzz (seed 229372174, scale 5): cycles in messages', () => {
  it('a cyclic points expiry or pool tier is invalid_input at its path, not internal ("Converting circular structure to JSON")', () => {
    const expiry: Record<string, unknown> = { quarters: 1 };
    expiry.self = expiry;
    const e = thrown(() => dk.accruePoints({ earn: [{ id: 'n', pointsPerUnit: 1 }], expiry: expiry as never }, [], { asOf: '2025-04-30' }));
    expect(e.code).not.toBe('internal');
    expect(e.issues[0]!.path[0]).toBe('rules');
  });

  it('toDealerkitError reads an issue whose fields cannot be printed (an object without a prototype was a raw TypeError)', () => {
    const e = dk.toDealerkitError({ issues: [{ code: 'invalid_type', path: ['a'], expected: Object.create(null), input: 1 }] });
    expect(e.issues.map((i) => i.path)).toEqual([['a']]);
  });
});
