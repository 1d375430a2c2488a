// Schemas for API authors (issue 14, point 4): the JSON Schemas ship as `dealerkit/schemas/<name>.json`,
// load by require and by ESM import attributes from the installed package, compile with a standard
// validator (Ajv, draft 2020-12), and agree with the library: what Ajv accepts the library accepts
// (apart from the deliberate differences docs/schemas.md lists), and what the library refuses for a
// type or shape reason Ajv refuses too.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import fc from 'fast-check';
import { describe, expect, inject, it } from 'vitest';

const project = inject('consumer');
const requireFromConsumer = createRequire(join(project, 'index.js'));
const shipped = readdirSync(join(project, 'node_modules', 'dealerkit', 'dist', 'schemas')).filter((f) => f.endsWith('.json'));

type Rebates = typeof import('dealerkit/rebates');
type Inventory = typeof import('dealerkit/inventory');
const { defineRebateProgram, calculateRebate } = requireFromConsumer('dealerkit/rebates') as Rebates;
const { planReorder } = requireFromConsumer('dealerkit/inventory') as Inventory;
const schema = (name: string) => requireFromConsumer(`dealerkit/schemas/${name}.json`) as Record<string, unknown>;

/** The issue codes of what the library throws, or 'accepted'. */
function library(run: () => unknown): string[] | 'accepted' {
  try {
    run();
    return 'accepted';
  } catch (e) {
    const issues = (e as { issues?: { code: string; path: (string | number)[] }[] }).issues;
    if (issues === undefined) throw e;
    return issues.map((i) => `${i.code}@${i.path.join('.')}`);
  }
}

/** Issue codes that say "wrong type or shape": a JSON Schema can say each of them. */
const SHAPE_CODES = new Set(['invalid_type', 'not_a_number', 'unknown_field', 'invalid_value', 'not_a_date', 'too_small', 'too_big']);

describe('the JSON Schemas as a package export', () => {
  it('ships one schema per exported zod schema, each draft 2020-12, each compiling in Ajv strict mode', () => {
    const docs = readdirSync('docs/schemas').filter((f) => f.endsWith('.json'));
    expect(shipped.sort()).toEqual(docs.sort());
    // allowUnionTypes: a few schemas say `type: ['string', 'number']` (an id), valid JSON Schema that strict mode asks to confirm
    const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
    for (const f of shipped) {
      const s = schema(f.replace(/\.json$/, ''));
      expect(s.$schema, f).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(() => ajv.compile(s), f).not.toThrow();
    }
  });

  it('resolves by require.resolve and loads by require (CJS) and by import attributes (ESM) from a fresh project', () => {
    expect(requireFromConsumer.resolve('dealerkit/schemas/rebateInputSchema.json')).toBe(
      join(project, 'node_modules', 'dealerkit', 'dist', 'schemas', 'rebateInputSchema.json'),
    );
    const esm = `import s from 'dealerkit/schemas/rebateProgramSchema.json' with { type: 'json' }; console.log(JSON.stringify([s.title, s.required]));`;
    const out = execFileSync(process.execPath, ['--no-warnings', '--input-type=module', '-e', esm], { cwd: project, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual(['rebateProgramSchema', ['currency', 'rounding', 'basis', 'method', 'tiers']]);
    const cjs = `const s = require('dealerkit/schemas/reorderItemSchema.json'); console.log(JSON.stringify(s.required));`;
    expect(JSON.parse(execFileSync(process.execPath, ['-e', cjs], { cwd: project, encoding: 'utf8' }))).toEqual(['demand', 'leadTime', 'stock']);
  });
});

describe('an OpenAPI 3.1 request validated with Ajv, then computed by the library', () => {
  const openapi = {
    openapi: '3.1.0',
    info: { title: 'Dealer rebates', version: '1.0.0' },
    paths: {
      '/programs/{programId}/rebates': {
        post: {
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/RebateInput' } } } },
          responses: { '200': { description: 'The rebate' } },
        },
      },
    },
    components: { schemas: { RebateInput: schema('rebateInputSchema'), RebateProgram: schema('rebateProgramSchema') } },
  };
  const ref = openapi.paths['/programs/{programId}/rebates'].post.requestBody.content['application/json'].schema.$ref;
  const component = ref.replace('#/components/schemas/', '') as keyof typeof openapi.components.schemas;
  const validate = new Ajv2020({ allErrors: true }).compile(openapi.components.schemas[component]);
  const program = defineRebateProgram({
    currency: 'USD',
    rounding: { stage: 'line' },
    basis: 'attainment',
    method: 'retroactive',
    tiers: [{ from: 0 }, { from: '0.9', rate: '0.02', name: 'Silver' }, { from: 1, rate: '0.03', name: 'Gold' }],
  });

  it('a real payload passes Ajv and the library computes it', () => {
    const body = JSON.parse('{"id":"D-001","sales":9620000,"target":"10000000","metrics":{"onTimePaymentRatio":"0.97"}}');
    expect(validate(body)).toBe(true);
    // Hand derivation: attainment 9,620,000 / 10,000,000 = 96.2 % ≥ 90 % → Silver, retroactive 2 % × 9,620,000 = 192,400.00.
    const r = calculateRebate(program, body);
    expect([r.rebate.toFixed(2), r.tier?.name]).toEqual(['192400.00', 'Silver']);
  });

  it('a bad payload fails Ajv with the field named in the error path, and the library refuses it for the same field', () => {
    const body = { id: 'D-002', sales: '9,620,000', target: 10000000 };
    expect(validate(body)).toBe(false);
    expect(validate.errors!.map((e) => [e.instancePath, e.keyword])).toEqual([
      ['/sales', 'type'],
      ['/sales', 'pattern'],
      ['/sales', 'anyOf'],
    ]);
    expect(library(() => calculateRebate(program, body))).toEqual(['not_a_number@sales']);

    expect(validate({ id: 'D-003', sale: 9620000, target: 1 })).toBe(false);
    expect(validate.errors!.map((e) => [e.instancePath, e.keyword, e.params])).toEqual([['', 'additionalProperties', { additionalProperty: 'sale' }]]);
    expect(library(() => calculateRebate(program, { id: 'D-003', sale: 9620000, target: 1 } as never))).toContain('unknown_field@sale');
  });
});

describe('Ajv and the library agree (fast-check), apart from the deliberate differences', () => {
  const validateInput = new Ajv2020({ allErrors: true }).compile(schema('rebateInputSchema'));
  // An amount program needs only `sales`: what it refuses beyond Ajv is then the documented differences.
  const amount = defineRebateProgram({ currency: 'USD', rounding: { stage: 'line' }, basis: 'amount', method: 'retroactive', tiers: [{ from: 0, rate: '0.01' }, { from: 1000, rate: '0.02' }] });
  /**
   * Deliberate differences (docs/schemas.md, "What the schema cannot know"): a fact the program
   * needs (`required`: `sales` for an amount program, which the input schema cannot require because
   * a quantity program does not), and a sign (`out_of_range`: amounts may be numeric strings, and a
   * JSON Schema `minimum` does not apply to a string).
   */
  const DELIBERATE = new Set(['required', 'out_of_range']);
  const value = fc.oneof(
    fc.integer({ min: -1_000_000, max: 1_000_000_000 }),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom('12.5', '1e3', '-3', '.5', '5.', '1,000', 'abc', '', ' 5', '0x10', '12.50 EUR'),
    fc.constant(null),
    fc.boolean(),
    fc.constant({}),
    fc.dictionary(fc.constantFrom('onTimePaymentRatio', 'x'), fc.oneof(fc.integer(), fc.constantFrom('0.9', 'abc'))),
  );
  const field = fc.constantFrom('id', 'sales', 'quantity', 'returns', 'returnedQuantity', 'target', 'baseline', 'metrics', 'sale', 'extra');
  const payload = fc.dictionary(field, value, { maxKeys: 5 });

  it('a rebate input Ajv accepts, the library accepts or refuses only for a deliberate difference', () => {
    fc.assert(
      fc.property(payload, (p) => {
        if (!validateInput(p)) return;
        const outcome = library(() => calculateRebate(amount, p as never));
        if (outcome !== 'accepted') for (const c of outcome) expect(DELIBERATE.has(c.split('@')[0]!), `${c} for ${JSON.stringify(p)}`).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('a rebate input the library refuses for a type or shape reason, Ajv refuses too, naming the same field', () => {
    let seen = 0;
    fc.assert(
      fc.property(payload, (p) => {
        const outcome = library(() => calculateRebate(amount, p as never));
        if (outcome === 'accepted') return;
        const shape = outcome.filter((c) => SHAPE_CODES.has(c.split('@')[0]!));
        if (shape.length === 0) return;
        seen++;
        expect(validateInput(p), JSON.stringify(p)).toBe(false);
        const paths = new Set(validateInput.errors!.map((e) => e.instancePath.split('/').filter(Boolean).join('.') || (e.params as { additionalProperty?: string }).additionalProperty));
        for (const c of shape) {
          const at = c.split('@')[1]!;
          expect([...paths].some((q) => q !== undefined && (q === at || at.startsWith(`${q}.`) || q.startsWith(`${at}.`))), `${c} in ${[...paths].join(', ')}`).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
    expect(seen).toBeGreaterThan(100);
  });

  it('a reorder item: the schema and planReorder agree on a real item and on type and shape mistakes', () => {
    const validateItem = new Ajv2020({ allErrors: true }).compile(schema('reorderItemSchema'));
    const policy = { service: { cycle: 0.95 }, orderQuantity: { fixed: 300 } };
    const item = { id: 'SKU-1', demand: { history: [120, 140, 135, 150], periodDays: 7 }, leadTime: { days: 7 }, stock: { onHand: 150, onOrder: 0 } };
    expect(validateItem(item)).toBe(true);
    expect(library(() => planReorder(policy as never, item as never))).toBe('accepted');
    const bad: [unknown, string][] = [
      [{ ...item, stock: { onHand: '150' } }, '/stock/onHand'],
      [{ ...item, demand: { history: [120], periodDays: 7 } }, '/demand'],
      [{ ...item, leadTime: { days: 7, unit: 'weeks' } }, '/leadTime'],
      [{ ...item, stock: { onHand: -1 } }, '/stock/onHand'],
    ];
    for (const [b, path] of bad) {
      expect(validateItem(b), JSON.stringify(b)).toBe(false);
      expect(validateItem.errors!.some((e) => e.instancePath.startsWith(path)), `${path}: ${JSON.stringify(validateItem.errors)}`).toBe(true);
      expect(library(() => planReorder(policy as never, b as never)), JSON.stringify(b)).not.toBe('accepted');
    }
  });
});
