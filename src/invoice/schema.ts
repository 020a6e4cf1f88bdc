/**
 * The zod schema of {@link InvoiceInput}: shape and string formats only. Rules that
 * need the currency or the VAT category (decimals of an amount, rates per category,
 * exemption reasons) are checked by `prepareInvoice`, with EN 16931 rule ids.
 *
 * @module
 */
import { z } from 'zod';
import { ROUNDING_MODES } from '../money/decimal.js';
import { isIsoDate } from '../terms/date.js';
import { isNetOfGross } from './fixed.js';
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

const PLAIN_DECIMAL = /^[+-]?\d+(\.\d+)?$/;
const isPlainDecimal = (value: string | undefined) =>
  value !== undefined && PLAIN_DECIMAL.test(value);
const decimal = z.string().regex(PLAIN_DECIMAL, 'expected a plain decimal string such as "12.50"');
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
  )
  .superRefine((l, ctx) => {
    // Where the prices make the line amount, a net price must follow from the gross.
    const { netAmount, unitNetPrice: net, unitGrossPrice: gross, priceDiscount } = l;
    // zod may run this check on a line whose fields failed: compare only plain decimals.
    if (netAmount !== undefined || !isPlainDecimal(net) || !isPlainDecimal(gross)) return;
    if (priceDiscount !== undefined && !isPlainDecimal(priceDiscount)) return;
    if (isNetOfGross(net!, gross!, priceDiscount)) return;
    const minus = `unitGrossPrice ${gross} - priceDiscount ${priceDiscount ?? '0'}`;
    const message = `unitNetPrice ${net} is not ${minus} (PEPPOL-EN16931-R046)`;
    ctx.addIssue({ code: 'custom', path: ['unitNetPrice'], message });
    ctx.addIssue({ code: 'custom', path: ['unitGrossPrice'], message });
  });

/** Own keys, `__proto__` included (JSON.parse makes it one), must all be VAT categories. */
const categoryKeys = z.unknown().superRefine((value, ctx) => {
  if (typeof value !== 'object' || value === null) return;
  for (const key of Object.keys(value)) {
    if ((VAT_CATEGORIES as readonly string[]).includes(key)) continue;
    ctx.addIssue({ code: 'custom', path: [key], message: `unknown VAT category "${key}"` });
  }
});

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
  issueDate: z.string().refine(isIsoDate, 'expected a calendar date as YYYY-MM-DD').optional(),
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
  exemptionReasons: categoryKeys.pipe(z.partialRecord(category, exemptionReason)).optional(),
  taxRounding: z.enum(['document', 'line']).optional(),
  roundingMode: mode.optional() as z.ZodType<InvoiceInput['roundingMode']>,
});
