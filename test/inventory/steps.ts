// Test helpers: read a plan's steps by code, and their texts.
import type { ReorderPlan, ReorderStep } from 'dealerkit';

/** The plan's step with this code (the test fails when there is none). */
export function stepOf<C extends ReorderStep['code']>(plan: ReorderPlan, code: C): Extract<ReorderStep, { code: C }> {
  const found = plan.steps.find((s) => s.code === code);
  if (found === undefined) throw new Error(`the plan has no '${code}' step (it has ${plan.steps.map((s) => s.code).join(', ')})`);
  return found as Extract<ReorderStep, { code: C }>;
}

/** Every step text of a plan, in order. */
export function texts(plan: ReorderPlan): string[] {
  return plan.steps.map((s) => s.text);
}
