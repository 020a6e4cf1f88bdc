import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createMemoryMailer,
  createMemoryStore,
  manualClock,
} from '../../src/adapters/memory/index.js';
import { openSqliteStore } from '../../src/adapters/sqlite/index.js';
import type { ReceivablesStore } from '../../src/ports/store.js';
import { acme, camt053, harness, issueOne } from './harness.js';

const dir = mkdtempSync(join(tmpdir(), 'receivables-concurrency-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

async function sqlitePair(): Promise<[ReceivablesStore, ReceivablesStore]> {
  const path = join(dir, `engines-${++n}.db`);
  const a = (await openSqliteStore(path))._unsafeUnwrap();
  return [a, (await openSqliteStore(path))._unsafeUnwrap()];
}

async function memoryPair(): Promise<[ReceivablesStore, ReceivablesStore]> {
  const store = createMemoryStore();
  return [store, store];
}

for (const [label, pair] of [
  ['two SQLite connections to one file', sqlitePair],
  ['one shared memory store', memoryPair],
] as const) {
  describe(`two engines on ${label}`, () => {
    async function engines() {
      const [storeA, storeB] = await pair();
      const mailer = createMemoryMailer();
      const clock = manualClock('2024-03-01T09:00:00Z');
      const a = harness({ store: storeA, mailer, clock, idPrefix: 'a-' });
      const b = harness({ store: storeB, mailer, clock, idPrefix: 'b-' });
      await a.engine.saveCustomer(acme);
      return { a, b, mailer, close: () => Promise.all([storeA.close(), storeB.close()]) };
    }

    it('never send a reminder twice when both run dunning at once', async () => {
      const { a, b, mailer, close } = await engines();
      await issueOne(a.engine, 'INV-1', '2024-03-01');
      await issueOne(b.engine, 'INV-2', '2024-03-01');
      await a.engine.deliverOutbox();
      const runs = await Promise.all([
        a.engine.runDunning('2024-03-08'),
        b.engine.runDunning('2024-03-08'),
        a.engine.runDunning('2024-03-08'),
        b.engine.runDunning('2024-03-08'),
      ]);
      const queued = runs.map((r) => r._unsafeUnwrap().queued);
      expect(queued.reduce((x, y) => x + y, 0)).toBe(1);
      await Promise.all([
        a.engine.deliverOutbox(),
        b.engine.deliverOutbox(),
        a.engine.deliverOutbox(),
      ]);
      const reminders = mailer.calls.filter((c) => c.key.startsWith('dunning:'));
      expect(reminders).toHaveLength(1);
      const history = (
        await a.store.transaction(async (s) => s.dunningHistory.list())
      )._unsafeUnwrap();
      expect(history).toHaveLength(1);
      await close();
    });

    it('never allocate a payment twice when both import the same statement at once', async () => {
      const { a, b, close } = await engines();
      const invoice = (await issueOne(a.engine, 'INV-1')).invoice;
      const file = camt053([
        { ref: 'TX-1', amount: '119.00', reference: invoice.paymentReference },
      ]);
      const results = await Promise.all([
        a.engine.importStatement(file, { asOf: '2024-03-05' }),
        b.engine.importStatement(file, { asOf: '2024-03-05' }),
      ]);
      const reports = results.map((r) => r._unsafeUnwrap());
      expect(reports.map((r) => r.applied).sort()).toEqual([0, 1]);
      expect(reports.filter((r) => r.alreadyImported)).toHaveLength(1);
      const ledger = (await b.engine.ledger())._unsafeUnwrap();
      expect(ledger.payments).toHaveLength(1);
      expect(ledger.allocations).toHaveLength(1);
      await close();
    });

    it('give invoices issued at once distinct numbers and send each once', async () => {
      const { a, b, mailer, close } = await engines();
      const issued = await Promise.all(
        ['1', '2', '3', '4', '5', '6'].map((i, k) =>
          (k % 2 ? a : b).engine.issueInvoice({
            id: `INV-${i}`,
            customerId: 'C1',
            issueDate: '2024-02-01',
            dueDate: '2024-03-01',
            input: {
              currency: 'EUR',
              lines: [{ id: '1', netAmount: '10.00', vatCategory: 'S', vatRatePercent: '19' }],
            },
          }),
        ),
      );
      const numbers = issued.map((r) => r._unsafeUnwrap().invoice.number);
      expect(new Set(numbers).size).toBe(6);
      await Promise.all([
        a.engine.deliverOutbox({ batchSize: 2 }),
        b.engine.deliverOutbox({ batchSize: 2 }),
      ]);
      expect(mailer.calls).toHaveLength(6);
      expect(new Set(mailer.calls.map((c) => c.key)).size).toBe(6);
      await close();
    });
  });
}
