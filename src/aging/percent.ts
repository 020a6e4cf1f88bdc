/**
 * Percentages of a total that add up to exactly 100.00: each share is floored to a
 * hundredth of a percent and the hundredths left over go, one each, to the shares with
 * the largest remainders (ties to the earlier bucket). Exact in bigint arithmetic;
 * shares may be negative (unapplied cash in its own bucket), the total may not be zero.
 *
 * @module
 */
import { formatUnits, type Units } from '../ledger/units.js';

const WHOLE = 10_000n;

/**
 * The percentage of `total` that each part is, as strings with two decimals adding up
 * to `"100.00"`; undefined when the total is zero.
 *
 * @example
 * percentagesOf([1, 1, 1], 3)
 * //=> ['33.34', '33.33', '33.33']
 */
export function percentagesOf(parts: readonly Units[], total: Units): string[] | undefined {
  let t = BigInt(total);
  if (t === 0n) return undefined;
  const sign = t < 0n ? -1n : 1n;
  t *= sign;

  const floors: bigint[] = [];
  const rests: bigint[] = [];
  let handed = 0n;
  for (const part of parts) {
    const n = BigInt(part) * sign * WHOLE;
    let q = n / t;
    if (n % t !== 0n && n < 0n) q -= 1n;
    floors.push(q);
    rests.push(n - q * t);
    handed += q;
  }
  const order = rests
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (b.r > a.r ? 1 : b.r < a.r ? -1 : a.i - b.i));
  for (let k = 0; k < Number(WHOLE - handed); k++) {
    const at = order[k]!.i;
    floors[at] = floors[at]! + 1n;
  }
  return floors.map((q) => formatUnits(q, 2));
}
