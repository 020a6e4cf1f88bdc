/**
 * Exact integer arithmetic in JavaScript numbers, for the invoice fast path. A value
 * is an integer count of `10^-scale` units held in a `number`, and it is only ever
 * used while it is a safe integer (`|x| <= 2^53 - 1`), where every integer is exact.
 *
 * Why that is enough: for safe integers `a` and `b`, IEEE 754 gives the exact `a + b`,
 * `a - b` and `a * b` whenever the exact result is a safe integer, and a result of
 * magnitude at least 2^53 otherwise (rounding is monotone and 2^53 is representable).
 * So {@link exact} on each sum and product either certifies it or turns it into NaN,
 * and NaN propagates into the totals, where the caller sees it and recomputes the
 * invoice with `bigint` (`fixed.ts`). Division is exact too: `a % b` is exact for any
 * two numbers, and `(a - a % b) / b` divides an exact multiple. A property test checks
 * each function here against its `bigint` twin.
 *
 * @module
 */
import type { RoundingMode } from '../money/decimal.js';

const MAX = Number.MAX_SAFE_INTEGER;

/** `10^n` for n = 0..15, the powers of ten that are safe integers. */
const POWERS: readonly number[] = Array.from({ length: 16 }, (_, n) => 10 ** n);

/**
 * The value when it is a safe integer, else NaN: the guard on every sum and product.
 *
 * @example
 * [exact(2 ** 52), exact(2 ** 53)]
 * //=> [4503599627370496, NaN]
 */
export function exact(value: number): number {
  return value <= MAX && value >= -MAX ? value : NaN;
}

/**
 * `10^n` as a number; NaN when it is not a safe integer (n above 15).
 *
 * @example
 * [powerOfTen(2), powerOfTen(16)]
 * //=> [100, NaN]
 */
export function powerOfTen(n: number): number {
  return POWERS[n] ?? NaN;
}

/**
 * A reusable reader of plain decimal strings (`^[+-]?\d+(\.\d+)?$`, the schema's
 * format) into `units / 10^scale`, in one pass with no regex and no allocation.
 */
export class DecimalScan {
  /** The digits read, as a safe integer, signed. */
  units = 0;
  /** How many of them follow the decimal point. */
  scale = 0;

  /**
   * Reads `text`; false when it is not a plain decimal or its digits (trailing zeros
   * included) do not fit a safe integer. `units` and `scale` are then meaningless.
   *
   * @example
   * const scan = new DecimalScan();
   * [scan.read('-12.50'), scan.units, scan.scale]
   * //=> [true, -1250, 2]
   */
  read(text: string): boolean {
    const length = text.length;
    let i = 0;
    let negative = false;
    const first = text.charCodeAt(0);
    if (first === 43 || first === 45) {
      negative = first === 45;
      i = 1;
    }
    const start = i;
    if (length === start) return false;
    let units = 0;
    let dot = -1;
    for (; i < length; i += 1) {
      const c = text.charCodeAt(i);
      if (c >= 48 && c <= 57) {
        units = units * 10 + (c - 48);
        if (units > MAX) return false;
      } else if (c === 46 && dot < 0 && i > start && i < length - 1) {
        dot = i;
      } else {
        return false;
      }
    }
    // 0 - units rather than -units, so that "-0" reads as 0 and not as -0.
    this.units = negative ? 0 - units : units;
    this.scale = dot < 0 ? 0 : length - dot - 1;
    return true;
  }

  /**
   * The value read as a count of `10^-scale` units: NaN when it has non-zero digits
   * beyond `scale` (it is not on that unit) or the count is not a safe integer.
   *
   * @example
   * const scan = new DecimalScan();
   * scan.read('1.50');
   * [scan.at(2), scan.at(1), scan.at(0)]
   * //=> [150, 15, NaN]
   */
  at(scale: number): number {
    if (scale >= this.scale) return exact(this.units * powerOfTen(scale - this.scale));
    const factor = powerOfTen(this.scale - scale);
    return this.units % factor === 0 ? this.units / factor : NaN;
  }
}

/**
 * `numerator / denominator` rounded to an integer with a named mode, for safe
 * integers; the number twin of `divideRounded` in `fixed.ts`. NaN stays NaN.
 *
 * @example
 * [divideRoundedNumber(5, 2, 'half-up'), divideRoundedNumber(-5, 2, 'half-even')]
 * //=> [3, -2]
 */
export function divideRoundedNumber(
  numerator: number,
  denominator: number,
  mode: RoundingMode,
): number {
  if (denominator < 0) return divideRoundedNumber(-numerator, -denominator, mode);
  const remainder = numerator % denominator;
  const quotient = (numerator - remainder) / denominator;
  if (remainder === 0) return quotient;

  const sign = numerator < 0 ? -1 : 1;
  const twice = (remainder < 0 ? -remainder : remainder) * 2;
  const away = quotient + sign;
  switch (mode) {
    case 'half-up':
      return twice >= denominator ? away : quotient;
    case 'half-down':
      return twice > denominator ? away : quotient;
    case 'half-even':
      if (twice !== denominator) return twice > denominator ? away : quotient;
      return quotient % 2 === 0 ? quotient : away;
    case 'up':
      return away;
    case 'down':
      return quotient;
    case 'ceiling':
      return sign > 0 ? away : quotient;
    case 'floor':
      return sign < 0 ? away : quotient;
  }
}

/**
 * Formats a safe-integer count of minor units with exactly `scale` decimals; the
 * number twin of `formatUnits`.
 *
 * @example
 * [formatMinor(-5, 2), formatMinor(123456, 3), formatMinor(-0, 0)]
 * //=> ['-0.05', '123.456', '0']
 */
export function formatMinor(units: number, scale: number): string {
  const negative = units < 0;
  const magnitude = negative ? -units : units;
  if (scale === 0) return negative ? `-${magnitude}` : `${magnitude}`;
  const factor = POWERS[scale]!;
  const fraction = magnitude % factor;
  const whole = (magnitude - fraction) / factor;
  const text = `${whole}.${`${fraction}`.padStart(scale, '0')}`;
  return negative ? `-${text}` : text;
}
