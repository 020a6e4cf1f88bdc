/**
 * The little a contract suite needs from a test runner: `describe` and `it`, as
 * vitest, jest, mocha and `node:test` all have them. Assertions are plain throws,
 * so no runner's `expect` is needed.
 *
 * @module
 */
import type { Result } from 'neverthrow';
import type { ErrorCode, ReceivablesError } from '../errors/index.js';

/** `describe` and `it` of any test runner. */
export interface TestRunner {
  readonly describe: (name: string, body: () => void) => void;
  readonly it: (name: string, body: () => Promise<void>) => void;
}

/** Thrown when a contract does not hold. */
export class ContractViolation extends Error {
  override readonly name = 'ContractViolation';
}

/**
 * Throws a {@link ContractViolation} unless `condition` holds.
 *
 * @example
 * check(1 + 1 === 2, 'arithmetic')
 * //=> undefined
 */
export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new ContractViolation(message);
}

/**
 * The value of an `Ok`, or a {@link ContractViolation} naming the error.
 *
 * @example
 * must(ok(3), 'three')
 * //=> 3
 */
export function must<T>(result: Result<T, ReceivablesError>, what: string): T {
  if (result.isErr()) {
    throw new ContractViolation(
      `${what}: expected Ok, got ${result.error.code}: ${result.error.message}`,
    );
  }
  return result.value;
}

/**
 * Checks that a result is an `Err` with the given code.
 *
 * @example
 * mustFail(err(receivablesError('conflict', { kind: 'x', id: '1', expectedVersion: 1 })),
 *   'conflict', 'stale write')
 * //=> undefined
 */
export function mustFail<T>(
  result: Result<T, ReceivablesError>,
  code: ErrorCode,
  what: string,
): void {
  if (result.isOk()) throw new ContractViolation(`${what}: expected ${code}, got Ok`);
  check(result.error.code === code, `${what}: expected ${code}, got ${result.error.code}`);
}

/**
 * Checks deep equality of two JSON values.
 *
 * @example
 * checkJsonEqual({ a: '1.00' }, { a: '1.00' }, 'amount')
 * //=> undefined
 */
export function checkJsonEqual(actual: unknown, expected: unknown, what: string): void {
  const a = JSON.stringify(sortKeys(actual));
  const e = JSON.stringify(sortKeys(expected));
  check(a === e, `${what}: expected ${e}, got ${a}`);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]));
}
