import { describe, expect, it } from 'vitest';
import { EMPTY_LEDGER, type Ledger } from '../../src/ledger/types.js';
import { applyMatches, matchPayments, openItemsForMatching } from '../../src/matching/index.js';
import { ACME, ACME_IBAN, credit } from './helpers.js';

const ledger: Ledger = {
  ...EMPTY_LEDGER,
  customers: [ACME],
  invoices: [
    {
      id: 'INV-3',
      customerId: 'C-88',
      currency: 'EUR',
      issueDate: '2024-02-01',
      dueDate: '2024-03-01',
      amount: '300.00',
    },
    {
      id: 'INV-4',
      customerId: 'C-88',
      currency: 'EUR',
      issueDate: '2024-02-01',
      dueDate: '2024-03-20',
      amount: '300.00',
    },
  ],
};

const match = (l: Ledger, txs: Parameters<typeof matchPayments>[0]) =>
  matchPayments(txs, openItemsForMatching(l, '2024-03-31'), l.customers, undefined, {
    priorPayments: l.payments,
  })._unsafeUnwrap();

describe('transactions the bank has not booked', () => {
  // Same payment as an exact, named one (auto when booked), but camt status PDNG.
  const named = { remittanceText: 'INV-3', counterpartyAccount: ACME_IBAN };

  it('are ignored, never applied nor suggested, with the status in the reason', () => {
    const booked = match(ledger, [credit('b', '300.00', { ...named, status: 'BOOK' })]);
    expect(booked.decisions[0]!.status).toBe('auto');
    const r = match(ledger, [credit('p', '300.00', { ...named, status: 'PDNG' })]);
    const d = r.decisions[0]!;
    expect([d.status, d.reason, d.confidence, d.allocations]).toEqual([
      'ignored',
      'not booked (PDNG)',
      0,
      [],
    ]);
    expect(d.signals.map((s) => s.code)).toEqual(['not_booked']);
    expect(applyMatches(ledger, r, '2024-03-31')).toBe(ledger);
  });
});

describe('transactions already in the ledger', () => {
  it('are reported as applied, not offered again with new targets', () => {
    // First run: t1 pays INV-3 (named, known account) and is applied as PAY-t1.
    const t1 = credit('t1', '300.00', { remittanceText: 'INV-3', counterpartyAccount: ACME_IBAN });
    const first = match(ledger, [t1]);
    expect(first.decisions[0]!.status).toBe('auto');
    const after = applyMatches(ledger, first, '2024-03-31');
    // Second run on the same statement: INV-4 (300.00, same customer) would fit the
    // amount, but t1 is the ledger's PAY-t1 already.
    const second = match(after, [t1]);
    const d = second.decisions[0]!;
    expect([d.status, d.reason, d.candidates, d.allocations]).toEqual([
      'ignored',
      'already applied as PAY-t1',
      [],
      [],
    ]);
    expect(second.summary).toEqual({ auto: 0, suggest: 0, unmatched: 0, ignored: 1 });
    expect(applyMatches(after, second, '2024-03-31')).toBe(after);
  });
});
