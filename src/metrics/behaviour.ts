/**
 * Payment behaviour from allocations: for every part of a payment applied to an
 * invoice or instalment, how many days after the issue date and after the due date
 * the customer paid, weighted by the amount applied. The payment's value date is
 * the day the customer paid, even when the money was applied later. Credit notes are
 * not payments and fees or interest are not sales, so neither counts here.
 *
 * @module
 */
import { addUnits, type Units } from '../ledger/units.js';
import { Dec } from '../money/decimal.js';
import { weightedDaysOf } from './formulas.js';
import type { LedgerIndex } from './index-ledger.js';
import type { MetricValue } from './types.js';

/** Sums of what was paid and of amount x days, in minor units. */
export interface PaidTotals {
  /** Amount applied. */
  amount: Units;
  /** Sum of amount x (payment date - issue date). */
  amountDaysToPay: Units;
  /** Sum of amount x (payment date - due date); early payments are negative. */
  amountDaysLate: Units;
}

/** Day numbers of a reporting period, both ends included. */
export interface DayRange {
  readonly fromDay: number;
  readonly toDay: number;
}

/** An exact product of minor units and days: a number while it is a safe integer. */
function times(units: Units, days: number): Units {
  if (typeof units === 'number') {
    const p = units * days;
    // A float product of integers is exact whenever the true product is a safe integer.
    if (Number.isSafeInteger(p)) return p;
  }
  return BigInt(units) * BigInt(days);
}

function emptyTotals(): PaidTotals {
  return { amount: 0, amountDaysToPay: 0, amountDaysLate: 0 };
}

/**
 * What each group paid in each period: payments dated in the period whose
 * allocation holds at the period's end (later allocations and undone ones do not).
 *
 * @param ix - the indexed ledger
 * @param ranges - the periods, as day numbers
 * @param groupOf - the group of each customer
 * @param groups - number of groups
 * @returns totals indexed [period][group]
 */
export function paidInPeriods(
  ix: LedgerIndex,
  ranges: readonly DayRange[],
  groupOf: readonly number[],
  groups: number,
): PaidTotals[][] {
  const out = ranges.map(() => Array.from({ length: groups }, emptyTotals));
  const p = ix.paid;
  for (let i = 0; i < p.payDay.length; i++) {
    const payDay = p.payDay[i]!;
    for (const [k, r] of ranges.entries()) {
      if (payDay < r.fromDay || payDay > r.toDay) continue;
      if (p.from[i]! > r.toDay || p.until[i]! <= r.toDay) continue;
      const t = out[k]![groupOf[p.customer[i]!]!]!;
      const amount = p.amount[i]!;
      t.amount = addUnits(t.amount, amount);
      t.amountDaysToPay = addUnits(t.amountDaysToPay, times(amount, payDay - p.issueDay[i]!));
      t.amountDaysLate = addUnits(t.amountDaysLate, times(amount, payDay - p.dueDay[i]!));
    }
  }
  return out;
}

/** The decimal of a unit count. */
export function dec(units: Units): Dec {
  return new Dec(units.toString());
}

/** Average days to pay and days late of paid totals, weighted by amount. */
export function averagesOf(t: PaidTotals): { toPay: MetricValue; late: MetricValue } {
  const amount = dec(t.amount);
  return {
    toPay: weightedDaysOf(dec(t.amountDaysToPay), amount),
    late: weightedDaysOf(dec(t.amountDaysLate), amount),
  };
}
