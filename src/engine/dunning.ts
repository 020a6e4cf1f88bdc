/**
 * Running dunning for a day, in one unit of work: plan from the ledger and the
 * recorded history, post the planned fees and interest, record each action in the
 * history, and queue each e-mail reminder in the outbox. Because planning reads
 * the history inside the same unit of work that records it, two engines running
 * the same day (or one engine running every hour) carry out each action once.
 * Actions on other channels (letter, SMS) are recorded and returned for the host.
 *
 * @module
 */
import { err, ok, type Result, safeTry } from 'neverthrow';
import type { DunningHistoryEntry } from '../dunning/history.js';
import { EMPTY_DUNNING_HISTORY, recordActions } from '../dunning/history.js';
import { createMessageRenderer } from '../dunning/messages/render.js';
import { DEFAULT_TEMPLATES } from '../dunning/messages/templates.js';
import { planDunning } from '../dunning/planner.js';
import type { DunningAction, DunningHold, DunningPlan } from '../dunning/types.js';
import { type ReceivablesError, receivablesError } from '../errors/index.js';
import type { JsonValue } from '../ports/records.js';
import { enqueue } from './outbox.js';
import { loadVersionedLedger } from './persist.js';
import type { ReceivablesDeps } from './types.js';

/** Options of `runDunning`. */
export interface RunDunningOptions {
  /** Disputes, promises to pay, payment plans and manual holds the host knows of. */
  readonly holds?: readonly DunningHold[];
}

/** What a dunning run did. */
export interface DunningRunReport {
  readonly asOf: string;
  /** The plan that was carried out, with the reason for every item left alone. */
  readonly plan: DunningPlan;
  /** Reminders queued in the outbox. */
  readonly queued: number;
  /** Fees, interest and compensation charges posted. */
  readonly chargesPosted: number;
  /** Actions the host carries out itself (letters, SMS, customers without e-mail). */
  readonly manual: readonly DunningAction[];
}

const renderer = createMessageRenderer();

/**
 * Carries out the dunning plan for `asOf` (a date, or an instant for customers'
 * own time zones).
 *
 * @example
 * (await runDunning(deps, '2024-03-07')).map((r) => r.queued)
 * //=> Ok(1)
 */
export async function runDunning(
  deps: ReceivablesDeps,
  asOf: string,
  options: RunDunningOptions = {},
): Promise<Result<DunningRunReport, ReceivablesError>> {
  const policy = deps.policies.dunning;
  if (!policy)
    return err(receivablesError('invalid_policy', { reason: 'no dunning policy given' }));
  // Checked before anything is planned: a template the renderer lacks would fail the
  // run at the first reminder, for every customer, on every run.
  const missing = policy.levels.findIndex(
    (l) => l.channel === 'email' && !Object.hasOwn(DEFAULT_TEMPLATES, l.templateId),
  );
  if (missing >= 0) {
    const known = Object.keys(DEFAULT_TEMPLATES).join(', ');
    const id = policy.levels[missing]!.templateId;
    const reason =
      `level ${missing + 1} names template "${id}",` + ` which does not exist (known: ${known})`;
    return err(receivablesError('invalid_policy', { reason }, ['levels', missing, 'templateId']));
  }
  return deps.store.transaction(async (s) =>
    safeTry(async function* () {
      const { ledger } = yield* await loadVersionedLedger(s);
      const recorded = yield* await s.dunningHistory.list();
      const history = { actions: recorded.map((r) => r.entry as unknown as DunningHistoryEntry) };
      const plan = yield* planDunning(ledger, history, policy, asOf, {
        ...(options.holds ? { holds: options.holds } : {}),
      });
      const customers = new Map(ledger.customers.map((c) => [c.id, c]));
      const sender = policy.sender;
      let queued = 0;
      let chargesPosted = 0;
      const manual: DunningAction[] = [];
      for (const action of plan.actions) {
        for (const skipped of action.interestSkipped ?? []) {
          deps.logger?.warn('dunning_interest_skipped', { key: action.key, ...skipped });
        }
        for (const charge of action.charges) {
          yield* await s.charges.insert({ ...charge, actionKey: charge.actionKey ?? action.key });
          chargesPosted += 1;
        }
        const entry = recordActions(EMPTY_DUNNING_HISTORY, [action]).actions[0];
        yield* await s.dunningHistory.insert({
          id: deps.ids.next('dunning'),
          key: action.key,
          customerId: action.customerId,
          asOf: action.date,
          level: action.level,
          itemIds: action.items.map((i) => i.itemId),
          entry: entry as unknown as JsonValue,
        });
        const to = action.message.to ?? customers.get(action.customerId)?.email;
        if (action.message.channel !== 'email' || !to) {
          manual.push(action);
          continue;
        }
        const rendered = yield* renderer.renderDunningMessage(action, {
          fallbackLocale: policy.defaultLocale,
          ...(sender ? { sender } : {}),
        });
        yield* await enqueue(s, deps, {
          key: `dunning:${action.key}`,
          kind: action.kind === 'escalate' ? 'escalation' : 'reminder',
          customerId: action.customerId,
          message: {
            from: deps.policies.from,
            to: [to],
            subject: rendered.subject,
            text: rendered.text,
            html: rendered.html,
          },
        });
        queued += 1;
      }
      deps.logger?.info('dunning_run', {
        asOf,
        actions: plan.actions.length,
        queued,
        chargesPosted,
      });
      return ok({ asOf, plan, queued, chargesPosted, manual });
    }),
  );
}
