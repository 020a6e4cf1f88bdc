/**
 * What the dunning planner takes besides the ledger and returns: holds, planned
 * actions with their idempotency keys, and the reason each other item is left alone.
 *
 * @module
 */
import type { Balances, LedgerCharge } from '../ledger/types.js';
import type { CurrencyOptions } from '../money/index.js';
import type { BusinessCalendar } from '../terms/calendar.js';
import type { IsoDate } from '../terms/date.js';
import type { ReferenceRateTable } from './rates.js';

/**
 * A hold: reminders stop for an item (`itemId`) or a whole customer (`customerId`)
 * from `from` to `until` inclusive (open-ended where absent). Held items are not
 * reminded and do not count toward the minimum overdue amount.
 */
export interface DunningHold {
  /** A disputed invoice, a promise to pay by `until`, a payment plan, or a manual hold. */
  readonly kind: 'dispute' | 'promise_to_pay' | 'payment_plan' | 'manual';
  readonly customerId?: string;
  readonly itemId?: string;
  readonly from?: IsoDate;
  readonly until?: IsoDate;
  readonly note?: string;
}

/** Why an item gets no reminder in this run. */
export type NotRemindedReason =
  | 'paid'
  | 'written_off'
  | 'draft'
  | 'void'
  | 'charge'
  | 'not_yet_due'
  | 'in_grace_period'
  | 'level_not_due'
  | 'max_level_reached'
  | 'disputed'
  | 'on_hold'
  | 'unapplied_cash'
  | 'below_minimum'
  | 'not_business_day'
  | 'too_soon'
  | 'monthly_limit'
  | 'already_actioned';

/** An item left alone, and why. */
export interface NotReminded {
  readonly itemId: string;
  readonly customerId: string;
  readonly reason: NotRemindedReason;
  /** The level the item has already reached (0 = none). */
  readonly levelSent?: number;
  /** For holds: which kind, and until when. */
  readonly hold?: DunningHold['kind'];
  readonly until?: IsoDate;
}

/** An item in a reminder: what is owed on it and the level it is reminded at. */
export interface DunningActionItem {
  readonly itemId: string;
  /** An invoice without instalments, or one instalment of an invoice. */
  readonly kind: 'invoice' | 'instalment';
  readonly invoiceId?: string;
  readonly number?: string;
  /** Level reached: the 1-based position of the level in `policy.levels`. */
  readonly level: number;
  readonly issueDate: IsoDate;
  readonly dueDate: IsoDate;
  /** Days from the due date to the action date (negative before it is due). */
  readonly daysOverdue: number;
  readonly openAmount: string;
  readonly paymentReference?: string;
}

/** A fee, interest or compensation charge already posted and still open. */
export interface OpenCharge {
  readonly itemId: string;
  readonly kind: LedgerCharge['kind'];
  readonly date: IsoDate;
  readonly openAmount: string;
}

/**
 * Interest an action does not claim, and why: `missing_rate` when the reference rate
 * table has no rate for `date` (a half-year the host has not added yet). The rest of
 * the action (reminder, fee, compensation) goes ahead; a later action claims the
 * interest accrued to its day once the rate is known.
 */
export interface InterestSkipped {
  readonly itemId: string;
  readonly reason: 'missing_rate';
  /** The first day without a known rate. */
  readonly date: IsoDate;
}

/** Who the message goes to and how it is to be rendered. */
export interface DunningMessageSpec {
  readonly channel: string;
  readonly templateId: string;
  /** The customer's locale, or the policy's default. */
  readonly locale: string;
  readonly customerName: string;
  readonly to?: string;
}

/** One reminder (or escalation) to carry out today. */
export interface DunningAction {
  /**
   * Idempotency key: the same for every run that plans this action (hourly runs, a
   * retry after a crash, a run after midnight), different for any other action.
   */
  readonly key: string;
  /** `escalate` for the final level: hand over to collections (the host decides). */
  readonly kind: 'remind' | 'escalate';
  readonly customerId: string;
  readonly currency: string;
  /** The customer's calendar date of the run. */
  readonly date: IsoDate;
  /** Highest level among the items. */
  readonly level: number;
  /** Items whose level advances with this action. */
  readonly items: readonly DunningActionItem[];
  /** Other overdue items of the same customer (or invoice) shown in the message. */
  readonly listedItems: readonly DunningActionItem[];
  /** Fees and interest posted earlier and still open. */
  readonly openCharges: readonly OpenCharge[];
  /** Fees, interest and compensation to post with this action (outside the principal). */
  readonly charges: readonly LedgerCharge[];
  /** Items whose interest this action leaves out, with the reason (absent when none). */
  readonly interestSkipped?: readonly InterestSkipped[];
  /** Open amount of `items` and `listedItems`. */
  readonly overdueAmount: string;
  /** New charges plus open charges. */
  readonly chargesAmount: string;
  /** Payments and credit notes of the customer not yet applied, in this currency. */
  readonly unappliedAmount: string;
  /** What the customer is asked to pay now: overdue + charges - unapplied, at least 0. */
  readonly totalDue: string;
  readonly message: DunningMessageSpec;
}

/** The result of `planDunning`. */
export interface DunningPlan {
  /** The date or instant the plan was made for. */
  readonly asOf: string;
  readonly actions: readonly DunningAction[];
  /** Every ledger item not in an action, with the reason. */
  readonly notReminded: readonly NotReminded[];
}

/** Options of `planDunning`. */
export interface PlanDunningOptions extends CurrencyOptions {
  readonly holds?: readonly DunningHold[];
  /** The host's business calendar, replacing the policy's. */
  readonly calendar?: BusinessCalendar;
  /** Reference rates replacing the built-in table of the policy's preset. */
  readonly rates?: ReferenceRateTable;
  /**
   * Balances of the ledger as of the (date) `asOf`, when the caller has them already;
   * computed with `balancesAsOf` otherwise. Ignored when `asOf` is an instant.
   */
  readonly balances?: Balances;
}
