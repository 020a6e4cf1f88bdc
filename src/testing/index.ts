/**
 * `receivables/testing`: contract suites for a host's own store, mailer and payment
 * gateway, runnable with any test runner that has `describe` and `it`, and
 * fast-check arbitraries (fast-check is an optional peer) for property tests.
 *
 * @module
 */
export * from './arbitraries.js';
export * from './gateway-contract.js';
export * from './mailer-contract.js';
export * from './runner.js';
export * from './store-contract.js';
