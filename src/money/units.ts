/**
 * Exact conversion of an amount string to a count of minor units, on the digits
 * themselves (BigInt), so that no amount of any size is rounded on the way: decimal
 * arithmetic at a fixed precision would silently drop the last digits of a long
 * amount. Internal to the money module.
 *
 * @module
 */
import { err, ok, type Result } from 'neverthrow';

const PLAIN = /^([+-]?)(\d+)(?:\.(\d+))?$/;

/**
 * The amount as an integer count of minor units of `digits` decimals, or the reason
 * it is not one (not a plain decimal string, or a non-zero digit below the minor unit).
 *
 * @example
 * minorUnitCount('-12.340', 2)
 * //=> Ok(-1234n)
 */
export function minorUnitCount(amount: string, digits: number): Result<bigint, string> {
  const m = PLAIN.exec(amount);
  if (!m) return err('not a plain decimal number');
  const fraction = m[3] ?? '';
  if (/[1-9]/.test(fraction.slice(digits))) return err('not on a minor unit');

  const units = BigInt(m[2]! + fraction.slice(0, digits).padEnd(digits, '0'));
  return ok(m[1] === '-' ? -units : units);
}
