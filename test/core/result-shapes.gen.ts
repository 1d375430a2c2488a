// Generates src/core/result-shapes.ts: the shape of every result an explainer, chart or formatter
// reads (issue 18 part 1, class 2), from the result types themselves, so the description cannot
// drift from the types (test/core/corrupted-results.test.ts regenerates it and compares).
//
//   npx tsx test/core/result-shapes.gen.ts          writes the file
//   generateResultShapes()                          the file's text
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SHAPES_FILE = `${ROOT}src/core/result-shapes.ts`;

/** Every result type a reader takes, and the file that declares it. */
export const RESULTS: Record<string, string> = {
  RebateResult: 'src/rebates/result.ts',
  RebateSettlement: 'src/rebates/settlement-types.ts',
  RebateAccrual: 'src/rebates/accrual-types.ts',
  PointsAccrual: 'src/rebates/points.ts',
  PartnerLevelResult: 'src/rebates/levels.ts',
  LoyaltyBonusResult: 'src/rebates/loyalty.ts',
  ProfitPoolResult: 'src/rebates/pool.ts',
  KpiScoreResult: 'src/kpi/score-types.ts',
  StandingReview: 'src/kpi/standing.ts',
  PartnerAssessment: 'src/risk/assessment.ts',
  FinancialAnalysis: 'src/risk/financial-types.ts',
  TargetCascade: 'src/targets/cascade-types.ts',
  TargetHierarchy: 'src/targets/hierarchy.ts',
  TargetSplit: 'src/targets/split.ts',
  TargetTracking: 'src/targets/track.ts',
  TargetAdjustment: 'src/targets/adjust.ts',
  ReorderPlan: 'src/inventory/plan-types.ts',
  InventoryHealth: 'src/inventory/health-types.ts',
  RebateSimulation: 'src/design/outcomes.ts',
  RebateProgramComparison: 'src/design/compare.ts',
  RebateCliffExposure: 'src/design/cliffs.ts',
  RebateSensitivity: 'src/design/sensitivity.ts',
  DealerStatement: 'src/statements/build.ts',
};

/** A shape as data, as it is written into the JSON of its group. */
type Node = string | Node[] | { readonly $?: string; readonly [key: string]: unknown };

const WHOLE: Record<string, string> = { scale: 'scale', index: 'nat' };
const DISCRIMINANTS = ['code', 'kind', 'type', 'method', 'status', 'basis', 'level'];

export function generateResultShapes(): string {
  const files = Object.values(RESULTS).map((f) => `${ROOT}${f}`);
  const program = ts.createProgram(files, { strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, skipLibCheck: true, noEmit: true });
  const checker = program.getTypeChecker();
  const named = new Map<ts.Type, string>();
  const bodies = new Map<string, Record<string, Node>>();
  const groupOf = new Map<string, string>();
  const building: string[] = [];
  const used = new Set<string>();

  const isDecimal = (t: ts.Type): boolean => (t.getSymbol() ?? t.aliasSymbol)?.getName() === 'Decimal';
  const leafOf = (t: ts.Type): string | null => {
    const f = t.getFlags();
    if (f & (ts.TypeFlags.NumberLike)) return 'num';
    if (f & (ts.TypeFlags.StringLike)) return 'str';
    if (f & ts.TypeFlags.BooleanLike) return 'bool';
    if (f & ts.TypeFlags.Null) return 'null';
    if (f & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return 'any';
    if (isDecimal(t)) return 'dec';
    return null;
  };
  const literalOf = (t: ts.Type, key: string): string[] | null => {
    const p = t.getProperty(key);
    if (p === undefined) return null;
    const pt = checker.getTypeOfSymbol(p);
    const members = pt.isUnion() ? pt.types : [pt];
    if (!members.every((m) => m.isStringLiteral())) return null;
    return members.map((m) => (m as ts.StringLiteralType).value);
  };
  const nameOf = (t: ts.Type): string => {
    const existing = named.get(t);
    if (existing !== undefined) return existing;
    const sym = t.aliasSymbol ?? t.getSymbol();
    let base = (sym?.getName() ?? 'Anon').replace(/[^A-Za-z0-9_]/g, '');
    if (base === '__type' || base === '__object' || base === '') base = 'Anon';
    let name = base;
    for (let i = 2; bodies.has(name) || used.has(name); i++) name = `${base}${i}`;
    used.add(name);
    named.set(t, name);
    return name;
  };

  /** The shape of `t` as data (see ResultShape in src/core/result-check.ts); a named object type is a `{ $: 'ref', to }`. */
  const shape = (t: ts.Type, depth: number): Node => {
    if (depth > 40) return 'any';
    if (t.isStringLiteral()) return { $: 'oneOf', of: [t.value] };
    const leaf = leafOf(t);
    if (leaf !== null) return leaf;
    if (t.isUnion()) {
      const parts = t.types.filter((m) => !(m.getFlags() & (ts.TypeFlags.Undefined | ts.TypeFlags.Void)));
      const optional = parts.length < t.types.length;
      const nonNull = parts.filter((m) => !(m.getFlags() & ts.TypeFlags.Null));
      const nullable = nonNull.length < parts.length;
      const leaves = nonNull.map(leafOf);
      let inner: Node;
      // A closed list of words (a rule, a basis, a status): any other word is refused.
      if (nonNull.length > 0 && nonNull.every((m) => m.isStringLiteral())) {
        const words: (string | null)[] = [...nonNull.map((m) => (m as ts.StringLiteralType).value), ...(nullable ? [null] : [])];
        return optional ? { $: 'oneOf', of: words, optional: true } : { $: 'oneOf', of: words };
      }
      if (leaves.every((l) => l !== null)) {
        const kinds = [...new Set([...leaves, ...(nullable ? ['null'] : [])])].join('|');
        return `${kinds}${optional ? '?' : ''}`;
      }
      if (nonNull.length === 1) inner = shape(nonNull[0]!, depth + 1);
      else if (leaves.some((l) => l !== null)) inner = 'any';
      else {
        const key = DISCRIMINANTS.find((k) => nonNull.every((m) => literalOf(m, k) !== null));
        if (key === undefined) inner = 'obj';
        else {
          const of: Record<string, Node> = {};
          for (const m of nonNull) for (const v of literalOf(m, key)!) of[v] = shape(m, depth + 1);
          inner = { $: 'codes', key, of };
        }
      }
      if (nullable) inner = { $: 'nullable', of: inner };
      return optional ? { $: 'optional', of: inner } : inner;
    }
    if (checker.isArrayType(t) || checker.isTupleType(t)) {
      const args = checker.getTypeArguments(t as ts.TypeReference);
      const items = [...new Map(args.map((a) => shape(a, depth + 1)).map((n) => [JSON.stringify(n), n])).values()];
      return [items.length === 1 ? items[0]! : 'any'];
    }
    if (!(t.getFlags() & ts.TypeFlags.Object)) return 'any';
    const sym = t.getSymbol();
    if (sym !== undefined && /^(Float64Array|Float32Array|Int32Array|Uint8Array|Date|Map|Set|Function)$/.test(sym.getName())) return 'obj';
    if (t.getCallSignatures().length > 0) return 'any';
    const props = checker.getPropertiesOfType(t);
    const index = checker.getIndexInfoOfType(t, ts.IndexKind.String);
    if (props.length === 0 && index !== undefined) return { $: 'record', of: shape(index.type, depth + 1) };
    // Named object types are referred to by name (recursive types refer to themselves).
    const name = nameOf(t);
    if (!bodies.has(name)) {
      bodies.set(name, {});
      // A type declared outside src/ (a lib mapped type, such as Readonly<…>) joins the group of the shape that uses it.
      groupOf.set(name, folderOf(t) ?? (building.length > 0 ? groupOf.get(building[building.length - 1]!)! : 'core'));
      building.push(name);
      const fields: Record<string, Node> = {};
      for (const p of props) {
        const pt = checker.getTypeOfSymbol(p);
        if (pt.getCallSignatures().length > 0) continue;
        let s = shape(pt, depth + 1);
        // A scale and an index are whole numbers: the readers pass them to toFixed and index lists with them.
        const whole = WHOLE[p.getName()];
        if (whole !== undefined && typeof s === 'string') s = s.replace(/^num(?=[|?]|$)/, whole);
        if ((p.getFlags() & ts.SymbolFlags.Optional) !== 0) s = optionalOf(s);
        fields[p.getName()] = s;
      }
      bodies.set(name, fields);
      building.pop();
    }
    return { $: 'ref', to: name };
  };
  /** The folder of src/ that declares `t` (its group of shapes): `rebates`, `kpi`, ..., `core`. */
  const folderOf = (t: ts.Type): string | null => {
    const decl = (t.aliasSymbol ?? t.getSymbol())?.declarations?.[0];
    const m = decl === undefined ? null : /\/src\/([a-z]+)\//.exec(decl.getSourceFile().fileName.replace(/\\/g, '/'));
    return m === null ? null : m[1]!;
  };

  for (const [typeName, file] of Object.entries(RESULTS)) {
    const sf = program.getSourceFile(`${ROOT}${file}`)!;
    const moduleSym = checker.getSymbolAtLocation(sf)!;
    const sym = checker.getExportsOfModule(moduleSym).find((s) => s.getName() === typeName);
    if (sym === undefined) throw new Error(`${typeName} is not exported by ${file}`);
    const t = checker.getDeclaredTypeOfSymbol(sym);
    const s = shape(t, 0);
    if (typeof s !== 'object' || Array.isArray(s) || s.$ !== 'ref' || s.to !== typeName) throw new Error(`${typeName} is no named object type`);
  }
  // One group per folder, each a JSON text parsed on first use (src/core/result-check.ts shapeGroup):
  // a cold import scans a string instead of compiling some 200 functions (issue 14's import budget).
  const groups = new Map<string, Record<string, Node>>();
  for (const [name, body] of bodies) {
    const g = groupOf.get(name)!;
    if (!groups.has(g)) groups.set(g, {});
    groups.get(g)![name] = body;
  }
  const refsOf = (n: Node, out: Set<string>): Set<string> => {
    if (Array.isArray(n)) n.forEach((m) => refsOf(m, out));
    else if (typeof n === 'object' && n !== null) {
      if (n.$ === 'ref') out.add(n.to as string);
      else for (const v of Object.values(n)) if (typeof v === 'object') refsOf(v as Node, out);
    }
    return out;
  };
  const depsOf = (g: string): string[] => [...new Set([...refsOf(Object.values(groups.get(g)!) as Node, new Set())].map((r) => groupOf.get(r)!))].filter((d) => d !== g).sort();
  // Groups in an order where each comes after those it refers to (a cycle would still work: the lists are read lazily).
  const order: string[] = [];
  const visit = (g: string, seen: Set<string>): void => {
    if (order.includes(g) || seen.has(g)) return;
    seen.add(g);
    for (const d of depsOf(g)) visit(d, seen);
    order.push(g);
  };
  [...groups.keys()].sort().forEach((g) => visit(g, new Set()));
  const literal = (text: string): string => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  const defs = order.map((g) => `const ${g}Shapes = /* @__PURE__ */ shapeGroup(${literal(JSON.stringify(groups.get(g)))}, () => [${depsOf(g).map((d) => `${d}Shapes`).join(', ')}]);`);
  const exports = Object.keys(RESULTS).map((n) => `/** What a reader may use of a ${n}. @internal */ export const ${n}Shape = (): ResultShape => ${groupOf.get(n)}Shapes(${JSON.stringify(n)})!;`);
  return [
    '// Generated by test/core/result-shapes.gen.ts from the result types: do not edit by hand',
    '// (`npx tsx test/core/result-shapes.gen.ts`; test/core/corrupted-results.test.ts fails when it is stale).',
    "import { shapeGroup, type ResultShape } from './result-check.js';",
    '',
    '/* eslint-disable */',
    ...defs,
    '',
    ...exports,
    '',
  ].join('\n');
}

/** A field of an optional property: a leaf with `?`, a list of words that may be left out, or wrapped. */
function optionalOf(s: Node): Node {
  if (typeof s === 'string') return s.endsWith('?') ? s : `${s}?`;
  if (!Array.isArray(s) && s.$ === 'optional') return s;
  if (!Array.isArray(s) && s.$ === 'oneOf') return { ...s, optional: true };
  return { $: 'optional', of: s };
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(SHAPES_FILE, generateResultShapes());
  console.log(`wrote ${SHAPES_FILE}`);
}
