/**
 * Reports over the stored ledger: aging, collection metrics, and a customer's
 * statement of account (rendered, and optionally queued to be sent). Each reads
 * the ledger in a read-only unit of work and hands it to the pure core.
 *
 * @module
 */
import { err, ok, type Result, safeTry } from 'neverthrow';
import { ageReceivables } from '../aging/age.js';
import type { AgeReceivablesOptions, AgingReport } from '../aging/types.js';
import { createMessageRenderer, type RenderedMessage } from '../dunning/messages/render.js';
import { type ReceivablesError, receivablesError } from '../errors/index.js';
import { balancesAsOf } from '../ledger/balances.js';
import type { Balances, Ledger } from '../ledger/types.js';
import type { Period } from '../metrics/period.js';
import { collectionMetrics } from '../metrics/report.js';
import type { CollectionMetricsOptions, CollectionMetricsRow } from '../metrics/types.js';
import { type IsoDate, isIsoDate } from '../terms/date.js';
import { loadLedger } from './ledger.js';
import { enqueue } from './outbox.js';
import type { ReceivablesDeps } from './types.js';

/** The stored ledger, read in one read-only unit of work. */
export function readLedger(
  deps: ReceivablesDeps,
  customerId?: string,
): Promise<Result<Ledger, ReceivablesError>> {
  return deps.store.transaction(async (s) => loadLedger(s, customerId), { readOnly: true });
}

/**
 * Aging of the whole ledger as of a date.
 *
 * @example
 * (await agingReport(deps, { asOf: '2024-03-31' })).map((r) => r.total.balance)
 * //=> Ok('1100.00')
 */
export async function agingReport(
  deps: ReceivablesDeps,
  options: AgeReceivablesOptions & { readonly asOf: IsoDate },
): Promise<Result<AgingReport, ReceivablesError>> {
  const ledger = await readLedger(deps);
  return ledger.andThen((l) => ageReceivables(l, options));
}

/**
 * DSO, best possible DSO, CEI and the other metrics per period.
 *
 * @example
 * (await metricsReport(deps, [{ from: '2024-01-01', to: '2024-03-31' }], { currency: 'EUR' }))
 *   .map((rows) => rows.length)
 * //=> Ok(1)
 */
export async function metricsReport(
  deps: ReceivablesDeps,
  periods: readonly Period[],
  options: CollectionMetricsOptions = {},
): Promise<Result<CollectionMetricsRow[], ReceivablesError>> {
  const ledger = await readLedger(deps);
  return ledger.andThen((l) => collectionMetrics(l, periods, options));
}

/** A customer's statement of account. */
export interface StatementOfAccount {
  readonly balances: Balances;
  readonly message: RenderedMessage;
  /** Id of the queued mail when `send` was asked for. */
  readonly outboxId?: string;
}

const renderer = createMessageRenderer();

/**
 * A customer's statement of account as of a date in one currency; with `send`, it is
 * also queued for mail (once per customer, currency and date).
 *
 * @example
 * (await statementOfAccount(deps, 'C1', '2024-03-31', { currency: 'EUR' }))
 *   .map((s) => s.message.subject)
 * //=> Ok('Statement of account …')
 */
export async function statementOfAccount(
  deps: ReceivablesDeps,
  customerId: string,
  asOf: IsoDate,
  options: { readonly currency: string; readonly send?: boolean },
): Promise<Result<StatementOfAccount, ReceivablesError>> {
  if (!isIsoDate(asOf)) {
    return err(receivablesError('invalid_date', { input: String(asOf) }, ['asOf']));
  }
  const sender = deps.policies.dunning?.sender;
  return deps.store.transaction(
    async (s) =>
      safeTry(async function* () {
        const ledger = yield* await loadLedger(s, customerId);
        const customer = ledger.customers[0];
        if (!customer)
          return err(receivablesError('not_found', { kind: 'customer', id: customerId }));
        const balances = balancesAsOf(ledger, asOf);
        const input = { balances, customer, currency: options.currency };
        const fallback = deps.policies.dunning?.defaultLocale;
        const message = yield* renderer.renderStatementOfAccount(input, customer.locale, {
          ...(sender ? { sender } : {}),
          ...(fallback ? { fallbackLocale: fallback } : {}),
        });
        if (!options.send || !customer.email) return ok({ balances, message });
        const key = `statement:${customerId}:${options.currency}:${asOf}`;
        const { language: _language, ...body } = message;
        const existing = yield* await s.outbox.list({ key });
        const queued =
          existing[0] ??
          (yield* await enqueue(s, deps, {
            key,
            kind: 'statement',
            customerId,
            message: { from: deps.policies.from, to: [customer.email], ...body },
          }));
        return ok({ balances, message, outboxId: queued.id });
      }),
    { readOnly: !options.send },
  );
}
