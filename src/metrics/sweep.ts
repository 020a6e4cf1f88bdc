/**
 * Receivables at many dates in one pass over the dated changes of a
 * {@link LedgerIndex}: the changes are put into the gap between reporting dates
 * where they take effect, applied in date order, and at each reporting date every
 * customer's position is read off. Amounts stay in integer minor units throughout.
 *
 * An open item counts as current on a date when its due date is that date or later
 * (zero or fewer days past due), else as past due. Unapplied cash and credit is
 * netted against the customer's own items, past-due items first (oldest debt is what
 * a payment on account settles), so that current receivables are what remains of
 * the not-yet-due items.
 *
 * @module
 */
import { err, ok, type Result } from 'neverthrow';
import { type ErrorOf, receivablesError } from '../errors/index.js';
import { addUnits, formatUnits, subUnits, type Units } from '../ledger/units.js';
import type { LedgerIndex } from './index-ledger.js';

/** Every customer's receivables on one date, in minor units, indexed like `customerIds`. */
export interface Positions {
  readonly day: number;
  /** Open amount of principal items not yet due. */
  readonly current: Units[];
  /** Open amount of principal items past due. */
  readonly pastDue: Units[];
  /** Unapplied cash plus unapplied credit. */
  readonly unapplied: Units[];
  /** Open amount of every item (principal and charges), indexed like `itemIds`. */
  readonly itemOpen: readonly Units[];
}

function firstAtOrAfter(days: readonly number[], day: number): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (days[mid]! < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function buckets(ix: LedgerIndex, days: readonly number[]): Int32Array[] {
  const n = ix.changeDay.length;
  const slot = new Int32Array(n);
  const counts = new Int32Array(days.length + 1);
  for (let i = 0; i < n; i++) {
    const k = firstAtOrAfter(days, ix.changeDay[i]!);
    slot[i] = k;
    counts[k]! += 1;
  }
  const out = Array.from(counts.slice(0, days.length), (c) => new Int32Array(c));
  const fill = new Int32Array(days.length);
  for (let i = 0; i < n; i++) {
    const k = slot[i]!;
    if (k < days.length) out[k]![fill[k]!++] = i;
  }
  return out;
}

function overallocated(ix: LedgerIndex, kind: string, id: string, left: Units) {
  const mu = ix.scope.minorUnits;
  const details = { available: '0', requested: formatUnits(-left, mu) };
  return receivablesError('overallocation', details, [kind, id]);
}

function read(
  ix: LedgerIndex,
  day: number,
  itemOpen: readonly Units[],
  sourceLeft: readonly Units[],
): Result<Positions, ErrorOf<'overallocation'>> {
  const n = ix.customerIds.length;
  const current: Units[] = new Array(n).fill(0);
  const pastDue: Units[] = new Array(n).fill(0);
  const unapplied: Units[] = new Array(n).fill(0);
  for (let i = 0; i < itemOpen.length; i++) {
    const open = itemOpen[i]!;
    if (open === 0 || open === 0n) continue;
    if (open < 0) return err(overallocated(ix, 'items', ix.itemIds[i]!, open));
    if (ix.itemPrincipal[i] === 0) continue;
    const c = ix.itemCustomer[i]!;
    if (ix.itemDue[i]! >= day) current[c] = addUnits(current[c]!, open);
    else pastDue[c] = addUnits(pastDue[c]!, open);
  }
  for (let s = 0; s < sourceLeft.length; s++) {
    const left = sourceLeft[s]!;
    if (left === 0 || left === 0n) continue;
    if (left < 0) return err(overallocated(ix, 'sources', ix.sourceIds[s]!, left));
    const c = ix.sourceCustomer[s]!;
    unapplied[c] = addUnits(unapplied[c]!, left);
  }
  return ok({ day, current, pastDue, unapplied, itemOpen });
}

/**
 * Calls `visit` with every customer's position at the end of each reporting day.
 *
 * @param ix - the indexed ledger
 * @param days - reporting days (day numbers), ascending, no repeats
 * @param visit - receives the positions of `days[k]` and `k`; must not keep `itemOpen`
 */
export function sweepPositions(
  ix: LedgerIndex,
  days: readonly number[],
  visit: (positions: Positions, k: number) => void,
): Result<true, ErrorOf<'overallocation'>> {
  const itemOpen: Units[] = new Array(ix.itemIds.length).fill(0);
  const sourceLeft: Units[] = new Array(ix.sourceIds.length).fill(0);
  const gaps = buckets(ix, days);
  for (const [k, day] of days.entries()) {
    for (const i of gaps[k]!) {
      const t = ix.changeTarget[i]!;
      const amount = ix.changeAmount[i]!;
      if (t >= 0) itemOpen[t] = addUnits(itemOpen[t]!, amount);
      else sourceLeft[-1 - t] = addUnits(sourceLeft[-1 - t]!, amount);
    }
    const positions = read(ix, day, itemOpen, sourceLeft);
    if (positions.isErr()) return err(positions.error);
    visit(positions.value, k);
  }
  return ok(true);
}

/** A customer's receivables after netting unapplied money, oldest debt first. */
export interface NettedPosition {
  /** Open items minus unapplied cash and credit (negative when the business owes). */
  readonly balance: Units;
  readonly current: Units;
  readonly pastDue: Units;
}

/**
 * Nets a customer's unapplied cash and credit against past-due items first, then
 * current ones; what is left over keeps the balance negative.
 *
 * @example
 * netPosition(100, 50, 70) // 100 current, 50 past due, 70 unapplied
 * //=> { balance: 80, current: 80, pastDue: 0 }
 */
export function netPosition(current: Units, pastDue: Units, unapplied: Units): NettedPosition {
  const balance = subUnits(addUnits(current, pastDue), unapplied);
  if (unapplied === 0 || unapplied === 0n) return { balance, current, pastDue };
  if (unapplied <= pastDue) return { balance, current, pastDue: subUnits(pastDue, unapplied) };
  const rest = subUnits(unapplied, pastDue);
  return { balance, current: rest <= current ? subUnits(current, rest) : 0, pastDue: 0 };
}
