/**
 * Early-payment discounts ("2/10, 1/20 net 30"): the offers an invoice carries and
 * the discount a payment on a given day earns. A tier's last day is the issue date
 * (or, with `from: 'end-of-month'`, the end of the invoice month) plus its days,
 * inclusive, and is not moved onto a business day (as in most accounting systems; a
 * host that moves them can adjust the offers). No tier may end after the due date.
 * The discount is the tier's percentage of the base its terms name (`gross` or
 * `net`), rounded to the minor unit half-up unless another mode is asked for. Left
 * out: the VAT correction a discount on a taxed amount implies; the invoice module
 * owns VAT.
 *
 * @module
 */
import { err, ok, type Result } from 'neverthrow';
import { type ErrorOf, type ErrorPath, receivablesError } from '../errors/index.js';
import type { Money } from '../money/amount.js';
import { inputText, parseDecimal } from '../money/decimal.js';
import {
  dateParts,
  type IsoDate,
  invariantDate,
  makeDate,
  parseIsoDate,
  tryAddDays,
} from './date.js';
import { checkedDueDate } from './due-date.js';
import {
  type DiscountOptions,
  type EarnedDiscount,
  type EarnedError,
  earnedDiscount,
} from './earned-discount.js';
import { inputError, isRecord, moneyShape } from './guards.js';
import { validatePaymentTerms } from './schema.js';
import type { DiscountOffer, PaymentTerms, SimplePaymentTerms } from './types.js';

/** The day tier days count from: the issue date, or the end of the invoice month. */
function tierStart(issueDate: IsoDate, terms: SimplePaymentTerms): IsoDate {
  if (terms.discount?.from !== 'end-of-month') return issueDate;
  const { year, month } = dateParts(issueDate);
  return makeDate(year, month, 31);
}

/**
 * The offers of simple terms that are already validated, on the base the terms name
 * (`net` without a net amount leaves `baseAmount` out). {@link discountOffers} is the
 * checked entry point; here a tier ending after 9999-12-31 throws an `InvariantError`.
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
  const start = tierStart(issueDate, terms);
  return offerList(terms, gross, net, (days) =>
    invariantDate(tryAddDays(start, days), 'A discount tier'),
  );
}

function offerList(
  terms: SimplePaymentTerms,
  gross: Money,
  net: Money | undefined,
  until: (days: number, index: number) => IsoDate,
): DiscountOffer[] {
  const discount = terms.discount;
  if (!discount) return [];
  const base = discount.base === 'net' ? net : gross;
  return discount.tiers.map((t, i) => ({
    until: until(t.days, i),
    percent: t.percent,
    ...(base ? { baseAmount: base.amount } : {}),
  }));
}

/**
 * {@link offersFor}, checked against the due date: a tier that ends after the terms'
 * (unadjusted) due date, or after 9999-12-31, is an `invalid_terms` error at the
 * tier's days under `path` (where the terms sit in the input).
 *
 * @example
 * checkedOffers('2024-03-25', { kind: 'end-of-month', months: 0, discount: { base: 'gross',
 *   tiers: [{ days: 10, percent: '2' }] } }, money('50.00', 'EUR')).isErr() // 4 April > 31 March
 * //=> true
 */
export function checkedOffers(
  issueDate: IsoDate,
  terms: SimplePaymentTerms,
  gross: Money,
  net?: Money,
  path: ErrorPath = ['terms'],
): Result<DiscountOffer[], ErrorOf<'invalid_terms'>> {
  const due = checkedDueDate(issueDate, terms, path);
  if (due.isErr()) return err(due.error);
  const start = tierStart(issueDate, terms);
  let problem: ErrorOf<'invalid_terms'> | undefined;
  const offers = offerList(terms, gross, net, (days, i) => {
    const until = tryAddDays(start, days);
    if (problem === undefined && (until === undefined || until > due.value)) {
      const reason =
        until === undefined
          ? 'the discount period ends after 9999-12-31, the last date supported'
          : `the discount period ends on ${until}, after the due date ${due.value}`;
      problem = receivablesError('invalid_terms', { reason }, [
        ...path,
        'discount',
        'tiers',
        i,
        'days',
      ]);
    }
    return until ?? due.value;
  });
  return problem ? err(problem) : ok(offers);
}

/** The amounts of an invoice that a discount may be computed on. */
export interface DiscountAmounts {
  /** Amount payable including VAT (EN 16931 BT-112 or BT-115). */
  readonly grossAmount: Money;
  /** Amount without VAT (BT-109); needed when the terms' base is `net`. */
  readonly netAmount?: Money;
}

type OfferError = ErrorOf<
  'invalid_date' | 'invalid_input' | 'invalid_terms' | 'currency_mismatch' | 'invalid_amount'
>;

function readAmounts(amounts: unknown): Result<DiscountAmounts, OfferError> {
  if (!isRecord(amounts)) return err(inputError([], 'expected { grossAmount, netAmount? }'));
  const gross = moneyShape(amounts.grossAmount, ['grossAmount']);
  if (gross.isErr()) return err(gross.error);
  const grossAmount = gross.value;
  const g = parseDecimal(grossAmount.amount, ['grossAmount', 'amount']);
  if (g.isErr()) return err(g.error);
  if (amounts.netAmount === undefined) return ok({ grossAmount });

  const net = moneyShape(amounts.netAmount, ['netAmount']);
  if (net.isErr()) return err(net.error);
  const netAmount = net.value;
  if (netAmount.currency !== grossAmount.currency) {
    const details = {
      expected: inputText(grossAmount.currency),
      actual: inputText(netAmount.currency),
    };
    return err(receivablesError('currency_mismatch', details, ['netAmount', 'currency']));
  }
  const n = parseDecimal(netAmount.amount, ['netAmount', 'amount']);
  return n.isErr() ? err(n.error) : ok({ grossAmount, netAmount });
}

/**
 * The early-payment discounts of an invoice as the ledger stores them
 * (`LedgerInvoice.discounts`), earliest first, each with its base amount filled in.
 * A tier that would end after the due date is an `invalid_terms` error.
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
  return readAmounts(amounts).andThen(({ grossAmount, netAmount }) =>
    parseIsoDate(issueDate, ['issueDate']).andThen((issue) =>
      validatePaymentTerms(terms, ['terms']).andThen((valid) => {
        if (valid.kind === 'instalments') {
          const reason = 'instalment terms offer discounts per instalment: see instalmentSchedule';
          return err(receivablesError('invalid_terms', { reason }, ['terms']));
        }
        if (valid.discount?.base === 'net' && !netAmount) {
          const reason = 'the discount base is net, so the net amount is needed';
          return err(receivablesError('invalid_terms', { reason }, ['netAmount']));
        }
        return checkedOffers(issue, valid, grossAmount, netAmount);
      }),
    ),
  );
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
): Result<EarnedDiscount, OfferError | EarnedError> {
  if (!isRecord(invoice)) return err(inputError([], 'expected { issueDate, terms, grossAmount }'));
  return discountOffers(invoice.issueDate, invoice.terms, invoice).andThen((offers) =>
    earnedDiscount(offers, invoice.grossAmount, paymentDate, options),
  );
}
