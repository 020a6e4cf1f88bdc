import { type DunningPolicy, parseDunningPolicy } from '../../src/dunning/index.js';
import type { Ledger, LedgerInvoice } from '../../src/ledger/types.js';
import { EMPTY_LEDGER } from '../../src/ledger/types.js';

/** A policy from JSON, failing the test on a validation error. */
export function policy(input: unknown): DunningPolicy {
  return parseDunningPolicy(input)._unsafeUnwrap();
}

/** An issued EUR invoice of customer C1. */
export function invoice(
  id: string,
  amount: string,
  dueDate: string,
  extra: Partial<LedgerInvoice> = {},
): LedgerInvoice {
  return {
    id,
    customerId: 'C1',
    currency: 'EUR',
    issueDate: '2024-01-02',
    dueDate,
    amount,
    ...extra,
  };
}

/** A ledger with customer C1 (a business in Berlin) and the given records. */
export function ledgerWith(parts: Partial<Ledger>): Ledger {
  return {
    ...EMPTY_LEDGER,
    customers: [
      {
        id: 'C1',
        name: 'Muster GmbH',
        email: 'ap@muster.example',
        locale: 'de-DE',
        timeZone: 'Europe/Berlin',
      },
    ],
    ...parts,
  };
}

/** A payment of C1 allocated in full to one item on its date. */
export function paid(
  id: string,
  itemId: string,
  amount: string,
  date: string,
): Pick<Ledger, 'payments' | 'allocations'> {
  return {
    payments: [{ id, customerId: 'C1', currency: 'EUR', date, amount }],
    allocations: [{ id: `A-${id}`, sourceId: id, itemId, amount, date }],
  };
}
