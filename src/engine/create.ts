/**
 * `createReceivables`: the engine a host runs every day against its own store,
 * mailer and payment provider. Every use case returns a `Result`; every message is
 * written to the outbox in the same unit of work as its cause and sent later by
 * {@link Receivables.deliverOutbox}.
 *
 * @module
 */
import type { Result } from 'neverthrow';
import type { AgeReceivablesOptions, AgingReport } from '../aging/types.js';
import type { ReceivablesError } from '../errors/index.js';
import type { Customer, Ledger } from '../ledger/types.js';
import type { Period } from '../metrics/period.js';
import type { CollectionMetricsOptions, CollectionMetricsRow } from '../metrics/types.js';
import type { WebhookRequest } from '../ports/gateway.js';
import type { Stored, SuggestionRecord } from '../ports/records.js';
import type { IsoDate } from '../terms/date.js';
import {
  acceptSuggestion,
  handleGatewayWebhook,
  type ImportStatementOptions,
  importGatewaySettlements,
  importStatement,
  listSuggestions,
  rejectSuggestion,
} from './cash.js';
import { saveCustomer } from './customers.js';
import { type DeliverOutboxOptions, type DeliveryReport, deliverOutbox } from './deliver.js';
import { type DunningRunReport, type RunDunningOptions, runDunning } from './dunning.js';
import type { ImportReport } from './ingest.js';
import { issueInvoice, issueInvoices } from './issue.js';
import {
  agingReport,
  metricsReport,
  readLedger,
  type StatementOfAccount,
  statementOfAccount,
} from './reports.js';
import type { IssuedInvoice, IssueInvoiceRequest, ReceivablesDeps } from './types.js';

type Async<T> = Promise<Result<T, ReceivablesError>>;

/** The engine's use cases. */
export interface Receivables {
  /** Adds a customer (or updates it at `expectedVersion`). */
  saveCustomer(customer: Customer, expectedVersion?: number): Async<Stored<Customer>>;
  /** Computes, numbers, references, persists and queues one invoice. */
  issueInvoice(request: IssueInvoiceRequest): Async<IssuedInvoice>;
  /** Issues many invoices, `batchSize` (default 500) per unit of work: billing runs. */
  issueInvoices(
    requests: readonly IssueInvoiceRequest[],
    options?: { readonly batchSize?: number },
  ): Async<IssuedInvoice[]>;
  /** Reads and applies a bank statement file; the same file twice applies nothing. */
  importStatement(content: string, options?: ImportStatementOptions): Async<ImportReport>;
  /** Imports the gateway's settlements since the last import. */
  importGatewaySettlements(): Async<ImportReport>;
  /** Verifies a gateway webhook and imports its settlement. */
  handleGatewayWebhook(request: WebhookRequest): Async<ImportReport | undefined>;
  /** Suggestions (and unmatched credits) waiting for a person. */
  listSuggestions(): Async<readonly Stored<SuggestionRecord>[]>;
  /** Applies a suggestion's candidate (0 = best). */
  acceptSuggestion(suggestionId: string, candidate?: number): Async<Stored<SuggestionRecord>>;
  /** Rejects a suggestion. */
  rejectSuggestion(suggestionId: string): Async<Stored<SuggestionRecord>>;
  /** Plans and carries out dunning for a day. */
  runDunning(asOf: string, options?: RunDunningOptions): Async<DunningRunReport>;
  /** Sends due outbox messages and records the outcomes. */
  deliverOutbox(options?: DeliverOutboxOptions): Async<DeliveryReport>;
  /** Aging as of a date. */
  aging(options: AgeReceivablesOptions & { readonly asOf: IsoDate }): Async<AgingReport>;
  /** Collection metrics per period. */
  metrics(
    periods: readonly Period[],
    options?: CollectionMetricsOptions,
  ): Async<CollectionMetricsRow[]>;
  /** A customer's statement of account; `send` queues it for mail. */
  statementOfAccount(
    customerId: string,
    asOf: IsoDate,
    options: { readonly currency: string; readonly send?: boolean },
  ): Async<StatementOfAccount>;
  /** The stored ledger (or one customer's part of it) as plain data. */
  ledger(customerId?: string): Async<Ledger>;
}

/**
 * Creates the engine.
 *
 * @example
 * const engine = createReceivables({ store: createMemoryStore(), mailer, clock: systemClock,
 *   ids: uuidIds, policies: { from: 'billing@example.com' } });
 * (await engine.saveCustomer({ id: 'C1', name: 'Acme' })).isOk()
 * //=> true
 */
export function createReceivables(deps: ReceivablesDeps): Receivables {
  return {
    saveCustomer: (customer, expectedVersion) => saveCustomer(deps, customer, expectedVersion),
    issueInvoice: (request) => issueInvoice(deps, request),
    issueInvoices: (requests, options) => issueInvoices(deps, requests, options),
    importStatement: (content, options) => importStatement(deps, content, options),
    importGatewaySettlements: () => importGatewaySettlements(deps),
    handleGatewayWebhook: (request) => handleGatewayWebhook(deps, request),
    listSuggestions: () => listSuggestions(deps),
    acceptSuggestion: (id, candidate) => acceptSuggestion(deps, id, candidate),
    rejectSuggestion: (id) => rejectSuggestion(deps, id),
    runDunning: (asOf, options) => runDunning(deps, asOf, options),
    deliverOutbox: (options) => deliverOutbox(deps, options),
    aging: (options) => agingReport(deps, options),
    metrics: (periods, options) => metricsReport(deps, periods, options),
    statementOfAccount: (customerId, asOf, options) =>
      statementOfAccount(deps, customerId, asOf, options),
    ledger: (customerId) => readLedger(deps, customerId),
  };
}
