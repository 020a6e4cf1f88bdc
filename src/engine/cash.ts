/**
 * The cash-application use cases: import a bank statement file, import the
 * gateway's settlements since the last import (or one webhook), and let a person
 * accept or reject what the matcher only suggested.
 *
 * @module
 */
import { err, ok, type Result, safeTry } from 'neverthrow';
import { type ReceivablesError, receivablesError } from '../errors/index.js';
import { acceptSuggestion as acceptCandidate } from '../matching/apply.js';
import type { MatchDecision } from '../matching/types.js';
import type { Settlement, WebhookRequest } from '../ports/gateway.js';
import type { Stored, SuggestionRecord } from '../ports/records.js';
import { type ReadStatementOptions, readStatement } from '../statements/index.js';
import type { BankTransaction } from '../statements/types.js';
import { calendarDateIn, type IsoDate, isIsoDate } from '../terms/date.js';
import { type ImportReport, ingest } from './ingest.js';
import { loadVersionedLedger, persistLedger } from './persist.js';
import type { ReceivablesDeps } from './types.js';

/** Options of `importStatement`. */
export interface ImportStatementOptions extends ReadStatementOptions {
  /** Posting day; today in UTC by the engine's clock when absent. */
  readonly asOf?: IsoDate;
}

async function sha256(content: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest(
    'SHA-256',
    new TextEncoder().encode(content),
  );
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

const today = (deps: ReceivablesDeps) => calendarDateIn(deps.clock.now(), 'UTC');

/**
 * Reads a statement file (camt.05x, MT940, BAI2; CSV with a mapping) and applies it.
 *
 * @example
 * (await importStatement(deps, camt053)).map((r) => [r.applied, r.suggested])
 * //=> Ok([3, 1])
 */
export async function importStatement(
  deps: ReceivablesDeps,
  content: string,
  options: ImportStatementOptions = {},
): Promise<Result<ImportReport, ReceivablesError>> {
  const { asOf, ...readOptions } = options;
  if (asOf !== undefined && !isIsoDate(asOf)) {
    return err(receivablesError('invalid_date', { input: String(asOf) }, ['asOf']));
  }
  const file = readStatement(content, readOptions);
  if (file.isErr()) return err(file.error);
  const transactions = file.value.statements.flatMap((st) => st.transactions);
  const key = `statement:${await sha256(content)}`;
  return deps.store.transaction(async (s) =>
    ingest(s, deps, { key, source: 'statement', transactions, asOf: asOf ?? today(deps) }),
  );
}

/** A gateway settlement as a bank transaction, so that one matcher serves both. */
export function settlementTransaction(s: Settlement): BankTransaction {
  return {
    id: `gateway:${s.id}`,
    statementId: 'gateway',
    bookingDate: s.date,
    valueDate: s.date,
    amount: s.amount,
    currency: s.currency,
    direction: 'credit',
    reversal: false,
    ...(s.payerName ? { counterpartyName: s.payerName } : {}),
    ...(s.reference ? { remittanceText: s.reference } : {}),
    ...(s.reference?.startsWith('RF')
      ? { structuredReference: { value: s.reference, scheme: 'iso11649' as const, valid: true } }
      : {}),
  };
}

/**
 * Imports the gateway's settlements since the last import and moves the cursor, in
 * one unit of work (a concurrent import by another engine is a `conflict`).
 *
 * @example
 * (await importGatewaySettlements(deps)).map((r) => r.applied)
 * //=> Ok(2)
 */
export async function importGatewaySettlements(
  deps: ReceivablesDeps,
): Promise<Result<ImportReport, ReceivablesError>> {
  const gateway = deps.gateway;
  if (!gateway) return err(receivablesError('not_found', { kind: 'gateway', id: 'gateway' }));
  const cursorRecord = await deps.store.transaction(async (s) => s.cursors.get('gateway'), {
    readOnly: true,
  });
  if (cursorRecord.isErr()) return err(cursorRecord.error);
  const from = cursorRecord.value?.cursor;
  const page = await gateway.listSettlements(from);
  if (page.isErr()) return err(page.error);
  const transactions = page.value.settlements.map(settlementTransaction);
  const key = `gateway:${from ?? ''}..${page.value.cursor}`;
  return deps.store.transaction(async (s) =>
    safeTry(async function* () {
      const report = yield* await ingest(s, deps, {
        key,
        source: 'gateway',
        transactions,
        asOf: today(deps),
      });
      const cursor = { id: 'gateway', cursor: page.value.cursor };
      const current = cursorRecord.value;
      if (current) yield* await s.cursors.update(cursor, current.version);
      else yield* await s.cursors.insert(cursor);
      return ok(report);
    }),
  );
}

/**
 * Verifies a gateway webhook and imports the settlement it announces.
 *
 * @example
 * (await handleGatewayWebhook(deps, { rawBody, headers })).map((r) => r.applied)
 * //=> Ok(1)
 */
export async function handleGatewayWebhook(
  deps: ReceivablesDeps,
  request: WebhookRequest,
): Promise<Result<ImportReport | undefined, ReceivablesError>> {
  if (!deps.gateway) return err(receivablesError('not_found', { kind: 'gateway', id: 'gateway' }));
  const event = await deps.gateway.parseWebhook(request);
  if (event.isErr()) return err(event.error);
  const settlement = event.value.settlement;
  if (!settlement) return ok(undefined);
  const transactions = [settlementTransaction(settlement)];
  const key = `webhook:${event.value.id}`;
  return deps.store.transaction(async (s) =>
    ingest(s, deps, { key, source: 'gateway', transactions, asOf: today(deps) }),
  );
}

/**
 * Suggestions waiting for a person (and unmatched credits), oldest first.
 *
 * @example
 * (await listSuggestions(deps)).map((list) => list.length)
 * //=> Ok(1)
 */
export async function listSuggestions(
  deps: ReceivablesDeps,
): Promise<Result<readonly Stored<SuggestionRecord>[], ReceivablesError>> {
  return deps.store.transaction(async (s) => s.suggestions.list({ status: 'pending' }), {
    readOnly: true,
  });
}

async function resolve(
  deps: ReceivablesDeps,
  suggestionId: string,
  candidate: number | undefined,
): Promise<Result<Stored<SuggestionRecord>, ReceivablesError>> {
  return deps.store.transaction(async (s) =>
    safeTry(async function* () {
      const found = yield* await s.suggestions.get(suggestionId);
      if (!found)
        return err(receivablesError('not_found', { kind: 'suggestion', id: suggestionId }));
      if (found.status !== 'pending') {
        return err(receivablesError('not_allocatable', { id: suggestionId, status: found.status }));
      }
      const { version, ...suggestion } = found;
      const resolvedAt = deps.clock.now().toISOString();
      if (candidate !== undefined) {
        const loaded = yield* await loadVersionedLedger(s);
        const decision = suggestion.decision as unknown as MatchDecision;
        const after = yield* acceptCandidate(loaded.ledger, decision, candidate);
        yield* await persistLedger(s, loaded, after);
        const [tx] = yield* await s.transactions.list({ key: suggestion.key });
        if (tx) {
          const { version: v, reason: _r, ...record } = tx;
          yield* await s.transactions.update({ ...record, outcome: 'applied' }, v);
        }
      }
      const status = candidate === undefined ? 'rejected' : 'accepted';
      return s.suggestions.update({ ...suggestion, status, resolvedAt }, version);
    }),
  );
}

/**
 * Applies candidate `candidate` (0 = the best) of a suggestion.
 *
 * @example
 * (await acceptSuggestion(deps, 'suggestion-1')).map((s) => s.status)
 * //=> Ok('accepted')
 */
export function acceptSuggestion(
  deps: ReceivablesDeps,
  suggestionId: string,
  candidate = 0,
): Promise<Result<Stored<SuggestionRecord>, ReceivablesError>> {
  return resolve(deps, suggestionId, candidate);
}

/**
 * Marks a suggestion as rejected; the money stays unapplied for a person to place.
 *
 * @example
 * (await rejectSuggestion(deps, 'suggestion-1')).map((s) => s.status)
 * //=> Ok('rejected')
 */
export function rejectSuggestion(
  deps: ReceivablesDeps,
  suggestionId: string,
): Promise<Result<Stored<SuggestionRecord>, ReceivablesError>> {
  return resolve(deps, suggestionId, undefined);
}
