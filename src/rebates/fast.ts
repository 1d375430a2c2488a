import type { RebateProgram } from './program.js';
import type { RebateSettlementSummary } from './settlement.js';

/** The scaled-integer form of a program for the batch path, or null when it does not apply. @internal */
export interface FastProgram {
  scale: number;
}

/** Prepares the scaled-integer form of a program. @internal */
export function prepareFastProgram(_program: RebateProgram): FastProgram | null {
  return null;
}

/** Settles one dealer on the scaled-integer path, or returns undefined to fall back. @internal */
export function settleFast(
  _fast: FastProgram,
  _input: unknown,
  _policy: unknown,
  _tiers: readonly { readonly index: number; readonly name: string | null }[],
): RebateSettlementSummary | undefined {
  return undefined;
}
