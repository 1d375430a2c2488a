import { expect } from 'vitest';
import { DealerkitError, formatPath } from 'dealerkit';

/** Runs `fn`, expects a DealerkitError, and returns it. */
export function errorOf(fn: () => unknown): DealerkitError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DealerkitError);
    return error as DealerkitError;
  }
  throw new Error('expected a DealerkitError');
}

/** The error's issues as `path: message` lines, formatted like its message. */
export function issuesOf(fn: () => unknown): string[] {
  return errorOf(fn).issues.map((i) => `${formatPath(i.path)}: ${i.message}`);
}

/** Targets of a list of periods as strings. */
export function targets(list: readonly { target: { toString(): string } }[]): string[] {
  return list.map((p) => p.target.toString());
}

/** n copies of a value. */
export function times<T>(n: number, value: T): T[] {
  return new Array<T>(n).fill(value);
}
