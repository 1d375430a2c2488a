import { describe, expect, expectTypeOf, it } from 'vitest';
import { DealerkitError, defineRebateProgram, type Decimal, type ExplainOptions, type RebateProgram, type RebateResult, type Warning } from 'dealerkit';
import { calculateCliffExposure, calculateThresholdSensitivity, compareRebatePrograms, explainCliffExposure, explainRebateComparison, explainRebateSimulation, explainThresholdSensitivity, simulateRebateProgram, type RebateCliffExposure, type RebateCliffOptions, type RebateComparisonOptions, type RebateDeterministicOutcome, type RebateNetworkDealer, type RebateProgramComparison, type RebateRunStatistics, type RebateScenario, type RebateScenarioOutcome, type RebateSensitivity, type RebateSensitivityOptions, type RebateSimulation, type RebateSimulationOptions, type RebateStochasticOutcome } from 'dealerkit/design';
import * as design from 'dealerkit/design';
import * as rebates from 'dealerkit/rebates';

const program = defineRebateProgram({ currency: 'USD', rounding: { stage: 'line' }, basis: 'amount', method: 'retroactive', tiers: [{ from: 0 }, { from: 1000, rate: '0.02', name: 'Silver' }] });
const network: RebateNetworkDealer[] = [{ id: 'A', sales: 900 }, { id: 'B', sales: '1500', segment: 'east' }];

// Checked by tsc; at run time the misuse cases must throw DealerkitError.
describe('designing a program: types', () => {
  it('simulateRebateProgram: configuration, facts, scenarios, options; outcomes narrowed by kind', () => {
    expectTypeOf(simulateRebateProgram).parameters.toEqualTypeOf<[RebateProgram, readonly RebateNetworkDealer[], readonly RebateScenario[], (RebateSimulationOptions | undefined)?]>();
    const sim = simulateRebateProgram(program, network, [{ name: 'flat' }, { name: 'u', growth: { mean: 0, sd: '0.1', distribution: 'lognormal' }, runs: 5, seed: 1 }]);
    expectTypeOf(sim).toEqualTypeOf<RebateSimulation>();
    expectTypeOf(sim.warnings).toEqualTypeOf<Warning[]>();
    expectTypeOf(sim.scenarios[0]!).toEqualTypeOf<RebateScenarioOutcome>();
    const s = sim.scenarios[0]!;
    if (s.kind === 'deterministic') {
      expectTypeOf(s).toEqualTypeOf<RebateDeterministicOutcome>();
      expectTypeOf(s.rebate).toEqualTypeOf<Decimal>();
      expectTypeOf(s.dealers[0]!.result).toEqualTypeOf<RebateResult>();
    } else {
      expectTypeOf(s).toEqualTypeOf<RebateStochasticOutcome>();
      expectTypeOf(s.rebate).toEqualTypeOf<RebateRunStatistics>();
      expectTypeOf(s.rebate.p95).toEqualTypeOf<number>();
      expectTypeOf(s.totals).toEqualTypeOf<Decimal[]>();
    }
    expectTypeOf(s.steps[0]!.text).toEqualTypeOf<string>();
    expect(() =>
      // @ts-expect-error: a distribution is 'normal' or 'lognormal'
      simulateRebateProgram(program, network, [{ name: 'x', growth: { mean: 0, sd: 0, distribution: 'uniform' }, runs: 1, seed: 1 }]),
    ).toThrow(DealerkitError);
    expect(() =>
      // @ts-expect-error: a stochastic scenario needs runs and a seed
      simulateRebateProgram(program, network, [{ name: 'x', growth: { mean: 0, sd: 0, distribution: 'normal' } }]),
    ).toThrow(DealerkitError);
    // @ts-expect-error: every dealer of the network has an id
    expect(() => simulateRebateProgram(program, [{ sales: 1 }], [{ name: 'x' }])).toThrow(DealerkitError);
    // @ts-expect-error: scenarios are named
    expect(() => simulateRebateProgram(program, network, [{ growth: 0.1 }])).toThrow(DealerkitError);
  });

  it('calculateThresholdSensitivity and calculateCliffExposure take their options last', () => {
    expectTypeOf(calculateThresholdSensitivity).parameters.toEqualTypeOf<[RebateProgram, readonly RebateNetworkDealer[], RebateSensitivityOptions]>();
    const s = calculateThresholdSensitivity(program, network, { tier: 'Silver', deltas: [-100, '0'] });
    expectTypeOf(s).toEqualTypeOf<RebateSensitivity>();
    expectTypeOf(s.points[0]!.change).toEqualTypeOf<Decimal>();
    expectTypeOf(calculateCliffExposure).parameters.toEqualTypeOf<[RebateProgram, readonly RebateNetworkDealer[], RebateCliffOptions]>();
    const c = calculateCliffExposure(program, network, { window: { relative: '0.1' } });
    expectTypeOf(c).toEqualTypeOf<RebateCliffExposure>();
    expectTypeOf(c.dealers[0]!.gainPerGap).toEqualTypeOf<Decimal | null>();
    // @ts-expect-error: move is 'threshold' or 'rate'
    expect(() => calculateThresholdSensitivity(program, network, { tier: 1, deltas: [0], move: 'bound' })).toThrow(DealerkitError);
    // @ts-expect-error: the sensitivity's scenario is deterministic
    expect(() => calculateThresholdSensitivity(program, network, { tier: 1, deltas: [0], scenario: { name: 'x', growth: { mean: 0, sd: 0, distribution: 'normal' }, runs: 1, seed: 1 } })).toThrow(DealerkitError);
    // @ts-expect-error: the window is required
    expect(() => calculateCliffExposure(program, network, {})).toThrow(DealerkitError);
  });

  it('compareRebatePrograms: a list of programs first', () => {
    expectTypeOf(compareRebatePrograms).parameters.toEqualTypeOf<[readonly RebateProgram[], readonly RebateNetworkDealer[], readonly RebateScenario[], (RebateComparisonOptions | undefined)?]>();
    const c = compareRebatePrograms([program, program], network, [{ name: 'flat' }]);
    expectTypeOf(c).toEqualTypeOf<RebateProgramComparison>();
    const sw = c.scenarios[0]!.switches[0]!;
    if (sw.kind === 'deterministic') expectTypeOf(sw.costChange).toEqualTypeOf<Decimal>();
    else expectTypeOf(sw.costChange).toEqualTypeOf<RebateRunStatistics>();
    // @ts-expect-error: the programs come as a list
    expect(() => compareRebatePrograms(program, network, [{ name: 'flat' }])).toThrow(DealerkitError);
  });

  it('every explainer takes its result and returns sentences', () => {
    expectTypeOf(explainRebateSimulation).toEqualTypeOf<(simulation: RebateSimulation, options?: ExplainOptions) => string[]>();
    expectTypeOf(explainThresholdSensitivity).toEqualTypeOf<(sensitivity: RebateSensitivity, options?: ExplainOptions) => string[]>();
    expectTypeOf(explainCliffExposure).toEqualTypeOf<(exposure: RebateCliffExposure, options?: ExplainOptions) => string[]>();
    expectTypeOf(explainRebateComparison).toEqualTypeOf<(comparison: RebateProgramComparison, options?: ExplainOptions) => string[]>();
  });

  it('dealerkit/design exports the same functions, and dealerkit/rebates does not carry them', () => {
    expect(design.simulateRebateProgram).toBe(simulateRebateProgram);
    expect(design.calculateThresholdSensitivity).toBe(calculateThresholdSensitivity);
    expect(design.calculateCliffExposure).toBe(calculateCliffExposure);
    expect(design.compareRebatePrograms).toBe(compareRebatePrograms);
    expect(design.DealerkitError).toBe(DealerkitError);
    for (const name of ['simulateRebateProgram', 'calculateThresholdSensitivity', 'calculateCliffExposure', 'compareRebatePrograms']) expect(name in rebates).toBe(false);
  });
});
