/**
 * Swiss payment references. The QR reference (QRR) of the Swiss QR-bill is
 * exactly 27 digits, the last a check digit by recursive modulo 10, printed as
 * 2 + 5 x 5 digits. The older ESR/ISR reference uses the same check digit but may
 * omit leading zeros; left-padded to 27 digits it is a QR reference. Leaves out
 * the Swiss use of ISO 11649 (the SCOR reference), which {@link validateRfReference}
 * covers.
 *
 * @module
 */
import { ok } from 'neverthrow';
import { groupsOf, recursiveMod10CheckDigit } from './checksums.js';
import { invalidReference, type ReferenceResult } from './types.js';

function compactDigits(input: string): string {
  return input.replace(/\s+/g, '');
}

function checkRecursive(scheme: 'qr' | 'esr', input: string, value: string): ReferenceResult {
  if (!/^\d+$/.test(value)) return invalidReference(scheme, input, 'only digits are allowed');
  if (String(recursiveMod10CheckDigit(value.slice(0, -1))) !== value.slice(-1)) {
    return invalidReference(scheme, input, 'check digit does not match');
  }
  return ok({ scheme, value, formatted: formatQrReference(value) });
}

/**
 * Validates a Swiss QR reference: 27 digits with a recursive-mod-10 check digit.
 *
 * @example
 * validateQrReference('21 00000 00003 13947 14300 09017').map((r) => r.value)
 * //=> Ok('210000000003139471430009017')
 */
export function validateQrReference(input: unknown): ReferenceResult {
  if (typeof input !== 'string') return invalidReference('qr', input, 'not a string');
  const value = compactDigits(input);
  if (value.length !== 27) return invalidReference('qr', input, 'must be exactly 27 digits');
  return checkRecursive('qr', input, value);
}

/**
 * Validates a Swiss ESR/ISR reference: 2 to 27 digits, leading zeros optional.
 * The compact value is left-padded to 27 digits, the QR reference form.
 *
 * @example
 * validateEsrReference('18 78583').map((r) => r.value)
 * //=> Ok('000000000000000000001878583')
 */
export function validateEsrReference(input: unknown): ReferenceResult {
  if (typeof input !== 'string') return invalidReference('esr', input, 'not a string');
  const value = compactDigits(input);
  if (value.length < 2 || value.length > 27) {
    return invalidReference('esr', input, 'must be 2 to 27 digits');
  }
  return checkRecursive('esr', input, value.padStart(27, '0'));
}

/**
 * Makes a QR reference from up to 26 digits (left-padded with zeros).
 *
 * @example
 * createQrReference('123456').map((r) => r.value)
 * //=> Ok('000000000000000000001234565')
 */
export function createQrReference(base: string): ReferenceResult {
  const digits = compactDigits(base);
  if (!/^\d{1,26}$/.test(digits)) {
    return invalidReference('qr', base, 'the base must be 1 to 26 digits');
  }
  const padded = digits.padStart(26, '0');
  const value = `${padded}${recursiveMod10CheckDigit(padded)}`;
  return ok({ scheme: 'qr', value, formatted: formatQrReference(value) });
}

/**
 * Prints a QR or ESR reference as 27 digits in groups: 2, then five groups of 5.
 *
 * @example
 * formatQrReference('18 78583')
 * //=> '00 00000 00000 00000 00018 78583'
 */
export function formatQrReference(reference: string): string {
  return groupsOf(compactDigits(reference).padStart(27, '0'), 5, true);
}
