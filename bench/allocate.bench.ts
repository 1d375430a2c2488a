// allocate over 1,000,000 totals: each a cent amount split over four weights at scale 2.
import { allocate, type Decimal } from 'dealerkit';
import { decimalFromScaled } from '../src/core/scaled.js';
import { lcg, type Scenario } from './lib.js';

const N = Number(process.env.BENCH_N ?? 1_000_000);
const rand = lcg(42);
const totals: number[] = Array.from({ length: N }, () => Math.round(rand() * 10_000_000) / 100);
const weights = [3, 2, 5, 7];

// The floor of any Decimal result: the same 4 parts per total, already split (in cents), only built
// as Decimals by the library's fastest builder (core/scaled decimalFromScaled, which writes
// decimal.js's fields directly), in one array per total as allocate returns them. Each array is
// stored so that it is really built, into a small array replaced every 1,024 totals: like allocate's
// results in the timed loop, they die young (a store into an old array would add a write barrier
// allocate's loop does not pay).
const cents = new Float64Array(4 * N);
// Largest remainder in integer cents (a few lines of plain arithmetic; test/core checks allocate's own).
for (let i = 0; i < N; i++) {
  const u = Math.round(totals[i]! * 100);
  const rem: number[] = [];
  let left = u;
  for (let k = 0; k < 4; k++) {
    const q = Math.floor((u * weights[k]!) / 17);
    cents[4 * i + k] = q;
    rem.push(u * weights[k]! - q * 17);
    left -= q;
  }
  for (; left > 0; left--) {
    const k = rem.indexOf(Math.max(...rem));
    cents[4 * i + k]!++;
    rem[k] = -1;
  }
}
const buildParts = (keepAll: boolean): Decimal[][] => {
  let into = new Array<Decimal[]>(keepAll ? N : 1024);
  for (let i = 0; i < N; i++) {
    const parts = new Array<Decimal>(4);
    for (let k = 0; k < 4; k++) parts[k] = decimalFromScaled(cents[4 * i + k]!, 2);
    if (keepAll) into[i] = parts;
    else {
      if ((i & 1023) === 0) into = new Array<Decimal[]>(1024);
      into[i & 1023] = parts;
    }
  }
  return into;
};

function floatSplit(): number {
  // Plain floats: round each share to cents and push the rounding error onto the last part.
  let check = 0;
  const sumW = 17;
  for (let i = 0; i < N; i++) {
    const t = totals[i]!;
    let given = 0;
    for (let k = 0; k < 3; k++) {
      const p = Math.round((t * weights[k]!) / sumW * 100) / 100;
      given += p;
      check += p;
    }
    check += t - given;
  }
  return check;
}

export const scenarios: Scenario[] = [
  {
    name: `allocate: ${N.toLocaleString('en')} totals (cents) over 4 weights, exact Hamilton split`,
    goal: 3,
    rows: N,
    keep: () => totals.map((t) => allocate(t, weights, { scale: 2 })),
    library: () => {
      let check = 0;
      for (let i = 0; i < N; i++) check += allocate(totals[i]!, weights, { scale: 2 }).length;
      return check;
    },
    baseline: floatSplit,
  },
  {
    name: `allocate's floor: the same ${N.toLocaleString('en')} × 4 parts, already split, only built as Decimals (no goal)`,
    note: 'what returning Decimals costs before any arithmetic: the allocate goal is met only if this floor plus the split fit in it',
    rows: N,
    library: () => buildParts(false).length,
    keep: () => buildParts(true),
    baseline: floatSplit,
  },
];
