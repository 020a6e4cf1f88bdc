/**
 * The discount a payment earns from the offers an invoice carries (as the ledger
 * stores them, `LedgerInvoice.discounts`): the largest among the offers still open on
 * the payment day, rounded to the minor unit half-up unless another mode is asked for.
 * Offers are outside input here and are checked field by field.
 *
 * @module
 */
import { err, ok, type Result } from 'neverthrow';
import { type ErrorOf, receivablesError } from '../errors/index.js';
import { type CurrencyOptions, formatAmount, type Money } from '../money/amount.js';
import { currencyOf } from '../money/currency.js';
import { Dec, inputText, parseDecimal, type RoundingMode } from '../money/decimal.js';
import { roundDecimal } from '../money/money.js';
import { type IsoDate, parseIsoDate } from './date.js';
import { inputError, isRecord, moneyShape } from './guards.js';
import type { DiscountOffer } from './types.js';

/** The discount a payment earns, and which offer earned it. */
export interface EarnedDiscount {
  /** The tier (offer) that applies, with its position in the list; null when none does. */
  readonly tier: (DiscountOffer & { readonly index: number }) | null;
  /** The discount amount, rounded to the minor unit; zero when no offer applies. */
  readonly discount: Money;
  /** What settles the invoice when paid on that day: gross amount minus discount. */
  readonly amountAfterDiscount: Money;
}

/** Options of {@link discountFor} and {@link earnedDiscount}. */
export interface DiscountOptions extends CurrencyOptions {
  /** Rounding of the discount amount; `half-up` by default. */
  readonly mode?: RoundingMode;
}

export type EarnedError = ErrorOf<
  'invalid_date' | 'invalid_amount' | 'invalid_number' | 'invalid_input' | 'unknown_currency'
>;

/** One stored offer, read: its last day, percentage (above 0, below 100) and base. */
function readOffer(
  offer: unknown,
  index: number,
  grossAmount: string,
): Result<{ until: IsoDate; percent: Dec; base: Dec }, EarnedError> {
  const path = ['offers', index];
  if (!isRecord(offer)) return err(inputError(path, 'expected { until, percent, baseAmount? }'));
  const until = parseIsoDate(offer.until, [...path, 'until']);
  if (until.isErr()) return err(until.error);
  const percent = parseDecimal(offer.percent, [...path, 'percent']);
  if (percent.isErr()) return err(percent.error);
  if (!percent.value.greaterThan(0) || !percent.value.lessThan(100)) {
    const details = {
      input: inputText(offer.percent),
      reason: 'a discount is above 0 and below 100 %',
    };
    return err(receivablesError('invalid_number', details, [...path, 'percent']));
  }
  const base =
    offer.baseAmount === undefined
      ? parseDecimal(grossAmount)
      : parseDecimal(offer.baseAmount, [...path, 'baseAmount']);
  if (base.isErr()) return err(base.error);
  return ok({ until: until.value, percent: percent.value, base: base.value });
}

/**
 * The discount earned by paying on `paymentDate`, from offers as the ledger stores
 * them: the largest discount among offers still open that day (ties to the earlier).
 * A percentage outside 0-100 (exclusive) is an `invalid_number` error, so a discount
 * can never exceed the base or raise the amount.
 *
 * @param offers - the invoice's offers; an offer without `baseAmount` uses the gross
 * @param grossAmount - the invoice's amount payable
 * @param paymentDate - the day the money counts as received
 *
 * @example
 * earnedDiscount([{ until: '2024-03-11', percent: '2' }], money('119.00', 'EUR'), '2024-03-11')
 *   .map((d) => d.discount.amount)
 * //=> Ok('2.38')
 */
export function earnedDiscount(
  offers: readonly DiscountOffer[],
  grossAmount: Money,
  paymentDate: IsoDate,
  options: DiscountOptions = {},
): Result<EarnedDiscount, EarnedError> {
  const shape = moneyShape(grossAmount, ['grossAmount']);
  if (shape.isErr()) return err(shape.error);
  const currency = currencyOf(grossAmount.currency, options.currencies, [
    'grossAmount',
    'currency',
  ]);
  if (currency.isErr()) return err(currency.error);
  const day = parseIsoDate(paymentDate, ['paymentDate']);
  if (day.isErr()) return err(day.error);
  const gross = parseDecimal(grossAmount.amount, ['grossAmount', 'amount']);
  if (gross.isErr()) return err(gross.error);
  if (!Array.isArray(offers)) return err(inputError(['offers'], 'expected a list of offers'));
  const digits = currency.value.minorUnits;

  let best: EarnedDiscount['tier'] = null;
  let bestAmount = new Dec(0);
  for (const [index, offer] of offers.entries()) {
    const read = readOffer(offer, index, grossAmount.amount);
    if (read.isErr()) return err(read.error);
    const { until, percent, base } = read.value;
    if (until < day.value) continue;

    const amount = roundDecimal(base.times(percent).dividedBy(100), digits, options.mode);
    if (best === null || amount.abs().greaterThan(bestAmount.abs())) {
      best = { ...offer, index };
      bestAmount = amount;
    }
  }

  const money = (d: Dec) => ({ amount: formatAmount(d, digits), currency: grossAmount.currency });
  const discount = money(bestAmount);
  return ok({ tier: best, discount, amountAfterDiscount: money(gross.value.minus(bestAmount)) });
}
