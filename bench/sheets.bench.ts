// dealerkit/sheets: what a recalculation costs per cell, and a warehouse row through the UDF path.
// A spreadsheet function reads its tier table on every call (a cell has no state); DK.REBATE keeps
// the validated program per table content, so its per-cell cost is reading the arguments and the
// engine's; the UDF path of docs/scale.md defines the program once and maps rows. Baselines: the
// classic float formula of each.
import { calculateRebate, calculateRebates, defineRebateProgram, type Decimal } from 'dealerkit';
import { DK_REBATE } from 'dealerkit/sheets';
import { decimalFromScaled } from '../src/core/scaled.js';
import { lcg, type Scenario } from './lib.js';

const N = Number(process.env.BENCH_N ?? 20_000);
const rand = lcg(9);
const tiers = [[0, 0], [5000, 0.02], [20000, 0.04], [50000, 0.05]];
const amounts: number[] = Array.from({ length: N }, () => Math.round(rand() * 8_000_000) / 100);

function floatRetroactive(a: number): number {
  let rate = 0;
  for (const [from, r] of tiers) if (a >= from!) rate = r!;
  return Math.round(a * rate * 100) / 100;
}

const program = defineRebateProgram({
  currency: 'USD',
  rounding: { stage: 'total' },
  basis: 'amount',
  method: 'retroactive',
  tiers: tiers.map(([from, rate]) => (rate === 0 ? { from: from! } : { from: from!, rate: rate! })),
});

// The floor of a RebateResult per row: its 8 distinct Decimal figures here (rebate, unrounded, net
// amount as the basis value, multiplier, and the next tier's gap, sales gap, rebate at the threshold
// and gain), taken from one batch run, only built as Decimals by the library's fastest builder (one
// array per row stands in for the result object), then the rebate read with toNumber as above.
const FIGURES = 8;
const figures = new Float64Array(FIGURES * N);
const places = [2, 4, 2, 0, 2, 2, 2, 2];
calculateRebates(program, amounts.map((sales) => ({ sales }))).rows.forEach((row, i) => {
  const r = row.result!;
  const n = r.nextTier;
  const ds = [r.rebate, r.unrounded, r.netAmount!, r.multiplier, n?.gap, n?.salesGap, n?.rebateAtThreshold, n?.gain];
  ds.forEach((d, k) => (figures[FIGURES * i + k] = d === undefined || d === null ? 0 : Math.round(d.toNumber() * 10 ** places[k]!)));
});
const ring = new Array<Decimal[]>(1024);

export const scenarios: Scenario[] = [
  {
    name: `DK.REBATE: ${N.toLocaleString('en')} cells recalculated (tier table read per cell, validated program kept per table content)`,
    library: () => {
      let check = 0;
      for (let i = 0; i < N; i++) check += DK_REBATE(amounts[i]!, tiers);
      return check;
    },
    baseline: () => {
      let check = 0;
      for (let i = 0; i < N; i++) check += floatRetroactive(amounts[i]!);
      return check;
    },
    goal: 20,
    note: 'issue 15 sets at most 20× a float formula',
  },
  {
    name: `warehouse UDF path: ${N.toLocaleString('en')} rows, program defined once, calculateRebate per row`,
    goal: 10,
    library: () => {
      let check = 0;
      for (let i = 0; i < N; i++) check += calculateRebate(program, { sales: amounts[i]! }).rebate.toNumber();
      return check;
    },
    baseline: () => {
      let check = 0;
      for (let i = 0; i < N; i++) check += floatRetroactive(amounts[i]!);
      return check;
    },
  },
  {
    // The same rows through the batch function: its rows of plain numbers take the scaled-integer
    // path (steps and warnings built when first read); the totals are summed in Decimals.
    name: `warehouse rows as one batch: ${N.toLocaleString('en')} rows, calculateRebates`,
    library: () => {
      const batch = calculateRebates(program, amounts.map((sales) => ({ sales })));
      let check = 0;
      for (const row of batch.rows) check += row.result!.rebate.toNumber();
      return check;
    },
    baseline: () => {
      let check = 0;
      for (let i = 0; i < N; i++) check += floatRetroactive(amounts[i]!);
      return check;
    },
  },
  {
    name: `warehouse rows' floor: the same ${N.toLocaleString('en')} rows' result figures, already computed, only built as Decimals (no goal)`,
    note: 'what a RebateResult\'s Decimals cost before any arithmetic: the per-row goal is met only if this floor plus the rules fit in it',
    library: () => {
      let check = 0;
      for (let i = 0; i < N; i++) {
        const ds = new Array<Decimal>(FIGURES);
        for (let k = 0; k < FIGURES; k++) ds[k] = decimalFromScaled(figures[FIGURES * i + k]!, places[k]!);
        ring[i & 1023] = ds;
        check += ds[0]!.toNumber();
      }
      return check;
    },
    baseline: () => {
      let check = 0;
      for (let i = 0; i < N; i++) check += floatRetroactive(amounts[i]!);
      return check;
    },
  },
];
