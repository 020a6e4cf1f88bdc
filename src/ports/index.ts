/**
 * Ports: the interfaces a host implements so that the engine can run against its
 * own database, mail service and payment provider. Interfaces and plain data only.
 *
 * @module
 */
export * from './gateway.js';
export * from './mailer.js';
export * from './records.js';
export * from './store.js';
export * from './system.js';
