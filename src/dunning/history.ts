/**
 * The dunning history: what was sent and charged, action by action. The planner
 * reads it to know each item's level and each customer's last contact, and never
 * plans an action whose key it holds. {@link recordActions} appends a run's actions;
 * recording the same action twice changes nothing.
 *
 * @module
 */
import type { Result } from 'neverthrow';
import { z } from 'zod';
import type { ReceivablesError } from '../errors/index.js';
import type { IsoDate } from '../terms/date.js';
import type { DunningAction } from './types.js';
import { decimalSchema, isoDateSchema, parseWith } from './validate.js';

/** One action carried out: a message sent and the charges posted with it. */
export interface DunningHistoryEntry {
  readonly key: string;
  readonly kind: 'remind' | 'escalate';
  readonly customerId: string;
  readonly currency: string;
  /** The customer's calendar date the action was taken on. */
  readonly date: IsoDate;
  readonly level: number;
  readonly channel: string;
  /** Each item with the level it reached. */
  readonly items: readonly { readonly itemId: string; readonly level: number }[];
  /** Charges posted, by ledger charge id. */
  readonly charges: readonly {
    readonly id: string;
    readonly kind: 'fee' | 'interest' | 'compensation';
    readonly amount: string;
  }[];
}

/** Everything dunning has done so far, oldest first. */
export interface DunningHistory {
  readonly actions: readonly DunningHistoryEntry[];
}

/**
 * A history with nothing in it.
 *
 * @example
 * EMPTY_DUNNING_HISTORY.actions.length
 * //=> 0
 */
export const EMPTY_DUNNING_HISTORY: DunningHistory = Object.freeze({ actions: [] });

const entrySchema = z.strictObject({
  key: z.string().min(1),
  kind: z.enum(['remind', 'escalate']),
  customerId: z.string().min(1),
  currency: z.string().min(1),
  date: isoDateSchema,
  level: z.number().int().min(1),
  channel: z.string(),
  items: z.array(z.strictObject({ itemId: z.string().min(1), level: z.number().int().min(1) })),
  charges: z
    .array(
      z.strictObject({
        id: z.string().min(1),
        kind: z.enum(['fee', 'interest', 'compensation']),
        amount: decimalSchema,
      }),
    )
    .default([]),
});

/**
 * Schema of a dunning history as JSON.
 *
 * @example
 * dunningHistorySchema.safeParse({}).success
 * //=> true
 */
export const dunningHistorySchema: z.ZodType<DunningHistory> = z.strictObject({
  actions: z.array(entrySchema).default([]),
});

/**
 * Reads a dunning history from outside input (JSON).
 *
 * @example
 * parseDunningHistory({ actions: [] }).map((h) => h.actions.length)
 * //=> Ok(0)
 */
export function parseDunningHistory(input: unknown): Result<DunningHistory, ReceivablesError> {
  return parseWith(dunningHistorySchema, input);
}

/**
 * The history with a run's actions appended; actions whose key it already holds are
 * left out, so recording twice is the same as recording once.
 *
 * @param history - what was done before
 * @param actions - actions carried out (sent and posted) in this run
 *
 * @example
 * const once = recordActions(EMPTY_DUNNING_HISTORY, plan.actions);
 * recordActions(once, plan.actions).actions.length === once.actions.length
 * //=> true
 */
export function recordActions(
  history: DunningHistory,
  actions: readonly DunningAction[],
): DunningHistory {
  const keys = new Set(history.actions.map((a) => a.key));
  const added: DunningHistoryEntry[] = [];
  for (const a of actions) {
    if (keys.has(a.key)) continue;
    keys.add(a.key);
    added.push({
      key: a.key,
      kind: a.kind,
      customerId: a.customerId,
      currency: a.currency,
      date: a.date,
      level: a.level,
      channel: a.message.channel,
      items: a.items.map((i) => ({ itemId: i.itemId, level: i.level })),
      charges: a.charges.map((c) => ({ id: c.id, kind: c.kind, amount: c.amount })),
    });
  }
  return added.length === 0 ? history : { actions: [...history.actions, ...added] };
}
