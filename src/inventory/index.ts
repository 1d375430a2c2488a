/**
 * dealerkit/inventory: safety stock, reorder points, order quantities and stock health a planner
 * can trust, with every convention (trigger, rounding, stock basis, service measure) stated.
 *
 * @module inventory
 */
export { normalCdf, normalPdf, normalInverse, normalLoss, normalLossInverse } from './normal.js';
export { poissonCdf, poissonQuantile } from './poisson.js';
