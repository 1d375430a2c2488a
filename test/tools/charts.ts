// `npm run charts`: the README's picture, rendered from its Vega-Lite specification with Vega
// (headless, no browser): the seeds' program's rebate curve with the seeds' dealer on it (Silver at
// 96.20 % of a 10,000,000 target, 380,000 short of Gold). test/charts/readme.test.ts checks the
// committed file is what this script makes.
import { writeFileSync } from 'node:fs';
import { chartRebateCurve, type VegaLiteSpec } from 'dealerkit/charts';
import { demoRebateProgram } from '../../examples/demo/rebates.js';
import { render } from '../charts/render.js';

/** Where the README's picture is committed. */
export const README_PICTURE = 'docs/images/rebate-curve.svg';

/** The README picture's specification. */
export function readmeSpec(): VegaLiteSpec {
  return chartRebateCurve(
    demoRebateProgram,
    { id: "The seeds' dealer", sales: 9620000, target: 10000000, metrics: { onTimePaymentRatio: '0.97', inventoryTurnoverDays: 70 } },
    { title: 'Tiered rebate by attainment: where the dealer stands and what Gold is worth' },
  );
}

/** The README picture as SVG text. */
export async function readmeSvg(): Promise<string> {
  return `${(await render(readmeSpec())).svg}\n`;
}

if (process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  writeFileSync(README_PICTURE, await readmeSvg());
  console.log(`wrote ${README_PICTURE}`);
}
