/**
 * Runs the schema migrations that a database has not had yet, inside the write
 * transaction the caller opened, and commits. A database written by a newer
 * version of this library is refused rather than misread.
 *
 * @module
 */
import { err, ok, type Result } from 'neverthrow';
import { type ReceivablesError, receivablesError } from '../../errors/index.js';
import type { SqlDriver } from './driver.js';
import { MIGRATIONS, SCHEMA_VERSION } from './schema.js';

/**
 * Brings the schema up to {@link SCHEMA_VERSION}; the caller has begun a transaction,
 * which this commits (or rolls back on failure).
 *
 * @example
 * migrate(db).isOk()
 * //=> true
 */
export function migrate(db: SqlDriver): Result<number, ReceivablesError> {
  try {
    db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
    const row = db.all('SELECT MAX(version) AS version FROM schema_version')[0];
    const current = row?.version === null || row?.version === undefined ? 0 : Number(row.version);
    if (current > SCHEMA_VERSION) {
      db.exec('ROLLBACK');
      const reason = `database schema version ${current} is newer than ${SCHEMA_VERSION}`;
      return err(receivablesError('storage_failed', { reason, retryable: false }));
    }
    for (let version = current; version < SCHEMA_VERSION; version += 1) {
      db.exec(MIGRATIONS[version] ?? '');
      db.run('INSERT INTO schema_version (version) VALUES (?)', [version + 1]);
    }
    db.exec('COMMIT');
    return ok(SCHEMA_VERSION);
  } catch (error) {
    try {
      db.exec('ROLLBACK');
    } catch {
      // The failed statement already ended the transaction.
    }
    return err(receivablesError('storage_failed', { reason: String(error), retryable: false }));
  }
}
