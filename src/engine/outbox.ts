/**
 * The outbox: every message the engine sends is first written as an outbox record
 * in the same unit of work as the state change that causes it (an issued invoice,
 * a dunning action), so that a message exists exactly when its cause does.
 *
 * @module
 */
import type { Result } from 'neverthrow';
import type { ReceivablesError } from '../errors/index.js';
import type { MailMessage } from '../ports/mailer.js';
import type { OutboxRecord, Stored } from '../ports/records.js';
import type { StoreSession } from '../ports/store.js';
import type { Clock, IdSource } from '../ports/system.js';

/** What to queue. */
export interface QueuedMessage {
  /** Idempotency key: stable for the cause (e.g. `invoice:<id>`, the dunning action key). */
  readonly key: string;
  readonly kind: string;
  readonly customerId?: string;
  readonly message: MailMessage;
}

/**
 * Writes a message to the outbox inside the caller's unit of work.
 *
 * @example
 * (await enqueue(session, deps, { key: 'invoice:INV-1', kind: 'invoice', message }))
 *   .map((o) => o.status)
 * //=> Ok('pending')
 */
export function enqueue(
  session: StoreSession,
  deps: { readonly clock: Clock; readonly ids: IdSource },
  queued: QueuedMessage,
): Promise<Result<Stored<OutboxRecord>, ReceivablesError>> {
  const now = deps.clock.now().toISOString();
  return session.outbox.insert({
    id: deps.ids.next('outbox'),
    key: queued.key,
    kind: queued.kind,
    ...(queued.customerId === undefined ? {} : { customerId: queued.customerId }),
    message: queued.message,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: now,
    createdAt: now,
  });
}
