/**
 * Exact sums of money in integer minor units, fast enough for a million records.
 *
 * A `Units` value is a whole count of a currency's minor units (cents for EUR,
 * fils for KWD). It is held as a JavaScript `number` while that is provably exact
 * and as a `bigint` from the first moment it might not be:
 *
 * - {@link parseUnits} returns a number only for at most 15 digits, i.e. below
 *   10^15 < 2^53, where every integer is exactly representable (so are all the
 *   partial values while it reads them); longer amounts come back as bigint.
 * - {@link addUnits} adds two numbers only when both are safe integers
 *   (|x| <= 2^53 - 1). Their exact sum then lies within 2^54; IEEE 754 rounding is
 *   monotonic and exact below 2^53, so the float sum is a safe integer exactly when
 *   the true sum is one, and then equals it. Otherwise the sum is redone in bigint.
 *
 * No fraction is ever stored in a number, and no money value leaves this module as a
 * number: {@link formatUnits} turns units back into a decimal string. Internal to
 * the ledger and aging modules.
 *
 * @module
 */

/** A whole number of minor units: a safe-integer number, or a bigint beyond that. */
export type Units = number | bigint;

const ZEROS = '000000000000000000';

const POW10 = [1, 10, 100, 1000, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * Reads a non-negative decimal amount string as minor units; undefined when it is
 * not a plain decimal or is not on a minor unit (trailing zeros beyond it are fine).
 *
 * @example
 * parseUnits('1234.5', 2)
 * //=> 123450
 */
export function parseUnits(amount: string, minorUnits: number): Units | undefined {
  if (typeof amount !== 'string') return undefined;
  // Fast path: one pass over the characters. `value` stays below 10^15 (at most 15
  // digits are taken in), so every step is exact integer arithmetic in a double.
  const length = amount.length;
  let value = 0;
  let digits = 0;
  let decimals = -1;
  for (let i = 0; i < length; i++) {
    const c = amount.charCodeAt(i);
    if (c === 46) {
      if (decimals >= 0 || i === 0 || i === length - 1) return undefined;
      decimals = 0;
      continue;
    }
    if (c < 48 || c > 57) return undefined;
    if (decimals >= 0) {
      if (decimals === minorUnits) {
        if (c !== 48) return undefined;
        continue;
      }
      decimals += 1;
    }
    if (digits === 15) return parseLong(amount, minorUnits);
    value = value * 10 + (c - 48);
    digits += 1;
  }
  if (length === 0) return undefined;
  const pad = minorUnits - Math.max(decimals, 0);
  return digits + pad <= 15 ? value * POW10[pad]! : parseLong(amount, minorUnits);
}

const PLAIN = /^\d+(\.\d+)?$/;

/** The exact path for amounts of more than 15 digits: a bigint. */
function parseLong(amount: string, minorUnits: number): bigint | undefined {
  if (!PLAIN.test(amount)) return undefined;
  const dot = amount.indexOf('.');
  const whole = dot < 0 ? amount : amount.slice(0, dot);
  const decimals = dot < 0 ? '' : amount.slice(dot + 1);
  if (/[1-9]/.test(decimals.slice(minorUnits))) return undefined;
  const fraction = decimals.slice(0, minorUnits);
  return BigInt(whole + fraction + ZEROS.slice(0, minorUnits - fraction.length));
}

/** `a + b`, exact (see the module header for why the number path cannot round). */
export function addUnits(a: Units, b: Units): Units {
  if (typeof a === 'number' && typeof b === 'number') {
    const s = a + b;
    if (Number.isSafeInteger(s)) return s;
  }
  return BigInt(a) + BigInt(b);
}

/** `a - b`, exact. */
export function subUnits(a: Units, b: Units): Units {
  if (typeof a === 'number' && typeof b === 'number') {
    const s = a - b;
    if (Number.isSafeInteger(s)) return s;
  }
  return BigInt(a) - BigInt(b);
}

/** The smaller of two unit counts (relational operators compare number and bigint exactly). */
export function minUnits(a: Units, b: Units): Units {
  return a < b ? a : b;
}

/** True when both counts are the same number of units, whatever their representation. */
export function sameUnits(a: Units, b: Units): boolean {
  return a <= b && a >= b;
}

/** True when the count is zero. */
export function isZeroUnits(a: Units): boolean {
  return typeof a === 'number' ? a === 0 : a === 0n;
}

/** True when the count is above zero. */
export function isPositiveUnits(a: Units): boolean {
  return a > 0;
}

/**
 * Minor units as a decimal amount string with exactly `minorUnits` decimals.
 *
 * @example
 * formatUnits(-20000, 2)
 * //=> '-200.00'
 */
export function formatUnits(units: Units, minorUnits: number): string {
  if (typeof units === 'number' && minorUnits <= 15) {
    // Fast path: a safe integer splits exactly into whole and fraction (% is exact on
    // integers, and the difference is an exact multiple of the power of ten).
    if (units === 0) return ZERO_TEXT[minorUnits]!;
    if (minorUnits === 0) return String(units);
    const negative = units < 0;
    const v = negative ? -units : units;
    const p = POW10[minorUnits]!;
    const fraction = v % p;
    const digits = String(fraction);
    const whole = (v - fraction) / p;
    const text = `${whole}.${ZEROS.slice(0, minorUnits - digits.length)}${digits}`;
    return negative ? `-${text}` : text;
  }
  const negative = units < 0;
  let s = (negative ? -units : units).toString();
  if (minorUnits > 0) {
    if (s.length <= minorUnits) s = ZEROS.slice(0, minorUnits + 1 - s.length) + s;
    s = `${s.slice(0, s.length - minorUnits)}.${s.slice(s.length - minorUnits)}`;
  }
  return negative ? `-${s}` : s;
}

/** Zero with 0 to 15 decimals: one shared string each, the most common amount of all. */
const ZERO_TEXT: readonly string[] = POW10.map((_, mu) =>
  mu === 0 ? '0' : `0.${ZEROS.slice(0, mu)}`,
);

/**
 * True when an amount string that {@link parseUnits} accepted is already what
 * {@link formatUnits} would write: exactly `minorUnits` decimals, no leading zero.
 * Lets a report reuse the ledger's own string instead of building an equal one.
 *
 * @example
 * isCanonicalUnits('1234.50', 2)
 * //=> true
 */
export function isCanonicalUnits(text: string, minorUnits: number): boolean {
  const n = text.length;
  if (n === 0) return false;
  const leadingZero = text.charCodeAt(0) === 48;
  if (minorUnits === 0) return text.indexOf('.') < 0 && (!leadingZero || n === 1);
  // parseUnits allows one point only, so a point at this place means exactly
  // `minorUnits` decimals.
  if (n < minorUnits + 2 || text.charCodeAt(n - minorUnits - 1) !== 46) return false;
  return !leadingZero || n === minorUnits + 2;
}
