import fc from 'fast-check';
import DecimalJs from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { Decimal, defineScorecard, scoreDealer, scoreDealers, type KpiDealerInput, type KpiScoringSpec, type KpiScorecardSpec } from 'dealerkit';
import { fastScratch, scoreFast, planFast } from '../../src/kpi/fast.js';
import { compiledOf } from '../../src/kpi/scorecard.js';
import { lines } from '../kpi/lines.js';

// An oracle for sums: decimal.js at 2,000 digits (exact for these operands), not dealerkit's code.
const Wide = DecimalJs.clone({ precision: 2000, toExpNeg: -9e15, toExpPos: 9e15 });
const wideSum = (xs: Decimal[]) => xs.reduce((a, x) => a.plus(x.toString()), new Wide(0)).toString();

const amount = fc.integer({ min: -1_000_000, max: 100_000_000 }).map((n) => n / 100);
const positive = fc.integer({ min: 1, max: 100_000_000 }).map((n) => n / 100);
const weight = fc.integer({ min: 0, max: 50 });

const KPIS: { id: string; direction: 'higher' | 'lower' | 'target'; scoring: KpiScoringSpec }[] = [
  { id: 'sales', direction: 'higher', scoring: { type: 'ratio', cap: 150 } },
  { id: 'complaints', direction: 'lower', scoring: { type: 'reduction' } },
  { id: 'stock', direction: 'target', scoring: { type: 'deviation' } },
  { id: 'hours', direction: 'lower', scoring: { type: 'curve', points: [{ at: 0, score: 120 }, { at: 24, score: 100 }, { at: 48, score: 0 }] } },
  { id: 'share', direction: 'higher', scoring: { type: 'bands', on: 'attainment', below: 0, bands: [{ from: 80, score: 60 }, { from: 100, score: 100 }, { from: 120, score: 130 }] } },
];

function specWith(weights: number[][], extra: Partial<KpiScorecardSpec> = {}): KpiScorecardSpec {
  const stages: KpiScorecardSpec['stages'] = {};
  weights.forEach((ws, s) => {
    stages[`s${s}`] = { weights: Object.fromEntries(KPIS.map((k, i) => [k.id, ws[i]! + (ws.every((w) => w === 0) && i === 0 ? 1 : 0)])) };
  });
  return { kpis: KPIS, stages, normalize: true, ...extra };
}

const dealerData = fc.record({
  actuals: fc.tuple(amount, amount, amount, amount, amount),
  targets: fc.tuple(positive, positive, positive, positive, positive),
});
const toInput = (d: { actuals: number[]; targets: number[] }) => ({
  actuals: Object.fromEntries(KPIS.map((k, i) => [k.id, d.actuals[i]!])),
  targets: Object.fromEntries(KPIS.map((k, i) => [k.id, d.targets[i]!])),
});

describe('kpi laws (fast-check)', () => {
  it('the contributions sum exactly to the weighted score, and the gates adjustments take it to the score', () => {
    fc.assert(
      fc.property(fc.array(weight, { minLength: 5, maxLength: 5 }), dealerData, fc.integer({ min: 0, max: 200 }), (ws, d, cap) => {
        const card = defineScorecard(specWith([ws], { gates: [{ kpi: 'hours', op: '<=', value: 24, effect: { capScore: cap } }, { kpi: 'complaints', op: '<', value: 900000, effect: 'zero' }] }));
        const r = scoreDealer(card, { stage: 's0', ...toInput(d) });
        expect(wideSum(lines(r).map((l) => l.contribution))).toBe(r.weightedScore.toString());
        expect(wideSum([r.weightedScore, ...r.gates.map((g) => g.adjustment)])).toBe(r.score.toString());
        // Each contribution is exactly points × weight.
        for (const l of lines(r)) expect(new Wide(l.points!.toString()).times(l.weight.toString()).toString()).toBe(l.contribution.toString());
      }),
      { numRuns: 300 },
    );
  });

  it("a higher actual never lowers a higher-is-better KPI's points, nor raises a lower-is-better one's", () => {
    const card = defineScorecard(specWith([[1, 1, 1, 1, 1]]));
    fc.assert(
      fc.property(amount, amount, positive, fc.integer({ min: 0, max: 4 }), (x, y, t, k) => {
        const kpi = KPIS[k]!;
        if (kpi.direction === 'target') return;
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        const score = (a: number) => {
          const input = toInput({ actuals: [1, 1, 1, 1, 1], targets: [t, t, t, t, t] });
          input.actuals[kpi.id] = a;
          return lines(scoreDealer(card, { stage: 's0', ...input }))[k]!.points!;
        };
        if (kpi.direction === 'higher') expect(score(hi).gte(score(lo))).toBe(true);
        else expect(score(hi).lte(score(lo))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('permuting the dealers permutes the ranks', () => {
    const card = defineScorecard(specWith([[3, 1, 1, 2, 3]]));
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 15 }), { minLength: 1, maxLength: 30 }).chain((sales) =>
          fc.tuple(fc.constant(sales), fc.shuffledSubarray(sales.map((_, i) => i), { minLength: sales.length, maxLength: sales.length })),
        ),
        ([sales, perm]) => {
          const dealers = sales.map((s, i) => ({ id: `d${i}`, stage: 's0', ...toInput({ actuals: [s * 10, 1, 1, 1, 1], targets: [100, 1, 1, 1, 1] }) }));
          const rank = (ds: KpiDealerInput[]) =>
            Object.fromEntries(scoreDealers(card, ds).rows.map((r) => [r.id, [r.result!.rank, r.result!.percentileRank.toString()]]));
          expect(rank(perm.map((i) => dealers[i]!))).toEqual(rank(dealers));
          // Competition ranking: a rank is 1 + the number of dealers scoring strictly higher (sales ≤ 150 %, under the cap).
          const ranks = rank(dealers);
          sales.forEach((s, i) => expect(ranks[`d${i}`]![0]).toBe(1 + sales.filter((o) => o > s).length));
          // Percentile rank: dealers strictly lower / (n − 1), to 10 places half-up (1 for a batch of one), by decimal.js.
          const n = sales.length;
          sales.forEach((s, i) => {
            const lower = sales.filter((o) => o < s).length;
            const expected = n === 1 ? '1' : new Wide(lower).div(n - 1).toDecimalPlaces(10, DecimalJs.ROUND_HALF_UP).toString();
            expect(ranks[`d${i}`]![1]).toBe(expected);
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('proration by days equals the days-weighted mix of the per-stage scores', () => {
    const day = fc.integer({ min: 0, max: 364 });
    fc.assert(
      fc.property(fc.array(fc.array(weight, { minLength: 5, maxLength: 5 }), { minLength: 3, maxLength: 3 }), dealerData, day, day, day, (ws, d, p, q, len) => {
        const card = defineScorecard(specWith(ws));
        const iso = (n: number) => new Date(Date.UTC(2025, 0, 1 + n)).toISOString().slice(0, 10);
        const [c1, c2] = p <= q ? [p, q] : [q, p];
        const end = c2 + 1 + len;
        const stages = [
          { stage: 's0', from: iso(0), to: iso(c1) },
          { stage: 's1', from: iso(c1 + 1), to: iso(c2) },
          { stage: 's2', from: iso(c2 + 1), to: iso(end + 5) },
        ].filter((s) => s.from <= s.to);
        const input = toInput(d);
        const prorated = scoreDealer(card, { stages, period: { start: iso(0), end: iso(end) }, ...input });
        const total = end + 1;
        let mix = new Wide(0);
        for (const s of prorated.stageShares) {
          const single = scoreDealer(card, { stage: s.stage, ...input });
          mix = mix.plus(new Wide(single.weightedScore.toString()).times(s.days!).div(total));
        }
        expect(prorated.stageShares.reduce((a, s) => a + s.days!, 0)).toBe(total);
        const diff = mix.minus(prorated.weightedScore.toString()).abs();
        expect(diff.lte(new Wide('1e-30').times(mix.abs().plus(1)))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('the batch fast path gives exactly what scoreDealer gives, and is taken', () => {
    const fastKpis = KPIS.filter((k) => k.scoring.type !== 'curve');
    const spec: KpiScorecardSpec = {
      kpis: fastKpis,
      stages: {
        a: { weights: { sales: '0.4', complaints: '0.15', stock: '0.05', share: '0.4' } },
        b: { weights: { sales: '0.125', complaints: '0.375', stock: '0.25', share: '0.25' } },
      },
      grades: [{ min: '99.5', grade: 'A' }, { min: 80, grade: 'B' }],
      gates: [{ kpi: 'complaints', op: '<=', value: 300000, effect: { capScore: '88.8' } }],
      rounding: { scale: 2, mode: 'half-even' },
    };
    const card = defineScorecard(spec);
    const compiled = compiledOf(card, []);
    const plan = planFast(compiled)!;
    expect(plan).not.toBeNull();
    const mode = fc.constantFrom('half-up', 'half-even', 'half-down', 'up', 'down', 'ceiling', 'floor');
    fc.assert(
      fc.property(fc.array(fc.tuple(dealerData, fc.boolean()), { minLength: 1, maxLength: 8 }), mode, (ds, m) => {
        const c = defineScorecard({ ...spec, rounding: { scale: 2, mode: m } });
        const inputs = ds.map(([d, b], i) => {
          const x = toInput(d);
          delete x.actuals.hours;
          delete x.targets.hours;
          return { id: `d${i}`, stage: b ? 'a' : 'b', ...x };
        });
        const batch = scoreDealers(c, inputs).rows.map((r) => r.result!);
        batch.forEach((r, i) => {
          const { rank: _r, percentileRank: _p, ...rest } = r;
          expect(JSON.stringify(rest)).toBe(JSON.stringify(scoreDealer(c, inputs[i]!)));
        });
        const cc = compiledOf(c, []);
        const p = planFast(cc)!;
        for (const input of inputs) expect(scoreFast(p, input, fastScratch(p))).not.toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it("a batch's steps, read in any order, are each dealer's own (lines on a default target are shared within the batch by stage and actual only)", () => {
    const spec: KpiScorecardSpec = {
      kpis: [
        { id: 'sales', direction: 'higher', scoring: { type: 'ratio', cap: 150 }, target: 100 },
        { id: 'kept', direction: 'higher', scoring: { type: 'boolean', pass: 100, fail: 0 } },
        { id: 'hours', direction: 'lower', scoring: { type: 'bands', bands: [{ from: 0, score: 100 }, { from: 24, score: 50 }] } },
      ],
      stages: { a: { weights: { sales: '0.5', kept: '0.25', hours: '0.25' } }, b: { weights: { sales: '0.2', kept: '0.4', hours: '0.4' } } },
      rounding: { scale: 2 },
    };
    const card = defineScorecard(spec);
    const dealer = fc.record({
      stage: fc.constantFrom('a', 'b'),
      sales: fc.integer({ min: -50, max: 300 }),
      kept: fc.boolean(),
      hours: fc.integer({ min: 0, max: 40 }),
      target: fc.option(fc.integer({ min: 1, max: 200 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(dealer, { minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: 11 }), (ds, shift) => {
        const inputs = ds.map((d, i) => ({ id: i, stage: d.stage, actuals: { sales: d.sales, kept: d.kept, hours: d.hours }, ...(d.target === undefined ? {} : { targets: { sales: d.target } }) }));
        const rows = scoreDealers(card, inputs).rows.map((r) => r.result!);
        // Read from a rotated start, so a shared line is first built by another dealer than the first.
        for (let j = 0; j < rows.length; j++) {
          const i = (j + shift) % rows.length;
          expect(JSON.stringify(rows[i]!.steps)).toBe(JSON.stringify(scoreDealer(card, inputs[i]!).steps));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('over generated scorecards (every gate operator and effect, grades, floors and caps, points scale 0–4, negative actuals), the batch gives what scoreDealer gives', () => {
    // Issue 15: one copy of the scoring, gate and grade rules (src/kpi/rules.ts) over two arithmetics;
    // this law checks the scaled-integer one against the Decimal one on every shape the generators make.
    const fastKpis = KPIS.filter((k) => k.scoring.type !== 'curve');
    const ids = fastKpis.map((k) => k.id);
    const places = (n: number, p: number) => (n / 10 ** p).toFixed(p);
    const value = fc.tuple(fc.integer({ min: -20_000, max: 3_000_000 }), fc.integer({ min: 0, max: 4 })).map(([n, p]) => places(n, p));
    const effect = fc.oneof(
      fc.constant('zero' as const),
      fc.tuple(fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: 0, max: 6 })).map(([n, p]) => ({ capScore: places(n, p) })),
      fc.constantFrom({ capGrade: 'A' }, { capGrade: 'B' }),
    );
    const gate = fc.record({ kpi: fc.constantFrom(...ids), op: fc.constantFrom('>=', '>', '<=', '<', '==', '!=' as const), value, effect });
    const bound = fc.option(fc.tuple(fc.integer({ min: -500, max: 300 }), fc.integer({ min: 0, max: 2 })).map(([n, p]) => places(n, p)), { nil: undefined });
    const shape = fc.record({
      gates: fc.array(gate, { maxLength: 3 }),
      minA: fc.tuple(fc.integer({ min: 0, max: 15_000 }), fc.integer({ min: 0, max: 6 })).map(([n, p]) => places(n, p)),
      floor: bound,
      cap: bound,
      scale: fc.integer({ min: 0, max: 4 }),
      mode: fc.constantFrom('half-up', 'half-even', 'half-down', 'up', 'down', 'ceiling', 'floor' as const),
    });
    fc.assert(
      fc.property(shape, fc.array(fc.tuple(dealerData, fc.boolean()), { minLength: 1, maxLength: 5 }), (sh, ds) => {
        const sales = { id: 'sales', direction: 'higher' as const, scoring: { type: 'ratio' as const, ...(sh.floor === undefined ? {} : { floor: sh.floor }), ...(sh.cap === undefined ? {} : { cap: sh.cap }) } };
        let spec: KpiScorecardSpec;
        try {
          spec = {
            kpis: [sales, ...fastKpis.slice(1)],
            stages: {
              a: { weights: { sales: '0.4', complaints: '0.15', stock: '0.05', share: '0.4' } },
              b: { weights: { sales: '0.125', complaints: '0.375', stock: '0.25', share: '0.25' } },
            },
            grades: [{ min: sh.minA, grade: 'A' }, { min: '-1', grade: 'B' }],
            gates: sh.gates as NonNullable<KpiScorecardSpec['gates']>,
            rounding: { scale: sh.scale, mode: sh.mode },
          };
          defineScorecard(spec);
        } catch {
          return; // a shape the scorecard refuses (a floor above its cap, B above A …)
        }
        const c = defineScorecard(spec);
        const inputs = ds.map(([d, b], i) => {
          const x = toInput(d);
          delete x.actuals.hours;
          delete x.targets.hours;
          return { id: `d${i}`, stage: b ? 'a' : 'b', ...x };
        });
        let singles: string[];
        try {
          singles = inputs.map((input) => JSON.stringify(scoreDealer(c, input)));
        } catch {
          expect(() => scoreDealers(c, inputs)).toThrow();
          return;
        }
        scoreDealers(c, inputs).rows.forEach((r, i) => {
          const { rank: _r, percentileRank: _p, ...rest } = r.result!;
          expect(JSON.stringify(rest)).toBe(singles[i]);
        });
      }),
      { numRuns: 300 },
    );
  });
});
