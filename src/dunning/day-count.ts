/**
 * Day-count conventions for simple late-payment interest. Directive 2011/7/EU fixes
 * none; `act/365` (actual days, a year of 365 days, also in leap years) is the usual
 * practice and the default here, `act/360` and `30/360` (ISDA 2006 section 4.16(f),
 * "Bond Basis") are offered for contracts that name them.
 *
 * @module
 */
import { dateParts, type IsoDate } from '../terms/date.js';
import type { DayCount } from './policy.js';

/**
 * The year length each convention divides by.
 *
 * @example
 * yearDays('30/360')
 * //=> 360
 */
export function yearDays(dayCount: DayCount): number {
  return dayCount === 'act/365' ? 365 : 360;
}

/**
 * Days of interest from the day after `from` up to and including `to`, under a
 * day-count convention (0 when `to` is not after `from`).
 *
 * @param from - the last day without interest (the due date, or a period's eve)
 * @param to - the last day with interest (the payment date)
 *
 * @example
 * countDays('2024-01-31', '2024-02-29', '30/360')
 * //=> 29
 */
export function countDays(from: IsoDate, to: IsoDate, dayCount: DayCount): number {
  if (to <= from) return 0;
  if (dayCount !== '30/360') {
    const a = dateParts(from);
    const b = dateParts(to);
    return (Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 864e5;
  }
  const a = dateParts(from);
  const b = dateParts(to);
  const d1 = Math.min(a.day, 30);
  // Bond Basis: the 31st of the end month counts as the 30th only when the start did.
  const d2 = b.day === 31 && d1 >= 30 ? 30 : b.day;
  return 360 * (b.year - a.year) + 30 * (b.month - a.month) + (d2 - d1);
}
