/**
 * Amounts as integer minor units in JavaScript numbers, for the planner's hot path.
 * A number is used only while it is exact: at most 15 digits (below 10^15 < 2^53)
 * per amount, and sums checked with `Number.isSafeInteger`; anything beyond falls
 * back to decimal arithmetic in the caller. No fraction is ever held in a number.
 *
 * @module
 */

const PLAIN = /^\d+(\.\d+)?$/;

/**
 * Minor units of a non-negative decimal string, or undefined when it is not exact
 * in a number (more than 15 digits, or finer than the minor unit).
 *
 * @example
 * toMinor('1234.5', 2)
 * //=> 123450
 */
export function toMinor(amount: string, minorUnits: number): number | undefined {
  if (!PLAIN.test(amount)) return undefined;
  const dot = amount.indexOf('.');
  const whole = dot < 0 ? amount : amount.slice(0, dot);
  let fraction = dot < 0 ? '' : amount.slice(dot + 1);
  if (fraction.length > minorUnits) {
    if (/[1-9]/.test(fraction.slice(minorUnits))) return undefined;
    fraction = fraction.slice(0, minorUnits);
  }
  const digits = whole + fraction.padEnd(minorUnits, '0');
  if (digits.replace(/^0+/, '').length > 15) return undefined;
  return Number(digits);
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
