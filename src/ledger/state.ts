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
import { ISO_CURRENCIES } from '../money/currency.js';
import { type IsoDate, isIsoDate } from '../terms/date.js';
import type {
  BalanceException,
  Dispute,
  LedgerCharge,
  LedgerCreditNote,
  LedgerInvoice,
  LedgerPayment,
} from './types.js';
import { parseUnits, type Units } from './units.js';
import type { UnitsColumn } from './units-column.js';

/** `part` of an item that is a whole invoice (an instalment has its index there). */
export const WHOLE = -1;
/** `part` of an item that is a charge (a fee, interest or compensation). */
export const CHARGE = -2;

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

/** A record type with its fields writable: for code that fills one in place. */
export type Mutable<T> = { -readonly [K in keyof T]: T[K] };

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

/**
 * Minor units of a currency of the ledger (ISO 4217); throws a `RangeError`, like a bad
 * amount, for a code that `parseLedger` would have refused.
 */
export function unitsOf(currency: string): number {
  const known = ISO_CURRENCIES.get(currency);
  if (known === undefined) throw new RangeError(`unknown currency ${JSON.stringify(currency)}`);
  return known.minorUnits;
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
      units = unitsOf(currency);
      last = currency;
    }
    return units;
  };
}

/**
 * Checks a date the replay only compares as text (a record dated after the report, a
 * reversal date): a malformed one would compare wrongly and drop or keep the record
 * without a word. Throws a `RangeError`, like a bad amount.
 */
export function checkedDate(date: IsoDate, kind: string, id: string): IsoDate {
  if (!isIsoDate(date)) {
    throw new RangeError(
      `${kind} ${JSON.stringify(id)}: date ${JSON.stringify(date)} is not a date`,
    );
  }
  return date;
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
