/**
 * Small zod building blocks shared by the dunning schemas: decimal amounts keyed by
 * ISO 4217 currency, calendar dates, and the step from a zod result to a `Result`.
 *
 * @module
 */
import { err, ok, type Result } from 'neverthrow';
import { z } from 'zod';
import { fromZodError, type ReceivablesError } from '../errors/index.js';
import { currencyOf } from '../money/currency.js';
import { parseDecimal } from '../money/decimal.js';
import { isIsoDate } from '../terms/date.js';

/**
 * Runs a schema and turns a failure into an `invalid_input` error with paths.
 *
 * @example
 * parseWith(z.string(), 1).isErr()
 * //=> true
 */
export function parseWith<T>(schema: z.ZodType<T>, input: unknown): Result<T, ReceivablesError> {
  const parsed = schema.safeParse(input);
  return parsed.success ? ok(parsed.data) : err(fromZodError(parsed.error));
}

/**
 * A calendar date `YYYY-MM-DD`.
 *
 * @example
 * isoDateSchema.safeParse('2024-02-30').success
 * //=> false
 */
export const isoDateSchema: z.ZodType<string> = z
  .string()
  .refine(isIsoDate, { message: 'expected a calendar date YYYY-MM-DD' });

/**
 * A non-negative plain decimal string.
 *
 * @example
 * decimalSchema.safeParse('10.00').success
 * //=> true
 */
export const decimalSchema: z.ZodType<string> = z
  .string()
  .refine((s) => parseDecimal(s).isOk() && !s.startsWith('-'), {
    message: 'expected a non-negative decimal string such as "10.00"',
  });

/**
 * A known currency code.
 *
 * @example
 * currencySchema.safeParse('XYZ').success
 * //=> false
 */
export const currencySchema: z.ZodType<string> = z
  .string()
  .refine((c) => currencyOf(c).isOk(), { message: 'unknown ISO 4217 currency' });

/**
 * Amounts per currency, each on the currency's minor unit.
 *
 * @example
 * amountPerCurrencySchema.safeParse({ JPY: '1.5' }).success
 * //=> false
 */
export const amountPerCurrencySchema: z.ZodType<Readonly<Record<string, string>>> = z
  .record(currencySchema, decimalSchema)
  .superRefine((amounts, ctx) => {
    for (const [currency, amount] of Object.entries(amounts)) {
      const digits = currencyOf(currency).map((c) => c.minorUnits);
      if (digits.isOk() && parseDecimal(amount, [], digits.value).isErr()) {
        ctx.addIssue({
          code: 'custom',
          path: [currency],
          message: `more decimals than ${currency} has minor units`,
        });
      }
    }
  });
