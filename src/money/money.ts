/**
 * Money as data: a decimal amount string plus a currency code, immutable, JSON
 * round-trip safe. Arithmetic goes through decimal.js ({@link Dec}); a JavaScript
 * number never carries an amount. This file reads money from outside input and
 * converts it to and from decimals and integer minor units, and re-exports the
 * operations of `arithmetic.ts` and `rounding.ts`.
 *
 * @module
 */
import { err, ok, type Result } from 'neverthrow';
import { type ErrorOf, type ErrorPath, invariant, receivablesError } from '../errors/index.js';
import { type CurrencyOptions, formatAmount, type Money, toDecimal } from './amount.js';
import { currencyOf, minorUnitsOf } from './currency.js';
import { Dec, type DecimalInput, parseDecimal } from './decimal.js';

export * from './amount.js';
export * from './arithmetic.js';
export * from './rounding.js';

/** Options of {@link parseMoney}. */
export interface ParseMoneyOptions extends CurrencyOptions {
  /**
   * Refuse amounts below the currency's minor unit (`"1.005"` EUR). Trailing zeros do
   * not count: `"1.500"` is exactly 1.50 and is accepted.
   */
  readonly exact?: boolean;
  /** Where the input sits, for error paths. */
  readonly path?: ErrorPath;
}

/**
 * Reads money from outside input: a decimal string (or Decimal) and a currency code.
 *
 * @param amount - the amount as received; a JavaScript number is refused
 * @param currency - ISO 4217 or registered code
 *
 * @example
 * parseMoney('12.5', 'EUR')
 * //=> Ok({ amount: '12.50', currency: 'EUR' })
 * parseMoney('12,50', 'EUR').isErr()
 * //=> true
 */
export function parseMoney(
  amount: unknown,
  currency: unknown,
  options: ParseMoneyOptions = {},
): Result<Money, ErrorOf<'invalid_amount' | 'unknown_currency'>> {
  const path = options.path ?? [];
  return currencyOf(currency, options.currencies, [...path, 'currency']).andThen((c) =>
    parseDecimal(amount, [...path, 'amount'], options.exact ? c.minorUnits : undefined).map(
      (d) => ({ amount: formatAmount(d, c.minorUnits), currency: c.code }),
    ),
  );
}

/**
 * Money from a literal the programmer wrote; throws an `InvariantError` on bad input.
 * Use {@link parseMoney} for anything that comes from outside.
 *
 * @example
 * money('19.99', 'USD')
 * //=> { amount: '19.99', currency: 'USD' }
 */
export function money(
  amount: DecimalInput,
  currency: string,
  options: CurrencyOptions = {},
): Money {
  const r = parseMoney(amount, currency, options);
  invariant(r.isOk(), r.isErr() ? r.error.message : '');
  return r.value;
}

/**
 * Money of a decimal value in a known currency (no rounding).
 *
 * @example
 * fromDecimal(new Dec('3'), 'EUR')
 * //=> { amount: '3.00', currency: 'EUR' }
 */
export function fromDecimal(
  value: DecimalInput,
  currency: string,
  options: CurrencyOptions = {},
): Money {
  return {
    amount: formatAmount(new Dec(value), minorUnitsOf(currency, options.currencies)),
    currency,
  };
}

/**
 * Zero in a currency.
 *
 * @example
 * zero('KWD')
 * //=> { amount: '0.000', currency: 'KWD' }
 */
export function zero(currency: string, options: CurrencyOptions = {}): Money {
  return fromDecimal(new Dec(0), currency, options);
}

/**
 * The amount as an integer count of minor units (cents), as a decimal string.
 * Refuses amounts that are not on a minor unit.
 *
 * @example
 * toMinorUnits(money('12.34', 'EUR'))
 * //=> Ok('1234')
 */
export function toMinorUnits(
  m: Money,
  options: CurrencyOptions = {},
): Result<string, ErrorOf<'invalid_amount'>> {
  const units = minorUnitsOf(m.currency, options.currencies);
  const scaled = toDecimal(m).times(new Dec(10).pow(units));
  return scaled.isInteger()
    ? ok(scaled.toFixed(0))
    : err(receivablesError('invalid_amount', { input: m.amount, reason: 'not on a minor unit' }));
}

/**
 * Money from an integer count of minor units; a fractional count is misuse and throws.
 *
 * @example
 * fromMinorUnits(1234n, 'EUR')
 * //=> { amount: '12.34', currency: 'EUR' }
 */
export function fromMinorUnits(
  units: DecimalInput | bigint,
  currency: string,
  options: CurrencyOptions = {},
): Money {
  const digits = minorUnitsOf(currency, options.currencies);
  const value = new Dec(typeof units === 'bigint' ? units.toString() : units);
  invariant(value.isInteger(), `Minor units must be a whole number, got ${value.toString()}`);
  return { amount: value.dividedBy(new Dec(10).pow(digits)).toFixed(digits), currency };
}
