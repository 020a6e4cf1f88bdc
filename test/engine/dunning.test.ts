import { describe, expect, it } from 'vitest';
import { parseDunningPolicy } from '../../src/dunning/policy.js';
import { acme, harness, issueOne } from './harness.js';

describe('runDunning', () => {
  it('reminds an overdue invoice once per level, and posts the fee once', async () => {
    const { engine, store, mailer } = harness();
    await engine.saveCustomer(acme);
    await issueOne(engine, 'INV-1', '2024-03-01');
    await engine.deliverOutbox();

    // Due 2024-03-01; level 1 at 7 days after due: 2024-03-08.
    const early = (await engine.runDunning('2024-03-07'))._unsafeUnwrap();
    expect(early.queued).toBe(0);
    const first = (await engine.runDunning('2024-03-08'))._unsafeUnwrap();
    expect(first.queued).toBe(1);
    expect(first.plan.actions[0]?.items.map((i) => i.itemId)).toEqual(['INV-1']);
    const repeat = (await engine.runDunning('2024-03-08'))._unsafeUnwrap();
    expect(repeat.queued).toBe(0);
    expect(repeat.plan.actions).toHaveLength(0);

    // Level 2 at 30 days after due (2024-03-31) with a fee of EUR 5.00, once.
    const second = (await engine.runDunning('2024-03-31'))._unsafeUnwrap();
    expect(second).toMatchObject({ queued: 1, chargesPosted: 1 });
    expect((await engine.runDunning('2024-04-01'))._unsafeUnwrap().chargesPosted).toBe(0);
    const charges = (await engine.ledger())._unsafeUnwrap().charges;
    expect(charges.map((c) => [c.kind, c.amount])).toEqual([['fee', '5.00']]);
    const history = (await store.transaction(async (s) => s.dunningHistory.list()))._unsafeUnwrap();
    expect(history.map((h) => h.level)).toEqual([1, 2]);

    await engine.deliverOutbox();
    const reminders = mailer.delivered.filter((d) => d.key.startsWith('dunning:'));
    expect(reminders).toHaveLength(2);
    expect(reminders[0]?.message.to).toEqual(['ap@acme.example']);
    expect(reminders[0]?.message.text).toContain('INV-2024-000001');
  });

  it('refuses a policy whose e-mail level names a template the renderer lacks', async () => {
    const dunning = parseDunningPolicy({
      levels: [
        { daysAfterDue: 7, channel: 'email', templateId: 'reminder-1' },
        { daysAfterDue: 30, channel: 'letter', templateId: 'host-letter' },
        { daysAfterDue: 60, channel: 'email', templateId: 'my-reminder' },
      ],
    })._unsafeUnwrap();
    const { engine } = harness({ policies: { dunning } });
    await engine.saveCustomer(acme);
    await issueOne(engine, 'INV-1', '2024-03-01');
    const run = await engine.runDunning('2024-03-08');
    // The letter's template is the host's; the third level's e-mail cannot be rendered.
    expect(run._unsafeUnwrapErr()).toMatchObject({
      code: 'invalid_policy',
      path: ['levels', 2, 'templateId'],
    });
    expect(run._unsafeUnwrapErr().message).toContain('level 3 names template "my-reminder"');
  });

  it('leaves a customer without e-mail to the host', async () => {
    const { engine } = harness();
    await engine.saveCustomer({ id: 'C1', name: 'Letters only' });
    await issueOne(engine, 'INV-1', '2024-03-01');
    const run = (await engine.runDunning('2024-03-08'))._unsafeUnwrap();
    expect(run.queued).toBe(0);
    expect(run.manual.map((a) => a.customerId)).toEqual(['C1']);
  });
});

describe('reports', () => {
  it('ages the stored ledger and renders a statement of account', async () => {
    const { engine, store } = harness();
    await engine.saveCustomer(acme);
    await issueOne(engine, 'INV-1', '2024-03-01');
    const aging = (await engine.aging({ asOf: '2024-03-31' }))._unsafeUnwrap();
    expect(aging.rows.map((r) => [r.customerId, r.balance])).toEqual([['C1', '119.00']]);
    const statement = (
      await engine.statementOfAccount('C1', '2024-03-31', { currency: 'EUR', send: true })
    )._unsafeUnwrap();
    expect(statement.message.text).toContain('INV-2024-000001');
    expect(statement.outboxId).toBeDefined();
    await engine.statementOfAccount('C1', '2024-03-31', { currency: 'EUR', send: true });
    const queued = (
      await store.transaction(async (s) => s.outbox.list({ status: 'pending' }))
    )._unsafeUnwrap();
    expect(queued.filter((o) => o.kind === 'statement')).toHaveLength(1);
    const metrics = (
      await engine.metrics([{ from: '2024-02-01', to: '2024-02-29' }], { currency: 'EUR' })
    )._unsafeUnwrap();
    expect(metrics).toHaveLength(1);
  });
});
