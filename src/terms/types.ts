/**
 * Payment terms as data: when an invoice is due, what early-payment discount it
 * offers, and how it splits into instalments. Each kind of term is one member of the
 * {@link PaymentTerms} union, discriminated by `kind`, so that terms can be stored as
 * JSON, validated with `paymentTermsSchema` and computed with `dueDate`,
 * `instalmentSchedule` and `discountFor`.
 *
 * Month-end rules count calendar months, not 30-day blocks: "end of month + 1 month"
 * for an invoice of 15 January is the last day of February (29th in 2024), never
 * "31 January plus one month, clamped". See each kind for its exact rule.
 *
 * @module
 */
import type { IsoDate } from './date.js';

/** One early-payment tier: `percent` off when paid within `days` of the issue date. */
export interface DiscountTier {
  /** Days after the issue date; the last day of the tier is issue date + days. */
  readonly days: number;
  /** Discount in percent of the base (`"2"` = 2 %), above 0 and below 100. */
  readonly percent: string;
}

/**
 * An early-payment discount such as "2/10, 1/20 net 30": tiers ordered by `days`
 * (strictly increasing) with strictly decreasing percentages.
 */
export interface EarlyPaymentDiscount {
  /**
   * The amount the percentage applies to, chosen explicitly because practice differs:
   * `gross` is the amount payable including VAT (EN 16931 BT-112, the German Skonto
   * default); `net` is the amount without VAT (BT-109), as some contracts and
   * countries require. Inside instalments only `gross` (the instalment) is allowed.
   */
  readonly base: 'gross' | 'net';
  /**
   * Where the tier days count from: the issue date (the default), or the end of the
   * invoice month, as US "EOM" dating does ("2/10 EOM": 2 % until the 10th of the next
   * month). Counting from the month end needs `end-of-month` terms.
   */
  readonly from?: 'issue-date' | 'end-of-month';
  /** The tiers, earliest first; none may end after the due date. */
  readonly tiers: readonly DiscountTier[];
}

/** What every simple term may carry besides its due-date rule. */
interface TermsCommon {
  /** Early-payment discount offered, if any. */
  readonly discount?: EarlyPaymentDiscount;
}

/** Due on the issue date (the invoice counts as received when it is issued). */
export interface DueOnReceiptTerms extends TermsCommon {
  readonly kind: 'due-on-receipt';
}

/** "Net N": due N days after the issue date. */
export interface NetTerms extends TermsCommon {
  readonly kind: 'net';
  /** Days after the issue date, 0 or more. */
  readonly days: number;
}

/** "N days end of month": add N days to the issue date, then go to that month's end. */
export interface DaysEndOfMonthTerms extends TermsCommon {
  readonly kind: 'days-end-of-month';
  readonly days: number;
}

/**
 * "End of month + N months": the last day of the month N months after the invoice
 * month (0 = the invoice month itself), then `days` more days ("net 30 EOM").
 * 2024-01-15 with 1 month is due 2024-02-29; 2024-02-10 with 1 month 2024-03-31.
 */
export interface EndOfMonthTerms extends TermsCommon {
  readonly kind: 'end-of-month';
  /** Months after the invoice month, 0 or more. */
  readonly months: number;
  /** Days added after that month end; 0 when absent. */
  readonly days?: number;
}

/**
 * "N days, then end of month, then day D of the next month": add N days to the issue
 * date, and the invoice is due on day D of the month after the one reached (clamped
 * to the month's last day).
 */
export interface DaysEndOfMonthDayTerms extends TermsCommon {
  readonly kind: 'days-end-of-month-day';
  readonly days: number;
  /** Day of the month, 1-31. */
  readonly day: number;
}

/**
 * A fixed day of the month: day D of the month `months` after the invoice month, or,
 * without `months`, the first day D strictly after the issue date. Day 31 in a
 * shorter month means its last day.
 */
export interface DayOfMonthTerms extends TermsCommon {
  readonly kind: 'day-of-month';
  /** Day of the month, 1-31. */
  readonly day: number;
  /** Months after the invoice month (0 = the invoice month). */
  readonly months?: number;
}

/** Terms with a single due date. */
export type SimplePaymentTerms =
  | DueOnReceiptTerms
  | NetTerms
  | DaysEndOfMonthTerms
  | EndOfMonthTerms
  | DaysEndOfMonthDayTerms
  | DayOfMonthTerms;

/**
 * One instalment of instalment terms: a share of the total, given either as a
 * percentage (all instalments then add up to 100 %) or as an amount (they then add
 * up to the total), with its own terms for the due date and any discount.
 */
export type TermsInstalment =
  | { readonly percent: string; readonly terms: SimplePaymentTerms }
  | { readonly amount: string; readonly terms: SimplePaymentTerms };

/** The invoice is paid in parts, each an open item with its own due date. */
export interface InstalmentTerms {
  readonly kind: 'instalments';
  /** The parts, in order; all by percentage or all by amount. */
  readonly instalments: readonly TermsInstalment[];
}

/** Payment terms of an invoice. */
export type PaymentTerms = SimplePaymentTerms | InstalmentTerms;

/**
 * An early-payment discount as the ledger stores it on an invoice; structurally the
 * same as the ledger's `OfferedDiscount`, so offers flow to matching and dunning.
 */
export interface DiscountOffer {
  /** Last day (inclusive) on which a payment earns the discount. */
  readonly until: IsoDate;
  /** Discount in percent of `baseAmount`. */
  readonly percent: string;
  /** Amount the percentage applies to; the invoice amount when absent. */
  readonly baseAmount?: string;
}
