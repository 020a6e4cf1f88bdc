/**
 * The fields of a replayed item that only reports and allocation policies read, taken
 * from the ledger's own record when asked for instead of being copied into the replay
 * for every item (see `state.ts`).
 *
 * Internal to the ledger and aging modules.
 *
 * @module
 */
import type { IsoDate } from '../terms/date.js';
import {
  CHARGE,
  dueDateOf,
  type ItemTable,
  itemIdOf,
  type LedgerState,
  type Mutable,
  WHOLE,
} from './state.js';
import type { ChargeKind, ItemStatus, LedgerCharge, LedgerInvoice, OpenItem } from './types.js';
import { formatUnits, isCanonicalUnits, isZeroUnits, sameUnits, type Units } from './units.js';

/** What an item is: a whole invoice, an instalment of one, or a charge. */
export function kindOf(items: ItemTable, i: number): OpenItem['kind'] {
  const part = items.part[i]!;
  return part === WHOLE ? 'invoice' : part === CHARGE ? 'charge' : 'instalment';
}

/** The issue date of an item: its invoice's, or the date a charge was posted. */
export function issueDateOf(items: ItemTable, i: number): IsoDate {
  const r = items.record[i]!;
  return items.part[i] === CHARGE ? (r as LedgerCharge).date : (r as LedgerInvoice).issueDate;
}

/** The amount of an item as the ledger wrote it. */
export function amountTextOf(items: ItemTable, i: number): string {
  const part = items.part[i]!;
  const r = items.record[i]!;
  return part >= 0 ? (r as LedgerInvoice).instalments![part]!.amount : r.amount;
}

/** The kind of a charge; undefined for an invoice or instalment. */
export function chargeKindOf(items: ItemTable, i: number): ChargeKind | undefined {
  return items.part[i] === CHARGE ? (items.record[i] as LedgerCharge).kind : undefined;
}

/** The invoice an item belongs to (a charge: that of the item it was charged on). */
export function invoiceIdOf(items: ItemTable, i: number): string | undefined {
  let at: number | undefined = i;
  // A chain of charges on charges, followed at most once around (a loop has no invoice).
  for (let steps = 0; at !== undefined && items.part[at] === CHARGE; steps++) {
    at = steps <= items.count ? items.chargeTarget.get(at) : undefined;
  }
  return at === undefined ? undefined : items.record[at]!.id;
}

/** The invoice number an item is known by (its id when it has none); none for a charge. */
export function numberOf(items: ItemTable, i: number): string | undefined {
  if (items.part[i] === CHARGE) return undefined;
  const r = items.record[i] as LedgerInvoice;
  return r.number ?? r.id;
}

/** The structured payment reference of an item's invoice, if it has one. */
export function referenceOf(items: ItemTable, i: number): string | undefined {
  if (items.part[i] === CHARGE) return undefined;
  return (items.record[i] as LedgerInvoice).paymentReference;
}

/** One replayed item as an object, for the few places that pass items around. */
export interface ItemView {
  readonly id: string;
  readonly kind: OpenItem['kind'];
  readonly chargeKind: ChargeKind | undefined;
  readonly invoiceId: string | undefined;
  readonly number: string | undefined;
  readonly customerId: string;
  readonly currency: string;
  readonly issueDate: IsoDate;
  readonly dueDate: IsoDate;
  readonly paymentReference: string | undefined;
  readonly amount: Units;
}

/** Item `i` of a replay as an {@link ItemView}. */
export function itemView(state: LedgerState, i: number): ItemView {
  const t = state.items;
  return {
    id: itemIdOf(t, i),
    kind: kindOf(t, i),
    chargeKind: chargeKindOf(t, i),
    invoiceId: invoiceIdOf(t, i),
    number: numberOf(t, i),
    customerId: t.record[i]!.customerId,
    currency: t.record[i]!.currency,
    issueDate: issueDateOf(t, i),
    dueDate: dueDateOf(t, i),
    paymentReference: referenceOf(t, i),
    amount: t.amount.get(i),
  };
}

/** The status of an item, derived from its amounts; see {@link OpenItem.status}. */
export function itemStatusOf(allocated: Units, writtenOff: Units, open: Units): ItemStatus {
  if (!isZeroUnits(open)) {
    return isZeroUnits(allocated) && isZeroUnits(writtenOff) ? 'open' : 'partially_paid';
  }
  // Settled: written off when more of it was given up than was paid.
  return writtenOff > allocated ? 'written_off' : 'paid';
}

/** An amount of an item or source as text: the ledger's own string when it is the same. */
export function textOf(units: Units, whole: Units, wholeText: string, mu: number): string {
  return sameUnits(units, whole) ? wholeText : formatUnits(units, mu);
}

/** Item `i` of a replay as the {@link OpenItem} of `balancesAsOf`; `open` is its open amount. */
export function toOpenItem(t: ItemTable, i: number, open: Units): OpenItem {
  const mu = t.minorUnits[i]!;
  const whole = t.amount.get(i);
  const allocated = t.allocated.get(i);
  const writtenOff = t.writtenOff.get(i);
  const record = t.record[i]!;
  // Most items are fully open or fully paid: their amounts are the ledger's own amount
  // string or zero (one shared string), so no string is built for them.
  const text = amountTextOf(t, i);
  const amount = isCanonicalUnits(text, mu) ? text : formatUnits(whole, mu);
  const id = itemIdOf(t, i);
  const kind = kindOf(t, i);
  const { customerId, currency } = record;
  const issueDate = issueDateOf(t, i);
  const dueDate = dueDateOf(t, i);
  const allocatedAmount = textOf(allocated, whole, amount, mu);
  const writtenOffAmount = textOf(writtenOff, whole, amount, mu);
  const openAmount = textOf(open, whole, amount, mu);
  const status = itemStatusOf(allocated, writtenOff, open);
  const disputed = t.disputed[i] === 1;
  const settledOn = isZeroUnits(open) ? (t.lastDate[i] ?? issueDate) : undefined;
  let out: Mutable<OpenItem>;
  if (kind !== 'charge') {
    const invoice = record as LedgerInvoice;
    const number = invoice.number ?? invoice.id;
    const reference = invoice.paymentReference;
    // The usual item, an unpaid invoice without a structured reference, in one literal:
    // adding fields one by one to a million objects costs a shape change each.
    out = {
      id,
      kind,
      customerId,
      currency,
      issueDate,
      dueDate,
      amount,
      allocatedAmount,
      writtenOffAmount,
      openAmount,
      status,
      disputed,
      invoiceId: invoice.id,
      number,
    };
    if (reference === undefined && settledOn === undefined) return out;
    if (reference !== undefined) out.paymentReference = reference;
  } else {
    out = {
      id,
      kind,
      customerId,
      currency,
      issueDate,
      dueDate,
      amount,
      allocatedAmount,
      writtenOffAmount,
      openAmount,
      status,
      disputed,
      chargeKind: (record as LedgerCharge).kind,
    };
    const invoiceId = invoiceIdOf(t, i);
    if (invoiceId !== undefined) out.invoiceId = invoiceId;
  }
  if (settledOn !== undefined) out.settledOn = settledOn;
  return out;
}
