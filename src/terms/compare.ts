/**
 * The earlier and the later of two calendar dates. `YYYY-MM-DD` strings of the years
 * 0000-9999 sort as text in the order of the calendar, so no day numbers are needed.
 * Re-exported by `date.ts`.
 *
 * @module
 */
import type { IsoDate } from './date.js';

/**
 * The earlier of two dates.
 *
 * @example
 * minDate('2024-03-01', '2024-02-29')
 * //=> '2024-02-29'
 */
export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

/**
 * The later of two dates.
 *
 * @example
 * maxDate('2024-03-01', '2024-02-29')
 * //=> '2024-03-01'
 */
export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}
