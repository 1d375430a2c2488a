import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as sheets from 'dealerkit/sheets';
import { DK_CASCADE, DK_REBATE, DK_REBATE_NEXTGAP, DK_REBATE_TIER, DK_SPLIT, SHEET_FUNCTIONS, toIsoDateFromSheet, toSheetSerial } from 'dealerkit/sheets';
import { calculateDateAfter } from 'dealerkit';
import { SAMPLES } from '../sheets/samples.js';

const cents = fc.integer({ min: -1_000_000_000, max: 1_000_000_000 });

describe('dealerkit/sheets laws (fast-check)', () => {
  it('DK.SPLIT: the parts sum exactly to the total, in the shape of the weights', () => {
    fc.assert(
      fc.property(cents, fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 16, maxLength: 16 }), (c, rows, columns, ws) => {
        const weights = Array.from({ length: rows }, (_, r) => ws.slice(r * columns, (r + 1) * columns));
        fc.pre(weights.flat().some((w) => w > 0));
        const parts = DK_SPLIT(c / 100, weights, 2);
        expect(parts).toHaveLength(rows);
        for (const row of parts) expect(row).toHaveLength(columns);
        // Sum in integer cents: each part has at most 2 decimals.
        const sum = parts.flat().reduce((s, p) => s + Math.round(p * 100), 0);
        expect(sum).toBe(c);
      }),
      { numRuns: 300 },
    );
  });

  it('dates: every serial from 61 to 9999-12-31 round-trips, and the next serial is the next day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2958464 }), (n) => {
        const iso = toIsoDateFromSheet(n);
        expect(toSheetSerial(iso)).toBe(n);
        expect(toIsoDateFromSheet(n + 1)).toBe(calculateDateAfter(iso, 1));
        expect(toIsoDateFromSheet(n + 0.75)).toBe(iso);
      }),
      { numRuns: 500 },
    );
  });

  it('DK.REBATE: adding the next-tier gap reaches the next tier; the rebate never decreases with the amount under incremental tiers', () => {
    const tiers = [[0, 0.0025], [2000, 0.005], [5000, 0.015], [20000, 0.02]];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5_000_000 }), fc.integer({ min: 0, max: 100_000 }), (a, d) => {
        const amount = a / 100;
        const tier = DK_REBATE_TIER(amount, tiers);
        const gap = DK_REBATE_NEXTGAP(amount, tiers);
        if (tier < tiers.length) {
          expect(gap).toBeGreaterThan(0);
          expect(DK_REBATE_TIER(Math.round((amount + gap) * 100) / 100, tiers)).toBe(tier + 1);
        } else expect(gap).toBe(0);
        expect(DK_REBATE(amount + d / 100, tiers, 'incremental')).toBeGreaterThanOrEqual(DK_REBATE(amount, tiers, 'incremental'));
      }),
      { numRuns: 300 },
    );
  });

  it('DK.CASCADE: the periods cover the year without gaps and their targets sum exactly to the total', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.integer({ min: 1990, max: 2060 }),
        fc.constantFrom('quarter', 'month', 'week'),
        fc.constantFrom('even', 'days', 'workdays'),
        (total, year, level, spread) => {
          const rows = DK_CASCADE(total, year, level, spread);
          expect(rows.reduce((s, r) => s + (r[3] as number), 0)).toBe(total);
          for (let i = 1; i < rows.length; i++) expect(rows[i]![1]).toBe((rows[i - 1]![2] as number) + 1);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('every optional argument reads null, undefined and "" alike (the three ways hosts say "omitted")', () => {
    const impl = sheets as unknown as Record<string, (...args: unknown[]) => unknown>;
    for (const f of SHEET_FUNCTIONS) {
      for (const args of SAMPLES[f.exportName]!) {
        const full = [...args, ...Array<unknown>(f.parameters.length - args.length).fill(undefined)];
        const omittedAt = f.parameters.map((q, i) => (q.optional && (full[i] === null || full[i] === undefined) ? i : -1)).filter((i) => i >= 0);
        const results = [null, undefined, ''].map((omitted) => {
          const call = full.map((a, i) => (omittedAt.includes(i) ? omitted : a));
          return JSON.stringify(impl[f.exportName]!(...call));
        });
        expect(new Set(results).size, f.name).toBe(1);
      }
    }
  });
});
