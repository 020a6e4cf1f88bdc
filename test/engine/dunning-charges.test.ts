import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../src/adapters/memory/index.js';
import { openSqliteStore } from '../../src/adapters/sqlite/index.js';
import { parseDunningPolicy } from '../../src/dunning/policy.js';
import type { ReceivablesStore } from '../../src/ports/store.js';
import { acme, harness, issueOne } from './harness.js';

// Level 1 claims interest (and the EUR 40 compensation); level 2 adds a fee of 5.00.
const policy = parseDunningPolicy({
  levels: [
    { daysAfterDue: 7, channel: 'email', templateId: 'reminder-1', claimInterest: true },
    {
      daysAfterDue: 30,
      channel: 'email',
      templateId: 'reminder-2',
      fee: { type: 'fixed', amounts: { EUR: '5.00' } },
      claimInterest: true,
    },
  ],
})._unsafeUnwrap();

const stores: [string, () => Promise<ReceivablesStore>][] = [
  ['memory', async () => createMemoryStore()],
  ['sqlite', async () => (await openSqliteStore(':memory:'))._unsafeUnwrap()],
];

describe.each(stores)('runDunning posting several charges per action (%s)', (_, open) => {
  it('posts interest + compensation, then fee + interest, each exactly once', async () => {
    const store = await open();
    const { engine } = harness({ store, policies: { dunning: policy } });
    await engine.saveCustomer(acme);
    await issueOne(engine, 'INV-1', '2024-03-01'); // 119.00 due 2024-03-01

    // 2024-03-08, level 1: 7 days at 12.5 % (ECB 4.50 + 8) on 119.00:
    // 119 * 0.125 * 7 / 365 = 0.28527 -> 0.29; compensation EUR 40.00 (art. 6).
    const first = (await engine.runDunning('2024-03-08'))._unsafeUnwrap();
    expect(first).toMatchObject({ queued: 1, chargesPosted: 2 });
    for (const day of ['2024-03-08', '2024-03-09', '2024-03-20']) {
      const again = (await engine.runDunning(day))._unsafeUnwrap();
      expect(again).toMatchObject({ queued: 0, chargesPosted: 0 });
    }
    // 2024-03-31, level 2: fee 5.00; interest 03-02..03-31, 30 days: 119 * 0.125 * 30
    // / 365 = 1.22226 -> 1.22, less 0.29 charged = 0.93; no second compensation.
    const second = (await engine.runDunning('2024-03-31'))._unsafeUnwrap();
    expect(second).toMatchObject({ queued: 1, chargesPosted: 2 });
    for (const day of ['2024-03-31', '2024-04-01', '2024-05-01']) {
      expect((await engine.runDunning(day))._unsafeUnwrap().chargesPosted).toBe(0);
    }
    const charges = (await engine.ledger())._unsafeUnwrap().charges;
    expect(charges.map((c) => [c.kind, c.date, c.amount])).toEqual([
      ['interest', '2024-03-08', '0.29'],
      ['compensation', '2024-03-08', '40.00'],
      ['fee', '2024-03-31', '5.00'],
      ['interest', '2024-03-31', '0.93'],
    ]);
    expect(new Set(charges.map((c) => c.id)).size).toBe(4);
    expect(charges[0]?.actionKey).toBe(charges[1]?.actionKey);
    expect(charges[2]?.actionKey).toBe(charges[3]?.actionKey);
    await store.close();
  });
});

describe('runDunning with a reference rate the table does not have', () => {
  it('still reminds, posts the compensation and reports the skipped interest', async () => {
    const { engine } = harness({ policies: { dunning: policy } });
    await engine.saveCustomer(acme);
    // Due 2026-06-20; level 1 on 2026-07-01 falls in 2026-H2, which has no ECB rate yet.
    await issueOne(engine, 'INV-1', '2026-06-20');
    const run = (await engine.runDunning('2026-07-01'))._unsafeUnwrap();
    expect(run).toMatchObject({ queued: 1, chargesPosted: 1 });
    expect(run.plan.actions[0]?.interestSkipped).toEqual([
      { itemId: 'INV-1', reason: 'missing_rate', date: '2026-07-01' },
    ]);
    const charges = (await engine.ledger())._unsafeUnwrap().charges;
    expect(charges.map((c) => [c.kind, c.amount])).toEqual([['compensation', '40.00']]);
  });
});
