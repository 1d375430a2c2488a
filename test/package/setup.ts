// Global setup of the package checks: build once, pack once, install the tarball once into a fresh
// consumer project; every package test file reads the paths with `inject`.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The temporary folder holding the tarball and the consumer project. */
    work: string;
    /** The packed tarball. */
    tarball: string;
    /** A fresh project with the tarball installed (package.json without "type"). */
    consumer: string;
  }
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function sh(cmd: string, args: string[], cwd: string): string {
  return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
}

export default function setup(project: TestProject): () => void {
  const root = process.cwd();
  const work = mkdtempSync(join(tmpdir(), 'dealerkit-pkg-'));
  sh(npx, ['tsup'], root);
  const out = sh(npm, ['pack', '--ignore-scripts', '--pack-destination', work, '--json'], root);
  const tarball = join(work, (JSON.parse(out) as { filename: string }[])[0]!.filename);
  const consumer = join(work, 'consumer');
  mkdirSync(consumer, { recursive: true });
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, version: '1.0.0' }));
  sh(npm, ['install', tarball, '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], consumer);
  // The third-party tools the guides use beside dealerkit (docs/schemas.md: Ajv; docs/csv.md: Papa Parse), linked
  // from this repository's dev dependencies so the guides' blocks run as a reader's project would run them.
  for (const tool of ['ajv', 'papaparse']) symlinkSync(join(root, 'node_modules', tool), join(consumer, 'node_modules', tool), 'junction');
  project.provide('work', work);
  project.provide('tarball', tarball);
  project.provide('consumer', consumer);
  return () => rmSync(work, { recursive: true, force: true });
}
