import { describe, expect, it } from 'vitest';
import { balancesAsOf, EMPTY_LEDGER, type Ledger } from '../../src/ledger/index.js';

const inv = (id: string, amount: string, issueDate = '2026-01-01', dueDate = '2026-01-31') => ({
  id,
  customerId: 'C1',
  currency: 'EUR',
  issueDate,
  dueDate,
  amount,
});

describe('balancesAsOf', () => {
  it('leaves 200.00 unapplied when 1200.00 pays a 1000.00 invoice', () => {
    const ledger: Ledger = {
      ...EMPTY_LEDGER,
      invoices: [inv('INV-1', '1000.00')],
      payments: [
        { id: 'P-1', customerId: 'C1', currency: 'EUR', date: '2026-02-01', amount: '1200.00' },
      ],
      allocations: [
        { id: 'A-1', sourceId: 'P-1', itemId: 'INV-1', amount: '1000.00', date: '2026-02-01' },
      ],
    };
    const b = balancesAsOf(ledger, '2026-02-28');
    expect(b.items[0]).toMatchObject({
      openAmount: '0.00',
      status: 'paid',
      settledOn: '2026-02-01',
    });
    // 0.00 open - 200.00 unapplied cash = -200.00
    expect(b.customers).toEqual([
      {
        customerId: 'C1',
        currency: 'EUR',
        openAmount: '0.00',
        unappliedCash: '200.00',
        unappliedCredit: '0.00',
        balance: '-200.00',
      },
    ]);
    // Before the payment's date, nothing of it counts.
    expect(balancesAsOf(ledger, '2026-01-31').customers[0]!.balance).toBe('1000.00');
  });

  it('keeps instalments as separate items, excludes drafts, and honours reversals', () => {
    const ledger: Ledger = {
      ...EMPTY_LEDGER,
      invoices: [
        {
          ...inv('INV-7', '300.00'),
          instalments: [
            { id: 'INV-7/1', dueDate: '2026-02-01', amount: '100.00' },
            { id: 'INV-7/2', dueDate: '2026-03-01', amount: '200.00' },
          ],
          disputes: [{ from: '2026-02-10', until: '2026-02-20' }],
        },
        { ...inv('INV-8', '50.00'), status: 'draft' },
      ],
      payments: [
        {
          id: 'P-1',
          customerId: 'C1',
          currency: 'EUR',
          date: '2026-02-01',
          amount: '100.00',
          reversedOn: '2026-02-05',
        },
      ],
      allocations: [
        { id: 'A-1', sourceId: 'P-1', itemId: 'INV-7/1', amount: '100.00', date: '2026-02-01' },
      ],
    };
    const feb3 = balancesAsOf(ledger, '2026-02-03');
    expect(feb3.items.map((i) => [i.id, i.openAmount, i.status])).toEqual([
      ['INV-7/1', '0.00', 'paid'],
      ['INV-7/2', '200.00', 'open'],
    ]);
    const feb15 = balancesAsOf(ledger, '2026-02-15');
    // The payment came back on 2026-02-05: the instalment is open again, and disputed.
    expect(feb15.items[0]).toMatchObject({ openAmount: '100.00', status: 'open', disputed: true });
    expect(feb15.sources).toEqual([]);
    expect(balancesAsOf(ledger, '2026-02-21').items[0]!.disputed).toBe(false);
  });

  it('keeps charges apart and applies write-offs and refunds', () => {
    const ledger: Ledger = {
      ...EMPTY_LEDGER,
      invoices: [inv('INV-1', '100.00')],
      charges: [
        {
          id: 'FEE-1',
          kind: 'fee',
          customerId: 'C1',
          currency: 'EUR',
          date: '2026-02-15',
          amount: '5.00',
          itemId: 'INV-1',
        },
      ],
      creditNotes: [
        { id: 'CN-1', customerId: 'C1', currency: 'EUR', issueDate: '2026-02-01', amount: '30.00' },
      ],
      refunds: [
        {
          id: 'R-1',
          customerId: 'C1',
          currency: 'EUR',
          date: '2026-02-02',
          amount: '10.00',
          sourceId: 'CN-1',
        },
      ],
      writeOffs: [{ id: 'W-1', itemId: 'INV-1', date: '2026-03-01', amount: '100.00' }],
    };
    const b = balancesAsOf(ledger, '2026-03-01');
    expect(b.items.map((i) => [i.id, i.kind, i.openAmount, i.status])).toEqual([
      ['INV-1', 'invoice', '0.00', 'written_off'],
      ['FEE-1', 'charge', '5.00', 'open'],
    ]);
    // 5.00 open - 20.00 credit left (30.00 - 10.00 refunded) = -15.00
    expect(b.customers[0]).toMatchObject({ unappliedCredit: '20.00', balance: '-15.00' });
    expect(b.exceptions).toEqual([]);
  });

  it('handles a 3-decimal currency (KWD) exactly', () => {
    const base: Ledger = {
      ...EMPTY_LEDGER,
      invoices: [{ ...inv('INV-K', '1234.567'), currency: 'KWD' }],
      payments: [
        { id: 'P-K', customerId: 'C1', currency: 'KWD', date: '2026-02-01', amount: '1234.567' },
      ],
    };
    const full = {
      ...base,
      allocations: [
        { id: 'A', sourceId: 'P-K', itemId: 'INV-K', amount: '1234.567', date: '2026-02-01' },
      ],
    };
    expect(balancesAsOf(full, '2026-02-01').items[0]).toMatchObject({
      openAmount: '0.000',
      status: 'paid',
    });
    const part = {
      ...base,
      allocations: [
        { id: 'A', sourceId: 'P-K', itemId: 'INV-K', amount: '1000.000', date: '2026-02-01' },
      ],
    };
    expect(balancesAsOf(part, '2026-02-01').items[0]).toMatchObject({
      openAmount: '234.567',
      status: 'partially_paid',
    });
  });

  it('caps an allocation beyond what is open and reports it', () => {
    const ledger: Ledger = {
      ...EMPTY_LEDGER,
      invoices: [inv('INV-1', '10.00')],
      payments: [
        { id: 'P', customerId: 'C1', currency: 'EUR', date: '2026-01-02', amount: '50.00' },
      ],
      allocations: [
        { id: 'A', sourceId: 'P', itemId: 'INV-1', amount: '20.00', date: '2026-01-02' },
      ],
    };
    const b = balancesAsOf(ledger, '2026-01-02');
    expect(b.customers[0]).toMatchObject({ openAmount: '0.00', unappliedCash: '40.00' });
    expect(b.exceptions).toEqual([
      { kind: 'allocation', id: 'A', reason: 'capped', amount: '20.00', appliedAmount: '10.00' },
    ]);
  });
});
