/**
 * Cash application: payment references (ISO 11649 and national schemes), matching
 * bank transactions to open items with explained confidence, and applying the
 * decisions to the ledger idempotently.
 *
 * @module
 */
export * from './apply.js';
export * from './ledger-view.js';
export { type MatchPaymentsOptions, matchPayments } from './match.js';
export { nameKey, nameSimilarity, nameTokens } from './names.js';
export { type NumberKey, numberKey } from './number-key.js';
export * from './policy.js';
export * from './references/index.js';
export * from './types.js';
