/**
 * The view of a customer statement of account: every open item in one currency, an
 * aging summary (not yet due, 1-30, 31-60, 61-90 and over 90 days past due: day 30
 * falls in the first bucket), payments and credit notes not yet applied, and the
 * balance, all as of the balances' date.
 *
 * @module
 */
import type { Balances, Customer } from '../../ledger/types.js';
import { Dec, formatAmount, minorUnitsOf } from '../../money/index.js';
import { daysBetween } from '../../terms/date.js';
import type { DunningSender } from '../policy.js';
import { type Formatters, type ItemRow, itemRow } from './view.js';

/** What a statement of account is drawn from. */
export interface StatementOfAccountInput {
  /** Balances of the ledger as of the statement date (`balancesAsOf`). */
  readonly balances: Balances;
  readonly customer: Customer;
  readonly currency: string;
}

/** What a statement template renders. */
export interface StatementView {
  readonly language: string;
  readonly locale: string;
  readonly customerName: string;
  readonly date: string;
  readonly items: readonly ItemRow[];
  readonly aging: readonly { readonly label: string; readonly amount: string }[];
  readonly overdueTotal: string;
  readonly unappliedCash: string;
  readonly unappliedCredit: string;
  readonly balance: string;
  readonly sender: Partial<DunningSender>;
}

const BUCKETS = [
  { label: '1-30', upTo: 30 },
  { label: '31-60', upTo: 60 },
  { label: '61-90', upTo: 90 },
  { label: '> 90', upTo: Number.POSITIVE_INFINITY },
];

/**
 * Builds the statement view; amounts are summed exactly, then formatted.
 *
 * @example
 * statementView(input, formatters('en-GB'), {}).aging.map((b) => b.label)
 * //=> ['Not yet due', '1-30', '31-60', '61-90', '> 90']
 */
export function statementView(
  input: StatementOfAccountInput,
  f: Formatters,
  sender: Partial<DunningSender>,
  minorUnits: number = minorUnitsOf(input.currency),
): StatementView {
  const { balances, customer, currency } = input;
  const asOf = balances.asOf;
  const open = balances.items
    .filter((i) => i.customerId === customer.id && i.currency === currency)
    .filter((i) => i.status === 'open' || i.status === 'partially_paid')
    .sort((a, b) =>
      a.dueDate === b.dueDate ? (a.id < b.id ? -1 : 1) : a.dueDate < b.dueDate ? -1 : 1,
    );
  const sums = [new Dec(0), ...BUCKETS.map(() => new Dec(0))];
  let total = new Dec(0);
  for (const item of open) {
    const late = daysBetween(item.dueDate, asOf);
    const bucket = late <= 0 ? 0 : 1 + BUCKETS.findIndex((b) => late <= b.upTo);
    sums[bucket] = sums[bucket]!.plus(item.openAmount);
    total = total.plus(item.openAmount);
  }
  const position = balances.customers.find(
    (c) => c.customerId === customer.id && c.currency === currency,
  );
  const money = (d: Dec | string) => f.money(formatAmount(new Dec(d), minorUnits), currency);
  return {
    language: f.language,
    locale: f.locale,
    customerName: customer.name,
    date: f.date(asOf),
    items: open.map((i) => itemRow(i, currency, f, asOf)),
    aging: [f.phrases.current, ...BUCKETS.map((b) => b.label)].map((label, i) => ({
      label,
      amount: money(sums[i]!),
    })),
    overdueTotal: money(total),
    unappliedCash: money(position?.unappliedCash ?? '0'),
    unappliedCredit: money(position?.unappliedCredit ?? '0'),
    balance: money(position?.balance ?? total),
    sender,
  };
}
