/**
 * Belgian structured communication (OGM/VCS, "gestructureerde mededeling"): 12
 * digits printed `+++ddd/dddd/ddddd+++` (or between `***`); the last two digits
 * are the first ten modulo 97, with 97 in place of 0. Leaves out nothing.
 *
 * @module
 */
import { ok } from 'neverthrow';
import { invalidReference, type ReferenceResult } from './types.js';

const SCHEME = 'belgian';

function checkOf(base: string): string {
  const remainder = Number(BigInt(base) % 97n);
  return String(remainder === 0 ? 97 : remainder).padStart(2, '0');
}

/**
 * Prints 12 digits as a Belgian structured communication.
 *
 * @example
 * formatBelgianReference('123456789002')
 * //=> '+++123/4567/89002+++'
 */
export function formatBelgianReference(digits: string): string {
  return `+++${digits.slice(0, 3)}/${digits.slice(3, 7)}/${digits.slice(7)}+++`;
}

/**
 * Validates a Belgian structured communication, with or without `+++`/`***` and
 * slashes.
 *
 * @example
 * validateBelgianReference('+++012/3456/78939+++').map((r) => r.value)
 * //=> Ok('012345678939')
 */
export function validateBelgianReference(input: unknown): ReferenceResult {
  if (typeof input !== 'string') return invalidReference(SCHEME, input, 'not a string');
  const trimmed = input.trim();
  const inner = /^(\+{3}|\*{3}).*\1$/.test(trimmed) ? trimmed.slice(3, -3) : trimmed;
  const value = inner.replace(/[\s/]/g, '');
  if (!/^\d{12}$/.test(value)) return invalidReference(SCHEME, input, 'must be 12 digits');
  if (checkOf(value.slice(0, 10)) !== value.slice(10)) {
    return invalidReference(SCHEME, input, 'check digits do not match');
  }
  return ok({ scheme: SCHEME, value, formatted: formatBelgianReference(value) });
}

/**
 * Makes a Belgian structured communication from up to 10 digits (left-padded).
 *
 * @example
 * createBelgianReference('0108068171').map((r) => r.formatted)
 * //=> Ok('+++010/8068/17183+++')
 */
export function createBelgianReference(base: string): ReferenceResult {
  const digits = base.replace(/\s+/g, '');
  if (!/^\d{1,10}$/.test(digits)) {
    return invalidReference(SCHEME, base, 'the base must be 1 to 10 digits');
  }
  const padded = digits.padStart(10, '0');
  const value = `${padded}${checkOf(padded)}`;
  return ok({ scheme: SCHEME, value, formatted: formatBelgianReference(value) });
}
