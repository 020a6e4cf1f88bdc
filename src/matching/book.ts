/**
 * The open items as matching reads them: amounts in minor units, each customer's
 * items oldest first, and indexes by payment reference, invoice number and amount,
 * built once per call so that each payment costs a few map reads.
 *
 * @module
 */
import { err, ok, type Result } from 'neverthrow';
import { type ErrorOf, receivablesError } from '../errors/index.js';
import type { OfferedDiscount, OpenItem } from '../ledger/types.js';
import { currencyOf } from '../money/currency.js';
import type { IsoDate } from '../terms/date.js';
import { addTo, buildNumberIndex, type MultiMap, type NumberIndex } from './numbers.js';
import { percentOfUnits, toUnits } from './units.js';

/** A discount an item offers, in minor units. */
export interface ItemDiscount {
  readonly until: IsoDate;
  readonly percent: string;
  readonly units: bigint;
}

/** An open item ready for matching. */
export interface BookItem {
  readonly index: number;
  readonly source: OpenItem;
  readonly minorUnits: number;
  /** What is still open, in minor units (above zero). */
  readonly open: bigint;
  readonly discounts: readonly ItemDiscount[];
}

/** The open items with their indexes. */
export interface Book {
  readonly items: readonly BookItem[];
  /** Item indexes per customer, oldest first (due date, issue date, id). */
  readonly byCustomer: ReadonlyMap<string, readonly number[]>;
  readonly byReference: MultiMap;
  readonly byAmount: MultiMap;
  readonly numbers: NumberIndex;
  /** Instalments by their own id in upper case, as a payer may write it. */
  readonly byInstalmentId: ReadonlyMap<string, number>;
}

/**
 * How an item is named to a person: an instalment by its own id, anything else by
 * the invoice number customers quote (its id when it has none).
 *
 * @example
 * itemLabel({ ...openInvoice, kind: 'instalment', id: 'INV-1004/2', number: 'INV-1004' })
 * //=> 'instalment INV-1004/2'
 */
export function itemLabel(item: OpenItem): string {
  return item.kind === 'instalment' ? `instalment ${item.id}` : (item.number ?? item.id);
}

/**
 * The invoice number an item is quoted by, naming the instalment when it is one.
 *
 * @example
 * numberLabel({ ...openInvoice, kind: 'instalment', id: 'INV-1004/2', number: 'INV-1004' })
 * //=> 'invoice number INV-1004 (instalment INV-1004/2)'
 */
export function numberLabel(item: OpenItem): string {
  const number = `invoice number ${item.number ?? item.invoiceId ?? item.id}`;
  return item.kind === 'instalment' ? `${number} (instalment ${item.id})` : number;
}

/**
 * A reference as compared: no spaces or separators, upper case, no leading zeros.
 *
 * @example
 * referenceKey('+++012/3456/78939+++')
 * //=> '12345678939'
 */
export function referenceKey(reference: string): string {
  const compact = reference.replace(/[\s+*/.-]+/g, '').toUpperCase();
  return /^\d+$/.test(compact) ? compact.replace(/^0+(?=\d)/, '') : compact;
}

/**
 * Oldest first: due date, then issue date, then id.
 *
 * @example
 * [laterItem, earlierItem].sort(olderFirst).map((i) => i.id)
 * //=> ['INV-1', 'INV-2']
 */
export function olderFirst(a: OpenItem, b: OpenItem): number {
  if (a.dueDate !== b.dueDate) return a.dueDate < b.dueDate ? -1 : 1;
  if (a.issueDate !== b.issueDate) return a.issueDate < b.issueDate ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The amount key of the amount index.
 *
 * @example
 * amountKey('EUR', 1250n)
 * //=> 'EUR:1250'
 */
export function amountKey(currency: string, units: bigint): string {
  return `${currency}:${units}`;
}

function discountsOf(item: OpenItem, units: number): ItemDiscount[] {
  const offered: readonly OfferedDiscount[] = item.discounts ?? [];
  const out: ItemDiscount[] = [];
  for (const d of offered) {
    const base = toUnits(d.baseAmount ?? item.amount, units);
    if (base === undefined || !/^\d+(\.\d+)?$/.test(d.percent)) continue;
    out.push({ until: d.until, percent: d.percent, units: percentOfUnits(base, d.percent) });
  }
  return out.sort((a, b) => (a.until < b.until ? -1 : a.until > b.until ? 1 : 0));
}

/**
 * Reads the open items. Items with nothing left open (paid, written off, void)
 * take no payment and are left out; an unreadable amount or currency is an error.
 *
 * @example
 * buildBook([openInvoice]).map((b) => b.items.length)
 * //=> Ok(1)
 */
export function buildBook(
  openItems: readonly OpenItem[],
): Result<Book, ErrorOf<'invalid_amount' | 'unknown_currency'>> {
  const items: BookItem[] = [];
  for (const [i, source] of openItems.entries()) {
    const currency = currencyOf(source.currency, undefined, ['openItems', i, 'currency']);
    if (currency.isErr()) return err(currency.error);
    const minorUnits = currency.value.minorUnits;
    const open = toUnits(source.openAmount, minorUnits);
    if (open === undefined) {
      const reason = 'not a non-negative amount on a minor unit';
      const details = { input: String(source.openAmount), reason };
      return err(receivablesError('invalid_amount', details, ['openItems', i, 'openAmount']));
    }
    if (open === 0n || source.status === 'void' || source.status === 'draft') continue;
    const discounts = discountsOf(source, minorUnits);
    items.push({ index: items.length, source, minorUnits, open, discounts });
  }
  const byCustomer = new Map<string, number[]>();
  const byReference: MultiMap = new Map();
  const byAmount: MultiMap = new Map();
  for (const item of items) {
    const list = byCustomer.get(item.source.customerId);
    if (list) list.push(item.index);
    else byCustomer.set(item.source.customerId, [item.index]);
    const ref = item.source.paymentReference;
    if (ref !== undefined && ref.trim() !== '') addTo(byReference, referenceKey(ref), item.index);
    addTo(byAmount, amountKey(item.source.currency, item.open), item.index);
  }
  // The same order as olderFirst, read from flat arrays: a large book sorts 100,000 items.
  const due = items.map((it) => it.source.dueDate);
  const issued = items.map((it) => it.source.issueDate);
  const ids = items.map((it) => it.source.id);
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  for (const list of byCustomer.values()) {
    if (list.length < 2) continue;
    list.sort(
      (a, b) => cmp(due[a]!, due[b]!) || cmp(issued[a]!, issued[b]!) || cmp(ids[a]!, ids[b]!),
    );
  }
  const numbers = buildNumberIndex(items.map((it) => it.source.number ?? it.source.invoiceId));
  const byInstalmentId = new Map<string, number>();
  for (const it of items) {
    if (it.source.kind === 'instalment') byInstalmentId.set(it.source.id.toUpperCase(), it.index);
  }
  return ok({ items, byCustomer, byReference, byAmount, numbers, byInstalmentId });
}
