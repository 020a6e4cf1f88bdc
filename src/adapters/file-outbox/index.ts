/**
 * `receivables/adapters/file-outbox`: a mailer that writes .eml files.
 *
 * @module
 */
export { createFileOutbox, emlFileName, type FileOutboxOptions } from './mailer.js';
