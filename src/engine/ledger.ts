/**
 * Reads the ledger out of a store session as the pure core wants it: plain ledger
 * documents without store versions or engine-only fields.
 *
 * @module
 */
import { ok, type Result, safeTry } from 'neverthrow';
import type { ReceivablesError } from '../errors/index.js';
import type { Ledger, LedgerInvoice } from '../ledger/types.js';
import type { InvoiceRecord, Stored } from '../ports/records.js';
import type { RecordQuery, StoreSession } from '../ports/store.js';

/** Called with each plain record and the version it was read at. */
export type VersionSink = (plain: object, version: number) => void;

function plainWith(sink: VersionSink | undefined) {
  return <T extends object>(record: Stored<T>): T => {
    const { version, ...rest } = record;
    sink?.(rest, version);
    return rest as unknown as T;
  };
}

function invoiceWith(sink: VersionSink | undefined) {
  return (record: Stored<InvoiceRecord>): LedgerInvoice => {
    const { version, sequence: _s, paymentLink: _p, ...invoice } = record;
    sink?.(invoice, version);
    return invoice;
  };
}

/**
 * The whole ledger (or one customer's part of it) as of now in the store.
 *
 * @param session - an open unit of work
 * @param customerId - only this customer's documents; allocations of their sources
 * @param sink - told the version of every record read (to write changes back)
 *
 * @example
 * (await loadLedger(session))._unsafeUnwrap().invoices.length
 * //=> 2
 */
export async function loadLedger(
  session: StoreSession,
  customerId?: string,
  sink?: VersionSink,
): Promise<Result<Ledger, ReceivablesError>> {
  const query: RecordQuery = customerId === undefined ? {} : { customerId };
  const plain = plainWith(sink);
  const ledgerInvoice = invoiceWith(sink);
  return safeTry(async function* () {
    const customers = yield* await session.customers.list();
    const invoices = yield* await session.invoices.list(query);
    const creditNotes = yield* await session.creditNotes.list(query);
    const payments = yield* await session.payments.list(query);
    const refunds = yield* await session.refunds.list(query);
    const charges = yield* await session.charges.list(query);
    const writeOffs = yield* await session.writeOffs.list();
    const allocations = yield* await session.allocations.list();
    const ownSources = new Set([...payments, ...creditNotes].map((s) => s.id));
    const ownItems = new Set([
      ...invoices.flatMap((i) => [i.id, ...(i.instalments ?? []).map((p) => p.id)]),
      ...charges.map((c) => c.id),
    ]);
    const mine = (id: string) => customerId === undefined || ownItems.has(id);
    return ok({
      customers: customers
        .filter((c) => customerId === undefined || c.id === customerId)
        .map(plain),
      invoices: invoices.map(ledgerInvoice),
      creditNotes: creditNotes.map(plain),
      payments: payments.map(plain),
      refunds: refunds.map(plain),
      charges: charges.map(plain),
      writeOffs: writeOffs.filter((w) => mine(w.itemId)).map(plain),
      allocations: allocations
        .filter((a) => customerId === undefined || ownSources.has(a.sourceId))
        .map(plain),
    });
  });
}
