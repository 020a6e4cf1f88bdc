/**
 * Business-day calendars that a host supplies: which weekdays are weekend and
 * which dates are holidays. The library ships no national holiday tables; a host
 * knows its own (and its customers') closing days better than any list we could
 * keep current.
 *
 * @module
 */
import { z } from 'zod';
import { type IsoDate, isIsoDate, isoWeekday, tryAddDays } from './date.js';

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

/** Why {@link findBusinessDay} found no business day: none within a year, or none in range. */
export type NoBusinessDay = 'closed-calendar' | 'outside-range';

/**
 * Moves a date onto a business day, without throwing: `following` takes the next
 * business day, `preceding` the previous one, and `modified-following` the next one
 * unless that falls in the next month, in which case the previous one. A result
 * before `notBefore` (the issue date, for a due date) is replaced by the following
 * business day: a due date never moves before the day the invoice was issued.
 *
 * @example
 * findBusinessDay('2024-08-31', {}, 'preceding', '2024-08-31') // Saturday, issued that day
 * //=> '2024-09-02'
 */
export function findBusinessDay(
  date: IsoDate,
  calendar: BusinessCalendar,
  convention: BusinessDayConvention,
  notBefore?: IsoDate,
): IsoDate | NoBusinessDay {
  if (isBusinessDay(date, calendar)) return date;
  const step = (by: 1 | -1): IsoDate | NoBusinessDay => {
    let d: IsoDate | undefined = date;
    // A calendar closed for a whole year is treated as closed for good.
    for (let i = 0; i <= 366; i++) {
      d = tryAddDays(d, by);
      if (d === undefined) return 'outside-range';
      if (isBusinessDay(d, calendar)) return d;
    }
    return 'closed-calendar';
  };
  const usable = (d: IsoDate | NoBusinessDay): d is IsoDate =>
    d !== 'closed-calendar' && d !== 'outside-range' && (notBefore === undefined || d >= notBefore);

  if (convention === 'following') return step(1);
  if (convention === 'modified-following') {
    const next = step(1);
    if (usable(next) && next.slice(0, 7) === date.slice(0, 7)) return next;
  }
  const previous = step(-1);
  return usable(previous) ? previous : step(1);
}

/**
 * Moves a date onto a business day by the convention (see {@link findBusinessDay}).
 * A calendar with no business day within a year of the date, or none before the
 * years 0000-9999 end, throws a `RangeError`.
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
  const found = findBusinessDay(date, calendar, convention);
  if (found === 'closed-calendar' || found === 'outside-range') {
    throw new RangeError(`Calendar has no business day near ${date}`);
  }
  return found;
}
