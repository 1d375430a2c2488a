// Build step: the JSON Schemas of docs/schemas/ (kept current by test/schemas.test.ts) ship in the
// package as dist/schemas/<name>.json, exported as `dealerkit/schemas/<name>.json`.
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';

mkdirSync('dist/schemas', { recursive: true });
const files = readdirSync('docs/schemas').filter((f) => f.endsWith('.json'));
for (const f of files) copyFileSync(`docs/schemas/${f}`, `dist/schemas/${f}`);
console.log(`copied ${files.length} JSON Schemas to dist/schemas/`);
