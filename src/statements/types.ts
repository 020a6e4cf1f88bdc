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
  /** Bank transaction code as the format writes it (ISO domain/family/sub-family, GVC, BAI2). */
  readonly bankTransactionCode?: string;
  /** Where the entry sits in the source file, for messages: line number or element path. */
  readonly source?: string;
  /** Every structured reference (camt may give several); the first is `structuredReference`. */
  readonly structuredReferences?: readonly StructuredReference[];
  /** Booking status as the bank gives it (camt `BOOK`, `PDNG`, `INFO`); absent means booked. */
  readonly status?: string;
  /** Part of a batched entry: this transaction's 1-based position and the number of parts. */
  readonly batch?: BatchPosition;
  /**
   * The amount the transaction details state when it differs from `amount` (another
   * currency or an instructed amount); `amount` is always what was booked.
   */
  readonly detailAmount?: { readonly amount: string; readonly currency: string };
  /** True when the details of a batched entry gave no amount and `amount` was inferred. */
  readonly amountInferred?: boolean;
  readonly debtorName?: string;
  readonly creditorName?: string;
  /** BIC of the counterparty's bank where given. */
  readonly counterpartyBic?: string;
  readonly instructionId?: string;
  readonly mandateId?: string;
  /** SWIFT gpi unique end-to-end transaction reference. */
  readonly uetr?: string;
  /** The bank's reference (camt AcctSvcrRef, MT940 bank reference, BAI2 bank ref). */
  readonly bankReference?: string;
  /** The account owner's reference (MT940 :61: customer reference, BAI2 customer ref). */
  readonly customerReference?: string;
  /** The bank's proprietary transaction code (camt BkTxCd/Prtry/Cd, MT940 :61: type). */
  readonly proprietaryCode?: string;
  /** Return or reversal reason code (camt RtrInf/Rsn, MT940 ?34). */
  readonly returnReason?: string;
  /** Free text the bank adds to the transaction (camt AddtlTxInf, the whole MT940 :86:). */
  readonly additionalInfo?: string;
  /** Free text on the booked entry (camt AddtlNtryInf, MT940 :61: supplementary details). */
  readonly entryInfo?: string;
  /** The bank's reference of the booked entry (camt NtryRef). */
  readonly entryReference?: string;
  /** BAI2 funds type (`0`, `1`, `2`, `S`, `V`, `D`, `Z`). */
  readonly fundsType?: string;
}

/** Where a transaction sits inside a batched entry. */
export interface BatchPosition {
  /** 1-based position of the transaction details inside the entry. */
  readonly index: number;
  /** Number of transaction details in the entry. */
  readonly size: number;
  readonly messageId?: string;
  readonly paymentInformationId?: string;
}

/** A total a statement states besides its balances (BAI2 total credits, total debits...). */
export interface StatementSummary {
  /** The format's code, e.g. BAI2 `100` (total credits). */
  readonly code: string;
  readonly amount: string;
  readonly count?: number;
}

/** A balance stated in a statement (opening, closing...). */
export interface StatementBalance {
  /** `opening`, `closing`, `available` or the format's own code. */
  readonly type: string;
  readonly date: IsoDate;
  /** Signed decimal string: negative for a debit balance. */
  readonly amount: string;
  readonly currency: string;
  /** The format's own code (camt `OPBD`, MT940 `60F`, BAI2 `010`). */
  readonly code?: string;
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
  readonly code:
    | 'balance_mismatch'
    | 'invalid_reference_check_digits'
    | 'control_total_mismatch'
    | 'batch_amount_mismatch'
    | 'inferred_value'
    | 'other';
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
  /** Sequence or statement number as the bank writes it (camt LglSeqNb, MT940 :28C:). */
  readonly sequenceNumber?: string;
  /** Totals the statement states besides balances (BAI2 summaries). */
  readonly summaries?: readonly StatementSummary[];
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
