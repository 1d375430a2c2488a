import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

// The design's purity rule, checked on the text of src/: no global decimal configuration, clock,
// randomness, console, environment, I/O or local-time date methods.
const FORBIDDEN: [RegExp, string][] = [
  [/Decimal\.set\(|\.set\(\{\s*precision/, 'Decimal.set (changes the host configuration)'],
  [/Date\.now\(/, 'Date.now (a clock)'],
  [/new Date\(\s*\)/, 'new Date() (a clock)'],
  [/Math\.random\(/, 'Math.random (randomness)'],
  [/\bconsole\./, 'console output'],
  [/process\.env|\bprocess\./, 'process (environment)'],
  [/from ['"]node:|require\(/, 'Node modules (I/O)'],
  [/\bz\.config\(/, 'z.config (global zod configuration)'],
  [/\.(getFullYear|getMonth|getDate|getDay|getHours|getTimezoneOffset)\(\)/, 'local-time Date methods'],
  [/toLocale(Date|Time)?String\(/, 'locale-dependent formatting'],
];

/**
 * Files allowed one forbidden pattern, and why. toUtcDate's date (src/core/utc-date.ts) mirrors @date-fns/utc's
 * UTCDate method for method, `toLocaleString` & co. included (always in UTC); dealerkit never calls them.
 */
const ALLOWED: Record<string, string> = { [join('src', 'core', 'utc-date.ts')]: 'locale-dependent formatting' };

describe('src/ is pure', () => {
  for (const file of sources('src')) {
    it(`${file} uses no clock, randomness, console, environment, I/O or global configuration`, () => {
      const text = readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line))
        .join('\n');
      for (const [pattern, what] of FORBIDDEN) if (ALLOWED[file] !== what) expect(text, what).not.toMatch(pattern);
    });
  }
});
