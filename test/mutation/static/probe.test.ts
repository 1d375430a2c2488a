// The probe of ./origins.mjs (DK_STATIC_MODULE names the module): what src/<module> runs when it is imported and
// nothing else, the floor that ./origins.mjs subtracts. Left out of the main suite (test/vitest.config.ts).
import { expect, it } from 'vitest';

const mod = process.env.DK_STATIC_MODULE;
const loaded: unknown = await import(`../../../src/${mod}/index.ts`);

it('imports the module', () => expect(loaded).toBeTypeOf('object'));
