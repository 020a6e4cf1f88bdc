/**
 * Calendar dates as `YYYY-MM-DD` strings (years 0000-9999): no time, no zone.
 * Arithmetic runs on day numbers (days since 1970-01-01 in the proleptic Gregorian
 * calendar) computed with integer arithmetic, without `Date`, so neither the
 * machine's time zone nor `Date.UTC`'s reading of years 0-99 as 1900-1999 can shift
 * a date. The one place where an instant becomes a date is `calendarDateIn` (and
 * its checked form `parseInstantDate`, in `instant.ts`), which takes the zone
 * explicitly. Arithmetic that could leave the years 0000-9999 has a `try...` form
 * that returns `undefined` there instead of throwing.
 *
 * @module
 */
import { err, ok, type Result } from 'neverthrow';
import { type ErrorOf, type ErrorPath, invariant, receivablesError } from '../errors/index.js';
import { inputText } from '../money/decimal.js';

/** A calendar date, `YYYY-MM-DD`, e.g. `"2024-02-29"`. */
export type IsoDate = string;

/** Days from 0000-03-01 to 1970-01-01; the civil-date formulas count from March. */
const EPOCH_SHIFT = 719_468;

/** The number of `count` ASCII digits from `at`, or -1 when one of them is not a digit. */
function digitsAt(text: string, at: number, count: number): number {
  let n = 0;
  for (let i = at; i < at + count; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * `y * 10000 + m * 100 + d` of a real calendar date `YYYY-MM-DD`, else -1. Read
 * character by character (no regular expression, no array): every report turns
 * dates into day numbers, a million at a time.
 */
function packedDate(date: string): number {
  if (typeof date !== 'string' || date.length !== 10) return -1;
  if (date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) return -1;
  const y = digitsAt(date, 0, 4);
  const mo = digitsAt(date, 5, 2);
  const d = digitsAt(date, 8, 2);
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return -1;
  return y * 10_000 + mo * 100 + d;
}

function parts(date: string): [number, number, number] | undefined {
  const p = packedDate(date);
  if (p < 0) return undefined;
  return [Math.floor(p / 10_000), Math.floor(p / 100) % 100, p % 100];
}

/**
 * True when the string is a real calendar date in `YYYY-MM-DD` form.
 *
 * @example
 * isIsoDate('2023-02-29')
 * //=> false
 */
export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && packedDate(value) >= 0;
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
    : err(receivablesError('invalid_date', { input: inputText(value) }, path));
}

/**
 * Days in a month (month 1-12), by the Gregorian leap-year rule.
 *
 * @example
 * daysInMonth(2024, 2)
 * //=> 29
 */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
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
  const p = packedDate(date);
  if (p < 0) throw new RangeError(`Not a calendar date: ${JSON.stringify(date)}`);
  // Count years from March, so that the leap day is the last day of a year.
  const y0 = Math.floor(p / 10_000);
  const m = Math.floor(p / 100) % 100;
  const d = p % 100;
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - EPOCH_SHIFT;
}

/** The first date the library handles. */
export const FIRST_ISO_DATE: IsoDate = '0000-01-01';
/** The last date the library handles. */
export const LAST_ISO_DATE: IsoDate = '9999-12-31';

/**
 * The date of a day number (the inverse of {@link toDayNumber}). A day outside the
 * years 0000-9999 is misuse and throws; {@link tryFromDayNumber} returns `undefined`.
 *
 * @example
 * fromDayNumber(19_782)
 * //=> '2024-02-29'
 */
export function fromDayNumber(day: number): IsoDate {
  invariant(Number.isInteger(day), `A day number is a whole number, got ${day}`);
  const date = tryFromDayNumber(day);
  invariant(date !== undefined, `Day ${day} is outside the years 0000-9999`);
  return date;
}

/**
 * The date of a day number, or `undefined` when it is not a whole number or falls
 * outside the years 0000-9999 (a forecast or a due date past 9999-12-31).
 *
 * @example
 * tryFromDayNumber(2_932_896)
 * //=> '9999-12-31'
 * tryFromDayNumber(2_932_897)
 * //=> undefined
 */
export function tryFromDayNumber(day: number): IsoDate | undefined {
  if (!Number.isInteger(day)) return undefined;
  const z = day + EPOCH_SHIFT;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  if (y < 0 || y > 9999) return undefined;
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/**
 * The date of a `try...` function, throwing an `InvariantError` when there is none
 * (for callers whose input the types or an earlier check keep inside 0000-9999).
 *
 * @example
 * invariantDate(tryAddDays('2024-02-28', 1), 'The next day')
 * //=> '2024-02-29'
 */
export function invariantDate(date: IsoDate | undefined, what: string): IsoDate {
  invariant(date !== undefined, `${what} is outside the years 0000-9999`);
  return date;
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
 * The date `days` days later, or `undefined` when that leaves the years 0000-9999.
 * A malformed `date` still throws, as in {@link addDays}.
 *
 * @example
 * tryAddDays('9999-12-15', 30)
 * //=> undefined
 */
export function tryAddDays(date: IsoDate, days: number): IsoDate | undefined {
  return tryFromDayNumber(toDayNumber(date) + days);
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

/**
 * Year, month (1-12) and day of a date.
 *
 * @example
 * dateParts('2024-02-29')
 * //=> { year: 2024, month: 2, day: 29 }
 */
export function dateParts(date: IsoDate): { year: number; month: number; day: number } {
  const p = parts(date);
  if (!p) throw new RangeError(`Not a calendar date: ${JSON.stringify(date)}`);
  return { year: p[0], month: p[1], day: p[2] };
}

/**
 * Builds a date from year, month and day, clamping the day to the month's last. A
 * month outside 1-12 rolls into the neighbouring years (13 = January of next year).
 *
 * @example
 * makeDate(2024, 14, 31)
 * //=> '2025-02-28'
 */
export function makeDate(year: number, month: number, day: number): IsoDate {
  const date = tryMakeDate(year, month, day);
  invariant(date !== undefined, `Year ${year + Math.floor((month - 1) / 12)} is outside 0000-9999`);
  return date;
}

/**
 * {@link makeDate}, or `undefined` when the date falls outside the years 0000-9999.
 *
 * @example
 * tryMakeDate(9999, 13, 31)
 * //=> undefined
 */
export function tryMakeDate(year: number, month: number, day: number): IsoDate | undefined {
  const y = year + Math.floor((month - 1) / 12);
  const m = ((((month - 1) % 12) + 12) % 12) + 1;
  if (!Number.isInteger(y) || y < 0 || y > 9999) return undefined;
  const d = Math.min(day, daysInMonth(y, m));
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
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

/**
 * Day of the week, 1 = Monday ... 7 = Sunday (ISO 8601).
 *
 * @example
 * isoWeekday('2024-08-31')
 * //=> 6
 */
export function isoWeekday(date: IsoDate): number {
  // 1970-01-01 was a Thursday (ISO weekday 4).
  return ((((toDayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

export { maxDate, minDate } from './compare.js';
export { calendarDateIn, parseInstantDate } from './instant.js';
