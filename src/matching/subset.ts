/**
 * Bounded subset search for combined payments: which of a customer's open items,
 * each taken at its open amount or (where a discount is still valid) at its
 * discounted amount, add up to the payment, allowing a shortfall of at most
 * `slack`. At most `maxItems` items, at most `budget` search steps: the bound is a
 * step count, not a clock, so the same input always gives the same answer on any
 * machine. Items are tried in the order given (oldest first), so solutions come out
 * in a deterministic order.
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
  const n = values.length;
  // The most the items from position i on can add: prunes branches that cannot
  // reach the target any more.
  const suffixMax: bigint[] = new Array(n + 1).fill(0n);
  for (let i = n - 1; i >= 0; i -= 1) suffixMax[i] = suffixMax[i + 1]! + values[i]!.full;
  const solutions: { picks: Pick[]; sum: bigint }[] = [];
  const picks: Pick[] = [];
  const upper = target + slack;
  let steps = 0;
  let exhausted = false;

  const visit = (from: number, sum: bigint): void => {
    for (let i = from; i < n; i += 1) {
      if (solutions.length >= options.maxSolutions) return;
      if (sum + suffixMax[i]! < target) return;
      steps += 1;
      if (steps > options.budget) {
        exhausted = true;
        return;
      }
      const v = values[i]!;
      const choices: [bigint, boolean][] = [[v.full, false]];
      if (v.discounted !== undefined) choices.push([v.discounted, true]);
      for (const [amount, discounted] of choices) {
        const next = sum + amount;
        if (next > upper) continue;
        picks.push({ position: i, discounted });
        if (next >= target && picks.length >= options.minItems) {
          solutions.push({ picks: [...picks], sum: next });
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
