/**
 * Money as data: a decimal amount string plus a currency code, immutable, JSON
 * round-trip safe. Arithmetic goes through decimal.js ({@link Dec}); a JavaScript
 * number never carries an amount. Combining two currencies is a
 * `currency_mismatch` error, never a conversion.
 *
 * @module
 */
import { err, ok, type Result } from 'neverthrow';
import { type ErrorOf, type ErrorPath, receivablesError } from '../errors/index.js';
import { type CurrencyRegistry, currencyOf, ISO_CURRENCIES, minorUnitsOf } from './currency.js';
import {
  Dec,
  type DecimalInput,
  decimalRounding,
  parseDecimal,
  type RoundingMode,
} from './decimal.js';

/** An amount of money: a plain decimal string (e.g. `"1234.50"`) and a currency code. */
export interface Money {
  /** Decimal string, at least the currency's minor units of decimals. */
  readonly amount: string;
  /** ISO 4217 (or host-registered) currency code. */
  readonly currency: string;
}

/** Options for functions that need to know a currency's minor units. */
export interface CurrencyOptions {
  /** Where to look currencies up; defaults to ISO 4217. */
  readonly currencies?: CurrencyRegistry;
}

/** Options of {@link parseMoney}. */
export interface ParseMoneyOptions extends CurrencyOptions {
  /** Refuse amounts with more decimals than the currency's minor units. */
  readonly exact?: boolean;
  /** Where the input sits, for error paths. */
  readonly path?: ErrorPath;
}

/**
 * Formats a decimal as an amount string of a currency: at least `minorUnits`
 * decimals, more only when the value has them (unrounded intermediate results).
 */
export function formatAmount(value: Dec, minorUnits: number): string {
  return value.decimalPlaces() <= minorUnits ? value.toFixed(minorUnits) : value.toFixed();
}

/**
 * Reads money from outside input.
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
 * Money from a literal the programmer wrote; throws a RangeError on bad input.
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
  if (r.isErr()) throw new RangeError(r.error.message);
  return r.value;
}

/** The amount as a decimal, for computation. */
export function toDecimal(m: Money): Dec {
  return new Dec(m.amount);
}

/** Money of a decimal value in a currency (no rounding). */
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

/** Zero in a currency. */
export function zero(currency: string, options: CurrencyOptions = {}): Money {
  return fromDecimal(new Dec(0), currency, options);
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
export function add(a: Money, b: Money): Result<Money, ErrorOf<'currency_mismatch'>> {
  return sameCurrency(a, b, []).map(() => fromDecimal(toDecimal(a).plus(b.amount), a.currency));
}

/** `a - b` for two amounts of one currency. */
export function subtract(a: Money, b: Money): Result<Money, ErrorOf<'currency_mismatch'>> {
  return sameCurrency(a, b, []).map(() => fromDecimal(toDecimal(a).minus(b.amount), a.currency));
}

/**
 * The sum of amounts that must all be in `currency` (zero for an empty list).
 *
 * @example
 * sum([money('1.10', 'EUR'), money('2.20', 'EUR')], 'EUR')
 * //=> Ok({ amount: '3.30', currency: 'EUR' })
 */
export function sum(
  amounts: readonly Money[],
  currency: string,
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
  return ok(fromDecimal(total, currency));
}

/**
 * Multiplies by a quantity or factor, unrounded (round with {@link round}).
 *
 * @example
 * multiply(money('0.10', 'EUR'), '3')
 * //=> { amount: '0.30', currency: 'EUR' }
 */
export function multiply(m: Money, factor: DecimalInput): Money {
  return fromDecimal(toDecimal(m).times(factor), m.currency);
}

/**
 * The given percentage of an amount, unrounded: `percentage(m, '19')` is 19 % of m.
 *
 * @example
 * percentage(money('100.00', 'EUR'), '2.5')
 * //=> { amount: '2.50', currency: 'EUR' }
 */
export function percentage(m: Money, ratePercent: DecimalInput): Money {
  return fromDecimal(toDecimal(m).times(ratePercent).dividedBy(100), m.currency);
}

/** The amount with the opposite sign. */
export function negate(m: Money): Money {
  return fromDecimal(toDecimal(m).negated(), m.currency);
}

/** True when the amount is zero. */
export function isZero(m: Money): boolean {
  return toDecimal(m).isZero();
}

/** True when the amount is below zero. */
export function isNegative(m: Money): boolean {
  return toDecimal(m).isNegative() && !toDecimal(m).isZero();
}

/** True when the amount is above zero. */
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

/** True when both have the same currency and numerically equal amounts. */
export function equals(a: Money, b: Money): boolean {
  return a.currency === b.currency && toDecimal(a).equals(b.amount);
}

/** Options of {@link round}. */
export interface RoundOptions extends CurrencyOptions {
  /** Rounding mode; `half-up` (halves away from zero) by default. */
  readonly mode?: RoundingMode;
  /**
   * Round to a multiple of this increment instead of the minor unit: `"0.05"` for
   * Swiss cash, `"1"` for whole kronor. Must be positive.
   */
  readonly increment?: DecimalInput;
}

/**
 * Rounds a decimal to a currency's minor unit, or to a cash increment.
 * The one rounding primitive every module uses.
 */
export function roundDecimal(
  value: Dec,
  minorUnits: number,
  mode: RoundingMode = 'half-up',
  increment?: DecimalInput,
): Dec {
  if (increment === undefined) {
    return value.toDecimalPlaces(minorUnits, decimalRounding(mode));
  }
  const step = new Dec(increment);
  if (!step.isFinite() || step.lessThanOrEqualTo(0)) {
    throw new RangeError(`Rounding increment must be positive, got ${String(increment)}`);
  }
  return value.dividedBy(step).toDecimalPlaces(0, decimalRounding(mode)).times(step);
}

/**
 * Rounds money to its currency's minor unit, or to a cash increment, with a named mode.
 *
 * @example
 * round(money('2.675', 'EUR'), { mode: 'half-even' })
 * //=> { amount: '2.68', currency: 'EUR' }
 * round(money('1.025', 'CHF'), { increment: '0.05' })
 * //=> { amount: '1.05', currency: 'CHF' }
 */
export function round(m: Money, options: RoundOptions = {}): Money {
  const units = minorUnitsOf(m.currency, options.currencies ?? ISO_CURRENCIES);
  const rounded = roundDecimal(toDecimal(m), units, options.mode, options.increment);
  return { amount: formatAmount(rounded, units), currency: m.currency };
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

/** Money from an integer count of minor units. */
export function fromMinorUnits(
  units: DecimalInput | bigint,
  currency: string,
  options: CurrencyOptions = {},
): Money {
  const digits = minorUnitsOf(currency, options.currencies);
  const value = new Dec(typeof units === 'bigint' ? units.toString() : units);
  return { amount: value.dividedBy(new Dec(10).pow(digits)).toFixed(digits), currency };
}
