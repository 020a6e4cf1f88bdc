/**
 * The checks and plan of an allocation request before anything is allocated: which
 * source it draws on, how much it may take, and what each named item receives.
 *
 * Internal to the ledger module.
 *
 * @module
 */
import { err, ok, type Result } from 'neverthrow';
import { type ReceivablesError, receivablesError } from '../errors/index.js';
import type { AllocationRequestShape } from './request.js';
import { unitsOf } from './state.js';
import type { LedgerCreditNote, LedgerPayment } from './types.js';
import { addUnits, formatUnits, minUnits, parseUnits, subUnits, type Units } from './units.js';

/** The payment or credit note a request draws on. */
export interface SourceInfo {
  readonly customerId: string;
  readonly currency: string;
  readonly minorUnits: number;
  readonly reference?: string;
}

/** What the checks need to know of an item a payer names. */
export interface ItemInfo {
  readonly customerId: string;
  readonly currency: string;
  readonly status: string;
  readonly issueDate: string;
}

/** Payments and credit notes by id (the first of a repeated id). */
export interface SourceLookup {
  payment(id: string): LedgerPayment | undefined;
  creditNote(id: string): LedgerCreditNote | undefined;
}

/** Finds the request's source and checks it counts on the request's date. */
export function resolveSource(
  sources: SourceLookup,
  req: AllocationRequestShape,
  kind: 'payment' | 'credit_note' | 'any',
): Result<SourceInfo, ReceivablesError> {
  const payment = kind === 'credit_note' ? undefined : sources.payment(req.sourceId);
  const note = kind === 'payment' || payment ? undefined : sources.creditNote(req.sourceId);
  const doc = payment ?? note;
  if (!doc) {
    const what =
      kind === 'any' ? 'payment or credit note' : kind === 'payment' ? 'payment' : 'credit note';
    return err(receivablesError('not_found', { kind: what, id: req.sourceId }, ['sourceId']));
  }
  const received = payment ? payment.date : note!.issueDate;
  const refuse = (status: string) =>
    err(receivablesError('not_allocatable', { id: doc.id, status }, ['sourceId']));
  if (received > req.date) return refuse(`dated ${received}, after the allocation`);
  if (payment?.reversedOn !== undefined && payment.reversedOn <= req.date)
    return refuse('reversed');
  return ok({
    customerId: doc.customerId,
    currency: doc.currency,
    minorUnits: unitsOf(doc.currency),
    reference: payment?.reference,
  });
}

/** What a request may apply, and for named items, what each receives. */
export interface NamedPlan {
  /** The most this request applies: its `amount`, or all the source has left. */
  readonly cap: Units;
  /** Shares of the named items, in the payer's order; absent when a policy decides. */
  readonly named: { readonly itemId: string; readonly amount: Units }[] | undefined;
}

/** Checks the request's amount and named items and, when items are named, plans their shares. */
export function planNamed(
  infos: ReadonlyMap<string, ItemInfo>,
  req: AllocationRequestShape,
  source: SourceInfo,
  left: Units,
  open: ReadonlyMap<string, Units>,
): Result<NamedPlan, ReceivablesError> {
  const { currency, minorUnits } = source;
  const read = (amount: string, path: (string | number)[]) => {
    const u = parseUnits(amount, minorUnits);
    const reason = `not a ${currency} amount (${minorUnits} decimals)`;
    return u === undefined
      ? err(receivablesError('invalid_amount', { input: amount, reason }, path))
      : ok(u);
  };
  const over = (requested: Units, available: Units) =>
    err(
      receivablesError(
        'overallocation',
        {
          available: formatUnits(available, minorUnits),
          requested: formatUnits(requested, minorUnits),
        },
        ['amount'],
      ),
    );

  let cap = left;
  if (req.amount !== undefined) {
    const asked = read(req.amount, ['amount']);
    if (asked.isErr()) return err(asked.error);
    if (asked.value > left) return over(asked.value, left);
    cap = asked.value;
  }
  if (req.items === undefined) return ok({ cap, named: undefined });

  const seen = new Set<string>();
  const wants: (Units | undefined)[] = [];
  let asked: Units = 0;
  for (const [i, t] of req.items.entries()) {
    const path = ['items', i, 'itemId'];
    const info = infos.get(t.itemId);
    const fail = (e: ReceivablesError) => err(e);
    if (!info) return fail(receivablesError('not_found', { kind: 'item', id: t.itemId }, path));
    if (seen.has(t.itemId))
      return fail(receivablesError('duplicate_id', { kind: 'item', id: t.itemId }, path));
    seen.add(t.itemId);
    if (info.status !== 'issued') {
      return fail(receivablesError('not_allocatable', { id: t.itemId, status: info.status }, path));
    }
    if (info.currency !== currency) {
      return fail(
        receivablesError('currency_mismatch', { expected: currency, actual: info.currency }, path),
      );
    }
    if (info.customerId !== source.customerId) {
      const details = { expected: source.customerId, actual: info.customerId };
      return fail(receivablesError('customer_mismatch', details, path));
    }
    if (info.issueDate > req.date) {
      const status = `issued ${info.issueDate}, after the allocation`;
      return fail(receivablesError('not_allocatable', { id: t.itemId, status }, path));
    }
    if (t.amount === undefined) {
      wants.push(undefined);
      continue;
    }
    const want = read(t.amount, ['items', i, 'amount']);
    if (want.isErr()) return err(want.error);
    wants.push(want.value);
    asked = addUnits(asked, want.value);
  }
  if (asked > cap) return over(asked, cap);

  let rest = cap;
  const named = req.items.map((t, i) => {
    const amount = minUnits(minUnits(wants[i] ?? rest, open.get(t.itemId) ?? 0), rest);
    rest = subUnits(rest, amount);
    return { itemId: t.itemId, amount };
  });
  return ok({ cap, named });
}
