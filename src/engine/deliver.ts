/**
 * Delivering the outbox after commit. A run claims due messages (pending ones whose
 * wait is over, and ones left `sending` by a run that died) by moving them to
 * `sending` with a lease, sends each with its idempotency key, and records the
 * outcome: `sent`; back to `pending` with an exponential backoff when the failure is
 * retryable; `dead` when it was rejected or ran out of attempts. A message is never
 * deleted: dead ones stay in the store and in the report until a person requeues them.
 *
 * Because the claim is a versioned write, two engines on one store never send the
 * same message at the same time; because a crash after sending leaves the message
 * `sending`, it is sent again with the same key once its lease runs out: delivery is
 * at least once, and the mailer must deduplicate by the key (see the Mailer port; the
 * file outbox does, SMTP cannot).
 *
 * @module
 */
import { err, ok, type Result, safeTry } from 'neverthrow';
import { type ReceivablesError, receivablesError } from '../errors/index.js';
import type { SendResult } from '../ports/mailer.js';
import type { OutboxRecord, Stored } from '../ports/records.js';
import type { ReceivablesDeps, RetryPolicy } from './types.js';

/** A message that is not sent (yet), for the delivery report. */
export interface UndeliveredMessage {
  readonly id: string;
  readonly key: string;
  readonly attempts: number;
  readonly error: string;
  /** When it will be tried again; absent for dead messages. */
  readonly nextAttemptAt?: string;
}

/** What one delivery run did. */
export interface DeliveryReport {
  /** Messages accepted by the mailer in this run. */
  readonly sent: number;
  /** Messages that failed and will be retried. */
  readonly retrying: readonly UndeliveredMessage[];
  /** Messages given up in this run (rejected, or out of attempts). */
  readonly dead: readonly UndeliveredMessage[];
}

/** Options of `deliverOutbox`. */
export interface DeliverOutboxOptions {
  /** Messages claimed per unit of work; default 50. */
  readonly batchSize?: number;
  /** Stop after this many messages; default: all that are due. */
  readonly limit?: number;
}

/** The retry policy with defaults filled in. */
export function retryPolicy(partial: Partial<RetryPolicy> = {}): RetryPolicy {
  return {
    maxAttempts: partial.maxAttempts ?? 8,
    baseDelayMs: partial.baseDelayMs ?? 60_000,
    maxDelayMs: partial.maxDelayMs ?? 6 * 3_600_000,
    leaseMs: partial.leaseMs ?? 5 * 60_000,
  };
}

/**
 * The wait before attempt `attempts + 1`: base x 2^(attempts - 1), capped.
 *
 * @example
 * backoffMs(3, retryPolicy())
 * //=> 240000
 */
export function backoffMs(attempts: number, policy: RetryPolicy): number {
  return Math.min(policy.baseDelayMs * 2 ** Math.max(0, attempts - 1), policy.maxDelayMs);
}

async function claim(deps: ReceivablesDeps, policy: RetryPolicy, size: number) {
  const now = deps.clock.now();
  const leaseUntil = new Date(now.getTime() + policy.leaseMs).toISOString();
  return deps.store.transaction(async (s) =>
    safeTry(async function* () {
      const query = { dueBy: now.toISOString(), limit: size };
      const stale = yield* await s.outbox.list({ ...query, status: 'sending' });
      const pending = yield* await s.outbox.list({ ...query, status: 'pending' });
      const due = [...stale, ...pending].slice(0, size);
      const claimed: Stored<OutboxRecord>[] = [];
      for (const o of due) {
        const next = {
          ...o,
          status: 'sending' as const,
          attempts: o.attempts + 1,
          nextAttemptAt: leaseUntil,
        };
        const { version: _v, ...record } = next;
        claimed.push(yield* await s.outbox.update(record, o.version));
      }
      return ok(claimed);
    }),
  );
}

function outcome(o: OutboxRecord, sent: SendResult, policy: RetryPolicy, now: Date): OutboxRecord {
  if (sent.isOk()) {
    const { lastError: _e, ...rest } = o;
    return {
      ...rest,
      status: 'sent',
      sentAt: now.toISOString(),
      providerMessageId: sent.value.messageId,
    };
  }
  const dead = !sent.error.retryable || o.attempts >= policy.maxAttempts;
  const wait = backoffMs(o.attempts, policy);
  return {
    ...o,
    status: dead ? 'dead' : 'pending',
    nextAttemptAt: dead ? o.nextAttemptAt : new Date(now.getTime() + wait).toISOString(),
    lastError: sent.error.message,
  };
}

/** A mailer that throws breaks its port's promise; treat it as a retryable failure. */
async function sendSafely(deps: ReceivablesDeps, o: OutboxRecord): Promise<SendResult> {
  try {
    return await deps.mailer.send(o.message, o.key);
  } catch (error) {
    const reason = `mailer threw: ${error instanceof Error ? error.message : String(error)}`;
    return err(receivablesError('delivery_failed', { reason, retryable: true }));
  }
}

/**
 * Sends what the outbox holds that is due, and records each outcome.
 *
 * @example
 * (await deliverOutbox(deps))._unsafeUnwrap().sent
 * //=> 3
 */
export async function deliverOutbox(
  deps: ReceivablesDeps,
  options: DeliverOutboxOptions = {},
): Promise<Result<DeliveryReport, ReceivablesError>> {
  const policy = retryPolicy(deps.policies.retry);
  const batchSize = options.batchSize ?? 50;
  let budget = options.limit ?? Number.POSITIVE_INFINITY;
  let sent = 0;
  const retrying: UndeliveredMessage[] = [];
  const dead: UndeliveredMessage[] = [];
  while (budget > 0) {
    const claimed = await claim(deps, policy, Math.min(batchSize, budget));
    if (claimed.isErr()) return claimed.map(() => ({ sent, retrying, dead }));
    if (claimed.value.length === 0) break;
    budget -= claimed.value.length;
    const results: OutboxRecord[] = [];
    for (const o of claimed.value) {
      const result = await sendSafely(deps, o);
      const { version: _v, ...record } = o;
      results.push(outcome(record, result, policy, deps.clock.now()));
    }
    const recorded = await deps.store.transaction(async (s) =>
      safeTry(async function* () {
        for (const [i, record] of results.entries()) {
          const current = yield* await s.outbox.get(record.id);
          // Another run took the message over after our lease ran out: its record wins.
          if (!current || current.version !== claimed.value[i]?.version) continue;
          yield* await s.outbox.update(record, current.version);
        }
        return ok(undefined);
      }),
    );
    if (recorded.isErr()) return recorded.map(() => ({ sent, retrying, dead }));
    for (const r of results) {
      const summary = { id: r.id, key: r.key, attempts: r.attempts, error: r.lastError ?? '' };
      if (r.status === 'sent') sent += 1;
      else if (r.status === 'dead') dead.push(summary);
      else retrying.push({ ...summary, nextAttemptAt: r.nextAttemptAt });
      if (r.status !== 'sent') {
        const fields = { id: r.id, key: r.key, attempts: r.attempts, error: r.lastError };
        deps.logger?.[r.status === 'dead' ? 'error' : 'warn'](`outbox_${r.status}`, fields);
      }
    }
  }
  return ok({ sent, retrying, dead });
}
