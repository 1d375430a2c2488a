// An engine names its errors' paths after its own arguments (`periods[2].sales`, `program.settlement`);
// a statement names them after its own (`rebate.periods[2].sales`, `config.rebate.program.settlement`).
import { repathError, wrapThrown, type IssuePath } from '../core/errors.js';
import type { Warning } from '../core/result.js';

/** Maps an engine's argument name (the path's head) to the statement's path of that argument. @internal */
export type ArgumentPaths = Record<string, IssuePath>;

function mapPath(path: readonly (string | number)[], args: ArgumentPaths, fallback: IssuePath): (string | number)[] {
  const head = path[0];
  if (typeof head === 'string' && Object.prototype.hasOwnProperty.call(args, head)) return [...args[head]!, ...path.slice(1)];
  return [...fallback, ...path];
}

/**
 * Runs an engine call, naming its errors' paths as the statement's input names them: a path
 * whose head is one of `args` is moved under that argument's statement path, any other is
 * prefixed with `fallback`.
 *
 * @internal
 */
export function within<T>(args: ArgumentPaths, fallback: IssuePath, run: () => T): T {
  try {
    return run();
  } catch (thrown) {
    const error = wrapThrown(thrown);
    if (error.code === 'internal') throw error;
    throw repathError(error, (p) => mapPath(p, args, fallback));
  }
}

/** An engine's warnings with their paths named as the statement's input names them. @internal */
export function warningsWithin(warnings: readonly Warning[], args: ArgumentPaths, fallback: IssuePath): Warning[] {
  return warnings.map((w) => (w.path === undefined ? { ...w } : { ...w, path: mapPath(w.path, args, fallback) }));
}
