/**
 * Cash application on the ledger: apply a payment or credit note to named open items
 * or by an {@link AllocationPolicy}, and undo an allocation. Pure: each call returns a
 * new ledger and leaves its argument alone.
 *
 * An allocation never takes more than an item has open, nor more than the source has
 * left, on its date or on any later day; what is not applied stays unapplied on the
 * customer. A request carries an id: repeating the identical request is a no-op, the
 * same id with a different request is a `duplicate_id` error.
 *
 * @module
 */
import type { Result } from 'neverthrow';
import type { ReceivablesError } from '../errors/index.js';
import type { IsoDate } from '../terms/date.js';
import { allocateIn, type Kind, refsOf } from './apply.js';
import { LedgerBook } from './book.js';
import type { AllocationPolicy } from './policy.js';
import type { Allocation, Ledger } from './types.js';

/** One open item named by the payer, with the amount meant for it (all it has open when absent). */
export interface AllocationTarget {
  readonly itemId: string;
  readonly amount?: string;
}

/** A request to apply (part of) a payment or credit note. */
export interface AllocationRequest {
  /** The request's id: the allocation id, or the prefix `id/1`, `id/2`... of several. */
  readonly id: string;
  /** The payment or credit note the money comes from. */
  readonly sourceId: string;
  /** Day the allocation takes effect; not before the source or any named item. */
  readonly date: IsoDate;
  /** Items named by the payer, in the order they are paid; overrides `policy`. */
  readonly items?: readonly AllocationTarget[];
  /** How to spread the money over the customer's open items; `oldest-due` by default. */
  readonly policy?: AllocationPolicy;
  /** How much of the source to apply at most; all it has left when absent. */
  readonly amount?: string;
  /** Remittance text for `referenced-first`; the payment's own reference when absent. */
  readonly reference?: string;
}

/** What an allocation request did. */
export interface AllocationOutcome {
  /** The new ledger (the same object when nothing changed). */
  readonly ledger: Ledger;
  /** The allocations of this request (those made earlier, for a repeated request). */
  readonly allocations: readonly Allocation[];
  /** What the source has left unapplied from the request's date on. */
  readonly unappliedAmount: string;
  /** True when the request had been applied before and nothing changed. */
  readonly repeated: boolean;
}

/**
 * Applies a payment or credit note (either) to open items; see {@link applyPayment}.
 *
 * @example
 * allocateSource(ledger, { id: 'A-1', sourceId: 'CN-1', date: '2026-02-01' })
 *   .map((o) => o.unappliedAmount)
 * //=> Ok('0.00')
 */
export function allocateSource(
  ledger: Ledger,
  request: AllocationRequest,
  kind: Kind = 'any',
): Result<AllocationOutcome, ReceivablesError> {
  const book = new LedgerBook(ledger, refsOf([request]));
  return allocateIn(book, request, kind).map((o) => ({ ledger: book.result(), ...o }));
}

/**
 * Applies a payment to open items of its customer: to the items named in
 * `request.items` (each capped at what it has open), or by `request.policy`
 * (`oldest-due` by default). What cannot be applied stays unapplied cash.
 *
 * Errors: `not_found` (payment or item), `overallocation` (more than the payment has
 * left, from the date on), `currency_mismatch`, `customer_mismatch`, `not_allocatable`
 * (a draft or void invoice, an item issued or a payment received after the date, a
 * reversed payment), `duplicate_id` (the id used for another request).
 *
 * @param ledger - the ledger to apply to
 * @param request - which payment, to what, on which day, under which id
 *
 * @example
 * applyPayment(ledger, { id: 'A-1', sourceId: 'P-1', date: '2026-02-01',
 *   items: [{ itemId: 'INV-1', amount: '1200.00' }] }).map((o) => o.unappliedAmount)
 * //=> Ok('200.00')
 */
export function applyPayment(
  ledger: Ledger,
  request: AllocationRequest,
): Result<AllocationOutcome, ReceivablesError> {
  return allocateSource(ledger, request, 'payment');
}

/**
 * Applies a credit note to open items of its customer; like {@link applyPayment}.
 *
 * @example
 * applyCredit(ledger, { id: 'A-2', sourceId: 'CN-1', date: '2026-01-10',
 *   items: [{ itemId: 'INV-1' }] }).map((o) => o.allocations[0]?.amount)
 * //=> Ok('10.00')
 */
export function applyCredit(
  ledger: Ledger,
  request: AllocationRequest,
): Result<AllocationOutcome, ReceivablesError> {
  return allocateSource(ledger, request, 'credit_note');
}
