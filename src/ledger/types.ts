/**
 * The receivables ledger as data: what a business has invoiced, credited, received,
 * refunded, charged and written off, and the allocations that tie money to open
 * items. Every record carries its own date, so any report can be taken as of any day
 * by ignoring what is dated later. Amounts are positive decimal strings; the kind of
 * record says which way the money goes.
 *
 * Open items are what a customer owes: an invoice without instalments, each
 * instalment of an invoice, and each fee or interest charge. Sources are what pays
 * them: payments and credit notes.
 *
 * @module
 */
import type { IsoDate } from '../terms/date.js';

/** A customer, identified by the host's id. */
export interface Customer {
  /** The host's customer id. */
  readonly id: string;
  /** Legal or display name, as on the invoices. */
  readonly name: string;
  /** Other names the customer pays under (trading names, parent company). */
  readonly aliases?: readonly string[];
  /** Bank accounts (IBAN or other) known to pay for this customer. */
  readonly accounts?: readonly string[];
  /** Where reminders and invoices go. */
  readonly email?: string;
  /** BCP 47 locale for messages and number formats, e.g. `de-DE`. */
  readonly locale?: string;
  /** IANA time zone, for "is it already the due date for them?". */
  readonly timeZone?: string;
  /** A host-defined segment for metrics (region, size, sales team). */
  readonly segment?: string;
  /** True for consumers (B2C): changes statutory interest and compensation. */
  readonly consumer?: boolean;
}

/** A period during which an item is disputed; dunning leaves it alone. */
export interface Dispute {
  /** First day of the dispute. */
  readonly from: IsoDate;
  /** Last day of the dispute (inclusive); open-ended when absent. */
  readonly until?: IsoDate;
  /** Why the customer disputes it. */
  readonly reason?: string;
}

/** One instalment of an invoice: an open item of its own. */
export interface Instalment {
  /** Open item id, unique in the ledger (e.g. `INV-7/2`). */
  readonly id: string;
  /** When this part is due. */
  readonly dueDate: IsoDate;
  /** Amount of this part; the instalments of an invoice add up to its amount. */
  readonly amount: string;
}

/** An early-payment discount offered on an invoice (e.g. 2 % within 10 days). */
export interface OfferedDiscount {
  /** Last day (inclusive) on which a payment earns the discount. */
  readonly until: IsoDate;
  /** Discount in percent of `baseAmount`. */
  readonly percent: string;
  /** Amount the percentage applies to; the invoice amount when absent. */
  readonly baseAmount?: string;
}

/** An invoice as the ledger sees it: an amount due from a customer. */
export interface LedgerInvoice {
  /** The host's id; also the open item id when there are no instalments. */
  readonly id: string;
  /** The printed invoice number, as customers quote it. Defaults to `id`. */
  readonly number?: string;
  readonly customerId: string;
  readonly currency: string;
  readonly issueDate: IsoDate;
  /** Due date of the whole (for instalments, the last instalment's date). */
  readonly dueDate: IsoDate;
  /** Amount due (EN 16931 BT-115), positive. */
  readonly amount: string;
  /** `draft` invoices are not receivable yet; `void` ones never were. Default `issued`. */
  readonly status?: 'draft' | 'issued' | 'void';
  /** Instalments, each an open item of its own; their amounts add up to `amount`. */
  readonly instalments?: readonly Instalment[];
  /** Structured payment reference given at issue (ISO 11649 RF, KID, QR...). */
  readonly paymentReference?: string;
  /** Early-payment discounts offered, earliest first. */
  readonly discounts?: readonly OfferedDiscount[];
  /** Disputes raised on the invoice. */
  readonly disputes?: readonly Dispute[];
}

/** A credit note: money the business owes back, to be applied to open items. */
export interface LedgerCreditNote {
  readonly id: string;
  readonly number?: string;
  readonly customerId: string;
  readonly currency: string;
  readonly issueDate: IsoDate;
  /** Credited amount, positive. */
  readonly amount: string;
  /** The invoice it corrects, where there is one. */
  readonly invoiceId?: string;
}

/** Money received from a customer. */
export interface LedgerPayment {
  readonly id: string;
  readonly customerId: string;
  readonly currency: string;
  /** Value date: the day the money counts as received. */
  readonly date: IsoDate;
  /** Amount received, positive. */
  readonly amount: string;
  /** Reference or remittance text as received. */
  readonly reference?: string;
  /** The bank transaction or gateway settlement it came from (for idempotent import). */
  readonly transactionId?: string;
  /** The bank's end-to-end id of the transfer, to find it again when it is returned. */
  readonly endToEndId?: string;
  /** The payer's account as the bank reported it. */
  readonly payerAccount?: string;
  /**
   * Day the payment was returned or reversed by the bank. From that day on it
   * counts for nothing and its allocations no longer hold.
   */
  readonly reversedOn?: IsoDate;
}

/** Money paid back to a customer out of a payment or credit note. */
export interface LedgerRefund {
  readonly id: string;
  readonly customerId: string;
  readonly currency: string;
  readonly date: IsoDate;
  /** Amount refunded, positive. */
  readonly amount: string;
  /** The payment or credit note whose unapplied amount is refunded. */
  readonly sourceId: string;
}

/** What a charge is for: dunning fees, late interest and fixed compensation stay apart. */
export type ChargeKind = 'fee' | 'interest' | 'compensation';

/** A fee, interest or compensation charged to a customer: an open item of its own. */
export interface LedgerCharge {
  readonly id: string;
  readonly kind: ChargeKind;
  readonly customerId: string;
  readonly currency: string;
  /** Day the charge was posted. */
  readonly date: IsoDate;
  /** Day it is payable; the posting date when absent. */
  readonly dueDate?: IsoDate;
  /** Amount charged, positive. */
  readonly amount: string;
  /** The open item it was charged on (invoice or instalment id). */
  readonly itemId?: string;
  /** The dunning action that posted it, so it is never posted twice. */
  readonly actionKey?: string;
}

/** An amount of an open item given up as uncollectible (or a tolerated short payment). */
export interface LedgerWriteOff {
  readonly id: string;
  /** The open item written off. */
  readonly itemId: string;
  readonly date: IsoDate;
  /** Amount written off, positive. */
  readonly amount: string;
  readonly reason?: string;
  /**
   * Day the write-off was undone (the payment it was made with came back, say). From
   * that day on it no longer counts and the amount is open again.
   */
  readonly reversedOn?: IsoDate;
}

/** Ties part of a payment or credit note to an open item. */
export interface Allocation {
  /** Unique id; applying the same id twice is a no-op. */
  readonly id: string;
  /** The payment or credit note the money comes from. */
  readonly sourceId: string;
  /** The open item paid: an invoice without instalments, an instalment or a charge. */
  readonly itemId: string;
  /** Amount applied, positive. */
  readonly amount: string;
  /** Day the allocation takes effect. */
  readonly date: IsoDate;
  /** Day the allocation was undone; from then on it no longer counts. */
  readonly reversedOn?: IsoDate;
  /** The allocation request that made it (`applyPayment`/`applyCredit` id), for idempotency. */
  readonly requestId?: string;
  /** A fingerprint of that request: the same id with another request is refused. */
  readonly requestKey?: string;
}

/** Everything the receivables engine knows, as plain data. */
export interface Ledger {
  readonly customers: readonly Customer[];
  readonly invoices: readonly LedgerInvoice[];
  readonly creditNotes: readonly LedgerCreditNote[];
  readonly payments: readonly LedgerPayment[];
  readonly refunds: readonly LedgerRefund[];
  readonly charges: readonly LedgerCharge[];
  readonly writeOffs: readonly LedgerWriteOff[];
  readonly allocations: readonly Allocation[];
}

export type * from './views.js';

/** An empty ledger, to build on. */
export const EMPTY_LEDGER: Ledger = Object.freeze({
  customers: [],
  invoices: [],
  creditNotes: [],
  payments: [],
  refunds: [],
  charges: [],
  writeOffs: [],
  allocations: [],
});
