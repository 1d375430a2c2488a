// Shared test helpers: catch the DealerkitError a call throws, so a test can assert its code and message.
import { expect } from 'vitest';
import { DealerkitError } from 'dealerkit';

/** Runs fn and returns the DealerkitError it throws; fails the test when it throws anything else or nothing. */
export function thrown(fn: () => unknown): DealerkitError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DealerkitError);
    return e as DealerkitError;
  }
  throw new Error('expected a DealerkitError, nothing was thrown');
}

/** The code and message of the DealerkitError fn throws, as plain data (for `toEqual`). */
export function failure(fn: () => unknown): { code: string; message: string } {
  const e = thrown(fn);
  return { code: e.code, message: e.message };
}
