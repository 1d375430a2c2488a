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

const WHOLE: Record<string, string> = { scale: 'scale', index: 'nat' };
const DISCRIMINANTS = ['code', 'kind', 'type', 'method', 'status', 'basis', 'level'];

export function generateResultShapes(): string {
  const files = Object.values(RESULTS).map((f) => `${ROOT}${f}`);
  const program = ts.createProgram(files, { strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, skipLibCheck: true, noEmit: true });
  const checker = program.getTypeChecker();
  const named = new Map<ts.Type, string>();
  const bodies = new Map<string, string>();
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

  const shape = (t: ts.Type, depth: number): string => {
    if (depth > 40) return "'any'";
    if (t.isStringLiteral()) return `oneOf([${JSON.stringify(t.value)}])`;
    const leaf = leafOf(t);
    if (leaf !== null) return `'${leaf}'`;
    if (t.isUnion()) {
      const parts = t.types.filter((m) => !(m.getFlags() & (ts.TypeFlags.Undefined | ts.TypeFlags.Void)));
      const optional = parts.length < t.types.length;
      const nonNull = parts.filter((m) => !(m.getFlags() & ts.TypeFlags.Null));
      const nullable = nonNull.length < parts.length;
      const leaves = nonNull.map(leafOf);
      let inner: string;
      // A closed list of words (a rule, a basis, a status): any other word is refused.
      if (nonNull.length > 0 && nonNull.every((m) => m.isStringLiteral())) {
        const words = [...nonNull.map((m) => JSON.stringify((m as ts.StringLiteralType).value)), ...(nullable ? ['null'] : [])];
        return `oneOf([${words.join(', ')}]${optional ? ', true' : ''})`;
      }
      if (leaves.every((l) => l !== null)) {
        const kinds = [...new Set([...leaves, ...(nullable ? ['null'] : [])])].join('|');
        return `'${kinds}${optional ? '?' : ''}'`;
      }
      if (nonNull.length === 1) inner = shape(nonNull[0]!, depth + 1);
      else if (leaves.some((l) => l !== null)) inner = "'any'";
      else {
        const key = DISCRIMINANTS.find((k) => nonNull.every((m) => literalOf(m, k) !== null));
        if (key === undefined) inner = "'obj'";
        else {
          const entries: string[] = [];
          for (const m of nonNull) for (const v of literalOf(m, key)!) entries.push(`${JSON.stringify(v)}: ${shape(m, depth + 1)}`);
          inner = `byCode(${JSON.stringify(key)}, { ${entries.join(', ')} })`;
        }
      }
      if (nullable) inner = `nullable(${inner})`;
      return optional ? `optional(${inner})` : inner;
    }
    if (checker.isArrayType(t) || checker.isTupleType(t)) {
      const args = checker.getTypeArguments(t as ts.TypeReference);
      const items = [...new Set(args.map((a) => shape(a, depth + 1)))];
      return `[${items.length === 1 ? items[0] : "'any'"}]`;
    }
    if (!(t.getFlags() & ts.TypeFlags.Object)) return "'any'";
    const sym = t.getSymbol();
    if (sym !== undefined && /^(Float64Array|Float32Array|Int32Array|Uint8Array|Date|Map|Set|Function)$/.test(sym.getName())) return "'obj'";
    if (t.getCallSignatures().length > 0) return "'any'";
    const props = checker.getPropertiesOfType(t);
    const index = checker.getIndexInfoOfType(t, ts.IndexKind.String);
    if (props.length === 0 && index !== undefined) return `record(${shape(index.type, depth + 1)})`;
    // Named object types become one memoised function each (recursive types refer to themselves).
    const name = nameOf(t);
    if (!bodies.has(name)) {
      bodies.set(name, '');
      const fields = props
        .filter((p) => !(checker.getTypeOfSymbol(p).getCallSignatures().length > 0))
        .map((p) => {
          const pt = checker.getTypeOfSymbol(p);
          let s = shape(pt, depth + 1);
          // A scale and an index are whole numbers: the readers pass them to toFixed and index lists with them.
          const whole = WHOLE[p.getName()];
          if (whole !== undefined) s = s.replace(/^'num(?=[|?'])/, `'${whole}`);
          const opt = (p.getFlags() & ts.SymbolFlags.Optional) !== 0;
          if (opt && !/^optional\(|\?'$|, true\)$/.test(s)) s = s.startsWith("'") ? `${s.slice(0, -1)}?'` : s.startsWith('oneOf(') ? `${s.slice(0, -1)}, true)` : `optional(${s})`;
          return `${/^[A-Za-z_$][\w$]*$/.test(p.getName()) ? p.getName() : JSON.stringify(p.getName())}: ${s}`;
        });
      bodies.set(name, `{ ${fields.join(', ')} }`);
    }
    return `ref(${name}Shape)`;
  };

  for (const [typeName, file] of Object.entries(RESULTS)) {
    const sf = program.getSourceFile(`${ROOT}${file}`)!;
    const moduleSym = checker.getSymbolAtLocation(sf)!;
    const sym = checker.getExportsOfModule(moduleSym).find((s) => s.getName() === typeName);
    if (sym === undefined) throw new Error(`${typeName} is not exported by ${file}`);
    const t = checker.getDeclaredTypeOfSymbol(sym);
    if (shape(t, 0) !== `ref(${typeName}Shape)`) throw new Error(`${typeName} is no named object type`);
  }
  const defs = [...bodies].map(([n, b]) => `/** What a reader may use of a ${n}. @internal */ export const ${n}Shape = /* @__PURE__ */ memo(() => (${b}));`);
  return [
    '// Generated by test/core/result-shapes.gen.ts from the result types: do not edit by hand',
    '// (`npx tsx test/core/result-shapes.gen.ts`; test/core/corrupted-results.test.ts fails when it is stale).',
    "import { byCode, memo, nullable, oneOf, optional, record, ref } from './result-check.js';",
    '',
    '/* eslint-disable */',
    ...defs,
    '',
  ].join('\n');
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(SHAPES_FILE, generateResultShapes());
  console.log(`wrote ${SHAPES_FILE}`);
}
