/**
 * Collection metrics over the receivables ledger: DSO (simple and count-back), best
 * possible DSO, average days delinquent, the collection effectiveness index,
 * receivables turnover, percentage current, payment behaviour per customer, the
 * latest payers with their trend, and expected cash by week. Each is a pure
 * function of the ledger and a period, in one currency; docs/metrics.md gives
 * every formula with its edge cases.
 *
 * @module
 */
export {
  type CashForecast,
  type ExpectedCashOptions,
  type ExpectedItem,
  expectedCash,
  type ForecastBasis,
  type ForecastWeek,
} from './forecast.js';
export { NO_SEGMENT } from './groups.js';
export * from './payers.js';
export * from './period.js';
export { collectionMetrics } from './report.js';
export * from './single.js';
export * from './types.js';
