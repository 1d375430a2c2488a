// `npm run fuzz`: the hostile-input suite ten times longer (HOSTILE_SCALE=10) with a fresh seed,
// printed first so a failure can be replayed: HOSTILE_SEED=<seed> HOSTILE_SCALE=10 npm run fuzz.
// A seed or scale in the environment is kept.
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';

const seed = process.env.HOSTILE_SEED ?? String(randomInt(1, 2 ** 31 - 1));
const scale = process.env.HOSTILE_SCALE ?? '10';
process.stdout.write(`hostile-input fuzz: seed ${seed}, scale ${scale} (replay: HOSTILE_SEED=${seed} HOSTILE_SCALE=${scale} npm run fuzz)\n`);
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const r = spawnSync(npx, ['vitest', 'run', '--config', 'test/vitest.config.ts', 'test/hostile/hostile.test.ts'], {
  stdio: 'inherit',
  // Ten times the calls on a shared machine: a slower call is still bounded, by a looser limit.
  env: { ...process.env, TZ: 'UTC', HOSTILE_SEED: seed, HOSTILE_SCALE: scale, HOSTILE_TIME_LIMIT_MS: process.env.HOSTILE_TIME_LIMIT_MS ?? '8000' },
});
process.stdout.write(`hostile-input fuzz: seed ${seed} ${r.status === 0 ? 'passed' : 'FAILED'}\n`);
process.exit(r.status ?? 1);
