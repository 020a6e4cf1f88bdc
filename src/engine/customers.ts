/**
 * Customers: add one, or change one at the version it was read at.
 *
 * @module
 */
import { err, ok, type Result, safeTry } from 'neverthrow';
import { fromZodError, type ReceivablesError } from '../errors/index.js';
import { customerSchema } from '../ledger/schema.js';
import type { Customer } from '../ledger/types.js';
import type { Stored } from '../ports/records.js';
import type { ReceivablesDeps } from './types.js';

/**
 * Adds a customer, or replaces it when it exists and is unchanged since
 * `expectedVersion` (without one, an existing customer is returned as it is).
 *
 * @example
 * (await saveCustomer(deps, { id: 'C1', name: 'Acme GmbH' })).map((c) => c.version)
 * //=> Ok(1)
 */
export async function saveCustomer(
  deps: ReceivablesDeps,
  input: unknown,
  expectedVersion?: number,
): Promise<Result<Stored<Customer>, ReceivablesError>> {
  const parsed = customerSchema.safeParse(input);
  if (!parsed.success) return err(fromZodError(parsed.error));
  const customer = parsed.data;
  return deps.store.transaction(async (s) =>
    safeTry(async function* () {
      const existing = yield* await s.customers.get(customer.id);
      if (!existing) return s.customers.insert(customer);
      if (expectedVersion === undefined) return ok(existing);
      return s.customers.update(customer, expectedVersion);
    }),
  );
}
