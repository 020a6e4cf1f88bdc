/**
 * Checks of what callers pass to the metrics: the options objects (currency,
 * customers, segment, grouping, look-back) and the list of periods, so that a typo
 * such as `groupBy: 'planet'` is an `invalid_input` error with its path instead of
 * a report that silently ignores it. An unknown currency code is an
 * `unknown_currency` error (path `currency`), checked where the scope is resolved.
 *
 * Also the bounds of the calendar the library supports (0000-01-01 to 9999-12-31),
 * as day numbers, for metrics that compute dates.
 *
 * @module
 */
import { err, ok, type Result } from 'neverthrow';
import { z } from 'zod';
import { type ErrorPath, fromZodError, type ReceivablesError } from '../errors/index.js';
import { FIRST_ISO_DATE, LAST_ISO_DATE, toDayNumber } from '../terms/date.js';
import type { CollectionMetricsOptions, MetricsGroupBy, MetricsOptions } from './types.js';

/** Day number of 0000-01-01, the first day a ledger date can be. */
export const FIRST_DAY: number = toDayNumber(FIRST_ISO_DATE);
/** Day number of 9999-12-31, the last day a ledger date can be. */
export const LAST_DAY: number = toDayNumber(LAST_ISO_DATE);

const MONTHS = 'countBackMonths must be a whole number from 1 to 1200';

const GROUPS: readonly MetricsGroupBy[] = ['total', 'customer', 'segment'];

const scopeShape = {
  // Only its type here; whether the code is known is `resolveScope`'s unknown_currency.
  currency: z.string({ message: 'expected an ISO 4217 currency code' }).optional(),
  customerIds: z.array(z.string(), { message: 'expected a list of customer ids' }).optional(),
  segment: z.string({ message: 'expected a segment name' }).optional(),
};

const metricsOptionsSchema = z.object(scopeShape);

const collectionOptionsSchema = z.object({
  ...scopeShape,
  groupBy: z
    .enum(GROUPS as [MetricsGroupBy, ...MetricsGroupBy[]], {
      message: 'expected "total", "customer" or "segment"',
    })
    .optional(),
  countBackMonths: z
    .number({ message: MONTHS })
    .int({ message: MONTHS })
    .min(1, { message: MONTHS })
    .max(1200, { message: MONTHS })
    .optional(),
});

function checked<T>(
  schema: z.ZodType<T>,
  input: unknown,
  path: ErrorPath,
): Result<T, ReceivablesError> {
  // Absent options (undefined or null) are no options; unknown keys are dropped.
  const parsed = schema.safeParse(input ?? {});
  return parsed.success ? ok(parsed.data) : err(fromZodError(parsed.error, path));
}

/**
 * Checks the scope options every metric takes: `currency`, `customerIds`, `segment`.
 *
 * @param options - the caller's options (absent means none)
 *
 * @example
 * checkMetricsOptions({ segment: 7 }).mapErr((e) => e.path)
 * //=> Err(['segment'])
 */
export function checkMetricsOptions(options: unknown): Result<MetricsOptions, ReceivablesError> {
  return checked(metricsOptionsSchema, options, []);
}

/**
 * Checks the options of `collectionMetrics`: the scope, `groupBy` (one of `total`,
 * `customer`, `segment`) and `countBackMonths` (a whole number from 1 to 1200).
 *
 * @param options - the caller's options (absent means none)
 *
 * @example
 * checkCollectionOptions({ groupBy: 'planet' }).mapErr((e) => e.path)
 * //=> Err(['groupBy'])
 */
export function checkCollectionOptions(
  options: unknown,
): Result<CollectionMetricsOptions, ReceivablesError> {
  return checked(collectionOptionsSchema, options, []);
}
