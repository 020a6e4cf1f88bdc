/**
 * `receivables/adapters/memory`: the in-memory reference store, a recording
 * mailer, and a manual clock and counter ids, for tests, examples and demos.
 *
 * @module
 */
export * from './store.js';
