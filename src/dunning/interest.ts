/**
 * Statutory late-payment interest and compensation as in EU Directive 2011/7/EU:
 * simple interest at the reference rate of the half-year (the rate in force on
 * 1 January for January-June, on 1 July for July-December) plus a margin, counted
 * day by day from the day after the due date up to and including the payment date,
 * on the balance left after each partial payment, split where the rate changes.
 * Interest is summed unrounded and rounded once, at the end, to the currency's minor
 * unit (half-up unless told otherwise), so that splitting a period never changes it.
 *
 * Left out: interest on interest (the Directive asks for simple interest), the
 * "30 days after receipt" fallback when no due date was agreed (the caller passes the
 * due date), and recovery costs above the fixed compensation.
 *
 * @module
 */
import { err, ok, type Result } from 'neverthrow';
import { type ErrorOf, receivablesError } from '../errors/index.js';
import { currencyOf } from '../money/currency.js';
import { Dec, parseDecimal, type RoundingMode } from '../money/decimal.js';
import { type CurrencyOptions, formatAmount, roundDecimal } from '../money/index.js';
import { addDays, type IsoDate, isIsoDate } from '../terms/date.js';
import { countDays, yearDays } from './day-count.js';
import type { DayCount, InterestPolicy } from './policy.js';
import { DE_BASE_RATES, ECB_REFERENCE_RATES, type ReferenceRateTable } from './rates.js';

/** A sum late or a payment on it. */
export interface LateInterestClaim {
  /** The amount that fell due (principal), a decimal string. */
  readonly amount: string;
  readonly currency: string;
  /** Last day of the payment period: interest runs from the day after. */
  readonly dueDate: IsoDate;
  /** Last day of interest: the payment date, or the day the claim is computed to. */
  readonly until: IsoDate;
  /** Payments on it; each one lowers the balance from the day after its date. */
  readonly payments?: readonly { readonly date: IsoDate; readonly amount: string }[];
  /** True for a consumer debtor (Germany: + 5 points instead of + 9). */
  readonly consumer?: boolean;
}

/** Options of {@link lateInterest}: the interest part of a policy, plus rates. */
export interface LateInterestOptions extends Partial<InterestPolicy>, CurrencyOptions {
  /** A reference rate table replacing the built-in one the preset picks. */
  readonly rates?: ReferenceRateTable;
  /** Rounding of the final sum; `half-up` by default. */
  readonly rounding?: RoundingMode;
}

/** One stretch of days with the same balance and rate. */
export interface InterestPeriod {
  /** First day with interest. */
  readonly from: IsoDate;
  /** Last day with interest (inclusive). */
  readonly to: IsoDate;
  /** Days under the day-count convention. */
  readonly days: number;
  readonly balance: string;
  /** Reference rate + margin, percent per year. */
  readonly ratePercent: string;
  /** Interest of the period, unrounded. */
  readonly interest: string;
}

/** The result of {@link lateInterest}. */
export interface LateInterest {
  /** Total interest, rounded once to the minor unit. */
  readonly amount: string;
  readonly currency: string;
  readonly dayCount: DayCount;
  readonly periods: readonly InterestPeriod[];
}

type InterestError = ErrorOf<
  'invalid_input' | 'invalid_amount' | 'unknown_currency' | 'invalid_date' | 'missing_rate'
>;

/**
 * The reference table and margin a preset stands for.
 *
 * @example
 * interestBasis({ preset: 'germany' }, true).marginPercent
 * //=> '5'
 */
export function interestBasis(
  options: LateInterestOptions,
  consumer: boolean,
): { readonly table: ReferenceRateTable; readonly marginPercent: string } {
  const preset = options.preset ?? 'eu-minimum';
  const german =
    preset === 'germany' || (preset === 'custom' && options.referenceRate === 'de-base');
  const table = options.rates ?? (german ? DE_BASE_RATES : ECB_REFERENCE_RATES);
  const business = options.businessMarginPercent ?? (preset === 'germany' ? '9' : '8');
  const consumerDefault = preset === 'germany' ? '5' : business;
  const marginPercent = consumer ? (options.consumerMarginPercent ?? consumerDefault) : business;
  return { table, marginPercent };
}

const halfYearOf = (date: IsoDate): IsoDate =>
  `${date.slice(0, 4)}-${date.slice(5, 7) <= '06' ? '01' : '07'}-01`;

/**
 * The statutory rate (reference rate of the half-year + margin) on a day.
 *
 * @example
 * lateInterestRate('2024-03-15', { preset: 'eu-minimum' })
 * //=> Ok('12.5')
 */
export function lateInterestRate(
  date: IsoDate,
  options: LateInterestOptions = {},
  consumer = false,
): Result<string, ErrorOf<'missing_rate'>> {
  const { table, marginPercent } = interestBasis(options, consumer);
  const start = halfYearOf(date);
  const rate = table.rates.find((r) => r.from === start);
  if (!rate) return err(receivablesError('missing_rate', { date }, []));
  return ok(new Dec(rate.ratePercent).plus(marginPercent).toString());
}

const notAnObject = (path: (string | number)[], message: string) =>
  err(receivablesError('invalid_input', { issues: [{ path, message }] }, path));

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const negative = (input: string, path: (string | number)[]) =>
  err(receivablesError('invalid_amount', { input, reason: 'must not be negative' }, path));

function readClaim(
  claim: LateInterestClaim,
  options: CurrencyOptions,
): Result<
  { minorUnits: number; principal: Dec; payments: { day: IsoDate; amount: Dec }[] },
  InterestError
> {
  if (!isRecord(claim)) return notAnObject([], 'expected a claim object');
  if (claim.payments !== undefined && !Array.isArray(claim.payments)) {
    return notAnObject(['payments'], 'expected an array of payments');
  }
  const nonObject = (claim.payments ?? []).findIndex((p) => !isRecord(p));
  if (nonObject >= 0) return notAnObject(['payments', nonObject], 'expected a payment object');
  return currencyOf(claim.currency, options.currencies, ['currency']).andThen((c) => {
    for (const key of ['dueDate', 'until'] as const) {
      if (!isIsoDate(claim[key])) {
        return err(receivablesError('invalid_date', { input: String(claim[key]) }, [key]));
      }
    }
    const bad = (claim.payments ?? []).findIndex((p) => !isIsoDate(p.date));
    if (bad >= 0) {
      const input = String(claim.payments?.[bad]?.date);
      return err(receivablesError('invalid_date', { input }, ['payments', bad, 'date']));
    }
    return parseDecimal(claim.amount, ['amount'], c.minorUnits).andThen((principal) => {
      // A negative principal or payment would create money (a payment of -500.00
      // raised a 1000.00 claim to 1500.00): refuse both.
      if (principal.lessThan(0)) return negative(claim.amount, ['amount']);
      const payments: { day: IsoDate; amount: Dec }[] = [];
      for (const [i, p] of (claim.payments ?? []).entries()) {
        const path = ['payments', i, 'amount'];
        const amount = parseDecimal(p.amount, path, c.minorUnits);
        if (amount.isErr()) return err(amount.error);
        if (amount.value.lessThan(0)) return negative(p.amount, path);
        payments.push({ day: p.date, amount: amount.value });
      }
      return ok({ minorUnits: c.minorUnits, principal, payments });
    });
  });
}

/**
 * Statutory late interest on a claim, with the periods it is made of.
 *
 * @param claim - principal, due date, the day to count to, and payments received
 * @param options - preset (`eu-minimum` by default), day count, rates table, rounding
 *
 * @example
 * // 1000.00 due 2024-06-20, paid 2024-07-10: 10 days at 12.50 % + 10 days at 12.25 %
 * lateInterest({ amount: '1000.00', currency: 'EUR', dueDate: '2024-06-20',
 *   until: '2024-07-10' }).map((i) => i.amount)
 * //=> Ok('6.78')
 */
export function lateInterest(
  claim: LateInterestClaim,
  options: LateInterestOptions = {},
): Result<LateInterest, InterestError> {
  const dayCount = options.dayCount ?? 'act/365';
  return readClaim(claim, options).andThen(({ minorUnits, principal, payments }) => {
    const first = addDays(claim.dueDate, 1);
    const starts = new Set<IsoDate>([first]);
    for (const p of payments) if (p.day >= claim.dueDate) starts.add(addDays(p.day, 1));
    for (let y = Number(first.slice(0, 4)); y <= Number(claim.until.slice(0, 4)); y++) {
      starts.add(`${String(y).padStart(4, '0')}-01-01`).add(`${String(y).padStart(4, '0')}-07-01`);
    }
    const sorted = [...starts].filter((d) => d >= first && d <= claim.until).sort();

    const periods: InterestPeriod[] = [];
    let total = new Dec(0);
    for (const [i, from] of sorted.entries()) {
      const next = sorted[i + 1];
      const to = next ? addDays(next, -1) : claim.until;
      const paid = payments
        .filter((p) => p.day < from)
        .reduce((s, p) => s.plus(p.amount), new Dec(0));
      const balance = Dec.max(principal.minus(paid), 0);
      if (balance.isZero()) continue;
      const rate = lateInterestRate(from, options, claim.consumer === true);
      if (rate.isErr()) return err(rate.error);
      const days = countDays(addDays(from, -1), to, dayCount);
      const interest = balance
        .times(rate.value)
        .times(days)
        .dividedBy(100 * yearDays(dayCount));
      total = total.plus(interest);
      const balanceText = formatAmount(balance, minorUnits);
      periods.push({
        from,
        to,
        days,
        balance: balanceText,
        ratePercent: rate.value,
        interest: interest.toString(),
      });
    }
    const amount = formatAmount(
      roundDecimal(total, minorUnits, options.rounding ?? 'half-up'),
      minorUnits,
    );
    return ok({ amount, currency: claim.currency, dayCount, periods });
  });
}

/**
 * The fixed compensation for recovery costs (art. 6: EUR 40) owed once per invoice by
 * a business debtor; undefined for consumers or a currency the policy names no sum for.
 *
 * @example
 * lateCompensation('EUR', false)
 * //=> '40.00'
 */
export function lateCompensation(
  currency: string,
  consumer: boolean,
  compensation: Readonly<Record<string, string>> = { EUR: '40.00' },
): string | undefined {
  if (consumer || !Object.hasOwn(compensation, currency)) return undefined;
  return compensation[currency];
}
