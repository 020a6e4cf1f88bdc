import { describe, expect, it } from 'vitest';
import { createFakeGateway } from '../../src/adapters/gateway/index.js';
import { manualClock } from '../../src/adapters/memory/index.js';
import { validateRfReference } from '../../src/matching/references/index.js';
import { acme, harness, input, issueOne } from './harness.js';

describe('issueInvoice', () => {
  it('computes, numbers, references, persists and queues the invoice mail', async () => {
    const { engine, store, mailer } = harness();
    await engine.saveCustomer(acme);
    const issued = await issueOne(engine);
    // 2 x 50.00 = 100.00 net, 19 % VAT = 19.00, amount due 119.00.
    expect(issued.invoice).toMatchObject({
      id: 'INV-1',
      number: 'INV-2024-000001',
      amount: '119.00',
      currency: 'EUR',
      customerId: 'C1',
      dueDate: '2024-03-01',
    });
    expect(validateRfReference(issued.invoice.paymentReference).isOk()).toBe(true);
    expect(issued.created).toBe(true);
    const outbox = (await store.transaction(async (s) => s.outbox.list()))._unsafeUnwrap();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ key: 'invoice:INV-1', status: 'pending', attempts: 0 });
    expect(mailer.calls).toHaveLength(0);

    const report = (await engine.deliverOutbox())._unsafeUnwrap();
    expect(report).toEqual({ sent: 1, retrying: [], dead: [] });
    const [mail] = mailer.delivered;
    expect(mail?.message.subject).toBe('Invoice INV-2024-000001 from Seller GmbH');
    expect(mail?.message.to).toEqual(['ap@acme.example']);
    expect(mail?.message.html).toContain('<h1>Invoice INV-2024-000001</h1>');
    expect(mail?.message.text).toContain('Amount due: €119.00');
    expect(mail?.message.text).toContain(`Payment reference: ${issued.invoice.paymentReference}`);
    const json = mail?.message.attachments?.find((a) => a.contentType === 'application/json');
    expect(JSON.parse(json?.content ?? '{}').totals.amountDue).toBe('119.00');
  });

  it('numbers invoices in sequence and issues the same id only once', async () => {
    const { engine, store } = harness();
    await engine.saveCustomer(acme);
    await issueOne(engine, 'INV-1');
    const second = await issueOne(engine, 'INV-2');
    expect(second.invoice.number).toBe('INV-2024-000002');
    const changed = await engine.issueInvoice({
      id: 'INV-1',
      customerId: 'C1',
      issueDate: '2024-02-01',
      dueDate: '2024-03-01',
      input: { ...input, lines: [{ ...input.lines[0]!, quantity: '5' }] },
    });
    // The first issue stands: 119.00, not the 297.50 of the changed lines.
    expect(changed._unsafeUnwrap().calculation.totals.amountDue).toBe('119.00');
    const again = await issueOne(engine, 'INV-1');
    expect(again.created).toBe(false);
    expect(again.invoice.number).toBe('INV-2024-000001');
    const outbox = (await store.transaction(async (s) => s.outbox.list()))._unsafeUnwrap();
    expect(outbox.map((o) => o.key)).toEqual(['invoice:INV-1', 'invoice:INV-2']);
  });

  it('escapes customer data in the HTML body', async () => {
    const { engine, mailer } = harness();
    await engine.saveCustomer({ ...acme, name: '<script>alert(1)</script> & Co' });
    await issueOne(engine);
    await engine.deliverOutbox();
    const html = mailer.delivered[0]?.message.html ?? '';
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co');
  });

  it('refuses an unknown customer and bad lines, and leaves nothing behind', async () => {
    const { engine, store } = harness();
    const unknown = await engine.issueInvoice({
      id: 'X',
      customerId: 'nobody',
      issueDate: '2024-02-01',
      dueDate: '2024-03-01',
      input,
    });
    expect(unknown._unsafeUnwrapErr().code).toBe('not_found');
    await engine.saveCustomer(acme);
    const bad = await engine.issueInvoice({
      id: 'Y',
      customerId: 'C1',
      issueDate: '2024-02-01',
      dueDate: '2024-03-01',
      input: { ...input, currency: 'XXX1' },
    });
    expect(bad.isErr()).toBe(true);
    const next = (await store.transaction(async (s) => s.nextSequence('invoice')))._unsafeUnwrap();
    expect(next).toBe(1);
  });

  it('puts the gateway payment link in the invoice and its mail', async () => {
    const gateway = createFakeGateway({ secret: 's', clock: manualClock('2024-02-01T00:00:00Z') });
    const { engine, mailer } = harness({ gateway });
    await engine.saveCustomer(acme);
    await issueOne(engine);
    await engine.deliverOutbox();
    expect(mailer.delivered[0]?.message.text).toContain(
      'Pay online: https://pay.example.test/pl_1?invoice=INV-2024-000001',
    );
  });

  it('does not queue mail for a customer without an address', async () => {
    const { engine, store } = harness();
    await engine.saveCustomer({ id: 'C1', name: 'Walk-in' });
    const issued = await issueOne(engine);
    expect(issued.outboxId).toBeUndefined();
    const outbox = (await store.transaction(async (s) => s.outbox.list()))._unsafeUnwrap();
    expect(outbox).toHaveLength(0);
  });

  it('issues a billing run in batches, and a bad invoice rolls back only its batch', async () => {
    const { engine, store } = harness();
    await engine.saveCustomer(acme);
    const request = (i: number) => ({
      id: `B-${i}`,
      customerId: 'C1',
      issueDate: '2024-02-01',
      dueDate: '2024-03-01',
      input,
    });
    const run = (
      await engine.issueInvoices([1, 2, 3, 4, 5].map(request), { batchSize: 2 })
    )._unsafeUnwrap();
    expect(run.map((r) => r.invoice.number)).toEqual([
      'INV-2024-000001',
      'INV-2024-000002',
      'INV-2024-000003',
      'INV-2024-000004',
      'INV-2024-000005',
    ]);
    const unknown = { ...request(7), customerId: 'nobody' };
    const failed = await engine.issueInvoices([request(6), unknown], { batchSize: 2 });
    expect(failed._unsafeUnwrapErr().code).toBe('not_found');
    const invoices = (await store.transaction(async (s) => s.invoices.list()))._unsafeUnwrap();
    expect(invoices.map((i) => i.id)).toEqual(['B-1', 'B-2', 'B-3', 'B-4', 'B-5']);
    const outbox = (await store.transaction(async (s) => s.outbox.list()))._unsafeUnwrap();
    expect(outbox).toHaveLength(5);
  });
});
