/**
 * The dunning history indexed for one planner run, per customer. A run looks up the
 * level of every open item; one Map over all items of a year of history would cost a
 * cache miss per item, so levels sit in small per-customer arrays (searched linearly)
 * and only a customer with many items gets a Map of its own.
 *
 * @module
 */
import type { IsoDate } from '../terms/date.js';
import type { DunningHistory } from './history.js';

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
}

// Beyond this many items a customer's levels move from a linear scan to a Map.
const SCAN_LIMIT = 24;

class Levels implements CustomerHistory {
  readonly ids: string[] = [];
  readonly levels: number[] = [];
  readonly contactDays: IsoDate[] = [];
  readonly keys: string[] = [];
  map: Map<string, number> | undefined;

  levelOf(itemId: string): number {
    if (this.map !== undefined) return this.map.get(itemId) ?? 0;
    const i = this.ids.indexOf(itemId);
    return i < 0 ? 0 : this.levels[i]!;
  }

  raise(itemId: string, level: number): void {
    if (this.map !== undefined) {
      if ((this.map.get(itemId) ?? 0) < level) this.map.set(itemId, level);
      return;
    }
    const i = this.ids.indexOf(itemId);
    if (i >= 0) {
      if (this.levels[i]! < level) this.levels[i] = level;
      return;
    }
    this.ids.push(itemId);
    this.levels.push(level);
    if (this.ids.length > SCAN_LIMIT) {
      this.map = new Map(this.ids.map((id, k) => [id, this.levels[k]!]));
    }
  }

  hasKey(key: string): boolean {
    return this.keys.includes(key);
  }
}

const NONE: CustomerHistory = Object.freeze({
  levelOf: () => 0,
  contactDays: [],
  hasKey: () => false,
});

/**
 * Indexes the history for a run. Entries dated after the customer's run date are
 * ignored for levels and contacts (a plan as of a day ignores later events), but
 * their keys still block a repeat.
 *
 * @example
 * indexHistory(history, () => '2024-03-31').customer('C1').levelOf('INV-1')
 * //=> 2
 */
export function indexHistory(
  history: DunningHistory,
  todayOf: (customerId: string) => IsoDate,
): HistoryIndex {
  const customers = new Map<string, Levels>();
  for (const a of history.actions) {
    let c = customers.get(a.customerId);
    if (c === undefined) {
      c = new Levels();
      customers.set(a.customerId, c);
    }
    c.keys.push(a.key);
    if (a.date > todayOf(a.customerId)) continue;
    for (const i of a.items) c.raise(i.itemId, i.level);
    c.contactDays.push(a.date);
  }
  return { customer: (customerId) => customers.get(customerId) ?? NONE };
}
