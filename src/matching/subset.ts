/**
 * Bounded subset search for combined payments: which of a customer's open items,
 * each taken at its open amount or (where a discount is still valid) at its
 * discounted amount, add up to the payment, allowing a shortfall of at most
 * `slack`. At most `maxItems` items, at most `budget` search steps: the bound is a
 * step count, not a clock, so the same input always gives the same answer on any
 * machine. Items are tried largest first (ties by position), and each solution lists
 * its items in the order given (oldest first), so results are deterministic.
 *
 * @module
 */

/** One item as the search sees it: its open amount and, optionally, a discounted amount. */
export interface SearchValue {
  readonly full: bigint;
  readonly discounted?: bigint;
}

/** One way to pick items: positions in the input and whether each is discounted. */
export interface Pick {
  readonly position: number;
  readonly discounted: boolean;
}

/** What the search found. */
export interface SearchOutcome {
  /** Solutions with sum in [target, target + slack], in search order. */
  readonly solutions: readonly { readonly picks: readonly Pick[]; readonly sum: bigint }[];
  /** True when the step budget ran out before the search was complete. */
  readonly exhausted: boolean;
}

/** Options of {@link searchCombinations}. */
export interface SearchOptions {
  readonly minItems: number;
  readonly maxItems: number;
  readonly budget: number;
  /** Stop after this many solutions (enough to know the answer is ambiguous). */
  readonly maxSolutions: number;
}

/**
 * Finds combinations of items whose sum lies in [target, target + slack].
 *
 * @example
 * searchCombinations([{ full: 100n }, { full: 50n }, { full: 30n }], 80n, 0n,
 *   { minItems: 2, maxItems: 3, budget: 1000, maxSolutions: 5 }).solutions.length
 * //=> 1
 */
export function searchCombinations(
  values: readonly SearchValue[],
  target: bigint,
  slack: bigint,
  options: SearchOptions,
): SearchOutcome {
  // Largest first, so that "the next few items" are the largest left: the sum of the
  // next `slots` open amounts bounds what any branch can still reach.
  const order = values
    .map((v, position) => ({ v, position }))
    .sort((a, b) => (b.v.full > a.v.full ? 1 : b.v.full < a.v.full ? -1 : a.position - b.position));
  const n = order.length;
  const prefix: bigint[] = [0n];
  for (const { v } of order) prefix.push(prefix[prefix.length - 1]! + v.full);
  const solutions: { picks: Pick[]; sum: bigint }[] = [];
  const picks: Pick[] = [];
  const upper = target + slack;
  let steps = 0;
  let exhausted = false;

  const visit = (from: number, sum: bigint): void => {
    const slots = options.maxItems - picks.length;
    for (let i = from; i < n; i += 1) {
      if (solutions.length >= options.maxSolutions || exhausted) return;
      if (sum + prefix[Math.min(n, i + slots)]! - prefix[i]! < target) return;
      const { v, position } = order[i]!;
      const smallest = v.discounted ?? v.full;
      if (sum + smallest > upper) continue;
      steps += 1;
      if (steps > options.budget) {
        exhausted = true;
        return;
      }
      const choices: [bigint, boolean][] = [[v.full, false]];
      if (v.discounted !== undefined) choices.push([v.discounted, true]);
      for (const [amount, discounted] of choices) {
        const next = sum + amount;
        if (next > upper) continue;
        picks.push({ position, discounted });
        if (next >= target && picks.length >= options.minItems) {
          const sorted = [...picks].sort((a, b) => a.position - b.position);
          solutions.push({ picks: sorted, sum: next });
        } else if (picks.length < options.maxItems) {
          visit(i + 1, next);
        }
        picks.pop();
        if (exhausted || solutions.length >= options.maxSolutions) return;
      }
    }
  };
  visit(0, 0n);
  return { solutions, exhausted };
}
