/**
 * ISO 11649 structured creditor references ("RF references"): `RF`, two check
 * digits, then 1 to 21 letters or digits. The check digits follow ISO 7064
 * MOD 97-10 (as IBANs do) and are always generated in 02..98, so this validator is
 * strict: `RF00`, `RF01` and `RF99` are rejected even though they pass a bare
 * "mod 97 = 1" test. Comparison ignores spaces and case; printing is in groups of
 * four. Leaves out nothing of the standard's syntax.
 *
 * @module
 */
import { ok } from 'neverthrow';
import { groupsOf, mod97 } from './checksums.js';
import { compactReference, invalidReference, type ReferenceResult } from './types.js';

const SCHEME = 'iso11649';
const RF_SHAPE = /^RF(\d{2})([A-Z0-9]{1,21})$/;

/**
 * Validates an RF creditor reference: shape, length (at most 25) and check digits.
 *
 * @param input - the reference as written on a payment, spaces and case allowed
 * @example
 * validateRfReference('RF18 5390 0754 7034').map((r) => r.value)
 * //=> Ok('RF18539007547034')
 */
export function validateRfReference(input: unknown): ReferenceResult {
  if (typeof input !== 'string') return invalidReference(SCHEME, input, 'not a string');
  const value = compactReference(input);
  if (!value.startsWith('RF')) return invalidReference(SCHEME, input, 'does not start with RF');
  if (value.length > 25) return invalidReference(SCHEME, input, 'longer than 25 characters');
  if (value.length < 5) return invalidReference(SCHEME, input, 'no reference after RF and check');
  const shape = RF_SHAPE.exec(value);
  if (!shape) {
    return invalidReference(SCHEME, input, 'check digits must be 2 digits, then letters or digits');
  }
  const check = Number(shape[1]);
  if (check < 2 || check > 98) {
    return invalidReference(SCHEME, input, 'check digits outside 02..98');
  }
  if (mod97(`${shape[2]}${value.slice(0, 4)}`) !== 1) {
    return invalidReference(SCHEME, input, 'check digits do not match');
  }
  return ok({ scheme: SCHEME, value, formatted: formatRfReference(value) });
}

/**
 * Makes an RF reference from the creditor's own reference (e.g. an invoice number
 * with its separators removed): 1 to 21 letters or digits.
 *
 * @param base - the creditor's reference; spaces are dropped, case is ignored
 * @example
 * createRfReference('2348236').map((r) => r.value)
 * //=> Ok('RF332348236')
 */
export function createRfReference(base: string): ReferenceResult {
  const compact = compactReference(base);
  if (!/^[A-Z0-9]{1,21}$/.test(compact)) {
    return invalidReference(SCHEME, base, 'the base must be 1 to 21 letters or digits');
  }
  const check = 98 - mod97(`${compact}RF00`);
  const value = `RF${String(check).padStart(2, '0')}${compact}`;
  return ok({ scheme: SCHEME, value, formatted: formatRfReference(value) });
}

/**
 * Prints an RF reference in groups of four characters.
 *
 * @example
 * formatRfReference('RF41BD93DJ3QGGD9JI22D')
 * //=> 'RF41 BD93 DJ3Q GGD9 JI22 D'
 */
export function formatRfReference(reference: string): string {
  return groupsOf(compactReference(reference), 4);
}
