/**
 * Aging buckets: consecutive ranges of whole days that together cover every day from
 * minus to plus infinity, so that each open item falls in exactly one of them.
 *
 * A bucket list is given by the inclusive upper bound of each bucket but the last;
 * each bucket starts the day after the previous one ends. The first bucket has no
 * lower bound (it also holds what is not due yet), the last has no upper bound. The
 * default `[0, 30, 60, 90, 120]` gives `current` (not yet due or due today: 0 days
 * past due or fewer), `1-30`, `31-60`, `61-90`, `91-120` and `over 120`: an item 30
 * days past due is in `1-30`, one 31 days past due in `31-60`.
 *
 * @module
 */
import { err, ok, type Result } from 'neverthrow';
import { type ReceivablesError, receivablesError } from '../errors/index.js';

/** One bucket as given by a caller: its inclusive upper bound in days, and a label. */
export interface AgingBucketSpec {
  /** Last day (inclusive) of the bucket. */
  readonly to: number;
  /** Column label; derived from the bounds when absent. */
  readonly label?: string;
}

/** A resolved bucket: inclusive day bounds, `null` for an open end. */
export interface AgingBucket {
  readonly label: string;
  /** First day (inclusive); `null` for the first bucket (no lower bound). */
  readonly from: number | null;
  /** Last day (inclusive); `null` for the last bucket (no upper bound). */
  readonly to: number | null;
}

/** The default upper bounds: current, 1-30, 31-60, 61-90, 91-120, over 120. */
export const DEFAULT_BUCKET_BOUNDS: readonly number[] = [0, 30, 60, 90, 120];

function labelOf(from: number | null, to: number | null): string {
  if (from === null) return to === 0 ? 'current' : `up to ${to}`;
  if (to === null) return `over ${from - 1}`;
  return from === to ? `${from}` : `${from}-${to}`;
}

/**
 * Resolves bucket bounds into buckets; an upper bound list must be whole numbers,
 * strictly increasing.
 *
 * @param specs - inclusive upper bounds (numbers or `{ to, label }`), one per bucket but
 *   the last; an optional final label may be given as `{ to: Infinity, label }`
 *
 * @example
 * resolveBuckets([30, 60]).map((bs) => bs.map((b) => b.label))
 * //=> Ok(['up to 30', '31-60', 'over 60'])
 */
export function resolveBuckets(
  specs: readonly (number | AgingBucketSpec)[] = DEFAULT_BUCKET_BOUNDS,
): Result<AgingBucket[], ReceivablesError> {
  const buckets: AgingBucket[] = [];
  let from: number | null = null;
  for (const [i, spec] of specs.entries()) {
    const s = typeof spec === 'number' ? { to: spec } : spec;
    if (s.to === Number.POSITIVE_INFINITY && i === specs.length - 1) {
      buckets.push({ label: s.label ?? labelOf(from, null), from, to: null });
      return ok(buckets);
    }
    if (!Number.isSafeInteger(s.to) || (from !== null && s.to < from)) {
      const reason = `bucket bounds must be whole days in increasing order (at ${i})`;
      return err(receivablesError('invalid_policy', { reason }, ['buckets', i]));
    }
    buckets.push({ label: s.label ?? labelOf(from, s.to), from, to: s.to });
    from = s.to + 1;
  }
  buckets.push({ label: labelOf(from, null), from, to: null });
  return ok(buckets);
}

/**
 * The index of the bucket that holds a day count, given the buckets' upper bounds.
 *
 * @example
 * bucketIndex([0, 30, 60], 30)
 * //=> 1
 */
export function bucketIndex(uppers: readonly number[], days: number): number {
  let i = 0;
  while (i < uppers.length && days > uppers[i]!) i += 1;
  return i;
}
