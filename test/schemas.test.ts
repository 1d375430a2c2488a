import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportedSchemas, jsonSchemaOf } from './tools/json-schemas.js';

// The design: every exported schema is also published as JSON Schema under docs/schemas/, so users
// can validate configuration files outside JavaScript. `npm run schemas` regenerates them.
describe('docs/schemas/ holds the current JSON Schema of every exported schema', () => {
  const schemas = exportedSchemas();
  it('has one file per exported schema and no stale ones', () => {
    const files = existsSync('docs/schemas') ? readdirSync('docs/schemas').filter((f) => f.endsWith('.json')).sort() : [];
    expect(files).toEqual(schemas.map(([name]) => `${name}.json`).sort());
  });
  for (const [name, schema] of schemas) {
    it(`${name}.json is up to date (run npm run schemas)`, () => {
      const onDisk = JSON.parse(readFileSync(`docs/schemas/${name}.json`, 'utf8'));
      expect(onDisk).toEqual(JSON.parse(JSON.stringify(jsonSchemaOf(name, schema))));
    });
  }

  it('spells out decimals and dates for other languages', () => {
    const decimal = jsonSchemaOf('decimalSchema', schemas.find(([n]) => n === 'decimalSchema')![1]);
    expect(decimal.anyOf).toEqual([{ type: 'number' }, { type: 'string', pattern: expect.stringContaining('[eE]') }]);
    const date = jsonSchemaOf('isoDateSchema', schemas.find(([n]) => n === 'isoDateSchema')![1]);
    expect(date).toMatchObject({ type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
  });
});
