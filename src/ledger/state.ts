/**
 * The ledger replayed as of a date, in integer minor units: the working state behind
 * `balancesAsOf` and the aging report. One pass per record kind, each record looked
 * up in a Map, so the cost grows linearly with the ledger.
 *
 * Order of application, which only matters for a ledger that is not consistent
 * (one that `applyPayment` would never build): refunds first, each capped at what is
 * left of its source; then allocations in ledger order, each capped at what is left of
 * its source and open on its item; then write-offs in ledger order, capped at what is
 * still open. Whatever did not count is reported as an exception, never dropped.
 *
 * Internal to the ledger and aging modules.
 *
 * @module
 */
import { minorUnitsOf } from '../money/currency.js';
import type { IsoDate } from '../terms/date.js';
import type {
  BalanceException,
  BalanceExceptionReason,
  ChargeKind,
  Dispute,
  Ledger,
} from './types.js';
import {
  addUnits,
  formatUnits,
  isZeroUnits,
  minUnits,
  parseUnits,
  sameUnits,
  subUnits,
  type Units,
} from './units.js';

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
    paymentReference: undefined,
    disputed: false,
    allocated: 0,
    writtenOff: 0,
    lastDate: undefined,
  };
}

function addItems(ledger: Ledger, asOf: IsoDate, state: LedgerState): void {
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
    left: units,
  };
}

function addSources(
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

type Except = (
  kind: BalanceException['kind'],
  id: string,
  reason: BalanceExceptionReason,
  amount: string,
  applied: Units,
  minorUnits: number,
) => void;

function applyRefunds(
  ledger: Ledger,
  state: LedgerState,
  reversed: Set<string>,
  except: Except,
): void {
  for (const r of ledger.refunds) {
    if (r.date > state.asOf) continue;
    const source = state.sources.get(r.sourceId);
    if (source === undefined) {
      // A refund out of a reversed payment goes with the payment: neither counts.
      if (!reversed.has(r.sourceId)) {
        except('refund', r.id, 'unknown_source', r.amount, 0, unitsOf(r.currency));
      }
      continue;
    }
    const same = r.currency === source.currency;
    const wanted = amountUnits(r.amount, r.currency, 'refund', r.id);
    const applied = same ? minUnits(wanted, source.left) : 0;
    source.left = subUnits(source.left, applied);
    if (!sameUnits(applied, wanted)) {
      const reason = same ? 'capped' : 'currency_mismatch';
      except('refund', r.id, reason, r.amount, applied, source.minorUnits);
    }
  }
}

function applyAllocations(
  ledger: Ledger,
  state: LedgerState,
  reversed: Set<string>,
  except: Except,
): void {
  const asOf = state.asOf;
  for (const a of ledger.allocations) {
    if (a.date > asOf || (a.reversedOn !== undefined && a.reversedOn <= asOf)) continue;
    if (reversed.has(a.sourceId)) continue;
    const source = state.sources.get(a.sourceId);
    const item = itemById(state, a.itemId);
    let reason: BalanceExceptionReason | undefined;
    if (source === undefined) reason = 'unknown_source';
    else if (item === undefined) reason = 'unknown_item';
    else if (source.currency !== item.currency) reason = 'currency_mismatch';
    else if (source.customerId !== item.customerId) reason = 'customer_mismatch';
    if (reason !== undefined || source === undefined || item === undefined) {
      const mu = source?.minorUnits ?? item?.minorUnits ?? 0;
      except('allocation', a.id, reason ?? 'unknown_item', a.amount, 0, mu);
      continue;
    }
    const wanted = amountUnits(a.amount, item.currency, 'allocation', a.id, item.minorUnits);
    const open = subUnits(subUnits(item.amount, item.allocated), item.writtenOff);
    const applied = minUnits(wanted, minUnits(open, source.left));
    if (!isZeroUnits(applied)) {
      item.allocated = addUnits(item.allocated, applied);
      source.left = subUnits(source.left, applied);
      if (item.lastDate === undefined || a.date > item.lastDate) item.lastDate = a.date;
    }
    if (!sameUnits(applied, wanted))
      except('allocation', a.id, 'capped', a.amount, applied, item.minorUnits);
  }
}

function applyWriteOffs(ledger: Ledger, state: LedgerState, except: Except): void {
  for (const w of ledger.writeOffs) {
    if (w.date > state.asOf) continue;
    const item = itemById(state, w.itemId);
    if (item === undefined) {
      except('write_off', w.id, 'unknown_item', w.amount, 0, 0);
      continue;
    }
    const wanted = amountUnits(w.amount, item.currency, 'write-off', w.id, item.minorUnits);
    const open = subUnits(subUnits(item.amount, item.allocated), item.writtenOff);
    const applied = minUnits(wanted, open);
    if (!isZeroUnits(applied)) {
      item.writtenOff = addUnits(item.writtenOff, applied);
      if (item.lastDate === undefined || w.date > item.lastDate) item.lastDate = w.date;
    }
    if (!sameUnits(applied, wanted))
      except('write_off', w.id, 'capped', w.amount, applied, item.minorUnits);
  }
}

/**
 * Replays the ledger as of `asOf`: only records dated on or before it count, a
 * payment reversed on or before it counts for nothing (nor do its allocations or
 * refunds), and an allocation undone on or before it no longer holds.
 */
export function replayLedger(ledger: Ledger, asOf: IsoDate): LedgerState {
  const state: LedgerState = {
    asOf,
    items: [],
    byId: undefined,
    sources: new Map(),
    exceptions: [],
  };
  const reversed = new Set<string>();
  addItems(ledger, asOf, state);
  addSources(ledger, asOf, state.sources, reversed);
  const except: Except = (kind, id, reason, amount, applied, minorUnits) => {
    const appliedAmount = formatUnits(applied, minorUnits);
    state.exceptions.push({ kind, id, reason, amount, appliedAmount });
  };

  applyRefunds(ledger, state, reversed, except);
  applyAllocations(ledger, state, reversed, except);
  applyWriteOffs(ledger, state, except);
  return state;
}
