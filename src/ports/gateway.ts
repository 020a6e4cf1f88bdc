/**
 * The payment gateway port: a card or bank payment provider that can take payment
 * for an invoice. `receivables/adapters/gateway` has a deterministic fake and the
 * webhook verification helper real adapters build on.
 *
 * Guarantees an implementation gives:
 * - **Payment links** are idempotent per `idempotencyKey`: asking twice gives the
 *   same link.
 * - **Settlements** are listed in a stable order after an opaque cursor; listing
 *   from the returned cursor gives only newer ones. Settlement ids are unique.
 * - **Webhooks** are accepted only when the signature over the raw body and its
 *   timestamp verifies (HMAC, compared in constant time) and the timestamp is within
 *   the tolerance of the clock; anything else is `invalid_signature`.
 *
 * @module
 */
import type { Result } from 'neverthrow';
import type { ReceivablesError } from '../errors/index.js';
import type { IsoDate } from '../terms/date.js';

/** What the engine asks the gateway to collect. */
export interface PaymentLinkRequest {
  readonly invoiceId: string;
  /** Invoice number as printed. */
  readonly invoiceNumber: string;
  readonly customerId: string;
  /** Amount due, decimal string. */
  readonly amount: string;
  readonly currency: string;
  /** The invoice's structured payment reference. */
  readonly reference?: string;
  readonly idempotencyKey: string;
}

/** A link the customer opens to pay. */
export interface PaymentLink {
  readonly id: string;
  readonly url: string;
}

/** Money the gateway collected and paid out. */
export interface Settlement {
  /** Unique settlement id (becomes the payment's transaction id). */
  readonly id: string;
  /** Value date. */
  readonly date: IsoDate;
  /** Amount paid by the customer, decimal string, positive. */
  readonly amount: string;
  readonly currency: string;
  readonly invoiceId?: string;
  readonly customerId?: string;
  readonly reference?: string;
  readonly payerName?: string;
}

/** A page of settlements. */
export interface SettlementPage {
  readonly settlements: readonly Settlement[];
  /** Pass it to the next call to get only newer settlements. */
  readonly cursor: string;
}

/** A webhook call as received: the raw body, byte for byte, and its headers. */
export interface WebhookRequest {
  readonly rawBody: string;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string | undefined>>;
}

/** A verified webhook event. */
export interface GatewayEvent {
  readonly id: string;
  readonly type: 'settlement' | 'other';
  readonly settlement?: Settlement;
}

/** A payment provider. */
export interface PaymentGateway {
  /** Creates (or returns the existing) payment link for an invoice. */
  createPaymentLink(request: PaymentLinkRequest): Promise<Result<PaymentLink, ReceivablesError>>;
  /** Settlements after `cursor` (from the beginning without one). */
  listSettlements(cursor?: string): Promise<Result<SettlementPage, ReceivablesError>>;
  /** Verifies a webhook's signature and timestamp, then reads its event. */
  parseWebhook(request: WebhookRequest): Promise<Result<GatewayEvent, ReceivablesError>>;
}
