/**
 * What the engine is made of and what its use cases take and return. The engine
 * wires the ports (store, mailer, gateway, clock, ids, logger) to the pure core.
 *
 * @module
 */
import type { DunningPolicy } from '../dunning/policy.js';
import type { InvoiceCalculation, InvoiceInput } from '../invoice/types.js';
import type { Instalment, LedgerInvoice, OfferedDiscount } from '../ledger/types.js';
import type { MatchingPolicyInput } from '../matching/policy.js';
import type { ReferenceGenerator } from '../matching/references/generator.js';
import type { PaymentGateway } from '../ports/gateway.js';
import type { MailAttachment, Mailer } from '../ports/mailer.js';
import type { InvoiceRecord } from '../ports/records.js';
import type { ReceivablesStore } from '../ports/store.js';
import type { Clock, IdSource, Logger } from '../ports/system.js';
import type { IsoDate } from '../terms/date.js';

/** How failed mail is retried. */
export interface RetryPolicy {
  /** Attempts before a message is given up as `dead` (reported, kept); default 8. */
  readonly maxAttempts: number;
  /** Wait after the first failure; doubled after each further one. Default 60 000 ms. */
  readonly baseDelayMs: number;
  /** Longest wait between attempts; default 6 hours. */
  readonly maxDelayMs: number;
  /**
   * How long a message being sent is reserved for the engine sending it; after that
   * another run may send it again (with the same idempotency key). Default 5 minutes.
   */
  readonly leaseMs: number;
}

/** The business's own settings the use cases follow. */
export interface EnginePolicies {
  /** Sender address of every message. */
  readonly from: string;
  /** Name of the business, shown in messages. */
  readonly sellerName?: string;
  /** Printed invoice number from its position in the sequence; default `INV-<year>-<000001>`. */
  readonly invoiceNumber?: (sequence: number, issueDate: IsoDate) => string;
  /** Payment reference at issue; default ISO 11649 RF from the invoice number. */
  readonly paymentReference?: ReferenceGenerator;
  /**
   * The e-invoice to attach to invoice mails; by default an EN 16931 UBL 2.1 invoice
   * (`toUblInvoice`) with the seller and buyer names. Return `undefined` to attach none.
   */
  readonly eInvoice?: (
    invoice: InvoiceRecord,
    calculation: InvoiceCalculation,
    input: InvoiceInput,
  ) => MailAttachment | undefined;
  /** Reminder policy for `runDunning`. */
  readonly dunning?: DunningPolicy;
  /** Matching policy for statement import (the matcher's defaults when absent). */
  readonly matching?: MatchingPolicyInput;
  readonly retry?: Partial<RetryPolicy>;
}

/** Everything `createReceivables` needs. */
export interface ReceivablesDeps {
  readonly store: ReceivablesStore;
  readonly mailer: Mailer;
  readonly gateway?: PaymentGateway;
  readonly clock: Clock;
  readonly ids: IdSource;
  readonly policies: EnginePolicies;
  readonly logger?: Logger;
}

/** An invoice to issue. */
export interface IssueInvoiceRequest {
  /** The host's id; issuing the same id again returns the first issue and sends nothing. */
  readonly id: string;
  readonly customerId: string;
  readonly issueDate: IsoDate;
  readonly dueDate: IsoDate;
  /** Lines, allowances and charges, as `calculateInvoice` takes them. */
  readonly input: InvoiceInput;
  readonly instalments?: readonly Instalment[];
  readonly discounts?: readonly OfferedDiscount[];
  /** Send the invoice by mail (default true when the customer has an email address). */
  readonly send?: boolean;
  /** Ask the gateway for a payment link and put it in the mail (default: when there is one). */
  readonly paymentLink?: boolean;
}

/** What `issueInvoice` returns. */
export interface IssuedInvoice {
  readonly invoice: LedgerInvoice;
  readonly calculation: InvoiceCalculation;
  /** False when the invoice had been issued before (nothing was done this time). */
  readonly created: boolean;
  /** Id of the queued mail, when one was queued. */
  readonly outboxId?: string;
}
