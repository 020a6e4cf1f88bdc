/**
 * All pairs of items with their sums, sorted by sum, for the combination search:
 * the last two items of a combination are found by a binary search in this table
 * instead of by trying every pair again for every choice of the other items.
 * Amounts are whole minor units as safe integers (the caller checks the bound).
 *
 * @module
 */
import type { Pick } from './subset.js';

/** Pairs of items (first before second), each at one of its amounts, by ascending sum. */
export interface PairTable {
  readonly sums: Float64Array;
  readonly first: Int32Array;
  readonly second: Int32Array;
  /** Bit 0: the first item is at its discounted amount; bit 1: the second is. */
  readonly discounted: Uint8Array;
}

/**
 * Builds the table; ties in sum keep the order first item, second item, amounts.
 *
 * @example
 * Array.from(pairTable([[300], [100], [200]]).sums)
 * //=> [300, 400, 500]
 */
export function pairTable(amounts: readonly (readonly number[])[]): PairTable {
  let count = 0;
  for (let i = 0; i < amounts.length; i += 1) {
    for (let j = i + 1; j < amounts.length; j += 1)
      count += amounts[i]!.length * amounts[j]!.length;
  }
  const sums = new Float64Array(count);
  const first = new Int32Array(count);
  const second = new Int32Array(count);
  const flags = new Uint8Array(count);
  let k = 0;
  let largest = 0;
  for (let i = 0; i < amounts.length; i += 1) {
    const a = amounts[i]!;
    for (let j = i + 1; j < amounts.length; j += 1) {
      const b = amounts[j]!;
      for (let di = 0; di < a.length; di += 1) {
        for (let dj = 0; dj < b.length; dj += 1) {
          const sum = a[di]! + b[dj]!;
          if (sum > largest) largest = sum;
          sums[k] = sum;
          first[k] = i;
          second[k] = j;
          flags[k] = di | (dj << 1);
          k += 1;
        }
      }
    }
  }
  const order = sortedOrder(sums, largest);
  const table: PairTable = {
    sums: new Float64Array(count),
    first: new Int32Array(count),
    second: new Int32Array(count),
    discounted: new Uint8Array(count),
  };
  for (let at = 0; at < count; at += 1) {
    const from = order[at]!;
    table.sums[at] = sums[from]!;
    table.first[at] = first[from]!;
    table.second[at] = second[from]!;
    table.discounted[at] = flags[from]!;
  }
  return table;
}

/** Positions of `sums` by ascending sum, ties by position. */
function sortedOrder(sums: Float64Array, largest: number): Int32Array {
  const count = sums.length;
  const order = new Int32Array(count);
  if ((largest + 1) * count <= Number.MAX_SAFE_INTEGER) {
    // Sum and position packed in one exact integer: the engine's numeric sort, no callback.
    const keys = new Float64Array(count);
    for (let k = 0; k < count; k += 1) keys[k] = sums[k]! * count + k;
    keys.sort();
    for (let k = 0; k < count; k += 1) order[k] = keys[k]! % count;
    return order;
  }
  const positions = Array.from({ length: count }, (_, k) => k);
  positions.sort((a, b) => sums[a]! - sums[b]! || a - b);
  return Int32Array.from(positions);
}

/** First position in the sorted sums at or above `value`. */
function lowerBound(sums: Float64Array, value: number): number {
  let lo = 0;
  let hi = sums.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sums[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The pairs whose sum lies in [lo, hi] and whose items both come at or after `from`.
 *
 * @example
 * pairsInRange(pairTable([[300], [100], [200]]), 350, 450, 0).map((p) => p.sum)
 * //=> [400]
 */
export function pairsInRange(
  table: PairTable,
  lo: number,
  hi: number,
  from: number,
): { sum: number; picks: [Pick, Pick] }[] {
  const out: { sum: number; picks: [Pick, Pick] }[] = [];
  for (let k = lowerBound(table.sums, lo); k < table.sums.length; k += 1) {
    const sum = table.sums[k]!;
    if (sum > hi) break;
    if (table.first[k]! < from) continue;
    const flags = table.discounted[k]!;
    out.push({
      sum,
      picks: [
        { position: table.first[k]!, discounted: (flags & 1) === 1 },
        { position: table.second[k]!, discounted: (flags & 2) === 2 },
      ],
    });
  }
  return out;
}
