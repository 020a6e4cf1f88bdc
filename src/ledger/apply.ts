/**
 * The work of one allocation request against a {@link LedgerBook}: the checks, the plan
 * (named items or a policy) and the new allocations. `applyPayment` runs it on a book
 * of one request, `applyPayments` on a book of the whole batch.
 *
 * Internal to the ledger module.
 *
 * @module
 */
import { err, ok, type Result } from 'neverthrow';
import { fromZodError, type ReceivablesError, receivablesError } from '../errors/index.js';
import type { IsoDate } from '../terms/date.js';
import type { AllocationRequest } from './allocate.js';
import { availableFrom } from './availability.js';
import type { BatchRefs, LedgerBook } from './book.js';
import { itemView } from './items.js';
import { type Candidate, planShares } from './policy.js';
import { replayLedger } from './replay.js';
import { allocationRequestSchema } from './request.js';
import { itemIdOf } from './state.js';
import { planNamed, resolveSource } from './targets.js';
import type { Allocation, Ledger } from './types.js';
import { formatUnits, isZeroUnits, subUnits, type Units } from './units.js';

/** Which kind of source a request may draw on. */
export type Kind = 'payment' | 'credit_note' | 'any';

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
  const state = replayLedger(sub, date);
  const t = state.items;
  for (let i = 0; i < t.count; i++) {
    const left = open.get(itemIdOf(t, i));
    if (t.record[i]!.currency !== currency || left === undefined || !(left > 0)) continue;
    out.push({ item: itemView(state, i), open: left, order: i + 1 });
  }
  return out;
}

/** What one request did, without the ledger (the batch builds that once). */
export interface RequestOutcome {
  readonly allocations: readonly Allocation[];
  readonly unappliedAmount: string;
  readonly repeated: boolean;
}

/** The ids a batch of raw requests refers to, for {@link LedgerBook} (nothing is checked). */
export function refsOf(requests: readonly unknown[]): BatchRefs {
  const requestIds = new Set<string>();
  const sourceIds = new Set<string>();
  const itemIds = new Set<string>();
  for (const r of requests) {
    if (typeof r !== 'object' || r === null) continue;
    const { id, sourceId, items } = r as Record<string, unknown>;
    if (typeof id === 'string') requestIds.add(id);
    if (typeof sourceId === 'string') sourceIds.add(sourceId);
    if (!Array.isArray(items)) continue;
    for (const t of items) {
      const itemId = (t as { itemId?: unknown } | null)?.itemId;
      if (typeof itemId === 'string') itemIds.add(itemId);
    }
  }
  return { requestIds, sourceIds, itemIds };
}

/**
 * Applies one request to the ledger of a book, recording its allocations in the book.
 * The checks, and their order, are those of {@link applyPayment}.
 */
export function allocateIn(
  book: LedgerBook,
  request: AllocationRequest,
  kind: Kind,
): Result<RequestOutcome, ReceivablesError> {
  const parsed = allocationRequestSchema.safeParse(request);
  if (!parsed.success) return err(fromZodError(parsed.error));
  const req = parsed.data as AllocationRequest;
  const key = fingerprint(req);

  const earlier = book.earlier(req.id);
  if (earlier.length > 0) {
    if (earlier.some((a) => a.requestKey !== key)) {
      return err(receivablesError('duplicate_id', { kind: 'allocation', id: req.id }, ['id']));
    }
    const source = resolveSource(book, req, kind);
    if (source.isErr()) return err(source.error);
    const left = availableFrom(book.customerLedger(source.value.customerId), req.date).left;
    const unapplied = formatUnits(left.get(req.sourceId) ?? 0, source.value.minorUnits);
    return ok({ allocations: earlier, unappliedAmount: unapplied, repeated: true });
  }

  const source = resolveSource(book, req, kind);
  if (source.isErr()) return err(source.error);
  const { customerId, currency, minorUnits, reference } = source.value;
  const sub = book.customerLedger(customerId);
  const availability = availableFrom(sub, req.date);
  const left = availability.left.get(req.sourceId);
  if (left === undefined) {
    return err(
      receivablesError('not_allocatable', { id: req.sourceId, status: 'reversed' }, ['sourceId']),
    );
  }

  const plan = planNamed(book.namedItems(), req, source.value, left, availability.open);
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
  const clash = allocations.find((a) => book.isTaken(a.id));
  if (clash)
    return err(receivablesError('duplicate_id', { kind: 'allocation', id: clash.id }, ['id']));

  book.add(customerId, req.id, allocations);
  const rest = kept.reduce<Units>((r, s) => subUnits(r, s.amount), left);
  return ok({ allocations, unappliedAmount: formatUnits(rest, minorUnits), repeated: false });
}
