/**
 * Cash application inside one unit of work: match new bank transactions (or
 * gateway settlements) against the open items, apply the automatic decisions to
 * the ledger, keep suggestions and unmatched credits for a person, and record
 * every transaction and the import itself. Transactions seen before (by id) and
 * imports seen before (by key: the file's SHA-256) are left alone, so importing
 * the same file twice, or from two engines at once, applies nothing the second time.
 *
 * @module
 */
import { ok, type Result, safeTry } from 'neverthrow';
import type { ReceivablesError } from '../errors/index.js';
import { balancesAsOf } from '../ledger/balances.js';
import { applyMatchesWithReport } from '../matching/apply.js';
import { matchPayments } from '../matching/match.js';
import type { MatchDecision, MatchResult } from '../matching/types.js';
import type { JsonValue, TransactionOutcome } from '../ports/records.js';
import type { StoreSession } from '../ports/store.js';
import type { BankTransaction } from '../statements/types.js';
import type { IsoDate } from '../terms/date.js';
import { loadVersionedLedger, persistLedger } from './persist.js';
import type { ReceivablesDeps } from './types.js';

/** What an import did. */
export interface ImportReport {
  readonly importId: string;
  /** True when this file (or page) had been imported before: nothing was done. */
  readonly alreadyImported: boolean;
  /** Transactions in the input. */
  readonly transactions: number;
  /** Transactions skipped because an earlier import had them. */
  readonly duplicates: number;
  readonly applied: number;
  readonly suggested: number;
  readonly unmatched: number;
  readonly ignored: number;
  /** The matcher's decision for each new transaction, with its reasons. */
  readonly decisions: readonly MatchDecision[];
}

/**
 * The day a matched payment is posted on: the earlier of the booking date and the
 * value date. A value date after the booking date is normal (weekends, cut-off
 * times, cheques), but the bank has booked the money on our account: aging as of the
 * booking day must not show the invoice still open, nor dunning remind it. A value
 * date before the booking date backdates the payment to the day it had value.
 */
const paymentDay = (t: { readonly valueDate: IsoDate; readonly bookingDate: IsoDate }): IsoDate =>
  [t.bookingDate, t.valueDate].sort()[0]!;

/**
 * The decisions as they are posted, and the posting day to apply them at. Applying
 * leaves a transaction dated after the posting day "for later", but this import is
 * recorded and never runs again: so every decision is applied now, at its own date
 * (a report as of an earlier day still ignores it).
 */
function postable(result: MatchResult, asOf: IsoDate): { result: MatchResult; asOf: IsoDate } {
  let last = asOf;
  const decisions = result.decisions.map((d) => {
    const day = paymentDay(d.transaction);
    if (d.status !== 'auto' && d.undo === undefined) return d;
    if (day > last) last = day;
    return d.transaction.valueDate === day
      ? d
      : { ...d, transaction: { ...d.transaction, valueDate: day } };
  });
  return { result: { ...result, decisions }, asOf: last };
}

function outcomeOf(d: MatchDecision, applied: ReadonlySet<string>): TransactionOutcome {
  if (applied.has(d.transactionId)) return 'applied';
  if (d.status === 'suggest') return 'suggested';
  if (d.status === 'ignored') return 'ignored';
  return 'unmatched';
}

/** Ingests transactions under an import key, inside the caller's unit of work. */
export async function ingest(
  s: StoreSession,
  deps: ReceivablesDeps,
  input: {
    readonly key: string;
    readonly source: 'statement' | 'gateway';
    readonly transactions: readonly BankTransaction[];
    readonly asOf: IsoDate;
  },
): Promise<Result<ImportReport, ReceivablesError>> {
  return safeTry(async function* () {
    const previous = yield* await s.imports.list({ key: input.key });
    const empty = { transactions: input.transactions.length, decisions: [], ignored: 0 };
    const counts = { applied: 0, suggested: 0, unmatched: 0 };
    if (previous[0]) {
      const duplicates = input.transactions.length;
      return ok({
        importId: previous[0].id,
        alreadyImported: true,
        duplicates,
        ...empty,
        ...counts,
      });
    }
    const seen = new Set((yield* await s.transactions.list()).map((t) => t.key));
    const fresh = input.transactions.filter((t) => !seen.has(t.id));
    const loaded = yield* await loadVersionedLedger(s);
    const balances = balancesAsOf(loaded.ledger, input.asOf);
    const open = balances.items.filter((i) => i.status === 'open' || i.status === 'partially_paid');
    const result = yield* matchPayments(
      fresh,
      open,
      loaded.ledger.customers,
      deps.policies.matching,
    );
    const posting = postable(result, input.asOf);
    const report = applyMatchesWithReport(loaded.ledger, posting.result, posting.asOf);
    yield* await persistLedger(s, loaded, report.ledger);

    const importId = deps.ids.next('import');
    const now = deps.clock.now().toISOString();
    const applied = new Set(report.applied);
    const skipped = new Map(report.skipped.map((k) => [k.transactionId, k.reason]));
    const byId = new Map(fresh.map((t) => [t.id, t]));
    const tally = { applied: 0, suggested: 0, unmatched: 0, ignored: 0 };
    for (const d of result.decisions) {
      const outcome = outcomeOf(d, applied);
      tally[outcome] += 1;
      const reason = skipped.get(d.transactionId) ?? d.reason;
      const transaction = byId.get(d.transactionId);
      yield* await s.transactions.insert({
        id: deps.ids.next('transaction'),
        key: d.transactionId,
        importId,
        outcome,
        ...(outcome === 'applied' ? {} : { reason }),
      });
      if ((outcome === 'suggested' || outcome === 'unmatched') && transaction) {
        yield* await s.suggestions.insert({
          id: deps.ids.next('suggestion'),
          key: d.transactionId,
          importId,
          transaction,
          decision: d as unknown as JsonValue,
          status: 'pending',
          createdAt: now,
        });
      }
    }
    yield* await s.imports.insert({
      id: importId,
      key: input.key,
      source: input.source,
      importedAt: now,
      transactions: input.transactions.length,
    });
    deps.logger?.info('import_applied', { importId, source: input.source, ...tally });
    return ok({
      importId,
      alreadyImported: false,
      transactions: input.transactions.length,
      duplicates: input.transactions.length - fresh.length,
      ...tally,
      decisions: result.decisions,
    });
  });
}
