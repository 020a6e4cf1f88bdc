/**
 * `receivables`: an accounts-receivable engine. This entry exports the pure core
 * (money, terms, invoice, e-invoice, ledger, aging, metrics, statements, matching,
 * dunning), the ports a host implements and the engine that drives them. Adapters
 * and the test kit have their own entries (`receivables/adapters/*`,
 * `receivables/testing`), so that importing the core never loads a driver.
 *
 * @module
 */

export * from './aging/index.js';
export * from './dunning/index.js';
export * from './einvoice/index.js';
export * from './engine/index.js';
export * from './errors/index.js';
export * from './invoice/index.js';
export * from './ledger/index.js';
export * from './matching/index.js';
export * from './metrics/index.js';
export * from './money/index.js';
export * from './ports/index.js';
export * from './statements/index.js';
export * from './terms/index.js';
