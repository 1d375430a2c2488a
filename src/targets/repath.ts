import { DealerkitError, wrapThrown, type IssuePath } from '../core/errors.js';

/** Rebuilds an error with its issues' paths (and optionally messages) rewritten, keeping their codes and details. @internal */
export function repath(
  error: unknown,
  path: (p: IssuePath) => IssuePath,
  message: (m: string) => string = (m) => m,
): DealerkitError {
  const e = wrapThrown(error);
  return new DealerkitError(
    e.code,
    e.issues.map((i) => ({ ...i, path: [...path(i.path)], message: message(i.message) })),
  );
}
