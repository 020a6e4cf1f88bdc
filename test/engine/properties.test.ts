import fc from 'fast-check';
import { ok } from 'neverthrow';
import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../src/adapters/memory/index.js';
import type { Ledger } from '../../src/ledger/types.js';
import type { ReceivablesStore } from '../../src/ports/store.js';
import { dateArbitrary, dunningPolicyArbitrary, ledgerArbitrary } from '../../src/testing/index.js';
import { harness } from './harness.js';

async function seed(store: ReceivablesStore, ledger: Ledger): Promise<void> {
  const result = await store.transaction(async (s) => {
    for (const c of ledger.customers) {
      (await s.customers.insert({ ...c, email: `${c.id}@customer.example` }))._unsafeUnwrap();
    }
    for (const i of ledger.invoices) (await s.invoices.insert(i))._unsafeUnwrap();
    for (const p of ledger.payments) (await s.payments.insert(p))._unsafeUnwrap();
    for (const a of ledger.allocations) (await s.allocations.insert(a))._unsafeUnwrap();
    return ok(undefined);
  });
  result._unsafeUnwrap();
}

describe('engine invariants', () => {
  it('running dunning twice for the same day changes nothing the second time', async () => {
    let actioned = 0;
    await fc.assert(
      fc.asyncProperty(
        ledgerArbitrary({ maxInvoices: 12 }),
        dunningPolicyArbitrary(),
        dateArbitrary('2024-01-01', '2025-06-30'),
        async (ledger, dunning, asOf) => {
          const store = createMemoryStore();
          await seed(store, ledger);
          const { engine } = harness({ store, policies: { dunning } });
          const outbox = async () =>
            (await store.transaction(async (s) => s.outbox.list()))._unsafeUnwrap().length;
          const first = (await engine.runDunning(asOf))._unsafeUnwrap();
          expect(first.queued + first.manual.length).toBe(first.plan.actions.length);
          actioned += first.plan.actions.length;
          const before = (await engine.ledger())._unsafeUnwrap();
          const queued = await outbox();
          const second = (await engine.runDunning(asOf))._unsafeUnwrap();
          expect(second.plan.actions).toHaveLength(0);
          expect(second.chargesPosted).toBe(0);
          expect((await engine.ledger())._unsafeUnwrap()).toEqual(before);
          expect(await outbox()).toBe(queued);
        },
      ),
      { numRuns: 40 },
    );
    // The property is not vacuous: the generated runs did plan reminders.
    expect(actioned).toBeGreaterThan(0);
  });
});
