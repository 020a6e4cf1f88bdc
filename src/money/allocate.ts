/**
 * Splitting money without losing or creating a minor unit. Shares are computed in
 * integer minor units; the units left over after flooring are handed out one each
 * by largest remainder, ties to the earlier share. A negative amount is allocated
 * as its absolute value and negated, so a credit note splits as the exact mirror
 * of its invoice.
 *
 * @module
 */
import { err, ok, type Result } from 'neverthrow';
import { type ErrorOf, receivablesError } from '../errors/index.js';
import { minorUnitsOf } from './currency.js';
import { Dec, type DecimalInput } from './decimal.js';
import { type CurrencyOptions, formatAmount, type Money, toDecimal } from './money.js';

/**
 * Allocates an integer total by ratios with the largest-remainder method.
 * `total` must be an integer; ratios must be finite and non-negative with a
 * positive sum. Returns integers that add up to `total` exactly.
 */
export function allocateInteger(total: Dec, ratios: readonly Dec[]): Dec[] {
  const sign = total.isNegative() ? -1 : 1;
  const whole = total.abs();
  const ratioSum = ratios.reduce((s, r) => s.plus(r), new Dec(0));
  const exact = ratios.map((r) => whole.times(r).dividedBy(ratioSum));
  const shares = exact.map((e) => e.floor());
  let left = whole.minus(shares.reduce((s, x) => s.plus(x), new Dec(0))).toNumber();
  const order = exact
    .map((e, i) => ({ i, frac: e.minus(shares[i]!) }))
    .sort((a, b) => b.frac.comparedTo(a.frac) || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    shares[i] = shares[i]!.plus(1);
    left -= 1;
  }
  return shares.map((s) => (sign < 0 ? s.negated() : s));
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
        receivablesError('invalid_number', { input: String(r), reason: 'not a number' }, [i]),
      );
    }
    if (!d.isFinite() || d.isNegative()) {
      const reason = 'a ratio must be a finite number of zero or more';
      return err(receivablesError('invalid_number', { input: String(r), reason }, [i]));
    }
    out.push(d);
  }
  if (out.length === 0 || out.every((d) => d.isZero())) {
    const reason = 'at least one ratio must be above zero';
    return err(receivablesError('invalid_number', { input: ratios.join(','), reason }, []));
  }
  return ok(out);
}

/**
 * Splits money by ratios (any scale: `[1, 1, 1]`, `['33.34', '33.33', '33.33']`),
 * exact to the minor unit. The amount must be on a minor unit.
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
  const scale = new Dec(10).pow(digits);
  const units = toDecimal(m).times(scale);
  if (!units.isInteger()) {
    return err(
      receivablesError('invalid_amount', { input: m.amount, reason: 'not on a minor unit' }),
    );
  }
  return readRatios(ratios).map((rs) =>
    allocateInteger(units, rs).map((u) => ({
      amount: formatAmount(u.dividedBy(scale), digits),
      currency: m.currency,
    })),
  );
}

/**
 * Splits money into `n` equal parts; the first parts take the extra minor units.
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
  if (!Number.isInteger(n) || n < 1) {
    const reason = 'the number of parts must be a whole number of 1 or more';
    return err(receivablesError('invalid_number', { input: String(n), reason }));
  }
  return allocate(
    m,
    Array.from({ length: n }, () => 1),
    options,
  );
}
