/**
 * Norwegian KID numbers (kundeidentifikasjonsnummer): 2 to 25 digits whose last
 * character is a check digit, by MOD10 (Luhn) or by MOD11 (weights 2..7 from the
 * right; 11 gives 0, and 10 gives `-`). Which of the two applies is part of the
 * payee's agreement with the bank, so the caller says which, or accepts either.
 * Leaves out the length the agreement fixes (banks check it, not the scheme).
 *
 * @module
 */
import { ok } from 'neverthrow';
import { luhnCheckDigit, mod11CheckCharacter } from './checksums.js';
import { compactReference, invalidReference, type ReferenceResult } from './types.js';

const SCHEME = 'kid';

/** Which KID check digit the payee's agreement uses; `any` accepts either. */
export type KidMode = 'MOD10' | 'MOD11' | 'any';

/**
 * Validates a KID number.
 *
 * @param input - the KID as written, spaces allowed
 * @param mode - the check-digit method of the payee's agreement
 * @example
 * validateKid('2345676', 'MOD10').isOk()
 * //=> true
 */
export function validateKid(input: unknown, mode: KidMode = 'any'): ReferenceResult {
  if (typeof input !== 'string') return invalidReference(SCHEME, input, 'not a string');
  const value = compactReference(input);
  if (!/^\d+-?$/.test(value)) return invalidReference(SCHEME, input, 'only digits are allowed');
  if (value.length < 2) return invalidReference(SCHEME, input, 'shorter than 2 digits');
  if (value.length > 25) return invalidReference(SCHEME, input, 'longer than 25 digits');
  const base = value.slice(0, -1);
  const last = value.slice(-1);
  const mod10 = last !== '-' && String(luhnCheckDigit(base)) === last;
  const mod11 = mod11CheckCharacter(base) === last;
  const passes = mode === 'MOD10' ? mod10 : mode === 'MOD11' ? mod11 : mod10 || mod11;
  if (!passes) {
    const which = mode === 'any' ? 'MOD10 or MOD11' : mode;
    return invalidReference(SCHEME, input, `${which} check digit does not match`);
  }
  return ok({ scheme: SCHEME, value, formatted: value });
}

/**
 * Makes a KID number from 1 to 24 digits. MOD11 fails for a base whose check
 * would be 10 unless the agreement allows `-`: that base is refused.
 *
 * @example
 * createKid('1234', 'MOD11').map((r) => r.value)
 * //=> Ok('12343')
 */
export function createKid(base: string, mode: 'MOD10' | 'MOD11' = 'MOD10'): ReferenceResult {
  const digits = compactReference(base);
  if (!/^\d{1,24}$/.test(digits)) {
    return invalidReference(SCHEME, base, 'the base must be 1 to 24 digits');
  }
  const check = mode === 'MOD10' ? String(luhnCheckDigit(digits)) : mod11CheckCharacter(digits);
  if (check === '-') {
    return invalidReference(SCHEME, base, 'MOD11 has no check digit for this base');
  }
  return ok({ scheme: SCHEME, value: `${digits}${check}`, formatted: `${digits}${check}` });
}
