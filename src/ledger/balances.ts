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
import { parseLedger } from './parse.js';
import { replayLedger } from './replay.js';
import type { ItemState } from './state.js';
import type {
  Balances,
  CustomerBalance,
  ItemStatus,
  Ledger,
  OpenItem,
  SourceBalance,
} from './types.js';
import {
  addUnits,
  formatUnits,
  isCanonicalUnits,
  isZeroUnits,
  sameUnits,
  subUnits,
  type Units,
} from './units.js';

/** The status of a replayed item, derived from its amounts; see {@link OpenItem.status}. */
function itemStatusOf(item: ItemState, open: Units): ItemStatus {
  if (!isZeroUnits(open)) {
    return isZeroUnits(item.allocated) && isZeroUnits(item.writtenOff) ? 'open' : 'partially_paid';
  }
  // Settled: written off when more of it was given up than was paid.
  return item.writtenOff > item.allocated ? 'written_off' : 'paid';
}

/** An amount of an item or source as text: the ledger's own string when it is the same. */
function textOf(units: Units, whole: Units, wholeText: string, mu: number): string {
  return sameUnits(units, whole) ? wholeText : formatUnits(units, mu);
}

function toOpenItem(item: ItemState, open: Units): OpenItem {
  const mu = item.minorUnits;
  // Most items are fully open or fully paid: their amounts are the ledger's own amount
  // string or zero (one shared string), so no string is built for them.
  const amount = isCanonicalUnits(item.amountText, mu)
    ? item.amountText
    : formatUnits(item.amount, mu);
  const out: {
    -readonly [K in keyof OpenItem]: OpenItem[K];
  } = {
    id: item.id,
    kind: item.kind,
    customerId: item.customerId,
    currency: item.currency,
    issueDate: item.issueDate,
    dueDate: item.dueDate,
    amount,
    allocatedAmount: textOf(item.allocated, item.amount, amount, mu),
    writtenOffAmount: textOf(item.writtenOff, item.amount, amount, mu),
    openAmount: textOf(open, item.amount, amount, mu),
    status: itemStatusOf(item, open),
    disputed: item.disputed,
  };
  if (item.chargeKind !== undefined) out.chargeKind = item.chargeKind;
  if (item.invoiceId !== undefined) out.invoiceId = item.invoiceId;
  if (item.number !== undefined) out.number = item.number;
  if (item.paymentReference !== undefined) out.paymentReference = item.paymentReference;
  if (isZeroUnits(open)) out.settledOn = item.lastDate ?? item.issueDate;
  return out;
}

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
  const items: OpenItem[] = new Array(state.items.length);
  let last: Position | undefined;
  for (let i = 0; i < state.items.length; i++) {
    const item = state.items[i]!;
    const open = subUnits(subUnits(item.amount, item.allocated), item.writtenOff);
    items[i] = toOpenItem(item, open);
    // Records of one customer often come together: reuse the position just used.
    const p =
      last !== undefined && last.customerId === item.customerId && last.currency === item.currency
        ? last
        : positions.of(item.customerId, item.currency, item.minorUnits);
    p.open = addUnits(p.open, open);
    last = p;
  }
  const sources: SourceBalance[] = new Array(state.sources.size);
  let k = 0;
  for (const s of state.sources.values()) {
    const mu = s.minorUnits;
    const amount = isCanonicalUnits(s.amountText, mu) ? s.amountText : formatUnits(s.amount, mu);
    sources[k++] = {
      id: s.id,
      kind: s.kind,
      customerId: s.customerId,
      currency: s.currency,
      date: s.date,
      amount,
      unappliedAmount: textOf(s.left, s.amount, amount, mu),
    };
    const p =
      last !== undefined && last.customerId === s.customerId && last.currency === s.currency
        ? last
        : positions.of(s.customerId, s.currency, mu);
    if (s.kind === 'payment') p.cash = addUnits(p.cash, s.left);
    else p.credit = addUnits(p.credit, s.left);
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
