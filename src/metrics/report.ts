/**
 * Every collection metric for a series of periods, per total, customer or segment,
 * from one pass over the ledger. This is the engine behind the single-metric
 * functions, the CLI and the benchmark.
 *
 * @module
 */
import { err, ok, type Result } from 'neverthrow';
import { atPath, type ReceivablesError, receivablesError } from '../errors/index.js';
import type { Ledger } from '../ledger/types.js';
import { addUnits, formatUnits, type Units } from '../ledger/units.js';
import { dateParts, makeDate, toDayNumber } from '../terms/date.js';
import { averagesOf, dec, type PaidTotals, paidInPeriods } from './behaviour.js';
import { indexLedger } from './build-index.js';
import {
  addOf,
  type CountBackMonth,
  ceiOf,
  countBackOf,
  dsoOf,
  percentCurrentOf,
  turnoverOf,
} from './formulas.js';
import { groupCustomers } from './groups.js';
import type { LedgerIndex } from './index-ledger.js';
import { checkCollectionOptions } from './options.js';
import { checkPeriod, daysInPeriod, type Period } from './period.js';
import { indexSales, type SalesOver } from './sales.js';
import { resolveScope } from './scope.js';
import { netPosition, sweepPositions } from './sweep.js';
import type { CollectionMetricsOptions, CollectionMetricsRow } from './types.js';

interface GroupPosition {
  balance: Units;
  current: Units;
  pastDue: Units;
}

function checkInput(
  periods: readonly Period[],
  options: CollectionMetricsOptions,
): Result<CollectionMetricsOptions & { readonly months: number }, ReceivablesError> {
  if (!Array.isArray(periods)) {
    const issues = [{ path: ['periods'], message: 'expected a list of periods' }];
    return err(receivablesError('invalid_input', { issues }, ['periods']));
  }
  for (const [i, p] of periods.entries()) {
    const checked = checkPeriod(p);
    if (checked.isErr()) return err(atPath(checked.error, ['periods', i]));
  }
  return checkCollectionOptions(options).map((o) => ({ ...o, months: o.countBackMonths ?? 24 }));
}

function positionsByDay(
  ix: LedgerIndex,
  days: readonly number[],
  groupOf: readonly number[],
  groups: number,
): Result<Map<number, GroupPosition[]>, ReceivablesError> {
  const out = new Map<number, GroupPosition[]>();
  const swept = sweepPositions(ix, days, (pos) => {
    const totals = Array.from({ length: groups }, () => ({ balance: 0, current: 0, pastDue: 0 }));
    for (let c = 0; c < groupOf.length; c++) {
      const n = netPosition(pos.current[c]!, pos.pastDue[c]!, pos.unapplied[c]!);
      const t: GroupPosition = totals[groupOf[c]!]!;
      t.balance = addUnits(t.balance, n.balance);
      t.current = addUnits(t.current, n.current);
      t.pastDue = addUnits(t.pastDue, n.pastDue);
    }
    out.set(pos.day, totals);
  });
  return swept.map(() => out);
}

/**
 * The months count-back DSO walks through, newest first, as of the day `to`. It stops
 * at 0000-01, the first month a ledger date can be in: the months before it hold no
 * sales, and a month without sales would only add its days to a receivable that is
 * never used up (`sales_exhausted` either way), so stopping there changes no result.
 */
function countBackMonths(period: Period, months: number): { from: number; to: number }[] {
  const { year, month } = dateParts(period.to);
  const out = [{ from: toDayNumber(makeDate(year, month, 1)), to: toDayNumber(period.to) }];
  const available = Math.min(months, year * 12 + month);
  for (let k = 1; k < available; k++) {
    const start = makeDate(year, month - k, 1);
    out.push({ from: toDayNumber(start), to: toDayNumber(makeDate(year, month - k, 31)) });
  }
  return out;
}

function countBackInputs(sales: SalesOver, g: number, ranges: { from: number; to: number }[]) {
  return ranges.map(
    (r): CountBackMonth => ({ sales: dec(sales(g, r.from, r.to)), days: r.to - r.from + 1 }),
  );
}

function row(
  period: Period,
  currency: string,
  mu: number,
  opening: GroupPosition,
  closing: GroupPosition,
  sales: Units,
  paid: PaidTotals,
  countBack: CountBackMonth[],
): CollectionMetricsRow {
  const days = daysInPeriod(period);
  const s = dec(sales);
  const open = dec(opening.balance);
  const close = dec(closing.balance);
  const current = dec(closing.current);
  const dso = dsoOf(close, s, days);
  const best = dsoOf(current, s, days);
  const averages = averagesOf(paid);
  return {
    period,
    currency,
    openingReceivables: formatUnits(opening.balance, mu),
    closingReceivables: formatUnits(closing.balance, mu),
    closingCurrentReceivables: formatUnits(closing.current, mu),
    closingPastDueReceivables: formatUnits(closing.pastDue, mu),
    creditSales: formatUnits(sales, mu),
    days,
    dso,
    countBackDso: countBackOf(close, countBack),
    bestPossibleDso: best,
    averageDaysDelinquent: addOf(dso, best),
    cei: ceiOf(open, s, close, current),
    receivablesTurnover: turnoverOf(s, open, close),
    percentCurrent: percentCurrentOf(current, dec(closing.pastDue)),
    paidAmount: formatUnits(paid.amount, mu),
    averageDaysToPay: averages.toPay,
    averageDaysLate: averages.late,
  };
}

/**
 * Every collection metric (DSO, count-back DSO, best possible DSO, ADD, CEI,
 * receivables turnover, percentage current, average days to pay and late) for each
 * period, in one currency, for all customers or per customer or segment.
 *
 * Receivables are the customers' balances on principal items (invoices and
 * instalments; fees and interest are not sales and stay out), net of unapplied cash
 * and credit, at the end of the day before `from` (opening) and of `to` (closing).
 *
 * @param ledger - the receivables ledger
 * @param periods - reporting periods, e.g. from `periodSeries`
 * @param options - currency, customers or segment, grouping, count-back look-back;
 *   a value of the wrong kind (`groupBy: 'planet'`) is an `invalid_input` error with
 *   its path, an unknown currency code `unknown_currency`
 * @returns one row per period and group, periods in the given order, groups sorted
 *
 * @example
 * collectionMetrics(ledger, [{ from: '2026-01-01', to: '2026-01-31' }])
 *   .map((rows) => rows[0].dso.value)
 * //=> Ok('31.00') // receivables 1000.00, sales 1000.00 in 31 days
 */
export function collectionMetrics(
  ledger: Ledger,
  periods: readonly Period[],
  options: CollectionMetricsOptions = {},
): Result<CollectionMetricsRow[], ReceivablesError> {
  const input = checkInput(periods, options);
  if (input.isErr()) return err(input.error);
  const checked = input.value;
  const scope = resolveScope(ledger, checked);
  if (scope.isErr()) return err(scope.error);
  const indexed = indexLedger(ledger, scope.value);
  if (indexed.isErr()) return err(indexed.error);
  const ix = indexed.value;
  const { currency, minorUnits: mu } = scope.value;

  const { groupOf, names } = groupCustomers(ix, checked.groupBy ?? 'total');
  const ranges = periods.map((p) => ({
    fromDay: toDayNumber(p.from),
    toDay: toDayNumber(p.to),
  }));
  const days = [...new Set(ranges.flatMap((r) => [r.fromDay - 1, r.toDay]))].sort((a, b) => a - b);
  const positions = positionsByDay(ix, days, groupOf, names.length);
  if (positions.isErr()) return err(positions.error);
  const sales = indexSales(ix, groupOf, names.length);
  const paid = paidInPeriods(ix, ranges, groupOf, names.length);

  const rows: CollectionMetricsRow[] = [];
  for (const [k, period] of periods.entries()) {
    const r = ranges[k]!;
    const opening = positions.value.get(r.fromDay - 1)!;
    const closing = positions.value.get(r.toDay)!;
    const months = countBackMonths(period, checked.months);
    for (const [g, name] of names.entries()) {
      const cb = countBackInputs(sales, g, months);
      const one = row(
        period,
        currency,
        mu,
        opening[g]!,
        closing[g]!,
        sales(g, r.fromDay, r.toDay),
        paid[k]![g]!,
        cb,
      );
      rows.push(name === undefined ? one : { ...one, group: name });
    }
  }
  return ok(rows);
}
