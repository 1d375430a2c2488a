// An esbuild plugin (used by tsup.config.ts) that tells bundlers what is true of src/: a module's
// top-level `const` initializers have no side effects (src/ is pure: no I/O, no globals), so a
// consumer's bundler may drop the ones it does not use. Without it, every `z.object(...)` schema, every
// `Object.freeze([...])` table and every `new Map()` cache in a shared dist/ chunk counts as a side
// effect and drags its whole dependency tree (most of zod) into a bundle of `allocate` alone.
//
// It writes `/* @__PURE__ */` before each call and `new` in such an initializer (outside function
// bodies, which run later), the annotation esbuild, Rollup, webpack/Terser and Parcel all honour;
// tsup's esbuild keeps it in dist/. Expression statements (`Object.defineProperty(...)`) are left alone.
import { readFile } from 'node:fs/promises';
import type { Plugin } from 'esbuild';
import ts from 'typescript';

/** The source text of a TypeScript module with its top-level initializer calls annotated as pure. */
export function annotatePure(text: string, fileName = 'module.ts'): string {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const at = new Set<number>();
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) return; // bodies run later, if at all
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) at.add(node.getStart(sf));
    ts.forEachChild(node, visit);
  };
  for (const statement of sf.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const d of statement.declarationList.declarations) if (d.initializer) visit(d.initializer);
  }
  let out = text;
  for (const pos of [...at].sort((a, b) => b - a)) out = `${out.slice(0, pos)}/* @__PURE__ */ ${out.slice(pos)}`;
  return out;
}

/** The plugin: annotates every `.ts` module under `src/`. */
export function pureInitializers(): Plugin {
  return {
    name: 'pure-initializers',
    setup(build) {
      build.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => ({
        contents: annotatePure(await readFile(args.path, 'utf8'), args.path),
        loader: 'ts',
      }));
    },
  };
}
