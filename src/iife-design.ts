// Entry of the design IIFE (global `DealerkitDesign`): dealerkit/design with defineRebateProgram,
// so that one script suffices in a bare engine. Each bundle recognises only the programs it defined
// itself, so a program for DealerkitDesign is defined by DealerkitDesign.defineRebateProgram (or
// given as a spec, which the design functions define on the spot).
export * from './design/index.js';
export { defineRebateProgram } from './rebates/program.js';
export { Decimal } from './core/decimal.js';
