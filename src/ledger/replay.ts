/**
 * The ledger replayed as of a date, in integer minor units: the working state behind
 * `balancesAsOf` and the aging report. One pass per record kind, each record looked
 * up in a Map, so the cost grows linearly with the ledger.
 *
 * Order of application, which only matters for a ledger that is not consistent
 * (one that `applyPayment` would never build): refunds first, each capped at what is
 * left of its source; then allocations in ledger order, each capped at what is left of
 * its source and open on its item; then write-offs in ledger order, capped at what is
 * still open. Whatever did not count is reported as an exception, never dropped.
 *
 * Internal to the ledger and aging modules.
 *
 * @module
 */
import type { IsoDate } from '../terms/date.js';
import { initialState } from './initial-state.js';
import { amountUnits, checkedDate, itemIndex, type LedgerState, openOf, unitsOf } from './state.js';
import type { BalanceException, BalanceExceptionReason, Ledger } from './types.js';
import {
  addUnits,
  formatUnits,
  isZeroUnits,
  minUnits,
  sameUnits,
  subUnits,
  type Units,
} from './units.js';

type Except = (
  kind: BalanceException['kind'],
  id: string,
  reason: BalanceExceptionReason,
  amount: string,
  applied: Units,
  minorUnits: number,
) => void;

function applyRefunds(
  ledger: Ledger,
  state: LedgerState,
  reversed: Set<string>,
  except: Except,
): void {
  const t = state.sources;
  for (const r of ledger.refunds) {
    if (r.date > state.asOf) {
      checkedDate(r.date, 'refund', r.id);
      continue;
    }
    const s = t.byId.get(r.sourceId);
    if (s === undefined) {
      // A refund out of a reversed payment goes with the payment: neither counts.
      if (!reversed.has(r.sourceId)) {
        except('refund', r.id, 'unknown_source', r.amount, 0, unitsOf(r.currency));
      }
      continue;
    }
    const same = r.currency === t.record[s]!.currency;
    const wanted = amountUnits(r.amount, r.currency, 'refund', r.id);
    const applied = same ? minUnits(wanted, t.left.get(s)) : 0;
    t.left.set(s, subUnits(t.left.get(s), applied));
    if (!sameUnits(applied, wanted)) {
      const reason = same ? 'capped' : 'currency_mismatch';
      except('refund', r.id, reason, r.amount, applied, t.minorUnits[s]!);
    }
  }
}

function applyAllocations(
  ledger: Ledger,
  state: LedgerState,
  reversed: Set<string>,
  except: Except,
): void {
  const asOf = state.asOf;
  const checkReversed = reversed.size > 0;
  const items = state.items;
  const sources = state.sources;
  // The allocations of one payment usually come one after the other: keep the last
  // source and item looked up, and look up again only when the id changes.
  let sourceId: string | undefined;
  let s = -1;
  let itemId: string | undefined;
  let i = -1;
  for (const a of ledger.allocations) {
    if (a.date > asOf) {
      checkedDate(a.date, 'allocation', a.id);
      continue;
    }
    const undone = a.reversedOn;
    if (undone !== undefined && checkedDate(undone, 'allocation', a.id) <= asOf) continue;
    if (checkReversed && reversed.has(a.sourceId)) continue;
    if (a.sourceId !== sourceId) {
      sourceId = a.sourceId;
      s = sources.byId.get(sourceId) ?? -1;
    }
    if (a.itemId !== itemId) {
      itemId = a.itemId;
      i = itemIndex(state, itemId);
    }
    let reason: BalanceExceptionReason | undefined;
    if (s < 0) reason = 'unknown_source';
    else if (i < 0) reason = 'unknown_item';
    else if (sources.record[s]!.currency !== items.record[i]!.currency) {
      reason = 'currency_mismatch';
    } else if (sources.record[s]!.customerId !== items.record[i]!.customerId) {
      reason = 'customer_mismatch';
    }
    if (reason !== undefined) {
      const mu = s >= 0 ? sources.minorUnits[s]! : i >= 0 ? items.minorUnits[i]! : 0;
      except('allocation', a.id, reason, a.amount, 0, mu);
      continue;
    }
    const mu = items.minorUnits[i]!;
    const wanted = amountUnits(a.amount, items.record[i]!.currency, 'allocation', a.id, mu);
    const applied = minUnits(wanted, minUnits(openOf(items, i), sources.left.get(s)));
    if (!isZeroUnits(applied)) {
      items.allocated.set(i, addUnits(items.allocated.get(i), applied));
      sources.left.set(s, subUnits(sources.left.get(s), applied));
      const last = items.lastDate[i];
      if (last === undefined || a.date > last) items.lastDate[i] = a.date;
    }
    if (!sameUnits(applied, wanted)) except('allocation', a.id, 'capped', a.amount, applied, mu);
  }
}

function applyWriteOffs(ledger: Ledger, state: LedgerState, except: Except): void {
  const items = state.items;
  for (const w of ledger.writeOffs) {
    if (w.date > state.asOf) {
      checkedDate(w.date, 'write-off', w.id);
      continue;
    }
    const undone = w.reversedOn;
    if (undone !== undefined && checkedDate(undone, 'write-off', w.id) <= state.asOf) continue;
    const i = itemIndex(state, w.itemId);
    if (i < 0) {
      except('write_off', w.id, 'unknown_item', w.amount, 0, 0);
      continue;
    }
    const mu = items.minorUnits[i]!;
    const wanted = amountUnits(w.amount, items.record[i]!.currency, 'write-off', w.id, mu);
    const applied = minUnits(wanted, openOf(items, i));
    if (!isZeroUnits(applied)) {
      items.writtenOff.set(i, addUnits(items.writtenOff.get(i), applied));
      const last = items.lastDate[i];
      if (last === undefined || w.date > last) items.lastDate[i] = w.date;
    }
    if (!sameUnits(applied, wanted)) except('write_off', w.id, 'capped', w.amount, applied, mu);
  }
}

/**
 * Replays the ledger as of `asOf`: only records dated on or before it count, a
 * payment reversed on or before it counts for nothing (nor do its allocations or
 * refunds), and an allocation or write-off undone on or before it no longer holds.
 */
export function replayLedger(ledger: Ledger, asOf: IsoDate): LedgerState {
  const reversed = new Set<string>();
  const state = initialState(ledger, asOf, reversed);
  const except: Except = (kind, id, reason, amount, applied, minorUnits) => {
    const appliedAmount = formatUnits(applied, minorUnits);
    state.exceptions.push({ kind, id, reason, amount, appliedAmount });
  };

  applyRefunds(ledger, state, reversed, except);
  applyAllocations(ledger, state, reversed, except);
  applyWriteOffs(ledger, state, except);
  return state;
}
