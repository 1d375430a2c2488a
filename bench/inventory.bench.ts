// planReordersColumnar over 1,000,000 SKUs (cycle service, continuous review, days-of-cover lots
// with MOQ and packs) against a plain-float loop of the same formulas in the same run.
import { planReordersColumnar, type ReorderColumns, type ReorderPolicy } from 'dealerkit/inventory';
import { lcg, type Scenario } from './lib.js';

const N = Number(process.env.BENCH_N ?? 1_000_000);
const rand = lcg(8);
const col = () => new Float64Array(N);
const columns = {
  meanPerDay: col(),
  sdPerDay: col(),
  leadTimeDays: col(),
  leadTimeSdDays: col(),
  onHand: col(),
  onOrder: col(),
  moq: col(),
  packSize: col(),
} satisfies ReorderColumns;
for (let i = 0; i < N; i++) {
  columns.meanPerDay[i] = 1 + rand() * 50;
  columns.sdPerDay[i] = rand() * 10;
  columns.leadTimeDays[i] = 1 + Math.floor(rand() * 20);
  columns.leadTimeSdDays[i] = rand() * 2;
  columns.onHand[i] = Math.floor(rand() * 1000);
  columns.onOrder[i] = Math.floor(rand() * 200);
  columns.moq[i] = Math.floor(rand() * 30);
  columns.packSize[i] = 1 + Math.floor(rand() * 12);
}
const policy: ReorderPolicy = { service: { cycle: 0.95 }, orderQuantity: { daysOfCover: 14 } };
const out = planReordersColumnar(policy, columns);

// The baseline: the same figures in plain floats, no validation, no options, no snapping.
const Z95 = 1.6448536269514715;
const ss2 = col();
const rop2 = col();
const upTo2 = col();
const order2 = col();
const status2 = new Uint8Array(N);
function lot(raw: number, moq: number, pack: number, position: number, rop: number): number {
  if (raw <= 0) return 0;
  let q = raw < moq ? moq : raw;
  q = Math.ceil(q / pack) * pack;
  if (q < moq) q = Math.ceil(moq / pack) * pack;
  if (position + q < rop) q = Math.ceil((rop - position) / pack) * pack;
  return q;
}

function checksum(a: Float64Array, b: Float64Array, s: Uint8Array): number {
  return a[N - 1]! + b[N - 1]! + s[N - 1]! + a[0]!;
}

export const scenarios: Scenario[] = [
  {
    name: `planReordersColumnar: ${N.toLocaleString('en')} SKUs (cycle service 95%, σ_d and σ_L, days-of-cover lots, MOQ, packs)`,
    goal: 1.5,
    rows: N,
    keep: () => planReordersColumnar(policy, columns),
    library: () => {
      planReordersColumnar(policy, columns, out);
      return checksum(out.reorderPoint, out.suggestedOrder, out.status);
    },
    baseline: () => {
      const { meanPerDay, sdPerDay, leadTimeDays, leadTimeSdDays, onHand, onOrder, moq, packSize } = columns;
      for (let i = 0; i < N; i++) {
        const d = meanPerDay[i]!;
        const sd = sdPerDay[i]!;
        const L = leadTimeDays[i]!;
        const sL = leadTimeSdDays[i]!;
        const ss = Z95 * Math.sqrt(L * sd * sd + d * d * sL * sL);
        const rop = d * L + ss;
        const q = d * 14;
        const m = moq[i]!;
        const pack = packSize[i]!;
        const upTo = rop + lot(q, m, pack, Number.POSITIVE_INFINITY, 0);
        const position = onHand[i]! + onOrder[i]!;
        const triggered = position <= rop;
        status2[i] = onHand[i]! <= 0 ? 3 : position <= ss ? 2 : triggered ? 1 : position > upTo ? 4 : 0;
        ss2[i] = ss;
        rop2[i] = rop;
        upTo2[i] = upTo;
        order2[i] = triggered || position <= ss ? lot(q > rop - position ? q : rop - position, m, pack, position, rop) : 0;
      }
      return checksum(rop2, order2, status2);
    },
    note: 'The reference Python library loops per SKU at about 11 s per 100,000 SKUs on this kind of machine (≈ 110 s per million).',
  },
];
