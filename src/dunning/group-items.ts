/**
 * Open items grouped by customer for the planner, without an array per customer: one
 * pass numbers the customers in the order their first item appears, one counting pass
 * lays the item indices out customer by customer (each customer's items in ledger
 * order). A run of items of the same customer, the usual layout of `balancesAsOf`,
 * costs one Map lookup per run, but any order is grouped correctly.
 *
 * @module
 */

import { CustomerNumbers } from '../ledger/customer-numbers.js';
import type { PlanItems } from './plan-items.js';

/**
 * Items by customer: customer `k`'s items are `items[order[j]]` for `j` from `start[k]`
 * to before `start[k + 1]`.
 */
export interface CustomerGroups {
  /** Customer ids, in the order of their first item. */
  readonly customerIds: readonly string[];
  /** Offsets into `order`, one more than there are customers. */
  readonly start: Int32Array;
  /** Item indices, grouped by customer. */
  readonly order: Int32Array;
  /** Customer id to its number `k`. */
  readonly slots: CustomerNumbers;
  /** 1 for a customer with items in more than one currency. */
  readonly mixed: Uint8Array;
}

/**
 * Groups items by customer, keeping each customer's items in their given order.
 *
 * @example
 * const eur = (customerId: string) => ({ customerId, currency: 'EUR' }) as OpenItem;
 * groupByCustomer(listedItems([eur('C2'), eur('C1'), eur('C2')])).order.join()
 * //=> '0,2,1'
 */
export function groupByCustomer(items: PlanItems): CustomerGroups {
  const n = items.length;
  const slotOfItem = new Int32Array(n);
  const slots = new CustomerNumbers();
  const customerIds = slots.ids;
  const counts: number[] = [];
  // The currency of each customer's first item; read here, where the item is at hand.
  const currencies: string[] = [];
  let mixed = new Uint8Array(1024);
  let previousId: string | undefined;
  let previous = -1;
  for (let i = 0; i < n; i++) {
    const id = items.customerId(i);
    const currency = items.currency(i);
    if (id !== previousId) {
      const slot = slots.add(id);
      if (slot === counts.length) {
        counts.push(0);
        currencies.push(currency);
        if (slot === mixed.length) {
          const grown = new Uint8Array(2 * slot);
          grown.set(mixed);
          mixed = grown;
        }
      }
      previousId = id;
      previous = slot;
    }
    if (currency !== currencies[previous]) mixed[previous] = 1;
    slotOfItem[i] = previous;
    counts[previous]!++;
  }
  const { start, order } = layOut(slotOfItem, counts);
  return { customerIds: customerIds.slice(), start, order, slots, mixed };
}

// A loop of its own: compiled on its own, it is not held back by the first loop's
// optimised code lacking type feedback for it (a deoptimisation in a single-run call).
function layOut(slotOfItem: Int32Array, counts: readonly number[]) {
  const customers = counts.length;
  const start = new Int32Array(customers + 1);
  for (let k = 0; k < customers; k++) start[k + 1] = start[k]! + counts[k]!;
  const next = start.slice(0, customers);
  const order = new Int32Array(slotOfItem.length);
  for (let i = 0; i < slotOfItem.length; i++) order[next[slotOfItem[i]!]!++] = i;
  return { start, order };
}
