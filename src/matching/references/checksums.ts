/**
 * Check-digit arithmetic shared by the reference schemes: ISO 7064 MOD 97-10 over
 * alphanumerics (letters A=10 .. Z=35, as for IBANs), the Luhn MOD10 sum, the
 * Norwegian MOD11 sum (weights 2..7 from the right), the Finnish 7-3-1 sum and the
 * Swiss recursive modulo 10. Inputs are already normalised strings of the right
 * alphabet; callers validate the alphabet first.
 *
 * @module
 */

/**
 * The remainder of an alphanumeric string read as ISO 7064 digits, modulo 97.
 *
 * @example
 * mod97('539007547034RF18')
 * //=> 1
 */
export function mod97(alphanumeric: string): number {
  let remainder = 0;
  for (const ch of alphanumeric) {
    const code = ch.charCodeAt(0);
    const value = code >= 65 ? code - 55 : code - 48;
    remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
  }
  return remainder;
}

/**
 * The Luhn check digit for a digit string (weights 2, 1, 2... from the right).
 *
 * @example
 * luhnCheckDigit('234567')
 * //=> 6
 */
export function luhnCheckDigit(base: string): number {
  let sum = 0;
  for (let i = 0; i < base.length; i += 1) {
    const digit = base.charCodeAt(base.length - 1 - i) - 48;
    const weighted = i % 2 === 0 ? digit * 2 : digit;
    sum += weighted > 9 ? weighted - 9 : weighted;
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * The MOD11 check character (weights 2..7 repeating from the right): `0`..`9`, or
 * `-` when the remainder leaves 10 (no valid digit exists for such a base).
 *
 * @example
 * mod11CheckCharacter('1234')
 * //=> '3'
 */
export function mod11CheckCharacter(base: string): string {
  let sum = 0;
  for (let i = 0; i < base.length; i += 1) {
    sum += (base.charCodeAt(base.length - 1 - i) - 48) * ((i % 6) + 2);
  }
  const check = 11 - (sum % 11);
  if (check === 11) return '0';
  return check === 10 ? '-' : String(check);
}

/**
 * The Finnish reference check digit: weights 7, 3, 1 repeating from the right.
 *
 * @example
 * finnishCheckDigit('123456')
 * //=> 1
 */
export function finnishCheckDigit(base: string): number {
  const weights = [7, 3, 1];
  let sum = 0;
  for (let i = 0; i < base.length; i += 1) {
    sum += (base.charCodeAt(base.length - 1 - i) - 48) * weights[i % 3]!;
  }
  return (10 - (sum % 10)) % 10;
}

const RECURSIVE_TABLE = [0, 9, 4, 6, 8, 2, 7, 1, 3, 5];

/**
 * The Swiss QR/ESR check digit by recursive modulo 10.
 *
 * @example
 * recursiveMod10CheckDigit('00000000000000000000123456')
 * //=> 5
 */
export function recursiveMod10CheckDigit(base: string): number {
  let carry = 0;
  for (const ch of base) carry = RECURSIVE_TABLE[(carry + ch.charCodeAt(0) - 48) % 10]!;
  return (10 - carry) % 10;
}

/**
 * Splits a string into groups of `size`, counted from the left or from the right.
 *
 * @example
 * groupsOf('1511890656', 5, true)
 * //=> '15118 90656'
 */
export function groupsOf(value: string, size: number, fromRight = false): string {
  const groups: string[] = [];
  if (fromRight) {
    for (let end = value.length; end > 0; end -= size) {
      groups.unshift(value.slice(Math.max(0, end - size), end));
    }
  } else {
    for (let start = 0; start < value.length; start += size) {
      groups.push(value.slice(start, start + size));
    }
  }
  return groups.join(' ');
}
