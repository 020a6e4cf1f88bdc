/**
 * Calendar dates as `YYYY-MM-DD` strings: no time, no zone. Arithmetic runs on
 * day numbers (days since 1970-01-01 in the proleptic Gregorian calendar) computed
 * with `Date.UTC`, so the machine's time zone can never shift a date. The one place
 * where an instant becomes a date is {@link calendarDateIn}, which takes the zone
 * explicitly.
 *
 * @module
 */
import { TZDate } from '@date-fns/tz';
import { err, ok, type Result } from 'neverthrow';
import { type ErrorOf, type ErrorPath, receivablesError } from '../errors/index.js';

/** A calendar date, `YYYY-MM-DD`, e.g. `"2024-02-29"`. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

function parts(date: string): [number, number, number] | undefined {
  const m = ISO_DATE.exec(date);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  return [y, mo, d];
}

/** True when the string is a real calendar date in `YYYY-MM-DD` form. */
export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && parts(value) !== undefined;
}

/**
 * Reads a calendar date from outside input.
 *
 * @example
 * parseIsoDate('2024-02-30').isErr()
 * //=> true
 */
export function parseIsoDate(
  value: unknown,
  path: ErrorPath = [],
): Result<IsoDate, ErrorOf<'invalid_date'>> {
  return isIsoDate(value)
    ? ok(value)
    : err(receivablesError('invalid_date', { input: String(value) }, path));
}

/** Days in a month (month 1-12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The day number of a date: days since 1970-01-01. Throws on a malformed date
 * (validate outside input with {@link parseIsoDate} first).
 *
 * @example
 * toDayNumber('1970-01-02')
 * //=> 1
 */
export function toDayNumber(date: IsoDate): number {
  const p = parts(date);
  if (!p) throw new RangeError(`Not a calendar date: ${JSON.stringify(date)}`);
  return Date.UTC(p[0], p[1] - 1, p[2]) / MS_PER_DAY;
}

/** The date of a day number. */
export function fromDayNumber(day: number): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * The date `days` days later (earlier when negative).
 *
 * @example
 * addDays('2024-02-28', 1)
 * //=> '2024-02-29'
 */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/**
 * Whole days from `from` to `to` (negative when `to` is earlier).
 *
 * @example
 * daysBetween('2026-03-01', '2026-03-31')
 * //=> 30
 */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** Year, month (1-12) and day of a date. */
export function dateParts(date: IsoDate): { year: number; month: number; day: number } {
  const p = parts(date);
  if (!p) throw new RangeError(`Not a calendar date: ${JSON.stringify(date)}`);
  return { year: p[0], month: p[1], day: p[2] };
}

/** Builds a date from year, month (1-12) and day, clamping the day to the month's last. */
export function makeDate(year: number, month: number, day: number): IsoDate {
  const y = year + Math.floor((month - 1) / 12);
  const m = ((((month - 1) % 12) + 12) % 12) + 1;
  const d = Math.min(day, daysInMonth(y, m));
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * The same day `months` months later, clamped to the end of a shorter month.
 *
 * @example
 * addMonths('2024-01-31', 1)
 * //=> '2024-02-29'
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = dateParts(date);
  return makeDate(year, month + months, day);
}

/**
 * The last day of the month `months` months after the date's month (0 = its own).
 *
 * @example
 * endOfMonth('2024-12-10', 2)
 * //=> '2025-02-28'
 */
export function endOfMonth(date: IsoDate, months = 0): IsoDate {
  const { year, month } = dateParts(date);
  return makeDate(year, month + months, 31);
}

/** Day of the week, 1 = Monday ... 7 = Sunday (ISO 8601). */
export function isoWeekday(date: IsoDate): number {
  const dow = new Date(toDayNumber(date) * MS_PER_DAY).getUTCDay();
  return dow === 0 ? 7 : dow;
}

/** The earlier of two dates. */
export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

/** The later of two dates. */
export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

/**
 * The calendar date of an instant in an IANA time zone: the one function that turns
 * a moment into a date ("is it already the due date in the customer's zone?").
 *
 * @param instant - a moment, as a Date or an ISO 8601 string with an offset or `Z`
 * @param timeZone - IANA zone name, e.g. `Pacific/Auckland`
 *
 * @example
 * calendarDateIn('2024-03-01T11:30:00Z', 'Pacific/Auckland')
 * //=> '2024-03-02'
 */
export function calendarDateIn(instant: Date | string, timeZone: string): IsoDate {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`Not an instant: ${String(instant)}`);
  const zoned = new TZDate(ms, timeZone);
  return makeDate(zoned.getFullYear(), zoned.getMonth() + 1, zoned.getDate());
}
