// Light imports (issue 14): the engines' zod schemas are built on first use, not when a module loads.
// `lazySchema(() => z.strictObject({ ... }))` returns a stand-in: an empty object whose prototype is a
// trap. The first read of any property (`parse`, `safeParse`, `_zod`: what zod reads of a schema nested
// in another, what `z.toJSONSchema` walks), an `in` test or an `instanceof` builds the schema (once),
// copies its own properties onto the stand-in and gives the stand-in the schema's prototype. From then
// on the stand-in is an ordinary zod object sharing the built schema's internals (`_zod`): no proxy
// stays on the batch paths, which parse every row.

/**
 * A schema built on first use: `build` runs once, when a property of the result is first read (or
 * tested with `in`, or the result with `instanceof`); the result then holds the built value's own
 * properties and prototype, and shares its internals.
 *
 * @internal
 */
export function lazySchema<T extends object>(build: () => T): T {
  const standIn = {} as T;
  let built: T | undefined;
  const value = (): T => {
    if (built === undefined) {
      built = build();
      Object.setPrototypeOf(standIn, Reflect.getPrototypeOf(built));
      Object.defineProperties(standIn, Object.getOwnPropertyDescriptors(built));
    }
    return built;
  };
  // Reached only while the stand-in is empty: a read, a write or an `in` of any key, or `instanceof`.
  const trap = new Proxy({} as object, {
    get: (_, key) => Reflect.get(value(), key, standIn),
    set: (_, key, v) => (value(), Reflect.set(standIn, key, v)),
    has: (_, key) => Reflect.has(value(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(value()),
  });
  Object.setPrototypeOf(standIn, trap);
  return standIn;
}
