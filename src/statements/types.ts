/**
 * Bank statement data as every reader returns it, whatever the file format:
 * statements with their balances, and one {@link BankTransaction} per booked
 * movement (a batched entry with several transaction details becomes several
 * transactions).
 *
 * @module
 */
import type { IsoDate } from '../terms/date.js';

/** Which scheme a structured payment reference follows. */
export type ReferenceScheme = 'iso11649' | 'qr' | 'esr' | 'finnish' | 'kid' | 'belgian' | 'other';

/** A structured creditor reference found in a transaction. */
export interface StructuredReference {
  /** The reference as written, without spaces. */
  readonly value: string;
  readonly scheme: ReferenceScheme;
  /** False when the reference fails its check digits (reported, still read). */
  readonly valid: boolean;
}

/** One booked movement on a bank account. */
export interface BankTransaction {
  /**
   * Stable id: the bank's own (AcctSvcrRef, bank reference) where it has one,
   * else derived from the statement id and the entry's position, so that reading
   * the same file twice gives the same ids.
   */
  readonly id: string;
  /** Statement this transaction belongs to. */
  readonly statementId: string;
  readonly bookingDate: IsoDate;
  readonly valueDate: IsoDate;
  /** Amount, positive decimal string; `direction` says which way. */
  readonly amount: string;
  readonly currency: string;
  /** `credit` = money in (a customer paying), `debit` = money out. */
  readonly direction: 'credit' | 'debit';
  /** True when the bank marks the entry as a reversal or return of an earlier one. */
  readonly reversal: boolean;
  readonly counterpartyName?: string;
  /** Counterparty account: IBAN where given, else the bank's account number. */
  readonly counterpartyAccount?: string;
  /** Unstructured remittance text, lines joined with a space. */
  readonly remittanceText?: string;
  readonly structuredReference?: StructuredReference;
  readonly endToEndId?: string;
  /** Bank transaction code as the format writes it (ISO domain/family/sub-family, GVC, BAI2 type). */
  readonly bankTransactionCode?: string;
  /** Where the entry sits in the source file, for messages: line number or element path. */
  readonly source?: string;
}

/** A balance stated in a statement (opening, closing...). */
export interface StatementBalance {
  /** `opening`, `closing`, `available` or the format's own code. */
  readonly type: string;
  readonly date: IsoDate;
  /** Signed decimal string: negative for a debit balance. */
  readonly amount: string;
  readonly currency: string;
}

/** The outcome of checking opening balance + entries = closing balance. */
export interface ReconciliationCheck {
  readonly ok: boolean;
  readonly opening?: string;
  readonly entries: string;
  readonly closing?: string;
  /** Closing - (opening + entries), zero when it reconciles. */
  readonly difference?: string;
}

/** A problem found while reading that did not stop the reading. */
export interface StatementWarning {
  readonly code: 'balance_mismatch' | 'invalid_reference_check_digits' | 'other';
  readonly message: string;
  /** Line or element path. */
  readonly where?: string;
}

/** One account statement (or report / notification) in a file. */
export interface BankStatement {
  readonly id: string;
  readonly account?: string;
  readonly accountOwner?: string;
  readonly currency?: string;
  readonly createdAt?: string;
  readonly balances: readonly StatementBalance[];
  readonly transactions: readonly BankTransaction[];
  /** Present where the statement states both an opening and a closing balance. */
  readonly reconciliation?: ReconciliationCheck;
}

/** What a reader returns for a whole file. */
export interface StatementFile {
  readonly format: 'camt.053' | 'camt.054' | 'camt.052' | 'mt940' | 'bai2' | 'csv';
  /** Format version, e.g. `camt.053.001.02`. */
  readonly version?: string;
  readonly messageId?: string;
  readonly statements: readonly BankStatement[];
  readonly warnings: readonly StatementWarning[];
}
