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
import { err, ok, type Result } from 'neverthrow';
import { fromZodError, type ReceivablesError, receivablesError } from '../errors/index.js';
import type { IsoDate } from '../terms/date.js';
import { availableFrom, customerLedger } from './availability.js';
import { type AllocationPolicy, type Candidate, planShares } from './policy.js';
import { replayLedger } from './replay.js';
import { allocationRequestSchema } from './request.js';
import { planNamed, resolveSource } from './targets.js';
import type { Allocation, Ledger } from './types.js';
import { formatUnits, isZeroUnits, subUnits, type Units } from './units.js';

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

type Kind = 'payment' | 'credit_note' | 'any';

function fingerprint(r: AllocationRequest): string {
  const items = r.items?.map((t) => [t.itemId, t.amount ?? null]) ?? null;
  return JSON.stringify([
    r.sourceId,
    r.date,
    items,
    r.policy ?? null,
    r.amount ?? null,
    r.reference ?? null,
  ]);
}

function candidatesOf(
  sub: Ledger,
  currency: string,
  date: IsoDate,
  open: ReadonlyMap<string, Units>,
): Candidate[] {
  const out: Candidate[] = [];
  let order = 0;
  for (const item of replayLedger(sub, date).items) {
    order += 1;
    const left = open.get(item.id);
    if (item.currency !== currency || left === undefined || !(left > 0)) continue;
    out.push({ item, open: left, order });
  }
  return out;
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
  const parsed = allocationRequestSchema.safeParse(request);
  if (!parsed.success) return err(fromZodError(parsed.error));
  const req = parsed.data as AllocationRequest;
  const key = fingerprint(req);

  const earlier = ledger.allocations.filter((a) => a.requestId === req.id || a.id === req.id);
  if (earlier.length > 0) {
    if (earlier.some((a) => a.requestKey !== key)) {
      return err(receivablesError('duplicate_id', { kind: 'allocation', id: req.id }, ['id']));
    }
    const source = resolveSource(ledger, req, kind);
    if (source.isErr()) return err(source.error);
    const left = availableFrom(customerLedger(ledger, source.value.customerId), req.date).left;
    const unapplied = formatUnits(left.get(req.sourceId) ?? 0, source.value.minorUnits);
    return ok({ ledger, allocations: earlier, unappliedAmount: unapplied, repeated: true });
  }

  const source = resolveSource(ledger, req, kind);
  if (source.isErr()) return err(source.error);
  const { customerId, currency, minorUnits, reference } = source.value;
  const sub = customerLedger(ledger, customerId);
  const availability = availableFrom(sub, req.date);
  const left = availability.left.get(req.sourceId);
  if (left === undefined) {
    return err(
      receivablesError('not_allocatable', { id: req.sourceId, status: 'reversed' }, ['sourceId']),
    );
  }

  const plan = planNamed(ledger, req, source.value, left, availability.open);
  if (plan.isErr()) return err(plan.error);
  const { cap, named } = plan.value;
  const shares =
    named ??
    planShares(
      candidatesOf(sub, currency, req.date, availability.open),
      req.policy ?? 'oldest-due',
      req.reference ?? reference ?? '',
      cap,
    ).map((s) => ({ itemId: s.candidate.item.id, amount: s.amount }));

  const kept = shares.filter((s) => !isZeroUnits(s.amount));
  const allocations: Allocation[] = kept.map((s, i) => ({
    id: kept.length === 1 ? req.id : `${req.id}/${i + 1}`,
    sourceId: req.sourceId,
    itemId: s.itemId,
    amount: formatUnits(s.amount, minorUnits),
    date: req.date,
    requestId: req.id,
    requestKey: key,
  }));
  const taken = new Set(ledger.allocations.map((a) => a.id));
  const clash = allocations.find((a) => taken.has(a.id));
  if (clash)
    return err(receivablesError('duplicate_id', { kind: 'allocation', id: clash.id }, ['id']));

  const rest = kept.reduce<Units>((r, s) => subUnits(r, s.amount), left);
  const next =
    allocations.length === 0
      ? ledger
      : { ...ledger, allocations: [...ledger.allocations, ...allocations] };
  return ok({
    ledger: next,
    allocations,
    unappliedAmount: formatUnits(rest, minorUnits),
    repeated: false,
  });
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
