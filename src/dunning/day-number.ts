/**
 * Day numbers of ISO dates for the planner's hot loop. A Map keyed by date strings
 * costs a string hash and a cache miss per item when a million items each bring their
 * own date string; this reads the digits and counts the days with the civil-calendar
 * arithmetic of `toDayNumber` (days since 1970-01-01, years counted from March so that
 * the leap day ends a year). Anything that is not a plain `YYYY-MM-DD` calendar date
 * goes to `toDayNumber` itself, which refuses it as before.
 *
 * @module
 */
import { daysInMonth, type IsoDate, toDayNumber } from '../terms/date.js';

const ZERO = 48;

/** The number of `length` decimal digits at `from`, or -1 when one is not a digit. */
function digitsAt(text: string, from: number, length: number): number {
  let value = 0;
  for (let i = from; i < from + length; i++) {
    const d = text.charCodeAt(i) - ZERO;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/** Days from 0000-03-01 to 1970-01-01. */
const EPOCH_SHIFT = 719_468;

/** The day number of a valid year, month and day. */
function civilDay(y0: number, m: number, d: number): number {
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - EPOCH_SHIFT;
}

/**
 * A day-number reader for one run (kept as a factory, so that a run may cache).
 *
 * @example
 * dayNumberReader()('1970-01-02')
 * //=> 1
 */
export function dayNumberReader(): (date: IsoDate) => number {
  return (date) => {
    if (date.length === 10 && date.charCodeAt(4) === 45 && date.charCodeAt(7) === 45) {
      const y = digitsAt(date, 0, 4);
      const m = digitsAt(date, 5, 2);
      const d = digitsAt(date, 8, 2);
      if (y >= 0 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)) {
        return civilDay(y, m, d);
      }
    }
    return toDayNumber(date);
  };
}
