/**
 * Helpers the shipped stores share: reading a record's indexed fields and cloning
 * records through JSON, so that what a caller holds can never alter what is stored.
 *
 * @module
 */
import { type CollectionName, STORE_COLLECTIONS } from '../../ports/store.js';

/** The indexed values of a record of a collection. */
export interface IndexedFields {
  readonly key: string | undefined;
  readonly status: string | undefined;
  readonly customerId: string | undefined;
  readonly due: string | undefined;
}

function field(record: object, name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const value = (record as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * The unique key, status and customer id of a record, per `STORE_COLLECTIONS`.
 *
 * @example
 * indexedFields('payments', { id: 'P1', customerId: 'C1', transactionId: 'T9' }).key
 * //=> 'T9'
 */
export function indexedFields(collection: CollectionName, record: object): IndexedFields {
  const index = STORE_COLLECTIONS[collection];
  return {
    key: field(record, index.key),
    status: field(record, index.status),
    customerId: field(record, 'customerId'),
    due: field(record, index.due),
  };
}

/**
 * A deep copy made through JSON: the same data a database would give back.
 *
 * @example
 * jsonClone({ a: 1, b: undefined })
 * //=> { a: 1 }
 */
export function jsonClone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
