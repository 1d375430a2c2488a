// The seeds' annual target of 100,000,000 cascaded so that every level sums to its parent.
// Run: npx tsx examples/targets-seeds-cascade.ts
import assert from 'node:assert/strict';
import { cascadeTarget, defineGregorianCalendar, explainCascade } from 'dealerkit';

const nested = cascadeTarget({ calendar: defineGregorianCalendar({ year: 2026 }), levels: ['quarter', 'month'], spread: 'even' }, 100_000_000);
const quarters = nested.periods.map((q) => q.target.toString());
const months = nested.periods.flatMap((q) => q.children.map((m) => m.target.toString()));
console.log('quarters:', quarters.join(', '));
console.log('months:  ', months.join(', '));
// Quarters of 25,000,000; inside each quarter 8,333,334 + 8,333,333 + 8,333,333 (the leftover unit
// goes to the quarter's first month), so the twelve months sum to 100,000,000, not 99,999,996.
assert.deepEqual(quarters, ['25000000', '25000000', '25000000', '25000000']);
assert.deepEqual(months.slice(0, 3), ['8333334', '8333333', '8333333']);
assert.equal(months.reduce((a, m) => a + Number(m), 0), 100_000_000);

// The same in the words a channel manager would send.
const sentences = explainCascade(nested);
for (const s of sentences) console.log(`  ${s}`);
assert.equal(sentences[2], '2026-Q1: 25,000,000 over 3 months, evenly: 8,333,333 each; the leftover 1 goes to 2026-01 (8,333,334).');

// 2025 has 52 ISO weeks: 100,000,000 = 52 × 1,923,076 + 48, so 48 weeks carry one unit more.
const weeks = cascadeTarget({ calendar: defineGregorianCalendar({ year: 2025 }), levels: ['week'], spread: 'even', weeks: 'thursday' }, 100_000_000);
console.log(`2025: ${weeks.periods.length} ISO weeks, first ${weeks.periods[0]!.period} = ${weeks.periods[0]!.target}, last ${weeks.periods[51]!.period} = ${weeks.periods[51]!.target}`);
assert.equal(weeks.periods.length, 52);
assert.equal(weeks.periods.filter((w) => w.target.toString() === '1923077').length, 48);
assert.equal(weeks.periods.filter((w) => w.target.toString() === '1923076').length, 4);
