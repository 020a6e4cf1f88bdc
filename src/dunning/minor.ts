/**
 * Amounts as integer minor units in JavaScript numbers, for the planner's hot path.
 * A number is used only while it is exact: at most 15 digits (below 10^15 < 2^53)
 * per amount, and sums checked with `Number.isSafeInteger`; anything beyond falls
 * back to decimal arithmetic in the caller. No fraction is ever held in a number.
 *
 * @module
 */

const DOT = 46;
const ZERO = 48;

/**
 * Minor units of a non-negative decimal string (digits, optionally a point and more
 * digits), or undefined when it is not exact in a number (more than 15 significant
 * digits, or finer than the minor unit). Read digit by digit: this runs for every
 * amount the planner sums.
 *
 * @example
 * toMinor('1234.5', 2)
 * //=> 123450
 */
export function toMinor(amount: string, minorUnits: number): number | undefined {
  const n = amount.length;
  let units = 0;
  let significant = 0;
  let fraction = -1;
  for (let i = 0; i < n; i++) {
    const c = amount.charCodeAt(i);
    if (c === DOT) {
      if (fraction >= 0 || i === 0 || i === n - 1) return undefined;
      fraction = 0;
      continue;
    }
    const d = c - ZERO;
    if (d < 0 || d > 9) return undefined;
    if (fraction >= 0) {
      // Digits finer than the minor unit may only be zeros.
      if (fraction === minorUnits) {
        if (d !== 0) return undefined;
        continue;
      }
      fraction++;
    }
    if (units === 0 && d === 0) continue;
    if (++significant > 15) return undefined;
    units = units * 10 + d;
  }
  if (n === 0) return undefined;
  for (let f = Math.max(fraction, 0); f < minorUnits; f++) {
    if (units !== 0 && ++significant > 15) return undefined;
    units *= 10;
  }
  return units;
}

/**
 * Adds minor units; undefined once either side or the sum is not exact.
 *
 * @example
 * addMinor(150, 250)
 * //=> 400
 */
export function addMinor(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined || b === undefined) return undefined;
  const s = a + b;
  return Number.isSafeInteger(s) ? s : undefined;
}

/**
 * Minor units (a number, or a bigint beyond 2^53) back to a decimal string with the
 * currency's decimals.
 *
 * @example
 * formatMinor(123405, 2)
 * //=> '1234.05'
 */
export function formatMinor(units: number | bigint, minorUnits: number): string {
  const negative = units < 0;
  const digits = String(negative ? -units : units).padStart(minorUnits + 1, '0');
  const sign = negative ? '-' : '';
  if (minorUnits === 0) return `${sign}${digits}`;
  return `${sign}${digits.slice(0, -minorUnits)}.${digits.slice(-minorUnits)}`;
}

/**
 * Exact sum of decimal amount strings in minor units; undefined when not exact.
 *
 * @example
 * sumMinor(['1.10', '2.20'], 2)
 * //=> 330
 */
export function sumMinor(amounts: readonly string[], minorUnits: number): number | undefined {
  let units: number | undefined = 0;
  for (const a of amounts) units = addMinor(units, toMinor(a, minorUnits));
  return units;
}
