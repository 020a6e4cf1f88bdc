/**
 * Clocks and id sources: the system ones for production, and a manual clock and
 * counting ids that make a whole engine run repeatable in tests.
 *
 * @module
 */
import { randomUUID } from 'node:crypto';
import type { Clock, IdSource } from '../../ports/system.js';

/** The machine's clock. */
export const systemClock: Clock = { now: () => new Date() };

/** Random UUIDs, prefixed by the kind of record. */
export const uuidIds: IdSource = { next: (kind) => `${kind}-${randomUUID()}` };

/** A clock that moves only when told to. */
export interface ManualClock extends Clock {
  /** Moves the clock forward by `ms` milliseconds. */
  advance(ms: number): void;
  /** Sets the clock to an instant. */
  set(instant: string | Date): void;
}

/**
 * A clock standing still at `start` until moved.
 *
 * @example
 * const clock = manualClock('2024-03-01T09:00:00Z');
 * clock.advance(60_000);
 * clock.now().toISOString()
 * //=> '2024-03-01T09:01:00.000Z'
 */
export function manualClock(start: string | Date): ManualClock {
  let now = new Date(start).getTime();
  return {
    now: () => new Date(now),
    advance: (ms) => {
      now += ms;
    },
    set: (instant) => {
      now = new Date(instant).getTime();
    },
  };
}

/**
 * Ids `kind-1`, `kind-2`, ... counted per kind, optionally with a prefix (give two
 * engines on one store different prefixes).
 *
 * @example
 * const ids = counterIds();
 * [ids.next('allocation'), ids.next('allocation'), ids.next('outbox')]
 * //=> ['allocation-1', 'allocation-2', 'outbox-1']
 */
export function counterIds(prefix = ''): IdSource {
  const counts = new Map<string, number>();
  return {
    next(kind) {
      const n = (counts.get(kind) ?? 0) + 1;
      counts.set(kind, n);
      return `${prefix}${kind}-${n}`;
    },
  };
}
