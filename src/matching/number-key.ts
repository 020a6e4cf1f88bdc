/**
 * Invoice numbers reduced for comparison: `INV-2024-0117`, `INV 2024/117` and
 * `inv2024-117` all become prefix `INV`, groups `2024-117`, digits `20240117`. Read
 * by a hand-written scanner rather than regular expressions: every open item's
 * number and every span of remittance text goes through here, hundreds of thousands
 * of times in a large run.
 *
 * @module
 */

/** An invoice number reduced for comparison. */
export interface NumberKey {
  /** Letters before the first digit (`INV`). */
  readonly prefix: string;
  /** Groups after the prefix, digit groups without leading zeros: `2024-117`. */
  readonly key: string;
  /** All digits after the prefix run together, leading zeros dropped: `20240117`. */
  readonly digits: string;
  /** Prefix and groups as written, separators removed: `INV20240117`. */
  readonly compact: string;
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isLetter = (c: number) => c >= 65 && c <= 90;

/** Leading zeros dropped, one digit kept: `0017` -> `17`, `000` -> `0`. */
function withoutZeros(digits: string): string {
  let i = 0;
  while (i < digits.length - 1 && digits.charCodeAt(i) === 48) i += 1;
  return i === 0 ? digits : digits.slice(i);
}

/**
 * The comparison key of an invoice number; undefined when it has no digits. Groups
 * are runs of ASCII letters or digits after upper-casing; everything else separates.
 *
 * @example
 * numberKey('INV-2024-0117')
 * //=> { prefix: 'INV', key: '2024-117', digits: '20240117', compact: 'INV20240117' }
 */
export function numberKey(written: string): NumberKey | undefined {
  const upper = written.toUpperCase();
  const n = upper.length;
  let prefix = '';
  let key = '';
  let digits = '';
  let compact = '';
  let started = false;
  let i = 0;
  while (i < n) {
    const digit = isDigit(upper.charCodeAt(i));
    if (!digit && !isLetter(upper.charCodeAt(i))) {
      i += 1;
      continue;
    }
    let j = i + 1;
    while (j < n && (digit ? isDigit(upper.charCodeAt(j)) : isLetter(upper.charCodeAt(j)))) j += 1;
    const group = upper.slice(i, j);
    i = j;
    if (!started && !digit) {
      prefix += group;
      continue;
    }
    key += `${started ? '-' : ''}${digit ? withoutZeros(group) : group}`;
    started = true;
    compact += group;
    if (digit) digits += group;
  }
  if (!started) return undefined;
  return { prefix, key, digits: withoutZeros(digits), compact: `${prefix}${compact}` };
}

/**
 * Looks like a calendar date (2024-01-17, 17.01.2024, 17/01/24): never a loose match.
 *
 * @example
 * looksLikeDate('17.01.2024')
 * //=> true
 */
export function looksLikeDate(written: string): boolean {
  const numeric = written.replace(/^[^\d]+/, '');
  const g = numeric.match(/\d+/g) ?? [];
  if (g.length !== 3 || /[A-Za-z]/.test(numeric)) return false;
  const [a, b, c] = g.map(Number) as [number, number, number];
  const ymd = g[0]!.length === 4 && b >= 1 && b <= 12 && c >= 1 && c <= 31;
  const dmy = g[2]!.length >= 2 && a >= 1 && a <= 31 && b >= 1 && b <= 12;
  return ymd || dmy;
}
