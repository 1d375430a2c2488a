// The committed copies in examples/ (the Excel add-in's functions.ts, functions.json and icons, the
// Apps Script wrappers) are what the generator writes from src/sheets. Its own file, so the mutation
// run leaves it out (test/mutation/vitest.config.ts SLOW): under Stryker the generator reads the
// instrumented sources, whose text is not the committed one.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENGINES, exampleCopy, generatedFiles, sameAsGenerated } from '../tools/sheets-generate.js';

describe('committed copies', () => {
  it('examples/ hold exactly what the generator writes (run npx tsx test/tools/sheets-generate.ts --examples)', async () => {
    const files = await generatedFiles();
    // functions.ts and functions.json, four icons, the all-in-one wrappers and one wrapper file per engine.
    expect(Object.keys(files)).toHaveLength(2 + 4 + 1 + ENGINES.length);
    for (const [path, file] of Object.entries(files)) expect(sameAsGenerated(readFileSync(exampleCopy(path)), file), exampleCopy(path)).toBe(true);
  });
});
