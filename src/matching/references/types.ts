/**
 * What every reference validator returns: the reference in its compact form (no
 * spaces, upper case) and in the form people print, with the scheme it follows.
 *
 * @module
 */
import { err, type Result } from 'neverthrow';
import { type ErrorOf, type ErrorPath, receivablesError } from '../../errors/index.js';
import type { ReferenceScheme } from '../../statements/types.js';

export type { ReferenceScheme };

/** A payment reference that passed its format and check-digit rules. */
export interface ValidReference {
  readonly scheme: ReferenceScheme;
  /** Compact form: no spaces or separators, letters in upper case. */
  readonly value: string;
  /** Printed form (RF in groups of four, Finnish in fives from the right...). */
  readonly formatted: string;
}

/** The result of validating a payment reference. */
export type ReferenceResult = Result<ValidReference, ErrorOf<'invalid_reference'>>;

/**
 * Removes all white space and upper-cases letters: how references are compared.
 *
 * @example
 * compactReference(' rf18 5390 ')
 * //=> 'RF185390'
 */
export function compactReference(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

/**
 * An `invalid_reference` error for a scheme, naming the input and the broken rule.
 *
 * @example
 * invalidReference('kid', '1', 'too short').isErr()
 * //=> true
 */
export function invalidReference(
  scheme: string,
  input: unknown,
  reason: string,
  path: ErrorPath = [],
): Result<never, ErrorOf<'invalid_reference'>> {
  return err(receivablesError('invalid_reference', { scheme, input: String(input), reason }, path));
}
