/**
 * What a new allocation dated D may take: the least that an item has open, and the
 * least that a payment or credit note has left, on any day from D on. Checking D
 * alone is not enough: an allocation dated later already uses the money, and an
 * allocation undone later held until then.
 *
 * What is committed to an item or source only grows between events, and only drops
 * on the day something stops counting (an undone allocation, a reversed payment), so
 * the least open amount is reached at the end of time or on the eve of such a day:
 * those are the only days replayed. Only the customer's own records are replayed.
 *
 * Internal to the ledger module.
 *
 * @module
 */
import { addDays, type IsoDate } from '../terms/date.js';
import { replayLedger } from './replay.js';
import { itemIdOf, openOf } from './state.js';
import type { Ledger } from './types.js';
import { minUnits, type Units } from './units.js';

/** The last day the replay looks at: "from now on, for ever". */
export const END_OF_TIME: IsoDate = '9999-12-31';

/** Least open per item and least left per source, from a date on. */
export interface Availability {
  readonly open: ReadonlyMap<string, Units>;
  readonly left: ReadonlyMap<string, Units>;
}

/**
 * Least open amount of every item and least unapplied amount of every source of a
 * (customer) ledger on any day from `date` on. A source that stops counting later
 * (a reversed payment) is only looked at while it counts; one that does not count
 * on `date` is absent.
 */
export function availableFrom(ledger: Ledger, date: IsoDate): Availability {
  const days = new Set<IsoDate>([date, END_OF_TIME]);
  const stops = [
    ...ledger.allocations.map((a) => a.reversedOn),
    ...ledger.payments.map((p) => p.reversedOn),
  ];
  for (const day of stops) if (day !== undefined && day > date) days.add(addDays(day, -1));

  const open = new Map<string, Units>();
  const left = new Map<string, Units>();
  const first = replayLedger(ledger, date);
  for (const day of [...days].sort()) {
    const state = day === date ? first : replayLedger(ledger, day);
    const t = state.items;
    for (let i = 0; i < t.count; i++) {
      const id = itemIdOf(t, i);
      const now = openOf(t, i);
      const before = open.get(id);
      open.set(id, before === undefined ? now : minUnits(before, now));
    }
    const s = state.sources;
    for (let k = 0; k < s.count; k++) {
      const id = s.record[k]!.id;
      if (!first.sources.byId.has(id)) continue;
      const now = s.left.get(k);
      const before = left.get(id);
      left.set(id, before === undefined ? now : minUnits(before, now));
    }
  }
  return { open, left };
}
