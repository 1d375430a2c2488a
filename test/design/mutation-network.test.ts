// The network's rows: what is not an object is refused by its type (not as a missing id), a network
// whose every dealer is refused under 'collect' is computed over no dealer (not called empty), and a
// dealer without a segment takes the scenario's growth.
import { describe, expect, it } from 'vitest';
import { simulateRebateProgram, type RebateDeterministicOutcome } from 'dealerkit/design';
import { thrown } from '../helpers.js';
import { handNetwork, handProgram } from './helpers.js';

describe('network rows', () => {
  it('null, a number and a list are refused at the row for their type, not as a dealer without an id', () => {
    for (const row of [null, 5, []]) {
      const issue = thrown(() => simulateRebateProgram(handProgram, [row] as never, [{ name: 'flat' }])).issues[0]!;
      expect([issue.path, issue.code]).toEqual([['network', 0], 'invalid_type']);
    }
  });

  it("every dealer refused under 'collect': no dealer computed, 1 of 1 refused, nothing paid", () => {
    const sim = simulateRebateProgram(handProgram, [{ id: 'D', sales: 1 }], [{ name: 'flat' }], { onError: 'collect' });
    expect([sim.dealers, sim.failed, sim.warnings.map((w) => w.message)]).toEqual([0, 1, ['1 of 1 dealers was refused; the figures are over the 0 dealers computed']]);
    const o = sim.scenarios[0] as RebateDeterministicOutcome;
    expect([o.rebate.toString(), o.netSales.toString(), o.dealers]).toEqual(['0', '0', []]);
  });

  it('a dealer without a segment takes the scenario\'s growth while segments grow their own', () => {
    // +10 % for the scenario, east +20 %. N (no segment): 90,000 × 1.1 = 99,000 (99 %), Silver 2 % = 1,980.
    const N = { id: 'N', sales: 90000, target: 100000, metrics: { onTimePaymentRatio: '0.95' } };
    const o = simulateRebateProgram(handProgram, [handNetwork[0]!, N], [{ name: 'g', growth: '0.1', segments: { east: '0.2' } }]).scenarios[0] as RebateDeterministicOutcome;
    expect(o.dealers.map((d) => [d.id, d.segment, d.growth.toString(), d.result.rebate.toString()])).toEqual([
      // A (east): 95,000 × 1.2 = 114,000 (114 %): Gold 3 % = 3,420 + award 1 % × 14,000 = 140 → 3,560.
      ['A', 'east', '0.2', '3560'],
      ['N', null, '0.1', '1980'],
    ]);
  });
});
