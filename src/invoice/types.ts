/**
 * The invoice model of EN 16931-1 as far as the calculation needs it: lines, price
 * details, allowances and charges, VAT categories and rates, and the document totals
 * (business terms BT-106 to BT-131). Parties, references, dates and payment means are
 * not part of the calculation and are left to the ledger and the e-invoice readers.
 *
 * @module
 */
import type { RoundingMode } from '../money/decimal.js';

/**
 * VAT category codes of EN 16931 (UNCL 5305 subset): S standard, Z zero rated,
 * E exempt, AE reverse charge, K intra-community supply, G export, O outside the
 * scope of VAT, L Canary Islands IGIC, M Ceuta and Melilla IPSI, B Italian split payment.
 */
export type VatCategory = 'S' | 'Z' | 'E' | 'AE' | 'K' | 'G' | 'O' | 'L' | 'M' | 'B';

/** How VAT is rounded: once per (category, rate) group (EN 16931) or on every line. */
export type TaxRoundingPolicy = 'document' | 'line';

/** A line allowance or charge (BG-27 / BG-28): a fixed amount or a percentage of a base. */
export interface LineAllowanceChargeInput {
  /** Amount in the invoice currency (BT-136 / BT-141); wins over `percent`. */
  readonly amount?: string;
  /** Percentage of `baseAmount` (BT-138 / BT-143), e.g. `"10"`. */
  readonly percent?: string;
  /** Base of the percentage (BT-137 / BT-142); the line's quantity x price if absent. */
  readonly baseAmount?: string;
  /** Reason text (BT-139 / BT-144). */
  readonly reason?: string;
  /** Reason code (BT-140 / BT-145). */
  readonly reasonCode?: string;
}

/** A document-level allowance or charge (BG-20 / BG-21), with its own VAT category. */
export interface DocumentAllowanceChargeInput extends LineAllowanceChargeInput {
  /** VAT category of the allowance or charge (BT-95 / BT-102). */
  readonly vatCategory: VatCategory;
  /** VAT rate (BT-96 / BT-103); may be omitted for zero-tax categories. */
  readonly vatRatePercent?: string;
}

/** An invoice line (BG-25). Give either `netAmount` or `quantity` with a price. */
export interface InvoiceLineInput {
  /** Line id (BT-126). */
  readonly id: string;
  /** Item name (BT-153). */
  readonly itemName?: string;
  /** Invoiced quantity (BT-129); negative for a returned or corrected quantity. */
  readonly quantity?: string;
  /** Item net price (BT-146): the price after the price discount. */
  readonly unitNetPrice?: string;
  /** Item gross price (BT-148): the price before the price discount. */
  readonly unitGrossPrice?: string;
  /** Price discount (BT-147), taken off the gross price. */
  readonly priceDiscount?: string;
  /** How many units the price is for (BT-149), default 1. */
  readonly priceBaseQuantity?: string;
  /** Line allowances (BG-27), taken off the line amount. */
  readonly allowances?: readonly LineAllowanceChargeInput[];
  /** Line charges (BG-28), added to the line amount. */
  readonly charges?: readonly LineAllowanceChargeInput[];
  /**
   * The agreed line net amount (BT-131), used as it is: for lines copied from a
   * received document. Quantity, price and line allowances are then information only.
   */
  readonly netAmount?: string;
  /** VAT category of the item (BT-151). */
  readonly vatCategory: VatCategory;
  /** VAT rate (BT-152); may be omitted for zero-tax categories. */
  readonly vatRatePercent?: string;
}

/** The reason a VAT category carries no tax (BT-120 text, BT-121 code). */
export interface ExemptionReason {
  readonly code?: string;
  readonly text?: string;
}

/** Rounding of the amount due to a cash increment (e.g. CHF 0.05), giving BT-114. */
export interface CashRounding {
  /** The increment, e.g. `"0.05"`; a multiple of the currency's minor unit. */
  readonly increment: string;
  /** Rounding mode; `half-up` by default. */
  readonly mode?: RoundingMode;
}

/** What {@link calculateInvoice} takes: an invoice or credit note to be computed. */
export interface InvoiceInput {
  readonly id?: string;
  readonly number?: string;
  /** Issue date (BT-2), `YYYY-MM-DD`. */
  readonly issueDate?: string;
  /** Document type (BT-3): `380` invoice (default), `381` credit note. */
  readonly typeCode?: string;
  /** Invoice currency (BT-5), ISO 4217. */
  readonly currency: string;
  readonly lines: readonly InvoiceLineInput[];
  /** Document-level allowances (BG-20). */
  readonly allowances?: readonly DocumentAllowanceChargeInput[];
  /** Document-level charges (BG-21). */
  readonly charges?: readonly DocumentAllowanceChargeInput[];
  /** Amount already paid (BT-113). */
  readonly prepaidAmount?: string;
  /** Cash rounding of the amount due (BT-114). */
  readonly cashRounding?: CashRounding;
  /** True when every price and amount includes VAT (the gross the customer sees). */
  readonly pricesIncludeTax?: boolean;
  /** Exemption reasons per VAT category (BT-120 / BT-121); E, AE, K, G, O need one. */
  readonly exemptionReasons?: Readonly<Partial<Record<VatCategory, ExemptionReason>>>;
  /** `document` (EN 16931, default) or `line` (tax rounded on each line). */
  readonly taxRounding?: TaxRoundingPolicy;
  /** Rounding mode of line amounts, allowances and tax; `half-up` by default. */
  readonly roundingMode?: RoundingMode;
}

/** A computed line: its net amount (BT-131), and its tax where the policy defines one. */
export interface LineResult {
  readonly id: string;
  readonly vatCategory: VatCategory;
  readonly vatRatePercent: string;
  readonly netAmount: string;
  /** Tax of the line: with `line` rounding, or tax-inclusive prices. */
  readonly taxAmount?: string;
  /** Net + tax of the line, where `taxAmount` is given. */
  readonly grossAmount?: string;
}

/** A computed document allowance or charge (net amount, BT-92 / BT-99). */
export interface AllowanceChargeResult {
  readonly charge: boolean;
  readonly vatCategory: VatCategory;
  readonly vatRatePercent: string;
  readonly amount: string;
  readonly reason?: string;
}

/** One VAT breakdown (BG-23) per category and rate. */
export interface VatBreakdown {
  readonly vatCategory: VatCategory;
  readonly vatRatePercent: string;
  /** BT-116: line nets + charges - allowances of the group. */
  readonly taxableAmount: string;
  /** BT-117. */
  readonly taxAmount: string;
  readonly exemptionReason?: ExemptionReason;
}

/** The document totals (BG-22). */
export interface InvoiceTotals {
  /** BT-106: sum of line net amounts. */
  readonly lineExtensionAmount: string;
  /** BT-107: sum of document allowances. */
  readonly allowanceTotalAmount: string;
  /** BT-108: sum of document charges. */
  readonly chargeTotalAmount: string;
  /** BT-109 = BT-106 - BT-107 + BT-108. */
  readonly taxExclusiveAmount: string;
  /** BT-110: sum of the breakdown's tax amounts. */
  readonly taxAmount: string;
  /** BT-112 = BT-109 + BT-110. */
  readonly taxInclusiveAmount: string;
  /** BT-113. */
  readonly prepaidAmount: string;
  /** BT-114. */
  readonly payableRoundingAmount: string;
  /** BT-115 = BT-112 - BT-113 + BT-114. */
  readonly amountDue: string;
}

/** What {@link calculateInvoice} returns. Amounts are strings in the currency's minor units. */
export interface InvoiceCalculation {
  readonly currency: string;
  readonly typeCode: string;
  readonly taxRounding: TaxRoundingPolicy;
  readonly lines: readonly LineResult[];
  readonly allowances: readonly AllowanceChargeResult[];
  readonly charges: readonly AllowanceChargeResult[];
  readonly vatBreakdown: readonly VatBreakdown[];
  readonly totals: InvoiceTotals;
}
