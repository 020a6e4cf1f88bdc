/**
 * The ledger of one currency turned into dated changes, so that receivables at many
 * dates (24 month-ends of a million documents) come out of one pass instead of one
 * replay per date. Each record becomes a change of an open item or of what is left
 * of a payment or credit note, counting from the day it takes effect until the day
 * it is undone:
 *
 * - an open item counts from its issue date (a charge from its posting date);
 * - a payment counts from its value date until it is reversed, a credit note from
 *   its issue date; a refund from its date until its payment is reversed;
 * - an allocation counts from its date, but not before its source and its item
 *   exist, until it or its payment is reversed; a write-off from its date.
 *
 * These are the rules of `balancesAsOf`. Records that it would count for less than
 * their amount (across currencies or customers, to unknown or draft items) make the
 * metrics fail with a typed error here instead of being measured on a part.
 *
 * @module
 */
import { err, ok, type Result } from 'neverthrow';
import { type ErrorOf, type ErrorPath, receivablesError } from '../errors/index.js';
import { parseUnits, type Units } from '../ledger/units.js';
import { type IsoDate, toDayNumber } from '../terms/date.js';
import type { MetricsScope } from './scope.js';

/** A day number standing for "never": later than any calendar date in use. */
export const NEVER = 2_000_000_000;

/** Kinds of failure an inconsistent ledger gives. */
export type IndexError = ErrorOf<
  'invalid_amount' | 'not_found' | 'not_allocatable' | 'currency_mismatch' | 'customer_mismatch'
>;

/** Dated changes of one currency's receivables; arrays run in parallel. */
export interface LedgerIndex {
  readonly scope: MetricsScope;
  readonly customerIds: string[];
  readonly itemIds: string[];
  readonly itemCustomer: number[];
  readonly itemDue: number[];
  readonly itemIssue: number[];
  /** 1 for invoices and instalments (sales), 0 for fees, interest and compensation. */
  readonly itemPrincipal: number[];
  readonly sourceIds: string[];
  readonly sourceCustomer: number[];
  /** Changes: day, target (item index, or -1 - source index) and signed amount. */
  readonly changeDay: number[];
  readonly changeTarget: number[];
  readonly changeAmount: Units[];
  /** Payments applied to principal items: customer, payment day, item dates, interval. */
  readonly paid: {
    readonly customer: number[];
    readonly payDay: number[];
    readonly issueDay: number[];
    readonly dueDay: number[];
    readonly from: number[];
    readonly until: number[];
    readonly amount: Units[];
  };
  /** Sales documents: customer, issue day and signed amount (credit notes negative). */
  readonly sales: { readonly customer: number[]; readonly day: number[]; amount: Units[] };
}

interface Source {
  readonly index: number;
  readonly customerId: string;
  readonly from: number;
  readonly until: number;
  readonly payment: boolean;
}

/** Day numbers of dates, memoised: a ledger has few distinct dates and many records. */
export function dayCache(): (date: IsoDate) => number {
  const cache = new Map<string, number>();
  return (date) => {
    let d = cache.get(date);
    if (d === undefined) {
      d = toDayNumber(date);
      cache.set(date, d);
    }
    return d;
  };
}

class Builder {
  readonly day = dayCache();
  readonly customers = new Map<string, number>();
  readonly items = new Map<string, number>();
  readonly sources = new Map<string, Source>();
  readonly index: LedgerIndex;

  constructor(readonly scope: MetricsScope) {
    const paid = { customer: [], payDay: [], issueDay: [], dueDay: [], from: [], until: [] };
    this.index = {
      scope,
      customerIds: [],
      itemIds: [],
      itemCustomer: [],
      itemDue: [],
      itemIssue: [],
      itemPrincipal: [],
      sourceIds: [],
      sourceCustomer: [],
      changeDay: [],
      changeTarget: [],
      changeAmount: [],
      paid: { ...paid, amount: [] },
      sales: { customer: [], day: [], amount: [] },
    };
  }

  customer(id: string): number {
    let c = this.customers.get(id);
    if (c === undefined) {
      c = this.index.customerIds.length;
      this.index.customerIds.push(id);
      this.customers.set(id, c);
    }
    return c;
  }

  units(amount: string, path: ErrorPath): Result<Units, IndexError> {
    const u = parseUnits(amount, this.scope.minorUnits);
    return u === undefined ? err(this.badAmount(amount, path)) : ok(u);
  }

  /** The amount in minor units, or undefined (then see {@link badAmount}); no allocation. */
  unitsOf(amount: string): Units | undefined {
    return parseUnits(amount, this.scope.minorUnits);
  }

  badAmount(amount: string, path: ErrorPath): IndexError {
    const reason = `not a positive ${this.scope.currency} amount`;
    return receivablesError('invalid_amount', { input: String(amount), reason }, path);
  }

  change(day: number, target: number, amount: Units, until = NEVER): void {
    if (day >= until) return;
    const ix = this.index;
    ix.changeDay.push(day);
    ix.changeTarget.push(target);
    ix.changeAmount.push(amount);
    if (until < NEVER) {
      ix.changeDay.push(until);
      ix.changeTarget.push(target);
      ix.changeAmount.push(typeof amount === 'bigint' ? -amount : -amount);
    }
  }

  /** An open item; customer index and day numbers already resolved by the caller. */
  item(
    id: string,
    customer: number,
    issueDay: number,
    dueDay: number,
    amount: Units,
    main: boolean,
  ) {
    const ix = this.index;
    const i = ix.itemIds.length;
    this.items.set(id, i);
    ix.itemIds.push(id);
    ix.itemCustomer.push(customer);
    ix.itemIssue.push(issueDay);
    ix.itemDue.push(dueDay);
    ix.itemPrincipal.push(main ? 1 : 0);
    this.change(issueDay, i, amount);
  }

  source(
    id: string,
    customer: number,
    customerId: string,
    fromDay: number,
    until: string | undefined,
    payment: boolean,
  ) {
    const ix = this.index;
    const index = ix.sourceIds.length;
    ix.sourceIds.push(id);
    ix.sourceCustomer.push(customer);
    const end = until === undefined ? NEVER : this.day(until);
    const s = { index, customerId, from: fromDay, until: end, payment };
    this.sources.set(id, s);
    return s;
  }

  sale(customer: number, day: number, amount: Units): void {
    const s = this.index.sales;
    s.customer.push(customer);
    s.day.push(day);
    s.amount.push(amount);
  }
}

export { Builder as LedgerIndexBuilder };
