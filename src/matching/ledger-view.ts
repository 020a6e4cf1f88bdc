/**
 * The open items of a ledger as matching needs them: `balancesAsOf` items that are
 * still open, with the early-payment discounts of their invoices attached.
 *
 * @module
 */
import { balancesAsOf } from '../ledger/balances.js';
import type { Ledger, OpenItem } from '../ledger/types.js';
import type { IsoDate } from '../terms/date.js';

/**
 * Open items of a ledger as of a date, with the discounts their invoices offer
 * (instalments take none: the discount terms are on the whole invoice).
 *
 * @example
 * openItemsForMatching(EMPTY_LEDGER, '2024-03-31')
 * //=> []
 */
export function openItemsForMatching(ledger: Ledger, asOf: IsoDate): OpenItem[] {
  const discounts = new Map(
    ledger.invoices
      .filter((i) => i.discounts !== undefined && i.discounts.length > 0)
      .map((i) => [i.id, i.discounts!]),
  );
  return balancesAsOf(ledger, asOf)
    .items.filter((item) => item.status === 'open' || item.status === 'partially_paid')
    .map((item) => {
      const offered = item.kind === 'invoice' ? discounts.get(item.id) : undefined;
      return offered && item.discounts === undefined ? { ...item, discounts: offered } : item;
    });
}

/**
 * Items of a ledger fully paid as of a date, for `matchPayments`' `settledItems`: a
 * later payment quoting one's reference is reported as a possible double payment.
 *
 * @example
 * settledItemsForMatching(EMPTY_LEDGER, '2024-03-31')
 * //=> []
 */
export function settledItemsForMatching(ledger: Ledger, asOf: IsoDate): OpenItem[] {
  return balancesAsOf(ledger, asOf).items.filter((item) => item.status === 'paid');
}
