import { describe, expect, it } from 'vitest';
import { InvariantError } from '../../src/errors/index.js';
import { calendarDateIn, parseInstantDate } from '../../src/terms/index.js';

describe('parseInstantDate: an instant and a zone from outside become a date', () => {
  it('reads instants with Z or an offset in the zone given', () => {
    // 11:30 UTC is 00:30 the next day in Auckland (UTC+13 in March).
    expect(parseInstantDate('2024-03-01T11:30:00Z', 'Pacific/Auckland')._unsafeUnwrap()).toBe(
      '2024-03-02',
    );
    // 11:30 at +13:00 is 22:30 UTC the day before.
    expect(parseInstantDate('2024-03-01T11:30:00+13:00', 'UTC')._unsafeUnwrap()).toBe('2024-02-29');
    expect(parseInstantDate('2024-03-01T11:30:00.123456Z', 'UTC')._unsafeUnwrap()).toBe(
      '2024-03-01',
    );
    expect(
      parseInstantDate(new Date(Date.UTC(2024, 2, 1, 2)), 'America/Los_Angeles')._unsafeUnwrap(),
    ).toBe('2024-02-29');
  });

  it.each<[unknown, string]>([
    ['2024-03-01T23:30:00', 'no offset: it would be read in the machine zone'],
    ['2024-03-01', 'a date only: it would be read as UTC midnight'],
    ['yesterday', 'not a date and time'],
    [new Date(Number.NaN), 'an invalid Date'],
    [1_709_251_200_000, 'a number'],
  ])('refuses %s (%s) at instant', (instant) => {
    const e = parseInstantDate(instant, 'UTC', ['asOf'])._unsafeUnwrapErr();
    expect(e).toMatchObject({ code: 'invalid_input', path: ['asOf', 'instant'] });
  });

  it('refuses an unknown zone at timeZone', () => {
    const e = parseInstantDate('2024-03-01T11:30:00Z', 'Mars/Base')._unsafeUnwrapErr();
    expect(e).toMatchObject({ code: 'invalid_input', path: ['timeZone'] });
    expect(e.message).toBe('Invalid input: unknown IANA time zone Mars/Base at timeZone');
    expect(parseInstantDate('2024-03-01T11:30:00Z', '').isErr()).toBe(true);
  });

  it('refuses an instant whose date leaves the years 0000-9999', () => {
    // 23:00 UTC on 9999-12-31 is already 10000-01-01 at UTC+14.
    const e = parseInstantDate('9999-12-31T23:00:00Z', 'Pacific/Kiritimati')._unsafeUnwrapErr();
    expect(e.message).toContain('outside the years 0000-9999');
  });
});

describe('calendarDateIn keeps its signature for valid input', () => {
  it('gives the date, and throws an InvariantError with the reason for misuse', () => {
    expect(calendarDateIn('2024-03-01T11:30:00Z', 'Pacific/Auckland')).toBe('2024-03-02');
    expect(() => calendarDateIn('2024-03-01T11:30:00Z', 'Mars/Base')).toThrow(InvariantError);
    expect(() => calendarDateIn('2024-03-01T23:30:00', 'UTC')).toThrow(/offset or Z/);
    expect(() => calendarDateIn('2024-03-01', 'America/Los_Angeles')).toThrow(InvariantError);
  });
});
