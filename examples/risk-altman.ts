// Altman's Z for a public manufacturer, component by component.
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
for (const c of r.components) console.log(`${c.name.padEnd(4)} ${c.coefficient} × ${c.ratio.toDecimalPlaces(6)}`);
console.log(`Z = ${r.z.toDecimalPlaces(6)} (${r.zone})`);
// By hand: 1.2·90/620 + 1.4·30/620 + 3.3·55/620 + 0.6·100/280 + 1.0·440/620 = 1.458641 < 1.81: distress.
assert.equal(r.z.toDecimalPlaces(6).toString(), '1.458641');
assert.equal(r.zone, 'distress');
