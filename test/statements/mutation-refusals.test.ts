// Where a statement names the engines' refusals and warnings (src/statements/build.ts, target.ts,
// scorecard.ts, rebate.ts): each case breaks one field of the seeds' dealer or configuration, and
// the refusal is expected at that field's own path in the statement's input (peers by their id, as
// a batch names its rows), with the code its rule gives.
import { describe, expect, it } from 'vitest';
import { buildDealerStatement, type DealerStatementConfig, type DealerStatementInput } from 'dealerkit/statements';
import { thrown } from '../helpers.js';
import { seedsConfig, seedsDealer, seedsPeers } from './seeds.js';

const first = (config: DealerStatementConfig, dealer: DealerStatementInput): [unknown[], string] => {
  const e = thrown(() => buildDealerStatement(config, dealer));
  return [e.issues[0]!.path, e.issues[0]!.code];
};
const d = seedsDealer();

describe('refusals at the statement’s own paths', () => {
  it('a rebate period’s negative sales (the actuals given apart): under rebate.periods', () => {
    const rebate = { ...d.rebate!, periods: d.rebate!.periods.map((p, i) => (i === 0 ? { ...p, sales: -5 } : p)) };
    expect(first(seedsConfig, { ...d, actuals: { '2025-Q4': 1 }, rebate })).toEqual([['rebate', 'periods', 0, 'sales'], 'out_of_range']);
  });

  it('a cascade read back from JSON with a target that is no number: under target', () => {
    const target = JSON.parse(JSON.stringify(d.target)) as { periods: { target: unknown }[] };
    target.periods[0]!.target = 'x';
    expect(first(seedsConfig, { ...d, target: target as never })).toEqual([['target', 'periods', 0, 'target'], 'not_a_number']);
  });

  it('an actual for a period outside the cascade: under actuals', () => {
    expect(first(seedsConfig, { ...d, actuals: { '2026-Q1': 5 } })).toEqual([['actuals', '2026-Q1'], 'unknown_label']);
  });

  it('a standing entry’s score that is no number, or an entry that is no object: under standing', () => {
    expect(first(seedsConfig, { ...d, standing: [{ period: '2025-Q1', score: 'x' as never }] })).toEqual([['standing', 0, 'score'], 'not_a_number']);
    expect(first(seedsConfig, { ...d, standing: [5 as never] })).toEqual([['standing', 0], 'invalid_type']);
  });

  it('a peer the KPI engine refuses: under config.kpi.peers, by its id', () => {
    const bad = { id: 'BAD', stage: 'maturity', actuals: { sales: 1 }, targets: {} } as never;
    const config = { ...seedsConfig, kpi: { ...seedsConfig.kpi!, peers: [...seedsPeers, bad] } };
    const [path, code] = first(config, d);
    expect([path.slice(0, 4), code]).toEqual([['config', 'kpi', 'peers', 'BAD'], 'required']);
  });

  it('a section given that the configuration does not have: at the section, inconsistent', () => {
    const { standing: _s, ...kpiWithoutStanding } = seedsConfig.kpi!;
    expect(first({ ...seedsConfig, kpi: kpiWithoutStanding }, d)).toEqual([['standing'], 'inconsistent']);
    const { rebate: _r, ...withoutRebate } = seedsConfig;
    expect(first(withoutRebate, d)).toEqual([['rebate'], 'inconsistent']);
    const { points: _p, ...withoutPoints } = seedsConfig;
    expect(first(withoutPoints, d)).toEqual([['points'], 'inconsistent']);
  });
});

describe('warnings at the statement’s own paths', () => {
  it('a given target without the period’s actual: missing-actual at actuals', () => {
    const s = buildDealerStatement(seedsConfig, { ...d, target: 100, actuals: {} });
    expect(s.warnings.map((w) => [w.code, w.path])).toContainEqual(['missing-actual', ['actuals']]);
  });

  it('a section configured but not given: missing-section at the section', () => {
    const { points: _p, ...noPoints } = d;
    const s = buildDealerStatement(seedsConfig, noPoints);
    expect(s.warnings.map((w) => [w.code, w.path])).toContainEqual(['missing-section', ['points']]);
    expect(s.points).toBeNull();
  });
});
