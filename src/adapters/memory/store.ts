/**
 * The reference store: everything in memory, for tests, examples and hosts that
 * bring their own persistence later. It keeps every guarantee of the store port:
 * units of work run one at a time and roll back completely, versions are checked,
 * ids and keys are unique, and records are copied through JSON in and out.
 *
 * @module
 */
import { err, ok, type Result } from 'neverthrow';
import { invariant, type ReceivablesError, receivablesError } from '../../errors/index.js';
import type { Stored } from '../../ports/records.js';
import {
  COLLECTION_NAMES,
  type Collection,
  type CollectionName,
  type ReceivablesStore,
  type RecordQuery,
  type StoreSession,
} from '../../ports/store.js';
import { createMutex } from '../shared/mutex.js';
import { indexedFields, jsonClone } from '../shared/records.js';

type Row = Stored<{ readonly id: string }>;

interface Table {
  readonly rows: Map<string, Row>;
  readonly keys: Map<string, string>;
}

interface Work {
  readonly undo: (() => void)[];
  open: boolean;
}

function matches(collection: CollectionName, row: Row, query: RecordQuery): boolean {
  const f = indexedFields(collection, row);
  return (
    (query.customerId === undefined || f.customerId === query.customerId) &&
    (query.status === undefined || f.status === query.status) &&
    (query.key === undefined || f.key === query.key) &&
    (query.dueBy === undefined || (f.due !== undefined && f.due <= query.dueBy))
  );
}

function put(table: Table, collection: CollectionName, row: Row, work: Work): void {
  const previous = table.rows.get(row.id);
  const oldKey = previous && indexedFields(collection, previous).key;
  const newKey = indexedFields(collection, row).key;
  if (oldKey !== undefined) table.keys.delete(oldKey);
  if (newKey !== undefined) table.keys.set(newKey, row.id);
  table.rows.set(row.id, row);
  work.undo.push(() => {
    if (newKey !== undefined) table.keys.delete(newKey);
    if (oldKey !== undefined) table.keys.set(oldKey, row.id);
    if (previous) table.rows.set(row.id, previous);
    else table.rows.delete(row.id);
  });
}

function keyTaken(table: Table, collection: CollectionName, row: Row): string | undefined {
  const key = indexedFields(collection, row).key;
  if (key === undefined) return undefined;
  const owner = table.keys.get(key);
  return owner !== undefined && owner !== row.id ? key : undefined;
}

function collection(name: CollectionName, table: Table, work: Work): Collection<Row> {
  const guard = () => invariant(work.open, 'store session used after its transaction ended');
  return {
    async get(id) {
      guard();
      return ok(table.rows.get(id));
    },
    async list(query = {}) {
      guard();
      const rows = [...table.rows.values()].filter((row) => matches(name, row, query));
      if (query.dueBy !== undefined) {
        const due = (row: Row) => indexedFields(name, row).due ?? '';
        // Array.prototype.sort is stable: equal due values keep insertion order.
        rows.sort((a, b) => (due(a) < due(b) ? -1 : due(a) > due(b) ? 1 : 0));
      }
      return ok(query.limit === undefined ? rows : rows.slice(0, query.limit));
    },
    async insert(record) {
      guard();
      if (table.rows.has(record.id)) {
        return err(receivablesError('duplicate_id', { kind: name, id: record.id }));
      }
      const row = jsonClone({ ...record, version: 1 });
      const taken = keyTaken(table, name, row);
      if (taken !== undefined) return err(receivablesError('duplicate_key', { key: taken }));
      put(table, name, row, work);
      return ok(row);
    },
    async update(record, expectedVersion) {
      guard();
      const current = table.rows.get(record.id);
      if (!current) return err(receivablesError('not_found', { kind: name, id: record.id }));
      if (current.version !== expectedVersion) {
        return err(receivablesError('conflict', { kind: name, id: record.id, expectedVersion }));
      }
      const row = jsonClone({ ...record, version: expectedVersion + 1 });
      const taken = keyTaken(table, name, row);
      if (taken !== undefined) return err(receivablesError('duplicate_key', { key: taken }));
      put(table, name, row, work);
      return ok(row);
    },
  };
}

/**
 * Creates an empty in-memory store. Two engines given the same store object share
 * its data and its lock, like two processes on one database.
 *
 * @example
 * const store = createMemoryStore();
 * (await store.transaction(async (s) => s.customers.insert({ id: 'C1', name: 'Acme' })))
 *   .map((c) => c.version)
 * //=> Ok(1)
 */
export function createMemoryStore(): ReceivablesStore {
  const tables = new Map<CollectionName, Table>(
    COLLECTION_NAMES.map((name) => [name, { rows: new Map(), keys: new Map() }]),
  );
  const sequences = new Map<string, number>();
  const mutex = createMutex();

  async function transaction<T>(
    fn: (session: StoreSession) => Promise<Result<T, ReceivablesError>>,
  ): Promise<Result<T, ReceivablesError>> {
    return mutex.run(async () => {
      const work: Work = { undo: [], open: true };
      const entries = COLLECTION_NAMES.map((name) => {
        const table = tables.get(name);
        invariant(table, `missing table ${name}`);
        return [name, collection(name, table, work)] as const;
      });
      const session = Object.fromEntries(entries) as unknown as StoreSession;
      const withSequence: StoreSession = Object.assign(session, {
        async nextSequence(name: string) {
          invariant(work.open, 'store session used after its transaction ended');
          const previous = sequences.get(name) ?? 0;
          sequences.set(name, previous + 1);
          work.undo.push(() => sequences.set(name, previous));
          return ok(previous + 1);
        },
      });
      const rollback = () => {
        for (const undo of work.undo.reverse()) undo();
      };
      try {
        const result = await fn(withSequence);
        if (result.isErr()) rollback();
        return result;
      } catch (error) {
        rollback();
        throw error;
      } finally {
        work.open = false;
      }
    });
  }

  return { transaction, close: async () => undefined };
}
