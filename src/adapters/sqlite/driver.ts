/**
 * The small SQL interface the SQLite store needs, and its two implementations:
 * better-sqlite3 (an optional peer dependency, loaded only when a store is opened)
 * and Node's built-in `node:sqlite` (Node 22.5 and later). A host with another
 * SQLite binding implements {@link SqlDriver} itself.
 *
 * @module
 */

/** A value bound to or read from SQL. Money is always TEXT, never a float. */
export type SqlValue = string | number | bigint | null;

/** A synchronous SQLite connection, as both drivers expose it. */
export interface SqlDriver {
  /** Which binding this is, for messages. */
  readonly name: string;
  /** Runs one or more statements without parameters. */
  exec(sql: string): void;
  /** Runs a statement; returns how many rows it changed. */
  run(sql: string, params?: readonly SqlValue[]): { readonly changes: number };
  /** All rows of a query. */
  all(sql: string, params?: readonly SqlValue[]): readonly Record<string, SqlValue>[];
  /** True when an error means "the database is locked by another connection". */
  isBusy(error: unknown): boolean;
  close(): void;
}

/** Which binding to use: `auto` tries better-sqlite3, then `node:sqlite`. */
export type SqliteDriverName = 'auto' | 'better-sqlite3' | 'node:sqlite';

interface Statement {
  run(...params: SqlValue[]): { changes: number | bigint };
  all(...params: SqlValue[]): unknown[];
}

interface Connection {
  exec(sql: string): unknown;
  prepare(sql: string): Statement;
  close(): unknown;
}

function wrap(name: string, db: Connection, isBusy: (error: unknown) => boolean): SqlDriver {
  const cache = new Map<string, Statement>();
  const prepared = (sql: string): Statement => {
    let statement = cache.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      cache.set(sql, statement);
    }
    return statement;
  };
  return {
    name,
    exec: (sql) => void db.exec(sql),
    run: (sql, params = []) => ({ changes: Number(prepared(sql).run(...params).changes) }),
    all: (sql, params = []) => prepared(sql).all(...params) as Record<string, SqlValue>[],
    isBusy,
    close: () => void db.close(),
  };
}

function errorCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : '';
}

/** Opens a file with better-sqlite3 (must be installed: it is an optional peer). */
export async function openBetterSqlite(path: string): Promise<SqlDriver> {
  const module = await import('better-sqlite3');
  const Database = module.default;
  const db = new Database(path, { timeout: 0 }) as unknown as Connection;
  return wrap('better-sqlite3', db, (e) => String(errorCode(e)).startsWith('SQLITE_BUSY'));
}

/** Opens a file with Node's built-in `node:sqlite` (Node 22.5+). */
export async function openNodeSqlite(path: string): Promise<SqlDriver> {
  const specifier = 'node:sqlite';
  const module = (await import(specifier)) as {
    DatabaseSync: new (path: string, options?: { timeout?: number }) => Connection;
  };
  const db = new module.DatabaseSync(path, { timeout: 0 });
  const isBusy = (e: unknown) =>
    (e as { errcode?: number }).errcode === 5 || /database is locked/i.test(String(e));
  return wrap('node:sqlite', db, isBusy);
}

/**
 * Opens a connection with the named binding.
 *
 * @example
 * (await openDriver(':memory:', 'better-sqlite3')).name
 * //=> 'better-sqlite3'
 */
export async function openDriver(path: string, name: SqliteDriverName): Promise<SqlDriver> {
  if (name === 'better-sqlite3') return openBetterSqlite(path);
  if (name === 'node:sqlite') return openNodeSqlite(path);
  try {
    return await openBetterSqlite(path);
  } catch (betterError) {
    try {
      return await openNodeSqlite(path);
    } catch {
      throw betterError;
    }
  }
}
