// `npm test`: typecheck, the unit/property/type suite in five time zones (coverage in the first),
// then the package and example checks. Each vitest run writes a JSON report to .reports/ that
// test/tools/tally.mjs adds up. Stops at the first failing step, after running it fully.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';

const ZONES = ['UTC', 'Asia/Shanghai', 'America/Los_Angeles', 'Pacific/Chatham', 'Australia/Lord_Howe'];
const only = process.argv.slice(2);

rmSync('.reports', { recursive: true, force: true });
mkdirSync('.reports', { recursive: true });

function step(title, command, args, env = {}) {
  if (only.length > 0 && !only.some((o) => title.includes(o))) return;
  process.stdout.write(`\n=== ${title} ===\n`);
  const r = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) {
    process.stdout.write(`\n${title} failed (exit ${r.status ?? r.signal})\n`);
    // A failed step that is not a vitest run still counts as a failure in the tally.
    writeFileSync('.reports/failed-step.json', JSON.stringify({ step: title, status: r.status ?? r.signal }));
    spawnSync(process.execPath, ['test/tools/tally.mjs'], { stdio: 'inherit' });
    process.exit(r.status ?? 1);
  }
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
step('typecheck (src, tests, type tests, examples, bench)', npx, ['tsc', '-p', '.']);
step('API reference (TypeDoc: every export documented, warnings are errors)', npx, ['typedoc', '--emit', 'none']);
ZONES.forEach((tz, i) => {
  const args = ['vitest', 'run', '--config', 'test/vitest.config.ts'];
  if (i === 0) args.push('--coverage');
  step(`unit, property and type tests in TZ=${tz}${i === 0 ? ' with coverage' : ''}`, npx, args, { TZ: tz });
});
step('package and example checks', npx, ['vitest', 'run', '--config', 'test/vitest.package.config.ts']);
spawnSync(process.execPath, ['test/tools/tally.mjs'], { stdio: 'inherit' });
