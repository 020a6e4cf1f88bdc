/**
 * Bounded subset search for combined payments: which of a customer's open items,
 * each taken at its open amount or (where a discount is still valid) at its
 * discounted amount, add up to the payment, allowing a shortfall of at most `slack`.
 *
 * The search goes level by level (number of items). A level of k items is searched
 * as every choice of k-2 items followed by a lookup, in a table of all item pairs
 * sorted by sum, of the pairs that complete it: a level costs as many steps as there
 * are (k-2)-item choices, not k-item ones. A level runs only when its full cost fits
 * in what is left of the step budget, so each level is either searched completely or
 * not at all, and the bound is a step count, never a clock: the same input gives the
 * same answer on any machine. Items are given oldest first; solutions list their
 * items in that order and are found oldest first.
 *
 * Amounts are whole minor units. They are searched as safe integers: the sum of
 * every value plus the target is checked to stay below 2^53 first, so each sum is
 * exact; larger books are not searched and the outcome says so.
 *
 * @module
 */
import { type PairTable, pairsInRange, pairTable } from './pairs.js';

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
  /** Solutions with sum in [target, target + slack]: fewer items first, then oldest. */
  readonly solutions: readonly { readonly picks: readonly Pick[]; readonly sum: bigint }[];
  /** True when some level could not be searched within the step budget. */
  readonly exhausted: boolean;
}

/** Items prepared once for several searches (exact, then with slack). */
export interface SearchSet {
  readonly amounts: readonly (readonly number[])[];
  /** False when the amounts are too large to be summed exactly as safe integers. */
  readonly safe: boolean;
  readonly total: bigint;
  /** Ways to choose one amount for each of two items: the steps the pair table costs. */
  readonly pairCount: number;
  /** Absent when the pair table alone would exceed the step budget. */
  readonly table?: PairTable;
}

/**
 * Prepares items for {@link searchCombinations}: amounts as safe integers and the
 * table of pairs, unless that table alone would cost more than `budget` steps.
 *
 * @example
 * prepareSearch([{ full: 100n, discounted: 98n }], 1000).amounts
 * //=> [[100, 98]]
 */
export function prepareSearch(values: readonly SearchValue[], budget: number): SearchSet {
  const total = values.reduce((s, v) => s + v.full, 0n);
  const safe = total <= BigInt(Number.MAX_SAFE_INTEGER);
  const amounts = safe
    ? values.map((v) =>
        v.discounted === undefined ? [Number(v.full)] : [Number(v.full), Number(v.discounted)],
      )
    : [];
  const pairCount = choices(
    amounts.map((a) => a.length),
    2,
  );
  const table = pairCount <= budget ? pairTable(amounts) : undefined;
  return { amounts, safe, total, pairCount, ...(table && { table }) };
}

/** Options of {@link searchCombinations}. */
export interface SearchOptions {
  readonly minItems: number;
  readonly maxItems: number;
  readonly budget: number;
  /** Stop after this many solutions (enough to know the answer is ambiguous). */
  readonly maxSolutions: number;
  /**
   * `fewest` (default): levels from the fewest items up, stopping once two solutions
   * are known (the amount is then ambiguous). `most`: from the most items down,
   * stopping at the first level with a solution (a payer who named the items).
   */
  readonly prefer?: 'fewest' | 'most';
}

/** Number of ways to choose `size` items, each in as many ways as it has amounts. */
function choices(variants: readonly number[], size: number): number {
  const e = new Array<number>(size + 1).fill(0);
  e[0] = 1;
  for (const w of variants) for (let j = size; j >= 1; j -= 1) e[j]! += e[j - 1]! * w;
  return e[size]!;
}

/**
 * Finds combinations of at least two items whose sum lies in [target, target + slack].
 *
 * @example
 * const set = prepareSearch([{ full: 100n }, { full: 50n }, { full: 30n }], 1000);
 * searchCombinations(set, 80n, 0n,
 *   { minItems: 2, maxItems: 3, budget: 1000, maxSolutions: 5 }).solutions.length
 * //=> 1
 */
export function searchCombinations(
  set: SearchSet,
  target: bigint,
  slack: bigint,
  options: SearchOptions,
): SearchOutcome {
  const { amounts } = set;
  if (!set.safe || set.total + target + slack > BigInt(Number.MAX_SAFE_INTEGER)) {
    return { solutions: [], exhausted: true };
  }
  const n = amounts.length;
  const lo = Number(target);
  const hi = Number(target + slack);
  const solutions: Solution[] = [];
  const top = Math.min(options.maxItems, n);
  const bottom = Math.max(2, options.minItems);
  if (top < bottom) return { solutions, exhausted: false };
  const variants = amounts.map((a) => a.length);
  let steps = set.pairCount;
  const table = set.table;
  if (table === undefined || steps > options.budget) return { solutions, exhausted: true };
  const levels: number[] = [];
  for (let k = bottom; k <= top; k += 1) levels.push(k);
  if (options.prefer === 'most') levels.reverse();
  let exhausted = false;
  for (const k of levels) {
    const cost = choices(variants, k - 2);
    if (steps + cost > options.budget) {
      exhausted = true;
      continue;
    }
    steps += cost;
    const found: Solution[] = [];
    const room = options.maxSolutions - solutions.length;
    if (k === 4) searchPairsOfPairs(table, lo, hi, found, room);
    else searchLevel(amounts, table, k - 2, lo, hi, found, room);
    solutions.push(...found.sort(lexicographic));
    if (solutions.length >= options.maxSolutions) break;
    if (options.prefer === 'most' ? solutions.length > 0 : solutions.length >= 2) break;
  }
  return { solutions, exhausted };
}

type Solution = { picks: Pick[]; sum: bigint };

/** Oldest items first: by positions, then full amounts before discounted ones. */
function lexicographic(a: Solution, b: Solution): number {
  for (let i = 0; i < Math.min(a.picks.length, b.picks.length); i += 1) {
    const x = a.picks[i]!;
    const y = b.picks[i]!;
    if (x.position !== y.position) return x.position - y.position;
    if (x.discounted !== y.discounted) return x.discounted ? 1 : -1;
  }
  return a.picks.length - b.picks.length;
}

function pickOf(table: PairTable, at: number): [Pick, Pick] {
  const flags = table.discounted[at]!;
  return [
    { position: table.first[at]!, discounted: (flags & 1) === 1 },
    { position: table.second[at]!, discounted: (flags & 2) === 2 },
  ];
}

/**
 * Four items as two pairs of the table, the first pair's items before the second's.
 * The pairs are walked by ascending sum while the window of sums that complete them
 * walks down, so the level costs one pass over the table, not a search per pair.
 */
function searchPairsOfPairs(
  table: PairTable,
  lo: number,
  hi: number,
  out: Solution[],
  max: number,
): void {
  const { sums } = table;
  const count = sums.length;
  // [start, end): the pairs whose sum lies in [lo - s, hi - s] for the current sum s.
  let end = count;
  let start = count;
  for (let x = 0; x < count && out.length < max; x += 1) {
    const s = sums[x]!;
    if (s + sums[0]! > hi) break;
    while (end > 0 && sums[end - 1]! > hi - s) end -= 1;
    while (start > 0 && sums[start - 1]! >= lo - s) start -= 1;
    const after = table.second[x]!;
    for (let y = start; y < end && out.length < max; y += 1) {
      if (table.first[y]! <= after) continue;
      out.push({ picks: [...pickOf(table, x), ...pickOf(table, y)], sum: BigInt(s + sums[y]!) });
    }
  }
}

/** Every choice of `size` items completed by a pair from the table into [lo, hi]. */
function searchLevel(
  amounts: readonly (readonly number[])[],
  table: PairTable,
  size: number,
  lo: number,
  hi: number,
  out: Solution[],
  max: number,
): void {
  const picks: Pick[] = [];
  const least = table.sums.length > 0 ? table.sums[0]! : 0;
  const visit = (from: number, sum: number): void => {
    if (picks.length === size) {
      for (const pair of pairsInRange(table, lo - sum, hi - sum, from)) {
        if (out.length >= max) return;
        const all = [...picks, ...pair.picks].sort((a, b) => a.position - b.position);
        out.push({ picks: all, sum: BigInt(sum + pair.sum) });
      }
      return;
    }
    for (let i = from; i < amounts.length && out.length < max; i += 1) {
      const options = amounts[i]!;
      for (let d = 0; d < options.length; d += 1) {
        const next = sum + options[d]!;
        if (next + least > hi) continue;
        picks.push({ position: i, discounted: d === 1 });
        visit(i + 1, next);
        picks.pop();
      }
    }
  };
  visit(0, 0);
}
