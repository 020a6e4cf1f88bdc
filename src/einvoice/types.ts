/**
 * What the e-invoice readers return: the invoice as calculation input, and the
 * figures the document itself states, so that a reader can check the one against
 * the other.
 *
 * @module
 */
import type { ExemptionReason, InvoiceInput } from '../invoice/types.js';

/** One VAT breakdown (BG-23) as the document states it. */
export interface StatedVatBreakdown {
  readonly vatCategory: string;
  /** BT-119; absent for category O in some documents. */
  readonly vatRatePercent?: string;
  /** BT-116. */
  readonly taxableAmount?: string;
  /** BT-117. */
  readonly taxAmount?: string;
  readonly exemptionReason?: ExemptionReason;
}

/** The document totals (BG-22) and breakdown as stated; absent terms stay absent. */
export interface StatedTotals {
  readonly lineExtensionAmount?: string;
  readonly allowanceTotalAmount?: string;
  readonly chargeTotalAmount?: string;
  readonly taxExclusiveAmount?: string;
  readonly taxAmount?: string;
  readonly taxInclusiveAmount?: string;
  readonly prepaidAmount?: string;
  readonly payableRoundingAmount?: string;
  readonly amountDue?: string;
  readonly vatBreakdown: readonly StatedVatBreakdown[];
}

/** Which syntax and document type a file was. */
export type EInvoiceSyntax = 'UBL' | 'CII';

/** A read e-invoice: calculation input (lines at their stated net amounts) and stated totals. */
export interface EInvoice {
  readonly syntax: EInvoiceSyntax;
  /** Root element: `Invoice`, `CreditNote` (UBL) or `CrossIndustryInvoice` (CII). */
  readonly document: string;
  readonly input: InvoiceInput;
  readonly stated: StatedTotals;
}
