// The vocabulary of docs/index.md, enforced: every public function is named with a verb of the
// closed set, every computing function's result has `warnings` and `steps`, and the names the
// engines used to spell five ways (lines/breakdown/trace/notes, assessedOn, pointsRounding …)
// appear nowhere in the public types. Read from the sources with the TypeScript compiler, so a
// type-only export is checked as well as a value.
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as engines from 'dealerkit';
import * as charts from 'dealerkit/charts';
import * as design from 'dealerkit/design';
import * as sheets from 'dealerkit/sheets';
import * as statements from 'dealerkit/statements';

/** Every public value: the root entry (core and engines) and the entries it does not load. */
const root: Record<string, unknown> = { ...engines, ...design, ...statements, ...charts, ...sheets };

const here = fileURLToPath(new URL('..', import.meta.url));

/** The closed verb set of docs/index.md ("One vocabulary"). */
const VERBS = [
  'define', 'calculate', 'settle', 'accrue', 'score', 'rank', 'review', 'assess', 'analyze', 'check', 'cascade', 'split',
  'plan', 'adjust', 'track', 'simulate', 'compare', 'build', 'chart', 'allocate', 'round', 'to', 'is', 'format', 'explain',
];
const VERB_NAME = new RegExp(`^(${VERBS.join("|")})([A-Z0-9]|$)`);
/** Verbs whose functions compute a result that must explain itself. */
const COMPUTING = ['calculate', 'settle', 'accrue', 'score', 'rank', 'review', 'assess', 'analyze', 'check', 'cascade', 'split', 'plan', 'adjust', 'track', 'simulate', 'compare', 'build', 'allocate'];
const COMPUTING_NAME = new RegExp(`^(${COMPUTING.join('|')})[A-Z]`);
/** Computing functions whose result is deliberately bare, each with its reason. */
const BARE_RESULTS: Record<string, string> = {
  planReordersColumnar: 'columnar typed arrays for a million SKUs: figures and status codes only; planReorder explains any one SKU',
};

/** Names the engines used before issue 13 for ideas that now have one name each. */
const RETIRED: Record<string, string> = {
  lines: 'steps',
  adjustments: 'steps',
  breakdown: 'steps',
  reasons: 'steps',
  conventions: 'steps',
  explanation: 'steps',
  trace: 'steps',
  notes: 'steps',
  assessedOn: 'asOf',
  asAt: 'asOf',
  asOfDate: 'asOf',
  pointsRounding: 'rounding',
  roundingMode: 'rounding.mode',
  moneyScale: 'rounding.scale',
  periodId: 'period',
  dealerId: 'id',
  partnerId: 'id',
  rowId: 'id',
};

function program(): { checker: ts.TypeChecker; exports: ts.Symbol[] } {
  const configPath = `${here}tsconfig.json`;
  const config = ts.readConfigFile(configPath, (p) => ts.sys.readFile(p));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, here);
  const entries = ['index.ts', 'design/index.ts', 'statements/index.ts', 'charts/index.ts', 'sheets/index.ts'].map((e) => `${here}src/${e}`);
  const prog = ts.createProgram({ rootNames: entries, options: { ...parsed.options, noEmit: true } });
  const checker = prog.getTypeChecker();
  const byName = new Map<string, ts.Symbol>();
  for (const entry of entries) {
    for (const symbol of checker.getExportsOfModule(checker.getSymbolAtLocation(prog.getSourceFile(entry)!)!)) byName.set(symbol.name, symbol);
  }
  return { checker, exports: [...byName.values()] };
}

const { checker, exports } = program();

function resolved(symbol: ts.Symbol): ts.Symbol {
  return symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
}

/** Every property name reachable from a type, with the path that reached it (depth-limited). */
function propertyNames(type: ts.Type, seen = new Set<ts.Type>(), trail = '', depth = 0, out: [string, string][] = []): [string, string][] {
  if (depth > 6 || seen.has(type)) return out;
  seen.add(type);
  if (type.isUnionOrIntersection()) {
    for (const t of type.types) propertyNames(t, seen, trail, depth, out);
    return out;
  }
  const name = checker.typeToString(type);
  // Decimal's own methods, zod's schema objects (the types a schema infers are exported and walked
  // under their own names) and the built-ins are not ours to name.
  if (/^(Decimal|Date|string|number|boolean|bigint|Map<|Set<|RegExp|Promise<|ZodMini|\$Zod)/.test(name)) return out;
  if (checker.isArrayType(type) || checker.isTupleType(type)) {
    for (const t of checker.getTypeArguments(type as ts.TypeReference)) propertyNames(t, seen, `${trail}[]`, depth + 1, out);
    return out;
  }
  if (type.getCallSignatures().length > 0) {
    for (const sig of type.getCallSignatures()) {
      for (const p of sig.getParameters()) propertyNames(checker.getTypeOfSymbol(p), seen, `${trail}(${p.getName()})`, depth + 1, out);
      propertyNames(sig.getReturnType(), seen, `${trail}()`, depth + 1, out);
    }
  }
  for (const prop of type.getProperties()) {
    out.push([prop.getName(), `${trail}.${prop.getName()}`]);
    const decl = prop.valueDeclaration ?? prop.declarations?.[0];
    if (decl === undefined) continue;
    propertyNames(checker.getTypeOfSymbolAtLocation(prop, decl), seen, `${trail}.${prop.getName()}`, depth + 1, out);
  }
  return out;
}

describe('one vocabulary (docs/index.md)', () => {
  it('every exported function is named with a verb of the closed set (spreadsheet functions keep DK_*)', () => {
    const offenders: string[] = [];
    for (const [name, value] of Object.entries(root)) {
      if (typeof value !== 'function') continue;
      if (name === 'DealerkitError' || name === 'Decimal') continue; // classes
      if (/^DK_[A-Z_]+$/.test(name)) continue;
      if (!VERB_NAME.test(name)) offenders.push(name);
    }
    expect(offenders).toEqual([]);
  });

  it('every exported value that is not a function is a schema, a constant or a preset', () => {
    const offenders: string[] = [];
    for (const [name, value] of Object.entries(root)) {
      if (typeof value === 'function') continue;
      if (/Schema$/.test(name) || /^[A-Z][A-Z0-9_]*$/.test(name)) continue;
      // Presets are frozen configurations (a matrix, a policy, benchmarks) named by nouns.
      if (typeof value === 'object' && value !== null && Object.isFrozen(value)) continue;
      offenders.push(name);
    }
    expect(offenders).toEqual([]);
  });

  it('a batch function is the plural of its single form', () => {
    const names = new Set(Object.keys(root));
    const pairs: [string, string][] = [
      ['calculateRebates', 'calculateRebate'],
      ['settleRebates', 'settleRebate'],
      ['scoreDealers', 'scoreDealer'],
      ['assessPartners', 'assessPartner'],
      ['planReorders', 'planReorder'],
      ['cascadeTargets', 'cascadeTarget'],
    ];
    for (const [batch, single] of pairs) {
      expect(names.has(batch) && names.has(single), `${batch} / ${single}`).toBe(true);
    }
  });

  it('every computing function returns a result with warnings and steps (or a plain figure)', () => {
    const offenders: string[] = [];
    for (const symbol of exports) {
      const name = symbol.getName();
      if (!COMPUTING_NAME.test(name) || Object.prototype.hasOwnProperty.call(BARE_RESULTS, name)) continue;
      const target = resolved(symbol);
      const decl = target.valueDeclaration ?? target.declarations?.[0];
      if (decl === undefined) continue;
      const type = checker.getTypeOfSymbolAtLocation(target, decl);
      for (const sig of type.getCallSignatures()) {
        const ret = sig.getReturnType();
        const text = checker.typeToString(ret);
        // Plain figures: a Decimal, a number, a list of Decimals (allocate), a string.
        if (/^(Decimal|number|string|boolean|bigint|Decimal\[\]|number\[\]|\d+ \| \d+|52 \| 53|Readonly<Decimal>)$/.test(text)) continue;
        if (ret.getCallSignatures().length > 0) continue;
        const props = new Set(ret.getProperties().map((p) => p.getName()));
        if (!props.has('warnings') || !props.has('steps')) offenders.push(`${name}(): ${text}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('no public type uses a retired name for an idea that has one name (steps, asOf, rounding, period, id)', () => {
    const offenders = new Set<string>();
    for (const symbol of exports) {
      const target = resolved(symbol);
      const decl = target.valueDeclaration ?? target.declarations?.[0];
      if (decl === undefined) continue;
      const type =
        target.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias)
          ? checker.getDeclaredTypeOfSymbol(target)
          : checker.getTypeOfSymbolAtLocation(target, decl);
      for (const [prop, where] of propertyNames(type)) {
        if (Object.prototype.hasOwnProperty.call(RETIRED, prop)) offenders.add(`${symbol.getName()}${where} → ${RETIRED[prop]}`);
      }
    }
    expect([...offenders].sort()).toEqual([]);
    // The type walk is the slowest test of the suite (~15 s alone, several times that under coverage on a loaded 2-core machine).
  }, 240_000);

  it('every explain* function takes a result and returns sentences', () => {
    const explainers = Object.entries(root).filter(([name]) => name.startsWith('explain'));
    expect(explainers.length).toBeGreaterThanOrEqual(5);
    for (const symbol of exports) {
      if (!symbol.getName().startsWith('explain')) continue;
      const target = resolved(symbol);
      const decl = target.valueDeclaration ?? target.declarations?.[0];
      const type = checker.getTypeOfSymbolAtLocation(target, decl!);
      for (const sig of type.getCallSignatures()) expect(checker.typeToString(sig.getReturnType()), symbol.getName()).toBe('string[]');
    }
  });
});
