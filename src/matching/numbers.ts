/**
 * Invoice numbers in free remittance text. People write `INV-2024-0117` as
 * `INV 2024/117`, `2024-0117`, `20240117` or `Inv.2024-117`, often several in one
 * line. Both the open items' numbers and the text are reduced to keys: the letter
 * prefix dropped, digit groups without leading zeros (`2024-117`), and all digits
 * run together (`20240117`). Text is read in whole tokens, longest span first, so
 * `INV-1` never matches inside `INV-10`. One-edit typos are found through a
 * deletion-neighbourhood index (every key with one character deleted), so a lookup
 * costs a few map reads, never a comparison with every invoice.
 *
 * @module
 */
import levenshtein from 'fast-levenshtein';
import { buildCodeIndex, type CodeIndex, codeValues } from './code-index.js';

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

/** A multimap kept small: one number, or an array once a second value arrives. */
export type MultiMap = Map<string, number | number[]>;

/**
 * Adds a value to a {@link MultiMap} (no duplicates).
 *
 * @example
 * addTo(map, 'k', 1); addTo(map, 'k', 2); map.get('k')
 * //=> [1, 2]
 */
export function addTo<K>(map: Map<K, number | number[]>, key: K, value: number): void {
  const existing = map.get(key);
  if (existing === undefined) map.set(key, value);
  else if (typeof existing === 'number') {
    if (existing !== value) map.set(key, [existing, value]);
  } else if (!existing.includes(value)) existing.push(value);
}

/**
 * The values of a key in a {@link MultiMap}.
 *
 * @example
 * valuesOf(new Map([['k', 1]]), 'k')
 * //=> [1]
 */
export function valuesOf<K>(map: Map<K, number | number[]>, key: K): readonly number[] {
  const v = map.get(key);
  return v === undefined ? [] : typeof v === 'number' ? [v] : v;
}

/**
 * The comparison key of an invoice number; undefined when it has no digits.
 *
 * @example
 * numberKey('INV-2024-0117')
 * //=> { prefix: 'INV', key: '2024-117', digits: '20240117', compact: 'INV20240117' }
 */
export function numberKey(written: string): NumberKey | undefined {
  const groups = written.toUpperCase().match(/[A-Z]+|\d+/g) ?? [];
  let i = 0;
  let prefix = '';
  while (i < groups.length && !/^\d/.test(groups[i]!)) prefix += groups[i++];
  const rest = groups.slice(i);
  if (rest.length === 0) return undefined;
  const key = rest.map((g) => (/^\d/.test(g) ? g.replace(/^0+(?=\d)/, '') : g)).join('-');
  const digits = rest
    .filter((g) => /^\d/.test(g))
    .join('')
    .replace(/^0+(?=\d)/, '');
  return { prefix, key, digits, compact: `${prefix}${rest.join('')}` };
}

/** Looks like a calendar date (2024-01-17, 17.01.2024, 17/01/24): never a loose match. */
function looksLikeDate(written: string): boolean {
  const numeric = written.replace(/^[^\d]+/, '');
  const g = numeric.match(/\d+/g) ?? [];
  if (g.length !== 3 || /[A-Za-z]/.test(numeric)) return false;
  const [a, b, c] = g.map(Number) as [number, number, number];
  const ymd = g[0]!.length === 4 && b >= 1 && b <= 12 && c >= 1 && c <= 31;
  const dmy = g[2]!.length >= 2 && a >= 1 && a <= 31 && b >= 1 && b <= 12;
  return ymd || dmy;
}

/** The open items' numbers, indexed three ways. */
export interface NumberIndex {
  readonly keys: readonly (NumberKey | undefined)[];
  readonly byKey: MultiMap;
  readonly byDigits: MultiMap;
  /** Every digits key of 4+ digits, and each of its one-deletion variants, as codes. */
  readonly byDeletion: CodeIndex;
}

/**
 * Builds the index over item numbers (position = item index).
 *
 * @example
 * buildNumberIndex(['INV-7']).byKey.get('7')
 * //=> 0
 */
export function buildNumberIndex(numbers: readonly (string | undefined)[]): NumberIndex {
  const keys = numbers.map((n) => (n === undefined ? undefined : numberKey(n)));
  const byKey: MultiMap = new Map();
  const byDigits: MultiMap = new Map();
  const codes: number[] = [];
  const owners: number[] = [];
  keys.forEach((k, item) => {
    if (k === undefined) return;
    addTo(byKey, k.key, item);
    addTo(byDigits, k.digits, item);
    if (k.digits.length >= 4 && k.digits.length <= MAX_TYPO_DIGITS) {
      for (const code of deletionCodes(k.digits)) {
        codes.push(code);
        owners.push(item);
      }
    }
  });
  return { keys, byKey, byDigits, byDeletion: buildCodeIndex(codes, owners) };
}

/** Digit strings longer than this are not typo-indexed (their codes would not be exact). */
const MAX_TYPO_DIGITS = 14;

/**
 * A digit string as one exact integer: its value times 32 plus its length, so that
 * `0123` and `123` stay apart. Integer map keys hash far faster than strings, which
 * matters for the hundreds of thousands of deletion variants of a large book.
 */
function codeOf(digits: readonly number[], skip: number): number {
  let value = 0;
  let length = 0;
  for (let i = 0; i < digits.length; i += 1) {
    if (i === skip) continue;
    value = value * 10 + digits[i]!;
    length += 1;
  }
  return value * 32 + length;
}

/** Codes of the digit string itself and of every string one deletion away. */
function deletionCodes(s: string): number[] {
  const digits = Array.from(s, (c) => c.charCodeAt(0) - 48);
  const out = [codeOf(digits, -1)];
  for (let i = 0; i < digits.length; i += 1) {
    // Deleting either of two equal neighbours gives the same string: keep one.
    if (i > 0 && digits[i] === digits[i - 1]) continue;
    out.push(codeOf(digits, i));
  }
  return out;
}

/** How an invoice number was found in text. */
export interface NumberHit {
  readonly item: number;
  readonly kind: 'exact' | 'loose' | 'typo';
  /** The text as written. */
  readonly written: string;
}

const SPLIT = /[\s,;:()[\]{}"'#|+&*]+/;

/**
 * Invoice numbers mentioned in a text: item indexes with how they were written.
 * Spans of up to three tokens are tried longest first; a token is used once.
 *
 * @example
 * findInvoiceNumbers(buildNumberIndex(['INV-7']), 'paid INV-7')[0]?.kind
 * //=> 'exact'
 */
export function findInvoiceNumbers(index: NumberIndex, text: string): NumberHit[] {
  const tokens = text
    .split(SPLIT)
    .map((t) => t.replace(/^[-./_]+|[-./_]+$/g, ''))
    .filter((t) => t !== '');
  const used = new Array<boolean>(tokens.length).fill(false);
  const hits: NumberHit[] = [];
  for (const pass of ['exact', 'typo'] as const) {
    for (let n = 3; n >= 1; n -= 1) {
      for (let i = 0; i + n <= tokens.length; i += 1) {
        if (used.slice(i, i + n).some(Boolean) || !/\d/.test(tokens[i + n - 1]!)) continue;
        const written = tokens.slice(i, i + n).join(' ');
        const found = pass === 'exact' ? lookupExact(index, written) : lookupTypo(index, written);
        if (found.length === 0) continue;
        used.fill(true, i, i + n);
        hits.push(...found);
      }
    }
  }
  return hits;
}

function lookupExact(index: NumberIndex, written: string): NumberHit[] {
  const k = numberKey(written);
  if (k === undefined) return [];
  const date = looksLikeDate(written);
  const items = new Set([...valuesOf(index.byKey, k.key), ...valuesOf(index.byDigits, k.digits)]);
  const hits: NumberHit[] = [];
  for (const item of items) {
    const own = index.keys[item]!;
    const exact = own.compact === k.compact && own.key === k.key;
    if (exact || !date) hits.push({ item, kind: exact ? 'exact' : 'loose', written });
  }
  return hits;
}

function lookupTypo(index: NumberIndex, written: string): NumberHit[] {
  const k = numberKey(written);
  const length = k?.digits.length ?? 0;
  if (k === undefined || length < 3 || length > MAX_TYPO_DIGITS + 1 || looksLikeDate(written)) {
    return [];
  }
  const items = new Set<number>();
  for (const code of deletionCodes(k.digits)) {
    for (const item of codeValues(index.byDeletion, code)) items.add(item);
  }
  const hits: NumberHit[] = [];
  for (const item of [...items].sort((a, b) => a - b)) {
    if (levenshtein.get(index.keys[item]!.digits, k.digits) === 1) {
      hits.push({ item, kind: 'typo', written });
    }
  }
  return hits;
}
