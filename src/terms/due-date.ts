/**
 * Due dates from payment terms, with an optional move onto a business day. All
 * arithmetic runs on calendar dates (`date.ts`), so the machine's time zone never
 * shifts a result. Month-end rules work on calendar months: "end of month + 1 month"
 * is the last day of the next month (2024-02-10 -> 2024-03-31), which is not the same
 * as taking the invoice month's end and adding a month (2024-02-29 -> 2024-03-29).
 * Left out: national holiday tables (the host supplies its calendar) and terms
 * counted from the delivery or receipt date instead of the issue date.
 *
 * @module
 */
import { err, ok, type Result } from 'neverthrow';
import { type ErrorOf, type ErrorPath, fromZodError, receivablesError } from '../errors/index.js';
import {
  type BusinessCalendar,
  type BusinessDayConvention,
  businessCalendarSchema,
  businessDayConventionSchema,
  findBusinessDay,
} from './calendar.js';
import {
  dateParts,
  type IsoDate,
  invariantDate,
  LAST_ISO_DATE,
  maxDate,
  parseIsoDate,
  tryAddDays,
  tryMakeDate,
} from './date.js';
import { validatePaymentTerms } from './schema.js';
import type { PaymentTerms, SimplePaymentTerms } from './types.js';

/** Options of {@link dueDate}: move a due date that falls on a closed day. */
export interface DueDateOptions {
  /** Weekends and holidays; without one, due dates are not adjusted. */
  readonly calendar?: BusinessCalendar;
  /**
   * How to move off a closed day; `following` by default. `preceding` and
   * `modified-following` never move a due date before the issue date: where they
   * would, the following business day is taken instead.
   */
  readonly convention?: BusinessDayConvention;
}

const monthEnd = (date: IsoDate, months: number) => {
  const { year, month } = dateParts(date);
  return tryMakeDate(year, month + months, 31);
};

/**
 * The due date of simple terms that are already validated, before any business-day
 * adjustment, or `undefined` when it falls after 9999-12-31.
 *
 * @example
 * tryUnadjustedDueDate('9999-12-15', { kind: 'net', days: 30 })
 * //=> undefined
 */
export function tryUnadjustedDueDate(
  issueDate: IsoDate,
  terms: SimplePaymentTerms,
): IsoDate | undefined {
  switch (terms.kind) {
    case 'due-on-receipt':
      return issueDate;
    case 'net':
      return tryAddDays(issueDate, terms.days);
    case 'days-end-of-month': {
      const reached = tryAddDays(issueDate, terms.days);
      return reached && monthEnd(reached, 0);
    }
    case 'end-of-month': {
      const end = monthEnd(issueDate, terms.months);
      return end && tryAddDays(end, terms.days ?? 0);
    }
    case 'days-end-of-month-day': {
      const reached = tryAddDays(issueDate, terms.days);
      if (reached === undefined) return undefined;
      const { year, month } = dateParts(reached);
      return tryMakeDate(year, month + 1, terms.day);
    }
    case 'day-of-month': {
      const { year, month } = dateParts(issueDate);
      if (terms.months !== undefined) return tryMakeDate(year, month + terms.months, terms.day);
      const candidate = tryMakeDate(year, month, terms.day)!;
      return candidate > issueDate ? candidate : tryMakeDate(year, month + 1, terms.day);
    }
  }
}

/**
 * The due date of simple terms that are already validated, before any business-day
 * adjustment. {@link dueDate} is the checked entry point; a due date after
 * 9999-12-31 here is misuse and throws an `InvariantError`.
 *
 * @example
 * unadjustedDueDate('2024-01-15', { kind: 'days-end-of-month-day', days: 30, day: 10 })
 * //=> '2024-03-10'
 */
export function unadjustedDueDate(issueDate: IsoDate, terms: SimplePaymentTerms): IsoDate {
  return invariantDate(tryUnadjustedDueDate(issueDate, terms), 'The due date');
}

/**
 * The unadjusted due date, refusing terms that fall before the issue date (only a
 * fixed day in the invoice month itself can: `day-of-month` with `months: 0`) or after
 * 9999-12-31, the last date supported, with an `invalid_terms` error at `path`.
 *
 * @example
 * checkedDueDate('2024-03-10', { kind: 'day-of-month', day: 5, months: 0 }).isErr()
 * //=> true
 */
export function checkedDueDate(
  issueDate: IsoDate,
  terms: SimplePaymentTerms,
  path: ErrorPath = ['terms'],
): Result<IsoDate, ErrorOf<'invalid_terms'>> {
  const date = tryUnadjustedDueDate(issueDate, terms);
  if (date !== undefined && date >= issueDate) return ok(date);
  const reason =
    date === undefined
      ? `the due date falls after ${LAST_ISO_DATE}, the last date supported`
      : `the terms give ${date}, before the issue date ${issueDate}`;
  return err(receivablesError('invalid_terms', { reason }, path));
}

/** Moves a due date onto a business day, never before `notBefore` (the issue date). */
export type BusinessDayAdjust = (
  date: IsoDate,
  notBefore?: IsoDate,
) => Result<IsoDate, ErrorOf<'invalid_input'>>;

/**
 * Reads and checks {@link DueDateOptions} (the convention even without a calendar);
 * returns a function that moves a date onto a business day, never before the
 * `notBefore` date it is given, or leaves it alone when there is no calendar.
 *
 * @example
 * businessDayAdjuster({ calendar: {} }).andThen((adjust) => adjust('2024-08-31'))
 * //=> Ok('2024-09-02')
 */
export function businessDayAdjuster(
  options: DueDateOptions,
): Result<BusinessDayAdjust, ErrorOf<'invalid_input'>> {
  if (typeof options !== 'object' || options === null) {
    const issues = [{ path: [], message: 'expected an options object' }];
    return err(receivablesError('invalid_input', { issues }, []));
  }
  const convention = businessDayConventionSchema.safeParse(options.convention ?? 'following');
  if (!convention.success) return err(fromZodError(convention.error, ['convention']));
  if (options.calendar === undefined) return ok((date: IsoDate) => ok(date));
  const calendar = businessCalendarSchema.safeParse(options.calendar);
  if (!calendar.success) return err(fromZodError(calendar.error, ['calendar']));

  return ok((date: IsoDate, notBefore?: IsoDate) => {
    const found = findBusinessDay(date, calendar.data, convention.data, notBefore);
    if (found !== 'closed-calendar' && found !== 'outside-range') return ok(found);
    const message =
      found === 'closed-calendar'
        ? `no business day within a year of ${date}`
        : `no business day near ${date} within the years 0000-9999`;
    const issues = [{ path: ['calendar'], message }];
    return err(receivablesError('invalid_input', { issues }, ['calendar']));
  });
}

/**
 * The day an invoice is due under its terms; for instalments, the last instalment's
 * due date. With a calendar, a due date on a weekend or holiday moves by the
 * convention (`following`, `preceding`, `modified-following`), never before the issue
 * date. A due date after 9999-12-31 is an `invalid_terms` error.
 *
 * @param issueDate - the invoice date (EN 16931 BT-2), `YYYY-MM-DD`
 * @param terms - the payment terms, validated here
 * @param options - business-day adjustment
 *
 * @example
 * dueDate('2024-01-15', { kind: 'end-of-month', months: 1 })
 * //=> Ok('2024-02-29')
 * dueDate('2024-08-01', { kind: 'net', days: 30 }, { calendar: {} }) // Sat 31 Aug
 * //=> Ok('2024-09-02')
 */
export function dueDate(
  issueDate: IsoDate,
  terms: PaymentTerms,
  options: DueDateOptions = {},
): Result<IsoDate, ErrorOf<'invalid_date' | 'invalid_input' | 'invalid_terms'>> {
  return parseIsoDate(issueDate, ['issueDate']).andThen((issue) =>
    validatePaymentTerms(terms, ['terms']).andThen((valid) =>
      businessDayAdjuster(options).andThen((adjust) => {
        const parts =
          valid.kind === 'instalments'
            ? valid.instalments.map(
                (p, i) => [p.terms, ['terms', 'instalments', i, 'terms']] as const,
              )
            : [[valid, ['terms']] as const];
        const dates: IsoDate[] = [];
        for (const [t, path] of parts) {
          const date = checkedDueDate(issue, t, path);
          if (date.isErr()) return err(date.error);
          dates.push(date.value);
        }
        return adjust(
          dates.reduce((a, b) => maxDate(a, b)),
          issue,
        );
      }),
    ),
  );
}
