/**
 * Net credit sales over any range of days, per group of customers: invoices issued
 * in the range minus credit notes issued in it, by issue date. Sales are kept per
 * group in issue-date order with running totals, so the sales of a range are two
 * binary searches and a subtraction.
 *
 * @module
 */
import { addUnits, subUnits, type Units } from '../ledger/units.js';
import type { LedgerIndex } from './index-ledger.js';

/** Net credit sales of a group over a range of day numbers (both ends included). */
export type SalesOver = (group: number, fromDay: number, toDay: number) => Units;

function byDay(days: readonly number[]): Int32Array {
  const n = days.length;
  const order = new Int32Array(n);
  if (n === 0) return order;
  let min = days[0]!;
  let max = days[0]!;
  for (const d of days) {
    if (d < min) min = d;
    if (d > max) max = d;
  }
  if (max - min > 4 * n + 100_000) {
    for (let i = 0; i < n; i++) order[i] = i;
    return order.sort((a, b) => days[a]! - days[b]!);
  }
  // Counting sort: a ledger spans a few thousand days and holds far more documents.
  const start = new Int32Array(max - min + 2);
  for (const d of days) start[d - min + 1]! += 1;
  for (let i = 1; i < start.length; i++) start[i]! += start[i - 1]!;
  for (let i = 0; i < n; i++) order[start[days[i]! - min]!++] = i;
  return order;
}

function upperBound(days: readonly number[], day: number): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (days[mid]! <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Indexes the sales documents of a ledger index by group.
 *
 * @param ix - the indexed ledger
 * @param groupOf - the group of each customer (indexed like `ix.customerIds`)
 * @param groups - number of groups
 */
export function indexSales(ix: LedgerIndex, groupOf: readonly number[], groups: number): SalesOver {
  const s = ix.sales;
  const days: number[][] = Array.from({ length: groups }, () => []);
  const totals: Units[][] = Array.from({ length: groups }, () => [0]);
  for (const i of byDay(s.day)) {
    const g = groupOf[s.customer[i]!]!;
    const t = totals[g]!;
    days[g]!.push(s.day[i]!);
    t.push(addUnits(t[t.length - 1]!, s.amount[i]!));
  }
  return (group, fromDay, toDay) => {
    const d = days[group]!;
    const t = totals[group]!;
    return subUnits(t[upperBound(d, toDay)]!, t[upperBound(d, fromDay - 1)]!);
  };
}
