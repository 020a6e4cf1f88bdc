import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  adjustToBusinessDay,
  calendarDateIn,
  daysBetween,
  daysInMonth,
  endOfMonth,
  fromDayNumber,
  isBusinessDay,
  isIsoDate,
  isoWeekday,
  makeDate,
  parseIsoDate,
  toDayNumber,
} from '../../src/terms/index.js';

describe('calendar dates', () => {
  it('recognises real dates only', () => {
    expect(['2024-02-29', '2000-02-29', '1999-12-31'].every(isIsoDate)).toBe(true);
    for (const d of ['2023-02-29', '1900-02-29', '2024-13-01', '2024-1-1', '20240101', 20240101]) {
      expect(isIsoDate(d), String(d)).toBe(false);
    }
    expect(parseIsoDate('2024-02-30', ['dueDate'])._unsafeUnwrapErr()).toMatchObject({
      code: 'invalid_date',
      path: ['dueDate'],
    });
  });

  it('counts days and months on the calendar', () => {
    expect(toDayNumber('1970-01-02')).toBe(1);
    expect(fromDayNumber(19_782)).toBe('2024-02-29'); // 54 years of days, by the epoch count
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysInMonth(2023, 2)).toBe(28);
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(endOfMonth('2024-12-10', 2)).toBe('2025-02-28');
    expect(makeDate(2024, 14, 31)).toBe('2025-02-28');
    expect(makeDate(2024, 0, 15)).toBe('2023-12-15');
  });

  it('knows the ISO weekday', () => {
    expect(isoWeekday('2024-08-31')).toBe(6); // Saturday
    expect(isoWeekday('2024-09-01')).toBe(7); // Sunday
    expect(isoWeekday('2024-09-02')).toBe(1); // Monday
  });

  it('turns an instant into the date in a given zone', () => {
    // 11:30 UTC on 1 March is 00:30 on 2 March in Auckland (UTC+13 in summer).
    expect(calendarDateIn('2024-03-01T11:30:00Z', 'Pacific/Auckland')).toBe('2024-03-02');
    expect(calendarDateIn('2024-03-01T10:59:00Z', 'Pacific/Auckland')).toBe('2024-03-01');
    expect(calendarDateIn('2024-03-01T02:00:00Z', 'America/Los_Angeles')).toBe('2024-02-29');
  });

  it('handles the years 0000-0099 that Date.UTC would read as 1900-1999', () => {
    expect(daysBetween('0099-12-31', '0100-01-01')).toBe(1);
    expect(addDays('0000-02-28', 1)).toBe('0000-02-29'); // year 0 is a leap year
    expect(toDayNumber('0000-01-01')).toBe(-719_528);
    expect(fromDayNumber(2_932_896)).toBe('9999-12-31');
    expect(() => fromDayNumber(2_932_897)).toThrow(/outside/);
  });

  it('day numbers round-trip and agree with the UTC calendar of Date', () => {
    fc.assert(
      fc.property(fc.integer({ min: -719_528, max: 2_932_896 }), (n) => {
        const date = fromDayNumber(n);
        expect(toDayNumber(date)).toBe(n);
        expect(isIsoDate(date)).toBe(true);
        // Date's own proleptic Gregorian UTC calendar, for a cross-check.
        expect(date).toBe(new Date(n * 86_400_000).toISOString().slice(0, 10));
      }),
      { numRuns: 300 },
    );
  });
});

describe('business calendar', () => {
  it('treats Saturday, Sunday and holidays as closed by default', () => {
    expect(isBusinessDay('2024-08-30', {})).toBe(true);
    expect(isBusinessDay('2024-08-31', {})).toBe(false);
    expect(isBusinessDay('2024-12-25', { holidays: ['2024-12-25'] })).toBe(false);
    expect(isBusinessDay('2024-08-31', { weekend: [5] })).toBe(true);
  });

  it('moves by the ISDA conventions', () => {
    expect(adjustToBusinessDay('2024-08-30', {}, 'following')).toBe('2024-08-30');
    expect(adjustToBusinessDay('2024-08-31', {}, 'following')).toBe('2024-09-02');
    expect(adjustToBusinessDay('2024-08-31', {}, 'preceding')).toBe('2024-08-30');
    expect(adjustToBusinessDay('2024-08-31', {}, 'modified-following')).toBe('2024-08-30');
    // Mid-month, modified following is plain following: Sat 2024-08-17 -> Mon 19th.
    expect(adjustToBusinessDay('2024-08-17', {}, 'modified-following')).toBe('2024-08-19');
  });
});
