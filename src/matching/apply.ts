/**
 * Applying decisions to the ledger: each automatic decision becomes a ledger
 * payment (its `transactionId` is the bank transaction's id), allocations made
 * through the ledger's own `applyPayments` (one index of the ledger for all the
 * decisions that share no item, not one scan per payment), and write-off records for
 * early-payment discounts and tolerated short payments. A reversal marks the payment it undoes
 * as reversed and undoes its allocations. Idempotent by transaction id: applying
 * the same result twice adds nothing the second time. Pure: returns a new ledger.
 *
 * Not covered: undoing the discount or short-payment write-offs of a reversed
 * payment (the ledger's write-off record has no reversal date); they are reported
 * in `skipped` so a person can correct them.
 *
 * @module
 */
import { err, ok, type Result } from 'neverthrow';
import { type ReceivablesError, receivablesError } from '../errors/index.js';
import { type AllocationRequest, applyPayment } from '../ledger/allocate.js';
import { applyPayments } from '../ledger/batch.js';
import type { Ledger, LedgerPayment, LedgerWriteOff } from '../ledger/types.js';
import { undoAllocation } from '../ledger/undo.js';
import type { IsoDate } from '../terms/date.js';
import type { MatchDecision, MatchResult } from './types.js';

/** What applying decisions did. */
export interface AppliedMatches {
  readonly ledger: Ledger;
  /** Transaction ids applied (payments added, or reversals recorded). */
  readonly applied: readonly string[];
  /** Transactions not applied, each with the reason. */
  readonly skipped: readonly { readonly transactionId: string; readonly reason: string }[];
}

/**
 * The ledger payment id of a bank transaction.
 *
 * @example
 * paymentIdFor('TX-1')
 * //=> 'PAY-TX-1'
 */
export function paymentIdFor(transactionId: string): string {
  return `PAY-${transactionId}`;
}

interface Prepared {
  readonly payment: LedgerPayment;
  readonly writeOffs: readonly LedgerWriteOff[];
  readonly request?: AllocationRequest;
  /** Items the decision allocates to or writes off. */
  readonly itemIds: readonly string[];
}

function prepare(d: MatchDecision): Result<Prepared, ReceivablesError> {
  const t = d.transaction;
  const customerId = d.customerId ?? d.allocations[0]?.customerId;
  if (customerId === undefined) {
    return err(receivablesError('not_found', { kind: 'customer', id: d.transactionId }));
  }
  const cross = d.allocations.find((a) => a.currency !== t.currency);
  if (cross) {
    return err(
      receivablesError('currency_mismatch', { expected: t.currency, actual: cross.currency }),
    );
  }
  const id = paymentIdFor(t.id);
  const payment: LedgerPayment = {
    id,
    customerId,
    currency: t.currency,
    date: t.valueDate,
    amount: t.amount,
    transactionId: t.id,
    ...(t.reference !== undefined && { reference: t.reference }),
    ...(t.endToEndId !== undefined && { endToEndId: t.endToEndId }),
    ...(t.counterpartyAccount !== undefined && { payerAccount: t.counterpartyAccount }),
  };
  const writeOffs: LedgerWriteOff[] = d.allocations
    .filter((a) => a.kind === 'discount' || a.kind === 'short-payment-write-off')
    .map((a, i) => ({
      id: `${id}/W${i + 1}`,
      itemId: a.itemId!,
      date: t.valueDate,
      amount: a.amount,
      reason: a.kind === 'discount' ? 'early-payment discount' : 'tolerated short payment',
    }));
  const items = d.allocations
    .filter((a) => a.kind === 'payment')
    .map((a) => ({ itemId: a.itemId!, amount: a.amount }));
  const itemIds = d.allocations.flatMap((a) => (a.itemId === undefined ? [] : [a.itemId]));
  const request = { id, sourceId: id, date: t.valueDate, items };
  return ok({ payment, writeOffs, itemIds, ...(items.length > 0 && { request }) });
}

/**
 * Applies prepared decisions that share no item and no transaction: their payments
 * and write-offs are appended once and their allocations made by one ledger batch
 * (the ledger indexed once). Each one sees only its own items, so the result is what
 * applying them one by one gives; a refused one leaves no record.
 */
function applyChunk(
  ledger: Ledger,
  chunk: readonly Prepared[],
): { ledger: Ledger; errors: (string | undefined)[] } {
  const errors: (string | undefined)[] = chunk.map(() => undefined);
  const requests = chunk.flatMap((c) => (c.request ? [c.request] : []));
  const positions = chunk.flatMap((c, i) => (c.request ? [i] : []));
  const withRecords: Ledger = {
    ...ledger,
    payments: [...ledger.payments, ...chunk.map((c) => c.payment)],
    writeOffs: [...ledger.writeOffs, ...chunk.flatMap((c) => c.writeOffs)],
  };
  if (requests.length === 0) return { ledger: withRecords, errors };
  const batch = applyPayments(withRecords, requests);
  if (batch.isErr()) return { ledger, errors: chunk.map(() => batch.error.message) };
  if (batch.value.refused === 0) return { ledger: batch.value.ledger, errors };
  batch.value.outcomes.forEach((o, k) => {
    if (!o.ok) errors[positions[k]!] = o.error.message;
  });
  const kept = chunk.filter((_, i) => errors[i] === undefined);
  return {
    ledger: {
      ...batch.value.ledger,
      payments: [...ledger.payments, ...kept.map((c) => c.payment)],
      writeOffs: [...ledger.writeOffs, ...kept.flatMap((c) => c.writeOffs)],
    },
    errors,
  };
}

function applyOne(ledger: Ledger, d: MatchDecision): Result<Ledger, ReceivablesError> {
  const prepared = prepare(d);
  if (prepared.isErr()) return err(prepared.error);
  const { payment, writeOffs, request } = prepared.value;
  const withPayment: Ledger = {
    ...ledger,
    payments: [...ledger.payments, payment],
    writeOffs: [...ledger.writeOffs, ...writeOffs],
  };
  if (request === undefined) return ok(withPayment);
  return applyPayment(withPayment, request).map((o) => o.ledger);
}

function undoOne(ledger: Ledger, d: MatchDecision): Result<Ledger, string> {
  const undo = d.undo!;
  const target = ledger.payments.find((p) => p.transactionId === undo.transactionId);
  if (target === undefined) return err('the reversed payment is not in the ledger');
  if (target.reversedOn !== undefined) return err('already reversed');
  const payments = ledger.payments.map((p) => (p === target ? { ...p, reversedOn: undo.date } : p));
  // The discount or tolerated short payment written off with the payment goes with it.
  const made = `${target.id}/W`;
  const writeOffs = ledger.writeOffs.map((w) =>
    w.id.startsWith(made) && w.reversedOn === undefined ? { ...w, reversedOn: undo.date } : w,
  );
  let next: Ledger = { ...ledger, payments, writeOffs };
  if (ledger.allocations.some((a) => a.sourceId === target.id)) {
    const undone = undoAllocation(next, target.id, undo.date);
    if (undone.isOk()) next = undone.value.ledger;
  }
  return ok(next);
}

/**
 * Applies the automatic decisions (and reversals) of a match result, with a report
 * of what was applied and what was skipped and why.
 *
 * @param ledger - the ledger the open items came from
 * @param result - what `matchPayments` decided
 * @param asOf - the posting day: transactions valued later are left for later
 * @example
 * applyMatchesWithReport(EMPTY_LEDGER, { policyVersion: 'v', decisions: [],
 *   summary: { auto: 0, suggest: 0, unmatched: 0, ignored: 0 } }, '2024-03-31').applied
 * //=> []
 */
export function applyMatchesWithReport(
  ledger: Ledger,
  result: MatchResult,
  asOf: IsoDate,
): AppliedMatches {
  let current = ledger;
  const seen = new Set(current.payments.map((p) => p.transactionId).filter((t) => t !== undefined));
  const ordered = [
    ...result.decisions.filter((d) => d.status === 'auto'),
    ...result.decisions.filter((d) => d.status === 'ignored' && d.undo !== undefined),
  ];
  // Per position in `ordered`: applied (true), skipped (a reason) or neither.
  const outcome: (true | string | undefined)[] = ordered.map(() => undefined);
  let chunk: { at: number; prepared: Prepared }[] = [];
  const touched = new Set<string>();
  const flush = () => {
    const r = applyChunk(
      current,
      chunk.map((c) => c.prepared),
    );
    current = r.ledger;
    chunk.forEach((c, k) => {
      const error = r.errors[k];
      outcome[c.at] = error ?? true;
      if (error === undefined) seen.add(ordered[c.at]!.transactionId);
    });
    chunk = [];
    touched.clear();
  };
  for (const [at, d] of ordered.entries()) {
    if (d.transaction.valueDate > asOf) {
      outcome[at] = `valued ${d.transaction.valueDate}, after ${asOf}`;
      continue;
    }
    if (d.status !== 'auto') continue;
    const prepared = prepare(d);
    if (prepared.isErr()) {
      outcome[at] = prepared.error.message;
      continue;
    }
    const { itemIds } = prepared.value;
    if (touched.has(d.transactionId) || itemIds.some((i) => touched.has(`item:${i}`))) flush();
    if (seen.has(d.transactionId)) continue;
    chunk.push({ at, prepared: prepared.value });
    touched.add(d.transactionId);
    for (const i of itemIds) touched.add(`item:${i}`);
  }
  if (chunk.length > 0) flush();
  for (const [at, d] of ordered.entries()) {
    if (d.status === 'auto' || outcome[at] !== undefined) continue;
    const r = undoOne(current, d);
    if (r.isErr()) {
      if (r.error !== 'already reversed') outcome[at] = r.error;
      continue;
    }
    current = r.value;
    outcome[at] = true;
  }
  const applied: string[] = [];
  const skipped: { transactionId: string; reason: string }[] = [];
  for (const [at, d] of ordered.entries()) {
    const o = outcome[at];
    if (o === undefined) continue;
    if (o === true) applied.push(d.transactionId);
    else skipped.push({ transactionId: d.transactionId, reason: o });
  }
  return { ledger: current, applied, skipped };
}

/**
 * Applies the automatic decisions and reversals of a match result to the ledger.
 * Applying the same result again changes nothing.
 *
 * @example
 * applyMatches(EMPTY_LEDGER, { policyVersion: 'v', decisions: [],
 *   summary: { auto: 0, suggest: 0, unmatched: 0, ignored: 0 } }, '2024-03-31').payments
 * //=> []
 */
export function applyMatches(ledger: Ledger, result: MatchResult, asOf: IsoDate): Ledger {
  return applyMatchesWithReport(ledger, result, asOf).ledger;
}

/**
 * Applies one candidate of a suggestion that a person accepted. Errors when the
 * transaction was applied already (`duplicate_id`), when the candidate does not
 * exist (`not_found`), or when the ledger refuses the allocations.
 *
 * @param decision - the suggestion (or any decision with candidates)
 * @param candidate - position in `decision.candidates` (0 = the best)
 * @example
 * acceptSuggestion(ledger, decision, 0).map((l) => l.payments.length)
 * //=> Ok(1)
 */
export function acceptSuggestion(
  ledger: Ledger,
  decision: MatchDecision,
  candidate = 0,
): Result<Ledger, ReceivablesError> {
  if (ledger.payments.some((p) => p.transactionId === decision.transactionId)) {
    const details = { kind: 'payment', id: paymentIdFor(decision.transactionId) };
    return err(receivablesError('duplicate_id', details, ['transactionId']));
  }
  const chosen = decision.candidates[candidate];
  if (chosen === undefined) {
    const details = { kind: 'candidate', id: `${decision.transactionId}#${candidate}` };
    return err(receivablesError('not_found', details, ['candidate']));
  }
  const accepted: MatchDecision = {
    ...decision,
    status: 'auto',
    customerId: chosen.customerId,
    allocations: chosen.allocations,
  };
  return applyOne(ledger, accepted);
}
