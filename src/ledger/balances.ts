/**
 * Balances as of a date: what is left of every open item, every payment and credit
 * note, and every customer's position per currency, counting only what is dated on
 * or before that day. Exact in minor units; linear in the size of the ledger.
 *
 * The identity it keeps, per customer and currency, to the minor unit:
 *
 *     sum(openAmount) - unappliedCash - unappliedCredit
 *       = invoiced + charged - written off - received - credited + refunded
 *
 * where every term counts the records dated on or before `asOf` (a payment reversed
 * by then counts for nothing, nor do its allocations and refunds), and where a
 * record listed in `exceptions` counts only for its `appliedAmount`.
 *
 * Statuses are derived, never stored: `open` (nothing applied yet), `partially_paid`
 * (something allocated or written off, something still open), and once nothing is
 * open, `paid`, or `written_off` when more of it was written off than paid. An item is
 * never below zero: what is not needed stays unapplied on its payment or credit note.
 * `disputed` is true when one of the invoice's disputes covers `asOf` (bounds
 * inclusive); a charge on a disputed item is disputed too.
 *
 * @module
 */
import type { Result } from 'neverthrow';
import { invariant, type ReceivablesError } from '../errors/index.js';
import { inputText } from '../money/decimal.js';
import { type IsoDate, isIsoDate, parseIsoDate } from '../terms/date.js';
import { textOf, toOpenItem } from './items.js';
import { parseLedger } from './parse.js';
import { replayLedger } from './replay.js';
import { openOf } from './state.js';
import type {
  Balances,
  CustomerBalance,
  Ledger,
  LedgerCreditNote,
  LedgerPayment,
  OpenItem,
  SourceBalance,
} from './types.js';
import { addUnits, formatUnits, isCanonicalUnits, subUnits, type Units } from './units.js';

/** A customer's running position in one currency; `next` holds its other currencies. */
interface Position {
  readonly customerId: string;
  readonly currency: string;
  readonly minorUnits: number;
  open: Units;
  cash: Units;
  credit: Units;
  next: Position | undefined;
}

/**
 * Positions by customer id, then by currency along a short chain (a customer rarely
 * has more than one), kept in order of first appearance. Keyed by the ledger's own
 * id strings, so no key is built per record.
 */
class Positions {
  readonly byCustomer = new Map<string, Position>();
  readonly inOrder: Position[] = [];

  of(customerId: string, currency: string, minorUnits: number): Position {
    const first = this.byCustomer.get(customerId);
    let p = first;
    while (p !== undefined && p.currency !== currency) p = p.next;
    if (p !== undefined) return p;
    p = { customerId, currency, minorUnits, open: 0, cash: 0, credit: 0, next: undefined };
    if (first === undefined) this.byCustomer.set(customerId, p);
    else {
      p.next = first.next;
      first.next = p;
    }
    this.inOrder.push(p);
    return p;
  }
}

/**
 * The open amount of every item, what is left of every payment and credit note, and
 * each customer's balance per currency, as of the end of `asOf`.
 *
 * Only documents and allocations dated on or before `asOf` count; drafts and void
 * invoices are left out; an item's status and `disputed` flag are those of that day.
 * The ledger must be one that `parseLedger` accepts (amounts on the currency's minor
 * unit); records that cannot hold in full are listed in `exceptions`. `asOf` must be a
 * calendar date: anything else is a programming error and throws `InvariantError`
 * (for a ledger and date from outside, use {@link balancesAsOfChecked}).
 *
 * @param ledger - the receivables ledger
 * @param asOf - the reporting date (inclusive), `YYYY-MM-DD`
 *
 * @example
 * const ledger = { ...EMPTY_LEDGER,
 *   invoices: [{ id: 'INV-1', customerId: 'C1', currency: 'EUR', issueDate: '2026-01-01',
 *     dueDate: '2026-01-31', amount: '1000.00' }],
 *   payments: [{ id: 'P-1', customerId: 'C1', currency: 'EUR', date: '2026-02-01',
 *     amount: '1200.00' }],
 *   allocations: [{ id: 'A-1', sourceId: 'P-1', itemId: 'INV-1', amount: '1000.00',
 *     date: '2026-02-01' }] };
 * balancesAsOf(ledger, '2026-02-28').customers[0].balance
 * //=> '-200.00'
 */
export function balancesAsOf(ledger: Ledger, asOf: IsoDate): Balances {
  invariant(
    isIsoDate(asOf),
    `balancesAsOf needs a calendar date YYYY-MM-DD, got ${JSON.stringify(inputText(asOf))}`,
  );
  const state = replayLedger(ledger, asOf);
  const positions = new Positions();
  const t = state.items;
  const count = t.count;
  const items: OpenItem[] = new Array(count);
  let last: Position | undefined;
  for (let i = 0; i < count; i++) {
    const open = openOf(t, i);
    items[i] = toOpenItem(t, i, open);
    const { customerId, currency } = t.record[i]!;
    // Records of one customer often come together: reuse the position just used.
    const p =
      last !== undefined && last.customerId === customerId && last.currency === currency
        ? last
        : positions.of(customerId, currency, t.minorUnits[i]!);
    p.open = addUnits(p.open, open);
    last = p;
  }
  const st = state.sources;
  const sources: SourceBalance[] = new Array(st.count);
  for (let k = 0; k < st.count; k++) {
    const mu = st.minorUnits[k]!;
    const whole = st.amount.get(k);
    const record = st.record[k]!;
    const { customerId, currency } = record;
    const amount = isCanonicalUnits(record.amount, mu) ? record.amount : formatUnits(whole, mu);
    const cash = st.cash[k] === 1;
    const left = st.left.get(k);
    sources[k] = {
      id: record.id,
      kind: cash ? 'payment' : 'credit_note',
      customerId,
      currency,
      date: cash ? (record as LedgerPayment).date : (record as LedgerCreditNote).issueDate,
      amount,
      unappliedAmount: textOf(left, whole, amount, mu),
    };
    const p =
      last !== undefined && last.customerId === customerId && last.currency === currency
        ? last
        : positions.of(customerId, currency, mu);
    if (cash) p.cash = addUnits(p.cash, left);
    else p.credit = addUnits(p.credit, left);
    last = p;
  }

  const customers: CustomerBalance[] = new Array(positions.inOrder.length);
  for (let i = 0; i < positions.inOrder.length; i++) {
    const p = positions.inOrder[i]!;
    const balance = subUnits(subUnits(p.open, p.cash), p.credit);
    customers[i] = {
      customerId: p.customerId,
      currency: p.currency,
      openAmount: formatUnits(p.open, p.minorUnits),
      unappliedCash: formatUnits(p.cash, p.minorUnits),
      unappliedCredit: formatUnits(p.credit, p.minorUnits),
      balance: formatUnits(balance, p.minorUnits),
    };
  }
  return { asOf, items, sources, customers, exceptions: state.exceptions };
}

/**
 * Balances of a ledger and a date that come from outside (a file, a request): the
 * ledger is read by `parseLedger`, the date checked, then {@link balancesAsOf} runs.
 * Errors: `invalid_date` (path `asOf`) for a date that is not a calendar date
 * `YYYY-MM-DD`, and every error `parseLedger` returns.
 *
 * @param input - the ledger as parsed JSON
 * @param asOf - the reporting date (inclusive)
 *
 * @example
 * balancesAsOfChecked({ payments: [{ id: 'P-1', customerId: 'C1', currency: 'EUR',
 *   date: '2026-01-05', amount: '10.00' }] }, '2026-02-30').mapErr((e) => e.code)
 * //=> Err('invalid_date')
 */
export function balancesAsOfChecked(
  input: unknown,
  asOf: unknown,
): Result<Balances, ReceivablesError> {
  return parseIsoDate(asOf, ['asOf']).andThen((date) =>
    parseLedger(input).map((ledger) => balancesAsOf(ledger, date)),
  );
}
