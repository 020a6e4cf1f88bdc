import { describe, expect, it } from 'vitest';
import { EMPTY_LEDGER, type Ledger } from '../../src/ledger/types.js';
import { expectedCash, latestPayers } from '../../src/metrics/index.js';
import { ledger } from './fixture.js';

describe('expected cash by week', () => {
  const forecast = expectedCash(ledger, '2026-05-01', { weeks: 6 })._unsafeUnwrap();

  it('expects each item at its due date plus its customer’s average days late', () => {
    // A's history as of 05-01: PA1 600.00 x 5 days, PA2 400.00 x 15 days:
    // (3000 + 6000) / 1000 = 9.00 days. INV-A2 is due 04-15: 04-15 + 9 = 04-24,
    // already past on 05-01, so it is expected in week 1.
    const a = forecast.items.find((i) => i.itemId === 'INV-A2')!;
    expect(a).toMatchObject({
      openAmount: '600.00',
      basis: 'customer_history',
      averageDaysLate: '9.00',
      expectedDate: '2026-05-01',
      week: 1,
    });
    expect(a.explanation).toContain('2026-04-24');
    expect(a.explanation).toContain('has passed');
  });

  it('gives a customer without history the portfolio average', () => {
    // Portfolio: (600 x 5 + 300 x 9 + 400 x 15) / 1300 = 11700 / 1300 = 9.00 days.
    // D never paid: INV-D1 due 05-31 + 9 = 06-09, in week 6 (06-05..06-11).
    const d = forecast.items.find((i) => i.itemId === 'INV-D1')!;
    expect(d).toMatchObject({
      basis: 'portfolio_average',
      averageDaysLate: '9.00',
      expectedDate: '2026-06-09',
      week: 6,
    });
  });

  it('adds up per week and in total', () => {
    expect(forecast.weeks.map((w) => w.amount)).toEqual([
      '600.00',
      '0.00',
      '0.00',
      '0.00',
      '0.00',
      '200.00',
    ]);
    expect(forecast.weeks[5]).toMatchObject({ from: '2026-06-05', to: '2026-06-11' });
    expect(forecast.later).toBe('0.00');
    expect(forecast.total).toBe('800.00');
  });

  it('puts items beyond the last week in "later"', () => {
    const short = expectedCash(ledger, '2026-05-01', { weeks: 2 })._unsafeUnwrap();
    // INV-D1 (06-09) falls after week 2 (ends 05-14).
    expect(short.later).toBe('200.00');
    expect(short.items.find((i) => i.itemId === 'INV-D1')!.week).toBeNull();
  });

  it('falls back to the due date when no customer has ever paid', () => {
    const fresh: Ledger = {
      ...EMPTY_LEDGER,
      invoices: [
        {
          id: 'I1',
          customerId: 'X',
          currency: 'EUR',
          issueDate: '2026-01-01',
          dueDate: '2026-01-20',
          amount: '50.00',
        },
      ],
    };
    const f = expectedCash(fresh, '2026-01-10')._unsafeUnwrap();
    // Due 01-20 is 10 days after 01-10: week 2 (01-17..01-23).
    expect(f.items[0]).toMatchObject({ basis: 'due_date', expectedDate: '2026-01-20', week: 2 });
    expect(f.items[0]!.averageDaysLate).toBeNull();
  });

  it('refuses a bad number of weeks', () => {
    expect(expectedCash(ledger, '2026-05-01', { weeks: 0 })._unsafeUnwrapErr().code).toBe(
      'invalid_input',
    );
    expect(expectedCash(ledger, '2026-02-30')._unsafeUnwrapErr().code).toBe('invalid_date');
  });
});

describe('latest payers', () => {
  it('ranks by average days late with the trend against the period before', () => {
    const rows = latestPayers(ledger, { from: '2026-04-01', to: '2026-06-30' })._unsafeUnwrap();
    // Q2: A paid 400.00 15 days late; C 300.00 9 days late.
    // Q1 (the quarter before): A paid 600.00 5 days late; C did not pay.
    expect(rows.map((r) => [r.customerId, r.averageDaysLate.value, r.changeDays, r.trend])).toEqual(
      [
        ['A', '15.00', '10.00', 'later'],
        ['C', '9.00', null, 'new'],
      ],
    );
    expect(rows[0]!.previousAverageDaysLate).toBe('5.00');
  });

  it('lists no more than the limit', () => {
    const rows = latestPayers(ledger, { from: '2026-04-01', to: '2026-06-30' }, { limit: 1 });
    expect(rows._unsafeUnwrap().map((r) => r.customerId)).toEqual(['A']);
  });
});
