/**
 * `receivables/adapters/memory`: the in-memory reference store, a recording
 * mailer, and clocks and id sources, for tests, examples and demos.
 *
 * @module
 */
export * from './mailer.js';
export * from './store.js';
export * from './system.js';
