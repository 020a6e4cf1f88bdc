/**
 * `receivables/adapters/sqlite`: the embedded SQLite store. Its driver,
 * better-sqlite3 (or Node's `node:sqlite`), is loaded only when a store is opened,
 * so importing this entry needs neither.
 *
 * @module
 */
export type { SqlDriver, SqliteDriverName, SqlValue } from './driver.js';
export { SCHEMA_VERSION } from './schema.js';
export { openSqliteStore, type SqliteStoreOptions } from './store.js';
