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
    // Stryker disable next-line ConditionalExpression: value() is reached only through the trap, and its first run replaces the stand-in's prototype, so it never runs twice
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

/** The stand-in of a preset and, once built, the frozen object it reads from (see {@link lazyFrozen}). @internal */
export interface LazyTarget<T> {
  /** The object the user holds: frozen, one getter per key. */
  readonly self: T;
  /** The built object, set by the build through {@link adopt}. */
  data?: T;
}

const PENDING = new WeakMap<object, () => unknown>();

/**
 * A frozen object built on first use (issue 14's light imports: the risk presets). Its keys, listed
 * in order, are getters that build it once (`build` hands its frozen result to {@link adopt}) and
 * read the result: spreading, `JSON.stringify`, `structuredClone` and equality see the built values,
 * `Object.isFrozen` is true from the start, `util.inspect` shows the built object. The engines call
 * {@link settle} before looking the object up in their indexes. @internal
 */
export function lazyFrozen<T extends object>(keys: readonly (keyof T & string)[], build: (target: LazyTarget<T>) => void): T {
  const self = {} as T;
  const target: LazyTarget<T> = { self };
  let building = false;
  const data = (): T => {
    if (target.data === undefined) {
      if (building) throw new Error('[dealerkit] a preset was read while it was being built');
      building = true;
      try {
        build(target);
      } finally {
        building = false;
      }
    }
    return target.data!;
  };
  for (const key of keys) Object.defineProperty(self, key, { get: () => data()[key], enumerable: true });
  Object.defineProperty(self, Symbol.for('nodejs.util.inspect.custom'), {
    value: (_depth: number, options: object, inspect: (value: unknown, options: object) => string) => inspect(data(), options),
  });
  PENDING.set(self, data);
  return Object.freeze(self);
}

/** Builds `value` now when it is a {@link lazyFrozen} object not built yet. @internal */
export function settle(value: object): void {
  PENDING.get(value)?.();
}

/** Hands a build's frozen result to its lazy stand-in and returns the object that stands for it (the stand-in, or `data` itself). @internal */
export function adopt<T>(target: LazyTarget<T> | undefined, data: T): T {
  if (target === undefined) return data;
  target.data = data;
  return target.self;
}
