/**
 * Statutory late interest (the rule of {@link lateInterest}) in integer minor units,
 * for the planner: the same periods, balances, rates and day counts, summed exactly as
 * a fraction `N / (100 * yearDays * 10^6)` of bigints and rounded half-up once.
 *
 * It gives exactly what the decimal rule gives, or `undefined` and the caller runs the
 * decimal rule. The decimal rule rounds each period's interest to 40 significant
 * digits before the final rounding; with the sum kept below 10^30 (and at most 1,000
 * periods) that error is far below the distance from the exact sum to the nearest
 * half minor unit, unless the sum lies on such a half: then a single period is exact
 * in decimals too, and several periods go to the decimal rule. Also left to the
 * decimal rule: the 30/360 day count, rounding other than half-up, rates with more
 * than 6 decimals or below zero, amounts that are not plain decimals within 15 digits,
 * missing rates and any input `lateInterest` would refuse.
 *
 * @module
 */
import { currencyOf } from '../money/currency.js';
import { fromDayNumber, type IsoDate, isIsoDate } from '../terms/date.js';
import type { LateInterestClaim, LateInterestOptions } from './interest.js';
import { lateInterestRate } from './interest.js';
import { toMinor } from './minor.js';

const SCALE = 1_000_000n;
const LIMIT = 10n ** 30n;
const RATE = /^(\d+)(?:\.(\d{1,6}))?$/;

/** The statutory rate of a half-year, scaled by 10^6, per run; `null` when not exact. */
export type RateCache = Map<string, bigint | null>;

function scaledRate(
  halfYear: IsoDate,
  options: LateInterestOptions,
  consumer: boolean,
  cache: RateCache,
): bigint | null {
  const key = consumer ? `${halfYear}c` : halfYear;
  let rate = cache.get(key);
  if (rate === undefined) {
    const text = lateInterestRate(halfYear, options, consumer);
    const m = text.isOk() ? RATE.exec(text.value) : null;
    rate = m === null ? null : BigInt(m[1]!) * SCALE + BigInt((m[2] ?? '').padEnd(6, '0'));
    cache.set(key, rate);
  }
  return rate;
}

interface Paid {
  readonly day: number;
  readonly units: number;
}

function readPayments(claim: LateInterestClaim, mu: number, dayNumber: (d: IsoDate) => number) {
  const paid: Paid[] = [];
  if (claim.payments === undefined) return paid;
  if (!Array.isArray(claim.payments)) return undefined;
  for (const p of claim.payments) {
    if (typeof p !== 'object' || p === null || typeof p.amount !== 'string') return undefined;
    const units = toMinor(p.amount, mu);
    if (units === undefined || !isIsoDate(p.date) || p.date >= '9999') return undefined;
    paid.push({ day: dayNumber(p.date), units });
  }
  return paid;
}

/**
 * Late interest on a claim in minor units of its currency, or undefined when the
 * caller is to use {@link lateInterest} (which then gives the same figure or an error).
 *
 * @param claim - principal, due date, the day to count to, payments received
 * @param options - as for `lateInterest`
 * @param rates - a cache of rates for one set of options, shared across claims
 * @param dayNumber - day numbers of dates (`toDayNumber` or a cached reader)
 *
 * @example
 * // 1000.00 due 2024-06-20, paid 2024-07-10: 10 days at 12.50 % + 10 days at 12.25 %
 * lateInterestMinor({ amount: '1000.00', currency: 'EUR', dueDate: '2024-06-20',
 *   until: '2024-07-10' }, {}, new Map(), toDayNumber)
 * //=> 678n
 */
export function lateInterestMinor(
  claim: LateInterestClaim,
  options: LateInterestOptions,
  rates: RateCache,
  dayNumber: (date: IsoDate) => number,
): bigint | undefined {
  const dayCount = options.dayCount ?? 'act/365';
  if (dayCount === '30/360' || (options.rounding ?? 'half-up') !== 'half-up') return undefined;
  if (typeof claim !== 'object' || claim === null || typeof claim.amount !== 'string') return;
  const currency = currencyOf(claim.currency, options.currencies);
  if (currency.isErr() || !isIsoDate(claim.dueDate) || !isIsoDate(claim.until)) return;
  if (claim.dueDate >= '9999') return undefined;
  const mu = currency.value.minorUnits;
  const principal = toMinor(claim.amount, mu);
  const paid = readPayments(claim, mu, dayNumber);
  if (principal === undefined || paid === undefined) return undefined;

  const due = dayNumber(claim.dueDate);
  const until = dayNumber(claim.until);
  const first = due + 1;
  if (first > until) return 0n;
  const starts = [first];
  for (const p of paid) if (p.day >= due) starts.push(p.day + 1);
  const halfYears: { day: number; date: IsoDate }[] = [];
  const y0 = Number(fromDayNumber(first).slice(0, 4));
  for (let y = y0; y <= Number(claim.until.slice(0, 4)); y++) {
    for (const md of ['-01-01', '-07-01']) {
      const date = `${String(y).padStart(4, '0')}${md}`;
      halfYears.push({ day: dayNumber(date), date });
    }
  }
  for (const h of halfYears) starts.push(h.day);
  const sorted = [...new Set(starts.filter((d) => d >= first && d <= until))].sort((a, b) => a - b);
  if (sorted.length > 1000) return undefined;

  const consumer = claim.consumer === true;
  let sum = 0n;
  let terms = 0;
  for (let i = 0; i < sorted.length; i++) {
    const from = sorted[i]!;
    const to = i + 1 < sorted.length ? sorted[i + 1]! - 1 : until;
    let balance = principal;
    for (const p of paid) if (p.day < from) balance -= p.units;
    if (!Number.isSafeInteger(balance)) return undefined;
    if (balance <= 0) continue;
    let h = halfYears.length - 1;
    while (halfYears[h]!.day > from) h--;
    const rate = scaledRate(halfYears[h]!.date, options, consumer, rates);
    if (rate === null) return undefined;
    sum += BigInt(balance) * rate * BigInt(to - from + 1);
    terms++;
  }
  if (sum >= LIMIT) return undefined;
  const denominator = 100n * BigInt(dayCount === 'act/365' ? 365 : 360) * SCALE;
  const twice = 2n * sum;
  const onHalf = twice % denominator === 0n && (twice / denominator) % 2n === 1n;
  if (onHalf && terms > 1) return undefined;
  return (twice + denominator) / (2n * denominator);
}
