/**
 * A first-come-first-served async lock, so that units of work sharing one store
 * object (and its one connection) never interleave.
 *
 * @module
 */

/** An async mutual-exclusion lock. */
export interface Mutex {
  /** Runs `fn` when every earlier holder has finished. */
  run<T>(fn: () => Promise<T>): Promise<T>;
}

/**
 * Creates an unlocked {@link Mutex}.
 *
 * @example
 * await createMutex().run(async () => 1)
 * //=> 1
 */
export function createMutex(): Mutex {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run<T>(fn: () => Promise<T>): Promise<T> {
      const result = tail.then(fn, fn);
      tail = result.then(
        () => undefined,
        () => undefined,
      );
      return result;
    },
  };
}
