/**
 * `receivables`: an accounts-receivable engine. This entry exports the pure core;
 * adapters and the test kit have their own entries (`receivables/adapters/*`,
 * `receivables/testing`).
 *
 * @module
 */
export * from './errors/index.js';
export * from './money/index.js';
