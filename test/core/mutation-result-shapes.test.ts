// src/core/result-shapes.ts: each folder's group finds the shapes it names from the groups it
// depends on. Every result carries `warnings: Warning[]`, and Warning is written in core's group
// (src/core/result.ts: code and message are text, path an optional list of keys); a design
// simulation's scenario dealers carry a RebateResult from the rebates group.
import { describe, expect, it } from 'vitest';
import type { ResultShape } from '../../src/core/result-check.js';
import * as shapes from '../../src/core/result-shapes.js';

const WARNING = { code: 'str', message: 'str', path: { $: 'optional', of: ['str|num'] } };

/** The shape a `{ $: 'ref' }` stands for. */
const resolve = (s: unknown): unknown => (s as { $: string; of: () => ResultShape }).of();

describe('result shapes across folders', () => {
  it.each([
    'RebateResultShape',
    'RebateSimulationShape',
    'ReorderPlanShape',
    'KpiScoreResultShape',
    'PartnerAssessmentShape',
    'TargetCascadeShape',
    'DealerStatementShape',
  ] as const)('%s: its warnings are core’s Warning', (name) => {
    const shape = shapes[name]() as { warnings: [unknown] };
    expect(shape).toBeDefined();
    expect({ ...(resolve(shape.warnings[0]) as object) }).toEqual(WARNING);
  });

  it('a design scenario’s dealer result is the rebates engine’s RebateResult', () => {
    const sim = shapes.RebateSimulationShape() as { scenarios: [{ $: 'codes'; of: { deterministic: unknown } }] };
    const outcome = resolve(sim.scenarios[0].of.deterministic) as { dealers: [unknown] };
    const dealer = resolve(outcome.dealers[0]) as { result: unknown };
    expect(resolve(dealer.result)).toBe(shapes.RebateResultShape());
  });
});
