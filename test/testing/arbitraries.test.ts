import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calculateInvoice } from '../../src/invoice/index.js';
import { balancesAsOf, parseLedger } from '../../src/ledger/index.js';
import { parseMoney } from '../../src/money/index.js';
import {
  bankTransactionArbitrary,
  dunningPolicyArbitrary,
  invoiceDraftArbitrary,
  ledgerArbitrary,
  moneyArbitrary,
  unitsToAmount,
} from '../../src/testing/index.js';

const runs = { numRuns: 100 };

describe('arbitraries', () => {
  it('writes minor units as decimal strings', () => {
    expect(unitsToAmount(123456n, 2)).toBe('1234.56');
    expect(unitsToAmount(5n, 3)).toBe('0.005');
    expect(unitsToAmount(42n, 0)).toBe('42');
  });

  it('makes money that parses exactly on its minor unit', () => {
    fc.assert(
      fc.property(moneyArbitrary(), (m) => {
        expect(parseMoney(m.amount, m.currency, { exact: true })._unsafeUnwrap()).toEqual(m);
      }),
      runs,
    );
  });

  it('makes invoice drafts that calculate', () => {
    fc.assert(
      fc.property(invoiceDraftArbitrary(), (draft) => {
        expect(calculateInvoice(draft).isOk()).toBe(true);
      }),
      runs,
    );
  });

  it('makes ledgers that parse, where money is conserved (open + unapplied = invoiced - received)', () => {
    fc.assert(
      fc.property(ledgerArbitrary(), (ledger) => {
        expect(parseLedger(ledger).isOk()).toBe(true);
        const b = balancesAsOf(ledger, '2025-12-31');
        const cents = (s: string) => BigInt(s.replace('.', ''));
        const invoiced = ledger.invoices.reduce((t, i) => t + cents(i.amount), 0n);
        const received = ledger.payments.reduce((t, p) => t + cents(p.amount), 0n);
        const open = b.customers.reduce((t, c) => t + cents(c.openAmount), 0n);
        const unapplied = b.customers.reduce((t, c) => t + cents(c.unappliedCash), 0n);
        expect(open - unapplied).toBe(invoiced - received);
      }),
      runs,
    );
  });

  it('makes bank transactions with positive amounts and stable ids', () => {
    fc.assert(
      fc.property(bankTransactionArbitrary(), (t) => {
        expect(t.amount).toMatch(/^\d+\.\d{2}$/);
        expect(t.id).toMatch(/^TX-\d+$/);
      }),
      runs,
    );
  });

  it('makes dunning policies with ascending levels', () => {
    fc.assert(
      fc.property(dunningPolicyArbitrary(), (p) => {
        const days = p.levels.map((l) => l.daysAfterDue);
        expect(days).toEqual([...days].sort((a, b) => a - b));
      }),
      runs,
    );
  });
});
