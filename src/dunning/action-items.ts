/**
 * The items and totals of a dunning action: each open item as the reminder shows it,
 * in due-date order, and the amounts summed in integer minor units while exact.
 *
 * @module
 */
import type { OpenItem } from '../ledger/types.js';
import { Dec, formatAmount } from '../money/index.js';
import type { IsoDate } from '../terms/date.js';
import { addMinor, formatMinor, sumMinor, toMinor } from './minor.js';
import type { DunningActionItem } from './types.js';

/**
 * Overdue, charges and total due, summed in minor units (decimals when not exact).
 *
 * @example
 * sumTotals(['10.00'], ['5.00'], '2.50', 2).totalDue
 * //=> '12.50'
 */
export function sumTotals(
  overdue: readonly string[],
  charges: readonly string[],
  unapplied: string,
  mu: number,
) {
  const sum = (amounts: readonly string[]) => amounts.reduce((s, a) => s.plus(a), new Dec(0));
  const o = sumMinor(overdue, mu);
  const c = sumMinor(charges, mu);
  const u = toMinor(unapplied, mu);
  const t = addMinor(o, c);
  if (o !== undefined && c !== undefined && u !== undefined && t !== undefined) {
    return {
      overdueAmount: formatMinor(o, mu),
      chargesAmount: formatMinor(c, mu),
      unappliedAmount: formatMinor(u, mu),
      totalDue: formatMinor(Math.max(0, t - u), mu),
    };
  }
  const od = sum(overdue);
  const cd = sum(charges);
  return {
    overdueAmount: formatAmount(od, mu),
    chargesAmount: formatAmount(cd, mu),
    unappliedAmount: formatAmount(new Dec(unapplied), mu),
    totalDue: formatAmount(Dec.max(0, od.plus(cd).minus(unapplied)), mu),
  };
}

/**
 * Orders open items earliest due date first, then by item id.
 *
 * @example
 * [b, a].sort(byDueItem).map((i) => i.id) // a due 2024-01-31, b due 2024-02-29
 * //=> ['A', 'B']
 */
export const byDueItem = (a: OpenItem, b: OpenItem) =>
  a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.id < b.id ? -1 : 1;
/**
 * {@link byDueItem} for candidates (an item with its level).
 *
 * @example
 * [{ item: b }, { item: a }].sort(byDue).map((c) => c.item.id)
 * //=> ['A', 'B']
 */
export const byDue = (a: { item: OpenItem }, b: { item: OpenItem }) => byDueItem(a.item, b.item);

/**
 * An open item as shown in a reminder, at `level`, with its days overdue.
 *
 * @example
 * toActionItem(item, 1, toDayNumber('2024-02-08'), toDayNumber).daysOverdue
 * //=> 8
 */
export function toActionItem(
  item: OpenItem,
  level: number,
  todayDay: number,
  dayNumber: (date: IsoDate) => number,
): DunningActionItem {
  const kind = item.kind === 'instalment' ? 'instalment' : 'invoice';
  const daysOverdue = todayDay - dayNumber(item.dueDate);
  const { invoiceId, number, paymentReference } = item;
  // Keys added in the documented order, each optional one only when present: no spread
  // objects (the same keys in the same order as the literal with spreads gave).
  const out: { -readonly [K in keyof DunningActionItem]: DunningActionItem[K] } = {
    itemId: item.id,
    kind,
  } as DunningActionItem;
  if (invoiceId !== undefined) out.invoiceId = invoiceId;
  if (number !== undefined) out.number = number;
  out.level = level;
  out.issueDate = item.issueDate;
  out.dueDate = item.dueDate;
  out.daysOverdue = daysOverdue;
  out.openAmount = item.openAmount;
  if (paymentReference !== undefined) out.paymentReference = paymentReference;
  return out;
}
