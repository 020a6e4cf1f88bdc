/**
 * The working state of a ledger replay, in integer minor units: the open items and the
 * payments and credit notes as of a date, before any refund, allocation or write-off
 * is applied to them (that is `replay.ts`).
 *
 * Internal to the ledger and aging modules.
 *
 * @module
 */
import { minorUnitsOf } from '../money/currency.js';
import type { IsoDate } from '../terms/date.js';
import type { BalanceException, ChargeKind, Dispute, Ledger } from './types.js';
import { parseUnits, type Units } from './units.js';

/** An open item being replayed. Mutable only while the replay runs. */
export interface ItemState {
  readonly id: string;
  readonly kind: 'invoice' | 'instalment' | 'charge';
  chargeKind: ChargeKind | undefined;
  invoiceId: string | undefined;
  number: string | undefined;
  readonly customerId: string;
  readonly currency: string;
  readonly minorUnits: number;
  readonly issueDate: IsoDate;
  readonly dueDate: IsoDate;
  readonly amount: Units;
  /** The amount as the ledger wrote it, for output when it is already canonical. */
  readonly amountText: string;
  paymentReference: string | undefined;
  disputed: boolean;
  allocated: Units;
  writtenOff: Units;
  /** Latest date of an allocation or write-off that counted. */
  lastDate: IsoDate | undefined;
}

/** A payment or credit note being replayed. */
export interface SourceState {
  readonly id: string;
  readonly kind: 'payment' | 'credit_note';
  readonly customerId: string;
  readonly currency: string;
  readonly minorUnits: number;
  readonly date: IsoDate;
  readonly amount: Units;
  /** The amount as the ledger wrote it. */
  readonly amountText: string;
  /** What is left: amount - refunded - allocated. */
  left: Units;
}

/** The replayed ledger. */
export interface LedgerState {
  readonly asOf: IsoDate;
  /** Every receivable item as of the date, in ledger order (invoices, then charges). */
  readonly items: ItemState[];
  /** Items by id; built on the first lookup, so a ledger without references skips it. */
  byId: Map<string, ItemState> | undefined;
  readonly sources: Map<string, SourceState>;
  readonly exceptions: BalanceException[];
}

/** The item of an id in a replayed ledger. */
export function itemById(state: LedgerState, id: string): ItemState | undefined {
  let index = state.byId;
  if (index === undefined) {
    index = new Map();
    for (const item of state.items) index.set(item.id, item);
    state.byId = index;
  }
  return index.get(id);
}

function addItem(state: LedgerState, item: ItemState): void {
  state.items.push(item);
  state.byId?.set(item.id, item);
}

/** Minor units of a currency of the ledger (ISO 4217). */
export function unitsOf(currency: string): number {
  return minorUnitsOf(currency);
}

/**
 * A per-replay memo of {@link unitsOf} for the last code asked for: a ledger is
 * mostly in one currency, and the lookup is on the hot path of a replay.
 */
export function unitsMemo(): (currency: string) => number {
  let last = '';
  let units = 0;
  return (currency) => {
    if (currency !== last) {
      units = minorUnitsOf(currency);
      last = currency;
    }
    return units;
  };
}

/** Reads a ledger amount; throws for one that `parseLedger` would have refused. */
export function amountUnits(
  amount: string,
  currency: string,
  kind: string,
  id: string,
  minorUnits: number = unitsOf(currency),
): Units {
  const u = parseUnits(amount, minorUnits);
  if (u === undefined) {
    const what = `${kind} ${JSON.stringify(id)}`;
    throw new RangeError(`${what}: amount ${JSON.stringify(amount)} is not a ${currency} amount`);
  }
  return u;
}

/** True when one of the disputes covers the day (bounds inclusive). */
export function disputedOn(disputes: readonly Dispute[] | undefined, day: IsoDate): boolean {
  if (!disputes) return false;
  for (const d of disputes) {
    if (d.from <= day && (d.until === undefined || d.until >= day)) return true;
  }
  return false;
}

function newItem(
  id: string,
  kind: ItemState['kind'],
  doc: { readonly customerId: string; readonly currency: string },
  issueDate: IsoDate,
  dueDate: IsoDate,
  amount: string,
  minorUnits: number,
): ItemState {
  // One object shape for every item keeps the replay loops monomorphic.
  return {
    id,
    kind,
    chargeKind: undefined,
    invoiceId: undefined,
    number: undefined,
    customerId: doc.customerId,
    currency: doc.currency,
    minorUnits,
    issueDate,
    dueDate,
    amount: amountUnits(amount, doc.currency, kind, id, minorUnits),
    amountText: amount,
    paymentReference: undefined,
    disputed: false,
    allocated: 0,
    writtenOff: 0,
    lastDate: undefined,
  };
}

export function addItems(ledger: Ledger, asOf: IsoDate, state: LedgerState): void {
  const units = unitsMemo();
  for (const inv of ledger.invoices) {
    if (inv.issueDate > asOf || inv.status === 'draft' || inv.status === 'void') continue;
    const disputed = inv.disputes === undefined ? false : disputedOn(inv.disputes, asOf);
    const mu = units(inv.currency);
    const parts = inv.instalments;
    const many = parts !== undefined && parts.length > 0;
    const count = many ? parts.length : 1;
    for (let i = 0; i < count; i++) {
      const part = many ? parts[i]! : undefined;
      const item = part
        ? newItem(part.id, 'instalment', inv, inv.issueDate, part.dueDate, part.amount, mu)
        : newItem(inv.id, 'invoice', inv, inv.issueDate, inv.dueDate, inv.amount, mu);
      item.invoiceId = inv.id;
      item.number = inv.number ?? inv.id;
      item.paymentReference = inv.paymentReference;
      item.disputed = disputed;
      addItem(state, item);
    }
  }
  for (const c of ledger.charges) {
    if (c.date > asOf) continue;
    const target = c.itemId === undefined ? undefined : itemById(state, c.itemId);
    const mu = units(c.currency);
    const item = newItem(c.id, 'charge', c, c.date, c.dueDate ?? c.date, c.amount, mu);
    item.chargeKind = c.kind;
    item.invoiceId = target?.invoiceId;
    item.disputed = target?.disputed ?? false;
    addItem(state, item);
  }
}

function newSource(
  kind: SourceState['kind'],
  doc: { readonly id: string; readonly customerId: string; readonly currency: string },
  date: IsoDate,
  amount: string,
  minorUnits: number,
): SourceState {
  const units = amountUnits(amount, doc.currency, kind, doc.id, minorUnits);
  return {
    id: doc.id,
    kind,
    customerId: doc.customerId,
    currency: doc.currency,
    minorUnits,
    date,
    amount: units,
    amountText: amount,
    left: units,
  };
}

export function addSources(
  ledger: Ledger,
  asOf: IsoDate,
  sources: Map<string, SourceState>,
  reversed: Set<string>,
): void {
  const units = unitsMemo();
  for (const p of ledger.payments) {
    if (p.date > asOf) continue;
    if (p.reversedOn !== undefined && p.reversedOn <= asOf) reversed.add(p.id);
    else sources.set(p.id, newSource('payment', p, p.date, p.amount, units(p.currency)));
  }
  for (const n of ledger.creditNotes) {
    if (n.issueDate > asOf) continue;
    sources.set(n.id, newSource('credit_note', n, n.issueDate, n.amount, units(n.currency)));
  }
}
