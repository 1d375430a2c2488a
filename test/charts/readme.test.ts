// The README's picture is committed as SVG (docs/images/rebate-curve.svg); it must be what
// `npm run charts` makes from the current library, so a change to the chart shows in the diff.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { README_PICTURE, readmeSpec, readmeSvg } from '../tools/charts.js';
import { render } from './render.js';

describe("the README's picture", () => {
  it('is what npm run charts makes (run it after changing a chart)', async () => {
    expect(readFileSync(README_PICTURE, 'utf8')).toBe(await readmeSvg());
  });

  it("shows the dealer's position and its gap to Gold", async () => {
    const r = await render(readmeSpec());
    expect(r.warnings).toEqual([]);
    expect(r.mark('gapLabel').map((t) => t.text)).toEqual(['Gold needs +380,000.00: 240,000.00 (+86,080.00)']);
    expect(r.mark('dealerLabel').map((t) => t.text)).toEqual(["The seeds' dealer: Silver, 153,920.00"]);
  });
});
