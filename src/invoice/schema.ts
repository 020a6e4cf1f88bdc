/**
 * The zod schema of {@link InvoiceInput}: shape and string formats only. Rules that
 * need the currency or the VAT category (decimals of an amount, rates per category,
 * exemption reasons) are checked by `prepareInvoice`, with EN 16931 rule ids.
 *
 * @module
 */
import { z } from 'zod';
import { ROUNDING_MODES } from '../money/decimal.js';
import type { InvoiceInput, VatCategory } from './types.js';

/**
 * The VAT category codes accepted, in the order the breakdown lists them.
 *
 * @example
 * VAT_CATEGORIES.includes('AE')
 * //=> true
 */
export const VAT_CATEGORIES: readonly VatCategory[] = [
  'S',
  'Z',
  'E',
  'AE',
  'K',
  'G',
  'O',
  'L',
  'M',
  'B',
];

const decimal = z
  .string()
  .regex(/^[+-]?\d+(\.\d+)?$/, 'expected a plain decimal string such as "12.50"');
const category = z.enum(VAT_CATEGORIES as [VatCategory, ...VatCategory[]]);
const mode = z.enum(ROUNDING_MODES as [string, ...string[]]);

const allowanceCharge = {
  amount: decimal.optional(),
  percent: decimal.optional(),
  baseAmount: decimal.optional(),
  reason: z.string().optional(),
  reasonCode: z.string().optional(),
};
const needsAmountOrPercent = {
  message: 'an allowance or charge needs an amount or a percent',
};
const hasAmountOrPercent = (a: { amount?: string; percent?: string }) =>
  a.amount !== undefined || a.percent !== undefined;

const lineAllowanceCharge = z
  .object(allowanceCharge)
  .refine(hasAmountOrPercent, needsAmountOrPercent);
const documentAllowanceCharge = z
  .object({ ...allowanceCharge, vatCategory: category, vatRatePercent: decimal.optional() })
  .refine(hasAmountOrPercent, needsAmountOrPercent);

const line = z
  .object({
    id: z.string().min(1),
    itemName: z.string().optional(),
    quantity: decimal.optional(),
    unitNetPrice: decimal.optional(),
    unitGrossPrice: decimal.optional(),
    priceDiscount: decimal.optional(),
    priceBaseQuantity: decimal.optional(),
    allowances: z.array(lineAllowanceCharge).optional(),
    charges: z.array(lineAllowanceCharge).optional(),
    netAmount: decimal.optional(),
    vatCategory: category,
    vatRatePercent: decimal.optional(),
  })
  .refine(
    (l) =>
      l.netAmount !== undefined ||
      (l.quantity !== undefined &&
        (l.unitNetPrice !== undefined || l.unitGrossPrice !== undefined)),
    { message: 'a line needs netAmount, or quantity with unitNetPrice or unitGrossPrice' },
  );

const exemptionReason = z
  .object({ code: z.string().min(1).optional(), text: z.string().min(1).optional() })
  .refine((r) => r.code !== undefined || r.text !== undefined, {
    message: 'an exemption reason needs a code or a text',
  });

/**
 * Schema of an invoice to be computed. Amounts, quantities, prices and rates are
 * plain decimal strings; a JavaScript number is refused.
 *
 * @example
 * invoiceInputSchema.safeParse({ currency: 'EUR', lines: [] }).success
 * //=> false
 */
export const invoiceInputSchema: z.ZodType<InvoiceInput> = z.object({
  id: z.string().optional(),
  number: z.string().optional(),
  issueDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
    .optional(),
  typeCode: z
    .string()
    .regex(/^\d{3}$/, 'expected a 3-digit UNTDID 1001 code such as 380 or 381')
    .optional(),
  currency: z.string().min(1),
  lines: z.array(line).min(1, 'an invoice needs at least one line (BR-16)'),
  allowances: z.array(documentAllowanceCharge).optional(),
  charges: z.array(documentAllowanceCharge).optional(),
  prepaidAmount: decimal.optional(),
  cashRounding: z.object({ increment: decimal, mode: mode.optional() }).optional() as z.ZodType<
    InvoiceInput['cashRounding']
  >,
  pricesIncludeTax: z.boolean().optional(),
  exemptionReasons: z.partialRecord(category, exemptionReason).optional(),
  taxRounding: z.enum(['document', 'line']).optional(),
  roundingMode: mode.optional() as z.ZodType<InvoiceInput['roundingMode']>,
});
