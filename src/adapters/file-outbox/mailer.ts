/**
 * A mailer that writes each message as an .eml file in a folder instead of sending
 * it: the demo's default, and handy in development (open the file in any mail
 * program). Files are named by the idempotency key, so a resend replaces the same
 * file instead of adding a second one; each is written to a temporary file and
 * renamed into place, so a reader never sees half a message.
 *
 * @module
 */
import { createHash } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { err, ok } from 'neverthrow';
import { receivablesError } from '../../errors/index.js';
import type { Mailer } from '../../ports/mailer.js';
import type { Clock } from '../../ports/system.js';
import { buildEml, messageIdFor } from '../shared/mime.js';

/** Options of {@link createFileOutbox}. */
export interface FileOutboxOptions {
  /** Folder the .eml files go to; created when missing. */
  readonly directory: string;
  /** Sender when a message names none. */
  readonly from: string;
  /** Gives the `Date` header; the system clock when absent. */
  readonly clock?: Clock;
}

/**
 * The file name of a message: the key made file-safe, plus a hash of the exact key
 * so that two keys that look alike once made safe never share a file.
 *
 * @example
 * emlFileName('reminder:C1/2024-03-07')
 * //=> 'reminder_C1_2024-03-07-<8 hex digits>.eml'
 */
export function emlFileName(idempotencyKey: string): string {
  const slug = idempotencyKey.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 100);
  const hash = createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 8);
  return `${slug}-${hash}.eml`;
}

/**
 * Creates a mailer that writes .eml files into `directory`.
 *
 * @example
 * const mailer = createFileOutbox({ directory: 'outbox', from: 'billing@example.com' });
 * (await mailer.send({ to: ['ap@acme.example'], subject: 'Invoice', text: 'Hi' }, 'k1')).isOk()
 * //=> true
 */
export function createFileOutbox(options: FileOutboxOptions): Mailer {
  const domain = options.from.split('@')[1] ?? 'receivables.invalid';
  let counter = 0;
  return {
    async send(message, idempotencyKey) {
      if (message.to.length === 0) {
        const reason = 'the message has no recipient';
        return err(receivablesError('delivery_failed', { reason, retryable: false }));
      }
      const messageId = messageIdFor(idempotencyKey, domain);
      const date = options.clock?.now() ?? new Date();
      const eml = buildEml(message, { from: options.from, date, messageId, idempotencyKey });
      const name = emlFileName(idempotencyKey);
      counter += 1;
      const temporary = join(options.directory, `.${name}.${process.pid}.${counter}.tmp`);
      try {
        await mkdir(options.directory, { recursive: true });
        await writeFile(temporary, eml, 'utf8');
        await rename(temporary, join(options.directory, name));
      } catch (error) {
        return err(receivablesError('delivery_failed', { reason: String(error), retryable: true }));
      }
      return ok({ messageId });
    },
  };
}
