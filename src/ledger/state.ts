/**
 * The working state of a ledger replay, in integer minor units: the open items and the
 * payments and credit notes as of a date, before any refund, allocation or write-off
 * is applied to them (that is `replay.ts`).
 *
 * The state is a table of columns, one array per field, indexed by item (or source)
 * number, rather than an object per item: a replay of a million invoices then builds a
 * few large arrays instead of a million short-lived objects, which is what its time
 * used to go to (allocation and the garbage collector promoting them). Fields that
 * only reports read (issue date, number, reference, ...) are read from the ledger's
 * own record when asked for (`items.ts`).
 *
 * Internal to the ledger and aging modules.
 *
 * @module
 */
import { minorUnitsOf } from '../money/currency.js';
import type { IsoDate } from '../terms/date.js';
import type {
  BalanceException,
  Dispute,
  Ledger,
  LedgerCharge,
  LedgerCreditNote,
  LedgerInvoice,
  LedgerPayment,
} from './types.js';
import { parseUnits, type Units } from './units.js';

/** `part` of an item that is a whole invoice (an instalment has its index there). */
export const WHOLE = -1;
/** `part` of an item that is a charge (a fee, interest or compensation). */
export const CHARGE = -2;

/**
 * One amount in minor units per row, exact: a `Float64Array` holds every safe integer,
 * and a row whose value is a bigint holds NaN there and its value in a side map.
 */
export class UnitsColumn {
  readonly values: Float64Array;
  private big: Map<number, bigint> | undefined;

  constructor(rows: number) {
    this.values = new Float64Array(rows);
  }

  get(row: number): Units {
    const v = this.values[row]!;
    // NaN is the only value that differs from itself: the bigint marker.
    return v === v ? v : this.big!.get(row)!;
  }

  set(row: number, units: Units): void {
    if (typeof units === 'number') {
      this.values[row] = units;
      this.big?.delete(row);
    } else {
      this.values[row] = Number.NaN;
      this.big ??= new Map();
      this.big.set(row, units);
    }
  }
}

/**
 * The receivable items of a replay, in ledger order (invoices with their instalments,
 * then charges), one column per field; the other fields are read from `record`.
 */
export interface ItemTable {
  /** How many items. */
  readonly count: number;
  /** The invoice or charge each item comes from. */
  readonly record: (LedgerInvoice | LedgerCharge)[];
  /** The instalment's index in its invoice, {@link WHOLE} or {@link CHARGE}. */
  readonly part: Int32Array;
  readonly minorUnits: Uint8Array;
  readonly amount: UnitsColumn;
  readonly allocated: UnitsColumn;
  readonly writtenOff: UnitsColumn;
  /** Latest date of an allocation or write-off that counted (a hole when none did). */
  readonly lastDate: (IsoDate | undefined)[];
  /** 1 when a dispute covers the date (a charge: when its item's does). */
  readonly disputed: Uint8Array;
  /** For a charge on an item of the ledger: that item's index. */
  readonly chargeTarget: Map<number, number>;
}

/** The payments and credit notes of a replay, one column per field. */
export interface SourceTable {
  readonly count: number;
  readonly record: (LedgerPayment | LedgerCreditNote)[];
  /** 1 for a payment, 0 for a credit note. */
  readonly cash: Uint8Array;
  readonly minorUnits: Uint8Array;
  readonly amount: UnitsColumn;
  /** What is left: amount - refunded - allocated. */
  readonly left: UnitsColumn;
  /** Index of each id (a later record of the same id takes the earlier one's place). */
  readonly byId: Map<string, number>;
}

/** The replayed ledger. */
export interface LedgerState {
  readonly asOf: IsoDate;
  readonly items: ItemTable;
  /** Item index by id; built on the first lookup, so a ledger without references skips it. */
  byId: Map<string, number> | undefined;
  readonly sources: SourceTable;
  readonly exceptions: BalanceException[];
}

/** The id of item `i` (an instalment's own id, not its invoice's). */
export function itemIdOf(items: ItemTable, i: number): string {
  const part = items.part[i]!;
  const r = items.record[i]!;
  return part >= 0 ? (r as LedgerInvoice).instalments![part]!.id : r.id;
}

/** The due date of item `i`: its instalment's, its invoice's, or its charge's. */
export function dueDateOf(items: ItemTable, i: number): IsoDate {
  const part = items.part[i]!;
  const r = items.record[i]!;
  if (part === WHOLE) return (r as LedgerInvoice).dueDate;
  if (part === CHARGE) return (r as LedgerCharge).dueDate ?? (r as LedgerCharge).date;
  return (r as LedgerInvoice).instalments![part]!.dueDate;
}

/** The index of the item of an id in a replayed ledger, or -1. */
export function itemIndex(state: LedgerState, id: string): number {
  let index = state.byId;
  if (index === undefined) {
    index = new Map();
    const items = state.items;
    for (let i = 0; i < items.count; i++) index.set(itemIdOf(items, i), i);
    state.byId = index;
  }
  return index.get(id) ?? -1;
}

/** The open amount of item `i`: amount - allocated - written off. */
export function openOf(items: ItemTable, i: number): Units {
  const a = items.amount.values[i]!;
  const b = items.allocated.values[i]!;
  const c = items.writtenOff.values[i]!;
  // Safe integers: a - b is exact (it lies within +-2^53), and rounding is monotonic,
  // so the second result is a safe integer exactly when the true value is one. A
  // bigint row (NaN here) gives NaN, which is not a safe integer either.
  const open = a - b - c;
  if (Number.isSafeInteger(open)) return open;
  const big = BigInt(items.amount.get(i)) - BigInt(items.allocated.get(i));
  return big - BigInt(items.writtenOff.get(i));
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

/** Room for every item the ledger could have as of any date. */
function itemTable(ledger: Ledger): ItemTable {
  let rows = ledger.charges.length;
  for (const inv of ledger.invoices) rows += Math.max(inv.instalments?.length ?? 0, 1);
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

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function addItem(
  state: LedgerState,
  record: LedgerInvoice | LedgerCharge,
  part: number,
  amount: Units,
  minorUnits: number,
  disputed: boolean,
): number {
  const t = state.items as Mutable<ItemTable>;
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
    if (inv.issueDate > asOf || inv.status === 'draft' || inv.status === 'void') continue;
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
  const items = state.items;
  for (const c of ledger.charges) {
    if (c.date > asOf) continue;
    const target = c.itemId === undefined ? -1 : itemIndex(state, c.itemId);
    const mu = units(c.currency);
    const amount = amountUnits(c.amount, c.currency, 'charge', c.id, mu);
    const disputed = target >= 0 && items.disputed[target] === 1;
    const i = addItem(state, c, CHARGE, amount, mu, disputed);
    if (target >= 0) items.chargeTarget.set(i, target);
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
    if (p.date > asOf) continue;
    if (p.reversedOn !== undefined && p.reversedOn <= asOf) reversed.add(p.id);
    else addSource(t, p, true, units(p.currency));
  }
  for (const n of ledger.creditNotes) {
    if (n.issueDate > asOf) continue;
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
