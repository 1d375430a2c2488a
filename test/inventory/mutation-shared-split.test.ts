// SharedIssues.split (src/inventory/batch-shared.ts): a row's error split into the shared argument's
// problems (kept once, thrown by throwIfAny) and the row's own. Its only caller is
// buildDealerStatements (src/statements); the inventory tests, which the mutation run of
// src/inventory executes, never reached it. Hand-built errors, expected values written out.
import { describe, expect, it } from 'vitest';
import { DealerkitError, type DealerkitIssue } from 'dealerkit';
import { SharedIssues } from '../../src/inventory/batch-shared.js';
import { thrown } from '../helpers.js';

const policyIssue = { path: ['policy', 'orderQuantity'], message: 'is required for items without manual levels', code: 'required' as const };
const rowIssue = { path: ['stock', 'onHand'], message: 'must not be negative, received -1', code: 'out_of_range' as const };
const isPolicy = (i: DealerkitIssue): boolean => i.path[0] === 'policy';

describe('SharedIssues.split', () => {
  it('an error with no shared issue is returned as it is (the same object)', () => {
    const shared = new SharedIssues();
    const e = new DealerkitError('out_of_range', [rowIssue]);
    expect(shared.split(e, isPolicy)).toBe(e);
    expect(() => shared.throwIfAny()).not.toThrow();
  });
  it("a mixed error keeps the row's own issue under the error's code; the shared one is kept for throwIfAny", () => {
    const shared = new SharedIssues();
    const own = shared.split(new DealerkitError('invalid_input', [policyIssue, rowIssue]), isPolicy);
    expect(own).toBeInstanceOf(DealerkitError);
    expect([own!.code, own!.message]).toEqual(['invalid_input', '[dealerkit] stock.onHand: must not be negative, received -1']);
    const e = thrown(() => shared.throwIfAny());
    expect([e.code, e.message]).toEqual(['invalid_input', '[dealerkit] policy.orderQuantity: is required for items without manual levels']);
  });
  it('an error of shared issues only leaves the row nothing (null); the same issue from many rows is thrown once', () => {
    const shared = new SharedIssues();
    for (let row = 0; row < 3; row++) expect(shared.split(new DealerkitError('invalid_input', [policyIssue]), isPolicy)).toBeNull();
    expect(thrown(() => shared.throwIfAny()).issues.map((i) => i.path)).toEqual([['policy', 'orderQuantity']]);
  });
  it('throws with the code of the first shared problem found', () => {
    const shared = new SharedIssues();
    shared.split(new DealerkitError('infeasible', [{ path: ['policy', 'min'], message: 'is above max' }]), isPolicy);
    shared.split(new DealerkitError('invalid_input', [policyIssue]), isPolicy);
    const e = thrown(() => shared.throwIfAny());
    expect([e.code, e.issues.map((i) => i.path.join('.'))]).toEqual(['infeasible', ['policy.min', 'policy.orderQuantity']]);
  });
});
