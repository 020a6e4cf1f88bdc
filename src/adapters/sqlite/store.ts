/**
 * The SQLite store: the default embedded database of the engine. One file, in WAL
 * mode with foreign keys on; every unit of work is a `BEGIN IMMEDIATE` transaction,
 * so units of work of two stores (two processes, or two engines in one process) on
 * the same file serialise. A busy database is retried with short async waits, never
 * by blocking the event loop, up to `busyTimeoutMs`.
 *
 * @module
 */
import { err, ok, type Result } from 'neverthrow';
import { type ReceivablesError, receivablesError } from '../../errors/index.js';
import {
  COLLECTION_NAMES,
  type ReceivablesStore,
  type StoreSession,
  type TransactionOptions,
} from '../../ports/store.js';
import { createMutex } from '../shared/mutex.js';
import { sqliteCollection } from './collection.js';
import { openDriver, type SqlDriver, type SqliteDriverName } from './driver.js';
import { migrate } from './migrate.js';

/** Options of {@link openSqliteStore}. */
export interface SqliteStoreOptions {
  /** Which SQLite binding to load; default `auto`. */
  readonly driver?: SqliteDriverName | SqlDriver;
  /** How long a unit of work waits for another connection's lock; default 10 000 ms. */
  readonly busyTimeoutMs?: number;
  /** `NORMAL` (default: durable at checkpoints, safe in WAL) or `FULL` (fsync per commit). */
  readonly synchronous?: 'NORMAL' | 'FULL';
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function begin(
  db: SqlDriver,
  readOnly: boolean,
  timeoutMs: number,
): Promise<Result<void, ReceivablesError>> {
  const started = performance.now();
  for (let attempt = 0; ; attempt += 1) {
    try {
      db.exec(readOnly ? 'BEGIN DEFERRED' : 'BEGIN IMMEDIATE');
      return ok(undefined);
    } catch (error) {
      if (!db.isBusy(error)) throw error;
      if (performance.now() - started > timeoutMs) {
        const reason = `database locked by another connection for over ${timeoutMs} ms`;
        return err(receivablesError('storage_failed', { reason, retryable: true }));
      }
      await sleep(Math.min(2 ** attempt, 25));
    }
  }
}

function rollback(db: SqlDriver): void {
  try {
    db.exec('ROLLBACK');
  } catch {
    // SQLite already rolled back on its own (e.g. after SQLITE_FULL): nothing is left to undo.
  }
}

/**
 * Opens (creating and migrating when needed) a SQLite store in a file; `:memory:`
 * gives a private in-memory database.
 *
 * @example
 * const store = (await openSqliteStore('receivables.db'))._unsafeUnwrap();
 * await store.close();
 * //=> undefined
 */
export async function openSqliteStore(
  path: string,
  options: SqliteStoreOptions = {},
): Promise<Result<ReceivablesStore, ReceivablesError>> {
  let db: SqlDriver;
  try {
    const driver = options.driver ?? 'auto';
    db = typeof driver === 'string' ? await openDriver(path, driver) : driver;
  } catch (error) {
    const reason = `cannot open ${path}: ${String(error)} (is better-sqlite3 installed?)`;
    return err(receivablesError('storage_failed', { reason, retryable: false }));
  }
  const timeoutMs = options.busyTimeoutMs ?? 10_000;
  const mutex = createMutex();
  let closed = false;

  db.exec('PRAGMA foreign_keys = ON');
  if (path !== ':memory:') db.exec('PRAGMA journal_mode = WAL');
  db.exec(`PRAGMA synchronous = ${options.synchronous ?? 'NORMAL'}`);
  const migrated = await mutex.run(async () => {
    const started = await begin(db, false, timeoutMs);
    return started.andThen(() => migrate(db));
  });
  if (migrated.isErr()) {
    db.close();
    return err(migrated.error);
  }

  async function transaction<T>(
    work: (session: StoreSession) => Promise<Result<T, ReceivablesError>>,
    transactionOptions: TransactionOptions = {},
  ): Promise<Result<T, ReceivablesError>> {
    return mutex.run(async () => {
      if (closed) {
        return err(
          receivablesError('storage_failed', { reason: 'store closed', retryable: false }),
        );
      }
      const started = await begin(db, transactionOptions.readOnly === true, timeoutMs);
      if (started.isErr()) return err(started.error);
      let open = true;
      const isOpen = () => open;
      const session = Object.fromEntries(
        COLLECTION_NAMES.map((name) => [name, sqliteCollection(db, name, isOpen)]),
      ) as unknown as StoreSession;
      const full: StoreSession = Object.assign(session, {
        async nextSequence(name: string) {
          const rows = db.all(
            `INSERT INTO sequences (name, value) VALUES (?, 1)
             ON CONFLICT(name) DO UPDATE SET value = value + 1 RETURNING value`,
            [name],
          );
          return ok(Number(rows[0]?.value));
        },
      });
      let result: Result<T, ReceivablesError>;
      try {
        result = await work(full);
      } catch (error) {
        rollback(db);
        throw error;
      } finally {
        open = false;
      }
      if (result.isErr()) {
        rollback(db);
        return result;
      }
      try {
        db.exec('COMMIT');
        return result;
      } catch (error) {
        rollback(db);
        const retryable = db.isBusy(error);
        return err(receivablesError('storage_failed', { reason: String(error), retryable }));
      }
    });
  }

  async function close(): Promise<void> {
    await mutex.run(async () => {
      if (!closed) db.close();
      closed = true;
    });
  }

  return ok({ transaction, close });
}
