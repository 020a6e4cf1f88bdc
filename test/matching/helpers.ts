import type { Customer, OpenItem } from '../../src/ledger/types.js';
import type { BankTransaction } from '../../src/statements/types.js';

/** An open invoice with nothing paid yet. */
export function invoice(
  id: string,
  customerId: string,
  amount: string,
  dueDate: string,
  extra: Partial<OpenItem> = {},
): OpenItem {
  return {
    id,
    kind: 'invoice',
    invoiceId: id,
    number: id,
    customerId,
    currency: 'EUR',
    issueDate: '2024-02-01',
    dueDate,
    amount,
    allocatedAmount: '0.00',
    writtenOffAmount: '0.00',
    openAmount: amount,
    status: 'open',
    disputed: false,
    ...extra,
  };
}

/** A credit transfer received on 2024-03-08. */
export function credit(
  id: string,
  amount: string,
  extra: Partial<BankTransaction> = {},
): BankTransaction {
  return {
    id,
    statementId: 'ST-1',
    bookingDate: '2024-03-08',
    valueDate: '2024-03-08',
    amount,
    currency: 'EUR',
    direction: 'credit',
    reversal: false,
    ...extra,
  };
}

export const ACME: Customer = {
  id: 'C-88',
  name: 'Acme GmbH & Co. KG',
  accounts: ['DE89370400440532013000'],
};
export const BETA: Customer = { id: 'C-1', name: 'Beta Trading Ltd' };
export const MUELLER: Customer = { id: 'C-7', name: 'Müller Maschinenbau AG' };
export const ACME_IBAN = 'DE89 3704 0044 0532 0130 00';
