// Setup file of test/mutation/static/vitest.config.ts (node test/mutation/static/origins.mjs <module>):
// records which functions of src/<module> ran while a test file loaded, before its first test.
// Stryker cannot tell which tests cover such code and marks its mutants static: each is then tested
// against the module's whole suite. V8's precise coverage starts when the file's worker sets up and is
// read in a root beforeAll, after the file's describe bodies have run and before any test.
import { Session } from 'node:inspector';
import { appendFileSync } from 'node:fs';
import { beforeAll } from 'vitest';

const mod = process.env.DK_STATIC_MODULE;
const out = process.env.DK_STATIC_OUT;
if (!mod || !out) throw new Error('run through node test/mutation/static/origins.mjs <module>');
const session = new Session();
session.connect();
session.post('Profiler.enable');
session.post('Profiler.startPreciseCoverage', { callCount: true, detailed: false });

type Range = { startOffset: number; count: number };
type Coverage = { result: { url: string; functions: { functionName: string; ranges: Range[] }[] }[] };

// eslint-disable-next-line no-empty-pattern
beforeAll(({}, suite: { file?: { filepath: string }; filepath?: string }) => {
  session.post('Profiler.takePreciseCoverage', (err, res) => {
    if (err) throw err;
    const ran: Record<string, string[]> = {};
    for (const s of (res as Coverage).result) {
      if (!s.url.includes(`/src/${mod}/`)) continue;
      // The module's own top-level function (offset 0) always runs when it is imported: not a fixture's doing.
      const fns = s.functions.filter((f) => f.ranges[0]!.count > 0 && f.ranges[0]!.startOffset > 0).map((f) => `${f.functionName || '(anonymous)'}@${f.ranges[0]!.startOffset}`);
      if (fns.length > 0) ran[s.url.replace(/.*\/src\//, 'src/')] = fns;
    }
    appendFileSync(out, `${JSON.stringify({ file: suite.file?.filepath ?? suite.filepath, ran })}\n`);
  });
  session.post('Profiler.stopPreciseCoverage');
});
