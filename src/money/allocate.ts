/**
 * Splitting money without losing or creating a minor unit (largest-remainder method,
 * also called Hamilton's method). Shares are computed exactly in integer minor units
 * with BigInt: each share's exact value is floored, and the units left over are
 * handed out one each to the shares with the largest remainders, ties to the earlier
 * share. Exact integer remainders matter: with rounded decimals, equal remainders of
 * shares of different size can compare unequal and break the tie the wrong way.
 * A negative amount is allocated as its absolute value and negated, so a credit note
 * splits as the exact mirror of its invoice. A zero ratio always gets zero.
 *
 * @module
 */
import { err, ok, type Result } from 'neverthrow';
import { type ErrorOf, invariant, receivablesError } from '../errors/index.js';
import type { CurrencyOptions, Money } from './amount.js';
import { minorUnitsOf } from './currency.js';
import { Dec, type DecimalInput, inputText } from './decimal.js';
import { minorUnitCount } from './units.js';

function toBigInts(ratios: readonly Dec[]): bigint[] {
  const places = ratios.reduce((n, r) => Math.max(n, r.decimalPlaces()), 0);
  return ratios.map((r) => BigInt(r.toFixed(places).replace('.', '')));
}

/** Largest remainder on non-negative BigInts: `weights` has a positive sum. */
function largestRemainder(whole: bigint, weights: readonly bigint[]): bigint[] {
  const weightSum = weights.reduce((s, w) => s + w, 0n);
  const shares = weights.map((w) => (whole * w) / weightSum);
  const remainders = weights.map((w) => (whole * w) % weightSum);
  let left = whole - shares.reduce((s, x) => s + x, 0n);
  const order = remainders
    .map((rest, i) => ({ i, rest }))
    .sort((a, b) => (a.rest === b.rest ? a.i - b.i : a.rest > b.rest ? -1 : 1));
  for (const { i } of order) {
    if (left === 0n) break;
    shares[i] = shares[i]! + 1n;
    left -= 1n;
  }
  return shares;
}

/** Signed allocation of integer minor units: a negative total mirrors its absolute value. */
function allocateUnits(total: bigint, ratios: readonly Dec[]): bigint[] {
  const shares = largestRemainder(total < 0n ? -total : total, toBigInts(ratios));
  return total < 0n ? shares.map((s) => -s) : shares;
}

/**
 * Allocates an integer total by ratios with the largest-remainder method. `total`
 * must be an integer; ratios must be finite and non-negative with a positive sum
 * (violations are programmer misuse and throw). The result adds up to `total`.
 *
 * @example
 * allocateInteger(new Dec(5), [new Dec(4), new Dec(1), new Dec(10)]).map(String)
 * //=> ['2', '0', '3']
 */
export function allocateInteger(total: Dec, ratios: readonly Dec[]): Dec[] {
  invariant(total.isInteger(), `allocateInteger needs a whole total, got ${total.toString()}`);
  invariant(
    ratios.every((r) => r.isFinite() && !r.lessThan(0)) && ratios.some((r) => !r.isZero()),
    'allocateInteger needs finite ratios of zero or more with at least one above zero',
  );
  return allocateUnits(BigInt(total.toFixed(0)), ratios).map((u) => new Dec(u.toString()));
}

/** An amount string of a count of minor units, written with `digits` decimals. */
function unitsToAmount(units: bigint, digits: number): string {
  const negative = units < 0n;
  const text = (negative ? -units : units).toString().padStart(digits + 1, '0');
  const amount = digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
  return negative ? `-${amount}` : amount;
}

function readRatios(
  ratios: readonly (DecimalInput | number)[],
): Result<Dec[], ErrorOf<'invalid_number'>> {
  const out: Dec[] = [];
  for (const [i, r] of ratios.entries()) {
    let d: Dec;
    try {
      d = new Dec(r);
    } catch {
      return err(
        receivablesError('invalid_number', { input: inputText(r), reason: 'not a number' }, [i]),
      );
    }
    // lessThan, not isNegative: a negative zero (-0) is a zero ratio like any other.
    if (!d.isFinite() || d.lessThan(0)) {
      const reason = 'a ratio must be a finite number of zero or more';
      return err(receivablesError('invalid_number', { input: inputText(r), reason }, [i]));
    }
    out.push(d.isZero() ? new Dec(0) : d);
  }
  if (out.length === 0 || out.every((d) => d.isZero())) {
    const reason = 'at least one ratio must be above zero';
    return err(
      receivablesError('invalid_number', { input: ratios.map(inputText).join(','), reason }, []),
    );
  }
  return ok(out);
}

/**
 * Splits money by ratios of any scale (`[1, 1, 1]`, `['33.34', '33.33', '33.33']`),
 * exact to the minor unit: the parts always add up to the amount. Ratios may be
 * JavaScript numbers (they are weights, not money). The amount must be on a minor
 * unit, else `invalid_amount`; bad ratios are `invalid_number`. The split runs on
 * whole minor units in BigInt, so it is exact for an amount of any size.
 *
 * @param m - the amount to split, e.g. a payment or an invoice total
 * @param ratios - one weight per part, in the order of the parts
 *
 * @example
 * allocate(money('5.47', 'EUR'), ['33.34', '33.33', '33.33']).map((p) => p.map((m) => m.amount))
 * //=> Ok(['1.83', '1.82', '1.82'])
 */
export function allocate(
  m: Money,
  ratios: readonly (DecimalInput | number)[],
  options: CurrencyOptions = {},
): Result<Money[], ErrorOf<'invalid_number' | 'invalid_amount'>> {
  const digits = minorUnitsOf(m.currency, options.currencies);
  const units = minorUnitCount(m.amount, digits);
  if (units.isErr()) {
    return err(receivablesError('invalid_amount', { input: m.amount, reason: units.error }));
  }

  return readRatios(ratios).map((rs) =>
    allocateUnits(units.value, rs).map((u) => ({
      amount: unitsToAmount(u, digits),
      currency: m.currency,
    })),
  );
}

/**
 * Splits money into `n` equal parts; the first parts take the extra minor units.
 *
 * @param n - number of parts, a whole number from 1 to 10,000
 *
 * @example
 * split(money('100.00', 'EUR'), 3).map((p) => p.map((m) => m.amount))
 * //=> Ok(['33.34', '33.33', '33.33'])
 */
export function split(
  m: Money,
  n: number,
  options: CurrencyOptions = {},
): Result<Money[], ErrorOf<'invalid_number' | 'invalid_amount'>> {
  if (!Number.isInteger(n) || n < 1 || n > MAX_PARTS) {
    const reason = `the number of parts must be a whole number from 1 to ${MAX_PARTS}`;
    return err(receivablesError('invalid_number', { input: inputText(n), reason }));
  }
  return allocate(
    m,
    Array.from({ length: n }, () => 1),
    options,
  );
}

const MAX_PARTS = 10_000;
