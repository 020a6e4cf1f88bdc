/**
 * Open items grouped by customer for the planner, without an array per customer: one
 * pass numbers the customers in the order their first item appears, one counting pass
 * lays the item indices out customer by customer (each customer's items in ledger
 * order). A run of items of the same customer, the usual layout of `balancesAsOf`,
 * costs one Map lookup per run, but any order is grouped correctly.
 *
 * @module
 */
import type { OpenItem } from '../ledger/types.js';
import { CustomerNumbers } from './customer-numbers.js';

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
}

/**
 * Groups items by customer, keeping each customer's items in their given order.
 *
 * @example
 * groupByCustomer([{ customerId: 'C2' }, { customerId: 'C1' }, { customerId: 'C2' }])
 *   .order.join()
 * //=> '0,2,1'
 */
export function groupByCustomer(items: readonly Pick<OpenItem, 'customerId'>[]): CustomerGroups {
  const n = items.length;
  const slotOfItem = new Int32Array(n);
  const slots = new CustomerNumbers();
  const customerIds = slots.ids;
  const counts: number[] = [];
  let previousId: string | undefined;
  let previous = -1;
  for (let i = 0; i < n; i++) {
    const id = items[i]!.customerId;
    if (id !== previousId) {
      const slot = slots.add(id);
      if (slot === counts.length) counts.push(0);
      previousId = id;
      previous = slot;
    }
    slotOfItem[i] = previous;
    counts[previous]!++;
  }
  const customers = counts.length;
  const start = new Int32Array(customers + 1);
  for (let k = 0; k < customers; k++) start[k + 1] = start[k]! + counts[k]!;
  const next = start.slice(0, customers);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[next[slotOfItem[i]!]!++] = i;
  return { customerIds: customerIds.slice(), start, order, slots };
}
