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
import { looksLikeDate, type NumberKey, numberKey } from './number-key.js';

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

/** The open items' numbers, indexed three ways. */
export interface NumberIndex {
  readonly keys: readonly (NumberKey | undefined)[];
  readonly byKey: MultiMap;
  /** Digits keys the typo index does not hold (fewer than 4 or more than 14 digits). */
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
    if (k.digits.length < 4 || k.digits.length > MAX_TYPO_DIGITS) addTo(byDigits, k.digits, item);
    else {
      deletionCodes(k.digits, codes);
      while (owners.length < codes.length) owners.push(item);
    }
  });
  return { keys, byKey, byDigits, byDeletion: buildCodeIndex(codes, owners) };
}

/** Digit strings longer than this are not typo-indexed (their codes would not be exact). */
const MAX_TYPO_DIGITS = 14;

/**
 * Codes of a digit string and of every string one deletion away, appended to `out`.
 * A code is the string's value times 32 plus its length, so that `0123` and `123`
 * stay apart; integer keys hash far faster than strings, which matters for the
 * hundreds of thousands of deletion variants of a large book. Each deletion's value
 * is read from prefix and suffix values: linear in the length, not quadratic.
 */
function deletionCodes(s: string, out: number[]): void {
  const length = s.length;
  let whole = 0;
  for (let i = 0; i < length; i += 1) whole = whole * 10 + (s.charCodeAt(i) - 48);
  out.push(whole * 32 + length);
  let head = 0;
  let power = 10 ** (length - 1);
  let tail = whole;
  for (let i = 0; i < length; i += 1) {
    const digit = s.charCodeAt(i) - 48;
    tail -= digit * power;
    // Deleting either of two equal neighbours gives the same string: keep one.
    if (i === 0 || digit !== s.charCodeAt(i - 1) - 48) {
      out.push((head * power + tail) * 32 + length - 1);
    }
    head = head * 10 + digit;
    power /= 10;
  }
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
  const withDigit = tokens.map((t) => /\d/.test(t));
  const free = (i: number, n: number) => {
    for (let j = i; j < i + n; j += 1) if (used[j]) return false;
    return true;
  };
  // A span's key is the same in both passes: read once.
  const keys = new Map<string, NumberKey | undefined>();
  const keyOf = (written: string) => {
    if (!keys.has(written)) keys.set(written, numberKey(written));
    return keys.get(written);
  };
  const hits: NumberHit[] = [];
  for (const pass of ['exact', 'typo'] as const) {
    for (let n = 3; n >= 1; n -= 1) {
      for (let i = 0; i + n <= tokens.length; i += 1) {
        if (!withDigit[i + n - 1] || !free(i, n)) continue;
        const written = n === 1 ? tokens[i]! : tokens.slice(i, i + n).join(' ');
        const k = keyOf(written);
        if (k === undefined) continue;
        const found =
          pass === 'exact' ? lookupExact(index, written, k) : lookupTypo(index, written, k);
        if (found.length === 0) continue;
        used.fill(true, i, i + n);
        hits.push(...found);
      }
    }
  }
  return hits;
}

function lookupExact(index: NumberIndex, written: string, k: NumberKey): NumberHit[] {
  const date = looksLikeDate(written);
  const items = new Set(valuesOf(index.byKey, k.key));
  for (const item of digitsMatches(index, k.digits)) items.add(item);
  const hits: NumberHit[] = [];
  for (const item of items) {
    const own = index.keys[item]!;
    const exact = own.compact === k.compact && own.key === k.key;
    if (exact || !date) hits.push({ item, kind: exact ? 'exact' : 'loose', written });
  }
  return hits;
}

/** Items whose digits key is exactly `digits`. */
function digitsMatches(index: NumberIndex, digits: string): readonly number[] {
  if (digits.length < 4 || digits.length > MAX_TYPO_DIGITS) return valuesOf(index.byDigits, digits);
  // The typo index holds each item's own digits and their one-deletion variants under
  // the same codes: keep the items whose own digits these are.
  const codes: number[] = [];
  deletionCodes(digits, codes);
  return codeValues(index.byDeletion, codes[0]!).filter((i) => index.keys[i]!.digits === digits);
}

function lookupTypo(index: NumberIndex, written: string, k: NumberKey): NumberHit[] {
  const length = k.digits.length;
  if (length < 3 || length > MAX_TYPO_DIGITS + 1 || looksLikeDate(written)) {
    return [];
  }
  const items = new Set<number>();
  const codes: number[] = [];
  deletionCodes(k.digits, codes);
  for (const code of codes) {
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
