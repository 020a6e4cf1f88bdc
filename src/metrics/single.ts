/**
 * One metric of one period, for all customers in scope (narrow the scope with
 * `customerIds` or `segment`). Each is {@link collectionMetrics} for a single
 * period, so the figures agree with a series report to the last digit.
 *
 * @module
 */
import type { Result } from 'neverthrow';
import type { ReceivablesError } from '../errors/index.js';
import type { Ledger } from '../ledger/types.js';
import type { Period } from './period.js';
import { collectionMetrics } from './report.js';
import type {
  CollectionMetricsOptions,
  CollectionMetricsRow,
  MetricsOptions,
  MetricValue,
} from './types.js';

type Metric = (
  ledger: Ledger,
  period: Period,
  options?: MetricsOptions,
) => Result<MetricValue, ReceivablesError>;

function one(pick: (row: CollectionMetricsRow) => MetricValue): Metric {
  return (ledger, period, options = {}) => {
    const total: CollectionMetricsOptions = { ...options, groupBy: 'total' };
    return collectionMetrics(ledger, [period], total).map((rows) => pick(rows[0]!));
  };
}

/**
 * Days sales outstanding: closing receivables / net credit sales of the period x
 * days in the period. Null (`no_sales`) for a period without sales.
 *
 * @example
 * dso(ledger, { from: '2026-01-01', to: '2026-01-31' }, { currency: 'EUR' })
 * //=> Ok({ value: '31.00' }) // 1000.00 owed on 1000.00 sold in 31 days
 */
export const dso: Metric = one((r) => r.dso);

/**
 * Count-back DSO: the closing receivables used up against monthly sales, newest
 * month first (the month of `to` counts up to `to`), 24 months at most.
 *
 * @example
 * countBackDso(ledger, { from: '2026-03-01', to: '2026-03-31' })
 * //=> Ok({ value: '45.00' }) // 1500.00 owed: March's 1000.00 (31 days) + half of February (14)
 */
export const countBackDso: Metric = one((r) => r.countBackDso);

/**
 * Best possible DSO: receivables not yet due / net credit sales x days.
 *
 * @example
 * bestPossibleDso(ledger, { from: '2026-01-01', to: '2026-01-31' })
 * //=> Ok({ value: '15.50' }) // half of 1000.00 not yet due: 500 / 1000 x 31
 */
export const bestPossibleDso: Metric = one((r) => r.bestPossibleDso);

/**
 * Average days delinquent: DSO minus best possible DSO, as reported.
 *
 * @example
 * averageDaysDelinquent(ledger, { from: '2026-01-01', to: '2026-01-31' })
 * //=> Ok({ value: '15.50' }) // 31.00 - 15.50
 */
export const averageDaysDelinquent: Metric = one((r) => r.averageDaysDelinquent);

/**
 * Collection effectiveness index, percent: (opening + sales - closing) /
 * (opening + sales - closing current) x 100.
 *
 * @example
 * cei(ledger, { from: '2026-02-01', to: '2026-02-28' })
 * //=> Ok({ value: '75.00' }) // (1000 + 0 - 250) / (1000 + 0 - 0) x 100
 */
export const cei: Metric = one((r) => r.cei);

/**
 * Receivables turnover in the period: net credit sales / average of opening and
 * closing receivables.
 *
 * @example
 * receivablesTurnover(ledger, { from: '2026-01-01', to: '2026-01-31' })
 * //=> Ok({ value: '2.00' }) // 1000 / ((0 + 1000) / 2)
 */
export const receivablesTurnover: Metric = one((r) => r.receivablesTurnover);

/**
 * Percentage of the closing receivables that is not yet due.
 *
 * @example
 * percentCurrent(ledger, { from: '2026-01-01', to: '2026-01-31' })
 * //=> Ok({ value: '50.00' })
 */
export const percentCurrent: Metric = one((r) => r.percentCurrent);
