// Entry of the IIFE bundle (global `Dealerkit`): the whole library with its dependencies inside.
export * from './index.js';
