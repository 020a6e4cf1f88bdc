/**
 * EN 16931 e-invoices: reading UBL 2.1 and UN/CEFACT CII documents into the invoice
 * model, checking the totals they state, and writing UBL 2.1 from a calculation.
 *
 * @module
 */
export { checkStatedTotals, type RuleFinding } from './check.js';
export { type ReadEInvoiceOptions, readEInvoice } from './read.js';
export type * from './types.js';
export { toUblInvoice, type UblInvoiceDetails, type UblParty } from './ubl-write.js';
