/**
 * Instalment schedules: the parts an invoice total splits into under its terms, each
 * with its amount, due date and discount offers. Parts always add up to the total to
 * the minor unit (DESIGN.md invariant 1). Percentage shares split by largest
 * remainder by default, so the spare minor units go to the parts whose exact share
 * lost most in rounding; the policy `last-absorbs` instead rounds every part but the
 * last toward zero and lets the last take what is left, as many billing systems do.
 * Rounding toward zero keeps the last part at least its own exact share, so it can
 * never turn negative.
 *
 * @module
 */
import { err, ok, type Result } from 'neverthrow';
import { type ErrorOf, receivablesError } from '../errors/index.js';
import { allocate } from '../money/allocate.js';
import { type CurrencyOptions, formatAmount, type Money, toDecimal } from '../money/amount.js';
import { currencyOf } from '../money/currency.js';
import { Dec, inputText, parseDecimal } from '../money/decimal.js';
import { parseMoney, roundDecimal, toMinorUnits } from '../money/money.js';
import { type IsoDate, parseIsoDate } from './date.js';
import { checkedOffers } from './discount.js';
import { businessDayAdjuster, checkedDueDate, type DueDateOptions } from './due-date.js';
import { inputError, moneyShape } from './guards.js';
import { validatePaymentTerms } from './schema.js';
import type { DiscountOffer, PaymentTerms, SimplePaymentTerms } from './types.js';

/** How percentage instalments place the minor units that rounding leaves over. */
export type InstalmentPolicy = 'largest-remainder' | 'last-absorbs';

/** Options of {@link instalmentSchedule}. */
export interface InstalmentScheduleOptions extends DueDateOptions, CurrencyOptions {
  /** The invoice date; without it the schedule has amounts but no dates or offers. */
  readonly issueDate?: IsoDate;
  /** `largest-remainder` (default) or `last-absorbs`. */
  readonly policy?: InstalmentPolicy;
}

/** One part of an instalment schedule. */
export interface ScheduledInstalment {
  /** Position in the schedule, from 0. */
  readonly index: number;
  /** The part's amount, in the total's currency. */
  readonly amount: Money;
  /** The part's own terms. */
  readonly terms: SimplePaymentTerms;
  /** Due date (business-day adjusted), or null when no issue date was given. */
  readonly dueDate: IsoDate | null;
  /** Early-payment discounts on this part (on its amount), earliest first. */
  readonly discounts: readonly DiscountOffer[];
}

type ScheduleError = ErrorOf<
  | 'invalid_input'
  | 'invalid_date'
  | 'invalid_amount'
  | 'invalid_terms'
  | 'invalid_policy'
  | 'unknown_currency'
>;

function lastAbsorbs(total: Money, percents: readonly string[], digits: number): Money[] {
  const whole = toDecimal(total);
  const head = percents
    .slice(0, -1)
    .map((p) => roundDecimal(whole.times(p).dividedBy(100), digits, 'down'));
  const rest = head.reduce((left, part) => left.minus(part), whole);
  return [...head, rest].map((d) => ({
    amount: formatAmount(d, digits),
    currency: total.currency,
  }));
}

function amounts(
  total: Money,
  terms: PaymentTerms,
  options: InstalmentScheduleOptions,
  digits: number,
): Result<Money[], ScheduleError> {
  const onUnit = toMinorUnits(total, options);
  if (onUnit.isErr()) return err(onUnit.error);
  if (terms.kind !== 'instalments') return ok([total]);
  const parts = terms.instalments;
  const percents = parts.flatMap((p) => ('percent' in p ? [p.percent] : []));
  if (percents.length === parts.length) {
    if (options.policy === 'last-absorbs') return ok(lastAbsorbs(total, percents, digits));
    return allocate(total, percents, options).mapErr((e) =>
      e.code === 'invalid_amount' ? e : receivablesError('invalid_terms', { reason: e.message }),
    );
  }

  const out: Money[] = [];
  const sign = toDecimal(total).comparedTo(0);
  for (const [i, p] of parts.entries()) {
    const path = ['terms', 'instalments', i];
    const amount = 'amount' in p ? p.amount : '';
    const m = parseMoney(amount, total.currency, { ...options, path, exact: true });
    if (m.isErr()) return err(m.error);
    // Each part is an open item of the invoice's own sign: no negative instalment
    // of an invoice (nor a positive one of a credit note), no empty instalment.
    if (toDecimal(m.value).comparedTo(0) !== sign) {
      const side = sign > 0 ? 'above zero' : sign < 0 ? 'below zero, as the total' : 'zero';
      const reason = `instalment amount ${m.value.amount} must be ${side}`;
      return err(receivablesError('invalid_terms', { reason }, [...path, 'amount']));
    }
    out.push(m.value);
  }
  const given = out.reduce((s, m) => s.plus(m.amount), new Dec(0));
  if (!given.equals(toDecimal(total))) {
    const written = formatAmount(given, digits);
    const reason = `instalment amounts add up to ${written}, not the total ${total.amount}`;
    return err(receivablesError('invalid_terms', { reason }, ['terms', 'instalments']));
  }
  return ok(out);
}

/**
 * Splits an invoice total into its instalments, exactly: the parts always add up to
 * the total. Terms that are not instalments give one part, the whole total.
 *
 * @param total - the amount due (EN 16931 BT-115); negative for a credit note
 * @param terms - the payment terms, validated here
 * @param options - issue date (for due dates and offers), policy, calendar, currencies
 *
 * @example
 * const thirds = { kind: 'instalments', instalments: ['33.34', '33.33', '33.33'].map(
 *   (percent) => ({ percent, terms: { kind: 'net', days: 30 } })) } as const;
 * instalmentSchedule(money('5.47', 'EUR'), thirds).map((s) => s.map((p) => p.amount.amount))
 * //=> Ok(['1.83', '1.82', '1.82'])
 */
export function instalmentSchedule(
  total: Money,
  terms: PaymentTerms,
  options: InstalmentScheduleOptions = {},
): Result<readonly ScheduledInstalment[], ScheduleError> {
  const checked = readOptions(total, options);
  if (checked.isErr()) return err(checked.error);
  const { digits, issue } = checked.value;

  return validatePaymentTerms(terms, ['terms']).andThen((valid) =>
    businessDayAdjuster(options).andThen((adjust) =>
      amounts(total, valid, options, digits).andThen((parts) => {
        const all = valid.kind === 'instalments' ? valid.instalments.map((p) => p.terms) : [valid];
        const out: ScheduledInstalment[] = [];
        for (const [index, amount] of parts.entries()) {
          const partTerms = all[index]!;
          const path =
            valid.kind === 'instalments' ? ['terms', 'instalments', index, 'terms'] : ['terms'];
          let due: IsoDate | null = null;
          let discounts: DiscountOffer[] = [];
          if (issue !== null) {
            const adjusted = checkedDueDate(issue, partTerms, path).andThen((d) =>
              adjust(d, issue),
            );
            if (adjusted.isErr()) return err(adjusted.error);
            due = adjusted.value;
            const offers = checkedOffers(issue, partTerms, amount, undefined, path);
            if (offers.isErr()) return err(offers.error);
            discounts = offers.value;
          }
          out.push({ index, amount, terms: partTerms, dueDate: due, discounts });
        }
        return ok(out);
      }),
    ),
  );
}

const POLICIES: readonly InstalmentPolicy[] = ['largest-remainder', 'last-absorbs'];

/** Checks the total's shape, currency and amount, the policy and the issue date. */
function readOptions(
  total: Money,
  options: InstalmentScheduleOptions,
): Result<{ digits: number; issue: IsoDate | null }, ScheduleError> {
  if (typeof options !== 'object' || options === null) {
    return err(inputError([], 'expected an options object'));
  }
  const shape = moneyShape(total, ['total']);
  if (shape.isErr()) return err(shape.error);
  const currency = currencyOf(total.currency, options.currencies, ['total', 'currency']);
  if (currency.isErr()) return err(currency.error);
  const amount = parseDecimal(total.amount, ['total', 'amount']);
  if (amount.isErr()) return err(amount.error);
  if (options.policy !== undefined && !POLICIES.includes(options.policy)) {
    const known = POLICIES.join(' or ');
    const reason = `unknown instalment policy ${inputText(options.policy)}; use ${known}`;
    return err(receivablesError('invalid_policy', { reason }, ['policy']));
  }
  if (options.issueDate === undefined)
    return ok({ digits: currency.value.minorUnits, issue: null });
  return parseIsoDate(options.issueDate, ['issueDate']).map((issue) => ({
    digits: currency.value.minorUnits,
    issue,
  }));
}
