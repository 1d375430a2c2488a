import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { Decimal, allocate } from 'dealerkit';
import {
  cascadeHierarchy,
  cascadeTarget,
  gregorianCalendar,
  isoWeekOf,
  retailCalendar,
  splitTarget,
  type TargetCalendar,
  type TargetPeriod,
  type TargetSpread,
} from 'dealerkit/targets';

const Big = Decimal.clone({ precision: 100 });
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

const calendarArb: fc.Arbitrary<TargetCalendar> = fc.oneof(
  fc.integer({ min: 1990, max: 2040 }).map((year) => gregorianCalendar({ year })),
  fc.record({ year: fc.integer({ min: 1990, max: 2040 }), month: fc.integer({ min: 2, max: 12 }) }).map(({ year, month }) =>
    gregorianCalendar({ start: `${year}-${String(month).padStart(2, '0')}-01` }),
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
      retailCalendar({ fiscalYear, pattern, yearEnd: { weekday, rule, month }, leapWeek } as Parameters<typeof retailCalendar>[0]),
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
    total: c.total.total,
    calendar: c.calendar,
    levels: c.levels,
    spread: c.spread,
    scale: c.total.scale,
    path: c.direct ? 'direct' : 'nested',
    ...(c.calendar.system === 'gregorian' && c.levels.includes('week') ? { weeks: c.weeks } : {}),
  });
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
        walk(c.periods, (p) => expect(sum(p.children).equals(p.target), p.id).toBe(true));
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
          const expected = allocate(parentTarget, kids.map((k) => k.weight), { scale: c.scale }).map(String);
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
        const unit = new Big(1).div(new Big(10).pow(c.scale));
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
          const s = splitTarget(total, children, { scale: 0, floors, locks });
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
        const s = splitTarget(total, weights.map((weight, i) => ({ id: `c${i}`, weight })), { scale: 0 });
        expect(s.parts.map((p) => p.target.toString())).toEqual(allocate(total, weights, { scale: 0 }).map(String));
      }),
      { numRuns: 200 },
    );
  });

  it('a hierarchy sums exactly at every node', () => {
    fc.assert(
      fc.property(fc.array(childrenArb, { minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 1_000_000_000 }), (areas, total) => {
        const tree = { id: 'root', children: areas.map((ws, a) => ({ id: `a${a}`, children: ws.map((weight, d) => ({ id: `a${a}d${d}`, weight })) })) };
        const h = cascadeHierarchy(total, tree, { scale: 0 });
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
          total: 100000000,
          calendar: gregorianCalendar({ start: new Date(Date.UTC(2025, 3, 1)) }),
          levels: ['quarter', 'month', 'week'],
          weeks: 'split',
          spread: 'workdays',
          workdays: { holidays: [new Date(Date.UTC(2025, 4, 1)), '2025-10-01'] },
          scale: 0,
        }),
        cascadeTarget({ total: 100000000, calendar: retailCalendar.nrf(2028), levels: ['quarter', 'month', 'week'], spread: 'days', scale: 2 }),
        cascadeTarget({ total: 5200, calendar: gregorianCalendar({ year: 2026 }), levels: ['month', 'week'], weeks: 'thursday', spread: 'even', scale: 0 }),
        ['1997-12-31', '1999-01-01', '2005-01-01', '2012-12-31', '2027-01-01'].map((d) => isoWeekOf(d)),
        isoWeekOf(new Date(Date.UTC(2026, 0, 4, 23, 30))),
      ]);
    process.env.TZ = 'UTC';
    const reference = compute();
    for (const tz of ['Pacific/Chatham', 'America/Los_Angeles', 'Australia/Lord_Howe', 'Asia/Shanghai']) {
      process.env.TZ = tz;
      expect(compute(), tz).toBe(reference);
    }
  });
});
