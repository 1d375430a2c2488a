import { DealerkitError, type IssuePath } from '../core/errors.js';

/** A rename of an engine's input path to a spreadsheet argument: `[['item', 'demand', 'meanPerDay'], 'demandPerDay']`. @internal */
export type SheetPathRename = readonly [IssuePath, string];

function startsWith(path: readonly (string | number)[], prefix: IssuePath): boolean {
  return prefix.every((k, i) => path[i] === k);
}

/**
 * The error with each issue path that starts with an engine path renamed to the spreadsheet
 * argument it came from (`sales` → `amount`, `item.demand.meanPerDay` → `demandPerDay`), so that
 * the message names what the user typed. The first matching rename wins. @internal
 */
export function renamedPaths(error: DealerkitError, renames: readonly SheetPathRename[]): DealerkitError {
  let changed = false;
  const issues = error.issues.map((issue) => {
    for (const [from, to] of renames) {
      if (startsWith(issue.path, from)) {
        changed = true;
        return { ...issue, path: [to, ...issue.path.slice(from.length)] };
      }
    }
    return issue;
  });
  return changed ? new DealerkitError(error.code, issues) : error;
}
