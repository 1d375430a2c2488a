// ./lazy-per-test.ts, the setup file of the mutation runs (every module but core): a lazily built schema is
// built again in each test that reads it, reads and parses as the schema itself, and a program defined
// through the engines (whose schemas are all lazy) gives the same result in every test.
import { describe, expect, it } from 'vitest';
import './lazy-per-test.js';
import * as z from 'zod/mini';

const { lazySchema } = await import('../../src/core/lazy.js');
const { defineRebateProgram, calculateRebate } = await import('../../src/index.js');
type Spec = import('../../src/index.js').RebateProgramSpec;

let builds = 0;
const shape = lazySchema(() => {
  builds += 1;
  return z.strictObject({ basis: z.enum(['amount', 'quantity']) });
});
const nested = lazySchema(() => z.array(shape));

describe('lazySchema under the mutation runs', () => {
  it('builds on the first read of a test, once in that test', () => {
    expect(builds).toBe(0);
    expect(shape.safeParse({ basis: 'amount' }).success).toBe(true);
    expect(shape.safeParse({ basis: 'units' }).success).toBe(false);
    expect(builds).toBe(1);
  });

  it('builds again in the next test, and reads as the schema it built', () => {
    expect(builds).toBe(1);
    expect(nested.parse([{ basis: 'quantity' }])).toEqual([{ basis: 'quantity' }]);
    expect(builds).toBe(2);
    expect(shape instanceof Object && 'parse' in shape).toBe(true);
    expect(Object.getPrototypeOf(Object.getPrototypeOf(shape))).toBe(Object.getPrototypeOf(z.strictObject({})));
    expect(z.toJSONSchema(shape)).toMatchObject({ type: 'object', properties: { basis: { enum: ['amount', 'quantity'] } }, additionalProperties: false });
  });

  // A retroactive 2 % from 1,000: 1,500 × 0.02 = 30, in two tests, each building the program schemas anew.
  const spec: Spec = { currency: 'EUR', rounding: { stage: 'line' }, basis: 'amount', method: 'retroactive', tiers: [{ from: 0 }, { from: 1000, rate: '0.02' }] };
  it.each([1, 2])('defines and computes a program through the engines (%i)', () => {
    expect(calculateRebate(defineRebateProgram(spec), { sales: 1500 }).rebate.toString()).toBe('30');
    expect(() => defineRebateProgram({ ...spec, method: 'flat' } as never)).toThrow(/method: must be one of 'retroactive', 'incremental', 'step'/);
  });
});
