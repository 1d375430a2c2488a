import { describe, expect, it } from 'vitest';
import * as root from 'dealerkit';
import * as inventory from 'dealerkit/inventory';
import * as kpi from 'dealerkit/kpi';
import * as rebates from 'dealerkit/rebates';
import * as risk from 'dealerkit/risk';
import * as sheets from 'dealerkit/sheets';
import * as targets from 'dealerkit/targets';

describe('subpath modules', () => {
  it('the root entry re-exports every name of every module, unchanged', () => {
    for (const mod of [rebates, kpi, risk, targets, inventory, sheets] as Record<string, unknown>[]) {
      for (const [name, value] of Object.entries(mod)) expect((root as Record<string, unknown>)[name]).toBe(value);
    }
    expect(root.allocate).toBeTypeOf('function');
  });
});
