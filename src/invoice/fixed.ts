/**
 * Exact fixed-point arithmetic for the invoice hot path. A value is an integer count
 * of `10^-scale` units held in a `bigint`, so sums and products are exact and every
 * quotient is rounded once, by {@link divideRounded}, with a named {@link RoundingMode}
 * that behaves exactly as `roundDecimal` from `money/` does (a property test checks
 * the two against each other). decimal.js would give the same answers, several
 * times slower; an invoice run of a million lines is what this module is for.
 *
 * @module
 */
import type { RoundingMode } from '../money/decimal.js';

/** An exact decimal: `units / 10^scale`. */
export interface Fixed {
  readonly units: bigint;
  readonly scale: number;
}

const POWERS: bigint[] = [];
for (let i = 0; i <= 40; i += 1) POWERS.push(10n ** BigInt(i));

/** `10^n` as a bigint (cached for small n). */
export function pow10(n: number): bigint {
  return POWERS[n] ?? 10n ** BigInt(n);
}

/**
 * Reads a plain decimal string (already checked against `^[+-]?\d+(\.\d+)?$`).
 *
 * @example
 * parseFixed('-12.50')
 * //=> { units: -1250n, scale: 2 }
 */
export function parseFixed(text: string): Fixed {
  const dot = text.indexOf('.');
  if (dot < 0) return { units: BigInt(text), scale: 0 };
  return { units: BigInt(text.slice(0, dot) + text.slice(dot + 1)), scale: text.length - dot - 1 };
}

/** The value as a count of `10^-scale` units; throws if that would lose digits. */
export function unitsAt(value: Fixed, scale: number): bigint {
  if (scale >= value.scale) return value.units * pow10(scale - value.scale);
  const factor = pow10(value.scale - scale);
  if (value.units % factor !== 0n) throw new RangeError('unitsAt would drop digits');
  return value.units / factor;
}

/** True when the value has no more than `scale` decimals (trailing zeros do not count). */
export function fitsScale(value: Fixed, scale: number): boolean {
  return value.scale <= scale || value.units % pow10(value.scale - scale) === 0n;
}

/**
 * True when a net price is the gross price minus the price discount (absent: 0),
 * exactly: PEPPOL-EN16931-R046. Takes plain decimal strings.
 *
 * @example
 * [isNetOfGross('9.50', '10', '0.5'), isNetOfGross('5', '100', undefined)]
 * //=> [true, false]
 */
export function isNetOfGross(net: string, gross: string, discount: string | undefined): boolean {
  const n = parseFixed(net);
  const g = parseFixed(gross);
  const d = parseFixed(discount ?? '0');
  const scale = Math.max(n.scale, g.scale, d.scale);
  return unitsAt(n, scale) === unitsAt(g, scale) - unitsAt(d, scale);
}

/**
 * `numerator / denominator` rounded to an integer with a named mode: the one place
 * where the invoice module rounds. `half-up` sends halves away from zero.
 *
 * @example
 * divideRounded(5n, 2n, 'half-up')
 * //=> 3n
 * divideRounded(-5n, 2n, 'half-even')
 * //=> -2n
 */
export function divideRounded(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  if (denominator < 0n) return divideRounded(-numerator, -denominator, mode);
  const quotient = numerator / denominator;
  const remainder = numerator % denominator;
  if (remainder === 0n) return quotient;

  const sign = numerator < 0n ? -1n : 1n;
  const twice = (remainder < 0n ? -remainder : remainder) * 2n;
  const away = quotient + sign;
  switch (mode) {
    case 'half-up':
      return twice >= denominator ? away : quotient;
    case 'half-down':
      return twice > denominator ? away : quotient;
    case 'half-even':
      if (twice !== denominator) return twice > denominator ? away : quotient;
      return quotient % 2n === 0n ? quotient : away;
    case 'up':
      return away;
    case 'down':
      return quotient;
    case 'ceiling':
      return sign > 0n ? away : quotient;
    case 'floor':
      return sign < 0n ? away : quotient;
  }
}

/**
 * Formats a count of minor units as a decimal string with exactly `scale` decimals.
 *
 * @example
 * formatUnits(-5n, 2)
 * //=> '-0.05'
 */
export function formatUnits(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString();
  if (scale === 0) return negative ? `-${digits}` : digits;
  const padded = digits.padStart(scale + 1, '0');
  const text = `${padded.slice(0, -scale)}.${padded.slice(-scale)}`;
  return negative ? `-${text}` : text;
}

/**
 * A percentage as its shortest decimal string (`'19.00'` -> `'19'`), the key of a
 * VAT group, so that `19`, `19.0` and `19.00` fall into one group.
 *
 * @example
 * normalizePercent('07.50')
 * //=> '7.5'
 */
export function normalizePercent(value: Fixed): string {
  let { units, scale } = value;
  while (scale > 0 && units % 10n === 0n) {
    units /= 10n;
    scale -= 1;
  }
  return formatUnits(units, scale);
}
