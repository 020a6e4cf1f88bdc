import { describe, expect, it } from 'vitest';
import { EMPTY_DUNNING_HISTORY, planDunning } from '../../src/dunning/index.js';
import type { LedgerCreditNote } from '../../src/ledger/types.js';
import { invoice, ledgerWith, policy } from './helpers.js';

const p = policy({
  levels: [{ daysAfterDue: 30, channel: 'email', templateId: 'reminder-2', claimInterest: true }],
  interest: { compensation: {} },
});

const withCredit = (note: Partial<LedgerCreditNote>) =>
  ledgerWith({
    invoices: [invoice('INV-1', '1000.00', '2024-03-01')],
    creditNotes: [
      {
        id: 'CN-1',
        customerId: 'C1',
        currency: 'EUR',
        issueDate: '2024-03-20',
        amount: '400.00',
        ...note,
      },
    ],
    allocations: [
      { id: 'A-1', sourceId: 'CN-1', itemId: 'INV-1', amount: '400.00', date: '2024-03-20' },
    ],
  });
const interestOf = (ledger: ReturnType<typeof withCredit>) =>
  planDunning(ledger, EMPTY_DUNNING_HISTORY, p, '2024-03-31')
    ._unsafeUnwrap()
    .actions[0]!.charges.map((c) => [c.kind, c.amount]);

describe('late interest and credit notes', () => {
  it('counts a credit note correcting the invoice from its due date', () => {
    // The claim was 600.00 all along: 30 days (03-02..03-31) at 12.5 %:
    // 600 * 0.125 * 30 / 365 = 6.16438 -> 6.16.
    expect(interestOf(withCredit({ invoiceId: 'INV-1' }))).toEqual([['interest', '6.16']]);
  });

  it('counts a credit note for something else like a payment, from its allocation', () => {
    // 1000.00 for 19 days (03-02..03-20), then 600.00 for 11 days (03-21..03-31):
    // (1000 * 19 + 600 * 11) * 0.125 / 365 = 25600 * 0.125 / 365 = 8.76712 -> 8.77.
    expect(interestOf(withCredit({}))).toEqual([['interest', '8.77']]);
    expect(interestOf(withCredit({ invoiceId: 'INV-OTHER' }))).toEqual([['interest', '8.77']]);
  });
});
