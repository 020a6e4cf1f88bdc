/**
 * Writing back what a pure core function changed: the core takes a ledger and
 * returns a new one; this compares the two record by record and inserts what is
 * new and updates what changed, each update at the version it was read at, so that
 * a concurrent change is a `conflict`, never a lost update. Records the core left
 * untouched are recognised by identity and cost nothing.
 *
 * @module
 */
import { ok, type Result, safeTry } from 'neverthrow';
import type { ReceivablesError } from '../errors/index.js';
import type { Ledger } from '../ledger/types.js';
import type { Stored } from '../ports/records.js';
import type { Collection, StoreSession } from '../ports/store.js';
import { loadLedger } from './ledger.js';

/** The ledger as read, with the version of each record, to write changes back. */
export interface LoadedLedger {
  readonly ledger: Ledger;
  readonly versions: ReadonlyMap<object, number>;
}

const LEDGER_COLLECTIONS = [
  'customers',
  'invoices',
  'creditNotes',
  'payments',
  'refunds',
  'charges',
  'writeOffs',
  'allocations',
] as const;

/**
 * Reads the ledger and remembers each record's version.
 *
 * @example
 * (await loadVersionedLedger(session))._unsafeUnwrap().ledger.payments.length
 * //=> 0
 */
export async function loadVersionedLedger(
  session: StoreSession,
): Promise<Result<LoadedLedger, ReceivablesError>> {
  return safeTry(async function* () {
    const versions = new Map<object, number>();
    const ledger = yield* await loadLedger(session, undefined, (plain, version) =>
      versions.set(plain, version),
    );
    return ok({ ledger, versions });
  });
}

/** How many records a write-back inserted and updated. */
export interface WriteBack {
  readonly inserted: number;
  readonly updated: number;
}

/**
 * Persists the difference between the loaded ledger and `after`.
 *
 * @example
 * (await persistLedger(session, loaded, applyMatches(loaded.ledger, result, asOf)))
 *   .map((w) => w.inserted)
 * //=> Ok(3)
 */
export async function persistLedger(
  session: StoreSession,
  before: LoadedLedger,
  after: Ledger,
): Promise<Result<WriteBack, ReceivablesError>> {
  return safeTry(async function* () {
    let inserted = 0;
    let updated = 0;
    for (const name of LEDGER_COLLECTIONS) {
      const old = new Map<string, { readonly id: string }>(
        before.ledger[name].map((r) => [r.id, r]),
      );
      const collection = session[name] as unknown as Collection<{ readonly id: string }>;
      for (const record of after[name] as readonly { readonly id: string }[]) {
        const previous = old.get(record.id);
        if (previous === record) continue;
        if (previous === undefined) {
          yield* await collection.insert(record);
          inserted += 1;
          continue;
        }
        if (JSON.stringify(previous) === JSON.stringify(record)) continue;
        const current: Stored<{ readonly id: string }> | undefined = yield* await collection.get(
          record.id,
        );
        const version = before.versions.get(previous) ?? current?.version ?? 0;
        const merged = name === 'invoices' && current ? { ...current, ...record } : record;
        const { version: _v, ...data } = merged as Stored<{ readonly id: string }>;
        yield* await collection.update(data, version);
        updated += 1;
      }
    }
    return ok({ inserted, updated });
  });
}
