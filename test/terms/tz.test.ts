/**
 * Date logic must give the same answers whatever the machine's zone. Node re-reads
 * `TZ` whenever `process.env.TZ` is assigned, so this file runs the key cases under
 * several zones in turn: UTC, Auckland (UTC+12/+13, the first zone into a new day),
 * Los Angeles (UTC-8/-7) and St John's (UTC-3:30, a half-hour offset). The whole
 * suite also runs under `TZ=Pacific/Auckland` in CI.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { money } from '../../src/money/index.js';
import {
  addDays,
  addMonths,
  adjustToBusinessDay,
  calendarDateIn,
  daysBetween,
  discountFor,
  dueDate,
  endOfMonth,
  instalmentSchedule,
  isoWeekday,
  type PaymentTerms,
} from '../../src/terms/index.js';
import { END_OF_MONTH_CASES, OTHER_CASES } from './cases.js';

const original = process.env.TZ;
afterAll(() => {
  if (original === undefined) delete process.env.TZ;
  else process.env.TZ = original;
});

// Offsets in January 2024 as Date#getTimezoneOffset gives them (minutes behind UTC).
const ZONES: readonly [string, number][] = [
  ['UTC', 0],
  ['Pacific/Auckland', -780],
  ['America/Los_Angeles', 480],
  ['America/St_Johns', 210],
];

const thirds: PaymentTerms = {
  kind: 'instalments',
  instalments: ['33.34', '33.33', '33.33'].map((percent) => ({
    percent,
    terms: { kind: 'end-of-month', months: 1 },
  })),
};

describe.each(ZONES)('under TZ=%s', (zone, offset) => {
  it('the zone is really in effect', () => {
    process.env.TZ = zone;
    expect(new Date(2024, 0, 1).getTimezoneOffset()).toBe(offset);
  });

  it('gives the end-of-month due dates of the issue', () => {
    process.env.TZ = zone;
    for (const [issue, terms, due] of END_OF_MONTH_CASES) {
      expect(dueDate(issue, terms)._unsafeUnwrap(), `${issue} ${zone}`).toBe(due);
    }
  });

  it('gives the other due dates', () => {
    process.env.TZ = zone;
    for (const [issue, terms, due] of OTHER_CASES) {
      expect(dueDate(issue, terms)._unsafeUnwrap(), `${issue} ${JSON.stringify(terms)}`).toBe(due);
    }
  });

  it('counts days across daylight-saving changes as whole days', () => {
    process.env.TZ = zone;
    // NZ clocks change on 2024-04-07 and 2024-09-29, US clocks on 2024-03-10 and 2024-11-03.
    expect(addDays('2024-04-06', 1)).toBe('2024-04-07');
    expect(addDays('2024-09-28', 1)).toBe('2024-09-29');
    expect(addDays('2024-03-09', 1)).toBe('2024-03-10');
    expect(addDays('2024-11-02', 2)).toBe('2024-11-04');
    expect(daysBetween('2024-01-01', '2024-12-31')).toBe(365);
    expect(addMonths('2024-03-31', 1)).toBe('2024-04-30');
    expect(endOfMonth('2024-02-01')).toBe('2024-02-29');
    expect(isoWeekday('2024-09-29')).toBe(7);
  });

  it('adjusts to business days the same way', () => {
    process.env.TZ = zone;
    expect(adjustToBusinessDay('2024-08-31', {}, 'following')).toBe('2024-09-02');
    expect(adjustToBusinessDay('2024-08-31', {}, 'modified-following')).toBe('2024-08-30');
    const net30: PaymentTerms = { kind: 'net', days: 30 };
    expect(dueDate('2024-08-01', net30, { calendar: {} })._unsafeUnwrap()).toBe('2024-09-02');
  });

  it('schedules instalments and discounts on the same dates', () => {
    process.env.TZ = zone;
    const schedule = instalmentSchedule(money('5.47', 'EUR'), thirds, {
      issueDate: '2024-01-15',
    })._unsafeUnwrap();
    expect(schedule.map((p) => [p.amount.amount, p.dueDate])).toEqual([
      ['1.83', '2024-02-29'],
      ['1.82', '2024-02-29'],
      ['1.82', '2024-02-29'],
    ]);
    const terms: PaymentTerms = {
      kind: 'net',
      days: 30,
      discount: { base: 'gross', tiers: [{ days: 10, percent: '2' }] },
    };
    const invoice = { issueDate: '2024-03-31', terms, grossAmount: money('100.00', 'EUR') };
    // The tier ends 2024-04-10, inclusive, in every zone.
    expect(discountFor(invoice, '2024-04-10')._unsafeUnwrap().discount.amount).toBe('2.00');
    expect(discountFor(invoice, '2024-04-11')._unsafeUnwrap().discount.amount).toBe('0.00');
  });

  it('turns an instant into a date by the zone asked for, not the machine zone', () => {
    process.env.TZ = zone;
    expect(calendarDateIn('2024-03-01T11:30:00Z', 'Pacific/Auckland')).toBe('2024-03-02');
    expect(calendarDateIn('2024-03-01T11:30:00Z', 'UTC')).toBe('2024-03-01');
    expect(calendarDateIn(new Date(Date.UTC(2024, 2, 1, 2)), 'America/Los_Angeles')).toBe(
      '2024-02-29',
    );
  });
});
