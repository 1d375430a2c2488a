import { describe, expect, it } from 'vitest';
import * as root from 'dealerkit';
import * as charts from 'dealerkit/charts';
import * as design from 'dealerkit/design';
import * as inventory from 'dealerkit/inventory';
import * as kpi from 'dealerkit/kpi';
import * as rebates from 'dealerkit/rebates';
import * as risk from 'dealerkit/risk';
import * as sheets from 'dealerkit/sheets';
import * as statements from 'dealerkit/statements';
import * as targets from 'dealerkit/targets';
import * as iife from '../../src/iife.js';
import * as iifeCharts from '../../src/iife-charts.js';
import * as iifeDesign from '../../src/iife-design.js';
import * as iifeStatements from '../../src/iife-statements.js';

const MODULES = { rebates, kpi, risk, targets, inventory, sheets, design, statements, charts } as Record<string, Record<string, unknown>>;

describe('subpath modules', () => {
  it('the root entry re-exports every name of the five engines, unchanged, and the core', () => {
    for (const mod of [rebates, kpi, risk, targets, inventory] as Record<string, unknown>[]) {
      for (const [name, value] of Object.entries(mod)) expect((root as Record<string, unknown>)[name]).toBe(value);
    }
    expect(root.allocate).toBeTypeOf('function');
  });

  it('the root entry does not load design, statements, charts or sheets (light imports: issue 14)', () => {
    for (const mod of [design, statements, charts, sheets] as Record<string, unknown>[]) {
      const own = Object.keys(mod).filter((name) => name !== 'DealerkitError' && name !== 'isDealerkitError');
      expect(own.length).toBeGreaterThan(0);
      expect(own.filter((name) => name in root)).toEqual([]);
    }
    // Their values are the same ones, so an error from any entry is recognised by every other.
    expect(sheets.DealerkitError).toBe(root.DealerkitError);
  });

  it('a name two modules export is one value (DealerkitError and isDealerkitError in every module); no other name is shared', () => {
    const owners = new Map<string, string[]>();
    for (const [m, mod] of Object.entries(MODULES)) for (const name of Object.keys(mod)) owners.set(name, [...(owners.get(name) ?? []), m]);
    const shared = [...owners].filter(([, ms]) => ms.length > 1).map(([name]) => name).sort();
    expect(shared).toEqual(['DealerkitError', 'isDealerkitError']);
  });

  it('designing programs is dealerkit/design, not dealerkit/rebates (the rebates bundle stays small)', () => {
    for (const name of ['simulateRebateProgram', 'calculateThresholdSensitivity', 'calculateCliffExposure', 'compareRebatePrograms']) {
      expect(design[name as keyof typeof design]).toBeTypeOf('function');
      expect(name in rebates).toBe(false);
    }
  });

  it('the IIFE entries: Dealerkit holds the core, the five engines and sheets; each other bundle is self-sufficient', () => {
    const names = (...mods: Record<string, unknown>[]) => [...new Set(mods.flatMap((m) => Object.keys(m)))].sort();
    const core = Object.fromEntries(Object.entries(root).filter(([name]) => !Object.values(MODULES).some((m) => name in m)));
    expect(Object.keys(iife).sort()).toEqual(names(core, rebates, kpi, risk, targets, inventory, sheets));
    // A bundle recognises only what it defined itself: design carries defineRebateProgram (and Decimal).
    expect(Object.keys(iifeDesign).sort()).toEqual(names(design, { defineRebateProgram: 0, Decimal: 0 }));
    expect(iifeDesign.defineRebateProgram).toBe(rebates.defineRebateProgram);
    expect(Object.keys(iifeStatements).sort()).toEqual(names(core, rebates, kpi, targets, inventory, statements));
    expect(Object.keys(iifeCharts).sort()).toEqual(names(core, rebates, kpi, risk, targets, inventory, charts));
  });
});
