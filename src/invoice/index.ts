/**
 * Invoice calculation per EN 16931-1: lines, allowances, charges, the VAT breakdown
 * and the document totals.
 *
 * @module
 */

export type { CalculateInvoiceOptions } from './calculate.js';
export { calculateCheckedInvoice, calculateExactInvoice, calculateInvoice } from './calculate.js';
export { isZeroTaxCategory, RATE_LIMIT_PERCENT } from './categories.js';
export { invoiceInputSchema, VAT_CATEGORIES } from './schema.js';
export type * from './types.js';
