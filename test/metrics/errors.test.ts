import { describe, expect, it } from 'vitest';
import type { Ledger } from '../../src/ledger/types.js';
import { collectionMetrics, dso } from '../../src/metrics/index.js';
import { ledger } from './fixture.js';

const jan = { from: '2026-01-01', to: '2026-01-31' };
const usd = {
  id: 'INV-U1',
  customerId: 'A',
  currency: 'USD',
  issueDate: '2026-01-02',
  dueDate: '2026-02-01',
  amount: '50.00',
};

describe('metrics refuse what they cannot measure honestly', () => {
  it('asks for a currency when the ledger holds several, and never mixes them', () => {
    const mixed: Ledger = { ...ledger, invoices: [...ledger.invoices, usd] };
    expect(dso(mixed, jan)._unsafeUnwrapErr()).toMatchObject({
      code: 'currency_required',
      currencies: ['EUR', 'USD'],
    });
    // In USD only INV-U1 counts: 50 / 50 x 31 = 31.00; EUR is as before (12.40).
    expect(dso(mixed, jan, { currency: 'USD' })._unsafeUnwrap()).toEqual({ value: '31.00' });
    expect(dso(mixed, jan, { currency: 'EUR' })._unsafeUnwrap()).toEqual({ value: '12.40' });
  });

  it('refuses an unknown currency', () => {
    expect(dso(ledger, jan, { currency: 'XYZ' })._unsafeUnwrapErr().code).toBe('unknown_currency');
  });

  it('refuses an allocation across currencies, with its path', () => {
    const bad: Ledger = {
      ...ledger,
      invoices: [...ledger.invoices, usd],
      allocations: [
        ...ledger.allocations,
        { id: 'X', sourceId: 'PA2', itemId: 'INV-U1', amount: '1.00', date: '2026-05-01' },
      ],
    };
    expect(dso(bad, jan, { currency: 'EUR' })._unsafeUnwrapErr()).toMatchObject({
      code: 'currency_mismatch',
      path: ['allocations', 4],
    });
  });

  it('refuses an allocation to a draft invoice', () => {
    const draft = { ...usd, id: 'INV-DR', currency: 'EUR', status: 'draft' as const };
    const bad: Ledger = {
      ...ledger,
      invoices: [...ledger.invoices, draft],
      allocations: [
        ...ledger.allocations,
        { id: 'X', sourceId: 'PA2', itemId: 'INV-DR', amount: '1.00', date: '2026-05-01' },
      ],
    };
    expect(dso(bad, jan)._unsafeUnwrapErr().code).toBe('not_allocatable');
  });

  it('refuses a ledger that allocates more than an item holds', () => {
    const bad: Ledger = {
      ...ledger,
      payments: [
        ...ledger.payments,
        { id: 'PX', customerId: 'A', currency: 'EUR', date: '2026-01-26', amount: '50.00' },
      ],
      allocations: [
        ...ledger.allocations,
        { id: 'X', sourceId: 'PX', itemId: 'INV-A1', amount: '50.00', date: '2026-01-26' },
      ],
    };
    expect(dso(bad, jan)._unsafeUnwrapErr()).toMatchObject({
      code: 'overallocation',
      path: ['items', 'INV-A1'],
    });
  });

  it('refuses a bad period or look-back with a path', () => {
    const r = collectionMetrics(ledger, [jan, { from: '2026-03-01', to: '2026-02-01' }]);
    expect(r._unsafeUnwrapErr()).toMatchObject({
      code: 'invalid_input',
      path: ['periods', 1, 'to'],
    });
    const cb = collectionMetrics(ledger, [jan], { countBackMonths: 0 });
    expect(cb._unsafeUnwrapErr().code).toBe('invalid_input');
  });

  it('never returns NaN or Infinity, even for an empty scope', () => {
    const none = collectionMetrics(ledger, [jan], { currency: 'EUR', customerIds: ['nobody'] });
    const row = none._unsafeUnwrap()[0]!;
    expect(row.dso).toEqual({ value: null, reason: 'no_sales' });
    expect(row.cei).toEqual({ value: null, reason: 'nothing_collectible' });
    expect(row.percentCurrent).toEqual({ value: null, reason: 'no_receivables' });
    expect(JSON.stringify(row)).not.toMatch(/NaN|Infinity/);
  });
});
