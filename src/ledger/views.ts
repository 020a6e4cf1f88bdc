/**
 * What the ledger derives as of a date: open items with what is left of them,
 * customers' positions, what is left of payments and credit notes, and the records
 * that counted for less than their amount. Never stored; `balancesAsOf` computes
 * them from the records in `types.ts`.
 *
 * @module
 */
import type { IsoDate } from '../terms/date.js';
import type { ChargeKind, OfferedDiscount } from './types.js';

/** Derived state of an open item; never stored. */
export type ItemStatus = 'draft' | 'open' | 'partially_paid' | 'paid' | 'written_off' | 'void';

/** An open item and what is left of it as of a date. */
export interface OpenItem {
  /** Open item id (invoice, instalment or charge id). */
  readonly id: string;
  readonly kind: 'invoice' | 'instalment' | 'charge';
  /** For charges, what kind of charge. */
  readonly chargeKind?: ChargeKind;
  /** The invoice this item belongs to (itself for a plain invoice). */
  readonly invoiceId?: string;
  /** Invoice number as customers quote it. */
  readonly number?: string;
  readonly customerId: string;
  readonly currency: string;
  readonly issueDate: IsoDate;
  readonly dueDate: IsoDate;
  /** Original amount of the item. */
  readonly amount: string;
  /** Allocated to it so far (payments and credit notes). */
  readonly allocatedAmount: string;
  /** Written off so far. */
  readonly writtenOffAmount: string;
  /** What is still owed: amount - allocated - written off; never below zero. */
  readonly openAmount: string;
  readonly status: ItemStatus;
  /** True when a dispute covers the as-of date. */
  readonly disputed: boolean;
  readonly paymentReference?: string;
  /**
   * Early-payment discounts the item offers, earliest first (from its invoice);
   * filled for cash application, optional for every other use.
   */
  readonly discounts?: readonly OfferedDiscount[];
  /** Day the item became fully settled, when it is. */
  readonly settledOn?: IsoDate;
}

/** A customer's position in one currency as of a date. */
export interface CustomerBalance {
  readonly customerId: string;
  readonly currency: string;
  /** Sum of open amounts of the customer's items. */
  readonly openAmount: string;
  /** Payments received and not yet applied (or refunded). */
  readonly unappliedCash: string;
  /** Credit notes issued and not yet applied (or refunded). */
  readonly unappliedCredit: string;
  /** openAmount - unappliedCash - unappliedCredit: negative when the business owes. */
  readonly balance: string;
}

/** The result of `balancesAsOf`. */
export interface Balances {
  readonly asOf: IsoDate;
  /** Every receivable item (drafts and void ones excluded), with what is left of it. */
  readonly items: readonly OpenItem[];
  /** What is left of each payment and credit note. */
  readonly sources: readonly SourceBalance[];
  readonly customers: readonly CustomerBalance[];
  /**
   * Records that could not hold in full as of the date (an allocation to an unknown
   * item, across currencies or customers, or beyond what was open or left), with the
   * part that did count. Empty for a ledger built with `applyPayment`/`applyCredit`.
   */
  readonly exceptions?: readonly BalanceException[];
}

/** Why a record counted for less than its amount in `balancesAsOf`. */
export type BalanceExceptionReason =
  | 'unknown_source'
  | 'unknown_item'
  | 'currency_mismatch'
  | 'customer_mismatch'
  | 'capped';

/** A refund, allocation or write-off that counted for less than its amount. */
export interface BalanceException {
  readonly kind: 'refund' | 'allocation' | 'write_off';
  readonly id: string;
  readonly reason: BalanceExceptionReason;
  /** The record's own amount. */
  readonly amount: string;
  /** The part that counted (capped at what was open or left), possibly zero. */
  readonly appliedAmount: string;
}

/** What is left of a payment or credit note as of a date. */
export interface SourceBalance {
  readonly id: string;
  readonly kind: 'payment' | 'credit_note';
  readonly customerId: string;
  readonly currency: string;
  readonly date: IsoDate;
  readonly amount: string;
  readonly unappliedAmount: string;
}
