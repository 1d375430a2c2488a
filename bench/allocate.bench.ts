// allocate over 1,000,000 totals: each a cent amount split over four weights at scale 2.
import { allocate } from 'dealerkit';
import { lcg, type Scenario } from './lib.js';

const N = Number(process.env.BENCH_N ?? 1_000_000);
const rand = lcg(42);
const totals: number[] = Array.from({ length: N }, () => Math.round(rand() * 10_000_000) / 100);
const weights = [3, 2, 5, 7];

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
    baseline: () => {
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
    },
  },
];
