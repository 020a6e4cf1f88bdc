/**
 * The first step of a ledger replay: the tables of `state.ts` filled with the items
 * (invoices, their instalments, charges) and sources (payments, credit notes) as of
 * the date, each at its full amount, before anything is applied to them.
 *
 * Internal to the ledger module.
 *
 * @module
 */
import type { IsoDate } from '../terms/date.js';
import {
  amountUnits,
  CHARGE,
  checkedDate,
  disputedOn,
  type ItemTable,
  itemIdOf,
  itemIndex,
  type LedgerState,
  type Mutable,
  type SourceTable,
  unitsMemo,
  WHOLE,
} from './state.js';
import type {
  Ledger,
  LedgerCharge,
  LedgerCreditNote,
  LedgerInvoice,
  LedgerPayment,
} from './types.js';
import type { Units } from './units.js';
import { UnitsColumn } from './units-column.js';

/**
 * Room for one item per invoice and charge; an invoice in instalments makes the table
 * grow (see {@link grow}). Counting instalments up front would be one more pass over
 * every invoice, the first to touch each one in memory.
 */
function itemTable(ledger: Ledger): ItemTable {
  const rows = Math.max(ledger.invoices.length + ledger.charges.length, 16);
  return {
    count: 0,
    record: new Array(rows),
    part: new Int32Array(rows),
    minorUnits: new Uint8Array(rows),
    amount: new UnitsColumn(rows),
    allocated: new UnitsColumn(rows),
    writtenOff: new UnitsColumn(rows),
    lastDate: new Array(rows),
    disputed: new Uint8Array(rows),
    chargeTarget: new Map(),
  };
}

function sourceTable(ledger: Ledger): SourceTable {
  const rows = ledger.payments.length + ledger.creditNotes.length;
  return {
    count: 0,
    record: new Array(rows),
    cash: new Uint8Array(rows),
    minorUnits: new Uint8Array(rows),
    amount: new UnitsColumn(rows),
    left: new UnitsColumn(rows),
    byId: new Map(),
  };
}

function grownInt32(a: Int32Array): Int32Array {
  const out = new Int32Array(2 * a.length);
  out.set(a);
  return out;
}

function grownUint8(a: Uint8Array): Uint8Array {
  const out = new Uint8Array(2 * a.length);
  out.set(a);
  return out;
}

/** Twice the room in the typed columns (the plain arrays grow by themselves). */
function grow(t: Mutable<ItemTable>): void {
  t.part = grownInt32(t.part);
  t.minorUnits = grownUint8(t.minorUnits);
  t.disputed = grownUint8(t.disputed);
  t.amount = t.amount.grown();
  t.allocated = t.allocated.grown();
  t.writtenOff = t.writtenOff.grown();
  t.lastDate.length = t.part.length;
}

function addItem(
  state: LedgerState,
  record: LedgerInvoice | LedgerCharge,
  part: number,
  amount: Units,
  minorUnits: number,
  disputed: boolean,
): number {
  const t = state.items as Mutable<ItemTable>;
  if (t.count === t.part.length) grow(t);
  const i = t.count++;
  t.record[i] = record;
  t.part[i] = part;
  t.minorUnits[i] = minorUnits;
  t.amount.set(i, amount);
  if (disputed) t.disputed[i] = 1;
  state.byId?.set(itemIdOf(t, i), i);
  return i;
}

/** Adds the items (invoices, their instalments, charges) issued on or before `asOf`. */
function addItems(ledger: Ledger, state: LedgerState): void {
  const asOf = state.asOf;
  const units = unitsMemo();
  for (const inv of ledger.invoices) {
    if (inv.status === 'draft' || inv.status === 'void') continue;
    if (inv.issueDate > asOf) {
      checkedDate(inv.issueDate, 'invoice', inv.id);
      continue;
    }
    const disputed = inv.disputes === undefined ? false : disputedOn(inv.disputes, asOf);
    const mu = units(inv.currency);
    const parts = inv.instalments;
    if (parts === undefined || parts.length === 0) {
      const amount = amountUnits(inv.amount, inv.currency, 'invoice', inv.id, mu);
      addItem(state, inv, WHOLE, amount, mu, disputed);
      continue;
    }
    for (let p = 0; p < parts.length; p++) {
      const part = parts[p]!;
      const amount = amountUnits(part.amount, inv.currency, 'instalment', part.id, mu);
      addItem(state, inv, p, amount, mu, disputed);
    }
  }
  const first = state.items.count;
  for (const c of ledger.charges) {
    if (c.date > asOf) {
      checkedDate(c.date, 'charge', c.id);
      continue;
    }
    const mu = units(c.currency);
    const amount = amountUnits(c.amount, c.currency, 'charge', c.id, mu);
    addItem(state, c, CHARGE, amount, mu, false);
  }
  linkCharges(state, first);
}

/**
 * Links each charge (items from `first` on) to the item it was charged on, wherever
 * that item is in the ledger (a charge on a charge listed after it included), and
 * marks it disputed when the invoice at the end of that chain is. A chain that loops
 * back on itself ends where it would repeat.
 */
function linkCharges(state: LedgerState, first: number): void {
  const items = state.items;
  for (let i = first; i < items.count; i++) {
    const itemId = (items.record[i] as LedgerCharge).itemId;
    const target = itemId === undefined ? -1 : itemIndex(state, itemId);
    if (target >= 0) items.chargeTarget.set(i, target);
  }
  for (let i = first; i < items.count; i++) {
    let at = items.chargeTarget.get(i);
    for (let steps = 0; at !== undefined && items.part[at] === CHARGE; steps++) {
      at = steps < items.count ? items.chargeTarget.get(at) : undefined;
    }
    if (at !== undefined && items.disputed[at] === 1) items.disputed[i] = 1;
  }
}

function addSource(
  t: Mutable<SourceTable>,
  record: LedgerPayment | LedgerCreditNote,
  cash: boolean,
  minorUnits: number,
): void {
  const kind = cash ? 'payment' : 'credit_note';
  const amount = amountUnits(record.amount, record.currency, kind, record.id, minorUnits);
  let i = t.byId.get(record.id);
  if (i === undefined) {
    i = t.count++;
    t.byId.set(record.id, i);
  }
  t.record[i] = record;
  t.cash[i] = cash ? 1 : 0;
  t.minorUnits[i] = minorUnits;
  t.amount.set(i, amount);
  t.left.set(i, amount);
}

/**
 * Adds the payments received and credit notes issued on or before `asOf`; a payment
 * reversed by then goes into `reversed` instead.
 */
function addSources(ledger: Ledger, state: LedgerState, reversed: Set<string>): void {
  const asOf = state.asOf;
  const units = unitsMemo();
  const t = state.sources as Mutable<SourceTable>;
  for (const p of ledger.payments) {
    if (p.date > asOf) {
      checkedDate(p.date, 'payment', p.id);
      continue;
    }
    const reversedOn = p.reversedOn;
    if (reversedOn !== undefined && checkedDate(reversedOn, 'payment', p.id) <= asOf) {
      reversed.add(p.id);
    } else addSource(t, p, true, units(p.currency));
  }
  for (const n of ledger.creditNotes) {
    if (n.issueDate > asOf) {
      checkedDate(n.issueDate, 'credit note', n.id);
      continue;
    }
    addSource(t, n, false, units(n.currency));
  }
}

/**
 * The state of a ledger as of `asOf` before anything is applied: its items and
 * sources, and in `reversed` the payments reversed by then.
 */
export function initialState(ledger: Ledger, asOf: IsoDate, reversed: Set<string>): LedgerState {
  const state: LedgerState = {
    asOf,
    items: itemTable(ledger),
    byId: undefined,
    sources: sourceTable(ledger),
    exceptions: [],
  };
  addItems(ledger, state);
  addSources(ledger, state, reversed);
  return state;
}
