
export { thrown } from '../helpers.js';

/** Decimals (or anything printable) as strings. */
export const strs = (xs: readonly { toString(): string }[]): string[] => xs.map((x) => x.toString());
