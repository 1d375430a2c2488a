import { DealerkitError } from '../core/errors.js';

/**
 * The error with the first key of each issue path renamed (`sales` → `amount`), so that an
 * engine's message names the spreadsheet argument the user typed. @internal
 */
export function renamedPaths(error: DealerkitError, names: Readonly<Record<string, string>>): DealerkitError {
  let changed = false;
  const issues = error.issues.map((issue) => {
    const head = issue.path[0];
    if (typeof head === 'string' && Object.prototype.hasOwnProperty.call(names, head)) {
      changed = true;
      return { path: [names[head]!, ...issue.path.slice(1)], message: issue.message };
    }
    return issue;
  });
  return changed ? new DealerkitError(error.code, issues) : error;
}
