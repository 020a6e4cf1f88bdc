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
import { percentagesOf } from './percent.js';
import type { AgingRow, AgingTotal } from './types.js';

/** One customer's sums in one currency, in minor units. */
export interface Accumulator {
  readonly customerId: string;
  readonly currency: string;
  readonly minorUnits: number;
  /** Open amounts of items, per bucket. */
  readonly openByBucket: Units[];
  /** Unapplied cash and credit (positive), per bucket of their own date. */
  readonly unappliedByBucket: Units[];
  open: Units;
  cash: Units;
  readonly credit: Units;
}

/** Bucket amounts with each unapplied amount as a negative amount in its own bucket. */
function ownBuckets(acc: Accumulator): Units[] {
  return acc.openByBucket.map((o, i) => subUnits(o, acc.unappliedByBucket[i]!));
}

/**
 * Bucket amounts with all unapplied money taken off the oldest buckets first, as far
 * as they hold open amounts; whatever is left over stays negative in the first bucket.
 */
function nettedBuckets(acc: Accumulator): Units[] {
  const out = [...acc.openByBucket];
  let rest = addUnits(acc.cash, acc.credit);
  for (let i = out.length - 1; i >= 0 && rest > 0; i--) {
    const take = minUnits(rest, out[i]!);
    if (!(take > 0)) continue;
    out[i] = subUnits(out[i]!, take);
    rest = subUnits(rest, take);
  }
  out[0] = subUnits(out[0]!, rest);
  return out;
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

const byKey = (a: Accumulator, b: Accumulator): number =>
  a.customerId < b.customerId
    ? -1
    : a.customerId > b.customerId
      ? 1
      : a.currency < b.currency
        ? -1
        : 1;

/** Rows and totals of the report from the accumulators. */
export function buildReport(
  accumulators: readonly Accumulator[],
  customers: readonly Customer[],
  netOldest: boolean,
): { rows: AgingRow[]; totals: AgingTotal[] } {
  const names = new Map(customers.map((c) => [c.id, c.name]));
  const all = [...accumulators].sort(byKey);

  const rows: AgingRow[] = [];
  const sums = new Map<string, Sum>();
  for (const acc of all) {
    const amounts = netOldest ? nettedBuckets(acc) : ownBuckets(acc);
    const mu = acc.minorUnits;
    const balance = subUnits(subUnits(acc.open, acc.cash), acc.credit);
    const name = names.get(acc.customerId);
    const texts: string[] = [];
    for (const a of amounts) texts.push(formatUnits(a, mu));
    const openAmount = formatUnits(acc.open, mu);
    const unappliedCash = formatUnits(acc.cash, mu);
    const unappliedCredit = formatUnits(acc.credit, mu);
    const balanceText = formatUnits(balance, mu);
    rows.push(
      name === undefined
        ? {
            customerId: acc.customerId,
            currency: acc.currency,
            amounts: texts,
            openAmount,
            unappliedCash,
            unappliedCredit,
            balance: balanceText,
          }
        : {
            customerId: acc.customerId,
            customerName: name,
            currency: acc.currency,
            amounts: texts,
            openAmount,
            unappliedCash,
            unappliedCredit,
            balance: balanceText,
          },
    );
    let sum = sums.get(acc.currency);
    if (!sum) {
      sum = {
        currency: acc.currency,
        minorUnits: mu,
        amounts: amounts.map(() => 0),
        open: 0,
        cash: 0,
        credit: 0,
        customers: 0,
      };
      sums.set(acc.currency, sum);
    }
    const into = sum.amounts;
    for (let i = 0; i < into.length; i++) into[i] = addUnits(into[i]!, amounts[i]!);
    sum.open = addUnits(sum.open, acc.open);
    sum.cash = addUnits(sum.cash, acc.cash);
    sum.credit = addUnits(sum.credit, acc.credit);
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
