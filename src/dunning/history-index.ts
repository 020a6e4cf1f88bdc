/**
 * The dunning history indexed for one planner run, per customer. Indexing only chains
 * each customer's entries (one Map entry per customer, one integer per entry); the
 * levels and contact days of a customer are read from its chain when the planner
 * reaches that customer, and dropped after. So nothing per item or per customer
 * lives through the whole run, and a year of history costs one pass to index.
 *
 * @module
 */

import { CustomerNumbers } from '../ledger/customer-numbers.js';
import type { IsoDate } from '../terms/date.js';
import type { DunningHistory, DunningHistoryEntry } from './history.js';

/** What the history says about one customer. */
export interface CustomerHistory {
  /** Highest level the item has reached (0 = none). */
  levelOf(itemId: string): number;
  /** Contact days, in history order (a day may repeat). */
  readonly contactDays: readonly IsoDate[];
  /** True when the history holds an action with this key. */
  hasKey(key: string): boolean;
}

/** The history of every customer, for one run. */
export interface HistoryIndex {
  customer(customerId: string): CustomerHistory;
  /** The same, for a customer the caller's `slots` map already numbers. */
  customerAt(slot: number, customerId: string): CustomerHistory;
}

// Beyond this many item levels a customer's levels move from a linear scan to a Map.
const SCAN_LIMIT = 32;

const endOf = (id: string): number => (id.length === 0 ? -1 : id.charCodeAt(id.length - 1));

/**
 * Room for one customer's item levels, shared by the customers of an index: the
 * planner reads one customer at a time, so the arrays grow to the largest customer
 * once instead of being allocated for each. A customer whose levels another one has
 * since overwritten reads them again.
 */
class Scratch {
  owner: Chain | undefined;
  count = 0;
  readonly ids: string[] = [];
  levels = new Int32Array(64);
  /** Last code unit of each id (-1 for ''): most ids of a customer differ there. */
  ends = new Int32Array(64);

  add(id: string, level: number): void {
    const n = this.count++;
    if (n === this.levels.length) {
      const levels = new Int32Array(2 * n);
      levels.set(this.levels);
      this.levels = levels;
      const ends = new Int32Array(2 * n);
      ends.set(this.ends);
      this.ends = ends;
    }
    if (n < this.ids.length) this.ids[n] = id;
    else this.ids.push(id);
    this.levels[n] = level;
    this.ends[n] = endOf(id);
  }
}

class Chain implements CustomerHistory {
  private map: Map<string, number> | undefined;

  constructor(
    private readonly actions: readonly DunningHistoryEntry[],
    private readonly next: Int32Array,
    private readonly head: number,
    private readonly today: IsoDate,
    private readonly scratch: Scratch,
  ) {}

  /** Reads the levels into the scratch, or into a Map for a customer with many. */
  private read(): Map<string, number> | undefined {
    const scratch = this.scratch;
    scratch.owner = this;
    scratch.count = 0;
    for (let e = this.head; e >= 0; e = this.next[e]!) {
      const a = this.actions[e]!;
      if (a.date > this.today) continue;
      const items = a.items;
      for (let i = 0; i < items.length; i++) scratch.add(items[i]!.itemId, items[i]!.level);
    }
    if (scratch.count > SCAN_LIMIT) {
      const map = new Map<string, number>();
      for (let k = 0; k < scratch.count; k++) {
        const id = scratch.ids[k]!;
        if ((map.get(id) ?? 0) < scratch.levels[k]!) map.set(id, scratch.levels[k]!);
      }
      this.map = map;
    }
    return this.map;
  }

  levelOf(itemId: string): number {
    if (this.map !== undefined) return this.map.get(itemId) ?? 0;
    const scratch = this.scratch;
    if (scratch.owner !== this) {
      const map = this.read();
      if (map !== undefined) return map.get(itemId) ?? 0;
    }
    // Ids of one customer often share a long prefix ('INV-2024-00017', ...): compare
    // the last code unit first, the whole id only where it matches.
    const end = endOf(itemId);
    const { ids, levels, ends, count } = scratch;
    let level = 0;
    for (let k = 0; k < count; k++) {
      if (ends[k] === end && ids[k] === itemId && levels[k]! > level) level = levels[k]!;
    }
    return level;
  }

  get contactDays(): IsoDate[] {
    const days: IsoDate[] = [];
    for (let e = this.head; e >= 0; e = this.next[e]!) {
      const a = this.actions[e]!;
      if (a.date <= this.today) days.push(a.date);
    }
    return days;
  }

  hasKey(key: string): boolean {
    for (let e = this.head; e >= 0; e = this.next[e]!)
      if (this.actions[e]!.key === key) return true;
    return false;
  }
}

const NONE: CustomerHistory = Object.freeze({
  levelOf: () => 0,
  contactDays: Object.freeze([]) as readonly IsoDate[],
  hasKey: () => false,
});

/**
 * Indexes the history for a run. Entries dated after the customer's run date are
 * ignored for levels and contacts (a plan as of a day ignores later events), but
 * their keys still block a repeat. Each `customer` call reads that customer's
 * entries afresh: ask once per customer and keep the answer for the customer.
 *
 * @param slots - customer numbers the caller has already given (extended here with
 *   the customers only the history names), so that each customer is looked up once
 *
 * @example
 * indexHistory(history, () => '2024-03-31').customer('C1').levelOf('INV-1')
 * //=> 2
 */
export function indexHistory(
  history: DunningHistory,
  todayOf: (customerId: string) => IsoDate,
  slots: CustomerNumbers = new CustomerNumbers(),
): HistoryIndex {
  const actions = history.actions;
  const next = new Int32Array(actions.length).fill(-1);
  // Numbers the history adds come after the caller's: at most one per entry.
  const heads = new Int32Array(slots.size + actions.length).fill(-1);
  const tails = new Int32Array(heads.length);
  let previousId: string | undefined;
  let slot = -1;
  for (let e = 0; e < actions.length; e++) {
    const customerId = actions[e]!.customerId;
    // A run of entries of one customer (a history kept per customer) needs no lookup.
    if (customerId !== previousId) {
      previousId = customerId;
      // A history kept in the order of the caller's customers needs no lookup either.
      slot = slots.ids[slot + 1] === customerId ? slot + 1 : slots.add(customerId);
    }
    if (heads[slot]! < 0) heads[slot] = e;
    else next[tails[slot]!] = e;
    tails[slot] = e;
  }
  const scratch = new Scratch();
  const customerAt = (slot: number, customerId: string): CustomerHistory => {
    const head = heads[slot] ?? -1;
    return head < 0 ? NONE : new Chain(actions, next, head, todayOf(customerId), scratch);
  };
  return {
    customerAt,
    customer: (customerId) => customerAt(slots.find(customerId), customerId),
  };
}
