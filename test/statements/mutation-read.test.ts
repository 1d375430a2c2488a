// What explainDealerStatement reads of a statement (src/statements/explain.ts readStatement and
// nested): the seeds' statement, read back from JSON with one field of the wrong type, is refused
// at that field's path under `statement` with invalid_type; a live statement whose engine result
// is corrupted is refused by that engine's explainer, at the result's path under the statement.
// Each expected path is the field the case corrupts.
import { describe, expect, it } from 'vitest';
import { buildDealerStatement, explainDealerStatement, type DealerStatement } from 'dealerkit/statements';
import { thrown } from '../helpers.js';
import { seedsConfig, seedsDealer } from './seeds.js';

const s = buildDealerStatement(seedsConfig, seedsDealer());
type Key = string | number;

/** The statement as JSON with the value at `path` replaced. */
function corrupted(path: Key[], value: unknown): unknown {
  const j = JSON.parse(JSON.stringify(s)) as Record<Key, unknown>;
  let node = j;
  for (const k of path.slice(0, -1)) node = node[k] as Record<Key, unknown>;
  node[path[path.length - 1]!] = value;
  return j;
}

function refusal(statement: unknown): [Key[], string] {
  const e = thrown(() => explainDealerStatement(statement as DealerStatement));
  expect(e.code).not.toBe('internal');
  return [e.issues[0]!.path, e.issues[0]!.code];
}

describe('a statement read back from JSON: each field it reads, of the wrong type, is refused there', () => {
  const cases: [Key[], unknown][] = [
    [['id'], true],
    [['name'], 5],
    [['brand'], 5],
    [['currency'], 5],
    [['period'], 5],
    [['start'], 5],
    [['end'], 5],
    [['asOf'], 5],
    [['target'], 5],
    [['target', 'target'], true],
    [['target', 'actualToDate'], true],
    [['target', 'attainment'], true],
    [['target', 'scale'], 2.5],
    [['target', 'tracking'], 5],
    [['target', 'tracking', 'steps'], 5],
    [['target', 'tracking', 'steps', 0], 5],
    [['scorecard'], 5],
    [['scorecard', 'stage'], 5],
    [['scorecard', 'score'], true],
    [['scorecard', 'rank'], 'second'],
    [['scorecard', 'peers'], 'three'],
    [['scorecard', 'percentileRank'], true],
    [['scorecard', 'result'], 5],
    [['scorecard', 'result', 'steps'], 5],
    // Step 0 is stage-weights (any other code: its text), step 1 a KPI line (its kpi and label).
    [['scorecard', 'result', 'steps', 0, 'text'], 5],
    [['scorecard', 'result', 'steps', 0, 'code'], 7],
    [['scorecard', 'result', 'steps', 1, 'kpi'], 5],
    [['scorecard', 'result', 'steps', 1, 'label'], 5],
    [['scorecard', 'standing'], 5],
    [['scorecard', 'standing', 'steps', 0, 'text'], 5],
    [['rebate'], 5],
    [['rebate', 'rebate'], true],
    [['rebate', 'calculation'], 5],
    [['rebate', 'calculation', 'steps', 0, 'code'], 5],
    [['rebate', 'calculation', 'steps', 0, 'text'], 5],
    [['rebate', 'settlement'], 5],
    [['rebate', 'settlement', 'steps', 0, 'text'], 5],
    [['points'], 5],
    [['points', 'balance'], true],
    [['points', 'ledger'], 5],
    [['points', 'ledger', 'steps', 0, 'code'], 5],
    [['points', 'ledger', 'steps', 0, 'date'], 5],
    [['points', 'ledger', 'steps', 0, 'text'], 5],
    [['stock'], 5],
    [['stock', 'inventoryValue'], true],
    [['stock', 'belowReorderPoint'], 5],
    [['stock', 'belowReorderPoint', 0, 'id'], true],
    [['stock', 'belowReorderPoint', 0, 'name'], 5],
    [['stock', 'belowReorderPoint', 0, 'status'], 5],
    [['stock', 'belowReorderPoint', 0, 'position'], 'eighty'],
    [['stock', 'aboveMax', 0, 'excess'], 'many'],
    [['stock', 'plans'], 5],
    [['stock', 'plans', 0, 'id'], true],
    [['stock', 'plans', 0, 'steps', 0, 'code'], 5],
    [['stock', 'plans', 0, 'steps', 0, 'text'], 5],
    [['stock', 'health'], 5],
    [['stock', 'health', 'steps', 0, 'text'], 5],
    [['figures', 0, 'key'], 5],
    [['figures', 0, 'section'], 5],
    [['figures', 0, 'label'], 5],
    [['figures', 0, 'value'], true],
    [['figures', 0, 'unit'], 5],
    [['figures', 0, 'scale'], 2.5],
    [['warnings', 0, 'code'], 5],
    [['warnings', 0, 'message'], 5],
  ];
  it.each(cases)('%j', (path, value) => {
    expect(refusal(corrupted(path, value))).toEqual([['statement', ...path], 'invalid_type']);
  });

  // A section whose own figure is a plain number (not a Decimal once read back) is told from its
  // results' step texts, so what the statement reads of those results is checked by the statement
  // alone: the engines' explainers do not run.
  const told: [Key[], unknown, Key[]][] = [
    [['target', 'tracking', 'steps', 0], 5, ['target', 'target']],
    [['target', 'tracking', 'steps'], 5, ['target', 'target']],
    [['scorecard', 'result', 'steps', 0, 'text'], 5, ['scorecard', 'score']],
    [['scorecard', 'result', 'steps', 1, 'kpi'], 5, ['scorecard', 'score']],
    [['scorecard', 'result', 'steps', 1, 'label'], 5, ['scorecard', 'score']],
    [['scorecard', 'result', 'steps'], 5, ['scorecard', 'score']],
    [['scorecard', 'standing', 'steps', 0, 'text'], 5, ['scorecard', 'score']],
    [['scorecard', 'standing', 'steps', 0], 5, ['scorecard', 'score']],
    [['rebate', 'calculation', 'steps', 0, 'code'], 5, ['rebate', 'rebate']],
    [['rebate', 'calculation', 'steps', 0, 'text'], 5, ['rebate', 'rebate']],
    [['rebate', 'calculation', 'steps', 0], 5, ['rebate', 'rebate']],
    [['rebate', 'settlement', 'steps', 0, 'text'], 5, ['rebate', 'rebate']],
    [['rebate', 'settlement', 'steps', 0], 5, ['rebate', 'rebate']],
    [['points', 'ledger', 'steps', 0, 'code'], 5, ['points', 'balance']],
    [['points', 'ledger', 'steps', 0, 'date'], 5, ['points', 'balance']],
    [['points', 'ledger', 'steps', 0, 'text'], 5, ['points', 'balance']],
    [['points', 'ledger', 'steps', 0], 5, ['points', 'balance']],
    [['stock', 'plans', 0, 'steps', 0, 'code'], 5, ['stock', 'inventoryValue']],
    [['stock', 'plans', 0, 'steps', 0, 'text'], 5, ['stock', 'inventoryValue']],
    [['stock', 'plans', 0, 'steps', 0], 5, ['stock', 'inventoryValue']],
    [['stock', 'plans', 0, 'id'], true, ['stock', 'inventoryValue']],
    [['stock', 'health', 'steps', 0, 'text'], 5, ['stock', 'inventoryValue']],
    [['stock', 'health', 'steps', 0], 5, ['stock', 'inventoryValue']],
    [['stock', 'belowReorderPoint', 0, 'reorderPoint'], 'many', ['stock', 'inventoryValue']],
    [['stock', 'belowReorderPoint', 0, 'max'], 'many', ['stock', 'inventoryValue']],
    [['stock', 'belowReorderPoint', 0, 'suggestedOrder'], 'many', ['stock', 'inventoryValue']],
  ];
  it.each(told)('told from texts: %j', (path, value, figure) => {
    const j = corrupted(path, value) as Record<Key, unknown>;
    // The section's figure as a plain number (12.5): no Decimal once read back.
    (j[figure[0]!] as Record<Key, unknown>)[figure[1]!] = 12.5;
    expect(refusal(j)).toEqual([['statement', ...path], 'invalid_type']);
  });

  it('what is no object at all is no statement (its own message)', () => {
    for (const v of [42, null, [], 'statement']) {
      const e = thrown(() => explainDealerStatement(v as never));
      expect(e.issues).toEqual([{ path: ['statement'], code: 'invalid_type', message: 'must be a result of buildDealerStatement' }]);
    }
  });

  it('a hole in one of its lists is refused at the hole while read back', () => {
    const j = corrupted(['figures', 1], null) as { figures: unknown[] };
    delete j.figures[1];
    expect(refusal(j)).toEqual([['statement', 'figures', 1], 'required']);
  });

  it('a flagged SKU whose plan has no status step is told by its status word (a stock told from its step texts)', () => {
    // A plain number for the inventory value: no Decimal once read back, so the section is told
    // from the step texts; without a status step a flagged SKU gets its status word.
    const j = JSON.parse(JSON.stringify(s)) as { stock: { inventoryValue: unknown; plans: { id: string; steps: { code: string }[] }[] } };
    j.stock.inventoryValue = 40500;
    for (const p of j.stock.plans) p.steps = p.steps.filter((x) => x.code !== 'status');
    const e = explainDealerStatement(j as never);
    expect(e.filter((x) => x.startsWith('SKU-'))).toEqual(['SKU-A: reorder', 'SKU-B: overstock']);
  });
});

describe('a live statement: an engine result inside it that is corrupted is refused by its explainer, under the statement', () => {
  const live = s as unknown as Record<string, Record<string, unknown>>;
  /** A copy of `o` with `path` set to `value`, copying each object on the way (the statement is not changed). */
  function setIn(o: unknown, path: Key[], value: unknown): unknown {
    if (path.length === 0) return value;
    const [head, ...rest] = path;
    const copy = (Array.isArray(o) ? [...o] : { ...(o as object) }) as Record<Key, unknown>;
    copy[head!] = setIn(copy[head!], rest, value);
    return copy;
  }
  it.each<[Key[]]>([
    [['target', 'tracking', 'steps', 0, 'expectedToDate']],
    [['scorecard', 'result', 'steps', 1, 'actual']],
    [['scorecard', 'standing', 'steps', 0, 'score']],
    [['rebate', 'settlement', 'steps', 0, 'payment']],
    [['rebate', 'calculation', 'steps', 1, 'amount']],
    [['points', 'ledger', 'balance']],
    [['stock', 'health', 'steps', 0, 'inventoryValue']],
    [['stock', 'plans', 0, 'steps', 0, 'mean']],
  ])('%j', (path) => {
    expect(refusal(setIn(live, path, NaN))).toEqual([['statement', ...path], 'not_a_number']);
  });

  it('the rebate section tells each sentence once (the calculation adds only what the settlement did not say)', () => {
    const e = explainDealerStatement(s);
    expect(new Set(e).size).toBe(e.length);
    expect(e.filter((x) => x.startsWith('2025-Q4 closes the year'))).toHaveLength(1);
  });
});

describe('the rebate figures’ units', () => {
  it('amounts of money are money; the multiplier a factor; the tier a text', () => {
    const units = Object.fromEntries(s.figures.filter((f) => f.section === 'rebate').map((f) => [f.key, f.unit]));
    expect([units['rebate.tier'], units['rebate.netAmount'], units['rebate.multiplier'], units['rebate.rebate'], units['rebate.paidBefore'], units['rebate.payment']]).toEqual([
      'text',
      'money',
      'factor',
      'money',
      'money',
      'money',
    ]);
  });
});
