/**
 * Idempotency keys for dunning actions. A key names what the action does: which
 * customer, in which currency, which items, each at which level. It deliberately
 * leaves out the run's date and time: each (item, level) is actioned at most once,
 * so the content alone is unique, and a retry of a crashed run after midnight must
 * produce the same key for the mailer and the ledger to recognise it.
 *
 * @module
 */

const fnv1a = (text: string, seed: number): number => {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
};

// Two hex digits per byte from a table: Number#toString(16) is slow on this path.
const BYTE = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));
const hex = (n: number): string =>
  BYTE[n >>> 24]! + BYTE[(n >>> 16) & 255]! + BYTE[(n >>> 8) & 255]! + BYTE[n & 255]!;

/**
 * A 64-bit digest (two FNV-1a hashes with different offsets) as 16 hex digits:
 * deterministic on every machine, not a security hash.
 *
 * @example
 * digest64('').length
 * //=> 16
 */
export function digest64(text: string): string {
  return hex(fnv1a(text, 0x811c9dc5)) + hex(fnv1a(text, 0x050c5d1f));
}

/**
 * The idempotency key of a dunning action: a readable prefix and a 64-bit digest of
 * the customer, currency and the sorted (item, level) pairs.
 *
 * @example
 * dunningActionKey('C1', 'EUR', [{ itemId: 'INV-3', level: 1 }]).startsWith('dun:C1:EUR:L1:')
 * //=> true
 */
export function dunningActionKey(
  customerId: string,
  currency: string,
  items: readonly { readonly itemId: string; readonly level: number }[],
): string {
  const pairs = items
    .map((i) => [i.itemId, i.level] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
  const canonical = JSON.stringify([customerId, currency, pairs]);
  const digest = digest64(canonical);
  const level = Math.max(...pairs.map((p) => p[1]));
  const readable = customerId.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 40);
  return `dun:${readable}:${currency}:L${level}:${digest}`;
}
