import { describe, expect, it } from 'vitest';
import { balancesAsOf } from '../../src/ledger/index.js';
import { charge, invoice, ledgerOf } from './helpers.js';

describe('balancesAsOf: charges on charges', () => {
  const disputed = invoice('I1', '100.00', { disputes: [{ from: '2026-01-01' }] });
  const fee = charge('FEE', 'fee', '5.00', { date: '2026-01-15', itemId: 'I1' });
  const interest = charge('INT', 'interest', '2.00', { date: '2026-02-01', itemId: 'FEE' });

  it('a charge on a disputed invoice, and a charge on that charge, are disputed in any order', () => {
    for (const charges of [
      [fee, interest],
      [interest, fee],
    ]) {
      const b = balancesAsOf(ledgerOf({ invoices: [disputed], charges }), '2026-03-01');
      for (const id of ['FEE', 'INT']) {
        expect(b.items.find((i) => i.id === id)).toMatchObject({ disputed: true, invoiceId: 'I1' });
      }
    }
  });

  it('two charges on each other end the chain: no invoice, not disputed', () => {
    const a = charge('A', 'fee', '1.00', { itemId: 'B' });
    const b = charge('B', 'fee', '1.00', { itemId: 'A' });
    const items = balancesAsOf(ledgerOf({ invoices: [disputed], charges: [a, b] }), '2026-03-01');
    for (const item of items.items.filter((i) => i.kind === 'charge')) {
      expect(item.disputed).toBe(false);
      expect(item.invoiceId).toBeUndefined();
    }
  });
});
