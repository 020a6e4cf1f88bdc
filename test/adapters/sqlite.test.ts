import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ok } from 'neverthrow';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore, SCHEMA_VERSION } from '../../src/adapters/sqlite/index.js';
import { MIGRATIONS } from '../../src/adapters/sqlite/schema.js';

const dir = mkdtempSync(join(tmpdir(), 'receivables-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const fresh = () => join(dir, `t-${++n}.db`);

async function open(path: string, busyTimeoutMs?: number) {
  return (await openSqliteStore(path, busyTimeoutMs ? { busyTimeoutMs } : {}))._unsafeUnwrap();
}

const invoice = {
  id: 'INV-1',
  number: 'A-1',
  customerId: 'C1',
  currency: 'KWD',
  issueDate: '2024-01-01',
  dueDate: '2024-01-31',
  amount: '1234.567',
};

describe('SQLite store', () => {
  it('creates the schema at the current version, in WAL mode with foreign keys', async () => {
    const path = fresh();
    const store = await open(path);
    await store.close();
    const db = new Database(path, { readonly: true });
    expect(db.prepare('SELECT MAX(version) AS v FROM schema_version').get()).toEqual({
      v: SCHEMA_VERSION,
    });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const columns = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
      .all()
      .flatMap(
        (t) => db.pragma(`table_info(${(t as { name: string }).name})`) as { type: string }[],
      );
    expect(columns.some((c) => c.type.toUpperCase() === 'REAL')).toBe(false);
    db.close();
  });

  it('stores money as decimal text, exactly, and keeps it across reopen', async () => {
    const path = fresh();
    const store = await open(path);
    await store.transaction(async (s) => {
      await s.customers.insert({ id: 'C1', name: 'Acme' });
      return s.invoices.insert(invoice);
    });
    await store.close();
    const db = new Database(path, { readonly: true });
    expect(db.prepare('SELECT amount, typeof(amount) AS t FROM invoices').get()).toEqual({
      amount: '1234.567',
      t: 'text',
    });
    db.close();
    const again = await open(path);
    const read = await again.transaction(async (s) => s.invoices.get('INV-1'));
    expect(read._unsafeUnwrap()).toEqual({ ...invoice, version: 1 });
    await again.close();
  });

  it('refuses a document of a customer it does not know (foreign key)', async () => {
    const store = await open(fresh());
    const result = await store.transaction(async (s) => s.invoices.insert(invoice));
    expect(result._unsafeUnwrapErr().code).toBe('not_found');
    await store.close();
  });

  it('refuses a database written by a newer schema', async () => {
    const path = fresh();
    await (await open(path)).close();
    const db = new Database(path);
    db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(SCHEMA_VERSION + 1);
    db.close();
    const result = await openSqliteStore(path);
    expect(result._unsafeUnwrapErr().code).toBe('storage_failed');
  });

  it('migrates a version 1 file so that one action can post several charges', async () => {
    // Version 1 kept each charge's dunning action key in the UNIQUE key column.
    const path = fresh();
    const v1 = new Database(path);
    v1.exec(MIGRATIONS[0]!);
    v1.exec('CREATE TABLE schema_version (version INTEGER NOT NULL)');
    v1.prepare('INSERT INTO schema_version (version) VALUES (1)').run();
    v1.prepare("INSERT INTO customers (id, version, data) VALUES ('C1', 1, ?)").run(
      JSON.stringify({ id: 'C1', name: 'Acme' }),
    );
    const fee = {
      id: 'dun:C1:EUR:L2:x/fee/L2',
      kind: 'fee',
      customerId: 'C1',
      currency: 'EUR',
      date: '2024-04-01',
      amount: '5.00',
      actionKey: 'dun:C1:EUR:L2:x',
    };
    v1.prepare(
      `INSERT INTO charges (id, version, key, customer_id, amount, currency, data)
       VALUES (?, 1, ?, 'C1', '5.00', 'EUR', ?)`,
    ).run(fee.id, fee.actionKey, JSON.stringify(fee));
    v1.close();

    const store = await open(path);
    const interest = { ...fee, id: 'dun:C1:EUR:L2:x/interest/INV-1', kind: 'interest' as const };
    const inserted = await store.transaction(async (s) => s.charges.insert(interest));
    expect(inserted.isOk()).toBe(true);
    const all = (await store.transaction(async (s) => s.charges.list()))._unsafeUnwrap();
    expect(all.map((c) => c.id)).toEqual([fee.id, interest.id]);
    await store.close();
    const db = new Database(path, { readonly: true });
    expect(SCHEMA_VERSION).toBe(2);
    expect(db.prepare('SELECT MAX(version) AS v FROM schema_version').get()).toEqual({ v: 2 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM charges WHERE key IS NOT NULL').get()).toEqual({
      n: 0,
    });
    db.close();
  });

  it('waits for another connection, then reports storage_failed after the timeout', async () => {
    const path = fresh();
    const holder = await open(path);
    const waiter = await open(path, 50);
    let release: () => void = () => undefined;
    const held = holder.transaction(async () => {
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      return ok(undefined);
    });
    const blocked = await waiter.transaction(async (s) => s.nextSequence('x'));
    expect(blocked._unsafeUnwrapErr()).toMatchObject({ code: 'storage_failed', retryable: true });
    release();
    await held;
    expect((await waiter.transaction(async (s) => s.nextSequence('x')))._unsafeUnwrap()).toBe(1);
    await holder.close();
    await waiter.close();
  });
});
