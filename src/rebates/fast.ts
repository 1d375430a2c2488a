import type { RebateProgram } from './program.js';

/** The scaled-integer form of a program for the batch path, or null when it does not apply. @internal */
export interface FastProgram {
  scale: number;
}

/** Prepares the scaled-integer form of a program. @internal */
export function prepareFastProgram(_program: RebateProgram): FastProgram | null {
  return null;
}
