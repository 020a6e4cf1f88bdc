import { describe, expect, it } from 'vitest';
import { balancesAsOf } from '../../src/ledger/balances.js';
import { EMPTY_LEDGER, type Ledger } from '../../src/ledger/types.js';
import {
  acceptSuggestion,
  applyMatches,
  applyMatchesWithReport,
  matchPayments,
  openItemsForMatching,
} from '../../src/matching/index.js';
import { ACME, ACME_IBAN, BETA, credit, invoice } from './helpers.js';

const customers = [ACME, BETA];

describe('one invoice claimed by two payments', () => {
  const items = [invoice('INV-3', 'C-88', '300.00', '2024-03-01')];
  const strong = credit('t-strong', '300.00', {
    remittanceText: 'INV-3',
    counterpartyAccount: ACME_IBAN,
  });
  const weak = credit('t-weak', '300.00', { remittanceText: 'INV-3' });
  it.each([
    ['strong first', [strong, weak]],
    ['weak first', [weak, strong]],
  ])('gives the item to the stronger claim (%s) and demotes the other', (_, txs) => {
    const r = matchPayments(txs, items, customers)._unsafeUnwrap();
    const byId = new Map(r.decisions.map((d) => [d.transactionId, d]));
    expect(byId.get('t-strong')!.status).toBe('auto');
    expect(byId.get('t-weak')!.status).toBe('suggest');
    expect(byId.get('t-weak')!.signals.at(-1)!.detail).toBe(
      'INV-3 is also claimed by transaction t-strong, whose evidence is stronger',
    );
  });
  it('lets two partial payments share an item that has room for both', () => {
    const a = credit('a', '100.00', { remittanceText: 'INV-3', counterpartyAccount: ACME_IBAN });
    const b = credit('b', '150.00', { remittanceText: 'INV-3', counterpartyAccount: ACME_IBAN });
    const r = matchPayments([a, b], items, customers)._unsafeUnwrap();
    expect(r.decisions.map((d) => d.status)).toEqual(['auto', 'auto']);
  });
});

describe('ties and margins', () => {
  it('never applies automatically when two invoices fit equally', () => {
    const items = [
      invoice('X-1', 'C-88', '75.00', '2024-03-01'),
      invoice('X-2', 'C-88', '75.00', '2024-03-02'),
    ];
    const d = matchPayments(
      [credit('t', '75.00', { counterpartyAccount: ACME_IBAN })],
      items,
      customers,
    )._unsafeUnwrap().decisions[0]!;
    expect(d.status).toBe('suggest');
    // Equal evidence: the oldest comes first.
    expect(d.candidates.map((c) => c.allocations[0]!.itemId)).toEqual(['X-1', 'X-2']);
    expect(d.reason).toBe('the runner-up is within the margin 0.15 of the best candidate');
  });
  it('echoes the policy version and refuses a bad policy', () => {
    const r = matchPayments([], [], [], { version: 'house-7' })._unsafeUnwrap();
    expect(r.policyVersion).toBe('house-7');
    const bad = matchPayments([], [], [], { autoThreshold: 2 });
    expect(bad._unsafeUnwrapErr().code).toBe('invalid_input');
  });
});

describe('debits, reversals and returns', () => {
  const items = [invoice('INV-3', 'C-88', '300.00', '2024-03-01')];
  it('ignores debits', () => {
    const d = matchPayments(
      [credit('t', '300.00', { direction: 'debit', remittanceText: 'INV-3' })],
      items,
      customers,
    )._unsafeUnwrap().decisions[0]!;
    expect(d.status).toBe('ignored');
    expect(d.allocations).toEqual([]);
  });
  it('undoes the payment a return reverses, in the same statement', () => {
    const pay = credit('p', '300.00', {
      remittanceText: 'INV-3',
      counterpartyAccount: ACME_IBAN,
      endToEndId: 'E2E-1',
    });
    const back = credit('r', '300.00', {
      direction: 'debit',
      reversal: true,
      endToEndId: 'E2E-1',
      valueDate: '2024-03-12',
    });
    const r = matchPayments([pay, back], items, customers)._unsafeUnwrap();
    expect(r.decisions[1]!.status).toBe('ignored');
    expect(r.decisions[1]!.undo).toEqual({ transactionId: 'p', date: '2024-03-12' });
  });
  it('never treats a credit reversal as incoming cash', () => {
    const d = matchPayments(
      [credit('t', '300.00', { reversal: true, remittanceText: 'INV-3' })],
      items,
      customers,
    )._unsafeUnwrap().decisions[0]!;
    expect(d.status).toBe('ignored');
  });
});

const ledger: Ledger = {
  ...EMPTY_LEDGER,
  customers: [ACME, BETA],
  invoices: [
    {
      id: 'INV-3',
      customerId: 'C-88',
      currency: 'EUR',
      issueDate: '2024-02-01',
      dueDate: '2024-03-01',
      amount: '300.00',
    },
    {
      id: 'INV-4',
      customerId: 'C-88',
      currency: 'EUR',
      issueDate: '2024-02-01',
      dueDate: '2024-03-20',
      amount: '500.00',
      discounts: [{ until: '2024-03-10', percent: '3' }],
    },
    {
      id: 'INV-5',
      customerId: 'C-1',
      currency: 'EUR',
      issueDate: '2024-02-01',
      dueDate: '2024-03-20',
      amount: '90.00',
    },
  ],
};

describe('applying decisions to the ledger', () => {
  const txs = [
    credit('p1', '300.00', {
      remittanceText: 'INV-3',
      counterpartyAccount: ACME_IBAN,
      endToEndId: 'E-1',
    }),
    // 500.00 less 3 % = 485.00
    credit('p2', '485.00', { remittanceText: 'INV-4', endToEndId: 'E-2' }),
    credit('p3', '90.00', { counterpartyName: 'BETA TRADNG' }),
  ];
  const result = matchPayments(
    txs,
    openItemsForMatching(ledger, '2024-03-08'),
    ledger.customers,
  )._unsafeUnwrap();

  it('posts payments, allocations and discount write-offs for automatic decisions', () => {
    expect(result.decisions.map((d) => d.status)).toEqual(['auto', 'auto', 'suggest']);
    const next = applyMatches(ledger, result, '2024-03-31');
    expect(next.payments.map((p) => [p.transactionId, p.amount])).toEqual([
      ['p1', '300.00'],
      ['p2', '485.00'],
    ]);
    expect(next.writeOffs.map((w) => [w.itemId, w.amount, w.reason])).toEqual([
      ['INV-4', '15.00', 'early-payment discount'],
    ]);
    const open = balancesAsOf(next, '2024-03-31').items.map((i) => [i.id, i.openAmount]);
    expect(open).toEqual([
      ['INV-3', '0.00'],
      ['INV-4', '0.00'],
      ['INV-5', '90.00'],
    ]);
  });
  it('applies nothing the second time (idempotent by transaction id)', () => {
    const once = applyMatches(ledger, result, '2024-03-31');
    const twice = applyMatches(once, result, '2024-03-31');
    expect(twice).toEqual(once);
  });
  it('leaves transactions valued after the as-of date for later, and says so', () => {
    const report = applyMatchesWithReport(ledger, result, '2024-03-07');
    expect(report.applied).toEqual([]);
    expect(report.skipped[0]).toEqual({
      transactionId: 'p1',
      reason: 'valued 2024-03-08, after 2024-03-07',
    });
  });
  it('applies an accepted suggestion once', () => {
    const once = applyMatches(ledger, result, '2024-03-31');
    const accepted = acceptSuggestion(once, result.decisions[2]!, 0)._unsafeUnwrap();
    expect(
      balancesAsOf(accepted, '2024-03-31').items.find((i) => i.id === 'INV-5')!.openAmount,
    ).toBe('0.00');
    expect(acceptSuggestion(accepted, result.decisions[2]!, 0)._unsafeUnwrapErr().code).toBe(
      'duplicate_id',
    );
  });
  it('marks a returned payment reversed, so its invoice is open again', () => {
    const once = applyMatches(ledger, result, '2024-03-31');
    const back = credit('r1', '300.00', {
      direction: 'debit',
      reversal: true,
      endToEndId: 'E-1',
      valueDate: '2024-03-15',
    });
    const undo = matchPayments(
      [back],
      [],
      ledger.customers,
      {},
      { priorPayments: once.payments },
    )._unsafeUnwrap();
    expect(undo.decisions[0]!.undo).toEqual({
      transactionId: 'p1',
      paymentId: 'PAY-p1',
      date: '2024-03-15',
    });
    const reversed = applyMatches(once, undo, '2024-03-31');
    expect(reversed.payments[0]!.reversedOn).toBe('2024-03-15');
    const inv3 = balancesAsOf(reversed, '2024-03-31').items.find((i) => i.id === 'INV-3')!;
    expect(inv3.openAmount).toBe('300.00');
    expect(applyMatches(reversed, undo, '2024-03-31')).toEqual(reversed);
  });
  it('undoes the discount written off with a payment that comes back', () => {
    const once = applyMatches(ledger, result, '2024-03-31');
    // p2 paid INV-4 (500.00) with 485.00 and a 15.00 discount written off; it returns.
    const back = credit('r2', '485.00', {
      direction: 'debit',
      reversal: true,
      endToEndId: 'E-2',
      valueDate: '2024-03-18',
    });
    const prior = { priorPayments: once.payments };
    const undo = matchPayments([back], [], ledger.customers, {}, prior)._unsafeUnwrap();
    expect(undo.decisions[0]!.undo?.transactionId).toBe('p2');
    const report = applyMatchesWithReport(once, undo, '2024-03-31');
    expect(report.applied).toEqual(['r2']);
    expect(report.skipped).toEqual([]);
    expect(report.ledger.writeOffs.map((w) => [w.itemId, w.reversedOn])).toEqual([
      ['INV-4', '2024-03-18'],
    ]);
    const inv4 = (asOf: string) =>
      balancesAsOf(report.ledger, asOf).items.find((i) => i.id === 'INV-4')!;
    // Paid in full the day before the return: 485.00 + 15.00 written off.
    expect(inv4('2024-03-17')).toMatchObject({ openAmount: '0.00', writtenOffAmount: '15.00' });
    // From the return on, the whole 500.00 is open again, the discount with it.
    expect(inv4('2024-03-18')).toMatchObject({ openAmount: '500.00', writtenOffAmount: '0.00' });
  });
});
