/**
 * The records a {@link ReceivablesStore} keeps besides the ledger documents: the
 * outbox of messages to send, dunning history, payment suggestions waiting for a
 * person, imported bank transactions and files, and gateway cursors. Ledger
 * documents themselves use the types of `ledger/types.ts` unchanged. Every record
 * is plain JSON data; amounts are decimal strings.
 *
 * @module
 */
import type { Customer, LedgerInvoice } from '../ledger/types.js';
import type { BankTransaction } from '../statements/types.js';
import type { IsoDate } from '../terms/date.js';
import type { MailMessage } from './mailer.js';

/** Any value that survives `JSON.parse(JSON.stringify(x))`. */
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue | undefined };

/** A record as the store returns it: the data plus its version (1 on insert, +1 per update). */
export type Stored<T> = T & { readonly version: number };

/** A customer as the engine keeps it. */
export type CustomerRecord = Customer;

/** An issued invoice: the ledger view plus what the engine computed and sent. */
export interface InvoiceRecord extends LedgerInvoice {
  /** Position in the host's invoice number sequence. */
  readonly sequence?: number;
  /** A payment link created by the gateway, when there is one. */
  readonly paymentLink?: string;
}

/**
 * A document kept beside a ledger record, read only when needed (not on every
 * ledger load): e.g. the full calculation of an invoice.
 */
export interface DocumentRecord {
  /** Same id as the record it belongs to. */
  readonly id: string;
  /** `invoice` for an invoice calculation, or a host kind. */
  readonly kind: string;
  readonly customerId?: string;
  /** The document as JSON (for an invoice: lines, VAT breakdown, totals). */
  readonly document: JsonValue;
}

/** Where a queued message stands: `dead` ones were rejected or ran out of attempts. */
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'dead';

/** A side effect waiting to happen: one mail, written in the same unit of work as its cause. */
export interface OutboxRecord {
  readonly id: string;
  /** Idempotency key passed to the mailer; unique in the store. */
  readonly key: string;
  /** What the message is about: `invoice`, `reminder`, `statement` or a host kind. */
  readonly kind: string;
  readonly customerId?: string;
  readonly message: MailMessage;
  readonly status: OutboxStatus;
  /** Send attempts made so far. */
  readonly attempts: number;
  /** Instant (ISO 8601) before which the message is not tried (backoff, or a send lease). */
  readonly nextAttemptAt: string;
  readonly createdAt: string;
  readonly sentAt?: string;
  /** The mailer's id for the accepted message. */
  readonly providerMessageId?: string;
  /** The last failure, readable. */
  readonly lastError?: string;
}

/** One dunning action that was carried out, so that it is never carried out again. */
export interface DunningHistoryRecord {
  readonly id: string;
  /** The planner's idempotency key of the action; unique in the store. */
  readonly key: string;
  readonly customerId: string;
  /** Day of the run that carried it out. */
  readonly asOf: IsoDate;
  readonly level: number;
  readonly itemIds: readonly string[];
  /** The planner's own history entry, as JSON. */
  readonly entry: JsonValue;
}

/** What a person decided about a suggested match. */
export type SuggestionStatus = 'pending' | 'accepted' | 'rejected';

/** A bank transaction the matcher could not apply on its own, kept for review. */
export interface SuggestionRecord {
  readonly id: string;
  /** The bank transaction id; unique in the store. */
  readonly key: string;
  readonly importId: string;
  readonly transaction: BankTransaction;
  /** The matcher's decision with its ranked candidates and signals, as JSON. */
  readonly decision: JsonValue;
  readonly status: SuggestionStatus;
  readonly createdAt: string;
  readonly resolvedAt?: string;
}

/** What became of an imported bank transaction or gateway settlement. */
export type TransactionOutcome = 'applied' | 'suggested' | 'unmatched' | 'ignored';

/** An imported transaction, kept so that importing it again applies nothing. */
export interface TransactionRecord {
  readonly id: string;
  /** The bank transaction (or settlement) id; unique in the store. */
  readonly key: string;
  readonly importId: string;
  readonly outcome: TransactionOutcome;
  /** Why it was ignored or left unmatched, readable. */
  readonly reason?: string;
}

/** One imported file or gateway fetch. */
export interface ImportRecord {
  readonly id: string;
  /** The file's SHA-256 (or the gateway cursor range); unique in the store. */
  readonly key: string;
  readonly source: 'statement' | 'gateway';
  readonly importedAt: string;
  readonly transactions: number;
}

/** A named position in an outside feed (e.g. the gateway's settlement cursor). */
export interface CursorRecord {
  readonly id: string;
  readonly cursor: string;
}
