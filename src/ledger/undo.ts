/**
 * Undoing an allocation: it stays in the ledger, with the day it stopped counting, so
 * that a report as of an earlier day still shows it. Pure: returns a new ledger.
 *
 * @module
 */
import { err, ok, type Result } from 'neverthrow';
import { type ReceivablesError, receivablesError } from '../errors/index.js';
import { type IsoDate, isIsoDate } from '../terms/date.js';
import type { Allocation, Ledger } from './types.js';

/** What undoing did. */
export interface UndoOutcome {
  /** The new ledger (the same object when everything was undone already). */
  readonly ledger: Ledger;
  /** The allocations undone, with their `reversedOn`. */
  readonly allocations: readonly Allocation[];
}

/**
 * Undoes an allocation, or every allocation of an allocation request, from `date` on:
 * the open item is open again and the money is unapplied again from that day.
 * Undoing an allocation undone before is a no-op that keeps its first date.
 *
 * Errors: `not_found` for an unknown id, `invalid_date` for a date that is not a
 * calendar date or is before the allocation's own date.
 *
 * @param ledger - the ledger
 * @param id - an allocation id or the id of the request that made it
 * @param date - the first day on which it no longer counts
 *
 * @example
 * undoAllocation(ledger, 'A-1', '2026-02-10').map((o) => o.allocations[0]?.reversedOn)
 * //=> Ok('2026-02-10')
 */
export function undoAllocation(
  ledger: Ledger,
  id: string,
  date: IsoDate,
): Result<UndoOutcome, ReceivablesError> {
  if (!isIsoDate(date))
    return err(receivablesError('invalid_date', { input: String(date) }, ['date']));
  const hits = ledger.allocations.filter((a) => a.id === id || a.requestId === id);
  if (hits.length === 0)
    return err(receivablesError('not_found', { kind: 'allocation', id }, ['id']));
  const early = hits.find((a) => a.reversedOn === undefined && date < a.date);
  if (early) return err(receivablesError('invalid_date', { input: date }, ['date']));

  const targets = new Set(hits.filter((a) => a.reversedOn === undefined).map((a) => a.id));
  if (targets.size === 0) return ok({ ledger, allocations: hits });
  const allocations = ledger.allocations.map((a) =>
    targets.has(a.id) ? { ...a, reversedOn: date } : a,
  );
  const undone = allocations.filter((a) => a.id === id || a.requestId === id);
  return ok({ ledger: { ...ledger, allocations }, allocations: undone });
}
