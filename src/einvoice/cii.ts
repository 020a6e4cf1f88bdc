/**
 * UN/CEFACT Cross Industry Invoice D16B (as profiled by EN 16931-1 / CEN/TS 16931-3-3)
 * to the invoice model: lines with their stated net amounts and price details,
 * allowances and charges, and the stated VAT breakdown and totals. Parties, payment
 * means, references and attachments are not read.
 *
 * @module
 */
import type { ErrorPath } from '../errors/index.js';
import type { StatedTotals, StatedVatBreakdown } from './types.js';
import { defined, type RawAllowanceCharge, type RawDocument } from './ubl.js';
import { attribute, child, children, decimal, text, type XmlNode } from './xml.js';

function allowanceCharge(node: XmlNode): RawAllowanceCharge {
  return defined({
    charge: text(node, 'ChargeIndicator', 'Indicator')?.toLowerCase() === 'true',
    amount: decimal(node, 'ActualAmount'),
    baseAmount: decimal(node, 'BasisAmount'),
    percent: decimal(node, 'CalculationPercent'),
    reason: text(node, 'Reason'),
    reasonCode: text(node, 'ReasonCode'),
    vatCategory: text(node, 'CategoryTradeTax', 'CategoryCode'),
    vatRatePercent: decimal(node, 'CategoryTradeTax', 'RateApplicablePercent'),
  });
}

function line(node: XmlNode): Record<string, unknown> {
  const agreement = child(node, 'SpecifiedLineTradeAgreement');
  const gross = child(agreement, 'GrossPriceProductTradePrice');
  const net = child(agreement, 'NetPriceProductTradePrice');
  const settlement = child(node, 'SpecifiedLineTradeSettlement');
  const own = children(settlement, 'SpecifiedTradeAllowanceCharge').map(allowanceCharge);
  const info = (a: RawAllowanceCharge) =>
    defined({ amount: a.amount, percent: a.percent, baseAmount: a.baseAmount, reason: a.reason });
  return defined({
    id: text(node, 'AssociatedDocumentLineDocument', 'LineID'),
    itemName: text(node, 'SpecifiedTradeProduct', 'Name'),
    quantity: decimal(node, 'SpecifiedLineTradeDelivery', 'BilledQuantity'),
    unitNetPrice: decimal(net, 'ChargeAmount'),
    unitGrossPrice: decimal(gross, 'ChargeAmount'),
    priceDiscount: decimal(gross, 'AppliedTradeAllowanceCharge', 'ActualAmount'),
    priceBaseQuantity: decimal(net, 'BasisQuantity') ?? decimal(gross, 'BasisQuantity'),
    allowances: own.filter((a) => !a.charge).map(info),
    charges: own.filter((a) => a.charge).map(info),
    netAmount: decimal(
      settlement,
      'SpecifiedTradeSettlementLineMonetarySummation',
      'LineTotalAmount',
    ),
    vatCategory: text(settlement, 'ApplicableTradeTax', 'CategoryCode'),
    vatRatePercent: decimal(settlement, 'ApplicableTradeTax', 'RateApplicablePercent'),
  });
}

function breakdown(tax: XmlNode): StatedVatBreakdown {
  const code = text(tax, 'ExemptionReasonCode');
  const reason = text(tax, 'ExemptionReason');
  return defined({
    vatCategory: text(tax, 'CategoryCode') ?? '',
    vatRatePercent: decimal(tax, 'RateApplicablePercent'),
    taxableAmount: decimal(tax, 'BasisAmount'),
    taxAmount: decimal(tax, 'CalculatedAmount'),
    exemptionReason:
      code === undefined && reason === undefined ? undefined : defined({ code, text: reason }),
  });
}

/** `20210326` (format 102) to `2021-03-26`; other formats are passed through. */
function isoDate(value: string | undefined): string | undefined {
  return value && /^\d{8}$/.test(value)
    ? `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6)}`
    : value;
}

/** The elements of the header monetary summation, by the field of {@link StatedTotals}. */
const TOTALS: Readonly<Record<string, string>> = {
  lineExtensionAmount: 'LineTotalAmount',
  allowanceTotalAmount: 'AllowanceTotalAmount',
  chargeTotalAmount: 'ChargeTotalAmount',
  taxExclusiveAmount: 'TaxBasisTotalAmount',
  taxInclusiveAmount: 'GrandTotalAmount',
  prepaidAmount: 'TotalPrepaidAmount',
  payableRoundingAmount: 'RoundingAmount',
  amountDue: 'DuePayableAmount',
};

const BREAKDOWN: Readonly<Record<string, string>> = {
  taxableAmount: 'BasisAmount',
  taxAmount: 'CalculatedAmount',
  vatRatePercent: 'RateApplicablePercent',
};

/** Reads a CII CrossIndustryInvoice root element. */
export function readCii(root: XmlNode): RawDocument {
  const document = child(root, 'ExchangedDocument');
  const transaction = child(root, 'SupplyChainTradeTransaction');
  const settlement = child(transaction, 'ApplicableHeaderTradeSettlement');
  const currency = text(settlement, 'InvoiceCurrencyCode');
  const sums = child(settlement, 'SpecifiedTradeSettlementHeaderMonetarySummation');
  // A second TaxTotalAmount may state the VAT in the accounting currency (BT-111).
  const taxTotals = children(sums, 'TaxTotalAmount');
  const taxTotal =
    taxTotals.find((t) => attribute(t, 'currencyID') === currency) ??
    taxTotals.find((t) => attribute(t, 'currencyID') === undefined);
  const stated: StatedTotals = defined({
    ...Object.fromEntries(Object.entries(TOTALS).map(([k, name]) => [k, decimal(sums, name)])),
    taxAmount: decimal({ TaxTotalAmount: taxTotal ? [taxTotal] : [] }, 'TaxTotalAmount'),
    vatBreakdown: children(settlement, 'ApplicableTradeTax').map(breakdown),
  });
  const at = [
    'CrossIndustryInvoice',
    'SupplyChainTradeTransaction',
    'ApplicableHeaderTradeSettlement',
  ];
  const sumsAt = [...at, 'SpecifiedTradeSettlementHeaderMonetarySummation'];
  const statedPath = (field: string, index?: number): ErrorPath => {
    if (index !== undefined) return [...at, 'ApplicableTradeTax', index, BREAKDOWN[field] ?? field];
    return field === 'taxAmount'
      ? [...sumsAt, 'TaxTotalAmount', Math.max(0, taxTotals.indexOf(taxTotal!))]
      : [...sumsAt, TOTALS[field] ?? field];
  };
  return defined({
    id: text(document, 'ID'),
    issueDate: isoDate(text(document, 'IssueDateTime', 'DateTimeString')),
    typeCode: text(document, 'TypeCode'),
    currency,
    lines: children(transaction, 'IncludedSupplyChainTradeLineItem').map(line),
    allowancesCharges: children(settlement, 'SpecifiedTradeAllowanceCharge').map(allowanceCharge),
    stated,
    statedPath,
  });
}
