/**
 * A mailer that keeps messages in memory, deduplicating by idempotency key like a
 * real adapter must, and that can be told to fail: for engine tests and examples.
 *
 * @module
 */
import { err, ok } from 'neverthrow';
import { receivablesError } from '../../errors/index.js';
import type { Mailer, MailMessage } from '../../ports/mailer.js';

/** What the next send should do, decided per call. */
export type MailFault = 'fail' | 'reject' | undefined;

/** A delivered message and the key it was sent with. */
export interface DeliveredMail {
  readonly key: string;
  readonly message: MailMessage;
}

/** The in-memory mailer with what it has seen. */
export interface MemoryMailer extends Mailer {
  /** Messages delivered, one per idempotency key, in order of first delivery. */
  readonly delivered: readonly DeliveredMail[];
  /** Every call to `send`, duplicates and failures included. */
  readonly calls: readonly DeliveredMail[];
}

/**
 * Creates a recording mailer; `fault` may make a call fail (retryable) or reject.
 *
 * @example
 * const mailer = createMemoryMailer();
 * await mailer.send({ to: ['a@b.example'], subject: 'S', text: 'T' }, 'k');
 * await mailer.send({ to: ['a@b.example'], subject: 'S', text: 'T' }, 'k');
 * mailer.delivered.length
 * //=> 1
 */
export function createMemoryMailer(
  fault: (message: MailMessage, key: string, call: number) => MailFault = () => undefined,
): MemoryMailer {
  const delivered: DeliveredMail[] = [];
  const calls: DeliveredMail[] = [];
  const seen = new Set<string>();
  return {
    delivered,
    calls,
    async send(message, key) {
      calls.push({ key, message });
      if (message.to.length === 0) {
        const reason = 'the message has no recipient';
        return err(receivablesError('delivery_failed', { reason, retryable: false }));
      }
      const outcome = fault(message, key, calls.length);
      if (outcome !== undefined) {
        const reason = outcome === 'fail' ? 'mail server unavailable' : 'mailbox does not exist';
        return err(receivablesError('delivery_failed', { reason, retryable: outcome === 'fail' }));
      }
      if (!seen.has(key)) {
        seen.add(key);
        delivered.push({ key, message });
      }
      return ok({ messageId: `memory-${key}` });
    },
  };
}
