/**
 * Business-day calendars that a host supplies: which weekdays are weekend and
 * which dates are holidays. The library ships no national holiday tables; a host
 * knows its own (and its customers') closing days better than any list we could
 * keep current.
 *
 * @module
 */
import { z } from 'zod';
import { addDays, type IsoDate, isIsoDate, isoWeekday } from './date.js';

/** Weekend days and holidays. ISO weekday numbers: 1 = Monday ... 7 = Sunday. */
export interface BusinessCalendar {
  /** Weekdays that are never business days; Saturday and Sunday when absent. */
  readonly weekend?: readonly number[];
  /** Dates that are not business days (public holidays, bank closing days). */
  readonly holidays?: readonly IsoDate[];
}

/** How a date that is not a business day moves (ISDA business-day conventions). */
export type BusinessDayConvention = 'following' | 'preceding' | 'modified-following';

const DEFAULT_WEEKEND: readonly number[] = [6, 7];

/** Schema of a {@link BusinessCalendar} from outside input: at least one open weekday. */
export const businessCalendarSchema: z.ZodType<BusinessCalendar> = z.strictObject({
  weekend: z
    .array(z.number().int().min(1).max(7))
    .refine((days) => new Set(days).size < 7, 'a calendar needs at least one business weekday')
    .optional(),
  holidays: z.array(z.string().refine(isIsoDate, 'expected a YYYY-MM-DD date')).optional(),
});

/** Schema of a {@link BusinessDayConvention}. */
export const businessDayConventionSchema: z.ZodType<BusinessDayConvention> = z.enum([
  'following',
  'preceding',
  'modified-following',
]);

/**
 * True when the date is neither a weekend day nor a holiday of the calendar.
 *
 * @example
 * isBusinessDay('2024-03-02', {}) // a Saturday
 * //=> false
 */
export function isBusinessDay(date: IsoDate, calendar: BusinessCalendar): boolean {
  const weekend = calendar.weekend ?? DEFAULT_WEEKEND;
  if (weekend.includes(isoWeekday(date))) return false;
  return !(calendar.holidays ?? []).includes(date);
}

/**
 * Moves a date onto a business day. `following` takes the next business day,
 * `preceding` the previous one, and `modified-following` the next one unless that
 * falls in the next month, in which case the previous one.
 *
 * @example
 * adjustToBusinessDay('2024-08-31', {}, 'modified-following') // Saturday, month end
 * //=> '2024-08-30'
 */
export function adjustToBusinessDay(
  date: IsoDate,
  calendar: BusinessCalendar,
  convention: BusinessDayConvention,
): IsoDate {
  if (isBusinessDay(date, calendar)) return date;
  const step = (from: IsoDate, by: 1 | -1): IsoDate => {
    let d = addDays(from, by);
    // A calendar with every weekday closed would loop forever: that is misuse.
    for (let i = 0; i < 366 && !isBusinessDay(d, calendar); i++) d = addDays(d, by);
    if (!isBusinessDay(d, calendar)) throw new RangeError('Calendar has no business day');
    return d;
  };
  if (convention === 'preceding') return step(date, -1);
  const next = step(date, 1);
  if (convention === 'following' || next.slice(0, 7) === date.slice(0, 7)) return next;
  return step(date, -1);
}
