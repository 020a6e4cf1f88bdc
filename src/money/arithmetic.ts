/**
 * Operations on {@link Money}: add, subtract, sum, multiply by a quantity or a
 * percentage, negate, compare. Results are exact and unrounded (round with
 * {@link round}); combining two currencies is a `currency_mismatch` error, never a
 * conversion. A result keeps at least the currency's minor units of decimals; for a
 * host currency not in the registry passed (or none passed), it keeps the decimals
 * its operands were written with, so host currencies never make an operation throw.
 * Sums are exact: `Dec` keeps 40 digits, and `parseMoney` refuses amounts so large
 * that a sum of up to 10^6 of them would need more (`MAX_AMOUNT_DIGITS`); money built
 * by hand outside that range is the caller's responsibility.
 *
 * @module
 */
import { err, ok, type Result } from 'neverthrow';
import { type ErrorOf, type ErrorPath, invariant, receivablesError } from '../errors/index.js';
import { type CurrencyOptions, formatAmount, type Money, toDecimal } from './amount.js';
import { ISO_CURRENCIES } from './currency.js';
import { Dec, type DecimalInput, inputText } from './decimal.js';

function writtenDecimals(amount: string): number {
  const dot = amount.indexOf('.');
  return dot < 0 ? 0 : amount.length - dot - 1;
}

/** Decimals a result in `currency` is written with (see the module note). */
function digitsFor(currency: string, options: CurrencyOptions, operands: readonly Money[]) {
  const known = (options.currencies ?? ISO_CURRENCIES).get(currency);
  if (known) return known.minorUnits;
  return operands.reduce((n, m) => Math.max(n, writtenDecimals(m.amount)), 0);
}

function result(value: Dec, currency: string, options: CurrencyOptions, operands: Money[]) {
  return { amount: formatAmount(value, digitsFor(currency, options, operands)), currency };
}

function sameCurrency(
  a: Money,
  b: Money,
  path: ErrorPath,
): Result<true, ErrorOf<'currency_mismatch'>> {
  return a.currency === b.currency
    ? ok(true)
    : err(
        receivablesError('currency_mismatch', { expected: a.currency, actual: b.currency }, path),
      );
}

/**
 * The sum of two amounts of one currency.
 *
 * @example
 * add(money('0.10', 'EUR'), money('0.20', 'EUR'))
 * //=> Ok({ amount: '0.30', currency: 'EUR' })
 */
export function add(
  a: Money,
  b: Money,
  options: CurrencyOptions = {},
): Result<Money, ErrorOf<'currency_mismatch'>> {
  return sameCurrency(a, b, []).map(() =>
    result(toDecimal(a).plus(b.amount), a.currency, options, [a, b]),
  );
}

/**
 * `a - b` for two amounts of one currency.
 *
 * @example
 * subtract(money('1.00', 'EUR'), money('1.50', 'EUR'))
 * //=> Ok({ amount: '-0.50', currency: 'EUR' })
 */
export function subtract(
  a: Money,
  b: Money,
  options: CurrencyOptions = {},
): Result<Money, ErrorOf<'currency_mismatch'>> {
  return sameCurrency(a, b, []).map(() =>
    result(toDecimal(a).minus(b.amount), a.currency, options, [a, b]),
  );
}

/**
 * The sum of amounts that must all be in `currency` (zero for an empty list). A
 * mismatch names the index of the first amount in another currency.
 *
 * @example
 * sum([money('1.10', 'EUR'), money('2.20', 'EUR')], 'EUR')
 * //=> Ok({ amount: '3.30', currency: 'EUR' })
 */
export function sum(
  amounts: readonly Money[],
  currency: string,
  options: CurrencyOptions = {},
): Result<Money, ErrorOf<'currency_mismatch'>> {
  let total = new Dec(0);
  for (const [i, m] of amounts.entries()) {
    if (m.currency !== currency) {
      return err(
        receivablesError('currency_mismatch', { expected: currency, actual: m.currency }, [i]),
      );
    }
    total = total.plus(m.amount);
  }
  return ok(result(total, currency, options, [...amounts]));
}

const PLAIN = /^[+-]?\d+(\.\d+)?$/;

/**
 * A factor the program passes: a plain decimal string or a finite Decimal. Anything
 * else (`"NaN"`, `"abc"`, a JavaScript number the types forbid) is misuse: it would
 * make a NaN or Infinity amount, so it throws an `InvariantError` instead.
 */
function factorOf(value: DecimalInput, name: string): Dec {
  const valid = Dec.isDecimal(value)
    ? (value as Dec).isFinite()
    : typeof value === 'string' && PLAIN.test(value);
  invariant(
    valid,
    `${name} must be a decimal string or a finite Decimal, got ${inputText(value)}; ` +
      'read outside input with parseDecimal',
  );
  return new Dec(value);
}

/**
 * Multiplies by a quantity or factor, unrounded (round with {@link round}). The
 * product is exact up to 40 significant digits: always for an amount read by
 * `parseMoney` times a factor of up to 6 significant digits.
 *
 * @param factor - a plain decimal string or finite Decimal the program validated
 *   (with `parseDecimal`); anything else throws an `InvariantError`
 *
 * @example
 * multiply(money('0.10', 'EUR'), '3')
 * //=> { amount: '0.30', currency: 'EUR' }
 */
export function multiply(m: Money, factor: DecimalInput, options: CurrencyOptions = {}): Money {
  return result(toDecimal(m).times(factorOf(factor, 'A factor')), m.currency, options, [m]);
}

/**
 * The given percentage of an amount, unrounded: `percentage(m, '19')` is 19 % of m.
 * The rate is checked like {@link multiply}'s factor.
 *
 * @example
 * percentage(money('100.00', 'EUR'), '2.5')
 * //=> { amount: '2.50', currency: 'EUR' }
 */
export function percentage(
  m: Money,
  ratePercent: DecimalInput,
  options: CurrencyOptions = {},
): Money {
  const rate = factorOf(ratePercent, 'A percentage');
  return result(toDecimal(m).times(rate).dividedBy(100), m.currency, options, [m]);
}

/**
 * The amount with the opposite sign (zero stays `0.00`, never `-0.00`).
 *
 * @example
 * negate(money('12.30', 'EUR'))
 * //=> { amount: '-12.30', currency: 'EUR' }
 */
export function negate(m: Money, options: CurrencyOptions = {}): Money {
  return result(toDecimal(m).negated(), m.currency, options, [m]);
}

/**
 * True when the amount is zero.
 *
 * @example
 * isZero(money('0.00', 'EUR'))
 * //=> true
 */
export function isZero(m: Money): boolean {
  return toDecimal(m).isZero();
}

/**
 * True when the amount is below zero.
 *
 * @example
 * isNegative(money('-0.01', 'EUR'))
 * //=> true
 */
export function isNegative(m: Money): boolean {
  return toDecimal(m).lessThan(0);
}

/**
 * True when the amount is above zero.
 *
 * @example
 * isPositive(money('0.00', 'EUR'))
 * //=> false
 */
export function isPositive(m: Money): boolean {
  return toDecimal(m).greaterThan(0);
}

/**
 * Compares two amounts of one currency: -1, 0 or 1.
 *
 * @example
 * compare(money('1.00', 'EUR'), money('1.0', 'EUR'))
 * //=> Ok(0)
 */
export function compare(a: Money, b: Money): Result<-1 | 0 | 1, ErrorOf<'currency_mismatch'>> {
  return sameCurrency(a, b, []).map(() => toDecimal(a).comparedTo(b.amount) as -1 | 0 | 1);
}

/**
 * True when both have the same currency and numerically equal amounts.
 *
 * @example
 * equals(money('1.00', 'EUR'), { amount: '1', currency: 'EUR' })
 * //=> true
 */
export function equals(a: Money, b: Money): boolean {
  return a.currency === b.currency && toDecimal(a).equals(b.amount);
}
