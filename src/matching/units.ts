/**
 * Amounts in whole minor units as `bigint`, for the matching search: exact integer
 * arithmetic, fast enough to try thousands of combinations per payment. No money
 * value is ever a JavaScript `number`; strings go in and out at the edges.
 *
 * @module
 */
import { Dec } from '../money/decimal.js';
import { roundDecimal } from '../money/money.js';

/**
 * Reads a non-negative decimal string as minor units; undefined when it is not a
 * plain decimal or not on a minor unit.
 *
 * @example
 * toUnits('12.5', 2)
 * //=> 1250n
 */
export function toUnits(amount: string, minorUnits: number): bigint | undefined {
  const fast = smallUnits(amount, minorUnits);
  if (fast !== undefined) return fast >= 0 ? BigInt(fast) : undefined;
  const m = /^(\d+)(?:\.(\d+))?$/.exec(amount);
  if (!m) return undefined;
  const fraction = (m[2] ?? '').replace(/0+$/, '');
  if (fraction.length > minorUnits) return undefined;
  return BigInt(`${m[1]}${fraction.padEnd(minorUnits, '0')}`);
}

/**
 * Most amounts are short: read digit by digit into a safe integer (at most 15
 * digits, so exact). Undefined to take the general path; -1 for "not an amount".
 */
function smallUnits(amount: string, minorUnits: number): number | undefined {
  if (amount.length > 15 || minorUnits > 6) return undefined;
  if (amount.length === 0) return -1;
  let units = 0;
  let decimals = -1;
  for (let i = 0; i < amount.length; i += 1) {
    const c = amount.charCodeAt(i);
    if (c === 46 && decimals === -1 && i > 0 && i < amount.length - 1) decimals = 0;
    else if (c >= 48 && c <= 57) {
      units = units * 10 + (c - 48);
      if (decimals >= 0) decimals += 1;
    } else return -1;
  }
  let scale = decimals === -1 ? 0 : decimals;
  // Trailing zeros beyond the minor unit do not change the amount: 12.500 is 12.50.
  while (scale > minorUnits && units % 10 === 0) {
    units /= 10;
    scale -= 1;
  }
  if (scale > minorUnits) return -1;
  const result = units * 10 ** (minorUnits - scale);
  return Number.isSafeInteger(result) ? result : undefined;
}

/**
 * Formats minor units as a decimal string with the currency's decimals.
 *
 * @example
 * formatUnits(1250n, 2)
 * //=> '12.50'
 */
export function formatUnits(units: bigint, minorUnits: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(minorUnits + 1, '0');
  const whole = digits.slice(0, digits.length - minorUnits);
  const fraction = minorUnits > 0 ? `.${digits.slice(digits.length - minorUnits)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/**
 * `percent` % of an amount in minor units, rounded half-up to a minor unit (how
 * an early-payment discount is computed on the invoice).
 *
 * @example
 * percentOfUnits(10000n, '2')
 * //=> 200n
 */
export function percentOfUnits(units: bigint, percent: string): bigint {
  // Exact in integers for percentages of up to 6 decimals (the usual case), half-up.
  const scaled = toUnits(percent, 6);
  if (scaled !== undefined) {
    const numerator = units * scaled;
    const denominator = 100_000_000n;
    const quotient = numerator / denominator;
    return 2n * (numerator % denominator) >= denominator ? quotient + 1n : quotient;
  }
  const exact = new Dec(units.toString()).times(percent).dividedBy(100);
  return BigInt(roundDecimal(exact, 0, 'half-up').toFixed(0));
}

/**
 * Converts minor units with an exchange rate, rounded half-up to the target's
 * minor unit.
 *
 * @example
 * convertUnits(10000n, 2, 2, '1.08')
 * //=> 10800n
 */
export function convertUnits(
  units: bigint,
  fromMinor: number,
  toMinor: number,
  rate: string,
): bigint {
  const value = new Dec(units.toString()).dividedBy(new Dec(10).pow(fromMinor)).times(rate);
  const scaled = value.times(new Dec(10).pow(toMinor));
  return BigInt(roundDecimal(scaled, 0, 'half-up').toFixed(0));
}

/**
 * The larger of two unit counts (Math.max does not take bigints).
 *
 * @example
 * maxUnits(1n, 2n)
 * //=> 2n
 */
export function maxUnits(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}

/**
 * The smaller of two unit counts.
 *
 * @example
 * minUnits(1n, 2n)
 * //=> 1n
 */
export function minUnits(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}
