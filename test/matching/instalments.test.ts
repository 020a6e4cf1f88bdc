import { describe, expect, it } from 'vitest';
import { EMPTY_LEDGER, type Ledger } from '../../src/ledger/types.js';
import { matchPayments, openItemsForMatching } from '../../src/matching/index.js';
import { ACME, ACME_IBAN, credit } from './helpers.js';

// INV-1004 (300.00) is due in two instalments of 150.00: /1 on 03-01, /2 on 04-01.
const ledger: Ledger = {
  ...EMPTY_LEDGER,
  customers: [ACME],
  invoices: [
    {
      id: 'INV-1004',
      customerId: 'C-88',
      currency: 'EUR',
      issueDate: '2024-02-01',
      dueDate: '2024-04-01',
      amount: '300.00',
      instalments: [
        { id: 'INV-1004/1', dueDate: '2024-03-01', amount: '150.00' },
        { id: 'INV-1004/2', dueDate: '2024-04-01', amount: '150.00' },
      ],
    },
  ],
};

const decide = (text: string) =>
  matchPayments(
    [credit('t', '150.00', { remittanceText: text, counterpartyAccount: ACME_IBAN })],
    openItemsForMatching(ledger, '2024-03-08'),
    ledger.customers,
  )._unsafeUnwrap().decisions[0]!;

describe('instalments named in the text', () => {
  it("reads 'INV-1004/2' as the instalment's own id, not a typo of INV-1004", () => {
    const d = decide('Rate 2 INV-1004/2');
    expect(d.allocations.map((a) => [a.kind, a.itemId, a.amount])).toEqual([
      ['payment', 'INV-1004/2', '150.00'],
    ]);
    expect(d.signals.map((s) => s.code)).not.toContain('invoice_number_typo');
    const details = d.signals.map((s) => s.detail);
    expect(details).toContain("'INV-1004/2' in the text is instalment INV-1004/2");
    expect(details).toContain('amount equals the open amount of instalment INV-1004/2');
  });

  it('names the instalment matched when the text quotes only the invoice number', () => {
    // Both instalments are 150.00: the invoice number names both, so no single answer.
    const d = decide('INV-1004');
    const first = d.candidates[0]!;
    const item = first.allocations[0]!.itemId!;
    expect(first.signals.map((s) => s.detail)).toContain(
      `invoice number INV-1004 (instalment ${item}) in the text`,
    );
    expect(first.signals.map((s) => s.detail)).toContain(
      `amount equals the open amount of instalment ${item}`,
    );
  });
});
