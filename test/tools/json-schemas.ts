// JSON Schema of every exported zod schema (the input side: what a configuration file may hold).
// `npm run schemas` writes them to docs/schemas/; test/schemas.test.ts checks the files are current.
import * as engines from '../../src/index.js';
import * as statements from '../../src/statements/index.js';

/** The root entry's schemas (core and engines) and those of the entries it does not load. */
const dealerkit = { ...engines, ...statements };
import { NUMERIC_PATTERN, dateInputSchema, decimalInputSchema } from '../../src/core/schema.js';
import * as z from 'zod/mini';

type Json = Record<string, unknown>;

function isSchema(value: unknown): value is z.ZodMiniType {
  return typeof value === 'object' && value !== null && '_zod' in value;
}

/** The exported schemas by export name, sorted. */
export function exportedSchemas(): [string, z.ZodMiniType][] {
  const out: [string, z.ZodMiniType][] = [];
  for (const [name, value] of Object.entries(dealerkit as Record<string, unknown>)) {
    if (name.endsWith('Schema') && isSchema(value)) out.push([name, value]);
  }
  return out.sort(([a], [b]) => a.localeCompare(b));
}

/** JSON Schema (draft 2020-12) of one schema's input, with dealerkit's custom inputs spelled out. */
export function jsonSchemaOf(name: string, schema: z.ZodMiniType): Json {
  const json = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    override: (ctx) => {
      // The two input schemas are built on first use (src/core/lazy.ts): compare what zod walks, their internals.
      if (ctx.zodSchema._zod === decimalInputSchema._zod) {
        Object.assign(ctx.jsonSchema, {
          description: 'An exact number: a JSON number, or a numeric string such as "12.50" or "1e3".',
          anyOf: [{ type: 'number' }, { type: 'string', pattern: NUMERIC_PATTERN }],
        });
      } else if (ctx.zodSchema._zod === dateInputSchema._zod) {
        Object.assign(ctx.jsonSchema, { description: 'A calendar date, YYYY-MM-DD.', type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
      }
    },
  }) as Json;
  return { ...json, title: name };
}

if (process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const { mkdirSync, writeFileSync, readdirSync, rmSync } = await import('node:fs');
  mkdirSync('docs/schemas', { recursive: true });
  for (const f of readdirSync('docs/schemas')) if (f.endsWith('.json')) rmSync(`docs/schemas/${f}`);
  for (const [name, schema] of exportedSchemas()) {
    writeFileSync(`docs/schemas/${name}.json`, `${JSON.stringify(jsonSchemaOf(name, schema), null, 2)}\n`);
  }
  console.log(`wrote ${exportedSchemas().length} schemas to docs/schemas/`);
}
