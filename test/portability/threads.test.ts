// docs/index.md, "JSON in, JSON out": a live result cannot cross a thread boundary (structured clone
// refuses decimal.js objects, whose own `constructor` is a function), and its JSON text can, and is
// accepted back. Proved with Node's own structured clone and a real MessageChannel of worker_threads.
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import {
  calculateRebate,
  cascadeTarget,
  defineGregorianCalendar,
  explainCascade,
  explainRebate,
  explainSettlement,
  settleRebate,
} from 'dealerkit';
import { sapProgram } from '../rebates/helpers.js';

const program = sapProgram();

// SAP's partial and final settlement (test/rebates/helpers.ts): 2 % × 7,000 = 140 advanced, then 4 % × 27,000 = 1,080, less 140 → 940.
const rebate = calculateRebate(program, { sales: 7000 });
const settlement = settleRebate(program, { periods: [{ period: 'P1', sales: 7000 }, { period: 'P2', sales: 20000 }] });
const cascade = cascadeTarget({ calendar: defineGregorianCalendar({ year: 2026 }), levels: ['quarter'], spread: 'even' }, 100000000);

describe('results between threads', () => {
  it('structuredClone refuses a live result with a DataCloneError', () => {
    for (const r of [rebate, settlement, cascade]) {
      let name = '';
      try {
        structuredClone(r);
      } catch (e) {
        name = (e as Error).name;
      }
      expect(name).toBe('DataCloneError');
    }
  });
  it('a MessageChannel carries the JSON text, and the other side explains it as the sender would', () => {
    const { port1, port2 } = new MessageChannel();
    expect(() => port1.postMessage(rebate)).toThrow(/could not be cloned/);
    port1.postMessage(JSON.stringify({ rebate, settlement, cascade }));
    const received = JSON.parse(receiveMessageOnPort(port2)!.message as string) as { rebate: never; settlement: never; cascade: never };
    port1.close();
    expect(explainRebate(received.rebate)).toEqual(explainRebate(rebate));
    expect(explainRebate(received.rebate)[0]).toBe('Tier 2 reached at net sales of 7,000.00: 2 % × 7,000.00 = 140.00.');
    expect(explainSettlement(received.settlement)).toEqual(explainSettlement(settlement));
    expect(explainSettlement(received.settlement)[1]).toBe('P2 closes the year: Tier 3 reached at net sales of 27,000.00: 4 % × 27,000.00 = 1,080.00; less 140.00 paid → pays 940.00.');
    expect(explainCascade(received.cascade)).toEqual(explainCascade(cascade));
  });
});

describe('results parsed in another realm (a vm context, as an iframe or a sandbox would)', () => {
  it("JSON parsed by another realm's JSON.parse explains as the result itself does", async () => {
    const { createContext, runInContext } = await import('node:vm');
    const context = createContext({ text: JSON.stringify({ rebate, settlement, cascade }) });
    const foreign = runInContext('JSON.parse(text)', context) as { rebate: never; settlement: never; cascade: never };
    // Its objects are not ours: another Object.prototype.
    expect(Object.getPrototypeOf(foreign) === Object.prototype).toBe(false);
    expect(explainRebate(foreign.rebate)[0]).toBe('Tier 2 reached at net sales of 7,000.00: 2 % × 7,000.00 = 140.00.');
    expect(explainSettlement(foreign.settlement)).toEqual(explainSettlement(settlement));
    expect(explainCascade(foreign.cascade)).toEqual(explainCascade(cascade));
  });
});
