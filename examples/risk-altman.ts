// Altman's Z for a public manufacturer, component by component, as the result's steps say it.
// Run: npx tsx examples/risk-altman.ts
import assert from 'node:assert/strict';
import { calculateAltmanZ } from 'dealerkit';

const r = calculateAltmanZ({
  variant: 'z',
  workingCapital: 90000,
  totalAssets: 620000,
  retainedEarnings: 30000,
  ebit: 55000,
  marketValueOfEquity: 100000,
  totalLiabilities: 280000,
  sales: 440000,
});
for (const step of r.steps) console.log(step.text);
console.log(`Z = ${r.z} (${r.zone}; ratios and score to 10 places, the zone decided on the exact score)`);
// By hand: 1.2·90/620 + 1.4·30/620 + 3.3·55/620 + 0.6·100/280 + 1.0·440/620 = 1.458641 < 1.81: distress.
assert.equal(r.z.toDecimalPlaces(6).toString(), '1.458641');
assert.equal(r.z.toString(), '1.458640553');
assert.equal(r.zone, 'distress');
assert.equal(r.steps[0]!.text, 'X1 working capital / total assets = 90,000 / 620,000 = 0.1451612903; × 1.2 = 0.1741935484');
assert.deepEqual(r.warnings, []);
