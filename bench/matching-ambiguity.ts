/**
 * Whether a combined payment's amount has more than one explanation: some other
 * set of at most `maxItems` of the customer's open items (each at its open amount
 * or, while its discount is valid, its discounted amount) adds up to the same cent.
 * Written independently of the matcher's search, so that the benchmark's truth does
 * not lean on the code it measures: every set is split into its last two items (a
 * pair looked up by sum) and the items before them (enumerated).
 */

/** One open item: cents at its open amount, and discounted when a discount is valid. */
export interface Amounts {
  readonly full: number;
  readonly discounted?: number;
}

/**
 * How many sets of 2..maxItems items add up to `target` (counting stops at `limit`).
 *
 * @example
 * countSets([{ full: 100 }, { full: 200 }, { full: 300 }], 300, 3, 5)
 * //=> 1
 */
export function countSets(
  items: readonly Amounts[],
  target: number,
  maxItems: number,
  limit: number,
): number {
  const values = items.map((a) => (a.discounted === undefined ? [a.full] : [a.full, a.discounted]));
  const pairs = new Map<number, number[]>();
  for (let i = 0; i < values.length; i += 1) {
    for (let j = i + 1; j < values.length; j += 1) {
      for (const a of values[i]!) {
        for (const b of values[j]!) {
          const list = pairs.get(a + b) ?? [];
          list.push(i);
          pairs.set(a + b, list);
        }
      }
    }
  }
  let count = 0;
  const walk = (from: number, size: number, sum: number): void => {
    for (const first of pairs.get(target - sum) ?? []) if (first >= from) count += 1;
    if (size === maxItems - 2) return;
    for (let i = from; i < values.length && count < limit; i += 1) {
      for (const v of values[i]!) if (sum + v < target) walk(i + 1, size + 1, sum + v);
    }
  };
  walk(0, 0, 0);
  return count;
}
