import type { Decimal } from '../core/decimal.js';
import { IssueCollector, wrapThrown } from '../core/errors.js';
import { defineRebateProgram, type RebateMethod, type RebateProgram, type RebateResult, type RebateTierSpec } from '../rebates/index.js';
// A cell shows one number: the figures without the steps' sentences (the same rule, the same figures).
import { calculateFigures } from '../rebates/calculate.js';
import { rebateUnitsOf } from '../rebates/fast.js';
import { cellOf, decimalAt, optionalChoiceAt, optionalDecimalAt, optionalStringAt, tableAt, tableDecimals, type SheetValue } from './args.js';
import { renamedPaths } from './paths.js';

const METHODS: readonly RebateMethod[] = ['retroactive', 'incremental', 'step'];
const TIER_COLUMNS = [
  { name: 'from', required: true },
  { name: 'rate', required: true },
  { name: 'fixed', required: false },
] as const;

// A recalculation calls DK.REBATE once per cell with the same tier table: the table's tiers and the
// validated program are kept per table content (and method, basis, currency), the most recent few.
const CACHE_SIZE = 64;
/** Per table content: its tiers and the programs defined on them (by method, basis and currency). */
interface Table {
  tiers: RebateTierSpec[];
  programs: Map<string, RebateProgram>;
}
const tableCache = new Map<string, Table>();

function remember<T>(cache: Map<string, T>, key: string | null, value: T): T {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a null key is never looked up (argsOf reads the cache only with a string key), so storing under it or skipping a string key only changes whether a later call hits the cache, never a result
  if (key === null) return value;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: evicting sooner, later or never only changes how often a table misses the cache, and a miss recomputes the same program
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(key, value);
  return value;
}

/** A key for a tier table of primitives (every cell's type and value), or null for anything else. */
function contentKey(tiers: SheetValue): string | null {
  if (!Array.isArray(tiers)) return null;
  // Stryker disable next-line StringLiteral: a text before every key is common to all keys, so two tables share a key exactly when they did without it
  let key = '';
  for (const row of tiers as unknown[]) {
    if (!Array.isArray(row)) return null;
    key += '|';
    for (const cell of row as unknown[]) {
      // Stryker disable next-line UnaryOperator: testing for +0 instead writes 0 as n-0 and −0 as n0, which still keeps the two zeros apart and every other number as before
      if (typeof cell === 'number') key += Object.is(cell, -0) ? 'n-0,' : `n${cell},`;
      else if (typeof cell === 'string') key += `s${JSON.stringify(cell)},`;
      else if (typeof cell === 'boolean') key += `b${cell},`;
      else if (cell === null) key += 'z,';
      // Stryker disable next-line EqualityOperator: with the test inverted an undefined cell gives no key (a miss) and only non-primitive cells read 'u,', and tiersOf refuses every such table, so no stored key holds it
      else if (cell === undefined) key += 'u,';
      else return null;
    }
  }
  return key;
}

/** Reads a tier table (`from | rate | [fixed]`) into tier specs. */
function tiersOf(tiers: SheetValue): RebateTierSpec[] {
  const table = tableAt(tiers, ['tiers'], TIER_COLUMNS);
  const issues = new IssueCollector();
  const froms = tableDecimals(table, ['tiers'], 0, 'from', false, issues);
  const rates = tableDecimals(table, ['tiers'], 1, 'rate', true, issues);
  const fixeds = tableDecimals(table, ['tiers'], 2, 'fixed', true, issues);
  issues.throwIfAny();
  return froms.map((from, i) => {
    const tier: RebateTierSpec = { from: from! };
    if (rates[i] !== undefined) tier.rate = rates[i];
    if (fixeds[i] !== undefined) tier.fixed = fixeds[i];
    return tier;
  });
}

interface RebateArgs {
  program: RebateProgram;
  /** The amount: a finite number as it is (the engine reads it exactly), or its Decimal. */
  sales: Decimal | number;
  target: Decimal | undefined;
}

/** Reads the shared arguments of the DK.REBATE functions and calculates the rebate. */
function rebateOf(amount: SheetValue, tiers: SheetValue, method: SheetValue, target: SheetValue, currency: SheetValue): RebateResult {
  const { program, sales, target: t } = argsOf(amount, tiers, method, target, currency);
  return calculateFigures(program, t === undefined ? { sales } : { sales, target: t });
}

/** Reads the shared arguments of the DK.REBATE functions: the program (kept per table content), the amount and the target. */
function argsOf(amount: SheetValue, tiers: SheetValue, method: SheetValue, target: SheetValue, currency: SheetValue): RebateArgs {
  // Stryker disable next-line EqualityOperator: inverted, a number amount takes decimalAt, which reads it to the same value, and a non-number still fails Number.isFinite and takes it too
  const sales = typeof amount === 'number' && Number.isFinite(amount) ? amount + 0 : decimalAt(amount, ['amount']);
  const tableKey = contentKey(tiers);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: remember never stores a null key, so looking up null finds nothing, and skipping the lookup is a miss that rebuilds the same tiers
  const table = (tableKey === null ? undefined : tableCache.get(tableKey)) ?? remember(tableCache, tableKey, { tiers: tiersOf(tiers), programs: new Map() });
  const m = optionalChoiceAt(method, ['method'], METHODS) ?? 'retroactive';
  const t = optionalDecimalAt(target, ['target']);
  const code = optionalStringAt(currency, ['currency']);
  const key = `${m} ${t === undefined ? 'amount' : 'attainment'} ${code === undefined ? '-' : JSON.stringify(code)}`;
  const specTiers = table.tiers;
  const program =
    table.programs.get(key) ??
    remember(
      table.programs,
      key,
      defineRebateProgram({
        // Without a currency the amount is priced as USD, whose minor unit gives the 2 places.
        currency: code ?? 'USD',
        rounding: { stage: 'total' },
        basis: t === undefined ? 'amount' : 'attainment',
        method: m,
        tiers: specTiers,
      }),
    );
  return { program, sales, target: t };
}

function run<T>(compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    throw renamedPaths(wrapThrown(error), [[['sales'], 'amount']]);
  }
}

/**
 * `=DK.REBATE(amount, tiers, [method], [target], [currency])`: the rebate on an amount by a tier
 * table, rounded once to the currency's minor unit (half-up; 2 places without a currency).
 *
 * `tiers` is a range of rows `from | rate | [fixed]` (a header row of texts is skipped), ascending
 * from 0: a tier is reached when the basis is at least its `from`. A rate is a fraction (0.02 for
 * 2 %, or a cell formatted as a percentage); a rate above 1 is refused as a percentage written as
 * a whole number. `method` is `"retroactive"`
 * (the tier reached prices the whole amount; the default), `"incremental"` (each band at its own
 * rate) or `"step"` (the tier reached pays its fixed amount). With a `target`, the tiers are
 * attainment rates (0.9 = 90 % of the target) and the rates apply to the amount.
 *
 * @param amount - Net sales of the period.
 * @param tiers - The tier table.
 * @param method - How the tiers price the amount.
 * @param target - The sales target: tiers by attainment.
 * @param currency - ISO 4217 code of the amount.
 * @example
 * ```ts
 * DK_REBATE(7000, [[0, 0], [5000, 0.02], [20000, 0.04]]);
 * //=> 140
 * DK_REBATE(10000, [[0, 0.0025], [2000, 0.005], [5000, 0.015]], 'incremental');
 * //=> 95
 * ```
 */
export function DK_REBATE(amount: SheetValue, tiers: SheetValue, method?: SheetValue, target?: SheetValue, currency?: SheetValue): number {
  return run(() => {
    const a = argsOf(amount, tiers, method, target, currency);
    // The same rules on exact scaled integers when the figures fit; the Decimal path otherwise (and for every error).
    const units = rebateUnitsOf(a.program, a.sales, a.target ?? null);
    if (units >= 0) return units / 10 ** a.program.rounding.scale;
    return cellOf(calculateFigures(a.program, a.target === undefined ? { sales: a.sales } : { sales: a.sales, target: a.target }).rebate);
  });
}

/**
 * `=DK.REBATE.TIER(amount, tiers, [method], [target])`: the tier an amount reaches, counted from
 * 1 (the first data row of `tiers`), for `INDEX(names, DK.REBATE.TIER(...))`.
 *
 * @param amount - Net sales of the period.
 * @param tiers - The tier table (`from | rate | [fixed]`).
 * @param method - How the tiers price the amount (the tier reached does not depend on it).
 * @param target - The sales target: tiers by attainment.
 * @example
 * ```ts
 * DK_REBATE_TIER(7000, [['from', 'rate'], [0, 0], [5000, 0.02], [20000, 0.04]]);
 * //=> 2
 * ```
 */
export function DK_REBATE_TIER(amount: SheetValue, tiers: SheetValue, method?: SheetValue, target?: SheetValue): number {
  return run(() => rebateOf(amount, tiers, method, target, undefined).tier.index + 1);
}

/**
 * `=DK.REBATE.NEXTGAP(amount, tiers, [method], [target])`: the extra sales that reach the next
 * tier, or 0 in the top tier.
 *
 * With a target, the gap is still in sales (next attainment × target − amount).
 *
 * @param amount - Net sales of the period.
 * @param tiers - The tier table (`from | rate | [fixed]`).
 * @param method - How the tiers price the amount.
 * @param target - The sales target: tiers by attainment.
 * @example
 * ```ts
 * DK_REBATE_NEXTGAP(7000, [[0, 0], [5000, 0.02], [20000, 0.04]]);
 * //=> 13000
 * DK_REBATE_NEXTGAP(950000, [[0, 0], [0.9, 0.01], [1, 0.02]], null, 1000000);
 * //=> 50000
 * ```
 */
export function DK_REBATE_NEXTGAP(amount: SheetValue, tiers: SheetValue, method?: SheetValue, target?: SheetValue): number {
  return run(() => {
    const next = rebateOf(amount, tiers, method, target, undefined).nextTier;
    return next === null ? 0 : cellOf(next.salesGap as Decimal);
  });
}
