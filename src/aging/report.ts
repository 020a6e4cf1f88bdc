/**
 * From accumulated minor units to the report: unapplied amounts in their own buckets
 * or netted against the oldest ones, rows sorted by customer and currency, totals per
 * currency with percentages, every amount formatted to its currency's minor unit.
 *
 * Internal to the aging module.
 *
 * @module
 */
import type { Customer } from '../ledger/types.js';
import { addUnits, formatUnits, minUnits, subUnits, type Units } from '../ledger/units.js';
import type { Collector } from './collect.js';
import { percentagesOf } from './percent.js';
import type { AgingRow, AgingTotal } from './types.js';

/** Into `out`, a row's buckets with each unapplied amount negative in its own bucket. */
function ownBuckets(c: Collector, row: number, out: Units[]): void {
  for (let b = 0; b < out.length; b++) out[b] = subUnits(c.openIn(row, b), c.unappliedIn(row, b));
}

/**
 * Into `out`, a row's buckets with all unapplied money taken off the oldest buckets
 * first, as far as they hold open amounts; what is left over stays negative in the
 * first bucket.
 */
function nettedBuckets(c: Collector, row: number, out: Units[]): void {
  for (let b = 0; b < out.length; b++) out[b] = c.openIn(row, b);
  let rest = addUnits(c.cashOf(row), c.creditOf(row));
  for (let i = out.length - 1; i >= 0 && rest > 0; i--) {
    const take = minUnits(rest, out[i]!);
    if (!(take > 0)) continue;
    out[i] = subUnits(out[i]!, take);
    rest = subUnits(rest, take);
  }
  out[0] = subUnits(out[0]!, rest);
}

interface Sum {
  readonly currency: string;
  readonly minorUnits: number;
  readonly amounts: Units[];
  open: Units;
  cash: Units;
  credit: Units;
  customers: number;
}

/** The rows of a collector sorted by customer id, then currency. */
function sortedRows(c: Collector): number[] {
  const order: number[] = new Array(c.rows);
  for (let r = 0; r < order.length; r++) order[r] = r;
  return order.sort((a, b) => {
    const ca = c.customerOf(a);
    const cb = c.customerOf(b);
    if (ca !== cb) return ca < cb ? -1 : 1;
    return c.currencyOf(a) < c.currencyOf(b) ? -1 : 1;
  });
}

/** Rows and totals of the report from the collected sums. */
export function buildReport(
  c: Collector,
  customers: readonly Customer[],
  netOldest: boolean,
): { rows: AgingRow[]; totals: AgingTotal[] } {
  const names = new Map(customers.map((x) => [x.id, x.name]));
  const order = sortedRows(c);
  const width = c.buckets;
  const amounts: Units[] = new Array(width).fill(0);

  const rows: AgingRow[] = new Array(order.length);
  const sums = new Map<string, Sum>();
  for (let k = 0; k < order.length; k++) {
    const r = order[k]!;
    if (netOldest) nettedBuckets(c, r, amounts);
    else ownBuckets(c, r, amounts);
    const mu = c.minorUnitsOf(r);
    const currency = c.currencyOf(r);
    let open: Units = 0;
    for (let b = 0; b < width; b++) open = addUnits(open, c.openIn(r, b));
    const cash = c.cashOf(r);
    const credit = c.creditOf(r);
    const customerId = c.customerOf(r);
    const texts: string[] = new Array(width);
    for (let b = 0; b < width; b++) texts[b] = formatUnits(amounts[b]!, mu);
    const openAmount = formatUnits(open, mu);
    const unappliedCash = formatUnits(cash, mu);
    const unappliedCredit = formatUnits(credit, mu);
    const balance = formatUnits(subUnits(subUnits(open, cash), credit), mu);
    const customerName = names.size === 0 ? undefined : names.get(customerId);
    rows[k] =
      customerName === undefined
        ? {
            customerId,
            currency,
            amounts: texts,
            openAmount,
            unappliedCash,
            unappliedCredit,
            balance,
          }
        : {
            customerId,
            customerName,
            currency,
            amounts: texts,
            openAmount,
            unappliedCash,
            unappliedCredit,
            balance,
          };
    let sum = sums.get(currency);
    if (!sum) {
      const zero: Units[] = new Array(width).fill(0);
      sum = { currency, minorUnits: mu, amounts: zero, open: 0, cash: 0, credit: 0, customers: 0 };
      sums.set(currency, sum);
    }
    const into = sum.amounts;
    for (let b = 0; b < width; b++) into[b] = addUnits(into[b]!, amounts[b]!);
    sum.open = addUnits(sum.open, open);
    sum.cash = addUnits(sum.cash, cash);
    sum.credit = addUnits(sum.credit, credit);
    sum.customers += 1;
  }

  const totals = [...sums.values()]
    .sort((a, b) => (a.currency < b.currency ? -1 : 1))
    .map((s): AgingTotal => {
      const balance = subUnits(subUnits(s.open, s.cash), s.credit);
      const percentages = percentagesOf(s.amounts, balance);
      return {
        currency: s.currency,
        amounts: s.amounts.map((a) => formatUnits(a, s.minorUnits)),
        openAmount: formatUnits(s.open, s.minorUnits),
        unappliedCash: formatUnits(s.cash, s.minorUnits),
        unappliedCredit: formatUnits(s.credit, s.minorUnits),
        balance: formatUnits(balance, s.minorUnits),
        ...(percentages ? { percentages } : {}),
        customers: s.customers,
      };
    });
  return { rows, totals };
}
