// The seeds' annual target of 100,000,000 cascaded so that every level sums to its parent.
// Run: npx tsx examples/targets-seeds-cascade.ts
import assert from 'node:assert/strict';
import { cascadeTarget, gregorianCalendar } from 'dealerkit';

const nested = cascadeTarget({ total: 100_000_000, calendar: gregorianCalendar({ year: 2026 }), levels: ['quarter', 'month'], spread: 'even', scale: 0 });
const quarters = nested.periods.map((q) => q.target.toString());
const months = nested.periods.flatMap((q) => q.children.map((m) => m.target.toString()));
console.log('quarters:', quarters.join(', '));
console.log('months:  ', months.join(', '));
// Quarters of 25,000,000; inside each quarter 8,333,334 + 8,333,333 + 8,333,333 (the leftover unit
// goes to the quarter's first month), so the twelve months sum to 100,000,000, not 99,999,996.
assert.deepEqual(quarters, ['25000000', '25000000', '25000000', '25000000']);
assert.deepEqual(months.slice(0, 3), ['8333334', '8333333', '8333333']);
assert.equal(months.reduce((a, m) => a + Number(m), 0), 100_000_000);

// 2025 has 52 ISO weeks: 100,000,000 = 52 × 1,923,076 + 48, so 48 weeks carry one unit more.
const weeks = cascadeTarget({ total: 100_000_000, calendar: gregorianCalendar({ year: 2025 }), levels: ['week'], spread: 'even', weeks: 'thursday', scale: 0 });
console.log(`2025: ${weeks.periods.length} ISO weeks, first ${weeks.periods[0]!.id} = ${weeks.periods[0]!.target}, last ${weeks.periods[51]!.id} = ${weeks.periods[51]!.target}`);
assert.equal(weeks.periods.length, 52);
assert.equal(weeks.periods.filter((w) => w.target.toString() === '1923077').length, 48);
assert.equal(weeks.periods.filter((w) => w.target.toString() === '1923076').length, 4);
