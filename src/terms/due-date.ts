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
import { type ErrorOf, fromZodError, receivablesError } from '../errors/index.js';
import {
  adjustToBusinessDay,
  type BusinessCalendar,
  type BusinessDayConvention,
  businessCalendarSchema,
  businessDayConventionSchema,
} from './calendar.js';
import {
  addDays,
  dateParts,
  endOfMonth,
  type IsoDate,
  makeDate,
  maxDate,
  parseIsoDate,
} from './date.js';
import { validatePaymentTerms } from './schema.js';
import type { PaymentTerms, SimplePaymentTerms } from './types.js';

/** Options of {@link dueDate}: move a due date that falls on a closed day. */
export interface DueDateOptions {
  /** Weekends and holidays; without one, due dates are not adjusted. */
  readonly calendar?: BusinessCalendar;
  /** How to move off a closed day; `following` by default. */
  readonly convention?: BusinessDayConvention;
}

/**
 * The due date of simple terms that are already validated, before any business-day
 * adjustment. {@link dueDate} is the checked entry point.
 *
 * @example
 * unadjustedDueDate('2024-01-15', { kind: 'days-end-of-month-day', days: 30, day: 10 })
 * //=> '2024-03-10'
 */
export function unadjustedDueDate(issueDate: IsoDate, terms: SimplePaymentTerms): IsoDate {
  switch (terms.kind) {
    case 'due-on-receipt':
      return issueDate;
    case 'net':
      return addDays(issueDate, terms.days);
    case 'days-end-of-month':
      return endOfMonth(addDays(issueDate, terms.days));
    case 'end-of-month':
      return addDays(endOfMonth(issueDate, terms.months), terms.days ?? 0);
    case 'days-end-of-month-day': {
      const reached = dateParts(addDays(issueDate, terms.days));
      return makeDate(reached.year, reached.month + 1, terms.day);
    }
    case 'day-of-month': {
      const { year, month } = dateParts(issueDate);
      if (terms.months !== undefined) return makeDate(year, month + terms.months, terms.day);
      const candidate = makeDate(year, month, terms.day);
      return candidate > issueDate ? candidate : makeDate(year, month + 1, terms.day);
    }
  }
}

/**
 * The unadjusted due date, refusing terms that fall before the issue date (only a
 * fixed day in the invoice month itself can: `day-of-month` with `months: 0`).
 *
 * @example
 * checkedDueDate('2024-03-10', { kind: 'day-of-month', day: 5, months: 0 }).isErr()
 * //=> true
 */
export function checkedDueDate(
  issueDate: IsoDate,
  terms: SimplePaymentTerms,
): Result<IsoDate, ErrorOf<'invalid_terms'>> {
  const date = unadjustedDueDate(issueDate, terms);
  if (date >= issueDate) return ok(date);
  const reason = `the terms give ${date}, before the issue date ${issueDate}`;
  return err(receivablesError('invalid_terms', { reason }, ['terms']));
}

/**
 * Reads and checks {@link DueDateOptions}; returns a function that moves a date onto a
 * business day (or leaves it alone when there is no calendar).
 *
 * @example
 * businessDayAdjuster({ calendar: {} }).andThen((adjust) => adjust('2024-08-31'))
 * //=> Ok('2024-09-02')
 */
export function businessDayAdjuster(
  options: DueDateOptions,
): Result<(date: IsoDate) => Result<IsoDate, ErrorOf<'invalid_input'>>, ErrorOf<'invalid_input'>> {
  if (options.calendar === undefined) return ok((date: IsoDate) => ok(date));
  const calendar = businessCalendarSchema.safeParse(options.calendar);
  if (!calendar.success) return err(fromZodError(calendar.error, ['calendar']));
  const convention = businessDayConventionSchema.safeParse(options.convention ?? 'following');
  if (!convention.success) return err(fromZodError(convention.error, ['convention']));

  return ok((date: IsoDate) => {
    try {
      return ok(adjustToBusinessDay(date, calendar.data, convention.data));
    } catch {
      // Only a calendar closed for more than a year around the date gets here.
      const issues = [{ path: ['calendar'], message: `no business day near ${date}` }];
      return err(receivablesError('invalid_input', { issues }, ['calendar']));
    }
  });
}

/**
 * The day an invoice is due under its terms; for instalments, the last instalment's
 * due date. With a calendar, a due date on a weekend or holiday moves by the
 * convention (`following`, `preceding`, `modified-following`).
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
          valid.kind === 'instalments' ? valid.instalments.map((p) => p.terms) : [valid];
        const dates: IsoDate[] = [];
        for (const t of parts) {
          const date = checkedDueDate(issue, t);
          if (date.isErr()) return err(date.error);
          dates.push(date.value);
        }
        return adjust(dates.reduce((a, b) => maxDate(a, b)));
      }),
    ),
  );
}
