/**
 * The aging report as data: rows per customer and currency, totals per currency,
 * plain strings and numbers only, so it survives a JSON round trip.
 *
 * @module
 */
import type { Customer } from '../ledger/types.js';
import type { IsoDate } from '../terms/date.js';
import type { AgingBucket, AgingBucketSpec } from './buckets.js';

/** Which day count places an open item in a bucket. */
export type AgingBasis = 'days-past-due' | 'days-since-issue';

/**
 * Where unapplied cash and credit go: `own-bucket` ages each unapplied amount as a
 * negative amount by its own date (days since it was received or issued);
 * `net-oldest` takes it off the oldest buckets first.
 */
export type UnappliedAging = 'own-bucket' | 'net-oldest';

/** Options of `ageReceivables`. */
export interface AgeReceivablesOptions {
  /** The reporting date; required when aging a ledger, that of the balances otherwise. */
  readonly asOf?: IsoDate;
  /** Days past due (default) or days since issue. */
  readonly basis?: AgingBasis;
  /** Inclusive upper bounds of the buckets but the last; default current to over 120. */
  readonly buckets?: readonly (number | AgingBucketSpec)[];
  /** How unapplied cash and credit are shown; `own-bucket` by default. */
  readonly unapplied?: UnappliedAging;
  /** Customers, for names, when aging a `Balances` (a ledger brings its own). */
  readonly customers?: readonly Customer[];
}

/** One customer's aging in one currency. */
export interface AgingRow {
  readonly customerId: string;
  /** The customer's name, when the ledger knows it. */
  readonly customerName?: string;
  readonly currency: string;
  /** Amount per bucket, in the order of `AgingReport.buckets`; they add up to `balance`. */
  readonly amounts: readonly string[];
  /** Sum of the open amounts of the customer's items. */
  readonly openAmount: string;
  /** Unapplied cash, shown in the buckets as a negative amount. */
  readonly unappliedCash: string;
  /** Unapplied credit, shown in the buckets as a negative amount. */
  readonly unappliedCredit: string;
  /** openAmount - unappliedCash - unappliedCredit. */
  readonly balance: string;
}

/** All customers' aging in one currency. */
export interface AgingTotal {
  readonly currency: string;
  readonly amounts: readonly string[];
  readonly openAmount: string;
  readonly unappliedCash: string;
  readonly unappliedCredit: string;
  readonly balance: string;
  /** Each bucket's share of `balance` in percent, adding up to 100.00; absent at zero. */
  readonly percentages?: readonly string[];
  /** Number of customers with a row in this currency. */
  readonly customers: number;
}

/** An aging report as of a date. */
export interface AgingReport {
  readonly asOf: IsoDate;
  readonly basis: AgingBasis;
  readonly unapplied: UnappliedAging;
  readonly buckets: readonly AgingBucket[];
  /** One row per customer and currency, by customer id then currency. */
  readonly rows: readonly AgingRow[];
  /** One total per currency, by currency code. */
  readonly totals: readonly AgingTotal[];
}
