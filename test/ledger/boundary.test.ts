import { describe, expect, it } from 'vitest';
import { InvariantError } from '../../src/errors/index.js';
import {
  balancesAsOf,
  balancesAsOfChecked,
  parseLedger,
  readLedgerCsv,
  readLedgerText,
} from '../../src/ledger/index.js';
import { invoice, ledgerOf, payment } from './helpers.js';

const ledger = ledgerOf({
  invoices: [invoice('INV-1', '1000.00')],
  payments: [payment('P-1', '1200.00')],
  allocations: [
    { id: 'A-1', sourceId: 'P-1', itemId: 'INV-1', amount: '1000.00', date: '2026-02-01' },
  ],
});

describe('balancesAsOf refuses a date that is not one, loudly', () => {
  it('throws InvariantError for 2026-02-30, for undefined and for a timestamp', () => {
    for (const bad of ['2026-02-30', undefined, '2026-02-01T00:00:00Z', '', 20260201]) {
      expect(() => balancesAsOf(ledger, bad as string)).toThrow(InvariantError);
    }
    expect(() => balancesAsOf(ledger, '2026-02-30')).toThrow(/"2026-02-30"/);
  });

  it('still answers for a real date, including 29 February of a leap year', () => {
    // 2028 is a leap year. Payment and allocation are dated 2026-02-01: by 2028-02-29
    // 0.00 is open and 1200.00 - 1000.00 = 200.00 is unapplied, so the balance is -200.00.
    expect(balancesAsOf(ledger, '2028-02-29').customers[0]!.balance).toBe('-200.00');
  });
});

describe('balancesAsOfChecked: the entry for a ledger and a date from outside', () => {
  it('returns the balances of a ledger that parses, as balancesAsOf does', () => {
    const r = balancesAsOfChecked(JSON.parse(JSON.stringify(ledger)), '2026-02-28');
    // 0.00 open - 200.00 unapplied cash = -200.00
    expect(r._unsafeUnwrap().customers[0]!.balance).toBe('-200.00');
    expect(r._unsafeUnwrap()).toEqual(balancesAsOf(ledger, '2026-02-28'));
  });

  it('refuses a date that is not a calendar date with invalid_date at asOf', () => {
    for (const bad of ['2026-02-30', undefined, null, 7, {}]) {
      expect(balancesAsOfChecked(ledger, bad)._unsafeUnwrapErr()).toMatchObject({
        code: 'invalid_date',
        path: ['asOf'],
      });
    }
  });

  it('refuses a ledger that parseLedger refuses, with its path', () => {
    const bad = { invoices: [invoice('I', '10.005')] };
    expect(balancesAsOfChecked(bad, '2026-02-28')._unsafeUnwrapErr()).toMatchObject({
      code: 'invalid_input',
      path: ['invoices', 0, 'amount'],
    });
    expect(balancesAsOfChecked('not a ledger', '2026-02-28')._unsafeUnwrapErr().code).toBe(
      'invalid_input',
    );
  });
});

describe('reading empty or odd ledger text', () => {
  it('says the input is empty instead of a CSV delimiter complaint', () => {
    for (const text of ['', '   \n\t', '\uFEFF', '\uFEFF \r\n']) {
      const e = readLedgerText(text)._unsafeUnwrapErr();
      expect(e.code).toBe('parse_error');
      expect(e.message).toBe('Cannot read ledger: the input is empty (no JSON or CSV text)');
    }
    expect(readLedgerText('', 'json')._unsafeUnwrapErr().message).toContain('ledger JSON');
    expect(readLedgerCsv('')._unsafeUnwrapErr().message).toBe(
      'Cannot read ledger CSV: the input is empty (no header line)',
    );
  });

  it('reads a top-level JSON array as JSON (and refuses it), not as CSV', () => {
    const e = readLedgerText('[]')._unsafeUnwrapErr();
    expect(e.code).toBe('invalid_input');
    expect(e.message).not.toContain('CSV');
  });

  it('refuses content that is not a string, and an unknown format, without throwing', () => {
    expect(readLedgerText(42 as unknown as string)._unsafeUnwrapErr().code).toBe('invalid_input');
    expect(readLedgerCsv(null as unknown as string)._unsafeUnwrapErr().code).toBe('invalid_input');
    const format = readLedgerText('{}', 'xml' as 'json')._unsafeUnwrapErr();
    expect(format).toMatchObject({ code: 'invalid_input', path: ['format'] });
  });
});

describe('early-payment discounts offered on an invoice', () => {
  const offer = (discount: Record<string, unknown>) =>
    parseLedger({ invoices: [{ ...invoice('I', '100.00'), discounts: [discount] }] });

  it('accepts a rate above 0 and below 100 percent, with or without a base amount', () => {
    expect(offer({ until: '2026-01-10', percent: '2' }).isOk()).toBe(true);
    expect(offer({ until: '2026-01-10', percent: '99.99' }).isOk()).toBe(true);
    expect(offer({ until: '2026-01-10', percent: '0.5', baseAmount: '80.00' }).isOk()).toBe(true);
  });

  it('refuses 150 %, 100 %, 0 % and negative rates at the percent', () => {
    for (const percent of ['150', '100', '100.00', '0100', '0', '0.00', '-2', 'abc']) {
      expect(offer({ until: '2026-01-10', percent })._unsafeUnwrapErr()).toMatchObject({
        code: 'invalid_input',
        path: ['invoices', 0, 'discounts', 0, 'percent'],
      });
    }
  });

  it('refuses a date that is not one and a base amount that is not an amount', () => {
    const until = offer({ until: '2026-02-30', percent: '2' })._unsafeUnwrapErr();
    expect(until.path).toEqual(['invoices', 0, 'discounts', 0, 'until']);
    for (const baseAmount of ['-5.00', '0', '80.005', 'eighty', 80]) {
      expect(
        offer({ until: '2026-01-10', percent: '2', baseAmount })._unsafeUnwrapErr(),
      ).toMatchObject({
        code: 'invalid_input',
        path: ['invoices', 0, 'discounts', 0, 'baseAmount'],
      });
    }
  });
});
