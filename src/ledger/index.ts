/**
 * The receivables ledger: open items, payments, credit notes, allocations, and the
 * balances they leave as of any date.
 *
 * @module
 */
export * from './balances.js';
export * from './types.js';
