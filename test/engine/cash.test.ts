import { describe, expect, it } from 'vitest';
import { createFakeGateway } from '../../src/adapters/gateway/index.js';
import { manualClock } from '../../src/adapters/memory/index.js';
import { balancesAsOf } from '../../src/ledger/balances.js';
import { acme, camt053, harness, issueOne } from './harness.js';

describe('importStatement', () => {
  it('applies an exact reference, keeps a stranger for review, and applies nothing twice', async () => {
    const { engine } = harness();
    await engine.saveCustomer(acme);
    const invoice = (await issueOne(engine)).invoice;
    const file = camt053([
      { ref: 'TX-1', amount: '119.00', reference: invoice.paymentReference },
      { ref: 'TX-2', amount: '42.00', text: 'lottery winnings', name: 'Somebody Else' },
    ]);
    const first = (await engine.importStatement(file, { asOf: '2024-03-05' }))._unsafeUnwrap();
    expect(first).toMatchObject({ alreadyImported: false, transactions: 2, applied: 1 });
    expect(first.suggested + first.unmatched).toBe(1);
    const ledger = (await engine.ledger())._unsafeUnwrap();
    expect(ledger.payments).toHaveLength(1);
    expect(ledger.allocations.map((a) => [a.itemId, a.amount])).toEqual([['INV-1', '119.00']]);
    expect(balancesAsOf(ledger, '2024-03-05').items[0]?.status).toBe('paid');
    const review = (await engine.listSuggestions())._unsafeUnwrap();
    expect(review.map((s) => s.transaction.amount)).toEqual(['42.00']);

    const again = (await engine.importStatement(file, { asOf: '2024-03-05' }))._unsafeUnwrap();
    expect(again).toMatchObject({ alreadyImported: true, applied: 0 });
    const reworded = camt053(
      [{ ref: 'TX-1', amount: '119.00', reference: invoice.paymentReference }],
      'STMT-2',
    );
    const overlap = (
      await engine.importStatement(reworded, { asOf: '2024-03-05' })
    )._unsafeUnwrap();
    expect(overlap).toMatchObject({ alreadyImported: false, duplicates: 1, applied: 0 });
    const after = (await engine.ledger())._unsafeUnwrap();
    expect(after.payments).toHaveLength(1);
    expect(after.allocations).toHaveLength(1);
  });

  it('lets a person accept a suggestion, once', async () => {
    const { engine } = harness();
    await engine.saveCustomer(acme);
    await issueOne(engine, 'INV-1');
    await issueOne(engine, 'INV-2');
    // Two open invoices of 119.00 and a payment of 119.00 naming neither: ambiguous.
    const file = camt053([{ ref: 'TX-9', amount: '119.00', text: 'payment', name: 'Acme GmbH' }]);
    const report = (await engine.importStatement(file, { asOf: '2024-03-05' }))._unsafeUnwrap();
    expect(report.applied).toBe(0);
    const [suggestion] = (await engine.listSuggestions())._unsafeUnwrap();
    expect(suggestion).toBeDefined();
    const decision = suggestion?.decision as {
      candidates: { allocations: { itemId: string }[] }[];
    };
    expect(decision.candidates.length).toBeGreaterThan(1);
    const chosen = decision.candidates[1]?.allocations[0]?.itemId;
    const accepted = (await engine.acceptSuggestion(suggestion!.id, 1))._unsafeUnwrap();
    expect(accepted.status).toBe('accepted');
    const ledger = (await engine.ledger())._unsafeUnwrap();
    expect(ledger.payments).toHaveLength(1);
    expect(ledger.allocations.map((a) => a.itemId)).toEqual([chosen]);
    const twice = await engine.acceptSuggestion(suggestion!.id);
    expect(twice._unsafeUnwrapErr().code).toBe('not_allocatable');
  });

  it('rejects a suggestion without touching the ledger', async () => {
    const { engine } = harness();
    await engine.saveCustomer(acme);
    await issueOne(engine);
    const file = camt053([{ ref: 'TX-5', amount: '7.00', text: '?', name: 'Nobody' }]);
    await engine.importStatement(file, { asOf: '2024-03-05' });
    const [suggestion] = (await engine.listSuggestions())._unsafeUnwrap();
    const rejected = (await engine.rejectSuggestion(suggestion!.id))._unsafeUnwrap();
    expect(rejected.status).toBe('rejected');
    expect((await engine.listSuggestions())._unsafeUnwrap()).toHaveLength(0);
    expect((await engine.ledger())._unsafeUnwrap().payments).toHaveLength(0);
  });

  it('reports a file it cannot read as an error', async () => {
    const { engine } = harness();
    const result = await engine.importStatement('<Document><BkToCstmrStmt>');
    expect(result.isErr()).toBe(true);
  });
});

describe('gateway settlements', () => {
  it('imports settlements after the cursor, and a webhook once', async () => {
    const clock = manualClock('2024-03-05T10:00:00Z');
    const gateway = createFakeGateway({ secret: 'whsec', clock });
    const { engine } = harness({ gateway, clock });
    await engine.saveCustomer(acme);
    const inv1 = (await issueOne(engine, 'INV-1')).invoice;
    const inv2 = (await issueOne(engine, 'INV-2')).invoice;
    gateway.settle({
      date: '2024-03-04',
      amount: '119.00',
      currency: 'EUR',
      reference: inv1.paymentReference,
    });
    const first = (await engine.importGatewaySettlements())._unsafeUnwrap();
    expect(first).toMatchObject({ transactions: 1, applied: 1 });
    const none = (await engine.importGatewaySettlements())._unsafeUnwrap();
    expect(none).toMatchObject({ transactions: 0, applied: 0 });

    const settlement = gateway.settle({
      date: '2024-03-05',
      amount: '119.00',
      currency: 'EUR',
      reference: inv2.paymentReference,
    });
    const hook = await gateway.webhookFor(settlement);
    expect((await engine.handleGatewayWebhook(hook))._unsafeUnwrap()).toMatchObject({ applied: 1 });
    expect((await engine.handleGatewayWebhook(hook))._unsafeUnwrap()).toMatchObject({
      alreadyImported: true,
    });
    const later = (await engine.importGatewaySettlements())._unsafeUnwrap();
    expect(later).toMatchObject({ transactions: 1, duplicates: 1, applied: 0 });
    const tampered = { ...hook, rawBody: hook.rawBody.replace('119.00', '919.00') };
    expect((await engine.handleGatewayWebhook(tampered))._unsafeUnwrapErr().code).toBe(
      'invalid_signature',
    );
    expect((await engine.ledger())._unsafeUnwrap().payments).toHaveLength(2);
  });
});

describe('importStatement: booking and value dates', () => {
  it('applies a payment valued after the import day, dated on its booking day', async () => {
    const clock = manualClock('2024-03-01T09:00:00Z');
    const { engine, store } = harness({ clock });
    await engine.saveCustomer(acme);
    const invoice = (await issueOne(engine, 'INV-1', '2024-03-15')).invoice;
    // Booked on 2024-03-22 (the import day by the clock), value date 2024-03-25.
    clock.set('2024-03-22T18:00:00Z');
    const file = camt053([
      {
        ref: 'TX-1',
        amount: '119.00',
        reference: invoice.paymentReference,
        booked: '2024-03-22',
        valued: '2024-03-25',
      },
    ]);
    const report = (await engine.importStatement(file))._unsafeUnwrap();
    expect(report).toMatchObject({ applied: 1, unmatched: 0, suggested: 0 });
    expect((await engine.listSuggestions())._unsafeUnwrap()).toEqual([]);
    const ledger = (await engine.ledger())._unsafeUnwrap();
    expect(ledger.payments.map((p) => [p.date, p.amount])).toEqual([['2024-03-22', '119.00']]);
    const outcomes = (await store.transaction(async (s) => s.transactions.list()))._unsafeUnwrap();
    expect(outcomes.map((t) => t.outcome)).toEqual(['applied']);
    // As of the booking day the invoice is paid: no aging balance, no reminder
    // (level 1 of the harness policy is due 7 days after 2024-03-15, on 2024-03-22).
    expect((await engine.aging({ asOf: '2024-03-22' }))._unsafeUnwrap().rows).toEqual([]);
    expect((await engine.runDunning('2024-03-22'))._unsafeUnwrap().plan.actions).toEqual([]);
    // The same file again changes nothing.
    const again = (await engine.importStatement(file))._unsafeUnwrap();
    expect(again).toMatchObject({ alreadyImported: true, applied: 0 });
  });

  it('dates a payment valued before its booking day on the value date', async () => {
    const { engine } = harness();
    await engine.saveCustomer(acme);
    const invoice = (await issueOne(engine)).invoice;
    const file = camt053([
      {
        ref: 'TX-1',
        amount: '119.00',
        reference: invoice.paymentReference,
        booked: '2024-03-05',
        valued: '2024-03-04',
      },
    ]);
    const report = (await engine.importStatement(file, { asOf: '2024-03-05' }))._unsafeUnwrap();
    expect(report.applied).toBe(1);
    const ledger = (await engine.ledger())._unsafeUnwrap();
    expect(ledger.payments.map((p) => p.date)).toEqual(['2024-03-04']);
    expect(ledger.allocations.map((a) => a.date)).toEqual(['2024-03-04']);
  });
});
