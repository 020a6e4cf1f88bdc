/**
 * EN 16931 e-invoices: reading UBL 2.1 and UN/CEFACT CII documents into the invoice
 * model, and checking the totals they state.
 *
 * @module
 */
export { checkStatedTotals, type RuleFinding } from './check.js';
export { type ReadEInvoiceOptions, readEInvoice } from './read.js';
export type * from './types.js';
