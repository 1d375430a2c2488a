// Prints the plain tally of every vitest JSON report in .reports/: "N passed, N failed".
import { existsSync, readdirSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
if (existsSync('.reports')) {
  for (const file of readdirSync('.reports')) {
    if (file === 'failed-step.json') {
      failed += 1;
      continue;
    }
    if (!/^vitest-.*\.json$/.test(file)) continue;
    const report = JSON.parse(readFileSync(`.reports/${file}`, 'utf8'));
    passed += report.numPassedTests ?? 0;
    failed += (report.numFailedTests ?? 0) + (report.success === false && (report.numFailedTests ?? 0) === 0 ? 1 : 0);
  }
}
console.log(`${passed} passed, ${failed} failed`);
