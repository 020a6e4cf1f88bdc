/**
 * Reversals and returned payments. They are never incoming cash; a reversal of a
 * credit undoes the payment it reverses, found among earlier payments by end-to-end
 * id, payer account and reference, with the same amount and currency. Only a
 * unique best match is undone; otherwise a person decides.
 *
 * @module
 */
import type { LedgerPayment } from '../ledger/types.js';
import type { BankTransaction } from '../statements/types.js';
import type { MatchSignal, ReversalUndo } from './types.js';

/** A payment that a reversal may undo. */
export interface PriorPayment {
  readonly transactionId: string;
  readonly paymentId?: string;
  readonly amount: string;
  readonly currency: string;
  readonly date: string;
  readonly endToEndId?: string;
  readonly account?: string;
  readonly reference?: string;
}

/**
 * Earlier payments in the ledger that came from bank transactions and still hold.
 *
 * @example
 * priorFromLedger([{ ...payment, transactionId: 'TX-1' }])[0]?.transactionId
 * //=> 'TX-1'
 */
export function priorFromLedger(payments: readonly LedgerPayment[]): PriorPayment[] {
  return payments
    .filter((p) => p.transactionId !== undefined && p.reversedOn === undefined)
    .map((p) => ({
      transactionId: p.transactionId!,
      paymentId: p.id,
      amount: p.amount,
      currency: p.currency,
      date: p.date,
      ...(p.endToEndId !== undefined && { endToEndId: p.endToEndId }),
      ...(p.payerAccount !== undefined && { account: p.payerAccount }),
      ...(p.reference !== undefined && { reference: p.reference }),
    }));
}

/**
 * A credit transaction as a payment a later reversal may undo.
 *
 * @example
 * priorFromTransaction(tx).transactionId
 * //=> tx.id
 */
export function priorFromTransaction(tx: BankTransaction): PriorPayment {
  const reference = tx.structuredReference?.value ?? tx.remittanceText;
  return {
    transactionId: tx.id,
    amount: tx.amount,
    currency: tx.currency,
    date: tx.valueDate,
    ...(tx.endToEndId !== undefined && { endToEndId: tx.endToEndId }),
    ...(tx.counterpartyAccount !== undefined && { account: tx.counterpartyAccount }),
    ...(reference !== undefined && { reference }),
  };
}

const norm = (s: string | undefined) => (s ?? '').replace(/\s+/g, '').toUpperCase();

/**
 * Finds the payment a reversal undoes: the undo, or the reason there is none.
 *
 * @example
 * findReversed(returned, indexPriors(new Map(), [prior])).undo?.transactionId
 * //=> 'TX-1'
 */
export function findReversed(
  tx: BankTransaction,
  priors: PriorIndex,
): { undo?: ReversalUndo; signal: MatchSignal } {
  const scored: { prior: PriorPayment; score: number }[] = [];
  for (const prior of priors.get(priorKey(tx.currency, tx.amount)) ?? []) {
    if (prior.date > tx.valueDate) continue;
    let score = 0;
    const e2e = norm(tx.endToEndId);
    if (e2e !== '' && e2e !== 'NOTPROVIDED' && e2e === norm(prior.endToEndId)) score += 4;
    if (
      norm(tx.counterpartyAccount) !== '' &&
      norm(tx.counterpartyAccount) === norm(prior.account)
    ) {
      score += 2;
    }
    const ref = norm(tx.structuredReference?.value ?? tx.remittanceText);
    if (ref !== '' && prior.reference !== undefined && ref.includes(norm(prior.reference)))
      score += 1;
    if (score > 0) scored.push({ prior, score });
  }
  scored.sort((a, b) => b.score - a.score || (a.prior.date < b.prior.date ? 1 : -1));
  const best = scored[0];
  if (best === undefined) {
    return { signal: { code: 'reversal', weight: 0, detail: 'reversal of no known payment' } };
  }
  if (scored[1] !== undefined && scored[1].score === best.score) {
    const detail =
      `reversal fits ${scored.filter((s) => s.score === best.score).length}` +
      ` payments equally; review`;
    return { signal: { code: 'reversal', weight: 0, detail } };
  }
  const undo: ReversalUndo = {
    transactionId: best.prior.transactionId,
    ...(best.prior.paymentId !== undefined && { paymentId: best.prior.paymentId }),
    date: tx.valueDate,
  };
  const detail = `reverses the payment of transaction ${best.prior.transactionId}`;
  return { undo, signal: { code: 'reversal', weight: 0, detail } };
}

/** Earlier payments by currency and amount, so a reversal looks at a handful. */
export type PriorIndex = Map<string, PriorPayment[]>;

/**
 * The key of a payment in a {@link PriorIndex}: currency and amount without padding.
 *
 * @example
 * priorKey('EUR', '100.50')
 * //=> 'EUR:100.5'
 */
export function priorKey(currency: string, amount: string): string {
  const stripped = amount
    .replace(/^0+(?=\d)/, '')
    .replace(/(\.\d*?)0+$/, '$1')
    .replace(/\.$/, '');
  return `${currency}:${stripped}`;
}

/**
 * Adds payments to a {@link PriorIndex}.
 *
 * @example
 * indexPriors(new Map(), [prior]).size
 * //=> 1
 */
export function indexPriors(index: PriorIndex, priors: readonly PriorPayment[]): PriorIndex {
  for (const p of priors) {
    const key = priorKey(p.currency, p.amount);
    const list = index.get(key);
    if (list) list.push(p);
    else index.set(key, [p]);
  }
  return index;
}
