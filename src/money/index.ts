/**
 * Exact money: ISO 4217 currencies (and a host's own), decimal amounts, arithmetic,
 * named rounding modes and cash increments, and allocation by largest remainder.
 *
 * @module
 */
export * from './allocate.js';
export * from './currency.js';
export * from './decimal.js';
export * from './format.js';
export * from './money.js';
