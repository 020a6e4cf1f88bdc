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

function refuse(i: number | undefined, message: string): Result<never, ReceivablesError> {
  const path = i === undefined ? ['buckets'] : ['buckets', i];
  return err(receivablesError('invalid_input', { issues: [{ path, message }] }, path));
}

/**
 * Resolves bucket bounds into buckets. The upper bounds must be whole days, strictly
 * increasing (no bound twice), and there must be at least one: for a single bucket
 * holding everything give `[{ to: Infinity, label: 'all' }]`. A bound below zero is
 * allowed and splits what is not yet due (`-30`: due in more than 30 days). Anything
 * else is an `invalid_input` error whose path names the offending bound (`buckets[2]`).
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
  if (!Array.isArray(specs)) return refuse(undefined, 'expected a list of upper bounds');
  if (specs.length === 0) {
    return refuse(undefined, 'give at least one upper bound (or [{ to: Infinity, label }])');
  }
  const buckets: AgingBucket[] = [];
  let from: number | null = null;
  for (const [i, spec] of specs.entries()) {
    const s: Partial<AgingBucketSpec> =
      typeof spec === 'number' ? { to: spec } : typeof spec === 'object' && spec ? spec : {};
    const to = s.to;
    if (s.label !== undefined && typeof s.label !== 'string') {
      return refuse(i, 'a bucket label must be a string');
    }
    if (to === Number.POSITIVE_INFINITY && i === specs.length - 1) {
      buckets.push({ label: s.label ?? labelOf(from, null), from, to: null });
      return ok(buckets);
    }
    if (typeof to !== 'number' || !Number.isSafeInteger(to)) {
      return refuse(i, 'a bucket bound must be a whole number of days');
    }
    if (from !== null && to < from) {
      return refuse(i, `bucket bounds must increase: ${to} is not above ${from - 1}`);
    }
    buckets.push({ label: s.label ?? labelOf(from, to), from, to });
    from = to + 1;
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
