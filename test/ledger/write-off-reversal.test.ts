import { describe, expect, it } from 'vitest';
import { balancesAsOf, parseLedger } from '../../src/ledger/index.js';
import { invoice, ledgerOf } from './helpers.js';

describe('balancesAsOf: a write-off undone', () => {
  const ledger = ledgerOf({
    invoices: [invoice('I1', '100.00')],
    writeOffs: [
      { id: 'W1', itemId: 'I1', date: '2026-02-01', amount: '30.00', reversedOn: '2026-02-10' },
    ],
  });

  it('counts from its date until the day before it was undone', () => {
    const item = (asOf: string) => balancesAsOf(ledger, asOf).items[0]!;
    expect(item('2026-01-31')).toMatchObject({ openAmount: '100.00', status: 'open' });
    // 100.00 - 30.00 written off
    expect(item('2026-02-09')).toMatchObject({ openAmount: '70.00', writtenOffAmount: '30.00' });
    expect(item('2026-02-10')).toMatchObject({
      openAmount: '100.00',
      writtenOffAmount: '0.00',
      status: 'open',
    });
  });

  it('is read by parseLedger, and a malformed reversal date is refused', () => {
    expect(parseLedger(ledger)._unsafeUnwrap().writeOffs[0]?.reversedOn).toBe('2026-02-10');
    const bad = { ...ledger, writeOffs: [{ ...ledger.writeOffs[0]!, reversedOn: '2026-2-10' }] };
    expect(parseLedger(bad)._unsafeUnwrapErr().path).toEqual(['writeOffs', 0, 'reversedOn']);
    expect(() => balancesAsOf(bad, '2026-03-01')).toThrow(RangeError);
  });
});
