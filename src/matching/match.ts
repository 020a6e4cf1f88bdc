/**
 * Cash application: for every bank transaction, a decision with its evidence.
 * Credits are matched against open items (see `candidates.ts` for where candidates
 * come from and `decide.ts` for when a match is automatic); debits, reversals and
 * returns are never incoming cash, and a reversal names the payment it undoes.
 * Pure: the same transactions, items, customers and policy give the same result.
 *
 * @module
 */
import { err, ok, type Result } from 'neverthrow';
import type { ReceivablesError } from '../errors/index.js';
import type { Customer, LedgerPayment, OpenItem } from '../ledger/types.js';
import { currencyOf } from '../money/currency.js';
import type { BankTransaction } from '../statements/types.js';
import { buildBook } from './book.js';
import { buildCandidates, type CustomerViews } from './candidates.js';
import { confidenceOf, judge, rankDrafts, resolveClaims, toCandidate } from './decide.js';
import { gatherEvidence } from './evidence.js';
import { type Limits, limitsOf } from './fit.js';
import { buildPayerIndex, identifyPayer } from './payer.js';
import { type MatchingPolicyInput, parseMatchingPolicy } from './policy.js';
import { findReversed, indexPriors, priorFromLedger, priorFromTransaction } from './reversals.js';
import { indexSettled, noteSettled } from './settled.js';
import type { DecidedTransaction, MatchDecision, MatchResult, MatchSignal } from './types.js';
import { toUnits } from './units.js';

/** Options of {@link matchPayments}. */
export interface MatchPaymentsOptions {
  /**
   * Payments already in the ledger, so that a reversal can find the one it undoes and
   * a transaction already applied (by `transactionId`) is ignored, never offered again.
   */
  readonly priorPayments?: readonly LedgerPayment[];
  /**
   * Items already paid (e.g. `settledItemsForMatching(ledger, asOf)`): never allocated
   * to, but a payment left for review that quotes one's reference is called a possible
   * double payment of it.
   */
  readonly settledItems?: readonly OpenItem[];
  /**
   * Called with (done, total) every 250 transactions and at the end, for a progress
   * display; matching itself never waits for it.
   */
  readonly onProgress?: (done: number, total: number) => void;
}

function decided(tx: BankTransaction): DecidedTransaction {
  const reference = tx.structuredReference?.value ?? tx.remittanceText;
  return {
    id: tx.id,
    amount: tx.amount,
    currency: tx.currency,
    valueDate: tx.valueDate,
    bookingDate: tx.bookingDate,
    direction: tx.direction,
    reversal: tx.reversal,
    ...(reference !== undefined && { reference }),
    ...(tx.endToEndId !== undefined && { endToEndId: tx.endToEndId }),
    ...(tx.counterpartyAccount !== undefined && { counterpartyAccount: tx.counterpartyAccount }),
    ...(tx.counterpartyName !== undefined && { counterpartyName: tx.counterpartyName }),
  };
}

/**
 * Why a transaction is left alone before any matching: the ledger holds a payment
 * for it already (applying it again would book it twice), or the bank has not
 * booked it (camt `PDNG`, `INFO`...): pending money is never applied nor suggested.
 */
function heldBack(tx: BankTransaction, appliedAs: ReadonlyMap<string, string>) {
  const paymentId = appliedAs.get(tx.id);
  if (paymentId !== undefined) {
    const detail = `already applied as ${paymentId}`;
    return { code: 'already_applied', weight: 0, detail } as const satisfies MatchSignal;
  }
  if (tx.status !== undefined && tx.status !== 'BOOK') {
    const detail = `not booked (${tx.status})`;
    return { code: 'not_booked', weight: 0, detail } as const satisfies MatchSignal;
  }
  return undefined;
}

/**
 * Matches bank transactions to open items.
 *
 * @param transactions - bank transactions as the statement readers return them
 * @param openItems - what is open (e.g. `balancesAsOf(ledger, asOf).items`), with
 *   discounts where the invoice offers them
 * @param customers - customers with their names, aliases and known accounts
 * @param policy - matching policy; every field defaults safely
 * @example
 * matchPayments([], [], []).map((r) => r.summary)
 * //=> Ok({ auto: 0, suggest: 0, unmatched: 0, ignored: 0 })
 */
export function matchPayments(
  transactions: readonly BankTransaction[],
  openItems: readonly OpenItem[],
  customers: readonly Customer[],
  policy?: MatchingPolicyInput,
  options: MatchPaymentsOptions = {},
): Result<MatchResult, ReceivablesError> {
  const parsedPolicy = parseMatchingPolicy(policy ?? {});
  if (parsedPolicy.isErr()) return err(parsedPolicy.error);
  const p = parsedPolicy.value;
  const bookResult = buildBook(openItems);
  if (bookResult.isErr()) return err(bookResult.error);
  const book = bookResult.value;
  const payers = buildPayerIndex(customers);
  const priors = indexPriors(new Map(), priorFromLedger(options.priorPayments ?? []));
  const appliedAs = new Map<string, string>();
  for (const prior of options.priorPayments ?? []) {
    if (prior.transactionId !== undefined) appliedAs.set(prior.transactionId, prior.id);
  }

  const cache = new Map<string, CustomerViews>();
  const limitsByMinor = new Map<number, Limits>();
  const decisions: MatchDecision[] = [];
  const scores: number[] = [];
  for (const [position, tx] of transactions.entries()) {
    if (position % 250 === 0) options.onProgress?.(position, transactions.length);
    const base = { transactionId: tx.id, transaction: decided(tx), policyVersion: p.version };
    const empty = { confidence: 0, allocations: [], candidates: [] };
    scores.push(0);
    const held = heldBack(tx, appliedAs);
    if (held !== undefined) {
      decisions.push({
        ...base,
        ...empty,
        status: 'ignored',
        reason: held.detail,
        signals: [held],
      });
      continue;
    }
    const currency = currencyOf(tx.currency);
    const units = currency.isOk() ? toUnits(tx.amount, currency.value.minorUnits) : undefined;
    if (currency.isErr() || units === undefined) {
      const detail = currency.isErr()
        ? `unknown currency ${JSON.stringify(tx.currency)}`
        : `amount ${JSON.stringify(tx.amount)} is not a positive amount in ${tx.currency}`;
      const signals: MatchSignal[] = [{ code: 'invalid_transaction', weight: 0, detail }];
      decisions.push({ ...base, ...empty, status: 'unmatched', reason: detail, signals });
      continue;
    }
    if (tx.reversal || tx.direction === 'debit') {
      const found = tx.reversal && tx.direction === 'debit' ? findReversed(tx, priors) : undefined;
      const what = tx.reversal ? 'a reversal or return' : 'a debit';
      const signal: MatchSignal = found?.signal ?? {
        code: tx.reversal ? 'reversal' : 'debit',
        weight: 0,
        detail: `${what}, not incoming cash`,
      };
      const reason =
        `${what}: never matched as incoming` + ` cash${found?.undo ? '; undoes a payment' : ''}`;
      decisions.push({
        ...base,
        ...empty,
        status: 'ignored',
        reason,
        signals: [signal],
        ...(found?.undo && { undo: found.undo }),
      });
      continue;
    }
    indexPriors(priors, [priorFromTransaction(tx)]);
    const minorUnits = currency.value.minorUnits;
    const limits = limitsByMinor.get(minorUnits) ?? limitsOf(p, minorUnits);
    limitsByMinor.set(minorUnits, limits);
    const payment = { units, minorUnits, currency: currency.value.code, limits };
    const ctx = {
      tx,
      payment,
      policy: p,
      book,
      payers,
      payerMatches: identifyPayer(
        payers,
        tx.counterpartyAccount,
        tx.counterpartyName,
        p.nameSimilarity,
      ),
      evidence: gatherEvidence(book, tx, p),
      cache,
    };
    const ranked = rankDrafts(buildCandidates(ctx));
    const verdict = judge(ranked, p);
    const best = ranked[0];
    scores[scores.length - 1] = best?.score ?? 0;
    decisions.push({
      ...base,
      status: verdict.status,
      reason: verdict.reason,
      confidence: confidenceOf(best?.score ?? 0),
      ...(best !== undefined && verdict.status !== 'unmatched' && { customerId: best.customerId }),
      allocations: best !== undefined && verdict.status !== 'unmatched' ? best.allocations : [],
      signals: best ? toCandidate(best).signals : [],
      candidates: ranked.slice(0, 5).map(toCandidate),
    });
  }
  options.onProgress?.(transactions.length, transactions.length);
  // Only items two payments claim are looked up: the map is built on the first.
  let openById: Map<string, string> | undefined;
  const openOf = (id: string) => {
    openById ??= new Map(book.items.map((it) => [it.source.id, it.source.openAmount]));
    return openById.get(id);
  };
  const settled = indexSettled(options.settledItems ?? []);
  const resolved = resolveClaims(decisions, scores, openOf, p).map((d, i) =>
    noteSettled(d, transactions[i]!, settled),
  );
  const summary = { auto: 0, suggest: 0, unmatched: 0, ignored: 0 };
  for (const d of resolved) summary[d.status] += 1;
  return ok({ policyVersion: p.version, decisions: resolved, summary });
}
