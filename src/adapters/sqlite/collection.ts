/**
 * One store collection over one SQLite table: reads decode the JSON column, writes
 * check id, key and version inside the unit of work's write lock, so the UNIQUE
 * constraints are only the last line of defence.
 *
 * @module
 */
import { err, ok } from 'neverthrow';
import { invariant, type ReceivablesError, receivablesError } from '../../errors/index.js';
import type { Stored } from '../../ports/records.js';
import type { Collection, CollectionName, RecordQuery } from '../../ports/store.js';
import { indexedFields } from '../shared/records.js';
import type { SqlDriver, SqlValue } from './driver.js';
import { TABLES } from './schema.js';

type Row = Stored<{ readonly id: string }>;

function decode(row: Record<string, SqlValue>): Row {
  return { ...JSON.parse(String(row.data)), version: Number(row.version) };
}

function columns(name: CollectionName, record: { readonly id: string }): SqlValue[] {
  const f = indexedFields(name, record);
  const r = record as { amount?: unknown; currency?: unknown };
  return [
    f.key ?? null,
    f.status ?? null,
    f.customerId ?? null,
    f.due ?? null,
    typeof r.amount === 'string' ? r.amount : null,
    typeof r.currency === 'string' ? r.currency : null,
    JSON.stringify(record),
  ];
}

function constraintError(
  name: CollectionName,
  record: { readonly id: string },
  error: unknown,
): ReceivablesError {
  const message = String(error instanceof Error ? error.message : error);
  const unique = /UNIQUE constraint failed: \w+\.(\w+)/.exec(message);
  const f = indexedFields(name, record);
  if (unique?.[1] === 'id') return receivablesError('duplicate_id', { kind: name, id: record.id });
  if (unique?.[1] === 'key') return receivablesError('duplicate_key', { key: String(f.key) });
  if (/FOREIGN KEY constraint failed/.test(message)) {
    return receivablesError('not_found', { kind: 'customer', id: String(f.customerId) });
  }
  return receivablesError('storage_failed', { reason: message, retryable: false });
}

/** The collection `name` on `db`; `isOpen` says whether its unit of work still runs. */
export function sqliteCollection(
  db: SqlDriver,
  name: CollectionName,
  isOpen: () => boolean,
): Collection<Row> {
  const t = TABLES[name];
  const guard = () => invariant(isOpen(), 'store session used after its transaction ended');
  const select = (where: string, params: SqlValue[], order = 'seq', limit = '') =>
    db.all(`SELECT version, data FROM ${t}${where} ORDER BY ${order}${limit}`, params).map(decode);
  const keyOwner = (key: string | undefined): string | undefined =>
    key === undefined
      ? undefined
      : (db.all(`SELECT id FROM ${t} WHERE key = ?`, [key])[0]?.id as string);

  return {
    async get(id) {
      guard();
      return ok(select(' WHERE id = ?', [id])[0]);
    },
    async list(query: RecordQuery = {}) {
      guard();
      const where: string[] = [];
      const params: SqlValue[] = [];
      for (const [column, value] of [
        ['customer_id', query.customerId],
        ['status', query.status],
        ['key', query.key],
        ['due', query.dueBy],
      ] as const) {
        if (value === undefined) continue;
        where.push(column === 'due' ? 'due <= ?' : `${column} = ?`);
        params.push(value);
      }
      const order = query.dueBy === undefined ? 'seq' : 'due, seq';
      const limit =
        query.limit === undefined ? '' : ` LIMIT ${Math.max(0, Math.floor(query.limit))}`;
      return ok(select(where.length ? ` WHERE ${where.join(' AND ')}` : '', params, order, limit));
    },
    async insert(record) {
      guard();
      // The constraints decide (one statement instead of three look-ups); a failed
      // statement aborts only itself, never the unit of work around it.
      try {
        db.run(
          `INSERT INTO ${t} (id, version, key, status, customer_id, due, amount, currency, data)
           VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?)`,
          [record.id, ...columns(name, record)],
        );
      } catch (error) {
        return err(constraintError(name, record, error));
      }
      return ok({ ...(JSON.parse(JSON.stringify(record)) as object), version: 1 } as Row);
    },
    async update(record, expectedVersion) {
      guard();
      const current = db.all(`SELECT version FROM ${t} WHERE id = ?`, [record.id])[0];
      if (!current) return err(receivablesError('not_found', { kind: name, id: record.id }));
      if (Number(current.version) !== expectedVersion) {
        return err(receivablesError('conflict', { kind: name, id: record.id, expectedVersion }));
      }
      const f = indexedFields(name, record);
      const owner = keyOwner(f.key);
      if (owner !== undefined && owner !== record.id) {
        return err(receivablesError('duplicate_key', { key: String(f.key) }));
      }
      let changes = 0;
      try {
        changes = db.run(
          `UPDATE ${t} SET version = version + 1, key = ?, status = ?, customer_id = ?,
           due = ?, amount = ?, currency = ?, data = ? WHERE id = ? AND version = ?`,
          [...columns(name, record), record.id, expectedVersion],
        ).changes;
      } catch (error) {
        return err(constraintError(name, record, error));
      }
      invariant(changes === 1, 'row changed inside a write transaction');
      const copy = JSON.parse(JSON.stringify(record)) as object;
      return ok({ ...copy, version: expectedVersion + 1 } as Row);
    },
  };
}
