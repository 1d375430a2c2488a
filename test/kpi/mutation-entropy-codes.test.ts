// calculateEntropyWeights' refusals with their error codes and issues, and a reflection bound equal
// to the column's maximum (allowed: bound − max = 0). Expected values by hand.
import { describe, expect, it } from 'vitest';
import { calculateEntropyWeights } from 'dealerkit';
import { thrown } from '../helpers.js';

const hi = { id: 'sales', direction: 'higher' } as const;

describe('refusals: error code and issues', () => {
  it.each([
    ['one row', { kpis: [hi] }, [{ sales: 1 }], 'out_of_range', [[['rows'], 'too_short']]],
    ['a KPI without an id', { kpis: [{ direction: 'higher' }] }, [{ sales: 1 }, { sales: 2 }], 'invalid_input', [[['spec', 'kpis', 0, 'id'], 'required']]],
    ['a KPI that is not an object', { kpis: [7] }, [{ sales: 1 }, { sales: 2 }], 'invalid_input', [[['spec', 'kpis', 0], 'invalid_type']]],
    ['a duplicate KPI', { kpis: [hi, hi] }, [{ sales: 1 }, { sales: 2 }], 'invalid_input', [[['spec', 'kpis', 1, 'id'], 'duplicate']]],
    ['a row that is not an object', { kpis: [hi, { id: 'share', direction: 'higher' }] }, [{ sales: 1, share: 1 }, 5], 'invalid_input', [[['rows', 1], 'invalid_type']]],
    ['a lower KPI without its transform', { kpis: [{ id: 'sales', direction: 'lower' }] }, [{ sales: 1 }, { sales: 2 }], 'invalid_input', [[['spec', 'kpis', 0, 'transform'], 'required']]],
    ['an unknown direction', { kpis: [{ id: 'sales', direction: 'up' }] }, [{ sales: 1 }, { sales: 2 }], 'invalid_input', [[['spec', 'kpis', 0, 'direction'], 'invalid_value']]],
    ['a reflection below the maximum', { kpis: [{ id: 'sales', direction: 'lower', transform: { reflect: 1 } }] }, [{ sales: 1 }, { sales: 2 }], 'out_of_range', [[['spec', 'kpis', 0, 'transform', 'reflect'], 'out_of_range']]],
    ['a negative value', { kpis: [hi] }, [{ sales: -1 }, { sales: 2 }], 'out_of_range', [[['rows', 0, 'sales'], 'out_of_range']]],
    ['a column of zeros', { kpis: [hi] }, [{ sales: 0 }, { sales: 0 }], 'infeasible', [[['rows'], 'infeasible']]],
  ])('%s', (_, spec, rows, code, issues) => {
    const e = thrown(() => calculateEntropyWeights(spec as never, rows as never));
    expect([e.code, e.issues.map((i) => [i.path, i.code])]).toEqual([code, issues]);
  });
});

describe('a reflection bound equal to the maximum', () => {
  it('2 − 1 = 1 and 2 − 2 = 0: one dealer has it all, entropy 0, weight 1', () => {
    // Reflected column (1, 0): shares 1 and 0; entropy −(1 · ln 1 + 0) / ln 2 = 0; divergence 1.
    const r = calculateEntropyWeights({ kpis: [{ id: 'days', direction: 'lower', transform: { reflect: 2 } }] }, [{ days: 1 }, { days: 2 }]);
    expect([r.weights.days, r.entropy.days, r.divergence.days]).toEqual([1, 0, 1]);
  });
});
