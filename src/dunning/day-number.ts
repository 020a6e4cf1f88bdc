/**
 * Day numbers of ISO dates for the planner's hot loop. A Map keyed by date strings
 * costs a string hash and a cache miss per item when a million items each bring their
 * own date string; this reads the digits instead and caches only the first day of each
 * month, under an integer key. The numbers are those of `toDayNumber` (days since
 * 1970-01-01); anything that is not a plain `YYYY-MM-DD` calendar date goes to
 * `toDayNumber` itself, which refuses it as before.
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

/**
 * A day-number reader with its own month cache, for one run.
 *
 * @example
 * dayNumberReader()('1970-01-02')
 * //=> 1
 */
export function dayNumberReader(): (date: IsoDate) => number {
  const months = new Map<number, { readonly first: number; readonly days: number }>();
  return (date) => {
    if (date.length === 10 && date.charCodeAt(4) === 45 && date.charCodeAt(7) === 45) {
      const y = digitsAt(date, 0, 4);
      const m = digitsAt(date, 5, 2);
      const d = digitsAt(date, 8, 2);
      if (y >= 0 && m >= 1 && m <= 12 && d >= 1) {
        const key = y * 100 + m;
        let month = months.get(key);
        if (month === undefined) {
          month = { first: toDayNumber(`${date.slice(0, 8)}01`), days: daysInMonth(y, m) };
          months.set(key, month);
        }
        if (d <= month.days) return month.first + d - 1;
      }
    }
    return toDayNumber(date);
  };
}
