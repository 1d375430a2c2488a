// The main job: dealerkit over the embedded sample dealer network (examples/data/).
// Run with `npm run demo`. Each engine adds its section to SECTIONS.
import { designSection } from './demo/design.js';
import { inventorySection } from './demo/inventory.js';
import { kpiSection } from './demo/kpi.js';
import { planSplitSection } from './demo/plan-split.js';
import { rebatesSection } from './demo/rebates.js';
import { riskSection } from './demo/risk.js';
import { sheetsSection } from './demo/sheets.js';
import { statementsSection } from './demo/statements.js';
import { targetsSection } from './demo/targets.js';
import { yearSection } from './demo/year.js';

const SECTIONS: [string, () => string[]][] = [
  ['plan split', planSplitSection],
  ['targets', targetsSection],
  ['kpi', kpiSection],
  ['rebates', rebatesSection],
  ['design', designSection],
  ['risk', riskSection],
  ['inventory', inventorySection],
  ['sheets', sheetsSection],
  ['statements', statementsSection],
  ['year', yearSection],
];

for (const [, section] of SECTIONS) console.log(section().join('\n'));
