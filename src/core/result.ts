/**
 * The shapes every engine's result shares: `warnings` (what a user should look at) and `steps`
 * (the ordered record of how each figure was reached).
 *
 * @module
 */

/**
 * Something a user should look at in a result that is still computed: a negative net, a retroactive
 * jump, a ratio that looks like a percentage. Data, never console output.
 */
export interface Warning {
  /** A stable, kebab-case code (`negative-net`, `percent-like-metric`). */
  code: string;
  /** What it means, in plain words. */
  message: string;
  /** The input the warning is about, when it is about one (`metrics.onTimePaymentRatio`). */
  path?: (string | number)[];
}

/**
 * One step of how a figure was reached, in order: a stable `code`, the figures the step used and
 * produced (fields named per step type in each engine), and a `text` that says it in words.
 */
export interface Step {
  /** A stable, kebab-case code naming the kind of step (`tier`, `gate`, `safety-stock`). */
  code: string;
  /** The step in one sentence, with its figures (`'Silver: 2 % × 9,620,000.00 = 192,400.00'`). */
  text: string;
}

/** Options of every `explain*` function. */
export interface ExplainOptions {
  /**
   * The locale whose digit grouping and decimal mark the figures use (`'en'` when omitted, which
   * needs no `Intl`; others are read from `Intl.NumberFormat`). The sentences stay English.
   */
  locale?: string;
}
