import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { Decimal, allocate } from 'dealerkit';
import {
  cascadeHierarchy,
  cascadeTarget,
  cascadeTargets,
  defineGregorianCalendar,
  defineNrfCalendar,
  defineRetailCalendar,
  splitTarget,
  toIsoWeek,
  trackTarget,
  type TargetCalendar,
  type TargetPeriod,
  type TargetSpread,
} from 'dealerkit/targets';

const Big = Decimal.clone({ precision: 100 });
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

const calendarArb: fc.Arbitrary<TargetCalendar> = fc.oneof(
  fc.integer({ min: 1990, max: 2040 }).map((year) => defineGregorianCalendar({ year })),
  fc.record({ year: fc.integer({ min: 1990, max: 2040 }), month: fc.integer({ min: 2, max: 12 }) }).map(({ year, month }) =>
    defineGregorianCalendar({ start: `${year}-${String(month).padStart(2, '0')}-01` }),
  ),
  fc
    .record({
      fiscalYear: fc.integer({ min: 1990, max: 2040 }),
      pattern: fc.constantFrom('4-4-5', '4-5-4', '5-4-4'),
      weekday: fc.constantFrom(...WEEKDAYS),
      rule: fc.constantFrom('nearest', 'last'),
      month: fc.integer({ min: 1, max: 12 }),
      leapWeek: fc.constantFrom('last-month', 'restate', { month: 2 }, { month: 7 }),
    })
    .map(({ fiscalYear, pattern, weekday, rule, month, leapWeek }) =>
      defineRetailCalendar({ fiscalYear, pattern, yearEnd: { weekday, rule, month }, leapWeek } as Parameters<typeof defineRetailCalendar>[0]),
    ),
);

const levelsArb = fc.constantFrom(
  ['quarter'],
  ['month'],
  ['week'],
  ['quarter', 'month'],
  ['quarter', 'week'],
  ['month', 'week'],
  ['quarter', 'month', 'week'],
) as fc.Arbitrary<('quarter' | 'month' | 'week')[]>;

const spreadArb: fc.Arbitrary<TargetSpread> = fc.oneof(
  fc.constantFrom('even', 'days', 'workdays') as fc.Arbitrary<TargetSpread>,
  fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 12, maxLength: 12 }).filter((w) => w.some((x) => x > 0)).map((profile) => ({ profile })),
  fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 4, maxLength: 4 }).map((reference) => ({ reference, fallback: 'even' as const })),
  fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 12, maxLength: 12 }).map((w) => ({ reference: w.map((x) => (x / 100).toFixed(2)) })),
);

const totalArb = fc.record({ scale: fc.integer({ min: 0, max: 3 }), units: fc.bigInt({ min: BigInt(0), max: BigInt('100000000000000000000') }) }).map(({ scale, units }) => ({
  scale,
  total: new Decimal(units.toString()).div(new Decimal(10).pow(scale)).toFixed(scale),
}));

const caseArb = fc.record({
  calendar: calendarArb,
  levels: levelsArb,
  spread: spreadArb,
  weeks: fc.constantFrom('split', 'thursday') as fc.Arbitrary<'split' | 'thursday'>,
  total: totalArb,
  direct: fc.boolean(),
});

function sum(list: readonly { target: Decimal }[]): Decimal {
  return list.reduce((a, p) => a.plus(p.target), new Decimal(0));
}

type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

function run(c: Case) {
  return cascadeTarget({
    calendar: c.calendar,
    levels: c.levels,
    spread: c.spread,
    path: c.direct ? 'direct' : 'nested',
    ...(c.calendar.system === 'gregorian' && c.levels.includes('week') ? { weeks: c.weeks } : {}),
    rounding: { scale: c.total.scale },
  }, c.total.total);
}

function walk(list: TargetPeriod[], fn: (parent: TargetPeriod) => void): void {
  for (const p of list) {
    if (p.children.length > 0) fn(p);
    walk(p.children, fn);
  }
}

describe('cascadeTarget laws (fast-check)', () => {
  it('nested: every level sums exactly to its parent, for random totals, spreads and calendars', () => {
    fc.assert(
      fc.property(caseArb, (raw) => {
        const c = run({ ...raw, direct: false });
        expect(sum(c.periods).equals(c.total)).toBe(true);
        walk(c.periods, (p) => expect(sum(p.children).equals(p.target), p.period).toBe(true));
        // The periods of each level tile the plan: consecutive, no gap, no overlap.
        let level = c.periods;
        while (level.length > 0) {
          expect(level[0]!.start).toBe(c.start);
          expect(level[level.length - 1]!.end).toBe(c.end);
          expect(level.reduce((a, p) => a + p.days, 0)).toBe(c.days);
          level = level.flatMap((p) => p.children);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("nested: each split is the core allocate of the parent over the children's weights (an independent implementation)", () => {
    fc.assert(
      fc.property(caseArb, (raw) => {
        const c = run({ ...raw, direct: false });
        const check = (parentTarget: Decimal, kids: TargetPeriod[]) => {
          const expected = allocate(parentTarget, kids.map((k) => k.weight), { scale: c.rounding.scale }).map(String);
          expect(kids.map((k) => k.target.toString())).toEqual(expected);
        };
        check(c.total, c.periods);
        walk(c.periods, (p) => check(p.target, p.children));
      }),
      { numRuns: 100 },
    );
  });

  it('direct: every level sums exactly to the total', () => {
    fc.assert(
      fc.property(caseArb, (raw) => {
        const c = run({ ...raw, direct: true });
        let level = c.periods;
        while (level.length > 0) {
          expect(sum(level).equals(c.total)).toBe(true);
          level = level.flatMap((p) => p.children);
        }
        for (const d of c.differences) expect(d.childrenSum.minus(d.target).equals(d.difference)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('one level: each part is within one unit of its exact share, and roundedUp marks the ceilings', () => {
    fc.assert(
      fc.property(caseArb, (raw) => {
        const c = run({ ...raw, levels: [raw.levels[0]!], direct: false });
        const unit = new Big(1).div(new Big(10).pow(c.rounding.scale));
        for (const p of c.periods) {
          const share = new Big(c.total.toString()).times(p.weight.toString()).div(p.weightTotal.toString());
          const t = new Big(p.target.toString());
          expect(t.minus(share).abs().lt(unit)).toBe(true);
          expect(p.roundedUp).toBe(t.gt(share));
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('steps laws (fast-check)', () => {
  it("nested: every split step redoes its parts: floor(amount × weight / weightTotal) plus one unit for the periods it lists", () => {
    fc.assert(
      fc.property(caseArb, (raw) => {
        const c = run({ ...raw, direct: false });
        const unit = new Big(1).div(new Big(10).pow(c.rounding.scale));
        const byPeriod = new Map<string, TargetPeriod[]>([[c.period, c.periods]]);
        walk(c.periods, (p) => byPeriod.set(p.period, p.children));
        const splits = c.steps.filter((step) => step.code === 'split');
        expect(splits).toHaveLength(byPeriod.size);
        for (const step of splits) {
          const kids = byPeriod.get(step.period)!;
          expect(step.count).toBe(kids.length);
          for (const k of kids) {
            // Independent arithmetic at 100 digits: the floor of the exact share, in units.
            const share = new Big(step.amount.toString()).times(k.weight.toString()).div(step.weightTotal.toString());
            const floor = share.div(unit).floor().times(unit);
            const expected = step.roundedUp.includes(k.period) ? floor.plus(unit) : floor;
            expect(k.target.toString(), k.period).toBe(expected.toString());
          }
          expect(step.leftover).toBe(step.roundedUp.length);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('cascadeTargets gives, row by row, what cascadeTarget gives; summary keeps the same periods', () => {
    fc.assert(
      fc.property(caseArb, fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 5 }), (raw, totals) => {
        const spec = {
          calendar: raw.calendar,
          levels: raw.levels,
          spread: raw.spread,
          ...(raw.calendar.system === 'gregorian' && raw.levels.includes('week') ? { weeks: raw.weeks } : {}),
        };
        const batch = cascadeTargets(spec, totals.map((total, i) => ({ id: `D${i}`, total })));
        const summary = cascadeTargets(spec, totals.map((total) => ({ total })), { detail: 'summary' });
        totals.forEach((total, i) => {
          const one = cascadeTarget(spec, total);
          expect(JSON.stringify(batch.rows[i]!.result)).toBe(JSON.stringify(one));
          expect(JSON.stringify(summary.rows[i]!.result!.periods)).toBe(JSON.stringify(one.periods));
        });
        expect(batch.totals.total.toString()).toBe(String(totals.reduce((a, b) => a + b, 0)));
      }),
      { numRuns: 40 },
    );
  });

  it('trackTarget: what is due after the year ends is the total; a cascade read back from JSON tracks the same', () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 0, max: 400 }), (raw, day) => {
        const c = run({ ...raw, direct: false });
        const asOf = new Date(Date.UTC(Number(c.start.slice(0, 4)), Number(c.start.slice(5, 7)) - 1, Number(c.start.slice(8)) + day));
        const t = trackTarget(c, {}, { asOf });
        const back = trackTarget(JSON.parse(JSON.stringify(c)), {}, { asOf });
        expect(JSON.stringify(back)).toBe(JSON.stringify(t));
        if (day >= c.days) expect(t.expectedToDate.toString()).toBe(c.total.toString());
        expect(t.expectedToDate.lte(c.total)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});

describe('splitTarget and cascadeHierarchy laws (fast-check)', () => {
  const childrenArb = fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 12 }).filter((w) => w.some((x) => x > 0));

  it('the parts sum to the total; floors hold; locks are kept', () => {
    fc.assert(
      fc.property(
        childrenArb,
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.array(fc.integer({ min: 0, max: 200_000 }), { minLength: 12, maxLength: 12 }),
        fc.integer({ min: 0, max: 11 }),
        (weights, total, floorList, lockAt) => {
          const children = weights.map((weight, i) => ({ id: `c${i}`, weight }));
          const floors: Record<string, number> = Object.fromEntries(children.map((c, i) => [c.id, floorList[i]!] as const).filter((_, i) => i % 2 === 0 && i !== lockAt));
          const floorSum = Object.values(floors).reduce((a, b) => a + b, 0);
          const locks: Record<string, number> = lockAt < children.length ? { [`c${lockAt}`]: Math.floor(total / 10) } : {};
          const lockSum = Object.values(locks).reduce((a, b) => a + b, 0);
          const rest = total - lockSum;
          const free = children.filter((c) => !(c.id in locks));
          if (floorSum > rest || free.length === 0 || free.every((c) => c.weight === 0)) return;
          const s = splitTarget(children, total, { floors, locks });
          expect(sum(s.parts).toString()).toBe(String(total));
          for (const p of s.parts) {
            if (p.id in floors) expect(p.target.gte(floors[p.id]!)).toBe(true);
            if (p.id in locks) expect(p.target.toString()).toBe(String(locks[p.id]));
          }
          // A floor that binds gets exactly its floor; one that does not is untouched by it.
          for (const p of s.parts) if (p.floorBinds) expect(p.target.toString()).toBe(String(floors[p.id]));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('without floors that bind, a split equals the core allocate', () => {
    fc.assert(
      fc.property(childrenArb, fc.integer({ min: 0, max: 1_000_000_000 }), (weights, total) => {
        const s = splitTarget(weights.map((weight, i) => ({ id: `c${i}`, weight })), total);
        expect(s.parts.map((p) => p.target.toString())).toEqual(allocate(total, weights, { scale: 0 }).map(String));
      }),
      { numRuns: 200 },
    );
  });

  it('a hierarchy sums exactly at every node', () => {
    fc.assert(
      fc.property(fc.array(childrenArb, { minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 1_000_000_000 }), (areas, total) => {
        const tree = { id: 'root', children: areas.map((ws, a) => ({ id: `a${a}`, children: ws.map((weight, d) => ({ id: `a${a}d${d}`, weight })) })) };
        const h = cascadeHierarchy(tree, total);
        const check = (n: typeof h.root) => {
          if (n.children.length === 0) return;
          expect(sum(n.children).equals(n.target)).toBe(true);
          n.children.forEach(check);
        };
        expect(h.root.target.toString()).toBe(String(total));
        check(h.root);
      }),
      { numRuns: 200 },
    );
  });
});

describe('no time-zone dependence', () => {
  const original = process.env.TZ;
  afterAll(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  it('the same cascades, calendars and ISO weeks under UTC, Chatham, Los Angeles and Lord Howe', () => {
    const compute = () =>
      JSON.stringify([
        cascadeTarget({
          calendar: defineGregorianCalendar({ start: new Date(Date.UTC(2025, 3, 1)) }),
          levels: ['quarter', 'month', 'week'],
          weeks: 'split',
          spread: 'workdays',
          workdays: { holidays: [new Date(Date.UTC(2025, 4, 1)), '2025-10-01'] },
        }, 100000000),
        cascadeTarget({ calendar: defineNrfCalendar(2028), levels: ['quarter', 'month', 'week'], spread: 'days', rounding: { scale: 2 } }, 100000000),
        cascadeTarget({ calendar: defineGregorianCalendar({ year: 2026 }), levels: ['month', 'week'], weeks: 'thursday', spread: 'even' }, 5200),
        ['1997-12-31', '1999-01-01', '2005-01-01', '2012-12-31', '2027-01-01'].map((d) => toIsoWeek(d)),
        toIsoWeek(new Date(Date.UTC(2026, 0, 4, 23, 30))),
      ]);
    process.env.TZ = 'UTC';
    const reference = compute();
    for (const tz of ['Pacific/Chatham', 'America/Los_Angeles', 'Australia/Lord_Howe', 'Asia/Shanghai']) {
      process.env.TZ = tz;
      expect(compute(), tz).toBe(reference);
    }
  });
});
