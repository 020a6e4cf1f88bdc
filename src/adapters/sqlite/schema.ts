/**
 * The SQLite schema and its migrations. One table per store collection, each with
 * the record as JSON text plus the indexed columns: a UNIQUE `key` for idempotency
 * keys, `status`, `customer_id` (a foreign key to `customers` where the record
 * belongs to one) and `amount` as decimal TEXT (a CHECK refuses any other type:
 * money is never a REAL). `schema_version` says which migrations have run.
 *
 * @module
 */
import type { CollectionName } from '../../ports/store.js';

/** Table name of each collection. */
export const TABLES: { readonly [N in CollectionName]: string } = {
  customers: 'customers',
  invoices: 'invoices',
  documents: 'documents',
  creditNotes: 'credit_notes',
  payments: 'payments',
  refunds: 'refunds',
  charges: 'charges',
  writeOffs: 'write_offs',
  allocations: 'allocations',
  dunningHistory: 'dunning_history',
  outbox: 'outbox',
  suggestions: 'suggestions',
  transactions: 'bank_transactions',
  imports: 'imports',
  cursors: 'cursors',
};

/** Collections whose `customer_id` is a foreign key to `customers`. */
export const OWNED_BY_CUSTOMER: ReadonlySet<CollectionName> = new Set<CollectionName>([
  'invoices',
  'creditNotes',
  'payments',
  'refunds',
  'charges',
  'dunningHistory',
]);

function table(name: CollectionName): string {
  const customer = OWNED_BY_CUSTOMER.has(name)
    ? 'customer_id TEXT REFERENCES customers(id)'
    : 'customer_id TEXT';
  const t = TABLES[name];
  return `CREATE TABLE ${t} (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  version INTEGER NOT NULL CHECK (version >= 1),
  key TEXT UNIQUE,
  status TEXT,
  ${customer},
  due TEXT,
  amount TEXT CHECK (amount IS NULL OR typeof(amount) = 'text'),
  currency TEXT,
  data TEXT NOT NULL CHECK (json_valid(data))
);
CREATE INDEX ${t}_customer ON ${t}(customer_id);
CREATE INDEX ${t}_status ON ${t}(status, due);`;
}

/** Migrations in order; migration i brings the schema from version i to i + 1. */
export const MIGRATIONS: readonly string[] = [
  [
    ...(Object.keys(TABLES) as CollectionName[]).map(table),
    'CREATE TABLE sequences (name TEXT PRIMARY KEY, value INTEGER NOT NULL);',
  ].join('\n'),
  // 1 -> 2: charges lost their unique key. Version 1 stored the dunning action key
  // there, which refused the second charge (interest after the fee) of one action.
  'UPDATE charges SET key = NULL;',
];

/** The schema version this library writes. */
export const SCHEMA_VERSION: number = MIGRATIONS.length;
