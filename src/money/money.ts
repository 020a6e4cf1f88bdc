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
import { type CurrencyOptions, formatAmount, type Money } from './amount.js';
import { currencyOf, minorUnitsOf } from './currency.js';
import { Dec, type DecimalInput, parseDecimal } from './decimal.js';
import { minorUnitCount } from './units.js';

export * from './amount.js';
export * from './arithmetic.js';
export * from './rounding.js';

/**
 * Decimal places an amount read by {@link parseMoney} may have: 10, or 4 beyond its
 * currency's minor unit where that is more (unrounded shares, prices, conversions).
 *
 * @param minorUnits - decimals of the currency's minor unit (2 for EUR)
 *
 * @example
 * maxAmountDecimals(8) // a host's 8-decimal asset
 * //=> 12
 */
export function maxAmountDecimals(minorUnits: number): number {
  return Math.max(10, minorUnits + 4);
}

/**
 * Digit positions an amount read by {@link parseMoney} may span: its integer digits
 * plus the decimals allowed ({@link maxAmountDecimals}). `Dec` keeps 40 significant
 * digits; a sum of up to 10^6 amounts of one currency gains at most 6 integer digits,
 * so 34 + 6 = 40 digits keep every such sum exact. For every ISO currency (at most 4
 * decimals) that allows 24 integer digits: amounts below 10^24, a million times the
 * world's yearly output in any currency.
 */
export const MAX_AMOUNT_DIGITS = 34;

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
 * Amounts too large or too finely divided to stay exact in every sum are refused
 * with `invalid_amount` (see {@link MAX_AMOUNT_DIGITS}).
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
    parseDecimal(amount, [...path, 'amount'], options.exact ? c.minorUnits : undefined)
      .andThen((d) => withinRange(d, c.minorUnits, [...path, 'amount']))
      .map((d) => ({ amount: formatAmount(d, c.minorUnits), currency: c.code })),
  );
}

function withinRange(
  value: Dec,
  minorUnits: number,
  path: ErrorPath,
): Result<Dec, ErrorOf<'invalid_amount'>> {
  const decimals = maxAmountDecimals(minorUnits);
  const integerDigits = MAX_AMOUNT_DIGITS - decimals;
  const fail = (reason: string) =>
    err(receivablesError('invalid_amount', { input: value.toFixed(), reason }, path));

  if (value.decimalPlaces() > decimals) {
    return fail(`too finely divided: more than ${decimals} decimal places`);
  }
  if (value.abs().greaterThanOrEqualTo(new Dec(10).pow(integerDigits))) {
    return fail(`too large: more than ${integerDigits} digits before the decimal point`);
  }
  return ok(value);
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
 * The amount as an integer count of minor units (cents), as a decimal string, exact
 * for an amount of any size. Refuses amounts that are not on a minor unit.
 *
 * @example
 * toMinorUnits(money('12.34', 'EUR'))
 * //=> Ok('1234')
 */
export function toMinorUnits(
  m: Money,
  options: CurrencyOptions = {},
): Result<string, ErrorOf<'invalid_amount'>> {
  const units = minorUnitCount(m.amount, minorUnitsOf(m.currency, options.currencies));
  return units.isOk()
    ? ok(units.value.toString())
    : err(receivablesError('invalid_amount', { input: m.amount, reason: units.error }));
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
