import { describe, expect, it } from 'vitest';
import {
  averageDaysDelinquent,
  bestPossibleDso,
  cei,
  collectionMetrics,
  countBackDso,
  dso,
  paymentBehaviour,
  percentCurrent,
  periodSeries,
  receivablesTurnover,
} from '../../src/metrics/index.js';
import { ledger } from './fixture.js';

const months = collectionMetrics(
  ledger,
  periodSeries({ from: '2026-01-01', to: '2026-04-30' }, 'month'),
)._unsafeUnwrap();
const [jan, feb, mar, apr] = months;

describe('metrics of the hand-computed ledger, month by month', () => {
  it('January: receivables 400.00 on sales 1000.00', () => {
    // Closing 01-31: INV-B1 400.00 open, due 02-09 so current. Sales 600 + 400 = 1000.
    expect(jan!.closingReceivables).toBe('400.00');
    expect(jan!.closingCurrentReceivables).toBe('400.00');
    expect(jan!.creditSales).toBe('1000.00');
    // DSO = 400 / 1000 x 31 = 12.40; all of it current, so best possible = 12.40, ADD 0.
    expect(jan!.dso).toEqual({ value: '12.40' });
    expect(jan!.bestPossibleDso).toEqual({ value: '12.40' });
    expect(jan!.averageDaysDelinquent).toEqual({ value: '0.00' });
    // Count-back: 400 <= January's 1000, so 400 / 1000 x 31 = 12.40.
    expect(jan!.countBackDso).toEqual({ value: '12.40' });
    // CEI = (0 + 1000 - 400) / (0 + 1000 - 400) x 100 = 100.00.
    expect(jan!.cei).toEqual({ value: '100.00' });
    // Turnover = 1000 / ((0 + 400) / 2) = 5.00.
    expect(jan!.receivablesTurnover).toEqual({ value: '5.00' });
    expect(jan!.percentCurrent).toEqual({ value: '100.00' });
    // PA1 paid 600.00 on 01-25: 20 days after issue (01-05), 5 days after due (01-20).
    expect(jan!.paidAmount).toBe('600.00');
    expect(jan!.averageDaysToPay).toEqual({ value: '20.00' });
    expect(jan!.averageDaysLate).toEqual({ value: '5.00' });
  });

  it('February, a month with zero sales: DSO is null, count-back still counts', () => {
    expect(feb!.creditSales).toBe('0.00');
    expect(feb!.dso).toEqual({ value: null, reason: 'no_sales' });
    expect(feb!.bestPossibleDso).toEqual({ value: null, reason: 'no_sales' });
    expect(feb!.averageDaysDelinquent).toEqual({ value: null, reason: 'no_sales' });
    // INV-B1 (due 02-09) is past due on 02-28: 400.00 past due, nothing current.
    expect(feb!.closingPastDueReceivables).toBe('400.00');
    // Count-back: February has no sales (28 days, nothing used up), then January:
    // 400 / 1000 x 31 = 12.40; 28 + 12.40 = 40.40.
    expect(feb!.countBackDso).toEqual({ value: '40.40' });
    // CEI = (400 + 0 - 400) / (400 + 0 - 0) x 100 = 0.00: nothing was collected.
    expect(feb!.cei).toEqual({ value: '0.00' });
    // Turnover = 0 / ((400 + 400) / 2) = 0.00; percent current = 0 / 400 = 0.00.
    expect(feb!.receivablesTurnover).toEqual({ value: '0.00' });
    expect(feb!.percentCurrent).toEqual({ value: '0.00' });
    expect(feb!.averageDaysLate).toEqual({ value: null, reason: 'no_payments' });
  });

  it('March, a month with negative sales (credit note larger than the invoices)', () => {
    // Sales 300.00 (INV-C1) - 500.00 (CN-B1) = -200.00.
    expect(mar!.creditSales).toBe('-200.00');
    expect(mar!.dso).toEqual({ value: null, reason: 'negative_sales' });
    expect(mar!.receivablesTurnover).toEqual({ value: null, reason: 'negative_sales' });
    // Closing: C owes 300.00 (current, due 04-01); B holds 100.00 of unapplied credit.
    // Balance 300 - 100 = 200.00; B's credit has nothing of B's to net against.
    expect(mar!.closingReceivables).toBe('200.00');
    expect(mar!.closingCurrentReceivables).toBe('300.00');
    // CEI denominator: 400 + (-200) - 300 = -100, not above zero.
    expect(mar!.cei).toEqual({ value: null, reason: 'nothing_collectible' });
    // Count-back of 200: March (-200, uses up nothing) 31 days + February (0) 28 days
    // + January 200 / 1000 x 31 = 6.20: 65.20. Credit notes pay nobody: no payments.
    expect(mar!.countBackDso).toEqual({ value: '65.20' });
    expect(mar!.averageDaysLate).toEqual({ value: null, reason: 'no_payments' });
  });

  it('April: past-due receivables make ADD and CEI move', () => {
    // Opening 200.00 (end of March). Refund of B's 100 credit: B at 0. C paid 300.
    // A: INV-A2 1000 - 400 paid = 600.00 open, due 04-15, past due on 04-30.
    expect(apr!.openingReceivables).toBe('200.00');
    expect(apr!.closingReceivables).toBe('600.00');
    expect(apr!.closingPastDueReceivables).toBe('600.00');
    // DSO = 600 / 1000 x 30 = 18.00; best = 0 / 1000 x 30 = 0.00; ADD = 18.00.
    expect(apr!.dso).toEqual({ value: '18.00' });
    expect(apr!.bestPossibleDso).toEqual({ value: '0.00' });
    expect(apr!.averageDaysDelinquent).toEqual({ value: '18.00' });
    // CEI = (200 + 1000 - 600) / (200 + 1000 - 0) x 100 = 600 / 1200 = 50.00.
    expect(apr!.cei).toEqual({ value: '50.00' });
    // Turnover = 1000 / ((200 + 600) / 2) = 2.50.
    expect(apr!.receivablesTurnover).toEqual({ value: '2.50' });
    expect(apr!.countBackDso).toEqual({ value: '18.00' });
    // PC1 300.00: 9 days late, 39 to pay; PA2 400.00: 15 days late, 29 to pay.
    // Late = (300 x 9 + 400 x 15) / 700 = 8700 / 700 = 12.428... -> 12.43.
    // To pay = (300 x 39 + 400 x 29) / 700 = 23300 / 700 = 33.285... -> 33.29.
    expect(apr!.paidAmount).toBe('700.00');
    expect(apr!.averageDaysLate).toEqual({ value: '12.43' });
    expect(apr!.averageDaysToPay).toEqual({ value: '33.29' });
  });
});

describe('quarters, partial months and groups', () => {
  it('first quarter: CEI above 100 and negative ADD when a customer holds credit', () => {
    const [q1] = collectionMetrics(ledger, [
      { from: '2026-01-01', to: '2026-03-31' },
    ])._unsafeUnwrap();
    // Sales 1000 + 0 - 200 = 800 in 90 days; closing 200, current 300.
    // DSO = 200 / 800 x 90 = 22.50; best = 300 / 800 x 90 = 33.75; ADD = -11.25.
    expect(q1!.dso).toEqual({ value: '22.50' });
    expect(q1!.bestPossibleDso).toEqual({ value: '33.75' });
    expect(q1!.averageDaysDelinquent).toEqual({ value: '-11.25' });
    // CEI = (0 + 800 - 200) / (0 + 800 - 300) x 100 = 600 / 500 = 120.00.
    expect(q1!.cei).toEqual({ value: '120.00' });
  });

  it('a partial month counts its days and sales up to the end of the period', () => {
    const p = { from: '2026-04-01', to: '2026-04-20' };
    // On 04-20: INV-A2 1000.00 open (PA2 comes on 04-30), C has paid: 1000.00.
    // Sales 04-01..04-20 = 1000.00 over 20 days. DSO = 1000 / 1000 x 20 = 20.00;
    // count-back: the partial April (20 days, 1000.00) covers it: 20.00.
    expect(dso(ledger, p)._unsafeUnwrap()).toEqual({ value: '20.00' });
    expect(countBackDso(ledger, p)._unsafeUnwrap()).toEqual({ value: '20.00' });
  });

  it('the single-metric functions agree with the series report', () => {
    const p = { from: '2026-04-01', to: '2026-04-30' };
    expect(bestPossibleDso(ledger, p)._unsafeUnwrap()).toEqual(apr!.bestPossibleDso);
    expect(averageDaysDelinquent(ledger, p)._unsafeUnwrap()).toEqual({ value: '18.00' });
    expect(cei(ledger, p)._unsafeUnwrap()).toEqual({ value: '50.00' });
    expect(receivablesTurnover(ledger, p)._unsafeUnwrap()).toEqual({ value: '2.50' });
    expect(percentCurrent(ledger, p)._unsafeUnwrap()).toEqual({ value: '0.00' });
  });

  it('per segment: north is A, south is B, the rest have no segment', () => {
    const rows = collectionMetrics(ledger, [{ from: '2026-01-01', to: '2026-01-31' }], {
      groupBy: 'segment',
    })._unsafeUnwrap();
    expect(rows.map((r) => r.group)).toEqual(['(no segment)', 'north', 'south']);
    // north: A sold 600 and was paid: DSO 0 / 600 x 31 = 0.00.
    // south: B sold 400, all open: DSO 400 / 400 x 31 = 31.00.
    expect(rows[1]!.dso).toEqual({ value: '0.00' });
    expect(rows[2]!.dso).toEqual({ value: '31.00' });
    expect(rows[0]!.dso).toEqual({ value: null, reason: 'no_sales' });
  });

  it('per customer and with a segment filter', () => {
    const p = { from: '2026-04-01', to: '2026-04-30' };
    const rows = collectionMetrics(ledger, [p], { groupBy: 'customer' })._unsafeUnwrap();
    expect(rows.map((r) => [r.group, r.closingReceivables])).toEqual([
      ['A', '600.00'],
      ['B', '0.00'],
      ['C', '0.00'],
      ['D', '0.00'],
    ]);
    // Only A (north): DSO = 600 / 1000 x 30 = 18.00.
    expect(dso(ledger, p, { segment: 'north' })._unsafeUnwrap()).toEqual({ value: '18.00' });
  });

  it('payment behaviour per customer, weighted by amount', () => {
    const rows = paymentBehaviour(ledger, { from: '2026-04-01', to: '2026-04-30' });
    expect(
      rows._unsafeUnwrap().map((r) => [r.customerId, r.paidAmount, r.averageDaysLate.value]),
    ).toEqual([
      ['A', '400.00', '15.00'],
      ['C', '300.00', '9.00'],
    ]);
  });
});
