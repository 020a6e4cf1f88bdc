import { describe, expect, it } from 'vitest';
import { EMPTY_LEDGER, type Ledger } from '../../src/ledger/types.js';
import {
  matchPayments,
  openItemsForMatching,
  settledItemsForMatching,
} from '../../src/matching/index.js';
import { ACME, ACME_IBAN, credit } from './helpers.js';

// The ISO 11649 example reference.
const rf = 'RF18539007547034';

// INV-1001 (200.00, reference RF18539007547034) was paid in full on 2024-02-20 by PAY-1;
// INV-1002 (75.00) is still open.
const ledger: Ledger = {
  ...EMPTY_LEDGER,
  customers: [ACME],
  invoices: [
    {
      id: 'INV-1001',
      customerId: 'C-88',
      currency: 'EUR',
      issueDate: '2024-02-01',
      dueDate: '2024-03-01',
      amount: '200.00',
      paymentReference: rf,
    },
    {
      id: 'INV-1002',
      customerId: 'C-88',
      currency: 'EUR',
      issueDate: '2024-02-01',
      dueDate: '2024-03-01',
      amount: '75.00',
    },
  ],
  payments: [
    { id: 'PAY-1', customerId: 'C-88', currency: 'EUR', date: '2024-02-20', amount: '200.00' },
  ],
  allocations: [
    { id: 'A-1', sourceId: 'PAY-1', itemId: 'INV-1001', amount: '200.00', date: '2024-02-20' },
  ],
};

describe('a payment quoting the reference of a paid invoice', () => {
  const tx = credit('t', '200.00', {
    structuredReference: { scheme: 'iso11649', value: rf, valid: true },
    counterpartyAccount: ACME_IBAN,
  });
  const run = (settled: boolean) =>
    matchPayments([tx], openItemsForMatching(ledger, '2024-03-08'), ledger.customers, undefined, {
      ...(settled && { settledItems: settledItemsForMatching(ledger, '2024-03-08') }),
    })._unsafeUnwrap().decisions[0]!;

  it('is called a possible double payment, naming the reference and the paid day', () => {
    const d = run(true);
    const expected =
      `reference ${rf} is the payment reference of INV-1001, already paid: ` +
      'possible double payment of INV-1001 (paid on 2024-02-20)';
    expect(d.reason).toBe(expected);
    expect(d.signals[0]).toEqual({ code: 'reference_settled', weight: 0, detail: expected });
  });

  it('is never allocated to the paid invoice, nor applied automatically', () => {
    const d = run(true);
    expect(d.status).not.toBe('auto');
    const items = d.candidates.flatMap((c) => c.allocations.map((a) => a.itemId));
    expect(items).not.toContain('INV-1001');
    expect({ ...run(false), reason: '', signals: [] }).toEqual({ ...d, reason: '', signals: [] });
  });
});
