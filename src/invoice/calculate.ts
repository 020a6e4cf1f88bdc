/**
 * EN 16931-1 invoice calculation: line net amounts, document allowances and charges,
 * the VAT breakdown per category and rate, and the document totals BT-106 to BT-115.
 * Amounts are rounded to the currency's minor unit (EN 16931 says two decimals; JPY
 * has none, KWD three). Currency conversion (BT-6, BT-111) is left out; see
 * docs/conformance.md for the rules that are and are not checked.
 *
 * @module
 */
import { err, ok, type Result } from 'neverthrow';
import { fromZodError, type ReceivablesError } from '../errors/index.js';
import { ISO_CURRENCIES } from '../money/currency.js';
import { checkCategoryMix, checkExemptionReasons } from './categories.js';
import { calculateFast, copyExemptionReason } from './fast.js';
import { divideRounded, formatUnits } from './fixed.js';
import { isInvoiceInput } from './guard.js';
import { type CalculateInvoiceOptions, type PreparedInvoice, prepareInvoice } from './prepare.js';
import { invoiceInputSchema, VAT_CATEGORIES } from './schema.js';
import { computeTax, type GroupTax, type ItemTax } from './tax.js';
import type {
  AllowanceChargeResult,
  InvoiceCalculation,
  InvoiceInput,
  LineResult,
  VatBreakdown,
  VatCategory,
} from './types.js';

export type { CalculateInvoiceOptions } from './prepare.js';

const CATEGORY_ORDER = new Map(VAT_CATEGORIES.map((c, i) => [c, i]));

function byCategoryAndRate(a: GroupTax, b: GroupTax): number {
  const c = CATEGORY_ORDER.get(a.category)! - CATEGORY_ORDER.get(b.category)!;
  if (c !== 0) return c;
  const scale = Math.max(a.rate.scale, b.rate.scale);
  const x = a.rate.units * 10n ** BigInt(scale - a.rate.scale);
  const y = b.rate.units * 10n ** BigInt(scale - b.rate.scale);
  return x === y ? 0 : x < y ? -1 : 1;
}

function build(invoice: PreparedInvoice, input: InvoiceInput): InvoiceCalculation {
  const { items, groups } = computeTax(invoice);
  const fmt = (units: bigint) => formatUnits(units, invoice.minorUnits);
  const showTax = invoice.policy === 'line' || invoice.inclusive;

  const lineTaxes = items.get('line')!;
  const lines: LineResult[] = invoice.lines.map((l, i) => {
    const t = lineTaxes[i]!;
    const base = {
      id: l.id ?? String(i + 1),
      vatCategory: l.category,
      vatRatePercent: l.rateKey,
      netAmount: fmt(t.net),
    };
    return showTax ? { ...base, taxAmount: fmt(t.tax), grossAmount: fmt(t.net + t.tax) } : base;
  });
  const documentItem =
    (taxes: readonly ItemTax[], charge: boolean) =>
    (item: PreparedInvoice['lines'][number], i: number): AllowanceChargeResult => ({
      charge,
      vatCategory: item.category,
      vatRatePercent: item.rateKey,
      amount: fmt(taxes[i]!.net),
      ...(item.reason === undefined ? {} : { reason: item.reason }),
    });
  const allowances = invoice.allowances.map(documentItem(items.get('allowance')!, false));
  const charges = invoice.charges.map(documentItem(items.get('charge')!, true));

  const reasons = input.exemptionReasons ?? {};
  const vatBreakdown: VatBreakdown[] = [...groups].sort(byCategoryAndRate).map((g) => {
    const reason = reasons[g.category];
    return {
      vatCategory: g.category,
      vatRatePercent: g.rateKey,
      taxableAmount: fmt(g.taxable),
      taxAmount: fmt(g.tax),
      ...(reason === undefined ? {} : { exemptionReason: copyExemptionReason(reason) }),
    };
  });

  const sum = (xs: readonly ItemTax[]) => xs.reduce((s, x) => s + x.net, 0n);
  const lineExtension = sum(lineTaxes);
  const allowanceTotal = sum(items.get('allowance')!);
  const chargeTotal = sum(items.get('charge')!);
  const taxExclusive = lineExtension - allowanceTotal + chargeTotal;
  const tax = groups.reduce((s, g) => s + g.tax, 0n);
  const taxInclusive = taxExclusive + tax;
  const beforeRounding = taxInclusive - invoice.prepaid;
  const rounding = invoice.cash
    ? divideRounded(beforeRounding, invoice.cash.increment, invoice.cash.mode) *
        invoice.cash.increment -
      beforeRounding
    : 0n;

  return {
    currency: invoice.currency,
    typeCode: invoice.typeCode,
    taxRounding: invoice.policy,
    lines,
    allowances,
    charges,
    vatBreakdown,
    totals: {
      lineExtensionAmount: fmt(lineExtension),
      allowanceTotalAmount: fmt(allowanceTotal),
      chargeTotalAmount: fmt(chargeTotal),
      taxExclusiveAmount: fmt(taxExclusive),
      taxAmount: fmt(tax),
      taxInclusiveAmount: fmt(taxInclusive),
      prepaidAmount: fmt(invoice.prepaid),
      payableRoundingAmount: fmt(rounding),
      amountDue: fmt(beforeRounding + rounding),
    },
  };
}

/**
 * Computes an invoice or credit note per EN 16931: validates the input, computes
 * each line's net amount, the VAT breakdown and the document totals. Signs are
 * kept as given: negative lines reduce the totals. With a rounding mode that treats
 * both signs alike (`half-up`, the default, `half-even`, `half-down`, `up`, `down`),
 * a document whose every quantity and amount is negated comes out as the exact
 * negative; `ceiling` and `floor` round towards one side, so there it need not (1 x
 * 0.005 at S 19 % with `ceiling` is due 0.02, with quantity -1 it is due 0.00).
 *
 * @param input - the invoice (checked with {@link invoiceInputSchema})
 * @param options - the currency registry to use (ISO 4217 by default)
 *
 * @example
 * calculateInvoice({
 *   currency: 'EUR',
 *   lines: [
 *     { id: '1', quantity: '3', unitNetPrice: '45.00', vatCategory: 'S', vatRatePercent: '21' },
 *   ],
 *   allowances: [{ amount: '60.00', vatCategory: 'S', vatRatePercent: '21', reason: 'Discount' }],
 * }).map((c) => [c.vatBreakdown[0]?.taxableAmount, c.totals.taxAmount, c.totals.amountDue])
 * //=> Ok(['75.00', '15.75', '90.75'])
 */
export function calculateInvoice(
  input: unknown,
  options: CalculateInvoiceOptions = {},
): Result<InvoiceCalculation, ReceivablesError> {
  // The hand-written check accepts only what the schema accepts; zod runs when it
  // refuses, to write the error report (or to accept a shape it was too strict for).
  if (isInvoiceInput(input)) return calculateCheckedInvoice(input, options);
  const parsed = invoiceInputSchema.safeParse(input);
  if (!parsed.success) return err(fromZodError(parsed.error));
  return calculateCheckedInvoice(parsed.data, options);
}

/**
 * {@link calculateInvoice} for input that has already passed {@link invoiceInputSchema}
 * (or was built by this library's readers): skips the schema step, keeps every other
 * check. For bulk runs over trusted, typed data; a malformed decimal string here is
 * programmer misuse and throws. It takes the safe-integer fast path where it can and
 * falls back to {@link calculateExactInvoice}, which gives the same result.
 *
 * @example
 * calculateCheckedInvoice({
 *   currency: 'JPY',
 *   pricesIncludeTax: true,
 *   lines: [
 *     { id: '1', quantity: '1', unitNetPrice: '50000', vatCategory: 'S', vatRatePercent: '10' },
 *   ],
 * }).map((c) => [c.totals.lineExtensionAmount, c.totals.taxAmount])
 * //=> Ok(['45455', '4545'])
 */
export function calculateCheckedInvoice(
  input: InvoiceInput,
  options: CalculateInvoiceOptions = {},
): Result<InvoiceCalculation, ReceivablesError> {
  const currency = (options.currencies ?? ISO_CURRENCIES).get(input.currency);
  const fast = currency === undefined ? undefined : calculateFast(input, currency);
  return fast === undefined ? calculateExactInvoice(input, options) : ok(fast);
}

/**
 * {@link calculateCheckedInvoice} in exact `bigint` arithmetic only, without the
 * safe-integer fast path: the reference the fast path is tested against, and what
 * runs for tax-inclusive prices, amounts past 2^53 minor units and every refused input.
 *
 * @example
 * calculateExactInvoice({
 *   currency: 'EUR',
 *   lines: [{ id: '1', netAmount: '10.00', vatCategory: 'S', vatRatePercent: '19' }],
 * }).map((c) => c.totals.amountDue)
 * //=> Ok('11.90')
 */
export function calculateExactInvoice(
  input: InvoiceInput,
  options: CalculateInvoiceOptions = {},
): Result<InvoiceCalculation, ReceivablesError> {
  const prepared = prepareInvoice(input, options);
  if (prepared.isErr()) return err(prepared.error);
  const used = new Set<VatCategory>();
  for (const list of [prepared.value.lines, prepared.value.allowances, prepared.value.charges]) {
    for (const item of list) used.add(item.category);
  }
  const mix = checkCategoryMix(used);
  if (mix.isErr()) return err(mix.error);
  const reasons = checkExemptionReasons(used, input.exemptionReasons ?? {});
  if (reasons.isErr()) return err(reasons.error);
  return ok(build(prepared.value, input));
}
