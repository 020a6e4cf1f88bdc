/**
 * The store port: where the engine keeps the ledger and its own records. A host
 * implements it over its own database; `receivables/adapters/memory` and
 * `receivables/adapters/sqlite` are the reference implementations, and
 * `receivables/testing` has the contract suite every implementation must pass.
 *
 * Guarantees an implementation gives:
 * - **Unit of work.** {@link ReceivablesStore.transaction} runs `work` so that either
 *   every write it made is kept (the work returned `Ok`) or none is (it returned `Err`
 *   or threw). Units of work are serialisable: two of them, from this store object or
 *   from another process on the same database, never interleave their writes.
 * - **Versions.** `insert` stores version 1; each `update` must name the version it
 *   read and stores version + 1. A stale version is a `conflict` error and writes
 *   nothing.
 * - **Unique keys.** Ids are unique per collection (`duplicate_id`); the field named
 *   in {@link STORE_COLLECTIONS} as a collection's `key` is unique too
 *   (`duplicate_key`): idempotency keys, invoice numbers, bank transaction ids.
 *   Charges have no key of their own: the charges of one dunning action share its
 *   `actionKey`, and each is kept unique by its id, which derives from that key.
 * - **Order.** `list` returns records in insertion order (by the `due` field, then
 *   insertion order, when the query has `dueBy`).
 * - **Exact data.** What is written is read back equal, after a JSON round trip.
 *
 * @module
 */
import type { Result } from 'neverthrow';
import type { ReceivablesError } from '../errors/index.js';
import type {
  Allocation,
  LedgerCharge,
  LedgerCreditNote,
  LedgerPayment,
  LedgerRefund,
  LedgerWriteOff,
} from '../ledger/types.js';
import type {
  CursorRecord,
  CustomerRecord,
  DocumentRecord,
  DunningHistoryRecord,
  ImportRecord,
  InvoiceRecord,
  OutboxRecord,
  Stored,
  SuggestionRecord,
  TransactionRecord,
} from './records.js';

/** Filters for {@link Collection.list}; every field given must match. */
export interface RecordQuery {
  /** Records of one customer. */
  readonly customerId?: string;
  /** Records in one status (collections with a `status` field in {@link STORE_COLLECTIONS}). */
  readonly status?: string;
  /** The record with this unique key. */
  readonly key?: string;
  /**
   * Records whose `due` field (see {@link STORE_COLLECTIONS}) is at or before this
   * value (ISO 8601 strings compare in time order); then ordered by it, earliest first.
   */
  readonly dueBy?: string;
  /** At most this many records. */
  readonly limit?: number;
}

/** One kind of record, read and written inside a unit of work. */
export interface Collection<T extends { readonly id: string }> {
  /** The record with this id, or `undefined`. */
  get(id: string): Promise<Result<Stored<T> | undefined, ReceivablesError>>;
  /** Records matching the query (all without one), in insertion order unless `dueBy`. */
  list(query?: RecordQuery): Promise<Result<readonly Stored<T>[], ReceivablesError>>;
  /** Adds a record at version 1; `duplicate_id` or `duplicate_key` when taken. */
  insert(record: T): Promise<Result<Stored<T>, ReceivablesError>>;
  /** Replaces a record read at `expectedVersion`; `conflict` when it moved on since. */
  update(record: T, expectedVersion: number): Promise<Result<Stored<T>, ReceivablesError>>;
}

/** Every collection a store keeps, by name. */
export interface StoreCollections {
  readonly customers: Collection<CustomerRecord>;
  readonly invoices: Collection<InvoiceRecord>;
  readonly documents: Collection<DocumentRecord>;
  readonly creditNotes: Collection<LedgerCreditNote>;
  readonly payments: Collection<LedgerPayment>;
  readonly refunds: Collection<LedgerRefund>;
  readonly charges: Collection<LedgerCharge>;
  readonly writeOffs: Collection<LedgerWriteOff>;
  readonly allocations: Collection<Allocation>;
  readonly dunningHistory: Collection<DunningHistoryRecord>;
  readonly outbox: Collection<OutboxRecord>;
  readonly suggestions: Collection<SuggestionRecord>;
  readonly transactions: Collection<TransactionRecord>;
  readonly imports: Collection<ImportRecord>;
  readonly cursors: Collection<CursorRecord>;
}

/** A collection's name, e.g. `'invoices'`. */
export type CollectionName = keyof StoreCollections;

/** The record type of a collection. */
export type RecordOf<N extends CollectionName> =
  StoreCollections[N] extends Collection<infer T> ? T : never;

/** What a unit of work sees: the collections, and named counters. */
export interface StoreSession extends StoreCollections {
  /** The next value (1, 2, ...) of a named counter; a rollback gives the number back. */
  nextSequence(name: string): Promise<Result<number, ReceivablesError>>;
}

/** Options of {@link ReceivablesStore.transaction}. */
export interface TransactionOptions {
  /** The work only reads: a store may run it without taking the write lock. */
  readonly readOnly?: boolean;
}

/** The persistence port of the engine. */
export interface ReceivablesStore {
  /**
   * Runs one unit of work: commits when `work` returns `Ok`, rolls back when it returns
   * `Err` or throws (and rethrows). The session must not be used after `work` ends,
   * and `work` must not start another transaction on the same store.
   */
  transaction<T>(
    work: (session: StoreSession) => Promise<Result<T, ReceivablesError>>,
    options?: TransactionOptions,
  ): Promise<Result<T, ReceivablesError>>;
  /** Releases connections and files; the store is unusable afterwards. */
  close(): Promise<void>;
}

/** Which fields of a collection are indexed: its unique `key`, `status` and `due`. */
export interface CollectionIndex {
  /** Field holding a unique key (absent values are not constrained). */
  readonly key?: string;
  /** Field that `RecordQuery.status` filters on. */
  readonly status?: string;
  /** Field that `RecordQuery.dueBy` compares and orders by. */
  readonly due?: string;
}

/**
 * The indexed fields of every collection. A store must enforce uniqueness of each
 * `key` field and filter `status` and `customerId` on these fields.
 *
 * @example
 * STORE_COLLECTIONS.payments.key
 * //=> 'transactionId'
 */
export const STORE_COLLECTIONS: { readonly [N in CollectionName]: CollectionIndex } = {
  customers: {},
  invoices: { key: 'number', status: 'status' },
  documents: {},
  creditNotes: {},
  payments: { key: 'transactionId' },
  refunds: {},
  // An action posts several charges (fee, interest, compensation) under one action
  // key; each charge's id (`<action key>/fee/L2`...) is what must be unique.
  charges: {},
  writeOffs: {},
  allocations: {},
  dunningHistory: { key: 'key' },
  outbox: { key: 'key', status: 'status', due: 'nextAttemptAt' },
  suggestions: { key: 'key', status: 'status' },
  transactions: { key: 'key', status: 'outcome' },
  imports: { key: 'key' },
  cursors: {},
};

/** The collection names, in a fixed order. */
export const COLLECTION_NAMES: readonly CollectionName[] = Object.keys(
  STORE_COLLECTIONS,
) as CollectionName[];
