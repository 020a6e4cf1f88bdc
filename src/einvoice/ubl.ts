/**
 * OASIS UBL 2.1 Invoice and CreditNote (as profiled by EN 16931-1 / CEN/TS 16931-3-2)
 * to the invoice model: lines with their stated net amounts (BT-131) and price
 * details, allowances and charges, and the stated VAT breakdown and totals. Parties,
 * payment means, references and attachments are not read.
 *
 * @module
 */
import type { ErrorPath } from '../errors/index.js';
import type { StatedTotals, StatedVatBreakdown } from './types.js';
import { attribute, child, children, decimal, text, type XmlNode } from './xml.js';

/** An allowance or charge as written: `charge` says which. */
export interface RawAllowanceCharge {
  readonly charge: boolean;
  readonly amount?: string;
  readonly baseAmount?: string;
  readonly percent?: string;
  readonly reason?: string;
  readonly reasonCode?: string;
  readonly vatCategory?: string;
  readonly vatRatePercent?: string;
}

/** A document as the syntax-specific reader hands it to `readEInvoice`. */
export interface RawDocument {
  readonly id?: string;
  readonly issueDate?: string;
  readonly typeCode?: string;
  readonly currency?: string;
  readonly lines: readonly Record<string, unknown>[];
  readonly allowancesCharges: readonly RawAllowanceCharge[];
  readonly stated: StatedTotals;
  /**
   * The element path a stated figure was read from, for error reports: a field of
   * `stated`, or of its `index`-th VAT breakdown.
   */
  readonly statedPath: (field: string, index?: number) => ErrorPath;
}

/** Drops the keys whose value is undefined, so that the result is JSON round-trip safe. */
export function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function allowanceCharge(node: XmlNode, taxCategory: string): RawAllowanceCharge {
  return defined({
    charge: text(node, 'ChargeIndicator')?.toLowerCase() === 'true',
    amount: decimal(node, 'Amount'),
    baseAmount: decimal(node, 'BaseAmount'),
    percent: decimal(node, 'MultiplierFactorNumeric'),
    reason: text(node, 'AllowanceChargeReason'),
    reasonCode: text(node, 'AllowanceChargeReasonCode'),
    vatCategory: text(node, taxCategory, 'ID'),
    vatRatePercent: decimal(node, taxCategory, 'Percent'),
  });
}

function line(node: XmlNode, quantityName: string): Record<string, unknown> {
  const price = child(node, 'Price');
  const priceDiscount = child(price, 'AllowanceCharge');
  const own = children(node, 'AllowanceCharge').map((a) => allowanceCharge(a, 'TaxCategory'));
  const info = (a: RawAllowanceCharge) =>
    defined({ amount: a.amount, percent: a.percent, baseAmount: a.baseAmount, reason: a.reason });
  return defined({
    id: text(node, 'ID'),
    itemName: text(node, 'Item', 'Name'),
    quantity: decimal(node, quantityName),
    unitNetPrice: decimal(price, 'PriceAmount'),
    unitGrossPrice: decimal(priceDiscount, 'BaseAmount'),
    priceDiscount: decimal(priceDiscount, 'Amount'),
    priceBaseQuantity: decimal(price, 'BaseQuantity'),
    allowances: own.filter((a) => !a.charge).map(info),
    charges: own.filter((a) => a.charge).map(info),
    netAmount: decimal(node, 'LineExtensionAmount'),
    vatCategory: text(node, 'Item', 'ClassifiedTaxCategory', 'ID'),
    vatRatePercent: decimal(node, 'Item', 'ClassifiedTaxCategory', 'Percent'),
  });
}

function breakdown(subtotal: XmlNode): StatedVatBreakdown {
  const code = text(subtotal, 'TaxCategory', 'TaxExemptionReasonCode');
  const reason = text(subtotal, 'TaxCategory', 'TaxExemptionReason');
  return defined({
    vatCategory: text(subtotal, 'TaxCategory', 'ID') ?? '',
    vatRatePercent: decimal(subtotal, 'TaxCategory', 'Percent'),
    taxableAmount: decimal(subtotal, 'TaxableAmount'),
    taxAmount: decimal(subtotal, 'TaxAmount'),
    exemptionReason:
      code === undefined && reason === undefined ? undefined : defined({ code, text: reason }),
  });
}

/** The elements of `cac:LegalMonetaryTotal`, by the field of {@link StatedTotals}. */
const TOTALS: Readonly<Record<string, string>> = {
  lineExtensionAmount: 'LineExtensionAmount',
  allowanceTotalAmount: 'AllowanceTotalAmount',
  chargeTotalAmount: 'ChargeTotalAmount',
  taxExclusiveAmount: 'TaxExclusiveAmount',
  taxInclusiveAmount: 'TaxInclusiveAmount',
  prepaidAmount: 'PrepaidAmount',
  payableRoundingAmount: 'PayableRoundingAmount',
  amountDue: 'PayableAmount',
};

const BREAKDOWN: Readonly<Record<string, readonly string[]>> = {
  taxableAmount: ['TaxableAmount'],
  taxAmount: ['TaxAmount'],
  vatRatePercent: ['TaxCategory', 'Percent'],
};

/** Reads a UBL Invoice or CreditNote root element. */
export function readUbl(root: XmlNode, credit: boolean): RawDocument {
  const currency = text(root, 'DocumentCurrencyCode');
  // A second TaxTotal may state the VAT in the accounting currency (BT-111).
  const taxTotals = children(root, 'TaxTotal');
  const taxTotal =
    taxTotals.find((t) => attribute(child(t, 'TaxAmount'), 'currencyID') === currency) ??
    taxTotals[0];
  const totals = child(root, 'LegalMonetaryTotal');
  const stated: StatedTotals = defined({
    ...Object.fromEntries(Object.entries(TOTALS).map(([k, name]) => [k, decimal(totals, name)])),
    taxAmount: decimal(taxTotal, 'TaxAmount'),
    vatBreakdown: children(taxTotal, 'TaxSubtotal').map(breakdown),
  });
  const rootName = credit ? 'CreditNote' : 'Invoice';
  const tax = [rootName, 'TaxTotal', Math.max(0, taxTotals.indexOf(taxTotal!))];
  const statedPath = (field: string, index?: number): ErrorPath => {
    if (index !== undefined) return [...tax, 'TaxSubtotal', index, ...(BREAKDOWN[field] ?? [])];
    return field === 'taxAmount'
      ? [...tax, 'TaxAmount']
      : [rootName, 'LegalMonetaryTotal', TOTALS[field] ?? field];
  };
  const lineName = credit ? 'CreditNoteLine' : 'InvoiceLine';
  const quantityName = credit ? 'CreditedQuantity' : 'InvoicedQuantity';
  return defined({
    id: text(root, 'ID'),
    issueDate: text(root, 'IssueDate'),
    typeCode:
      text(root, credit ? 'CreditNoteTypeCode' : 'InvoiceTypeCode') ?? (credit ? '381' : '380'),
    currency,
    lines: children(root, lineName).map((l) => line(l, quantityName)),
    allowancesCharges: children(root, 'AllowanceCharge').map((a) =>
      allowanceCharge(a, 'TaxCategory'),
    ),
    stated,
    statedPath,
  });
}
