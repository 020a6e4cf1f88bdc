/**
 * Finnish national reference numbers (viitenumero): 4 to 20 digits, the last a
 * check digit over the others with weights 7, 3, 1 repeating from the right.
 * Leading zeros carry no meaning. Printed in groups of five from the right. The
 * international form is the ISO 11649 RF reference over the national number.
 * Leaves out the virtual bar code (it only carries the reference).
 *
 * @module
 */
import { ok } from 'neverthrow';
import { finnishCheckDigit, groupsOf } from './checksums.js';
import { createRfReference } from './iso11649.js';
import { compactReference, invalidReference, type ReferenceResult } from './types.js';

const SCHEME = 'finnish';

/**
 * Validates a Finnish reference number.
 *
 * @param input - the number as written, spaces allowed
 * @example
 * validateFinnishReference('15118 90656').map((r) => r.value)
 * //=> Ok('1511890656')
 */
export function validateFinnishReference(input: unknown): ReferenceResult {
  if (typeof input !== 'string') return invalidReference(SCHEME, input, 'not a string');
  const value = compactReference(input);
  if (!/^\d+$/.test(value)) return invalidReference(SCHEME, input, 'only digits are allowed');
  if (value.length < 4) return invalidReference(SCHEME, input, 'shorter than 4 digits');
  if (value.length > 20) return invalidReference(SCHEME, input, 'longer than 20 digits');
  const base = value.slice(0, -1);
  if (String(finnishCheckDigit(base)) !== value.slice(-1)) {
    return invalidReference(SCHEME, input, 'check digit does not match');
  }
  return ok({ scheme: SCHEME, value, formatted: groupsOf(value, 5, true) });
}

/**
 * Makes a Finnish reference number from 3 to 19 digits (e.g. an invoice number).
 *
 * @example
 * createFinnishReference('123123').map((r) => r.value)
 * //=> Ok('1231234')
 */
export function createFinnishReference(base: string): ReferenceResult {
  const digits = compactReference(base);
  if (!/^\d{3,19}$/.test(digits)) {
    return invalidReference(SCHEME, base, 'the base must be 3 to 19 digits');
  }
  const value = `${digits}${finnishCheckDigit(digits)}`;
  return ok({ scheme: SCHEME, value, formatted: groupsOf(value, 5, true) });
}

/**
 * The international RF form of a Finnish reference number (leading zeros dropped).
 *
 * @example
 * finnishToRfReference('1234561').map((r) => r.value)
 * //=> Ok('RF341234561')
 */
export function finnishToRfReference(national: string): ReferenceResult {
  return validateFinnishReference(national).andThen((r) =>
    createRfReference(r.value.replace(/^0+(?=\d)/, '')),
  );
}
