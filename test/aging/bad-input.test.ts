import { describe, expect, it } from 'vitest';
import { ageReceivables } from '../../src/aging/index.js';
import type { Balances, Ledger } from '../../src/ledger/index.js';
import { invoice, ledgerOf, payment } from '../ledger/helpers.js';

// A ledger that did not go through parseLedger (typed data from a host's own code):
// what parseLedger would refuse must come back as an error value, never a throw and
// never a report that silently left a record out.
const age = (ledger: Ledger) => ageReceivables(ledger, { asOf: '2026-03-01' });

describe('ageReceivables: a ledger parseLedger would refuse', () => {
  it('refuses an unknown currency, from a ledger and from balances', () => {
    const error = age(ledgerOf({ invoices: [invoice('I1', '100.00', { currency: 'EURO' })] }));
    expect(error._unsafeUnwrapErr().message).toContain('unknown currency "EURO"');
    const balances: Balances = {
      asOf: '2026-03-01',
      items: [
        {
          id: 'I1',
          kind: 'invoice',
          customerId: 'C1',
          currency: 'eur',
          issueDate: '2024-01-01',
          dueDate: '2024-01-31',
          amount: '1.00',
          allocatedAmount: '0.00',
          writtenOffAmount: '0.00',
          openAmount: '1.00',
          status: 'open',
          disputed: false,
        },
      ],
      sources: [],
      customers: [],
      exceptions: [],
    };
    expect(ageReceivables(balances).isErr()).toBe(true);
  });

  it('refuses a missing due date wherever the item is in the ledger', () => {
    const missing = invoice('I2', '10.00', { dueDate: undefined as unknown as string });
    const valid = invoice('I1', '100.00');
    expect(age(ledgerOf({ invoices: [missing] })).isErr()).toBe(true);
    expect(age(ledgerOf({ invoices: [missing, valid] })).isErr()).toBe(true);
    expect(age(ledgerOf({ invoices: [valid, missing] })).isErr()).toBe(true);
  });

  it('refuses a malformed date instead of reading the record as dated later', () => {
    // '2026-1-1' sorts after '2026-03-01' as text: it used to drop the invoice.
    for (const issueDate of ['2026-1-1', '20260101']) {
      const ledger = ledgerOf({ invoices: [invoice('I1', '100.00', { issueDate })] });
      expect(age(ledger)._unsafeUnwrapErr().message).toContain(`"${issueDate}" is not a date`);
    }
    const later = payment('P1', '5.00', { date: '2026-13-01' });
    expect(age(ledgerOf({ payments: [later] })).isErr()).toBe(true);
    const reversed = payment('P1', '5.00', { date: '2026-01-10', reversedOn: '2026-2-1' });
    expect(age(ledgerOf({ payments: [reversed] })).isErr()).toBe(true);
  });
});
