// src/core/lazy.ts: a schema stand-in built on first use, and frozen presets built on first read.
// The expected values follow from the comments in the source: nothing is built before the first
// read, `in` or `instanceof`; the build runs once; afterwards the stand-in holds the built value's
// own properties and prototype.
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { adopt, lazyFrozen, lazySchema, settle, type LazyTarget } from '../../src/core/lazy.js';

class Box {
  n = 3;
  inner = { shared: true };
  get twice(): number {
    return this.n * 2;
  }
  describe(): string {
    return `box of ${this.n}`;
  }
}

function counted(): { schema: Box; builds: () => number; built: () => Box | undefined } {
  let count = 0;
  let last: Box | undefined;
  const schema = lazySchema(() => {
    count += 1;
    last = new Box();
    return last;
  });
  return { schema, builds: () => count, built: () => last };
}

describe('lazySchema', () => {
  it('builds nothing until a property is read, then once: own properties and prototype copied, internals shared', () => {
    const { schema, builds, built } = counted();
    expect(builds()).toBe(0);
    expect(Object.keys(schema)).toEqual([]);
    expect(builds()).toBe(0);
    // A getter of the prototype reads the stand-in (n = 3): 3 × 2 = 6.
    expect(schema.twice).toBe(6);
    expect(builds()).toBe(1);
    expect(Object.keys(schema)).toEqual(['n', 'inner']);
    expect(Object.getPrototypeOf(schema)).toBe(Box.prototype);
    expect(schema.inner).toBe(built()!.inner);
    expect(schema.describe()).toBe('box of 3');
    expect(schema.n).toBe(3);
    expect(builds()).toBe(1);
  });

  it('the first read of an own property gives the built value', () => {
    const { schema, builds } = counted();
    expect(schema.n).toBe(3);
    expect(schema.inner).toEqual({ shared: true });
    expect(builds()).toBe(1);
  });

  it('a getter read first sees the stand-in as this', () => {
    const { schema } = counted();
    const first = schema.twice;
    schema.n = 10;
    // 10 × 2 = 20: the getter reads the stand-in's n, not the built object's.
    expect([first, schema.twice]).toEqual([6, 20]);
  });

  it('an `in` test builds it and answers for the built value', () => {
    const { schema, builds } = counted();
    expect('n' in schema).toBe(true);
    expect(builds()).toBe(1);
    expect(Object.getPrototypeOf(schema)).toBe(Box.prototype);
    const other = counted();
    expect('missing' in other.schema).toBe(false);
    expect('describe' in other.schema).toBe(true);
    expect(other.builds()).toBe(1);
  });

  it('instanceof builds it and is true for the built value’s class', () => {
    const { schema, builds } = counted();
    expect(schema instanceof Box).toBe(true);
    expect(builds()).toBe(1);
    expect(Object.keys(schema)).toEqual(['n', 'inner']);
    expect(counted().schema instanceof Map).toBe(false);
  });

  it('a write first builds it, then lands on the stand-in (not the built value)', () => {
    const { schema, builds, built } = counted();
    (schema as unknown as { extra: number }).extra = 5;
    expect(builds()).toBe(1);
    expect((schema as unknown as { extra: number }).extra).toBe(5);
    expect(Object.keys(schema)).toEqual(['n', 'inner', 'extra']);
    expect(Object.keys(built()!)).toEqual(['n', 'inner']);
    schema.n = 4;
    expect([schema.n, built()!.n, schema.twice]).toEqual([4, 3, 8]);
  });

  it('a plain object built: its prototype is Object.prototype afterwards', () => {
    let builds = 0;
    const s = lazySchema(() => {
      builds += 1;
      return { a: 1 };
    });
    expect(s.a).toBe(1);
    expect(Object.getPrototypeOf(s)).toBe(Object.prototype);
    expect(s.a + s.a).toBe(2);
    expect(builds).toBe(1);
  });
});

interface Preset {
  low: number;
  high: number;
}

function preset(): { value: Preset; builds: () => number } {
  let count = 0;
  const value = lazyFrozen<Preset>(['low', 'high'], (target) => {
    count += 1;
    adopt(target, Object.freeze({ low: 1, high: 5 }));
  });
  return { value, builds: () => count };
}

describe('lazyFrozen, settle, adopt', () => {
  it('is frozen from the start, with its keys in order, and builds on the first read only', () => {
    const { value, builds } = preset();
    expect(Object.isFrozen(value)).toBe(true);
    expect(Object.keys(value)).toEqual(['low', 'high']);
    expect(builds()).toBe(0);
    expect(value.high).toBe(5);
    expect(value.low).toBe(1);
    expect(builds()).toBe(1);
  });

  it('spreading, JSON and equality see the built values', () => {
    const { value, builds } = preset();
    expect({ ...value }).toEqual({ low: 1, high: 5 });
    expect(JSON.stringify(value)).toBe('{"low":1,"high":5}');
    expect(value).toEqual({ low: 1, high: 5 });
    expect(builds()).toBe(1);
  });

  it('util.inspect shows the built object', () => {
    const { value, builds } = preset();
    expect(inspect(value)).toBe('{ low: 1, high: 5 }');
    expect(builds()).toBe(1);
  });

  it('settle builds a preset not built yet, once; anything else is left alone', () => {
    const { value, builds } = preset();
    settle(value);
    expect(builds()).toBe(1);
    settle(value);
    expect(value.low).toBe(1);
    expect(builds()).toBe(1);
    const plain = { low: 1 };
    settle(plain);
    expect(plain).toEqual({ low: 1 });
  });

  it('a read while building is refused; a build that failed runs again on the next read', () => {
    let attempts = 0;
    const value: Preset = lazyFrozen<Preset>(['low', 'high'], (target) => {
      attempts += 1;
      if (attempts === 1) throw new Error('first build fails');
      if (attempts === 2) void value.low;
      adopt(target, { low: 2, high: 3 });
    });
    expect(() => value.low).toThrow(new Error('first build fails'));
    expect(() => value.high).toThrow(new Error('[dealerkit] a preset was read while it was being built'));
    expect(value.high).toBe(3);
    expect(attempts).toBe(3);
  });

  it('adopt hands the data to the stand-in and returns the stand-in; without one, the data', () => {
    const self = { k: 0 };
    const target: LazyTarget<{ k: number }> = { self };
    const data = { k: 1 };
    expect(adopt(target, data)).toBe(self);
    expect(target.data).toBe(data);
    expect(adopt(undefined, data)).toBe(data);
  });
});
