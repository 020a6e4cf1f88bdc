/**
 * The formulas of the collection metrics, on exact decimals. Each takes the figures
 * of one period (receivables, net credit sales, days) and gives a two-decimal value
 * rounded half-up, or `null` with the reason the formula has no meaning for them.
 * docs/metrics.md states every formula with its edge cases.
 *
 * DSO, best possible DSO, ADD and CEI follow the common credit-management
 * definitions (as taught by credit institutes such as NACM); count-back DSO is
 * the "exhaustion" method. Annualising and weighting by
 * sales mix are left out.
 *
 * @module
 */
import { Dec } from '../money/decimal.js';
import { roundDecimal } from '../money/money.js';
import type { MetricNullReason, MetricValue } from './types.js';

/** A value rounded half-up to two decimals. */
export function twoDecimals(value: Dec): MetricValue {
  return { value: roundDecimal(value, 2, 'half-up').toFixed(2) };
}

/** No value, for a reason. */
export function noValue(reason: MetricNullReason): MetricValue {
  return { value: null, reason };
}

function salesGuard(sales: Dec): MetricValue | undefined {
  if (sales.isZero()) return noValue('no_sales');
  return sales.isNegative() ? noValue('negative_sales') : undefined;
}

/** `receivables / sales x days`, or null for no or negative sales or receivables. */
export function dsoOf(receivables: Dec, sales: Dec, days: number): MetricValue {
  const guard = salesGuard(sales);
  if (guard) return guard;
  if (receivables.isNegative()) return noValue('negative_receivables');
  return twoDecimals(receivables.dividedBy(sales).times(days));
}

/** One month of count-back DSO, newest first: its net credit sales and its days. */
export interface CountBackMonth {
  readonly sales: Dec;
  readonly days: number;
}

/**
 * Count-back DSO: the receivable is used up against the months' sales, newest month
 * first; every month used up whole counts all its days, the last one the fraction
 * `left / sales` of them. A month without positive sales uses up nothing and counts
 * all its days.
 */
export function countBackOf(receivables: Dec, months: readonly CountBackMonth[]): MetricValue {
  if (receivables.isNegative()) return noValue('negative_receivables');
  let left = receivables;
  let days = new Dec(0);
  for (const m of months) {
    if (left.isZero()) break;
    if (m.sales.lessThanOrEqualTo(0)) {
      days = days.plus(m.days);
    } else if (left.lessThanOrEqualTo(m.sales)) {
      days = days.plus(left.dividedBy(m.sales).times(m.days));
      left = new Dec(0);
    } else {
      days = days.plus(m.days);
      left = left.minus(m.sales);
    }
  }
  return left.isZero() ? twoDecimals(days) : noValue('sales_exhausted');
}

/** ADD: the reported DSO minus the reported best possible DSO, exactly. */
export function addOf(dso: MetricValue, best: MetricValue): MetricValue {
  if (dso.value === null) return dso;
  if (best.value === null) return best;
  return { value: new Dec(dso.value).minus(best.value).toFixed(2) };
}

/** CEI: `(opening + sales - closing) / (opening + sales - closing current) x 100`. */
export function ceiOf(opening: Dec, sales: Dec, closing: Dec, closingCurrent: Dec): MetricValue {
  const collectible = opening.plus(sales).minus(closingCurrent);
  if (collectible.lessThanOrEqualTo(0)) return noValue('nothing_collectible');
  return twoDecimals(opening.plus(sales).minus(closing).dividedBy(collectible).times(100));
}

/** Receivables turnover: `sales / ((opening + closing) / 2)`, times in the period. */
export function turnoverOf(sales: Dec, opening: Dec, closing: Dec): MetricValue {
  if (sales.isNegative()) return noValue('negative_sales');
  const average = opening.plus(closing).dividedBy(2);
  if (average.isZero()) return noValue('no_receivables');
  if (average.isNegative()) return noValue('negative_receivables');
  return twoDecimals(sales.dividedBy(average));
}

/** Percentage current: `current / (current + past due) x 100`. */
export function percentCurrentOf(current: Dec, pastDue: Dec): MetricValue {
  const total = current.plus(pastDue);
  if (total.isZero()) return noValue('no_receivables');
  return twoDecimals(current.dividedBy(total).times(100));
}

/** An amount-weighted average of days: `sum(amount x days) / sum(amount)`. */
export function weightedDaysOf(amountDays: Dec, amount: Dec): MetricValue {
  if (amount.isZero()) return noValue('no_payments');
  return twoDecimals(amountDays.dividedBy(amount));
}
