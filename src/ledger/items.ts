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
import { CHARGE, dueDateOf, type ItemTable, itemIdOf, type LedgerState, WHOLE } from './state.js';
import type { ChargeKind, LedgerCharge, LedgerInvoice, OpenItem } from './types.js';
import type { Units } from './units.js';

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
  if (items.part[i] !== CHARGE) return items.record[i]!.id;
  const target = items.chargeTarget.get(i);
  return target === undefined ? undefined : invoiceIdOf(items, target);
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
