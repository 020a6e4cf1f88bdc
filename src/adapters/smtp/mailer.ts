/**
 * A mailer over SMTP with nodemailer (an optional peer dependency, loaded on the
 * first send). SMTP has no idempotency of its own and this adapter keeps no record
 * of what it sent, so it does NOT deduplicate: a resend after a crash (delivery is at
 * least once) reaches the recipient a second time. It makes the resend recognisable:
 * the `Message-ID` is derived from the idempotency key, so mail clients, archives and
 * ticket systems that drop duplicates by `Message-ID` show it once, and the key
 * travels in `X-Idempotency-Key`. A host that needs exactly once wraps this mailer
 * with its own record of sent keys, or uses a provider API with idempotency keys.
 * A 5xx reply is a permanent rejection; anything else that fails (4xx, a dropped
 * connection) is retryable.
 *
 * @module
 */
import { err, ok } from 'neverthrow';
import { receivablesError } from '../../errors/index.js';
import type { Mailer, MailMessage } from '../../ports/mailer.js';
import { headerSafe, messageIdFor } from '../shared/mime.js';

/** Transport settings as nodemailer takes them (host, port, secure, auth, tls...). */
export type SmtpTransportOptions = Readonly<Record<string, unknown>>;

/** Options of {@link createSmtpMailer}. */
export interface SmtpMailerOptions {
  /** nodemailer SMTP transport options, e.g. `{ host: 'smtp.example.com', port: 587 }`. */
  readonly transport: SmtpTransportOptions;
  /** Sender when a message names none. */
  readonly from: string;
}

/** A mailer that can also close its connection pool. */
export interface SmtpMailer extends Mailer {
  close(): Promise<void>;
}

interface Transporter {
  sendMail(mail: Record<string, unknown>): Promise<{ messageId?: string }>;
  close(): void;
}

function toMail(message: MailMessage, from: string, key: string, messageId: string) {
  return {
    from: headerSafe(message.from ?? from),
    to: message.to.map(headerSafe),
    cc: message.cc?.map(headerSafe),
    subject: headerSafe(message.subject),
    text: message.text,
    html: message.html,
    messageId,
    headers: { 'X-Idempotency-Key': headerSafe(key) },
    attachments: message.attachments?.map((a) => ({
      filename: headerSafe(a.filename),
      contentType: headerSafe(a.contentType),
      content: a.content,
      encoding: a.encoding ?? 'utf8',
    })),
  };
}

function responseCode(error: unknown): number | undefined {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' ? code : undefined;
}

/**
 * Creates an SMTP mailer.
 *
 * @example
 * const mailer = createSmtpMailer({ transport: { host: '127.0.0.1', port: 2525 },
 *   from: 'billing@example.com' });
 * (await mailer.send({ to: ['ap@acme.example'], subject: 'Invoice', text: 'Hi' }, 'k1')).isOk()
 * //=> true
 */
export function createSmtpMailer(options: SmtpMailerOptions): SmtpMailer {
  const domain = options.from.split('@')[1] ?? 'receivables.invalid';
  let transporter: Promise<Transporter> | undefined;
  const connect = () => {
    transporter ??= import('nodemailer').then(
      (nodemailer) =>
        (nodemailer.default ?? nodemailer).createTransport(
          options.transport as never,
        ) as unknown as Transporter,
    );
    return transporter;
  };
  return {
    async send(message, idempotencyKey) {
      if (message.to.length === 0) {
        const reason = 'the message has no recipient';
        return err(receivablesError('delivery_failed', { reason, retryable: false }));
      }
      const messageId = messageIdFor(idempotencyKey, domain);
      try {
        const transport = await connect();
        const info = await transport.sendMail(
          toMail(message, options.from, idempotencyKey, messageId),
        );
        return ok({ messageId: info.messageId ?? messageId });
      } catch (error) {
        const code = responseCode(error);
        const retryable = code === undefined || code < 500;
        const reason = error instanceof Error ? error.message : String(error);
        return err(receivablesError('delivery_failed', { reason: headerSafe(reason), retryable }));
      }
    },
    async close() {
      if (transporter) (await transporter).close();
    },
  };
}
