/**
 * The contract suite for a {@link ReceivablesStore}: every guarantee the port
 * documents, as tests a host runs against its own implementation with its own
 * runner. The shipped memory and SQLite stores pass it in this project's CI.
 *
 * @module
 */
import { err, ok } from 'neverthrow';
import { receivablesError } from '../errors/index.js';
import type { OutboxRecord } from '../ports/records.js';
import type { ReceivablesStore } from '../ports/store.js';
import { check, checkJsonEqual, must, mustFail, type TestRunner } from './runner.js';
import { concurrencyCases } from './store-contract-concurrency.js';

/** How the suite gets stores to test. */
export interface StoreContractOptions {
  /** A new, empty store for each test. */
  readonly create: () => Promise<ReceivablesStore> | ReceivablesStore;
  /**
   * Two stores over the SAME empty database (two connections, two processes'
   * worth), to check that their units of work serialise. Omit when the store
   * cannot be opened twice.
   */
  readonly createPair?: () => Promise<readonly [ReceivablesStore, ReceivablesStore]>;
}

const customer = { id: 'C1', name: 'Acme GmbH & Co. KG', email: 'ap@acme.example' };

function outbox(id: string, key: string): OutboxRecord {
  return {
    id,
    key,
    kind: 'invoice',
    customerId: 'C1',
    message: { to: ['ap@acme.example'], subject: 'Invoice', text: 'Hello' },
    status: 'pending',
    attempts: 0,
    nextAttemptAt: '2024-01-01T00:00:00.000Z',
    createdAt: '2024-01-01T00:00:00.000Z',
  };
}

const invoice = {
  id: 'INV-1',
  number: '2024-0001',
  customerId: 'C1',
  currency: 'EUR',
  issueDate: '2024-01-10',
  dueDate: '2024-02-09',
  amount: '12345678901234567890.123456789',
};

async function using(
  create: StoreContractOptions['create'],
  body: (store: ReceivablesStore) => Promise<void>,
): Promise<void> {
  const store = await create();
  try {
    await body(store);
  } finally {
    await store.close();
  }
}

/**
 * Registers the store contract suite with a runner.
 *
 * @example
 * import { describe, it } from 'vitest';
 * storeContract({ describe, it }, { create: () => createMemoryStore() });
 * //=> undefined (the tests are registered)
 */
export function storeContract(runner: TestRunner, options: StoreContractOptions): void {
  const { describe, it } = runner;
  const run = (body: (store: ReceivablesStore) => Promise<void>) => () =>
    using(options.create, body);

  describe('ReceivablesStore contract', () => {
    it(
      'inserts at version 1 and reads back exactly what was written',
      run(async (store) => {
        must(await store.transaction(async (s) => s.customers.insert(customer)), 'insert customer');
        const stored = must(
          await store.transaction(async (s) => s.invoices.insert(invoice)),
          'insert',
        );
        check(stored.version === 1, `version after insert is ${stored.version}, not 1`);
        const read = must(await store.transaction(async (s) => s.invoices.get('INV-1')), 'get');
        checkJsonEqual(read, { ...invoice, version: 1 }, 'invoice read back');
        const missing = must(await store.transaction(async (s) => s.invoices.get('nope')), 'get');
        check(missing === undefined, 'a missing id reads as undefined');
      }),
    );

    it(
      'bumps the version on update and refuses a stale write',
      run(async (store) => {
        must(await store.transaction(async (s) => s.customers.insert(customer)), 'insert');
        const renamed = { ...customer, name: 'Acme AG' };
        const v2 = must(
          await store.transaction(async (s) => s.customers.update(renamed, 1)),
          'update at version 1',
        );
        check(v2.version === 2, `version after update is ${v2.version}, not 2`);
        const stale = await store.transaction(async (s) =>
          s.customers.update({ ...customer, name: 'Stale' }, 1),
        );
        mustFail(stale, 'conflict', 'update at a stale version');
        const read = must(await store.transaction(async (s) => s.customers.get('C1')), 'get');
        check(read?.name === 'Acme AG' && read.version === 2, 'a stale write changes nothing');
        const missing = await store.transaction(async (s) =>
          s.customers.update({ id: 'C9', name: 'Nobody' }, 1),
        );
        mustFail(missing, 'not_found', 'update of a missing record');
      }),
    );

    it(
      'keeps ids and idempotency keys unique',
      run(async (store) => {
        must(await store.transaction(async (s) => s.customers.insert(customer)), 'insert');
        mustFail(
          await store.transaction(async (s) => s.customers.insert(customer)),
          'duplicate_id',
          'second insert of an id',
        );
        must(await store.transaction(async (s) => s.outbox.insert(outbox('O1', 'k1'))), 'outbox');
        mustFail(
          await store.transaction(async (s) => s.outbox.insert(outbox('O2', 'k1'))),
          'duplicate_key',
          'second outbox message with the same key',
        );
        must(
          await store.transaction(async (s) => s.outbox.insert(outbox('O2', 'k2'))),
          'other key',
        );
        mustFail(
          await store.transaction(async (s) => s.outbox.update(outbox('O2', 'k1'), 1)),
          'duplicate_key',
          'update to a key already taken',
        );
        const payment = { id: 'P1', customerId: 'C1', currency: 'EUR', date: '2024-01-02' };
        const p = { ...payment, amount: '10.00', transactionId: 'TX-1' };
        must(await store.transaction(async (s) => s.payments.insert(p)), 'payment');
        mustFail(
          await store.transaction(async (s) => s.payments.insert({ ...p, id: 'P2' })),
          'duplicate_key',
          'second payment from the same bank transaction',
        );
        // One dunning action posts a fee and interest under the same action key.
        const charge = { customerId: 'C1', currency: 'EUR', date: '2024-01-02' };
        const fee = { ...charge, id: 'dun:C1:1/fee/L2', kind: 'fee' as const, amount: '5.00' };
        const interest = { ...fee, id: 'dun:C1:1/interest/INV-1', kind: 'interest' as const };
        const f = { ...fee, actionKey: 'dun:C1:1' };
        must(
          await store.transaction(async (s) => {
            must(await s.charges.insert(f), 'fee of the action');
            return s.charges.insert({ ...interest, actionKey: 'dun:C1:1' });
          }),
          'two charges of one dunning action',
        );
        mustFail(
          await store.transaction(async (s) => s.charges.insert({ ...f, amount: '6.00' })),
          'duplicate_id',
          'the same charge of an action posted again',
        );
      }),
    );

    it(
      'lists in insertion order and filters by customer, status and key',
      run(async (store) => {
        must(
          await store.transaction(async (s) => {
            for (const id of ['C3', 'C1', 'C2'])
              must(await s.customers.insert({ id, name: id }), id);
            for (const [i, key] of ['k3', 'k1', 'k2'].entries()) {
              const o = { ...outbox(`O${i}`, key), customerId: i === 1 ? 'C2' : 'C1' };
              must(await s.outbox.insert(i === 2 ? { ...o, status: 'sent' } : o), key);
            }
            return ok(undefined);
          }),
          'setup',
        );
        const all = must(await store.transaction(async (s) => s.customers.list()), 'list');
        checkJsonEqual(
          all.map((c) => c.id),
          ['C3', 'C1', 'C2'],
          'insertion order',
        );
        const pending = must(
          await store.transaction(async (s) => s.outbox.list({ status: 'pending' })),
          'list pending',
        );
        checkJsonEqual(
          pending.map((o) => o.key),
          ['k3', 'k1'],
          'pending messages',
        );
        const ofC2 = must(
          await store.transaction(async (s) => s.outbox.list({ customerId: 'C2' })),
          'list of C2',
        );
        checkJsonEqual(
          ofC2.map((o) => o.key),
          ['k1'],
          'messages of C2',
        );
        const byKey = must(
          await store.transaction(async (s) => s.outbox.list({ key: 'k2' })),
          'key',
        );
        checkJsonEqual(
          byKey.map((o) => o.id),
          ['O2'],
          'message with key k2',
        );
      }),
    );

    it(
      'lists due records earliest first, up to a limit',
      run(async (store) => {
        const at = (id: string, due: string) => ({ ...outbox(id, `k-${id}`), nextAttemptAt: due });
        must(
          await store.transaction(async (s) => {
            must(await s.outbox.insert(at('A', '2024-01-03T00:00:00.000Z')), 'A');
            must(await s.outbox.insert(at('B', '2024-01-01T00:00:00.000Z')), 'B');
            must(await s.outbox.insert(at('C', '2024-01-02T00:00:00.000Z')), 'C');
            must(await s.outbox.insert(at('D', '2024-01-09T00:00:00.000Z')), 'D');
            return s.outbox.insert(at('E', '2024-01-01T00:00:00.000Z'));
          }),
          'setup',
        );
        const dueBy = '2024-01-03T00:00:00.000Z';
        const due = must(await store.transaction(async (s) => s.outbox.list({ dueBy })), 'due');
        checkJsonEqual(
          due.map((o) => o.id),
          ['B', 'E', 'C', 'A'],
          'due, earliest first',
        );
        const two = must(
          await store.transaction(async (s) =>
            s.outbox.list({ dueBy, limit: 2, status: 'pending' }),
          ),
          'limited',
        );
        checkJsonEqual(
          two.map((o) => o.id),
          ['B', 'E'],
          'the first two due',
        );
      }),
    );

    it(
      'rolls back every write of a failed unit of work',
      run(async (store) => {
        const failed = await store.transaction(async (s) => {
          must(await s.customers.insert(customer), 'insert');
          must(await s.nextSequence('invoice'), 'sequence');
          return err(receivablesError('invalid_policy', { reason: 'abort' }));
        });
        mustFail(failed, 'invalid_policy', 'the work result is returned');
        const after = must(await store.transaction(async (s) => s.customers.list()), 'list');
        check(after.length === 0, 'an Err leaves nothing behind');
        let thrown = false;
        try {
          await store.transaction(async (s) => {
            must(await s.customers.insert(customer), 'insert');
            throw new Error('boom');
          });
        } catch {
          thrown = true;
        }
        check(thrown, 'a throw inside the work is rethrown');
        const again = must(await store.transaction(async (s) => s.customers.list()), 'list');
        check(again.length === 0, 'a throw leaves nothing behind');
        const next = must(await store.transaction(async (s) => s.nextSequence('invoice')), 'seq');
        check(next === 1, `a rolled-back sequence number is given again (got ${next})`);
      }),
    );

    it(
      'counts sequences 1, 2, 3 per name',
      run(async (store) => {
        const values: number[] = [];
        for (const name of ['a', 'a', 'b', 'a']) {
          values.push(must(await store.transaction(async (s) => s.nextSequence(name)), name));
        }
        checkJsonEqual(values, [1, 2, 1, 3], 'sequence values');
      }),
    );

    concurrencyCases(it, run, options);
  });
}
