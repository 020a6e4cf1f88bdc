/**
 * Reporting periods for collection metrics: a closed range of calendar dates
 * (`from` and `to` both count), and helpers that cut a range into calendar months or
 * quarters so that a metric can be shown as a trend. A range that starts or ends
 * inside a month gives a partial first or last period, marked `partial`.
 *
 * @module
 */
import { err, ok, type Result } from 'neverthrow';
import { type ErrorOf, invariant, receivablesError } from '../errors/index.js';
import {
  addDays,
  addMonths,
  dateParts,
  daysBetween,
  endOfMonth,
  FIRST_ISO_DATE,
  type IsoDate,
  isIsoDate,
  makeDate,
  maxDate,
  minDate,
} from '../terms/date.js';

/** A reporting period: every calendar day from `from` to `to`, both included. */
export interface Period {
  /** First day of the period. */
  readonly from: IsoDate;
  /** Last day of the period (the closing date of the receivables). */
  readonly to: IsoDate;
  /** A name for tables and charts, e.g. `2026-01` or `2026-Q1`. */
  readonly label?: string;
  /** True when the period covers only part of its calendar month or quarter. */
  readonly partial?: boolean;
}

/** How a range is cut into periods. */
export type PeriodUnit = 'month' | 'quarter';

/**
 * Checks a period: an object of two real calendar dates with `from` on or before `to`.
 *
 * @example
 * checkPeriod({ from: '2026-02-01', to: '2026-01-31' }).isErr()
 * //=> true
 */
export function checkPeriod(
  period: Period,
): Result<Period, ErrorOf<'invalid_date' | 'invalid_input'>> {
  if (typeof period !== 'object' || period === null) {
    const issues = [{ path: [], message: 'expected a period { from, to }' }];
    return err(receivablesError('invalid_input', { issues }, []));
  }
  if (!isIsoDate(period.from)) {
    return err(receivablesError('invalid_date', { input: String(period.from) }, ['from']));
  }
  if (!isIsoDate(period.to)) {
    return err(receivablesError('invalid_date', { input: String(period.to) }, ['to']));
  }
  if (period.from > period.to) {
    const message = `the period ends (${period.to}) before it starts (${period.from})`;
    return err(receivablesError('invalid_input', { issues: [{ path: ['to'], message }] }, ['to']));
  }
  return ok(period);
}

/**
 * Number of days in a period, both ends included.
 *
 * @example
 * daysInPeriod({ from: '2026-02-01', to: '2026-02-28' })
 * //=> 28
 */
export function daysInPeriod(period: Period): number {
  return daysBetween(period.from, period.to) + 1;
}

function quarterStart(date: IsoDate): IsoDate {
  const { year, month } = dateParts(date);
  return makeDate(year, month - ((month - 1) % 3), 1);
}

function labelOf(start: IsoDate, unit: PeriodUnit): string {
  const { year, month } = dateParts(start);
  return unit === 'month'
    ? start.slice(0, 7)
    : `${String(year).padStart(4, '0')}-Q${(month - 1) / 3 + 1}`;
}

/**
 * Cuts a range into calendar months or quarters, clipped to the range: the first
 * and last periods are partial when the range starts or ends inside one.
 *
 * @param range - the whole reporting range
 * @param unit - `month` or `quarter`
 *
 * @example
 * periodSeries({ from: '2026-01-15', to: '2026-03-31' }, 'month').map((p) => p.label)
 * //=> ['2026-01', '2026-02', '2026-03']
 */
export function periodSeries(range: Period, unit: PeriodUnit): Period[] {
  const months = unit === 'month' ? 1 : 3;
  const out: Period[] = [];
  let start = unit === 'month' ? makeDate(...ym(range.from), 1) : quarterStart(range.from);
  while (start <= range.to) {
    const end = endOfMonth(start, months - 1);
    const from = maxDate(start, range.from);
    const to = minDate(end, range.to);
    const partial = from !== start || to !== end;
    out.push({ from, to, label: labelOf(start, unit), ...(partial ? { partial } : {}) });
    // Stop before stepping past the range: after 9999-12 there is no next month.
    if (end >= range.to) break;
    start = addMonths(start, months);
  }
  return out;
}

function ym(date: IsoDate): [number, number] {
  const { year, month } = dateParts(date);
  return [year, month];
}

/**
 * The period just before: the same number of whole calendar months when the
 * period is whole months (so the month before March is all of February), else the
 * same number of days ending the day before `from`. The calendar starts on
 * 0000-01-01: a period before that is cut to start there (no ledger record can be
 * dated earlier), and a period starting on 0000-01-01 has none before it, which is
 * programmer misuse (`InvariantError`); see {@link hasPreviousPeriod}.
 *
 * @example
 * previousPeriod({ from: '2026-03-01', to: '2026-03-31' })
 * //=> { from: '2026-02-01', to: '2026-02-28' }
 */
export function previousPeriod(period: Period): Period {
  invariant(hasPreviousPeriod(period), 'a period starting on 0000-01-01 has none before it');
  const to = addDays(period.from, -1);
  const f = dateParts(period.from);
  if (f.day === 1 && period.to === endOfMonth(period.to)) {
    const t = dateParts(period.to);
    const months = (t.year - f.year) * 12 + (t.month - f.month) + 1;
    const first = f.year * 12 + f.month - 1 - months;
    return { from: first < 0 ? FIRST_ISO_DATE : addMonths(period.from, -months), to };
  }
  const days = daysInPeriod(period);
  const room = daysBetween(FIRST_ISO_DATE, period.from);
  return { from: days > room ? FIRST_ISO_DATE : addDays(period.from, -days), to };
}

/**
 * True when a period has one before it, i.e. it does not start on 0000-01-01.
 *
 * @example
 * hasPreviousPeriod({ from: '0000-01-01', to: '0000-01-31' })
 * //=> false
 */
export function hasPreviousPeriod(period: Period): boolean {
  return period.from > FIRST_ISO_DATE;
}
