/**
 * The per-item half of the planner: for one customer's items in one currency, which
 * items reach a new level today, which overdue items are only listed, and why every
 * other item is left alone. Dates are compared as day numbers, amounts summed in
 * integer minor units: this loop runs over every open item of the ledger.
 *
 * @module
 */
import type { OpenItem } from '../ledger/types.js';
import type { IsoDate } from '../terms/date.js';
import type { CustomerHistory } from './history-index.js';
import type { PlanItems } from './plan-items.js';
import type { DunningPolicy } from './policy.js';
import type { DunningHold, NotReminded } from './types.js';

/** An item that reaches `level` today, having reached `sent` before. */
export interface Candidate {
  readonly item: OpenItem;
  readonly level: number;
  readonly sent: number;
}

/** The items of one customer and currency that a message would concern. */
export interface GroupClassification {
  readonly candidates: readonly Candidate[];
  /** Overdue items without a new level, shown in the message. */
  readonly listed: readonly OpenItem[];
  readonly openCharges: readonly OpenItem[];
}

/** A group nothing happens to (no candidate, no open charge): one shared answer. */
const NOTHING: GroupClassification = Object.freeze({
  candidates: Object.freeze([]) as readonly Candidate[],
  listed: Object.freeze([]) as readonly OpenItem[],
  openCharges: Object.freeze([]) as readonly OpenItem[],
});

/** What the classification needs to know besides the items. */
export interface ClassifyContext {
  readonly policy: DunningPolicy;
  readonly holdsByItem: ReadonlyMap<string, readonly DunningHold[]>;
  readonly holdsByCustomer: ReadonlyMap<string, readonly DunningHold[]>;
  /** Day offset from the due date at which each level is due (grace included). */
  readonly levelOffsets: readonly number[];
  readonly dayNumber: (date: IsoDate) => number;
  readonly minorUnits: (currency: string) => number;
  /** Room for the listed items' indices of one group, reused (and grown) per group. */
  readonly scratch: { indices: Int32Array };
}

const activeHold = (
  holds: readonly DunningHold[] | undefined,
  today: IsoDate,
): DunningHold | undefined =>
  holds?.find((h) => (h.from ?? '') <= today && (h.until === undefined || today <= h.until));

function targetLevel(ctx: ClassifyContext, sent: number, dueDay: number, todayDay: number) {
  const offsets = ctx.levelOffsets;
  if (ctx.policy.escalation === 'one-level-at-a-time') {
    // A reminder meant for before the due date is skipped once the item is overdue.
    let next = sent;
    while (todayDay > dueDay && next < offsets.length && offsets[next]! <= 0) next++;
    const offset = offsets[next];
    return offset !== undefined && dueDay + offset <= todayDay ? next + 1 : 0;
  }
  let level = 0;
  for (let j = sent; j < offsets.length; j++) if (dueDay + offsets[j]! <= todayDay) level = j + 1;
  return level;
}

/**
 * Sorts one customer's items in one currency into candidates and listed items, and
 * appends every item left alone, with its reason, to `reasons`. The items are
 * `items[order[j]]` for `j` from `from` to before `to` (no array per customer).
 *
 * @example
 * classifyGroup(items, order, 0, 3, 'C1', '2024-02-08', history, ctx, reasons)
 *   .candidates.map((c) => c.item.id)
 * //=> ['INV-3']
 */
export function classifyGroup(
  items: PlanItems,
  order: Int32Array,
  from: number,
  to: number,
  customerId: string,
  today: IsoDate,
  history: CustomerHistory,
  ctx: ClassifyContext,
  reasons: NotReminded[],
): GroupClassification {
  // Most customers have nothing due: no arrays for them. Listed items are noted as
  // indices and become an array only for a group with candidates.
  let candidates: Candidate[] | undefined;
  let openCharges: OpenItem[] | undefined;
  if (ctx.scratch.indices.length < to - from) ctx.scratch.indices = new Int32Array(2 * (to - from));
  const scratch = ctx.scratch.indices;
  let listedCount = 0;
  const todayDay = ctx.dayNumber(today);
  const grace = ctx.policy.graceDays;
  const levels = ctx.policy.levels.length;
  const byCustomer = ctx.holdsByCustomer;
  const customerHold =
    byCustomer.size === 0 ? undefined : activeHold(byCustomer.get(customerId), today);

  for (let j = from; j < to; j++) {
    const i = order[j]!;
    const itemId = items.id(i);
    const levelSent = history.levelOf(itemId);
    const status = items.status(i);
    if (status === 'paid' || status === 'written_off' || status === 'void') {
      reasons.push({ itemId, customerId, reason: status, levelSent });
      continue;
    }
    if (items.isCharge(i)) {
      openCharges ??= [];
      openCharges.push(items.item(i));
      reasons.push({ itemId, customerId, reason: 'charge', levelSent });
      continue;
    }
    const itemHolds = ctx.holdsByItem.size === 0 ? undefined : ctx.holdsByItem.get(itemId);
    const hold = activeHold(itemHolds, today) ?? customerHold;
    const disputed = items.disputed(i);
    if (disputed || hold !== undefined) {
      const reason = disputed || hold?.kind === 'dispute' ? 'disputed' : 'on_hold';
      const detail = hold ? { hold: hold.kind, ...(hold.until ? { until: hold.until } : {}) } : {};
      reasons.push({ itemId, customerId, reason, levelSent, ...detail });
      continue;
    }
    const dueDay = ctx.dayNumber(items.dueDate(i));
    const level = levelSent >= levels ? 0 : targetLevel(ctx, levelSent, dueDay, todayDay);
    if (level > 0) {
      candidates ??= [];
      candidates.push({ item: items.item(i), level, sent: levelSent });
    } else if (todayDay > dueDay) {
      scratch[listedCount++] = i;
      const reason =
        levelSent >= levels
          ? 'max_level_reached'
          : levelSent === 0 && todayDay <= dueDay + grace
            ? 'in_grace_period'
            : 'level_not_due';
      reasons.push({ itemId, customerId, reason, levelSent });
    } else {
      reasons.push({ itemId, customerId, reason: 'not_yet_due', levelSent });
    }
  }
  if (candidates === undefined && openCharges === undefined) return NOTHING;
  const listed: OpenItem[] = [];
  for (let k = 0; k < listedCount; k++) listed.push(items.item(scratch[k]!));
  return { candidates: candidates ?? [], listed, openCharges: openCharges ?? [] };
}
