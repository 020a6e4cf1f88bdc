/**
 * The store contract's concurrency cases: units of work on one store, and on two
 * stores over one database, serialise, so that ten (or six) read-then-update
 * increments of one record all land.
 *
 * @module
 */
import type { ReceivablesStore } from '../ports/store.js';
import { check, must, type TestRunner } from './runner.js';
import type { StoreContractOptions } from './store-contract.js';

/** One read-then-update increment of customer `N`'s name, in its own unit of work. */
function increment(store: ReceivablesStore) {
  return store.transaction(async (s) => {
    const current = must(await s.customers.get('N'), 'read');
    check(current, 'counter visible to the store');
    // Yield inside the unit of work, so an unserialised store would interleave.
    await new Promise((resolve) => setTimeout(resolve, 1));
    return s.customers.update({ id: 'N', name: String(Number(current.name) + 1) }, current.version);
  });
}

async function counterAfter(
  first: ReceivablesStore,
  stores: readonly ReceivablesStore[],
  reader: ReceivablesStore,
): Promise<string | undefined> {
  must(await first.transaction(async (s) => s.customers.insert({ id: 'N', name: '0' })), 'n');
  const results = await Promise.all(stores.map(increment));
  for (const r of results) must(r, 'each increment commits');
  return must(await reader.transaction(async (s) => s.customers.get('N')), 'read')?.name;
}

/**
 * Registers the concurrency cases of {@link storeContract} (called by it).
 *
 * @example
 * concurrencyCases(it, run, { create: () => createMemoryStore() });
 * //=> undefined (the tests are registered)
 */
export function concurrencyCases(
  it: TestRunner['it'],
  run: (body: (store: ReceivablesStore) => Promise<void>) => () => Promise<void>,
  options: StoreContractOptions,
): void {
  it(
    'serialises concurrent units of work on one store',
    run(async (store) => {
      const final = await counterAfter(
        store,
        Array.from({ length: 10 }, () => store),
        store,
      );
      check(final === '10', `ten serialised increments give 10, got ${final}`);
    }),
  );

  const createPair = options.createPair;
  if (!createPair) return;
  it('serialises units of work of two stores on one database', async () => {
    const [a, b] = await createPair();
    try {
      const final = await counterAfter(a, [a, b, a, b, a, b], b);
      check(final === '6', `six increments from two stores give 6, got ${final}`);
    } finally {
      await a.close();
      await b.close();
    }
  });
}
