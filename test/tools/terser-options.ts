// terser's options for every ES and CommonJS module build (tsup.config.ts and test/tools/rechunk.ts).
// Whitespace, comments and local names go; function and class names stay (stack traces, `.name`);
// nothing is rewritten (compress off); the /* @__PURE__ */ annotations that let consumers' bundlers
// drop unused schemas are kept (esbuild's own minifier drops them).
export const TERSER = {
  ecma: 2020 as const,
  compress: false,
  mangle: true,
  keep_classnames: true,
  keep_fnames: true,
  format: { comments: false, preserve_annotations: true },
};
