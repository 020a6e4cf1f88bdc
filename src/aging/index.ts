/**
 * Aging of receivables: open items in day buckets per customer and currency, with
 * totals, percentages and CSV output.
 *
 * @module
 */
export * from './age.js';
export * from './buckets.js';
export * from './csv.js';
export { percentagesOf } from './percent.js';
export * from './types.js';
