// Light imports (issue 14): the engines' zod schemas are built on first use, not when a module loads.
// `lazySchema(() => z.strictObject({ ... }))` returns a stand-in that builds the schema (once) the
// first time anything reads it, and from then on forwards every read to it: `parse`, `safeParse`,
// `_zod` (what zod reads of a schema nested in another, what `z.toJSONSchema` walks), `instanceof`.

/**
 * A schema built on first use: `build` runs once, when a property of the result is first read.
 * The result stands for the built value everywhere (property reads and writes, `in`, `instanceof`).
 *
 * @internal
 */
export function lazySchema<T extends object>(build: () => T): T {
  let built: T | undefined;
  const value = (): T => (built ??= build());
  return new Proxy({} as T, {
    get: (_, key) => Reflect.get(value(), key),
    set: (_, key, v) => Reflect.set(value(), key, v),
    has: (_, key) => Reflect.has(value(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(value()),
  });
}
