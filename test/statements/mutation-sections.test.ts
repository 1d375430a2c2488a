// The sections' less common inputs (src/statements/rebate.ts, scorecard.ts, build.ts): a gate on the
// fed turnover, recorded payments that are not a record, prorated stages, the ratio scale reaching
// the engines, a peer group with a bad row, options the statement does not know, and the paths of
// the actuals' warnings.
import { describe, expect, it } from 'vitest';
import { defineRebateProgram } from 'dealerkit';
import { buildDealerStatement } from 'dealerkit/statements';
import { thrown } from '../helpers.js';
import { seedsSpec } from '../rebates/helpers.js';
import { seedsConfig, seedsDealer, seedsKpi } from './seeds.js';

const d = seedsDealer();
const r = d.rebate!;

describe('the turnover fed to a gate', () => {
  // The seeds' program with its turnover multiplier replaced by a gate on the turnover days (else half),
  // and no payment gate. The stock's 70 days: Silver, 2 % × 9,620,000 = 192,400.
  const gated = (op: '<=' | '>=', value: number) =>
    defineRebateProgram({ ...seedsSpec, gates: [{ metric: 'inventoryTurnoverDays', op, value, onFail: { factor: '0.5' } }], multipliers: [] });

  it('a gate met: no factor, the gate passed, the step says so', () => {
    const s = buildDealerStatement({ ...seedsConfig, rebate: { program: gated('<=', 90) } }, d);
    expect(s.rebate!.turnover).toMatchObject({ metric: 'inventoryTurnoverDays', factor: null, gatePassed: true });
    expect(s.rebate!.rebate.toString()).toBe('192400');
    expect(s.steps.find((x) => x.code === 'turnover-feed')!.text).toBe("inventoryTurnoverDays 70.0 from the stock's health figures (analyzeInventoryHealth) fed to the rebate for 2025-Q4: gate met");
    expect(s.figures.find((f) => f.key === 'rebate.turnoverDays')!.steps.map((x) => x.code)).toEqual(['gate']);
  });

  it('a gate failed halves the rebate: 192,400 × 0.5 = 96,200', () => {
    const s = buildDealerStatement({ ...seedsConfig, rebate: { program: gated('<=', 60) } }, d);
    expect(s.rebate!.turnover).toMatchObject({ factor: null, gatePassed: false });
    expect(s.rebate!.rebate.toString()).toBe('96200');
    expect(s.steps.find((x) => x.code === 'turnover-feed')!.text).toBe("inventoryTurnoverDays 70.0 from the stock's health figures (analyzeInventoryHealth) fed to the rebate for 2025-Q4: gate failed");
  });

  it('a metric named by the configuration is the one fed', () => {
    // The program reads "dio" in its multiplier; the configuration names it; the stock's 70 days give × 0.8.
    const program = defineRebateProgram({ ...seedsSpec, multipliers: [{ ...seedsSpec.multipliers![0]!, metric: 'dio' }] });
    const s = buildDealerStatement({ ...seedsConfig, rebate: { program, turnoverMetric: 'dio' } }, d);
    expect(s.rebate!.turnover).toMatchObject({ metric: 'dio', gatePassed: null });
    expect([s.rebate!.turnover!.factor!.toString(), s.rebate!.rebate.toString()]).toEqual(['0.8', '153920']);
    expect(s.figures.find((f) => f.key === 'rebate.turnoverDays')!.label).toBe('dio (from the stock)');
  });
});

describe('the rebate input', () => {
  it('recorded payments that are not a record are refused by the engine, named in the rebate input', () => {
    expect(thrown(() => buildDealerStatement(seedsConfig, { ...d, rebate: { ...r, paid: 5 } } as never)).issues).toMatchObject([{ path: ['rebate', 'paid'], code: 'invalid_type' }]);
  });
});

describe('the scorecard section', () => {
  it('a KPI input that is not an object', () => {
    for (const kpi of [null, [], 'x']) {
      expect(thrown(() => buildDealerStatement(seedsConfig, { ...d, kpi } as never)).issues).toEqual([{ path: ['kpi'], code: 'invalid_type', message: 'must be an object' }]);
    }
  });

  it('stages prorated over the quarter are named together', () => {
    // Launch weights from 1 October to 15 November, maturity from 16 November: the stage reads "launch + maturity".
    const kpi = { ...seedsKpi, stage: undefined, stages: [{ stage: 'launch', from: '2025-10-01', to: '2025-11-15' }, { stage: 'maturity', from: '2025-11-16', to: '2025-12-31' }], period: { start: '2025-10-01', end: '2025-12-31' } };
    const { stage: _s, ...rest } = kpi;
    const s = buildDealerStatement({ period: '2025-Q4', kpi: { scorecard: seedsConfig.kpi!.scorecard } }, { id: 'a', kpi: rest });
    expect(s.scorecard!.stage).toBe('launch + maturity');
    expect(s.figures[0]!.text).toBe('launch + maturity');
  });

  it('the ratio scale reaches the KPI lines and the stock health', () => {
    // Satisfaction 92 / 90 = 102.222… % of target: at 2 places 102.22, at the default 10 places 102.2222222222;
    // the slow-moving share 32,500 / 40,500 = 0.8024… at 2 places: 0.8.
    const attainment = (s: ReturnType<typeof buildDealerStatement>) =>
      (s.scorecard!.result.steps as unknown as { code: string; kpi?: string; attainment?: { toString(): string } }[]).find((x) => x.code === 'kpi-points' && x.kpi === 'satisfaction')!.attainment!.toString();
    expect(attainment(buildDealerStatement(seedsConfig, d))).toBe('102.2222222222');
    const s = buildDealerStatement(seedsConfig, d, { ratioScale: 2 });
    expect(attainment(s)).toBe('102.22');
    expect(s.stock!.slowMovingShare.toString()).toBe('0.8');
    // The peer group is ranked at the same scale: its scores agree with the dealer's own.
    expect(s.scorecard!.rank).toBe(2);
  });

  it('a bad row of the configured peer group is refused, not skipped', () => {
    const peers = [...seedsConfig.kpi!.peers!, { id: 'BAD', stage: 'nope', actuals: {} }];
    const e = thrown(() => buildDealerStatement({ ...seedsConfig, kpi: { ...seedsConfig.kpi!, peers } }, d));
    expect(e.issues[0]).toMatchObject({ path: ['config', 'kpi', 'peers', 'BAD', 'stage'], code: 'unknown_label' });
  });
});

describe('options and the actuals\' warnings', () => {
  it('an option the statement does not know', () => {
    expect(thrown(() => buildDealerStatement(seedsConfig, d, { foo: 1 } as never)).issues).toEqual([{ path: ['options', 'foo'], code: 'unknown_field', message: 'is not a known field', received: 'foo' }]);
  });

  it("a quarter without an actual is named in the input the actuals came from", () => {
    const message = '2025-04, 2025-05, 2025-06 have started but have no actual (given or summed from their sub-periods): actualToDate counts them as 0';
    // Actuals given without 2025-Q2: the warning names the actuals.
    const t = buildDealerStatement(seedsConfig, { ...d, actuals: { '2025-Q1': 1, '2025-Q3': 3, '2025-Q4': 4 } });
    expect(t.warnings[0]).toEqual({ code: 'missing-actual', message, path: ['actuals'] });
    // Read from rebate periods without 2025-Q2: the warning names the rebate periods.
    const periods = [r.periods[0]!, r.periods[2]!, r.periods[3]!].map((p) => ({ ...p, metrics: { inventoryTurnoverDays: 70 } }));
    const s = buildDealerStatement({ period: '2025-Q4', rebate: seedsConfig.rebate! }, { id: 'SEEDS', target: d.target!, rebate: { ...r, periods, metrics: { ...r.metrics, inventoryTurnoverDays: 70 } } });
    expect(s.warnings).toEqual([{ code: 'missing-actual', message, path: ['rebate', 'periods'] }]);
  });
});
