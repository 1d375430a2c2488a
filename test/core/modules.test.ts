import { describe, expect, it } from 'vitest';
import * as inventory from 'dealerkit/inventory';
import * as kpi from 'dealerkit/kpi';
import * as rebates from 'dealerkit/rebates';
import * as risk from 'dealerkit/risk';
import * as sheets from 'dealerkit/sheets';
import * as targets from 'dealerkit/targets';

describe('subpath modules', () => {
  it('each names itself by its import path', () => {
    const modules: [string, { MODULE?: string }][] = [
      ['rebates', rebates],
      ['kpi', kpi],
      ['risk', risk],
      ['targets', targets],
      ['inventory', inventory],
      ['sheets', sheets],
    ];
    for (const [name, mod] of modules) expect(mod.MODULE).toBe(`dealerkit/${name}`);
  });
});
