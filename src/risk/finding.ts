// The finding a review records, below the schema that checks it and the engine that assesses it.
import type { Decimal } from '../core/decimal.js';
/** A control in place that lowers a risk. */
export interface RiskControl {
  /** An id for reports. */
  readonly id: string;
  /** What the control is. */
  readonly description?: string;
}

/** A likelihood or impact: a label of the factor's matrix, or a value read through the factor's scale. */
export type RiskAxisValue = string | number | Decimal;

/**
 * One finding of a due-diligence review: a factor's likelihood and impact, with the controls in
 * place and the residual likelihood and impact they leave.
 */
export interface RiskFinding {
  /** The factor's id in the template. */
  readonly factor: string;
  /** The inherent likelihood: a label, or a number (or Decimal) read through the factor's likelihood scale. */
  readonly likelihood: RiskAxisValue;
  /** The inherent impact: a label, or a value read through the factor's impact scale. */
  readonly impact: RiskAxisValue;
  /** True when this finding decides alone (the factor must be a knock-out factor). */
  readonly knockout?: boolean;
  /** What was found, for the report. */
  readonly note?: string;
  /** Controls in place; a lowered residual needs at least one. */
  readonly controls?: readonly RiskControl[];
  /** The likelihood and impact left after the controls; never above the inherent ones. */
  readonly residual?: {
    /** The residual likelihood. */
    readonly likelihood: RiskAxisValue;
    /** The residual impact. */
    readonly impact: RiskAxisValue;
  };
}
