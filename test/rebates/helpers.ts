import { DealerkitError } from 'dealerkit';

/** Runs fn and returns the DealerkitError it throws (fails the test otherwise). */
export function thrown(fn: () => unknown): DealerkitError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DealerkitError) return e;
    throw new Error(`expected a DealerkitError, got ${String(e)}`);
  }
  throw new Error('expected a DealerkitError, nothing was thrown');
}

/** Decimals (or anything printable) as strings. */
export const strs = (xs: readonly { toString(): string }[]): string[] => xs.map((x) => x.toString());
