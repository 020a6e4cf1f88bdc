import { describe, expect, it } from 'vitest';
import { InvariantError } from '../../src/errors/index.js';
import type { Ledger } from '../../src/ledger/types.js';
import {
  countBackDso,
  dso,
  expectedCash,
  latestPayers,
  periodSeries,
  previousPeriod,
} from '../../src/metrics/index.js';
import { invoice, ledgerOf, payment } from '../ledger/helpers.js';

// The calendar runs from 0000-01-01 to 9999-12-31; year 0 is a leap year (divisible by 400).
const yearZero: Ledger = ledgerOf({
  invoices: [
    invoice('I-1', '100.00', { issueDate: '0000-01-10', dueDate: '0000-02-09' }),
    invoice('I-2', '50.00', { issueDate: '0000-02-05', dueDate: '0000-03-06' }),
  ],
});

describe('metrics in the first months of the calendar', () => {
  it('computes count-back DSO in 0000-01 instead of throwing on "year -1"', () => {
    // Receivable on 0000-01-31: 100.00; January's sales 100.00 over 31 days: 31.00.
    const jan = { from: '0000-01-01', to: '0000-01-31' };
    expect(countBackDso(yearZero, jan, { currency: 'EUR' })._unsafeUnwrap()).toEqual({
      value: '31.00',
    });
  });

  it('walks back only as far as 0000-01, which changes no result', () => {
    // 0000-02-29: 150.00 owed. February's 50.00 is used up (29 days), then 100.00 of
    // January's 100.00 (31 days): 29 + 31 = 60.00. DSO: 150 / 50 x 29 = 87.00.
    const feb = { from: '0000-02-01', to: '0000-02-29' };
    expect(countBackDso(yearZero, feb)._unsafeUnwrap()).toEqual({ value: '60.00' });
    expect(dso(yearZero, feb)._unsafeUnwrap()).toEqual({ value: '87.00' });
  });

  it('has no period before one starting on 0000-01-01, and cuts others there', () => {
    expect(() => previousPeriod({ from: '0000-01-01', to: '0000-01-31' })).toThrow(InvariantError);
    // Two whole months, 0000-02 and 0000-03: the two before would start in year -1.
    expect(previousPeriod({ from: '0000-02-01', to: '0000-03-31' })).toEqual({
      from: '0000-01-01',
      to: '0000-01-31',
    });
    // 20 days from 0000-01-11; only the 10 days from 0000-01-01 are before it.
    expect(previousPeriod({ from: '0000-01-11', to: '0000-01-30' })).toEqual({
      from: '0000-01-01',
      to: '0000-01-10',
    });
  });

  it('lists the latest payers of 0000-01 as new: nobody paid before then', () => {
    const paid = ledgerOf({
      ...yearZero,
      payments: [payment('P-1', '100.00', { date: '0000-01-20' })],
      allocations: [
        { id: 'A-1', sourceId: 'P-1', itemId: 'I-1', amount: '100.00', date: '0000-01-20' },
      ],
    });
    // I-1 due 0000-02-09, paid 0000-01-20: 20 days early.
    const rows = latestPayers(paid, { from: '0000-01-01', to: '0000-01-31' })._unsafeUnwrap();
    expect(rows.map((r) => [r.customerId, r.averageDaysLate.value, r.trend])).toEqual([
      ['C1', '-20.00', 'new'],
    ]);
  });
});

describe('metrics in the last weeks of the calendar', () => {
  const late: Ledger = ledgerOf({
    invoices: [invoice('I-9', '10.00', { issueDate: '9999-12-01', dueDate: '9999-12-22' })],
  });

  it('refuses a forecast running past 9999-12-31 with invalid_input at weeks', () => {
    // 9999-12-20 to 9999-12-31 is 12 days: room for one whole week, not the default 13.
    const e = expectedCash(late, '9999-12-20', { currency: 'EUR' })._unsafeUnwrapErr();
    expect(e).toMatchObject({ code: 'invalid_input', path: ['weeks'] });
    expect(e.message).toContain('at most 1 week');
  });

  it('forecasts the one week that fits', () => {
    const f = expectedCash(late, '9999-12-20', { weeks: 1 })._unsafeUnwrap();
    expect(f.weeks).toEqual([{ week: 1, from: '9999-12-20', to: '9999-12-26', amount: '10.00' }]);
    // No payment history anywhere: expected on its due date, 9999-12-22, in week 1.
    expect(f.items[0]).toMatchObject({ expectedDate: '9999-12-22', week: 1, basis: 'due_date' });
  });

  it('refuses an item that would be expected after 9999-12-31', () => {
    const history = ledgerOf({
      invoices: [
        invoice('I-1', '10.00', { issueDate: '9999-01-01', dueDate: '9999-01-31' }),
        invoice('I-2', '10.00', { issueDate: '9999-12-01', dueDate: '9999-12-28' }),
      ],
      payments: [payment('P-1', '10.00', { date: '9999-02-10' })],
      allocations: [
        { id: 'A-1', sourceId: 'P-1', itemId: 'I-1', amount: '10.00', date: '9999-02-10' },
      ],
    });
    // C1 pays 10 days late: I-2 due 9999-12-28 would be expected on 10000-01-07.
    const e = expectedCash(history, '9999-12-20', { weeks: 1 })._unsafeUnwrapErr();
    expect(e).toMatchObject({ code: 'invalid_input', path: ['asOf'] });
    expect(e.message).toContain('I-2');
  });

  it('cuts 9999-11-15 to 9999-12-31 into months and a quarter without stepping past it', () => {
    const range = { from: '9999-11-15', to: '9999-12-31' };
    expect(periodSeries(range, 'month')).toEqual([
      { from: '9999-11-15', to: '9999-11-30', label: '9999-11', partial: true },
      { from: '9999-12-01', to: '9999-12-31', label: '9999-12' },
    ]);
    expect(periodSeries(range, 'quarter')).toEqual([
      { from: '9999-11-15', to: '9999-12-31', label: '9999-Q4', partial: true },
    ]);
  });
});
