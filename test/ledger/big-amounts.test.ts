import { describe, expect, it } from 'vitest';
import { balancesAsOf } from '../../src/ledger/index.js';
import { invoice, ledgerOf, payment } from './helpers.js';

// The replay keeps amounts in Float64Array columns while they are safe integers and
// switches a row to an exact bigint beside the column when one is not: these amounts
// of 19 and 20 digits go through that path for the amount, the allocated amount and
// the unapplied amount of a payment.
describe('balancesAsOf: amounts beyond 2^53 minor units through allocations', () => {
  const ledger = ledgerOf({
    invoices: [
      invoice('INV-BIG', '12345678901234567.89'),
      invoice('INV-2', '10.00'),
      invoice('INV-3', '500.00', { customerId: 'C2' }),
    ],
    payments: [
      payment('PAY-1', '1.00'),
      payment('PAY-BIG', '99999999999999999.99', { customerId: 'C2' }),
    ],
    allocations: [
      { id: 'A-1', sourceId: 'PAY-1', itemId: 'INV-BIG', amount: '0.89', date: '2026-02-01' },
      { id: 'A-2', sourceId: 'PAY-BIG', itemId: 'INV-3', amount: '500.00', date: '2026-02-01' },
    ],
  });
  const b = balancesAsOf(ledger, '2026-02-28');

  it('takes a small allocation off a bigint amount to the cent', () => {
    const big = b.items.find((i) => i.id === 'INV-BIG')!;
    // 12345678901234567.89 - 0.89 = 12345678901234567.00
    expect(big).toMatchObject({
      allocatedAmount: '0.89',
      openAmount: '12345678901234567.00',
      status: 'partially_paid',
    });
    // C1: 12345678901234567.00 + 10.00 open; 1.00 - 0.89 = 0.11 left on PAY-1.
    const c1 = b.customers.find((c) => c.customerId === 'C1')!;
    expect(c1).toMatchObject({
      openAmount: '12345678901234577.00',
      unappliedCash: '0.11',
      balance: '12345678901234576.89',
    });
  });

  it('takes a normal allocation off a bigint payment to the cent', () => {
    expect(b.items.find((i) => i.id === 'INV-3')).toMatchObject({ status: 'paid' });
    // 99999999999999999.99 - 500.00 = 99999999999999499.99 unapplied; C2 owes nothing.
    expect(b.sources.find((s) => s.id === 'PAY-BIG')?.unappliedAmount).toBe('99999999999999499.99');
    expect(b.customers.find((c) => c.customerId === 'C2')?.balance).toBe('-99999999999999499.99');
  });
});

describe('balancesAsOf: a ledger with more instalments than invoices', () => {
  // 10 invoices of 50.00 in 5 instalments of 10.00: 50 items from 10 records, so the
  // replay's tables (room for one item per record) grow on the way.
  const invoices = Array.from({ length: 10 }, (_, n) =>
    invoice(`INV-${n}`, '50.00', {
      instalments: Array.from({ length: 5 }, (_, k) => ({
        id: `INV-${n}/${k + 1}`,
        dueDate: `2026-0${k + 1}-28`,
        amount: '10.00',
      })),
    }),
  );
  const ledger = ledgerOf({
    invoices,
    payments: [payment('PAY-1', '5.00')],
    allocations: [
      { id: 'A-1', sourceId: 'PAY-1', itemId: 'INV-9/5', amount: '5.00', date: '2026-02-01' },
    ],
  });

  it('keeps every instalment and applies to the last one', () => {
    const b = balancesAsOf(ledger, '2026-02-28');
    expect(b.items).toHaveLength(50);
    expect(b.items.map((i) => i.id).slice(-2)).toEqual(['INV-9/4', 'INV-9/5']);
    expect(b.items.at(-1)).toMatchObject({ openAmount: '5.00', status: 'partially_paid' });
    // 50 x 10.00 - 5.00
    expect(b.customers[0]?.balance).toBe('495.00');
  });
});
