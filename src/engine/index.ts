/**
 * The engine: use cases that wire the ports (store, mailer, gateway, clock, ids)
 * to the pure core. Start with {@link createReceivables}.
 *
 * @module
 */

export type { ImportStatementOptions } from './cash.js';
export { settlementTransaction } from './cash.js';
export { createReceivables, type Receivables } from './create.js';
export {
  backoffMs,
  type DeliverOutboxOptions,
  type DeliveryReport,
  retryPolicy,
  type UndeliveredMessage,
} from './deliver.js';
export type { DunningRunReport, RunDunningOptions } from './dunning.js';
export type { ImportReport } from './ingest.js';
export { defaultInvoiceNumber } from './issue.js';
export { escapeHtml, renderInvoiceMail } from './render-invoice.js';
export type { StatementOfAccount } from './reports.js';
export type * from './types.js';
