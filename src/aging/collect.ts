/**
 * Sums open and unapplied amounts per customer, currency and bucket, in integer minor
 * units, without an object per amount: a million amounts over fifty thousand customers
 * are one lookup each in a table numbering the customers (none when the customer
 * repeats) and additions into one flat `Float64Array`.
 *
 * Exactness: every slot of the array holds a safe integer. An amount is added there
 * only when both it and the sum are safe integers (non-negative safe integers sum to
 * at most 2^54, and IEEE 754 rounding is monotonic and exact below 2^53, so a float sum
 * that is still a safe integer is the exact one); anything else goes, exactly, into a
 * bigint kept beside the slot, and a slot's value is the sum of the two.
 *
 * Internal to the aging module.
 *
 * @module
 */

import { CustomerNumbers } from '../ledger/customer-numbers.js';
import { addUnits, type Units } from '../ledger/units.js';
import { type IsoDate, toDayNumber } from '../terms/date.js';
import { bucketIndex } from './buckets.js';

const MAX = Number.MAX_SAFE_INTEGER;
const NO_DATE = Symbol('no date yet');

/** Adds amounts into per-customer rows; rows of one customer are chained by `next`. */
export class Collector {
  private readonly width: number;
  /** Per row, open amounts by bucket (their sum is the row's open amount). */
  private open: Float64Array = new Float64Array(0);
  /** Per row, unapplied amounts by bucket, then cash and credit; apart, as they are few. */
  private unapplied: Float64Array = new Float64Array(0);
  private readonly openBig = new Map<number, bigint>();
  private readonly unappliedBig = new Map<number, bigint>();
  private readonly customerIds: string[] = [];
  private readonly currencies: string[] = [];
  private readonly minorUnits: number[] = [];
  private readonly next: number[] = [];
  /** Customers by number, and the first row of each. */
  private readonly numbers = new CustomerNumbers();
  private readonly firstRow: number[] = [];
  private lastNumber = -1;
  private lastCustomer: string | undefined;
  private lastFirst = -1;
  /** The last date bucketed; no value (not even `undefined`) matches it at first. */
  private lastDate: unknown = NO_DATE;
  private lastBucket = 0;

  constructor(
    private readonly asOfDay: number,
    private readonly uppers: readonly number[],
  ) {
    this.width = uppers.length + 1;
  }

  /** The row of a customer in a currency, added at its first amount. */
  private row(customerId: string, currency: string, minorUnits: number): number {
    let head: number;
    if (customerId === this.lastCustomer) head = this.lastFirst;
    else {
      const k = this.numbers.add(customerId);
      if (k === this.firstRow.length) this.firstRow.push(-1);
      head = this.firstRow[k]!;
      this.lastNumber = k;
      this.lastCustomer = customerId;
      this.lastFirst = head;
    }
    let r = head;
    while (r >= 0 && this.currencies[r] !== currency) r = this.next[r]!;
    if (r >= 0) return r;
    r = this.customerIds.length;
    this.customerIds.push(customerId);
    this.currencies.push(currency);
    this.minorUnits.push(minorUnits);
    this.next.push(head);
    this.firstRow[this.lastNumber] = r;
    this.lastFirst = r;
    this.open = grown(this.open, (r + 1) * this.width);
    return r;
  }

  /**
   * Bucket of a date. Reading the day number from the characters costs less than
   * looking the date string up in a map of the ones seen (which must hash it first).
   */
  private bucketOf(date: IsoDate): number {
    if (date === this.lastDate) return this.lastBucket;
    const b = bucketIndex(this.uppers, this.asOfDay - toDayNumber(date));
    this.lastDate = date;
    this.lastBucket = b;
    return b;
  }

  /** Adds a non-negative amount to a slot, exactly (see the module header). */
  private add(sums: Float64Array, slot: number, units: Units, bigs: Map<number, bigint>): void {
    if (typeof units === 'number') {
      const s = sums[slot]! + units;
      if (s <= MAX && Number.isSafeInteger(units)) {
        sums[slot] = s;
        return;
      }
    }
    bigs.set(slot, (bigs.get(slot) ?? 0n) + BigInt(units));
  }

  /** An open item's open amount (positive), aged by `date`. */
  item(customerId: string, currency: string, minorUnits: number, open: Units, date: IsoDate) {
    const base = this.row(customerId, currency, minorUnits) * this.width;
    this.add(this.open, base + this.bucketOf(date), open, this.openBig);
  }

  /** What is left of a payment or credit note (positive), aged by its own date. */
  source(
    customerId: string,
    currency: string,
    minorUnits: number,
    left: Units,
    date: IsoDate,
    cash: boolean,
  ) {
    const stride = this.width + 2;
    const base = this.row(customerId, currency, minorUnits) * stride;
    this.unapplied = grown(this.unapplied, this.customerIds.length * stride);
    const bigs = this.unappliedBig;
    this.add(this.unapplied, base + this.bucketOf(date), left, bigs);
    this.add(this.unapplied, base + this.width + (cash ? 0 : 1), left, bigs);
  }

  private static value(sums: Float64Array, slot: number, bigs: Map<number, bigint>): Units {
    const extra = bigs.size === 0 ? undefined : bigs.get(slot);
    const n = slot < sums.length ? sums[slot]! : 0;
    return extra === undefined ? n : addUnits(n, extra);
  }

  /** How many (customer, currency) rows there are. */
  get rows(): number {
    return this.customerIds.length;
  }

  /** The buckets per row. */
  get buckets(): number {
    return this.width;
  }

  customerOf(row: number): string {
    return this.customerIds[row]!;
  }

  currencyOf(row: number): string {
    return this.currencies[row]!;
  }

  minorUnitsOf(row: number): number {
    return this.minorUnits[row]!;
  }

  /** Open amount of a row's items in a bucket. */
  openIn(row: number, bucket: number): Units {
    return Collector.value(this.open, row * this.width + bucket, this.openBig);
  }

  /** Unapplied cash and credit (positive) of a row dated in a bucket. */
  unappliedIn(row: number, bucket: number): Units {
    return Collector.value(this.unapplied, row * (this.width + 2) + bucket, this.unappliedBig);
  }

  /** Unapplied cash (positive) of a row. */
  cashOf(row: number): Units {
    return Collector.value(this.unapplied, row * (this.width + 2) + this.width, this.unappliedBig);
  }

  /** Unapplied credit (positive) of a row. */
  creditOf(row: number): Units {
    const slot = row * (this.width + 2) + this.width + 1;
    return Collector.value(this.unapplied, slot, this.unappliedBig);
  }
}

/** The array itself when it holds `length` slots, else a copy at least twice as long. */
function grown(sums: Float64Array, length: number): Float64Array {
  if (length <= sums.length) return sums;
  const out = new Float64Array(Math.max(length, 2 * sums.length, 1024));
  out.set(sums);
  return out;
}
