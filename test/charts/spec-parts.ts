// What every chart specification carries, written out once for the tests that assert specs whole.

/** The Vega-Lite v5 schema every chart declares. */
export const SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json';

/** The display settings specOf adds to every chart (src/charts/spec.ts). */
export const CONFIG = { font: 'Liberation Sans, Arial, Helvetica, sans-serif', view: { stroke: null }, axis: { labelFontSize: 11, titleFontSize: 11 } };
