/**
 * The receivables ledger: open items, payments, credit notes, allocations, and the
 * balances they leave as of any date.
 *
 * @module
 */
export * from './allocate.js';
export * from './balances.js';
export * from './batch.js';
export * from './csv.js';
export * from './parse.js';
export { ALLOCATION_POLICIES, type AllocationPolicy } from './policy.js';
export * from './request.js';
export * from './schema.js';
export * from './text.js';
export * from './types.js';
export * from './undo.js';
