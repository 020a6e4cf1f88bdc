/**
 * Cash application in bulk: many allocation requests against one ledger, applied in
 * order as if by one `applyPayment` call each, but indexing the ledger once for the
 * whole batch instead of once per request (a loop of 10,000 `applyPayment` calls
 * scans and copies the ledger 10,000 times). Pure: returns a new ledger.
 *
 * @module
 */
import { err, ok, type Result } from 'neverthrow';
import { atPath, type ReceivablesError, receivablesError } from '../errors/index.js';
import type { AllocationRequest } from './allocate.js';
import { allocateIn, type Kind, type RequestOutcome, refsOf } from './apply.js';
import { LedgerBook } from './book.js';
import type { Ledger } from './types.js';

/** What one request of a batch did: its outcome, or why it was refused. */
export type BatchOutcome =
  | ({ readonly ok: true } & RequestOutcome)
  | { readonly ok: false; readonly error: ReceivablesError };

/** The result of a batch: the new ledger and one outcome per request, in order. */
export interface BatchResult {
  /** The ledger with every allocation the batch made (the same object when none). */
  readonly ledger: Ledger;
  /** `outcomes[i]` is what `requests[i]` did. */
  readonly outcomes: readonly BatchOutcome[];
  /** How many requests were refused. */
  readonly refused: number;
}

function runBatch(
  ledger: Ledger,
  requests: readonly AllocationRequest[],
  kind: Kind,
): Result<BatchResult, ReceivablesError> {
  if (!Array.isArray(requests)) {
    const issues = [{ path: [], message: 'expected a list of allocation requests' }];
    return err(receivablesError('invalid_input', { issues }, []));
  }
  const book = new LedgerBook(ledger, refsOf(requests));
  const outcomes: BatchOutcome[] = new Array(requests.length);
  let refused = 0;
  for (let i = 0; i < requests.length; i++) {
    const r = allocateIn(book, requests[i]!, kind);
    if (r.isOk()) outcomes[i] = { ok: true, ...r.value };
    else {
      outcomes[i] = { ok: false, error: atPath(r.error, [i]) };
      refused += 1;
    }
  }
  return ok({ ledger: book.result(), outcomes, refused });
}

/**
 * Applies many payments, in order: each request sees the allocations of those before
 * it, exactly as a loop of {@link applyPayment} calls would, but the ledger is indexed
 * once for the batch. A refused request changes nothing and the batch goes on; its
 * outcome holds the error, whose path starts with the request's index.
 *
 * @param ledger - the ledger to apply to
 * @param requests - allocation requests, as `applyPayment` takes them
 *
 * @example
 * applyPayments(ledger, [
 *   { id: 'A-1', sourceId: 'P-1', date: '2026-02-01', items: [{ itemId: 'INV-1' }] },
 *   { id: 'A-2', sourceId: 'P-404', date: '2026-02-01' },
 * ]).map((b) => b.outcomes.map((o) => (o.ok ? o.unappliedAmount : o.error.code)))
 * //=> Ok(['200.00', 'not_found'])
 */
export function applyPayments(
  ledger: Ledger,
  requests: readonly AllocationRequest[],
): Result<BatchResult, ReceivablesError> {
  return runBatch(ledger, requests, 'payment');
}

/**
 * Applies many credit notes, in order; like {@link applyPayments}.
 *
 * @example
 * applyCredits(ledger, [{ id: 'A-2', sourceId: 'CN-1', date: '2026-01-10' }])
 *   .map((b) => b.refused)
 * //=> Ok(0)
 */
export function applyCredits(
  ledger: Ledger,
  requests: readonly AllocationRequest[],
): Result<BatchResult, ReceivablesError> {
  return runBatch(ledger, requests, 'credit_note');
}
