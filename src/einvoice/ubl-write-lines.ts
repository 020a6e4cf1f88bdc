/**
 * The line-level parts of a written UBL 2.1 document: invoice or credit note lines
 * (BG-25) with their price details (BG-29) and line allowances and charges (BG-27,
 * BG-28), document allowances and charges (BG-20, BG-21), and VAT categories.
 *
 * @module
 */
import { formatUnits } from '../invoice/fixed.js';
import { lineAllowanceChargeAmounts } from '../invoice/prepare.js';
import type {
  AllowanceChargeResult,
  DocumentAllowanceChargeInput,
  InvoiceInput,
  InvoiceLineInput,
  LineAllowanceChargeInput,
  LineResult,
} from '../invoice/types.js';
import { Dec } from '../money/decimal.js';
import { element, parent } from './xml-write.js';

/** What every part of one document shares: its currency, minor units and line names. */
export interface UblContext {
  readonly currency: string;
  readonly minorUnits: number;
  readonly credit: boolean;
  readonly input: InvoiceInput;
}

/** An amount element with its currency (`currencyID` is mandatory on every amount). */
export const amount = (ctx: UblContext, name: string, value: string | undefined): string =>
  element(name, value, { currencyID: ctx.currency });

/**
 * A VAT category (`cac:TaxCategory` or `cac:ClassifiedTaxCategory`); category O has no
 * rate (BR-O-05), the others always state theirs, 0 included.
 */
export function taxCategory(
  name: string,
  category: string,
  ratePercent: string | undefined,
  reason: readonly string[] = [],
): string {
  return parent(name, [
    element('cbc:ID', category),
    element('cbc:Percent', category === 'O' ? undefined : (ratePercent ?? '0')),
    ...reason,
    parent('cac:TaxScheme', [element('cbc:ID', 'VAT')]),
  ]);
}

function allowanceCharge(
  ctx: UblContext,
  charge: boolean,
  item: LineAllowanceChargeInput,
  amountText: string,
  baseText: string | undefined,
  tax = '',
): string {
  const percent = item.amount === undefined ? item.percent : undefined;
  return parent('cac:AllowanceCharge', [
    element('cbc:ChargeIndicator', String(charge)),
    element('cbc:AllowanceChargeReasonCode', item.reasonCode),
    element('cbc:AllowanceChargeReason', item.reason),
    element('cbc:MultiplierFactorNumeric', percent),
    amount(ctx, 'cbc:Amount', amountText),
    amount(ctx, 'cbc:BaseAmount', percent === undefined ? item.baseAmount : baseText),
    tax,
  ]);
}

/**
 * Document allowances or charges, each with its computed amount and, for a percentage,
 * its base: the given one, else the sum of the line amounts of its VAT group.
 */
export function documentAllowanceCharges(
  ctx: UblContext,
  items: readonly DocumentAllowanceChargeInput[],
  results: readonly AllowanceChargeResult[],
  lines: readonly LineResult[],
): string[] {
  return items.map((item, i) => {
    const result = results[i]!;
    const groupBase = lines
      .filter((l) => l.vatCategory === result.vatCategory)
      .filter((l) => new Dec(l.vatRatePercent).equals(result.vatRatePercent))
      .reduce((s, l) => s.plus(l.netAmount), new Dec(0));
    const base = item.baseAmount ?? groupBase.toFixed(ctx.minorUnits);
    const tax = taxCategory('cac:TaxCategory', result.vatCategory, result.vatRatePercent);
    return allowanceCharge(ctx, result.charge, item, result.amount, base, tax);
  });
}

/**
 * Quantity, price and line allowances as stated. A priced line of a tax-exclusive
 * invoice is written as given; a line given by its net amount, or priced with tax
 * included, states its net amount as the price of its whole quantity (base quantity
 * = quantity), so that quantity x price / base quantity is the line net (R120).
 */
function pricing(ctx: UblContext, line: InvoiceLineInput, result: LineResult): string[] {
  const quantityName = ctx.credit ? 'cbc:CreditedQuantity' : 'cbc:InvoicedQuantity';
  const quantity = (value: string) => element(quantityName, value, { unitCode: 'C62' });
  const mode = ctx.input.roundingMode ?? 'half-up';
  const parts =
    line.netAmount === undefined && ctx.input.pricesIncludeTax !== true
      ? lineAllowanceChargeAmounts(line, ctx.minorUnits, mode)
      : undefined;

  if (parts === undefined || parts.isErr()) {
    const net = new Dec(result.netAmount);
    const given = new Dec(line.quantity ?? '0');
    const sameSign = !given.isZero() && (net.isZero() || net.isNegative() === given.isNegative());
    const count = sameSign ? given : new Dec(net.isNegative() ? -1 : 1);
    return [
      quantity(count.toFixed()),
      amount(ctx, 'cbc:LineExtensionAmount', result.netAmount),
      '',
      parent('cac:Price', [
        amount(ctx, 'cbc:PriceAmount', net.abs().toFixed(ctx.minorUnits)),
        element('cbc:BaseQuantity', count.abs().equals(1) ? undefined : count.abs().toFixed()),
      ]),
    ];
  }

  const { base, charges, allowances } = parts.value;
  const fmt = (units: bigint) => formatUnits(units, ctx.minorUnits);
  const baseText = fmt(base);
  const own = [
    ...(line.charges ?? []).map((c, i) =>
      allowanceCharge(ctx, true, c, fmt(charges[i]!), baseText),
    ),
    ...(line.allowances ?? []).map((a, i) =>
      allowanceCharge(ctx, false, a, fmt(allowances[i]!), baseText),
    ),
  ];
  const gross = line.unitNetPrice === undefined ? line.unitGrossPrice : undefined;
  const discount = line.priceDiscount ?? '0';
  const netPrice = line.unitNetPrice ?? new Dec(gross ?? '0').minus(discount).toFixed();
  return [
    quantity(line.quantity ?? '0'),
    amount(ctx, 'cbc:LineExtensionAmount', result.netAmount),
    own.join('\n'),
    parent('cac:Price', [
      amount(ctx, 'cbc:PriceAmount', netPrice),
      element('cbc:BaseQuantity', line.priceBaseQuantity, { unitCode: 'C62' }),
      gross === undefined
        ? ''
        : parent('cac:AllowanceCharge', [
            element('cbc:ChargeIndicator', 'false'),
            amount(ctx, 'cbc:Amount', discount),
            amount(ctx, 'cbc:BaseAmount', gross),
          ]),
    ]),
  ];
}

/** One `cac:InvoiceLine` or `cac:CreditNoteLine`, elements in the order UBL 2.1 sets. */
export function ublLine(ctx: UblContext, line: InvoiceLineInput, result: LineResult): string {
  const [quantity, extension, own, price] = pricing(ctx, line, result);
  return parent(ctx.credit ? 'cac:CreditNoteLine' : 'cac:InvoiceLine', [
    element('cbc:ID', result.id),
    quantity!,
    extension!,
    own!,
    parent('cac:Item', [
      element('cbc:Name', line.itemName ?? `Line ${result.id}`),
      taxCategory('cac:ClassifiedTaxCategory', result.vatCategory, result.vatRatePercent),
    ]),
    price!,
  ]);
}
