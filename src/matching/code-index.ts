/**
 * A multimap from exact integer codes to item indexes, in flat typed arrays with
 * open addressing. The one-edit typo index of a large book holds about six codes per
 * invoice: a `Map` of a million number keys costs seconds and much garbage to build,
 * these arrays a few milliseconds. Codes are non-negative safe integers.
 *
 * @module
 */

/** The index: slots keyed by code, each with a chain of entries. */
export interface CodeIndex {
  readonly mask: number;
  /** Code held by each slot; -1 when the slot is empty. */
  readonly keys: Float64Array;
  /** First entry of each slot's chain; -1 when empty. */
  readonly heads: Int32Array;
  /** Next entry in the same chain; -1 at the end. */
  readonly next: Int32Array;
  /** The value (item index) of each entry. */
  readonly values: Int32Array;
}

const TWO_32 = 4294967296;

/** A slot for a code: both 32-bit halves mixed, then masked. */
function hashOf(code: number, mask: number): number {
  const lo = code >>> 0;
  const hi = (code / TWO_32) >>> 0;
  let h = Math.imul(lo, 0x9e3779b1) ^ Math.imul(hi, 0x85ebca6b);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  return h & mask;
}

function slotFor(index: CodeIndex, code: number): number {
  let slot = hashOf(code, index.mask);
  while (index.keys[slot] !== -1 && index.keys[slot] !== code) slot = (slot + 1) & index.mask;
  return slot;
}

/**
 * Builds the index from parallel lists: entry i maps `codes[i]` to `values[i]`.
 * Entries are expected without duplicate (code, value) pairs.
 *
 * @example
 * codeValues(buildCodeIndex([7, 7, 9], [0, 1, 2]), 7)
 * //=> [0, 1]
 */
export function buildCodeIndex(codes: readonly number[], values: readonly number[]): CodeIndex {
  // Many codes repeat (a deletion shared by several numbers): one slot per code is
  // ample, and a smaller table stays in cache.
  let size = 16;
  while (size < codes.length + 1) size *= 2;
  const index: CodeIndex = {
    mask: size - 1,
    keys: new Float64Array(size).fill(-1),
    heads: new Int32Array(size).fill(-1),
    next: new Int32Array(codes.length),
    values: new Int32Array(values),
  };
  // Inserted last to first, so that each chain lists its values in input order.
  for (let entry = codes.length - 1; entry >= 0; entry -= 1) {
    const slot = slotFor(index, codes[entry]!);
    index.keys[slot] = codes[entry]!;
    index.next[entry] = index.heads[slot]!;
    index.heads[slot] = entry;
  }
  return index;
}

/**
 * The values stored under a code, in input order (empty when there are none).
 *
 * @example
 * codeValues(buildCodeIndex([7], [3]), 8)
 * //=> []
 */
export function codeValues(index: CodeIndex, code: number): number[] {
  const out: number[] = [];
  for (let e = index.heads[slotFor(index, code)]!; e !== -1; e = index.next[e]!) {
    out.push(index.values[e]!);
  }
  return out;
}
