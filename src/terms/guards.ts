/**
 * Shape checks for the plain objects the terms functions receive, so that `null` or a
 * missing amount is an error value at its path rather than a TypeError. Internal to
 * the terms module.
 *
 * @module
 */
import { err, ok, type Result } from 'neverthrow';
import { type ErrorOf, type ErrorPath, receivablesError } from '../errors/index.js';
import type { Money } from '../money/amount.js';

/**
 * True for a non-null object (not an array).
 *
 * @example
 * isRecord(null)
 * //=> false
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * An `invalid_input` error with one issue at `path`.
 *
 * @example
 * inputError(['total'], 'expected money').message
 * //=> 'Invalid input: expected money at total'
 */
export function inputError(path: ErrorPath, message: string): ErrorOf<'invalid_input'> {
  return receivablesError('invalid_input', { issues: [{ path, message }] }, path);
}

/**
 * The value as money-shaped (an object; its amount and currency are checked by the
 * caller, with their own error codes), or an `invalid_input` error at `path`.
 *
 * @example
 * moneyShape(undefined, ['grossAmount']).isErr()
 * //=> true
 */
export function moneyShape(
  value: unknown,
  path: ErrorPath,
): Result<Money, ErrorOf<'invalid_input'>> {
  if (isRecord(value)) return ok(value as unknown as Money);
  return err(inputError(path, 'expected money: { amount, currency }'));
}
