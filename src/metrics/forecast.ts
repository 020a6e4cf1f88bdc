/**
 * Expected cash by week: a deliberately simple forecast, explained item by item.
 * Each invoice or instalment open on `asOf` is expected on its due date plus its
 * customer's average days late (weighted by amount, rounded half-up to whole days).
 * A customer without payment history is given the portfolio's average; with no
 * history in the whole portfolio, the due date itself. An expected date already
 * past is expected in the first week. Unapplied cash and credit are not netted
 * (apply them first), and fees and interest are left out, as in the other metrics.
 *
 * @module
 */
import { err, ok, type Result } from 'neverthrow';
import { type ReceivablesError, receivablesError } from '../errors/index.js';
import type { Ledger } from '../ledger/types.js';
import { addUnits, formatUnits, type Units } from '../ledger/units.js';
import { Dec } from '../money/decimal.js';
import { roundDecimal } from '../money/money.js';
import { addDays, fromDayNumber, type IsoDate, parseIsoDate, toDayNumber } from '../terms/date.js';
import { averagesOf, type PaidTotals, paidInPeriods } from './behaviour.js';
import { indexLedger } from './build-index.js';
import { checkMetricsOptions, FIRST_DAY, LAST_DAY } from './options.js';
import { resolveScope } from './scope.js';
import { sweepPositions } from './sweep.js';
import type { MetricsOptions } from './types.js';

/** Options of {@link expectedCash}. */
export interface ExpectedCashOptions extends MetricsOptions {
  /** Number of weeks to forecast (default 13, a quarter). */
  readonly weeks?: number;
  /** Count payment history from this date on only (default: all history). */
  readonly historyFrom?: IsoDate;
}

/** Where an item's expected date comes from. */
export type ForecastBasis = 'customer_history' | 'portfolio_average' | 'due_date';

/** One open item in the forecast, with why it is expected when it is. */
export interface ExpectedItem {
  readonly itemId: string;
  readonly customerId: string;
  readonly openAmount: string;
  readonly dueDate: IsoDate;
  readonly expectedDate: IsoDate;
  /** 1-based forecast week, or null when expected after the last week. */
  readonly week: number | null;
  readonly basis: ForecastBasis;
  /** The average days late used (two decimals), null for `due_date`. */
  readonly averageDaysLate: string | null;
  readonly explanation: string;
}

/** Amount expected in one week: `from` to `to`, both included. */
export interface ForecastWeek {
  readonly week: number;
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly amount: string;
}

/** The result of {@link expectedCash}. */
export interface CashForecast {
  readonly asOf: IsoDate;
  readonly currency: string;
  readonly weeks: readonly ForecastWeek[];
  /** Expected after the last week. */
  readonly later: string;
  /** Everything open: the weeks plus `later`. */
  readonly total: string;
  /** Every open item, by expected date then id. */
  readonly items: readonly ExpectedItem[];
}

function refuse(path: string, message: string): Result<never, ReceivablesError> {
  return err(receivablesError('invalid_input', { issues: [{ path: [path], message }] }, [path]));
}

function checkOptions(
  asOf: IsoDate,
  options: ExpectedCashOptions,
): Result<number, ReceivablesError> {
  const day = parseIsoDate(asOf, ['asOf']);
  if (day.isErr()) return err(day.error);
  const scope = checkMetricsOptions(options);
  if (scope.isErr()) return err(scope.error);
  const o = options ?? {};
  if (o.historyFrom !== undefined) {
    const from = parseIsoDate(o.historyFrom, ['historyFrom']);
    if (from.isErr()) return err(from.error);
  }
  const weeks = o.weeks ?? 13;
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > 520) {
    return refuse('weeks', 'weeks must be a whole number from 1 to 520');
  }
  // Every week's last day must be a date the calendar has (9999-12-31 at the latest).
  const room = Math.floor((LAST_DAY - toDayNumber(asOf) + 1) / 7);
  if (weeks > room) {
    const most =
      room === 0 ? 'no whole week is left' : `at most ${room} week${room === 1 ? '' : 's'}`;
    return refuse('weeks', `the forecast would run past 9999-12-31; from ${asOf} ${most}`);
  }
  return ok(weeks);
}

function lateness(t: PaidTotals | undefined): string | null {
  return t === undefined ? null : averagesOf(t).late.value;
}

/**
 * Cash expected from open invoices and instalments, week by week from `asOf`
 * (week 1 is `asOf` and the six days after it), with each item's explanation.
 *
 * @param ledger - the receivables ledger
 * @param asOf - the forecast date; history and open amounts are taken as of it
 * @param options - currency, customers or segment, weeks, history start. The weeks must
 *   end by 9999-12-31, the last day of the calendar (`invalid_input` at `weeks`), and
 *   so must every expected date (`invalid_input` at `asOf`)
 *
 * @example
 * expectedCash(ledger, '2026-05-01').map((f) => f.items.map((i) => i.expectedDate))
 * //=> Ok(['2026-05-01', '2026-06-09']) // due 04-15 + 9 days has passed; due 05-31 + 9
 */
export function expectedCash(
  ledger: Ledger,
  asOf: IsoDate,
  options: ExpectedCashOptions = {},
): Result<CashForecast, ReceivablesError> {
  const checked = checkOptions(asOf, options);
  if (checked.isErr()) return err(checked.error);
  const weeks = checked.value;
  const scope = resolveScope(ledger, options ?? {});
  if (scope.isErr()) return err(scope.error);
  const indexed = indexLedger(ledger, scope.value);
  if (indexed.isErr()) return err(indexed.error);
  const ix = indexed.value;
  const { currency, minorUnits: mu } = scope.value;
  const day = toDayNumber(asOf);
  const historyFrom = options?.historyFrom;

  const from = historyFrom === undefined ? -NEVER_DAYS : toDayNumber(historyFrom);
  const range = [{ fromDay: from, toDay: day }];
  const customers = paidInPeriods(
    ix,
    range,
    ix.customerIds.map((_, i) => i),
    ix.customerIds.length,
  )[0]!;
  const portfolio = paidInPeriods(
    ix,
    range,
    ix.customerIds.map(() => 0),
    1,
  )[0]![0]!;
  const portfolioLate = lateness(portfolio);
  const ownLate = customers.map(lateness);

  const items: ExpectedItem[] = [];
  const amounts: Units[] = new Array(weeks + 1).fill(0);
  let beyond: string | undefined;
  const swept = sweepPositions(ix, [day], (pos) => {
    for (let i = 0; i < pos.itemOpen.length; i++) {
      const open = pos.itemOpen[i]!;
      if (ix.itemPrincipal[i] === 0 || !(open > 0)) continue;
      const c = ix.itemCustomer[i]!;
      const own = ownLate[c]!;
      const late = own ?? portfolioLate;
      const basis: ForecastBasis =
        own !== null ? 'customer_history' : late !== null ? 'portfolio_average' : 'due_date';
      const shift = late === null ? 0 : roundDecimal(new Dec(late), 0, 'half-up').toNumber();
      const dueDate = fromDayNumber(ix.itemDue[i]!);
      const expectedDay = Math.max(day, ix.itemDue[i]! + shift);
      if (expectedDay > LAST_DAY) {
        beyond ??= ix.itemIds[i]!;
        continue;
      }
      const w = Math.floor((expectedDay - day) / 7) + 1;
      const week = w <= weeks ? w : null;
      amounts[week === null ? weeks : w - 1] = addUnits(
        amounts[week === null ? weeks : w - 1]!,
        open,
      );
      const customerId = ix.customerIds[c]!;
      const explanation = explain(basis, customerId, dueDate, shift, late, day);
      items.push({
        itemId: ix.itemIds[i]!,
        customerId,
        openAmount: formatUnits(open, mu),
        dueDate,
        expectedDate: fromDayNumber(expectedDay),
        week,
        basis,
        averageDaysLate: late,
        explanation,
      });
    }
  });
  if (swept.isErr()) return err(swept.error);
  if (beyond !== undefined) {
    const message = `${beyond} would be expected outside 0000-01-01 to 9999-12-31`;
    return err(
      receivablesError('invalid_input', { issues: [{ path: ['asOf'], message }] }, ['asOf']),
    );
  }

  items.sort((a, b) =>
    a.expectedDate < b.expectedDate
      ? -1
      : a.expectedDate > b.expectedDate
        ? 1
        : a.itemId < b.itemId
          ? -1
          : 1,
  );
  const total = amounts.reduce(addUnits, 0);
  return ok({
    asOf,
    currency,
    weeks: amounts.slice(0, weeks).map((a, k) => ({
      week: k + 1,
      from: addDays(asOf, 7 * k),
      to: addDays(asOf, 7 * k + 6),
      amount: formatUnits(a, mu),
    })),
    later: formatUnits(amounts[weeks]!, mu),
    total: formatUnits(total, mu),
    items,
  });
}

const NEVER_DAYS = 2_000_000_000;

function explain(
  basis: ForecastBasis,
  customerId: string,
  dueDate: IsoDate,
  shift: number,
  late: string | null,
  asOfDay: number,
): string {
  const expectedDay = toDayNumber(dueDate) + shift;
  const passed = expectedDay < asOfDay;
  // An early payer's date can fall before the calendar starts; it has passed anyway.
  const expected = expectedDay < FIRST_DAY ? 'before 0000-01-01' : fromDayNumber(expectedDay);
  const plus = `due ${dueDate} + ${shift} days`;
  let why = `due ${dueDate} (no customer has a payment history, so the due date itself)`;
  if (basis === 'customer_history') {
    why = `${plus} (${customerId} pays ${late} days late on average, by amount) = ${expected}`;
  } else if (basis === 'portfolio_average') {
    const average = `all customers pay ${late} days late on average`;
    why = `${plus} (no payment history for ${customerId}; ${average}) = ${expected}`;
  }
  return passed ? `${why}; that date has passed, so it is expected in the first week` : why;
}
