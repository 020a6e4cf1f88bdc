/**
 * The open items a dunning run reads, behind one small interface with two sources:
 * `OpenItem` objects (balances the host computed, or several run dates), or the
 * ledger's replay itself. Most items only need a reason why they are left alone, which
 * takes their id, status, kind, dispute flag and due date; an `OpenItem` is built only
 * for the items an action concerns or lists. From the replay, a run over 1,000,000
 * items therefore builds about a tenth of the objects `balancesAsOf` would.
 *
 * @module
 */

import { balancesAsOf } from '../ledger/balances.js';
import { itemStatusOf, toOpenItem } from '../ledger/items.js';
import { replayLedger } from '../ledger/replay.js';
import { CHARGE, dueDateOf, type ItemTable, itemIdOf, openOf } from '../ledger/state.js';
import type { ItemStatus, Ledger, OpenItem } from '../ledger/types.js';
import { addUnits, formatUnits, type Units } from '../ledger/units.js';
import { Dec } from '../money/decimal.js';
import { type IsoDate, isIsoDate } from '../terms/date.js';
import type { PlanDunningOptions } from './types.js';

/** The items of a run, by index. */
export interface PlanItems {
  readonly length: number;
  id(i: number): string;
  customerId(i: number): string;
  currency(i: number): string;
  status(i: number): ItemStatus;
  isCharge(i: number): boolean;
  disputed(i: number): boolean;
  dueDate(i: number): IsoDate;
  /** Item `i` as an {@link OpenItem}, built when asked for. */
  item(i: number): OpenItem;
}

/** {@link PlanItems} over `OpenItem` objects. */
class ListedItems implements PlanItems {
  constructor(private readonly items: readonly OpenItem[]) {}
  get length(): number {
    return this.items.length;
  }
  id(i: number): string {
    return this.items[i]!.id;
  }
  customerId(i: number): string {
    return this.items[i]!.customerId;
  }
  currency(i: number): string {
    return this.items[i]!.currency;
  }
  status(i: number): ItemStatus {
    return this.items[i]!.status;
  }
  isCharge(i: number): boolean {
    return this.items[i]!.kind === 'charge';
  }
  disputed(i: number): boolean {
    return this.items[i]!.disputed;
  }
  dueDate(i: number): IsoDate {
    return this.items[i]!.dueDate;
  }
  item(i: number): OpenItem {
    return this.items[i]!;
  }
}

/** {@link PlanItems} over a ledger replay: the same values `balancesAsOf` would give. */
class ReplayedItems implements PlanItems {
  constructor(private readonly t: ItemTable) {}
  get length(): number {
    return this.t.count;
  }
  id(i: number): string {
    return itemIdOf(this.t, i);
  }
  customerId(i: number): string {
    return this.t.record[i]!.customerId;
  }
  currency(i: number): string {
    return this.t.record[i]!.currency;
  }
  status(i: number): ItemStatus {
    const t = this.t;
    // Nothing applied (the usual case): open, unless the amount itself is zero. A
    // bigint row reads NaN here, which is not above zero: it takes the general path.
    if (t.allocated.values[i] === 0 && t.writtenOff.values[i] === 0 && t.amount.values[i]! > 0) {
      return 'open';
    }
    return itemStatusOf(t.allocated.get(i), t.writtenOff.get(i), openOf(t, i));
  }
  isCharge(i: number): boolean {
    return this.t.part[i] === CHARGE;
  }
  disputed(i: number): boolean {
    return this.t.disputed[i] === 1;
  }
  dueDate(i: number): IsoDate {
    return dueDateOf(this.t, i);
  }
  item(i: number): OpenItem {
    return toOpenItem(this.t, i, openOf(this.t, i));
  }
}

/**
 * Items given as objects.
 *
 * @example
 * listedItems(balancesAsOf(ledger, '2024-02-08').items).status(0)
 * //=> 'paid'
 */
export function listedItems(items: readonly OpenItem[]): PlanItems {
  return new ListedItems(items);
}

/**
 * The items of a ledger as of a date, and each customer's unapplied cash plus credit
 * per currency (keyed `customerId NUL currency`, only where it is above zero), as
 * `balancesAsOf` would give them, without building its objects.
 *
 * @example
 * replayedItems(ledger, '2024-02-08').items.id(0)
 * //=> 'INV-1'
 */
export function replayedItems(
  ledger: Ledger,
  asOf: IsoDate,
): { items: PlanItems; unapplied: Map<string, string> } {
  const state = replayLedger(ledger, asOf);
  const s = state.sources;
  const sums = new Map<string, { units: Units; minorUnits: number }>();
  for (let k = 0; k < s.count; k++) {
    const left = s.left.get(k);
    if (!(left > 0)) continue;
    const r = s.record[k]!;
    const key = `${r.customerId}\u0000${r.currency}`;
    const sum = sums.get(key);
    if (sum === undefined) sums.set(key, { units: left, minorUnits: s.minorUnits[k]! });
    else sum.units = addUnits(sum.units, left);
  }
  // Written as the planner writes the sum of a customer's two balance strings.
  const unapplied = new Map<string, string>();
  for (const [key, sum] of sums) {
    unapplied.set(key, new Dec(formatUnits(sum.units, sum.minorUnits)).toFixed());
  }
  return { items: new ReplayedItems(state.items), unapplied };
}

const isZero = (amount: string) => /^0+(\.0+)?$/.test(amount);

/**
 * The open items of a run and each customer's unapplied cash plus credit per currency
 * (keyed `customerId NUL currency`). A run on one date reads the ledger's replay
 * directly; balances given by the host, or several dates (an instant seen in several
 * time zones), go through `balancesAsOf` objects.
 *
 * @example
 * itemsOfRun(ledger, ['2024-02-08'], () => '2024-02-08', undefined, '2024-02-08')
 *   .items.length
 * //=> 4
 */
export function itemsOfRun(
  ledger: Ledger,
  dates: readonly IsoDate[],
  todayOf: (customerId: string) => IsoDate,
  balancesGiven: PlanDunningOptions['balances'],
  asOf: string,
): { items: PlanItems; unapplied: Map<string, string> } {
  const givenFor = (date: IsoDate) =>
    balancesGiven?.asOf === date && isIsoDate(asOf) ? balancesGiven : undefined;
  if (dates.length === 1 && givenFor(dates[0]!) === undefined) {
    return replayedItems(ledger, dates[0]!);
  }
  const unapplied = new Map<string, string>();
  let items: readonly OpenItem[] = [];
  for (const date of dates) {
    const balances = givenFor(date) ?? balancesAsOf(ledger, date);
    for (let i = 0; i < balances.customers.length; i++) {
      const c = balances.customers[i]!;
      if (todayOf(c.customerId) !== date) continue;
      if (c.unappliedCash === c.unappliedCredit && isZero(c.unappliedCash)) continue;
      const credit = new Dec(c.unappliedCash).plus(c.unappliedCredit);
      unapplied.set(`${c.customerId}\u0000${c.currency}`, credit.toFixed());
    }
    if (dates.length === 1) items = balances.items;
    else items = [...items, ...balances.items.filter((i) => todayOf(i.customerId) === date)];
  }
  return { items: listedItems(items), unapplied };
}
