import { describe, expect, it } from 'vitest';
import { ageReceivables } from '../../src/aging/index.js';
import { balancesAsOf } from '../../src/ledger/index.js';
import { invoice, ledgerOf, payment } from '../ledger/helpers.js';

describe('ageReceivables: exact sums beyond 2^53 minor units', () => {
  // 90071992547409.91 EUR is 9,007,199,254,740,991 cents = 2^53 - 1, the largest safe
  // integer: two of them (180143985094819.82) can no longer be summed in a double.
  const max = '90071992547409.91';
  const ledger = ledgerOf({
    invoices: [
      invoice('INV-1', max, { dueDate: '2026-03-31' }),
      invoice('INV-2', max, { dueDate: '2026-03-31' }),
      // 19 digits, read as a bigint: 12345678901234567.89, 1 day past due.
      invoice('INV-3', '12345678901234567.89', { dueDate: '2026-03-30' }),
      invoice('INV-4', max, { dueDate: '2026-03-30' }),
    ],
    payments: [
      payment('PAY-1', max, { date: '2026-03-31' }),
      payment('PAY-2', max, { date: '2026-03-31' }),
    ],
  });

  it('adds open and unapplied amounts to the cent, from a ledger and from balances', () => {
    const fromLedger = ageReceivables(ledger, { asOf: '2026-03-31' })._unsafeUnwrap();
    const row = fromLedger.rows[0]!;
    // current: 2 x 90071992547409.91 open - 2 x 90071992547409.91 unapplied = 0.00;
    // 1-30: 12345678901234567.89 + 90071992547409.91 = 12435750893781977.80.
    expect(row.amounts).toEqual(['0.00', '12435750893781977.80', '0.00', '0.00', '0.00', '0.00']);
    // open: 180143985094819.82 + 12435750893781977.80 = 12615894878876797.62
    expect(row.openAmount).toBe('12615894878876797.62');
    expect(row.unappliedCash).toBe('180143985094819.82');
    expect(row.balance).toBe('12435750893781977.80');
    const balances = balancesAsOf(ledger, '2026-03-31');
    expect(ageReceivables(balances, { customers: ledger.customers })._unsafeUnwrap()).toEqual(
      fromLedger,
    );
  });
});
