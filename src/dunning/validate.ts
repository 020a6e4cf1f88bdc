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

const isDecimal = (s: unknown): s is string =>
  typeof s === 'string' && parseDecimal(s).isOk() && !s.startsWith('-');

/**
 * A non-negative plain decimal string.
 *
 * @example
 * decimalSchema.safeParse('10.00').success
 * //=> true
 */
export const decimalSchema: z.ZodType<string> = z.string().refine(isDecimal, {
  message: 'expected a non-negative decimal string such as "10.00"',
  abort: true,
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

/** Keys that would reach an object's prototype instead of naming a value. */
const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Amounts per currency, each on the currency's minor unit. Each wrong entry gets
 * one error at its key: an unknown (or lower-case) currency code, a value that is
 * not a plain decimal, or more decimals than the currency has; `__proto__`,
 * `constructor` and `prototype` are refused rather than dropped.
 *
 * @example
 * amountPerCurrencySchema.safeParse({ JPY: '1.5' }).success
 * //=> false
 */
export const amountPerCurrencySchema: z.ZodType<Readonly<Record<string, string>>> = z
  .custom<Readonly<Record<string, string>>>(
    (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
    { message: 'expected amounts per currency such as { "EUR": "5.00" }', abort: true },
  )
  .superRefine((amounts, ctx) => {
    for (const [key, amount] of Object.entries(amounts)) {
      const issue = (message: string) => ctx.addIssue({ code: 'custom', path: [key], message });
      const currency = UNSAFE_KEYS.has(key) ? undefined : currencyOf(key);
      if (currency === undefined) issue(`"${key}" is not allowed as a currency key`);
      else if (currency.isErr()) issue(`unknown ISO 4217 currency "${key}" (e.g. "EUR")`);
      else if (!isDecimal(amount)) issue('expected a non-negative decimal string such as "10.00"');
      else if (parseDecimal(amount, [], currency.value.minorUnits).isErr()) {
        issue(`more decimals than ${key} has minor units`);
      }
    }
  })
  .transform((amounts) => Object.freeze({ ...amounts }));
