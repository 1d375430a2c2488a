// Issue 18 part 1: every public function of every entry, called with valid input, the same input
// frozen, read back from JSON, and with one place perturbed by a hostile value (seeded, repeatable).
// A call must give a result or a DealerkitError whose issues name a real path of the input (never
// `internal` for input a caller can build from JSON); results hold no NaN, Infinity or undefined
// where a figure belongs; inputs are never mutated; a call gives the same outcome twice; no
// prototype is touched; every call ends within the time bound.
//
// `npm run fuzz` runs it ten times longer with a fresh seed (HOSTILE_SCALE, HOSTILE_SEED).
import { appendFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { CLASSES, KNOWN_OPEN, PUBLIC, SLOW, VALID } from './table.js';
import {
  SCALE,
  SEED,
  call,
  deepFreeze,
  hostileArb,
  jsonBuildable,
  locations,
  lostFigureText,
  perturb,
  perturbationLabel,
  problems,
  prototypesSnapshot,
  seedFor,
  snapshot,
  type Perturbation,
} from './harness.js';

const TZ = process.env.TZ ?? 'UTC';
// The full run is in the first time zone of `npm test` (UTC); the other zones run a fifth of it.
const ZONE_SHARE = TZ === 'UTC' ? 1 : 0.2;
const RUNS = Math.max(4, Math.round(80 * SCALE * ZONE_SHARE));
const SLOW_RUNS = Math.max(2, Math.round(20 * SCALE * ZONE_SHARE));

let calls = 0;
/** Problems of a known open class (KNOWN_OPEN in table.ts): counted and printed, not failed. */
const known = new Map<string, number>();

/** The problems that are not of a known open class of this function; the others are counted. */
function unexpected(name: string, check: 'json' | 'perturbed', found: string[]): string[] {
  const open = KNOWN_OPEN[name]?.[check];
  if (open === undefined) return found;
  const rest = found.filter((f) => !open.test(f));
  if (rest.length < found.length) known.set(`${name} (${check})`, (known.get(`${name} (${check})`) ?? 0) + 1);
  return rest;
}
const PROTOTYPES = prototypesSnapshot();

const functions = Object.keys(PUBLIC)
  .filter((n) => !CLASSES.has(n))
  .sort();

afterAll(() => {
  // The count docs/testing.md quotes; printed so `npm run fuzz` shows it beside the seed.
  console.log(`hostile input: ${calls} calls over ${functions.length} functions, seed ${SEED}, ${RUNS} perturbations each (${SLOW_RUNS} for the slow ones)`);
  if (known.size > 0) console.log(`known open (see KNOWN_OPEN): ${[...known].map(([k, n]) => `${k} ×${n}`).join(', ')}`);
});

describe('hostile input: the table', () => {
  it('has a valid call for every public function of every entry', () => {
    expect(functions.filter((n) => !(n in VALID))).toEqual([]);
    expect(Object.keys(VALID).filter((n) => !(n in PUBLIC))).toEqual([]);
    expect(functions.length).toBeGreaterThan(120);
  });
});

describe.each(functions.filter((n) => n in VALID))('hostile input: %s', (name) => {
  const fn = PUBLIC[name]!;
  const make = VALID[name]!;
  const run = (args: unknown[]) => {
    calls++;
    return call(fn, args);
  };

  it('valid input: a result with finite figures, the same twice, its input untouched, frozen or read back from JSON', () => {
    const args = make();
    const before = snapshot(args);
    const first = run(args);
    expect(first.ok ? [] : [String(first.error)], 'the documented example must succeed').toEqual([]);
    expect(problems(name, args, first, { json: true, inside: false })).toEqual([]);
    expect(lostFigureText(first.result)).toEqual([]);
    expect(snapshot(args), 'input mutated').toBe(before);
    expect(run(args).text, 'a second call differs').toBe(first.text);
    expect(run(deepFreeze(make())).text, 'a deep-frozen input gives another outcome').toBe(first.text);
    let text: string | undefined;
    try {
      text = JSON.stringify(args);
    } catch {
      text = undefined; // bigint or the like: not a JSON input
    }
    if (text !== undefined && !/Float64Array|^\[Error\(/.test(snapshot(args))) {
      const back = JSON.parse(text) as unknown[];
      const again = run(back);
      const found = problems(name, back, again, { json: true, inside: false });
      if (!again.ok) found.push(`its own JSON is refused: ${String(again.error).slice(0, 300)}`);
      else if (JSON.stringify(again.result) !== JSON.stringify(first.result)) found.push('read back from JSON, it gives another result');
      expect(unexpected(name, 'json', found)).toEqual([]);
    }
    expect(prototypesSnapshot()).toBe(PROTOTYPES);
  });

  it('one place perturbed: a result or a DealerkitError naming a real path, deterministic, no mutation, no pollution', () => {
    const locs = locations(make());
    const perturbation: fc.Arbitrary<Perturbation> = fc
      .record({
        loc: fc.nat(locs.length - 1),
        kind: fc.constantFrom('replace', 'replace', 'replace', 'replace', 'replace', 'delete', 'addKey', 'hole'),
        value: hostileArb,
        key: fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', 'polluted', 'extra'),
      })
      .map(({ loc, kind, value, key }) => {
        const at = locs[loc]!;
        if (kind === 'replace') return { kind, at, value };
        if (kind === 'addKey') return { kind, at, key, value };
        return { kind: kind as 'delete' | 'hole', at };
      });
    fc.assert(
      fc.property(perturbation, (p) => {
        // HOSTILE_TRACE=<file> appends each call to the file before it runs (synchronously), to find one that never returns.
        if (process.env.HOSTILE_TRACE) appendFileSync(process.env.HOSTILE_TRACE, `${name}(${perturbationLabel(p)})\n`);
        const args = perturb(make(), p);
        const before = snapshot(args);
        const out = run(args);
        const exotic = (p.kind === 'replace' || p.kind === 'addKey') && /revoked proxy|throwing getter/.test(p.value.label);
        const found = problems(name, args, out, { json: jsonBuildable(p), inside: p.at.length >= 2 && p.kind !== 'addKey', exotic });
        if (snapshot(args) !== before) found.push('input mutated');
        const again = run(perturb(make(), p));
        if (again.text !== out.text) found.push('a second call differs');
        if (prototypesSnapshot() !== PROTOTYPES) found.push('a prototype was changed');
        const rest = unexpected(name, 'perturbed', found);
        if (rest.length > 0) throw new Error(`${name}(${perturbationLabel(p)}): ${rest.join(' | ')}`);
      }),
      { seed: seedFor(name), numRuns: SLOW.has(name) ? SLOW_RUNS : RUNS, endOnFailure: true },
    );
  });
});
