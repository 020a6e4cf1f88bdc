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
import {
  addItems,
  addSources,
  amountUnits,
  type ItemState,
  itemById,
  type LedgerState,
  type SourceState,
  unitsOf,
} from './state.js';
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
  for (const r of ledger.refunds) {
    if (r.date > state.asOf) continue;
    const source = state.sources.get(r.sourceId);
    if (source === undefined) {
      // A refund out of a reversed payment goes with the payment: neither counts.
      if (!reversed.has(r.sourceId)) {
        except('refund', r.id, 'unknown_source', r.amount, 0, unitsOf(r.currency));
      }
      continue;
    }
    const same = r.currency === source.currency;
    const wanted = amountUnits(r.amount, r.currency, 'refund', r.id);
    const applied = same ? minUnits(wanted, source.left) : 0;
    source.left = subUnits(source.left, applied);
    if (!sameUnits(applied, wanted)) {
      const reason = same ? 'capped' : 'currency_mismatch';
      except('refund', r.id, reason, r.amount, applied, source.minorUnits);
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
  // The allocations of one payment usually come one after the other: keep the last
  // source and item looked up, and look up again only when the id changes.
  let sourceId: string | undefined;
  let source: SourceState | undefined;
  let itemId: string | undefined;
  let item: ItemState | undefined;
  for (const a of ledger.allocations) {
    if (a.date > asOf || (a.reversedOn !== undefined && a.reversedOn <= asOf)) continue;
    if (checkReversed && reversed.has(a.sourceId)) continue;
    if (a.sourceId !== sourceId) {
      sourceId = a.sourceId;
      source = state.sources.get(sourceId);
    }
    if (a.itemId !== itemId) {
      itemId = a.itemId;
      item = itemById(state, itemId);
    }
    let reason: BalanceExceptionReason | undefined;
    if (source === undefined) reason = 'unknown_source';
    else if (item === undefined) reason = 'unknown_item';
    else if (source.currency !== item.currency) reason = 'currency_mismatch';
    else if (source.customerId !== item.customerId) reason = 'customer_mismatch';
    if (reason !== undefined || source === undefined || item === undefined) {
      const mu = source?.minorUnits ?? item?.minorUnits ?? 0;
      except('allocation', a.id, reason ?? 'unknown_item', a.amount, 0, mu);
      continue;
    }
    const wanted = amountUnits(a.amount, item.currency, 'allocation', a.id, item.minorUnits);
    const open = subUnits(subUnits(item.amount, item.allocated), item.writtenOff);
    const applied = minUnits(wanted, minUnits(open, source.left));
    if (!isZeroUnits(applied)) {
      item.allocated = addUnits(item.allocated, applied);
      source.left = subUnits(source.left, applied);
      if (item.lastDate === undefined || a.date > item.lastDate) item.lastDate = a.date;
    }
    if (!sameUnits(applied, wanted))
      except('allocation', a.id, 'capped', a.amount, applied, item.minorUnits);
  }
}

function applyWriteOffs(ledger: Ledger, state: LedgerState, except: Except): void {
  for (const w of ledger.writeOffs) {
    if (w.date > state.asOf) continue;
    const item = itemById(state, w.itemId);
    if (item === undefined) {
      except('write_off', w.id, 'unknown_item', w.amount, 0, 0);
      continue;
    }
    const wanted = amountUnits(w.amount, item.currency, 'write-off', w.id, item.minorUnits);
    const open = subUnits(subUnits(item.amount, item.allocated), item.writtenOff);
    const applied = minUnits(wanted, open);
    if (!isZeroUnits(applied)) {
      item.writtenOff = addUnits(item.writtenOff, applied);
      if (item.lastDate === undefined || w.date > item.lastDate) item.lastDate = w.date;
    }
    if (!sameUnits(applied, wanted))
      except('write_off', w.id, 'capped', w.amount, applied, item.minorUnits);
  }
}

/**
 * Replays the ledger as of `asOf`: only records dated on or before it count, a
 * payment reversed on or before it counts for nothing (nor do its allocations or
 * refunds), and an allocation undone on or before it no longer holds.
 */
export function replayLedger(ledger: Ledger, asOf: IsoDate): LedgerState {
  const state: LedgerState = {
    asOf,
    items: [],
    byId: undefined,
    sources: new Map(),
    exceptions: [],
  };
  const reversed = new Set<string>();
  addItems(ledger, asOf, state);
  addSources(ledger, asOf, state.sources, reversed);
  const except: Except = (kind, id, reason, amount, applied, minorUnits) => {
    const appliedAmount = formatUnits(applied, minorUnits);
    state.exceptions.push({ kind, id, reason, amount, appliedAmount });
  };

  applyRefunds(ledger, state, reversed, except);
  applyAllocations(ledger, state, reversed, except);
  applyWriteOffs(ledger, state, except);
  return state;
}
