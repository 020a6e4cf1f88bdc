import { describe, expect, it } from 'vitest';
import {
  ageReceivables,
  agingToCsv,
  percentagesOf,
  resolveBuckets,
} from '../../src/aging/index.js';
import { balancesAsOf } from '../../src/ledger/index.js';
import { creditNote, invoice, ledgerOf, payment } from '../ledger/helpers.js';

describe('ageReceivables: the cases of the issue', () => {
  it('puts 1, 30, 31, 60 and 61 days past due into 0-30, 31-60 and 61+', () => {
    // As of 2026-03-31: due 03-30 -> 1 day, 03-01 -> 30, 02-28 -> 31, 01-30 -> 60
    // (1 + 28 + 31), 01-29 -> 61. So 0-30 holds 2 x 100, 31-60 holds 2 x 100, 61+ 100.
    const dues = ['2026-03-30', '2026-03-01', '2026-02-28', '2026-01-30', '2026-01-29'];
    const ledger = ledgerOf({
      invoices: dues.map((dueDate, i) =>
        invoice(`INV-${i}`, '100.00', { issueDate: '2025-12-01', dueDate }),
      ),
    });
    const report = ageReceivables(ledger, {
      asOf: '2026-03-31',
      basis: 'days-past-due',
      buckets: [
        { to: 30, label: '0-30' },
        { to: 60, label: '31-60' },
        { to: Number.POSITIVE_INFINITY, label: '61+' },
      ],
    })._unsafeUnwrap();
    expect(report.buckets.map((b) => b.label)).toEqual(['0-30', '31-60', '61+']);
    expect(report.rows[0]!.amounts).toEqual(['200.00', '200.00', '100.00']);
    expect(report.totals[0]).toMatchObject({
      balance: '500.00',
      percentages: ['40.00', '40.00', '20.00'],
    });
  });

  it('shows an unallocated credit note as a negative amount; the buckets add up to 700.00', () => {
    const ledger = ledgerOf({
      invoices: [invoice('INV-1', '1000.00', { issueDate: '2018-12-01', dueDate: '2018-12-31' })],
      creditNotes: [creditNote('CN-1', '300.00', { issueDate: '2019-01-20' })],
    });
    const report = ageReceivables(ledger, { asOf: '2019-01-31' })._unsafeUnwrap();
    // Invoice 31 days past due -> 31-60; credit note 11 days old -> 1-30, as -300.00.
    expect(report.rows[0]).toMatchObject({
      amounts: ['0.00', '-300.00', '1000.00', '0.00', '0.00', '0.00'],
      openAmount: '1000.00',
      unappliedCredit: '300.00',
      balance: '700.00',
    });
    const netted = ageReceivables(ledger, { asOf: '2019-01-31', unapplied: 'net-oldest' });
    expect(netted._unsafeUnwrap().rows[0]!.amounts).toEqual([
      '0.00',
      '0.00',
      '700.00',
      '0.00',
      '0.00',
      '0.00',
    ]);
  });
});

describe('ageReceivables', () => {
  const ledger = ledgerOf({
    customers: [{ id: 'C1', name: 'Acme, Inc.' }],
    invoices: [
      invoice('INV-1', '100.00', { dueDate: '2026-03-01' }),
      invoice('INV-2', '50.00', { dueDate: '2026-01-15' }),
      invoice('INV-3', '10.00', { customerId: 'C2', currency: 'KWD', amount: '10.000' }),
    ],
    payments: [payment('P-1', '500.00', { date: '2026-02-01' })],
  });

  it('ages by days since issue when asked', () => {
    const r = ageReceivables(ledger, {
      asOf: '2026-02-15',
      basis: 'days-since-issue',
    })._unsafeUnwrap();
    // Issued 2026-01-01: 45 days -> 31-60; payment of 2026-02-01: 14 days -> 1-30.
    expect(r.rows[0]!.amounts).toEqual(['0.00', '-500.00', '150.00', '0.00', '0.00', '0.00']);
    expect(r.rows[0]).toMatchObject({ customerName: 'Acme, Inc.', balance: '-350.00' });
  });

  it('nets more unapplied cash than is open into the first bucket', () => {
    const r = ageReceivables(ledger, {
      asOf: '2026-02-15',
      unapplied: 'net-oldest',
    })._unsafeUnwrap();
    // 500.00 takes INV-2 (31 days, 31-60) 50.00 and INV-1 (current) 100.00; -350.00 left.
    expect(r.rows[0]!.amounts).toEqual(['-350.00', '0.00', '0.00', '0.00', '0.00', '0.00']);
  });

  it('keeps currencies apart and gives the same report from balances', () => {
    const fromLedger = ageReceivables(ledger, { asOf: '2026-02-15' })._unsafeUnwrap();
    expect(fromLedger.totals.map((t) => [t.currency, t.balance])).toEqual([
      ['EUR', '-350.00'],
      ['KWD', '10.000'],
    ]);
    const balances = balancesAsOf(ledger, '2026-02-15');
    const fromBalances = ageReceivables(balances, { customers: ledger.customers })._unsafeUnwrap();
    expect(fromBalances).toEqual(fromLedger);
    expect(JSON.parse(JSON.stringify(fromLedger))).toEqual(fromLedger);
  });

  it('returns an error, not an exception, for a ledger parseLedger would refuse', () => {
    const bad = ledgerOf({ invoices: [invoice('I', '10.005')] });
    const e = ageReceivables(bad, { asOf: '2026-02-15' })._unsafeUnwrapErr();
    expect(e.code).toBe('invalid_input');
    expect(e.message).toContain('10.005');
  });

  it('refuses bad options', () => {
    expect(ageReceivables(ledger, {})._unsafeUnwrapErr().code).toBe('invalid_date');
    expect(
      ageReceivables(ledger, { asOf: '2026-02-15', buckets: [30, 10] })._unsafeUnwrapErr().code,
    ).toBe('invalid_input');
  });

  it('writes CSV with quoted names and a total line per currency', () => {
    const csv = agingToCsv(ageReceivables(ledger, { asOf: '2026-02-15' })._unsafeUnwrap());
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'customerId,customerName,currency,current,1-30,31-60,61-90,91-120,over 120,balance,openAmount,unappliedCash,unappliedCredit',
    );
    expect(lines[1]).toBe(
      'C1,"Acme, Inc.",EUR,100.00,-500.00,50.00,0.00,0.00,0.00,-350.00,150.00,500.00,0.00',
    );
    // INV-3 (KWD) is due 2026-01-31: 15 days past due on 2026-02-15, so 1-30.
    expect(lines.at(-1)).toBe(
      'TOTAL,,KWD,0.000,10.000,0.000,0.000,0.000,0.000,10.000,10.000,0.000,0.000',
    );
  });
});

describe('buckets and percentages', () => {
  it('labels the default buckets with inclusive bounds', () => {
    const b = resolveBuckets()._unsafeUnwrap();
    expect(b.map((x) => [x.label, x.from, x.to])).toEqual([
      ['current', null, 0],
      ['1-30', 1, 30],
      ['31-60', 31, 60],
      ['61-90', 61, 90],
      ['91-120', 91, 120],
      ['over 120', 121, null],
    ]);
  });

  it('hands out leftover hundredths by largest remainder, negative parts included', () => {
    expect(percentagesOf([1, 1, 1], 3)).toEqual(['33.34', '33.33', '33.33']);
    // -300 of 700 = -42.857...%, 1000 of 700 = 142.857...%: floors -42.86 and 142.85,
    // the one hundredth left goes to the larger remainder (142.857 -> 142.86).
    expect(percentagesOf([-300, 1000], 700)).toEqual(['-42.86', '142.86']);
    expect(percentagesOf([0, 0], 0)).toBeUndefined();
  });
});
