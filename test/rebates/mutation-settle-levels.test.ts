// calculatePartnerLevel and explainPartnerLevel (src/rebates/levels.ts): each comparison exactly at
// its threshold, the shortfall and sentence of every kind of criterion, the highest level reached
// when a lower one fails, rates and benefits in the sentences, the percent-like warning at its
// bounds, and every field of the refusals. Every figure is derived by hand in the test.
import { describe, expect, it } from 'vitest';
import { calculatePartnerLevel, explainPartnerLevel, type PartnerLevelResult } from 'dealerkit';
import { thrown } from './helpers.js';

const crit = (q: PartnerLevelResult) => q.levels.flatMap((l) => l.criteria.map((c) => [c.metric, c.op, c.value.toString(), c.required.toString(), c.passed, c.shortfall.toString()]));

describe('each comparison at, below and above its threshold', () => {
  const one = (op: '>=' | '>' | '<=' | '<', value: number) => calculatePartnerLevel([{ name: 'L', criteria: [{ metric: 'm', op, value: 10 }] }], { m: value });
  it('≥ 10: 10 passes, 9 is 1 short', () => {
    expect(crit(one('>=', 10))).toEqual([['m', '>=', '10', '10', true, '0']]);
    expect(crit(one('>=', 9))).toEqual([['m', '>=', '9', '10', false, '1']]);
  });
  it('> 10: 10 fails by 0 ("not met"), 11 passes, 7 is 3 short', () => {
    expect(crit(one('>', 10))).toEqual([['m', '>', '10', '10', false, '0']]);
    expect(crit(one('>', 11))).toEqual([['m', '>', '11', '10', true, '0']]);
    const q = one('>', 7);
    expect(crit(q)).toEqual([['m', '>', '7', '10', false, '3']]);
    expect(q.steps.map((s) => s.text)).toEqual(['L: m 7, needs > 10: 3 short', 'No level reached.', 'L needs m > 10 (now 7, 3 short).']);
    expect(one('>', 10).steps[0]!.text).toBe('L: m 10, needs > 10: not met');
  });
  it('≤ 10: 10 passes, 12 is 2 over', () => {
    expect(crit(one('<=', 10))).toEqual([['m', '<=', '10', '10', true, '0']]);
    expect(crit(one('<=', 12))).toEqual([['m', '<=', '12', '10', false, '2']]);
  });
  it('< 10: 10 fails by 0, 9 passes, 14 is 4 over', () => {
    expect(crit(one('<', 10))).toEqual([['m', '<', '10', '10', false, '0']]);
    expect(crit(one('<', 9))).toEqual([['m', '<', '9', '10', true, '0']]);
    const q = one('<', 14);
    expect(crit(q)).toEqual([['m', '<', '14', '10', false, '4']]);
    expect(q.steps.map((s) => s.text)).toEqual(['L: m 14, needs < 10: 4 over', 'No level reached.', 'L needs m < 10 (now 14, 4 over).']);
    // A strict miss by 0 names no gap.
    expect(explainPartnerLevel(one('<', 10))).toEqual(['No level reached.', 'L needs m < 10 (now 10).']);
  });
  it('a passed criterion reports 0 even when it is passed by a margin (≥ 10 with 25: not −15)', () => {
    expect(crit(one('>=', 25))).toEqual([['m', '>=', '25', '10', true, '0']]);
    expect(crit(one('<=', 4))).toEqual([['m', '<=', '4', '10', true, '0']]);
  });
});

describe('the level reached', () => {
  const ladder = [
    { name: 'Bronze', criteria: [{ metric: 'sales', value: 100 }] },
    { name: 'Silver', criteria: [{ metric: 'sales', value: 200 }, { metric: 'score', value: 50 }] },
    { name: 'Gold', criteria: [{ metric: 'sales', value: 300 }], rate: '0.035', benefits: { fund: 1500, training: 2 } },
  ];
  it('the highest level whose criteria hold, though a lower one fails: Gold over a failed Silver', () => {
    const q = calculatePartnerLevel(ladder, { sales: 300, score: 40 });
    expect(q.levels.map((l) => [l.index, l.name, l.qualified, l.failed.map((c) => c.metric)])).toEqual([
      [0, 'Bronze', true, []],
      [1, 'Silver', false, ['score']],
      [2, 'Gold', true, []],
    ]);
    expect(q.level).toMatchObject({ index: 2, name: 'Gold' });
    expect(q.level!.rate!.toString()).toBe('0.035');
    expect(q.level!.benefits.map((b) => [b.name, b.amount.toString()])).toEqual([
      ['fund', '1500'],
      ['training', '2'],
    ]);
    expect(q.next).toBeNull();
    expect(q.steps.map((s) => s.code)).toEqual(['level-criterion', 'level-criterion', 'level-criterion', 'level-criterion', 'level-reached']);
    expect(explainPartnerLevel(q)).toEqual(['Gold reached: sales 300 ≥ 300; rate 3.5 %; fund 1,500, training 2.']);
  });
  it('only the lowest level: Bronze, no rate nor benefits; Silver next with both its misses', () => {
    const q = calculatePartnerLevel(ladder, { sales: 100, score: 10 });
    expect(q.level).toEqual({ index: 0, name: 'Bronze', rate: null, benefits: [] });
    expect(q.next!.name).toBe('Silver');
    // Silver: 200 − 100 = 100 short of sales, 50 − 10 = 40 short of score.
    expect(q.next!.failed.map((c) => [c.metric, c.shortfall.toString()])).toEqual([
      ['sales', '100'],
      ['score', '40'],
    ]);
    const reached = q.steps.find((s) => s.code === 'level-reached')!;
    expect(reached.code === 'level-reached' && reached.criteria.map((c) => c.metric)).toEqual(['sales']);
    expect(explainPartnerLevel(q)).toEqual(['Bronze reached: sales 100 ≥ 100.', 'Silver needs sales ≥ 200 (now 100, 100 short) and score ≥ 50 (now 10, 40 short).']);
  });
  it('none reached: the reached step has no criteria', () => {
    const q = calculatePartnerLevel(ladder, { sales: 99, score: 99 });
    const reached = q.steps.find((s) => s.code === 'level-reached')!;
    expect(reached.code === 'level-reached' && [reached.level, reached.criteria]).toEqual([null, []]);
    expect(q.next!.index).toBe(0);
  });
  it('the criterion steps carry the level, and the next step what it misses', () => {
    const q = calculatePartnerLevel(ladder.slice(0, 2), { sales: 250, score: 49 });
    expect(q.steps.map((s) => [s.code, s.code === 'level-criterion' ? s.level : s.code === 'level-next' ? s.level : null])).toEqual([
      ['level-criterion', 'Bronze'],
      ['level-criterion', 'Silver'],
      ['level-criterion', 'Silver'],
      ['level-reached', null],
      ['level-next', 'Silver'],
    ]);
    const next = q.steps[4]!;
    expect(next.code === 'level-next' && next.missing.map((c) => [c.metric, c.shortfall.toString()])).toEqual([['score', '1']]);
    expect(next.text).toBe('Silver needs score ≥ 50 (now 49, 1 short).');
  });
});

describe('percent-like-metric', () => {
  const lv = (value: number | string) => [{ name: 'T', criteria: [{ metric: 'shareRatio', value }] }];
  it('the exact warning: a ratio criterion of 0.9 met by 95', () => {
    expect(calculatePartnerLevel(lv('0.9'), { shareRatio: 95 }).warnings).toEqual([
      {
        code: 'percent-like-metric',
        message: 'shareRatio is 95, above 1, though its name says it is a ratio and the gate compares it with 0.9: write 0.95 for 95 %',
        path: ['metrics', 'shareRatio'],
      },
    ]);
  });
  it('bounds: a threshold of exactly 1 still warns; a value of exactly 1 does not; a plain name never', () => {
    expect(calculatePartnerLevel(lv(1), { shareRatio: 2 }).warnings.map((w) => w.code)).toEqual(['percent-like-metric']);
    expect(calculatePartnerLevel(lv('0.5'), { shareRatio: 1 }).warnings).toEqual([]);
    expect(calculatePartnerLevel([{ name: 'T', criteria: [{ metric: 'visits', value: '0.5' }] }], { visits: 40 }).warnings).toEqual([]);
  });
  it('one warning per metric, the first criterion’s figures', () => {
    const q = calculatePartnerLevel([{ name: 'A', criteria: [{ metric: 'shareRatio', value: '0.2' }] }, { name: 'B', criteria: [{ metric: 'shareRatio', value: '0.4' }, { metric: 'fillRate', value: '0.9' }] }], {
      shareRatio: 30,
      fillRate: 97,
    });
    expect(q.warnings.map((w) => [w.path, w.message])).toEqual([
      [['metrics', 'shareRatio'], 'shareRatio is 30, above 1, though its name says it is a ratio and the gate compares it with 0.2: write 0.3 for 30 %'],
      [['metrics', 'fillRate'], 'fillRate is 97, above 1, though its name says it is a ratio and the gate compares it with 0.9: write 0.97 for 97 %'],
    ]);
  });
});

describe('refusals', () => {
  it('a name listed three times: each repeat names the first', () => {
    const l = { name: 'Gold', criteria: [{ metric: 's', value: 1 }] };
    expect(thrown(() => calculatePartnerLevel([l, l, l], { s: 1 })).issues).toEqual([
      { path: ['levels', 1, 'name'], code: 'duplicate', message: '"Gold" is listed twice (first at levels[0])', received: '"Gold"' },
      { path: ['levels', 2, 'name'], code: 'duplicate', message: '"Gold" is listed twice (first at levels[0])', received: '"Gold"' },
    ]);
  });
  it('a missing metric: its path, code and the criterion that needs it', () => {
    const e = thrown(() => calculatePartnerLevel([{ name: 'A', criteria: [{ metric: 's', value: 1 }] }, { name: 'B', criteria: [{ metric: 's', value: 2 }, { metric: 'x', value: 1 }] }], { s: 1 }));
    expect(e.code).toBe('invalid_input');
    expect(e.issues).toEqual([{ path: ['metrics', 'x'], code: 'required', message: 'is required by levels[1].criteria[1] (B)' }]);
  });
  it('a name listed twice alone: the error is invalid_input; explainPartnerLevel names result and options.locale', () => {
    const l = { name: 'Gold', criteria: [{ metric: 's', value: 1 }] };
    expect(thrown(() => calculatePartnerLevel([l, l], { s: 1 })).code).toBe('invalid_input');
    expect(thrown(() => explainPartnerLevel({} as never)).issues[0]!.path[0]).toBe('result');
    expect(thrown(() => explainPartnerLevel(calculatePartnerLevel([l], { s: 1 }), { locale: 42 as never })).issues[0]!.path).toEqual(['options', 'locale']);
  });
});
