import { describe, expect, it } from 'vitest';
import { cascadeTarget, cascadeTargets, defineGregorianCalendar, defineNrfCalendar, defineRetailCalendar, type TargetPeriod } from 'dealerkit/targets';
import { targets, times } from './helpers.js';

const y2026 = defineGregorianCalendar({ year: 2026 });
const flat = (list: TargetPeriod[]): TargetPeriod[] => list.flatMap((p) => p.children);

describe('cascadeTarget: the seeds\' 100,000,000, done exactly', () => {
  it('quarters of 25,000,000; nested months 8,333,334 in January, April, July and October', () => {
    // 25,000,000 / 3 = 8,333,333 remainder 1: the unit goes to each quarter's first month.
    const c = cascadeTarget({ calendar: y2026, levels: ['quarter', 'month'], spread: 'even' }, 100000000);
    expect(targets(c.periods)).toEqual(times(4, '25000000'));
    expect(targets(flat(c.periods))).toEqual([
      '8333334', '8333333', '8333333', '8333334', '8333333', '8333333',
      '8333334', '8333333', '8333333', '8333334', '8333333', '8333333',
    ]);
    expect(c.differences).toEqual([]);
    expect(c.levelSums.map((l) => [l.kind, l.count, l.sum.toString()])).toEqual([
      ['quarter', 4, '100000000'],
      ['month', 12, '100000000'],
    ]);
  });

  it('months directly from the year: 8,333,334 × 4 then 8,333,333 × 8; January–March make 25,000,002', () => {
    // 100,000,000 / 12 = 8,333,333 remainder 4: the four units go to the first four months.
    const c = cascadeTarget({ calendar: y2026, levels: ['quarter', 'month'], spread: 'even', path: 'direct' }, 100000000);
    expect(targets(flat(c.periods))).toEqual([...times(4, '8333334'), ...times(8, '8333333')]);
    expect(c.differences.map((d) => [d.period, d.target.toString(), d.childrenSum.toString(), d.difference.toString()])).toEqual([
      ['2026-Q1', '25000000', '25000002', '2'],
      ['2026-Q2', '25000000', '25000000', '0'],
      ['2026-Q3', '25000000', '24999999', '-1'],
      ['2026-Q4', '25000000', '24999999', '-1'],
    ]);
    expect(c.levelSums.map((l) => l.sum.toString())).toEqual(['100000000', '100000000']);
  });

  it("over the 52 ISO weeks of 2025 (weeks: 'thursday'): 1,923,077 × 48 then 1,923,076 × 4", () => {
    // 100,000,000 / 52 = 1,923,076 remainder 48.
    const c = cascadeTarget({ calendar: defineGregorianCalendar({ year: 2025 }), levels: ['week'], spread: 'even', weeks: 'thursday' }, 100000000);
    expect(c.periods).toHaveLength(52);
    expect(targets(c.periods)).toEqual([...times(48, '1923077'), ...times(4, '1923076')]);
    expect([c.periods[0]!.period, c.periods[51]!.period, c.start, c.end, c.days]).toEqual(['2025-W01', '2025-W52', '2024-12-30', '2025-12-28', 364]);
    expect(c.partialWeeks).toEqual([
      { period: '2025-W01', start: '2024-12-30', end: '2025-01-05', daysInYear: 5, daysOutsideYear: 2, treatment: 'whole' },
      { period: '2026-W01', start: '2025-12-29', end: '2026-01-04', daysInYear: 3, daysOutsideYear: 4, treatment: 'excluded' },
    ]);
  });

  it('the seeds\' weekly 2,083,333 assumes 48 weeks; over 2026\'s 53 ISO weeks a week is 1,886,792 or 1,886,793', () => {
    // 100,000,000 / 53 = 1,886,792 remainder 24.
    const c = cascadeTarget({ calendar: y2026, levels: ['week'], spread: 'even', weeks: 'thursday' }, 100000000);
    expect(targets(c.periods)).toEqual([...times(24, '1886793'), ...times(29, '1886792')]);
  });

  it('every figure traces to its weight: weight, weightTotal, roundedUp', () => {
    const c = cascadeTarget({ calendar: y2026, levels: ['month'], spread: 'days' }, 100000000);
    const jan = c.periods[0]!;
    // 100,000,000 × 31 / 365 = 8,493,150.68…: floor 8,493,150, plus a leftover unit.
    expect([jan.weight.toString(), jan.weightTotal.toString(), jan.basis, jan.roundedUp, jan.target.toString()]).toEqual(['31', '365', 'days', true, '8493151']);
    const feb = c.periods[1]!;
    // 100,000,000 × 28 / 365 = 7,671,232.87…
    expect([feb.weight.toString(), feb.roundedUp, feb.target.toString()]).toEqual(['28', true, '7671233']);
  });
});

describe('published distribution keys', () => {
  it("SAP's user-defined distribution key: 23,800 over 40, 40, 40, 60, 60, 80, 80, 80, 60, 60, 40, 40", () => {
    // SAP Help, "Distribution keys" (CO-OM planning): the key's factors sum to 680, so a factor of
    // 40 gets 23,800 × 40 / 680 = 1,400, of 60 gets 2,100 and of 80 gets 2,800.
    const c = cascadeTarget({ calendar: y2026, levels: ['month'], spread: { profile: [40, 40, 40, 60, 60, 80, 80, 80, 60, 60, 40, 40] } }, 23800);
    expect(targets(c.periods)).toEqual(['1400', '1400', '1400', '2100', '2100', '2800', '2800', '2800', '2100', '2100', '1400', '1400']);
    expect(c.periods.every((p) => p.basis === 'profile' && !p.roundedUp)).toBe(true);
  });

  it("Oracle's 4-4-5 pattern: a quarter of 13 (weeks) splits 4, 4, 5", () => {
    // Oracle General Ledger's 4-4-5 accounting calendar: 13 weeks a quarter, months of 4, 4 and 5 weeks.
    const cal = defineRetailCalendar({ fiscalYear: 2026, pattern: '4-4-5', yearEnd: { weekday: 'saturday', rule: 'last', month: 12 } });
    const c = cascadeTarget({ calendar: cal, levels: ['quarter', 'month'], spread: 'days' }, 52);
    expect(targets(c.periods)).toEqual(['13', '13', '13', '13']);
    expect(targets(c.periods[0]!.children)).toEqual(['4', '4', '5']);
    expect(c.periods[0]!.children.map((m) => m.period)).toEqual(['FY2026-P01', 'FY2026-P02', 'FY2026-P03']);
  });

  it('a profile keyed by period id is the same as the array', () => {
    const profile = Object.fromEntries(y2026.months.map((m, i) => [m.period, [40, 40, 40, 60, 60, 80, 80, 80, 60, 60, 40, 40][i]!]));
    const c = cascadeTarget({ calendar: y2026, levels: ['month'], spread: { profile } }, 23800);
    expect(targets(c.periods)).toEqual(['1400', '1400', '1400', '2100', '2100', '2800', '2800', '2800', '2100', '2100', '1400', '1400']);
  });
});

describe('spreads', () => {
  it("'days': 2026 quarters of 90, 91, 92, 92 days", () => {
    // 1,000 × 90/365 = 246.575…, × 91/365 = 249.315…, × 92/365 = 252.054… (twice): floors 246+249+252+252 = 999,
    // the leftover unit to the largest remainder (0.575, Q1).
    const c = cascadeTarget({ calendar: y2026, levels: ['quarter'], spread: 'days' }, 1000);
    expect(targets(c.periods)).toEqual(['247', '249', '252', '252']);
  });

  it("'workdays': weekends and holidays count nothing", () => {
    // January 2026: 22 weekdays, minus the New Year holiday = 21; February: 20 weekdays.
    const c = cascadeTarget({
      calendar: y2026,
      levels: ['month'],
      spread: 'workdays',
      workdays: { holidays: ['2026-01-01'] },
    }, 4100);
    expect(c.periods.slice(0, 2).map((m) => m.workdays)).toEqual([21, 20]);
    expect(c.workdays).toBe(260);
    // 4,100 × 21/260 = 331.15…, × 20/260 = 315.38…
    expect(c.periods[0]!.weight.toString()).toBe('21');
    expect(c.periods[0]!.weightTotal.toString()).toBe('260');
    expect(targets(c.periods).slice(0, 2)).toEqual(['331', '315']);
  });

  it("'workdays' honours a custom weekend and extra (make-up) working days", () => {
    const c = cascadeTarget({
      calendar: y2026,
      levels: ['month'],
      spread: 'workdays',
      workdays: { weekend: ['sunday'], extraWorkdays: ['2026-01-04'] },
    }, 100);
    // January 2026 has 4 Sundays (4, 11, 18, 25): 27 working days, plus Sunday the 4th worked = 28.
    expect(c.periods[0]!.workdays).toBe(28);
    expect(c.workdayRules).toEqual({ weekend: ['sunday'], holidays: [], extraWorkdays: ['2026-01-04'] });
  });

  it('a monthly profile weighs a quarter by the sum of its months, and weeks inside a month by days', () => {
    const profile = [66, 58, 79, 82, 88, 83, 80, 84, 88, 91, 98, 103];
    const cal = defineNrfCalendar(2026);
    const c = cascadeTarget({ calendar: cal, levels: ['quarter', 'month', 'week'], spread: { profile } }, 1000000);
    expect(c.periods.map((q) => q.weight.toString())).toEqual(['203', '253', '252', '292']);
    const p01 = c.periods[0]!.children[0]!;
    expect([p01.weight.toString(), p01.weightTotal.toString()]).toEqual(['66', '203']);
    expect(p01.children.map((w) => [w.basis, w.weight.toString()])).toEqual(times(4, ['days', '7']));
    expect(c.steps.find((s) => s.code === 'profile-by-days')).toEqual({
      code: 'profile-by-days',
      period: 'FY2026-P01',
      spread: 'profile',
      within: 'FY2026-P01',
      text: 'FY2026-P01: inside profile period FY2026-P01, spread by days (the profile is even within it).',
    });
    expect(c.warnings).toEqual([]);
  });

  it('a monthly profile over weeks directly (cutting across months) weighs each week by its days in each month', () => {
    const profile = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    const c = cascadeTarget({ calendar: y2026, levels: ['week'], weeks: 'split', spread: { profile } }, 1000000);
    // 2026-W05 (26 January – 1 February): 6 days of January (weight 1 over 31 days) and 1 day of
    // February (weight 2 over 28 days); in units of 1/L with L = lcm(31, 28, 30) = 13020:
    // 1 × 6 × 420 + 2 × 1 × 465 = 2520 + 930 = 3450.
    const w05 = c.periods.find((p) => p.period === '2026-W05')!;
    expect(w05.weight.toString()).toBe('3450');
    expect(c.steps[3]).toEqual({
      code: 'profile-overlap',
      period: '2026',
      spread: 'profile',
      multiple: 13020,
      text: "2026: the periods cut across profile periods, so each weight is Σ profile weight × overlapping days × 13020 / the profile period's days.",
    });
    expect(c.levelSums[0]!.sum.toString()).toBe('1000000');
  });

  it('a reference that sums to zero inside a parent falls back to the named spread', () => {
    const reference = [0, 0, 0, 10, 20, 30, 10, 10, 10, 10, 10, 10];
    const c = cascadeTarget({
      calendar: y2026,
      levels: ['quarter', 'month'],
      spread: [{ reference: [1, 1, 1, 1] }, { reference, fallback: 'even' }],
    }, 900);
    expect(targets(c.periods[0]!.children)).toEqual(['75', '75', '75']);
    expect(c.periods[0]!.children[0]!.basis).toBe('even');
    expect(targets(c.periods[1]!.children)).toEqual(['38', '75', '112']);
    expect(c.steps.filter((s) => s.code === 'fallback')).toEqual([
      { code: 'fallback', period: '2026-Q1', from: 'reference', to: 'even', text: '2026-Q1: the reference weights sum to zero here, so the split fell back to even.' },
    ]);
    expect(c.warnings).toEqual([
      { code: 'spread-fallback', message: 'the reference weights sum to zero under 2026-Q1; its split fell back to even', path: ['spread', 1] },
    ]);
  });

  it('a reference of all zeros falls back to days by default', () => {
    const c = cascadeTarget({ calendar: y2026, levels: ['month'], spread: { reference: times(12, 0) } }, 365);
    expect(targets(c.periods)).toEqual(['31', '28', '31', '30', '31', '30', '31', '31', '30', '31', '30', '31']);
    expect(c.periods[0]!.basis).toBe('days');
  });

  it("'workdays' where a split has no working day falls back to days", () => {
    // Week 2026-W01 under split: its January part is Thursday 1 to Sunday 4; with 1 and 2 as holidays
    // the part has no working day, but it is a single child of nothing: use the week level directly.
    const c = cascadeTarget({
      calendar: defineNrfCalendar(2026),
      levels: ['week'],
      spread: 'workdays',
      workdays: { weekend: ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] },
    }, 700);
    expect(c.periods.every((w) => w.basis === 'days')).toBe(true);
    expect(c.steps.filter((s) => s.code === 'fallback').map((s) => s.text)).toEqual(['FY2026: the workdays weights sum to zero here, so the split fell back to days.']);
    expect(c.warnings.map((w) => [w.code, w.path])).toEqual([['spread-fallback', ['spread']]]);
  });

  it('decimals: cents at scale 2', () => {
    const c = cascadeTarget({ calendar: y2026, levels: ['quarter'], spread: 'even', rounding: { scale: 2 } }, '1000.00');
    expect(targets(c.periods)).toEqual(['250', '250', '250', '250']);
    const d = cascadeTarget({ calendar: y2026, levels: ['quarter'], spread: 'even', rounding: { scale: 2 } }, '100.01');
    expect(targets(d.periods)).toEqual(['25.01', '25', '25', '25']);
    expect(JSON.parse(JSON.stringify(d)).periods[0].target).toBe('25.01');
  });

  it('a total of zero gives zeros everywhere; a huge total stays exact', () => {
    const z = cascadeTarget({ calendar: y2026, levels: ['month'], spread: 'days' }, 0);
    expect(targets(z.periods)).toEqual(times(12, '0'));
    const big = cascadeTarget({ calendar: y2026, levels: ['quarter', 'month'], spread: 'days', rounding: { scale: 2 } }, '1000000000000000000000');
    expect(big.levelSums.map((l) => l.sum.toString())).toEqual(['1000000000000000000000', '1000000000000000000000']);
    // 10^23 cents × 31 / 365 = 8,493,150,684,931,506,849,315.06…: floor, no leftover.
    expect(big.periods[0]!.children[0]!.target.toString()).toBe('84931506849315068493.15');
  });
});

describe('weeks on a Gregorian calendar', () => {
  it("'split' cuts a week at a month end: 2026-W05 has 6 days in January and 1 in February", () => {
    const c = cascadeTarget({ calendar: y2026, levels: ['month', 'week'], weeks: 'split', spread: 'days' }, 100000000);
    const jan = c.periods[0]!;
    expect(jan.children.map((w) => `${w.period} ${w.start}..${w.end} ${w.days}`)).toEqual([
      '2026-W01 2026-01-01..2026-01-04 4',
      '2026-W02 2026-01-05..2026-01-11 7',
      '2026-W03 2026-01-12..2026-01-18 7',
      '2026-W04 2026-01-19..2026-01-25 7',
      '2026-W05@2026-01 2026-01-26..2026-01-31 6',
    ]);
    expect(c.periods[1]!.children[0]!.period).toBe('2026-W05@2026-02');
    expect(jan.children[4]!.week).toEqual({ period: '2026-W05', isoYear: 2026, isoWeek: 5, start: '2026-01-26', end: '2026-02-01', portion: true });
    expect(jan.children[1]!.week!.portion).toBe(false);
    // January: 8,493,151 (see above) over 31 days: 4/31 → 1,095,890.45…, 7/31 → 1,917,808.29… (×3),
    // 6/31 → 1,643,835.68…; the floors sum to 8,493,149, so the two leftover units go to the largest
    // remainders, .68 (W05) and .45 (W01).
    expect(targets(jan.children)).toEqual(['1095891', '1917808', '1917808', '1917808', '1643836']);
    expect(c.partialWeeks.map((w) => [w.period, w.daysInYear, w.treatment])).toEqual([
      ['2026-W01', 4, 'clipped'],
      ['2026-W53', 4, 'clipped'],
    ]);
    for (const m of c.periods) expect(m.children.reduce((a, w) => a.plus(w.target), m.target.minus(m.target)).equals(m.target)).toBe(true);
  });

  it("'thursday' keeps weeks whole: January 2026 is the five weeks 2025-12-29 to 2026-02-01", () => {
    const c = cascadeTarget({ calendar: y2026, levels: ['quarter', 'month', 'week'], weeks: 'thursday', spread: 'days' }, 5200);
    const jan = c.periods[0]!.children[0]!;
    expect([jan.period, jan.start, jan.end, jan.days, jan.children.length]).toEqual(['2026-01', '2025-12-29', '2026-02-01', 35, 5]);
    expect(c.periods[0]!.children.map((m) => m.children.length)).toEqual([5, 4, 4]);
    expect([c.start, c.end, c.days]).toEqual(['2025-12-29', '2027-01-03', 371]);
    expect(c.partialWeeks.map((w) => [w.period, w.treatment])).toEqual([
      ['2026-W01', 'whole'],
      ['2026-W53', 'whole'],
    ]);
  });

  it("'split' on a fiscal year from April", () => {
    const c = cascadeTarget({ calendar: defineGregorianCalendar({ start: '2025-04-01' }), levels: ['quarter', 'week'], weeks: 'split', spread: 'even' }, 1000);
    expect(c.periods[0]!.children[0]!.period).toBe('2025-W14');
    expect(c.periods[0]!.children[0]!.start).toBe('2025-04-01');
    expect(c.levelSums[1]!.sum.toString()).toBe('1000');
  });
});

describe('cascadeTarget: result shape', () => {
  it('serialises to plain data', () => {
    const c = cascadeTarget({ calendar: { system: 'gregorian', year: 2026 }, levels: ['quarter'], spread: 'even' }, 12);
    expect(JSON.parse(JSON.stringify(c))).toEqual({
      period: '2026',
      total: '12',
      rounding: { scale: 0, mode: 'half-up' },
      system: 'gregorian',
      start: '2026-01-01',
      end: '2026-12-31',
      days: 365,
      workdays: 261,
      levels: ['quarter'],
      spreads: ['even'],
      path: 'nested',
      weeks: null,
      periods: [
        { period: '2026-Q1', kind: 'quarter', start: '2026-01-01', end: '2026-03-31', days: 90, workdays: 64, weight: '1', weightTotal: '4', basis: 'even', roundedUp: false, target: '3', children: [] },
        { period: '2026-Q2', kind: 'quarter', start: '2026-04-01', end: '2026-06-30', days: 91, workdays: 65, weight: '1', weightTotal: '4', basis: 'even', roundedUp: false, target: '3', children: [] },
        { period: '2026-Q3', kind: 'quarter', start: '2026-07-01', end: '2026-09-30', days: 92, workdays: 66, weight: '1', weightTotal: '4', basis: 'even', roundedUp: false, target: '3', children: [] },
        { period: '2026-Q4', kind: 'quarter', start: '2026-10-01', end: '2026-12-31', days: 92, workdays: 66, weight: '1', weightTotal: '4', basis: 'even', roundedUp: false, target: '3', children: [] },
      ],
      levelSums: [{ kind: 'quarter', count: 4, sum: '12' }],
      differences: [],
      partialWeeks: [],
      workdayRules: { weekend: ['saturday', 'sunday'], holidays: [], extraWorkdays: [] },
      steps: [
        {
          code: 'cascade',
          period: '2026',
          total: '12',
          system: 'gregorian',
          start: '2026-01-01',
          end: '2026-12-31',
          days: 365,
          levels: ['quarter'],
          path: 'nested',
          text: '2026 (Gregorian, 2026-01-01 to 2026-12-31, 365 days): 12 cascaded to quarters, each level split exactly inside its parent by largest remainder.',
        },
        // 12 / 4 = 3: no leftover unit.
        { code: 'split', period: '2026', kind: 'quarter', amount: '12', count: 4, basis: 'even', weightTotal: '4', each: '3', leftover: 0, roundedUp: [], text: '2026: 12 over 4 quarters, evenly: 3 each.' },
      ],
      warnings: [],
    });
  });

  it('calendars given as data: NRF and retail specs', () => {
    const a = cascadeTarget({ calendar: { system: 'nrf', fiscalYear: 2017 }, levels: ['month'], spread: 'even' }, 12);
    expect([a.period, a.start, a.end, a.system]).toEqual(['FY2017', '2017-01-29', '2018-02-03', 'retail']);
    const b = cascadeTarget({
      calendar: { system: 'retail', fiscalYear: 2026, pattern: '5-4-4', yearEnd: { weekday: 'saturday', rule: 'last', month: 12 } },
      levels: ['month'],
      spread: 'days',
    }, 12);
    expect(b.periods[0]!.days).toBe(35);
  });

  it('does not modify its input', () => {
    const spec = { calendar: y2026, levels: ['month', 'week'] as const, weeks: 'split' as const, spread: [{ profile: times(12, 1) }, 'even'] as const, rounding: { scale: 0 } };
    const copy = JSON.stringify(spec);
    cascadeTarget(spec, 100);
    expect(JSON.stringify(spec)).toBe(copy);
  });
});

describe('cascadeTargets (batch)', () => {
  it('one cascade per row on one spec, each row with its id', () => {
    const out = cascadeTargets({ calendar: defineNrfCalendar(2026), levels: ['month'], spread: 'even' }, [{ id: 'D01', total: 1200 }, { id: 'D02', total: 13 }, { total: '0' }]);
    // 1,200 / 12 = 100; 13 / 12 = 1 remainder 1 (the unit to P01); 0.
    expect(out.rows.map((r) => [r.id, targets(r.result!.periods).slice(0, 2)])).toEqual([
      ['D01', ['100', '100']],
      ['D02', ['2', '1']],
      [null, ['0', '0']],
    ]);
    expect([out.totals.total.toString(), out.totals.count, out.failed]).toEqual(['1213', 3, 0]);
  });
});

describe('cascadeTarget: steps and warnings', () => {
  it("SAP's distribution key as a profile: one weighted split, no leftover (every share is whole)", () => {
    const c = cascadeTarget({ calendar: y2026, levels: ['month'], spread: { profile: [40, 40, 40, 60, 60, 80, 80, 80, 60, 60, 40, 40] } }, 23800);
    expect(c.steps[1]).toMatchObject({
      code: 'split',
      basis: 'profile',
      each: null,
      leftover: 0,
      roundedUp: [],
      text: '2026: 23,800 over 12 months by profile weight (680 in all): each gets 23,800 × its profile weight / 680, rounded down to whole units.',
    });
    // 40 × 6 + 60 × 4 + 80 × 3 = 680.
    expect(String((c.steps[1] as { weightTotal: unknown }).weightTotal)).toBe('680');
    expect(c.warnings).toEqual([]);
  });

  it("each split step lists exactly the periods marked roundedUp, in calendar order", () => {
    const c = cascadeTarget({ calendar: y2026, levels: ['quarter', 'month'], spread: ['days', 'workdays'] }, 1000);
    const splits = c.steps.filter((s) => s.code === 'split');
    // One split for the year and one per quarter.
    expect(splits.map((s) => s.period)).toEqual(['2026', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    const byParent = new Map<string, string[]>([['2026', c.periods.filter((p) => p.roundedUp).map((p) => p.period)]]);
    for (const q of c.periods) byParent.set(q.period, q.children.filter((m) => m.roundedUp).map((m) => m.period));
    for (const s of splits) expect(s.roundedUp).toEqual(byParent.get(s.period));
    expect(splits[1]!.text).toMatch(/^2026-Q1: 247 over 3 months by working days \(64 in all\): each gets 247 × its working days \/ 64/);
    // 1,000 × 90/365 = 246.58, 91/365 = 249.32, 92/365 = 252.05 (twice): the unit to Q1 (.58).
    expect(splits[0]!.text).toBe(
      '2026: 1,000 over 4 quarters by days (365 in all): each gets 1,000 × its days / 365, rounded down to whole units; the leftover 1 goes to 2026-Q1.',
    );
  });

  it('a reference spread reads as last year\'s actuals', () => {
    const c = cascadeTarget({ calendar: y2026, levels: ['quarter'], spread: { reference: [10, 20, 30, 40] } }, 1000);
    expect(c.steps[1]!.text).toBe("2026: 1,000 over 4 quarters by last year's actuals (100 in all): each gets 1,000 × its reference amount / 100, rounded down to whole units.");
  });
});
