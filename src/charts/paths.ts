// An engine called by a chart names its errors after its own arguments; the chart names them after
// the chart's (`facts.metrics.onTimePaymentRatio`, not `metrics.onTimePaymentRatio`).
import { repathError, wrapThrown, type IssuePath } from '../core/errors.js';

/**
 * Runs an engine call, prefixing its errors' paths with `prefix`. The engine is handed a program
 * the chart has already resolved, so its errors are about the facts (never a `program…` path). @internal
 */
export function repath<T>(prefix: IssuePath, run: () => T): T {
  try {
    return run();
  } catch (thrown) {
    const error = wrapThrown(thrown);
    if (error.code === 'internal') throw error;
    throw repathError(error, (p) => [...prefix, ...p]);
  }
}
