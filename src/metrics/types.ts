/**
 * The shapes that collection metrics take in and give back. Every figure is a
 * decimal string: amounts in the currency's minor units, days and percentages with
 * two decimals rounded half-up (halves away from zero). A metric that has no
 * meaning for its inputs (DSO of a period without sales) is `null` with a reason,
 * never `NaN` or `Infinity`.
 *
 * @module
 */
import type { Period } from './period.js';

/** Why a metric has no value. */
export type MetricNullReason =
  /** Net credit sales of the period are zero: DSO would divide by zero. */
  | 'no_sales'
  /** Net credit sales are below zero (more credited than invoiced). */
  | 'negative_sales'
  /** The receivables the metric divides by are zero. */
  | 'no_receivables'
  /** The business owes the customers more than they owe it. */
  | 'negative_receivables'
  /** Count-back DSO: the look-back months' sales do not cover the receivable. */
  | 'sales_exhausted'
  /** CEI: nothing was collectible (opening + sales - closing current is not above zero). */
  | 'nothing_collectible'
  /** Payment behaviour: no payment was applied in the period. */
  | 'no_payments';

/** A metric's value (days, percent or ratio, two decimals) or `null` with the reason. */
export interface MetricValue {
  /** Two-decimal string, e.g. `"45.16"`; `null` when the metric has no meaning here. */
  readonly value: string | null;
  /** Why `value` is null; absent when there is a value. */
  readonly reason?: MetricNullReason;
}

/** Which customers a metric covers and in which currency. */
export interface MetricsOptions {
  /**
   * The one currency to measure. Required when the ledger holds more than one;
   * metrics never add amounts of different currencies.
   */
  readonly currency?: string;
  /** Only these customers (host ids). */
  readonly customerIds?: readonly string[];
  /** Only customers of this segment (`Customer.segment`). */
  readonly segment?: string;
}

/** How the rows of a metrics report are grouped. */
export type MetricsGroupBy = 'total' | 'customer' | 'segment';

/** Options of `collectionMetrics`. */
export interface CollectionMetricsOptions extends MetricsOptions {
  /** One row per period for all customers (default), per customer, or per segment. */
  readonly groupBy?: MetricsGroupBy;
  /** How many calendar months count-back DSO looks back at most (default 24). */
  readonly countBackMonths?: number;
}

/** The receivable and sales figures a period's metrics are computed from. */
export interface PeriodFigures {
  /** Receivables at the end of the day before `from` (net of unapplied cash and credit). */
  readonly openingReceivables: string;
  /** Receivables at the end of `to`. */
  readonly closingReceivables: string;
  /** Part of the closing receivables not yet due on `to`. */
  readonly closingCurrentReceivables: string;
  /** Part of the closing receivables past due on `to`. */
  readonly closingPastDueReceivables: string;
  /** Invoices issued in the period minus credit notes issued in it. */
  readonly creditSales: string;
  /** Days in the period, both ends included. */
  readonly days: number;
}

/** Every collection metric of one period (and one group). */
export interface CollectionMetricsRow extends PeriodFigures {
  readonly period: Period;
  readonly currency: string;
  /** The customer id or segment of the row; absent for the total. */
  readonly group?: string;
  readonly dso: MetricValue;
  readonly countBackDso: MetricValue;
  readonly bestPossibleDso: MetricValue;
  /** Average days delinquent: DSO minus best possible DSO. */
  readonly averageDaysDelinquent: MetricValue;
  /** Collection effectiveness index, percent. */
  readonly cei: MetricValue;
  /** Credit sales over average receivables, times in the period. */
  readonly receivablesTurnover: MetricValue;
  /** Current receivables as a percentage of current plus past-due receivables. */
  readonly percentCurrent: MetricValue;
  /** Amount of payments applied to items in the period (payment date in the period). */
  readonly paidAmount: string;
  /** Payment date minus issue date, weighted by the amount paid. */
  readonly averageDaysToPay: MetricValue;
  /** Payment date minus due date, weighted by the amount paid (early is negative). */
  readonly averageDaysLate: MetricValue;
}
