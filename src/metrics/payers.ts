/**
 * Payment behaviour per customer: how long each customer takes to pay and how late,
 * weighted by the amount paid, and the customers who pay latest with the change
 * since the period before.
 *
 * @module
 */
import { err, ok, type Result } from 'neverthrow';
import { atPath, type ReceivablesError, receivablesError } from '../errors/index.js';
import type { Ledger } from '../ledger/types.js';
import { formatUnits, isZeroUnits } from '../ledger/units.js';
import { Dec } from '../money/decimal.js';
import { toDayNumber } from '../terms/date.js';
import { averagesOf, paidInPeriods } from './behaviour.js';
import { indexLedger } from './build-index.js';
import { checkMetricsOptions } from './options.js';
import { checkPeriod, hasPreviousPeriod, type Period, previousPeriod } from './period.js';
import { resolveScope } from './scope.js';
import type { MetricsOptions, MetricValue } from './types.js';

/** How one customer paid in a period. */
export interface CustomerPaymentBehaviour {
  readonly customerId: string;
  readonly currency: string;
  /** Amount of the customer's payments applied to invoices, payment dated in the period. */
  readonly paidAmount: string;
  /** Payment date minus issue date, weighted by amount. */
  readonly averageDaysToPay: MetricValue;
  /** Payment date minus due date, weighted by amount; early payments are negative. */
  readonly averageDaysLate: MetricValue;
}

/**
 * How each customer paid in the period: only customers with a payment applied to an
 * invoice or instalment, payment dated in the period and applied by its end.
 *
 * @param ledger - the receivables ledger
 * @param period - the reporting period
 * @param options - currency, customers or segment
 * @returns one entry per paying customer, by customer id
 *
 * @example
 * paymentBehaviour(ledger, { from: '2026-04-01', to: '2026-04-30' })
 *   .map((rows) => rows.map((r) => [r.customerId, r.averageDaysLate.value]))
 * //=> Ok([['A', '15.00'], ['C', '9.00']])
 */
export function paymentBehaviour(
  ledger: Ledger,
  period: Period,
  options: MetricsOptions = {},
): Result<CustomerPaymentBehaviour[], ReceivablesError> {
  return behaviourIn(ledger, [period], options).map((periods) => periods[0]!);
}

function behaviourIn(
  ledger: Ledger,
  periods: readonly Period[],
  options: MetricsOptions,
): Result<CustomerPaymentBehaviour[][], ReceivablesError> {
  for (const [i, p] of periods.entries()) {
    const checked = checkPeriod(p);
    if (checked.isErr()) return err(atPath(checked.error, ['periods', i]));
  }
  const checkedOptions = checkMetricsOptions(options);
  if (checkedOptions.isErr()) return err(checkedOptions.error);
  const scope = resolveScope(ledger, checkedOptions.value);
  if (scope.isErr()) return err(scope.error);
  const indexed = indexLedger(ledger, scope.value);
  if (indexed.isErr()) return err(indexed.error);
  const ix = indexed.value;
  const { currency, minorUnits } = scope.value;
  const ranges = periods.map((p) => ({ fromDay: toDayNumber(p.from), toDay: toDayNumber(p.to) }));
  const groupOf = ix.customerIds.map((_, i) => i);
  const paid = paidInPeriods(ix, ranges, groupOf, groupOf.length);
  const order = groupOf.slice().sort((a, b) => cmp(ix.customerIds[a]!, ix.customerIds[b]!));
  return ok(
    paid.map((totals) =>
      order
        .filter((c) => !isZeroUnits(totals[c]!.amount))
        .map((c) => {
          const t = totals[c]!;
          const averages = averagesOf(t);
          return {
            customerId: ix.customerIds[c]!,
            currency,
            paidAmount: formatUnits(t.amount, minorUnits),
            averageDaysToPay: averages.toPay,
            averageDaysLate: averages.late,
          };
        }),
    ),
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Which way a customer's lateness moved since the period before. */
export type PaymentTrend = 'later' | 'earlier' | 'unchanged' | 'new';

/** A customer among the latest payers. */
export interface LatePayer extends CustomerPaymentBehaviour {
  /** The same customer's average days late in the period before, when it paid then. */
  readonly previousAverageDaysLate: string | null;
  /** This period's average days late minus the previous one's; null when new. */
  readonly changeDays: string | null;
  readonly trend: PaymentTrend;
}

/** Options of {@link latestPayers}. */
export interface LatestPayersOptions extends MetricsOptions {
  /** How many customers to list (default 10). */
  readonly limit?: number;
}

/**
 * The customers who paid latest in the period (highest amount-weighted days late),
 * with their trend against the period before (`previousPeriod`).
 *
 * @example
 * latestPayers(ledger, { from: '2026-04-01', to: '2026-06-30' })
 *   .map((rows) => rows.map((r) => [r.customerId, r.changeDays, r.trend]))
 * //=> Ok([['A', '10.00', 'later'], ['C', null, 'new']])
 */
export function latestPayers(
  ledger: Ledger,
  period: Period,
  options: LatestPayersOptions = {},
): Result<LatePayer[], ReceivablesError> {
  const limit = options?.limit ?? 10;
  if (!Number.isSafeInteger(limit) || limit < 0) {
    const issues = [{ path: ['limit'], message: 'limit must be a whole number, 0 or more' }];
    return err(receivablesError('invalid_input', { issues }, ['limit']));
  }
  const checked = checkPeriod(period);
  if (checked.isErr()) return err(checked.error);
  // Nothing can be paid before 0000-01-01: a period starting then has no history before.
  const periods = hasPreviousPeriod(period) ? [period, previousPeriod(period)] : [period];
  return behaviourIn(ledger, periods, options).map(([now, before]) => {
    const earlier = new Map((before ?? []).map((b) => [b.customerId, b.averageDaysLate.value]));
    const rows = now!.map((b): LatePayer => {
      const previous = earlier.get(b.customerId) ?? null;
      const change = previous === null ? null : new Dec(b.averageDaysLate.value!).minus(previous);
      const trend: PaymentTrend =
        change === null
          ? 'new'
          : change.isZero()
            ? 'unchanged'
            : change.isPositive()
              ? 'later'
              : 'earlier';
      return {
        ...b,
        previousAverageDaysLate: previous,
        changeDays: change?.toFixed(2) ?? null,
        trend,
      };
    });
    return rows
      .sort(
        (a, b) =>
          new Dec(b.averageDaysLate.value!).comparedTo(a.averageDaysLate.value!) ||
          new Dec(b.paidAmount).comparedTo(a.paidAmount) ||
          cmp(a.customerId, b.customerId),
      )
      .slice(0, limit);
  });
}
