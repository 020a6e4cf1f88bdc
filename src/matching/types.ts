/**
 * What cash application returns: for every bank transaction a decision (apply it
 * automatically, suggest candidates to a person, leave it unmatched, or ignore it
 * as not incoming cash), with the allocations it proposes, a confidence and the
 * evidence behind it. All plain, JSON round-trip safe data.
 *
 * @module
 */
import type { IsoDate } from '../terms/date.js';

/**
 * What a proposed allocation does: `payment` applies cash to an item, `discount`
 * grants an early-payment discount on it, `short-payment-write-off` writes off a
 * tolerated shortfall, `unapplied` leaves cash on the customer's account.
 */
export type AllocationKind = 'payment' | 'discount' | 'short-payment-write-off' | 'unapplied';

/** One part of a proposed match. Cash parts (payment, unapplied) add up to the transaction. */
export interface ProposedAllocation {
  readonly kind: AllocationKind;
  /** The open item; absent for `unapplied`, which stays on the customer. */
  readonly itemId?: string;
  readonly customerId: string;
  /** Positive decimal string in `currency`. */
  readonly amount: string;
  readonly currency: string;
}

/** Codes of the evidence matching weighs. */
export type SignalCode =
  | 'reference_exact'
  | 'reference_invalid'
  | 'invoice_number'
  | 'invoice_number_loose'
  | 'invoice_number_typo'
  | 'payer_account'
  | 'payer_name_exact'
  | 'payer_name_fuzzy'
  | 'payer_conflict'
  | 'payer_unknown'
  | 'amount_exact'
  | 'amount_discount'
  | 'amount_short_tolerated'
  | 'amount_fee'
  | 'amount_partial'
  | 'amount_overpaid'
  | 'amount_unique'
  | 'combination'
  | 'combination_oldest'
  | 'combination_consecutive'
  | 'combination_due'
  | 'search_budget_exhausted'
  | 'cross_currency'
  | 'claimed_by_other'
  | 'debit'
  | 'reversal'
  | 'not_booked'
  | 'reference_settled'
  | 'already_applied'
  | 'invalid_transaction';

/** One piece of evidence: its code, the weight it added and what it means, in words. */
export interface MatchSignal {
  readonly code: SignalCode;
  readonly weight: number;
  readonly detail: string;
}

/** One way to apply a transaction, scored. */
export interface MatchCandidate {
  readonly customerId: string;
  readonly allocations: readonly ProposedAllocation[];
  /** Sum of the signal weights, clamped to 0..1, rounded to 3 decimals. */
  readonly confidence: number;
  readonly signals: readonly MatchSignal[];
  /** False when some evidence forbids automatic application (cross-currency, budget). */
  readonly autoAllowed: boolean;
}

/** What to do with a transaction. */
export type DecisionStatus = 'auto' | 'suggest' | 'unmatched' | 'ignored';

/** A reversal found to undo an earlier payment. */
export interface ReversalUndo {
  /** Bank transaction id of the payment being reversed. */
  readonly transactionId: string;
  /** Ledger payment id, when the reversed payment is already in the ledger. */
  readonly paymentId?: string;
  /** Day the reversal takes effect (the reversal's value date). */
  readonly date: IsoDate;
}

/** The transaction a decision is about, as much of it as applying needs. */
export interface DecidedTransaction {
  readonly id: string;
  readonly amount: string;
  readonly currency: string;
  readonly valueDate: IsoDate;
  readonly bookingDate: IsoDate;
  readonly direction: 'credit' | 'debit';
  readonly reversal: boolean;
  readonly reference?: string;
  readonly endToEndId?: string;
  readonly counterpartyAccount?: string;
  readonly counterpartyName?: string;
}

/** The decision for one bank transaction. */
export interface MatchDecision {
  readonly transactionId: string;
  readonly status: DecisionStatus;
  /** One sentence a person can read: why this status. */
  readonly reason: string;
  /** The best candidate's confidence (0 when there is none). */
  readonly confidence: number;
  /** Customer of the best candidate. */
  readonly customerId?: string;
  /** The best candidate's allocations: applied when `auto`, proposed when `suggest`. */
  readonly allocations: readonly ProposedAllocation[];
  /** The best candidate's signals, or why the transaction was ignored. */
  readonly signals: readonly MatchSignal[];
  /** All candidates, best first (for a person to choose from). */
  readonly candidates: readonly MatchCandidate[];
  /** For a reversal of an earlier payment: which one it undoes. */
  readonly undo?: ReversalUndo;
  readonly transaction: DecidedTransaction;
  /** Version of the policy that made the decision. */
  readonly policyVersion: string;
}

/** The result of `matchPayments`. */
export interface MatchResult {
  readonly policyVersion: string;
  /** One decision per transaction, in input order. */
  readonly decisions: readonly MatchDecision[];
  readonly summary: {
    readonly auto: number;
    readonly suggest: number;
    readonly unmatched: number;
    readonly ignored: number;
  };
}
