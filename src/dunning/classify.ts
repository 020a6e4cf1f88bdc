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
import type { HistoryIndex } from './history.js';
import { addMinor, toMinor } from './minor.js';
import type { DunningPolicy } from './policy.js';
import type { DunningHold, NotReminded } from './types.js';

/** An item that reaches `level` today, having reached `sent` before. */
export interface Candidate {
  readonly item: OpenItem;
  readonly level: number;
  readonly sent: number;
}

/** An overdue item shown in a message without a new level. */
export interface Listed {
  readonly item: OpenItem;
  readonly sent: number;
}

/** The items of one customer and currency, sorted by what happens to them. */
export interface GroupClassification {
  readonly candidates: Candidate[];
  readonly listed: Listed[];
  readonly openCharges: OpenItem[];
  readonly reasons: NotReminded[];
  /** Open minor units of candidates and listed items (undefined: not exact, use Dec). */
  readonly remindedMinor: number | undefined;
}

/** What the classification needs to know besides the items. */
export interface ClassifyContext {
  readonly policy: DunningPolicy;
  readonly index: HistoryIndex;
  readonly holdsByItem: ReadonlyMap<string, readonly DunningHold[]>;
  readonly holdsByCustomer: ReadonlyMap<string, readonly DunningHold[]>;
  /** Day offset from the due date at which each level is due (grace included). */
  readonly levelOffsets: readonly number[];
  readonly dayNumber: (date: IsoDate) => number;
  readonly minorUnits: (currency: string) => number;
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
 * Sorts one customer's items in one currency into candidates, listed items and
 * items left alone with their reason.
 */
export function classifyGroup(
  items: readonly OpenItem[],
  customerId: string,
  today: IsoDate,
  ctx: ClassifyContext,
): GroupClassification {
  const candidates: Candidate[] = [];
  const listed: Listed[] = [];
  const openCharges: OpenItem[] = [];
  const reasons: NotReminded[] = [];
  const todayDay = ctx.dayNumber(today);
  const grace = ctx.policy.graceDays;
  const levels = ctx.policy.levels.length;
  const customerHold = activeHold(ctx.holdsByCustomer.get(customerId), today);
  let remindedMinor: number | undefined = 0;
  const skip = (item: OpenItem, reason: NotReminded['reason'], extra?: Partial<NotReminded>) =>
    reasons.push({ itemId: item.id, customerId, reason, ...extra });

  for (const item of items) {
    if (item.status === 'paid' || item.status === 'written_off' || item.status === 'void') {
      skip(item, item.status);
      continue;
    }
    if (item.kind === 'charge') {
      openCharges.push(item);
      skip(item, 'charge');
      continue;
    }
    const sent = ctx.index.itemLevel.get(item.id) ?? 0;
    const hold = activeHold(ctx.holdsByItem.get(item.id), today) ?? customerHold;
    if (item.disputed || hold?.kind === 'dispute') {
      skip(item, 'disputed', { levelSent: sent, ...(hold ? { until: hold.until } : {}) });
      continue;
    }
    if (hold) {
      skip(item, 'on_hold', { levelSent: sent, hold: hold.kind, until: hold.until });
      continue;
    }
    const dueDay = ctx.dayNumber(item.dueDate);
    const level = sent >= levels ? 0 : targetLevel(ctx, sent, dueDay, todayDay);
    if (level > 0) {
      candidates.push({ item, level, sent });
    } else if (todayDay > dueDay) {
      listed.push({ item, sent });
      const reason =
        sent >= levels
          ? 'max_level_reached'
          : sent === 0 && todayDay <= dueDay + grace
            ? 'in_grace_period'
            : 'level_not_due';
      skip(item, reason, { levelSent: sent });
    } else {
      skip(item, 'not_yet_due', { levelSent: sent });
      continue;
    }
    remindedMinor = addMinor(
      remindedMinor,
      toMinor(item.openAmount, ctx.minorUnits(item.currency)),
    );
  }
  return { candidates, listed, openCharges, reasons, remindedMinor };
}
