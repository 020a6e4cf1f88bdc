/**
 * Payments quoting the reference of an item that is already paid: matching never
 * allocates to a settled item, but says so, since the likely story is a double
 * payment (or a payer reusing an old reference) that a person must look at.
 *
 * @module
 */
import type { OpenItem } from '../ledger/types.js';
import type { BankTransaction } from '../statements/types.js';
import { itemLabel, referenceKey } from './book.js';
import type { MatchDecision, MatchSignal } from './types.js';

/** Settled items by reference key (the later one when two share a key). */
export function indexSettled(items: readonly OpenItem[]): ReadonlyMap<string, OpenItem> {
  const byKey = new Map<string, OpenItem>();
  for (const item of items) {
    const ref = item.paymentReference;
    if (item.status === 'paid' && ref !== undefined && ref.trim() !== '') {
      byKey.set(referenceKey(ref), item);
    }
  }
  return byKey;
}

function quoted(tx: BankTransaction, settled: ReadonlyMap<string, OpenItem>) {
  const written = [tx.structuredReference?.value, ...(tx.remittanceText ?? '').split(/\s+/)];
  for (const w of written) {
    if (w === undefined || w === '') continue;
    const item = settled.get(referenceKey(w));
    if (item !== undefined) return { written: w, item };
  }
  return undefined;
}

/**
 * The decision with a possible double payment spelled out, when the payment was not
 * applied and quotes the reference of a settled item; the decision itself otherwise.
 * Allocations and status are never changed.
 *
 * @example
 * noteSettled(decision, tx, indexSettled([paidInv1001])).signals[0].code
 * //=> 'reference_settled'
 */
export function noteSettled(
  decision: MatchDecision,
  tx: BankTransaction,
  settled: ReadonlyMap<string, OpenItem>,
): MatchDecision {
  if (settled.size === 0 || decision.status === 'auto' || decision.status === 'ignored') {
    return decision;
  }
  if (decision.signals.some((s) => s.code === 'reference_exact')) return decision;
  const hit = quoted(tx, settled);
  if (hit === undefined) return decision;
  const name = itemLabel(hit.item);
  const paid = hit.item.settledOn === undefined ? '' : ` (paid on ${hit.item.settledOn})`;
  const detail =
    `reference ${hit.written} is the payment reference of ${name}, already paid: ` +
    `possible double payment of ${name}${paid}`;
  const signal: MatchSignal = { code: 'reference_settled', weight: 0, detail };
  return { ...decision, reason: detail, signals: [signal, ...decision.signals] };
}
