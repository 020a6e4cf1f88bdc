/**
 * The dunning history indexed for one planner run, per customer. Indexing only chains
 * each customer's entries (one Map entry per customer, one integer per entry); the
 * levels and contact days of a customer are read from its chain when the planner
 * reaches that customer, and dropped after. So nothing per item or per customer
 * lives through the whole run, and a year of history costs one pass to index.
 *
 * @module
 */
import type { IsoDate } from '../terms/date.js';
import { CustomerNumbers } from './customer-numbers.js';
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

/** The item levels of every customer, side by side in customer order. */
interface Levels {
  readonly ids: readonly string[];
  readonly levels: Int32Array;
}

class Chain implements CustomerHistory {
  private map: Map<string, number> | undefined;

  constructor(
    private readonly actions: readonly DunningHistoryEntry[],
    private readonly next: Int32Array,
    private readonly head: number,
    private readonly today: IsoDate,
    private readonly flat: Levels,
    private readonly from: number,
    private readonly to: number,
  ) {}

  levelOf(itemId: string): number {
    const { ids, levels } = this.flat;
    if (this.to - this.from > SCAN_LIMIT) {
      if (this.map === undefined) {
        const map = new Map<string, number>();
        for (let k = this.from; k < this.to; k++) {
          if ((map.get(ids[k]!) ?? 0) < levels[k]!) map.set(ids[k]!, levels[k]!);
        }
        this.map = map;
      }
      return this.map.get(itemId) ?? 0;
    }
    let level = 0;
    for (let k = this.from; k < this.to; k++) {
      if (ids[k] === itemId && levels[k]! > level) level = levels[k]!;
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
      slot = slots.add(customerId);
    }
    if (heads[slot]! < 0) heads[slot] = e;
    else next[tails[slot]!] = e;
    tails[slot] = e;
  }
  // Entries that count for levels (dated up to the customer's run date), and the item
  // levels laid out customer by customer: a customer's levels are then one slice of
  // two arrays, read in order, not a walk over entry objects spread over the heap.
  const counted = new Uint8Array(actions.length);
  const offsets = new Int32Array(heads.length + 1);
  previousId = undefined;
  let today = '';
  for (let e = 0; e < actions.length; e++) {
    const a = actions[e]!;
    if (a.customerId !== previousId) {
      previousId = a.customerId;
      slot = slots.find(a.customerId);
      today = todayOf(a.customerId);
    }
    if (a.date > today) continue;
    counted[e] = 1;
    offsets[slot + 1]! += a.items.length;
  }
  for (let s = 0; s < heads.length; s++) offsets[s + 1]! += offsets[s]!;
  const fill = offsets.slice(0, heads.length);
  const total = offsets[heads.length]!;
  // Pushed, not `new Array(total)`: V8 keeps a large preallocated array as a dictionary.
  const ids: string[] = [];
  for (let k = 0; k < total; k++) ids.push('');
  const flat = { ids, levels: new Int32Array(total) };
  previousId = undefined;
  for (let e = 0; e < actions.length; e++) {
    if (counted[e] === 0) continue;
    const a = actions[e]!;
    if (a.customerId !== previousId) {
      previousId = a.customerId;
      slot = slots.find(a.customerId);
    }
    const items = a.items;
    for (let i = 0; i < items.length; i++) {
      const at = fill[slot]!++;
      flat.ids[at] = items[i]!.itemId;
      flat.levels[at] = items[i]!.level;
    }
  }
  const customerAt = (slot: number, customerId: string): CustomerHistory => {
    const head = heads[slot] ?? -1;
    if (head < 0) return NONE;
    const today = todayOf(customerId);
    return new Chain(actions, next, head, today, flat, offsets[slot]!, offsets[slot + 1]!);
  };
  return {
    customerAt,
    customer: (customerId) => customerAt(slots.find(customerId), customerId),
  };
}
