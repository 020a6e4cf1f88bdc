/**
 * Groups of customers for metrics rows: all customers together, each customer on
 * its own, or one group per segment. Customers without a segment form the group
 * named {@link NO_SEGMENT}.
 *
 * @module
 */
import type { LedgerIndex } from './index-ledger.js';
import type { MetricsGroupBy } from './types.js';

/** Group name of customers that have no segment in `Ledger.customers`. */
export const NO_SEGMENT = '(no segment)';

/** Customers mapped to groups, and the groups' names in output order. */
export interface Grouping {
  /** Group index of each customer, indexed like `customerIds`. */
  readonly groupOf: number[];
  /** Group names (customer ids or segments); `[undefined]` for the total. */
  readonly names: (string | undefined)[];
}

/**
 * Groups the customers of an indexed ledger.
 *
 * @param ix - the indexed ledger
 * @param by - `total` (one group), `customer` or `segment`
 */
export function groupCustomers(ix: LedgerIndex, by: MetricsGroupBy): Grouping {
  const ids = ix.customerIds;
  if (by === 'total') return { groupOf: ids.map(() => 0), names: [undefined] };
  const keyOf = (id: string) => (by === 'customer' ? id : (ix.scope.segmentOf(id) ?? NO_SEGMENT));
  const names = [...new Set(ids.map(keyOf))].sort();
  const position = new Map(names.map((n, i) => [n, i]));
  return { groupOf: ids.map((id) => position.get(keyOf(id))!), names };
}
