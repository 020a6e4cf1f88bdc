/**
 * Structured payment references found in bank files, with a minimal check-digit
 * test per scheme: ISO 11649 (`RF` + mod 97-10, check digits 02..98), the Swiss QR
 * and ESR/ISR references (recursive mod 10) and the Belgian structured communication
 * (mod 97). A failure is reported as `valid: false`, never refused: the full
 * reference toolkit (generation, national schemes, formatting) lives in `matching/`.
 *
 * @module
 */
import type { ReferenceScheme, StructuredReference } from './types.js';

/** How the file labels a reference: ISO code (`SCOR`), proprietary type (`QRR`), issuer. */
export interface ReferenceHint {
  readonly code?: string;
  readonly proprietary?: string;
  readonly issuer?: string;
}

/**
 * ISO 7064 mod 97-10 check of an ISO 11649 creditor reference (`RF18539007547034`).
 *
 * @example
 * isIso11649('RF18539007547034')
 * //=> true
 */
export function isIso11649(value: string): boolean {
  if (!/^RF\d{2}[0-9A-Z]{1,21}$/.test(value)) return false;
  const check = Number(value.slice(2, 4));
  if (check < 2 || check > 98) return false;
  const moved = value.slice(4) + value.slice(0, 4);
  let rest = 0;
  for (const ch of moved) {
    const digits = ch >= 'A' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const d of digits) rest = (rest * 10 + Number(d)) % 97;
  }
  return rest === 1;
}

const MOD10_TABLE = [0, 9, 4, 6, 8, 2, 7, 1, 3, 5];

/**
 * Recursive mod 10 check digit (Swiss QR and ESR references) of a digit string.
 *
 * @example
 * mod10Recursive('21000000000313947143000901')
 * //=> 7
 */
export function mod10Recursive(digits: string): number {
  let carry = 0;
  for (const d of digits) carry = MOD10_TABLE[(carry + Number(d)) % 10] ?? 0;
  return (10 - carry) % 10;
}

/**
 * True for a 27-digit Swiss QR reference (or 16/27-digit ESR) whose last digit checks.
 *
 * @example
 * isSwissReference('210000000003139471430009017')
 * //=> true
 */
export function isSwissReference(value: string, lengths: readonly number[] = [27]): boolean {
  if (!/^\d+$/.test(value) || !lengths.includes(value.length)) return false;
  return mod10Recursive(value.slice(0, -1)) === Number(value.slice(-1));
}

/**
 * True for a Belgian structured communication: 12 digits, the last two = first ten mod 97.
 *
 * @example
 * isBelgianReference('090933755493')
 * //=> true
 */
export function isBelgianReference(value: string): boolean {
  if (!/^\d{12}$/.test(value)) return false;
  const rest = Number(BigInt(value.slice(0, 10)) % 97n);
  return (rest === 0 ? 97 : rest) === Number(value.slice(10));
}

function schemeOf(value: string, hint: ReferenceHint): ReferenceScheme {
  const label = (hint.proprietary ?? '').toUpperCase();
  if (label === 'QRR' || label.startsWith('QR')) return 'qr';
  if (label.includes('ISR') || label.includes('ESR') || label === 'BVR') return 'esr';
  if (value.startsWith('RF')) return 'iso11649';
  if (hint.code === 'SCOR')
    return (hint.issuer ?? '').toUpperCase() === 'BBA' ? 'belgian' : 'iso11649';
  return 'other';
}

function checks(value: string, scheme: ReferenceScheme): boolean {
  switch (scheme) {
    case 'iso11649':
      return isIso11649(value);
    case 'qr':
      return isSwissReference(value);
    case 'esr':
      return isSwissReference(value, [16, 27]);
    case 'belgian':
      return isBelgianReference(value);
    default:
      return true;
  }
}

/**
 * Classifies a reference by how the file labels it and checks its digits. Spaces
 * are removed (`value` is that form), Belgian `+++123/4567/89012+++` punctuation
 * too; an RF reference is checked in upper case.
 *
 * @param raw - the reference as written in the file
 * @param hint - the file's label for it
 *
 * @example
 * structuredReference('RF18 5390 0754 7034', {})
 * //=> { value: 'RF18539007547034', scheme: 'iso11649', valid: true }
 */
export function structuredReference(raw: string, hint: ReferenceHint): StructuredReference {
  const compact = raw.replace(/\s+/g, '');
  const scheme = schemeOf(compact.toUpperCase(), hint);
  const value = scheme === 'belgian' ? compact.replace(/[+/*]/g, '') : compact;
  const checked = scheme === 'iso11649' ? value.toUpperCase() : value;
  return { value, scheme, valid: checks(checked, scheme) };
}
