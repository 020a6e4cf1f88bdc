/**
 * Early-payment discounts ("2/10, 1/20 net 30"): the offers an invoice carries and
 * the discount a payment on a given day earns. A tier's last day is the issue date
 * plus its days, inclusive, and is not moved onto a business day (as in most
 * accounting systems; a host that moves them can adjust the offers). The discount is
 * the tier's percentage of the base its terms name (`gross` or `net`), rounded to
 * the minor unit half-up unless another mode is asked for. Left out: the VAT
 * correction a discount on a taxed amount implies; the invoice module owns VAT.
 *
 * @module
 */
import { err, ok, type Result } from 'neverthrow';
import { type ErrorOf, receivablesError } from '../errors/index.js';
import { type CurrencyOptions, formatAmount, type Money } from '../money/amount.js';
import { currencyOf } from '../money/currency.js';
import { Dec, parseDecimal, type RoundingMode } from '../money/decimal.js';
import { roundDecimal } from '../money/money.js';
import { addDays, type IsoDate, parseIsoDate } from './date.js';
import { validatePaymentTerms } from './schema.js';
import type { DiscountOffer, PaymentTerms, SimplePaymentTerms } from './types.js';

/**
 * The offers of simple terms that are already validated, on the base the terms name
 * (`net` without a net amount leaves `baseAmount` out). {@link discountOffers} is the
 * checked entry point.
 *
 * @example
 * offersFor('2024-03-01', { kind: 'net', days: 30, discount: { base: 'gross',
 *   tiers: [{ days: 10, percent: '2' }] } }, money('50.00', 'EUR'))
 * //=> [{ until: '2024-03-11', percent: '2', baseAmount: '50.00' }]
 */
export function offersFor(
  issueDate: IsoDate,
  terms: SimplePaymentTerms,
  gross: Money,
  net?: Money,
): DiscountOffer[] {
  const discount = terms.discount;
  if (!discount) return [];
  const base = discount.base === 'net' ? net : gross;
  return discount.tiers.map((t) => ({
    until: addDays(issueDate, t.days),
    percent: t.percent,
    ...(base ? { baseAmount: base.amount } : {}),
  }));
}

/** The amounts of an invoice that a discount may be computed on. */
export interface DiscountAmounts {
  /** Amount payable including VAT (EN 16931 BT-112 or BT-115). */
  readonly grossAmount: Money;
  /** Amount without VAT (BT-109); needed when the terms' base is `net`. */
  readonly netAmount?: Money;
}

type OfferError = ErrorOf<'invalid_date' | 'invalid_input' | 'invalid_terms' | 'currency_mismatch'>;

/**
 * The early-payment discounts of an invoice as the ledger stores them
 * (`LedgerInvoice.discounts`), earliest first, each with its base amount filled in.
 *
 * @param issueDate - the invoice date
 * @param terms - the invoice's payment terms
 * @param amounts - gross amount, and the net amount when the base is `net`
 *
 * @example
 * const terms = { kind: 'net', days: 30,
 *   discount: { base: 'gross', tiers: [{ days: 10, percent: '2' }] } } as const;
 * discountOffers('2024-03-01', terms, { grossAmount: money('119.00', 'EUR') })
 * //=> Ok([{ until: '2024-03-11', percent: '2', baseAmount: '119.00' }])
 */
export function discountOffers(
  issueDate: IsoDate,
  terms: PaymentTerms,
  amounts: DiscountAmounts,
): Result<readonly DiscountOffer[], OfferError> {
  const { grossAmount, netAmount } = amounts;
  if (netAmount && netAmount.currency !== grossAmount.currency) {
    const details = { expected: grossAmount.currency, actual: netAmount.currency };
    return err(receivablesError('currency_mismatch', details, ['netAmount', 'currency']));
  }
  return parseIsoDate(issueDate, ['issueDate']).andThen((issue) =>
    validatePaymentTerms(terms, ['terms']).andThen((valid) => {
      if (valid.kind === 'instalments') {
        const reason = 'instalment terms offer discounts per instalment: see instalmentSchedule';
        return err(receivablesError('invalid_terms', { reason }, ['terms']));
      }
      if (valid.discount?.base === 'net' && !netAmount) {
        const reason = 'the discount base is net, so the net amount is needed';
        return err(receivablesError('invalid_terms', { reason }, ['netAmount']));
      }
      return ok(offersFor(issue, valid, grossAmount, netAmount));
    }),
  );
}

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

/**
 * The discount earned by paying on `paymentDate`, from offers as the ledger stores
 * them: the largest discount among offers still open that day (ties to the earlier).
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
): Result<EarnedDiscount, ErrorOf<'invalid_date' | 'invalid_amount' | 'unknown_currency'>> {
  const currency = currencyOf(grossAmount.currency, options.currencies, ['grossAmount']);
  if (currency.isErr()) return err(currency.error);
  const day = parseIsoDate(paymentDate, ['paymentDate']);
  if (day.isErr()) return err(day.error);
  const gross = parseDecimal(grossAmount.amount, ['grossAmount', 'amount']);
  if (gross.isErr()) return err(gross.error);
  const digits = currency.value.minorUnits;

  let best: EarnedDiscount['tier'] = null;
  let bestAmount = new Dec(0);
  for (const [index, offer] of offers.entries()) {
    const until = parseIsoDate(offer.until, ['offers', index, 'until']);
    if (until.isErr()) return err(until.error);
    const percent = parseDecimal(offer.percent, ['offers', index, 'percent']);
    if (percent.isErr()) return err(percent.error);
    const base = parseDecimal(offer.baseAmount ?? grossAmount.amount, ['offers', index]);
    if (base.isErr()) return err(base.error);
    if (until.value < day.value) continue;

    const amount = roundDecimal(
      base.value.times(percent.value).dividedBy(100),
      digits,
      options.mode,
    );
    if (best === null || amount.abs().greaterThan(bestAmount.abs())) {
      best = { ...offer, index };
      bestAmount = amount;
    }
  }

  const money = (d: Dec) => ({ amount: formatAmount(d, digits), currency: grossAmount.currency });
  const discount = money(bestAmount);
  return ok({ tier: best, discount, amountAfterDiscount: money(gross.value.minus(bestAmount)) });
}

/** An invoice as {@link discountFor} needs it. */
export interface DiscountInvoice extends DiscountAmounts {
  readonly issueDate: IsoDate;
  readonly terms: PaymentTerms;
}

/**
 * The early-payment discount an invoice grants for a payment on `paymentDate`.
 *
 * @example
 * const terms = { kind: 'net', days: 30, discount: { base: 'gross',
 *   tiers: [{ days: 10, percent: '2' }, { days: 20, percent: '1' }] } } as const;
 * discountFor({ issueDate: '2024-03-01', terms, grossAmount: money('500.00', 'EUR') },
 *   '2024-03-15').map((d) => [d.tier?.percent, d.discount.amount])
 * //=> Ok(['1', '5.00'])
 */
export function discountFor(
  invoice: DiscountInvoice,
  paymentDate: IsoDate,
  options: DiscountOptions = {},
): Result<EarnedDiscount, OfferError | ErrorOf<'invalid_amount' | 'unknown_currency'>> {
  return discountOffers(invoice.issueDate, invoice.terms, invoice).andThen((offers) =>
    earnedDiscount(offers, invoice.grossAmount, paymentDate, options),
  );
}
