/**
 * Builds the {@link LedgerIndex} of one currency and customer scope, checking on the
 * way that every allocation, refund and write-off can count in full.
 *
 * @module
 */
import { err, ok, type Result } from 'neverthrow';
import { receivablesError } from '../errors/index.js';
import type { Ledger } from '../ledger/types.js';
import type { Units } from '../ledger/units.js';
import { type IndexError, type LedgerIndex, LedgerIndexBuilder, NEVER } from './index-ledger.js';
import type { MetricsScope } from './scope.js';

interface Known {
  readonly currency: string;
  readonly customerId: string;
  readonly status?: string;
}

/** Every item and source of the whole ledger, to explain a record that points outside. */
function knownRecords(ledger: Ledger): Map<string, Known> {
  const known = new Map<string, Known>();
  for (const inv of ledger.invoices) {
    const k = { currency: inv.currency, customerId: inv.customerId, status: inv.status };
    known.set(inv.id, k);
    for (const part of inv.instalments ?? []) known.set(part.id, k);
  }
  for (const r of [...ledger.charges, ...ledger.payments, ...ledger.creditNotes])
    known.set(r.id, r);
  return known;
}

// Hot loops over every record: index loops, and an amount read without a Result or a
// path array unless it is refused.

function addDocuments(b: LedgerIndexBuilder, ledger: Ledger): Result<true, IndexError> {
  const { currency, includes } = b.scope;
  const invoices = ledger.invoices;
  for (let n = 0; n < invoices.length; n++) {
    const inv = invoices[n]!;
    if (inv.currency !== currency || !includes(inv.customerId)) continue;
    if (inv.status === 'draft' || inv.status === 'void') continue;
    const total = b.unitsOf(inv.amount);
    if (total === undefined) return err(b.badAmount(inv.amount, ['invoices', n, 'amount']));
    // One lookup each for the customer and the issue day, shared by sale and items.
    const customer = b.customer(inv.customerId);
    const issueDay = b.day(inv.issueDate);
    b.sale(customer, issueDay, total);
    const parts = inv.instalments;
    if (parts === undefined || parts.length === 0) {
      b.item(inv.id, customer, issueDay, b.day(inv.dueDate), total, true);
      continue;
    }
    for (let k = 0; k < parts.length; k++) {
      const part = parts[k]!;
      const u = b.unitsOf(part.amount);
      if (u === undefined) {
        return err(b.badAmount(part.amount, ['invoices', n, 'instalments', k, 'amount']));
      }
      b.item(part.id, customer, issueDay, b.day(part.dueDate), u, true);
    }
  }
  const charges = ledger.charges;
  for (let n = 0; n < charges.length; n++) {
    const c = charges[n]!;
    if (c.currency !== currency || !includes(c.customerId)) continue;
    const u = b.unitsOf(c.amount);
    if (u === undefined) return err(b.badAmount(c.amount, ['charges', n, 'amount']));
    const day = b.day(c.date);
    const due = c.dueDate === undefined ? day : b.day(c.dueDate);
    b.item(c.id, b.customer(c.customerId), day, due, u, false);
  }
  return addSources(b, ledger);
}

function addSources(b: LedgerIndexBuilder, ledger: Ledger): Result<true, IndexError> {
  const { currency, includes } = b.scope;
  const payments = ledger.payments;
  for (let n = 0; n < payments.length; n++) {
    const p = payments[n]!;
    if (p.currency !== currency || !includes(p.customerId)) continue;
    const u = b.unitsOf(p.amount);
    if (u === undefined) return err(b.badAmount(p.amount, ['payments', n, 'amount']));
    const customer = b.customer(p.customerId);
    const s = b.source(p.id, customer, p.customerId, b.day(p.date), p.reversedOn, true);
    b.change(s.from, -1 - s.index, u, s.until);
  }
  const notes = ledger.creditNotes;
  for (let n = 0; n < notes.length; n++) {
    const c = notes[n]!;
    if (c.currency !== currency || !includes(c.customerId)) continue;
    const u = b.unitsOf(c.amount);
    if (u === undefined) return err(b.badAmount(c.amount, ['creditNotes', n, 'amount']));
    const customer = b.customer(c.customerId);
    const s = b.source(c.id, customer, c.customerId, b.day(c.issueDate), undefined, false);
    b.change(s.from, -1 - s.index, u);
    b.sale(customer, s.from, negate(u));
  }
  return ok(true);
}

function negate(u: Units): Units {
  return typeof u === 'bigint' ? -u : -u;
}

/** Why a record that points at `id` does not fit the scope's currency and customer. */
function misfit(
  known: Known | undefined,
  id: string,
  kind: string,
  currency: string,
  customerId: string,
  path: (string | number)[],
): IndexError {
  if (known === undefined) return receivablesError('not_found', { kind, id }, path);
  if (known.status === 'draft' || known.status === 'void') {
    return receivablesError('not_allocatable', { id, status: known.status }, path);
  }
  if (known.currency !== currency) {
    return receivablesError(
      'currency_mismatch',
      { expected: currency, actual: known.currency },
      path,
    );
  }
  return receivablesError(
    'customer_mismatch',
    { expected: customerId, actual: known.customerId },
    path,
  );
}

function addAllocations(b: LedgerIndexBuilder, ledger: Ledger): Result<true, IndexError> {
  const { currency } = b.scope;
  const ix = b.index;
  let known: Map<string, Known> | undefined;
  const lookUp = (id: string) => {
    known ??= knownRecords(ledger);
    return known.get(id);
  };
  const allocations = ledger.allocations;
  for (let n = 0; n < allocations.length; n++) {
    const a = allocations[n]!;
    const source = b.sources.get(a.sourceId);
    const item = b.items.get(a.itemId);
    if (source === undefined && item === undefined) continue;
    if (source === undefined) {
      const owner = ix.customerIds[ix.itemCustomer[item!]!]!;
      const found = lookUp(a.sourceId);
      const path = ['allocations', n];
      return err(misfit(found, a.sourceId, 'payment or credit note', currency, owner, path));
    }
    if (item === undefined || ix.itemCustomer[item] !== ix.sourceCustomer[source.index]) {
      const found = lookUp(a.itemId);
      const path = ['allocations', n];
      return err(misfit(found, a.itemId, 'open item', currency, source.customerId, path));
    }
    const u = b.unitsOf(a.amount);
    if (u === undefined) return err(b.badAmount(a.amount, ['allocations', n, 'amount']));
    const from = Math.max(b.day(a.date), source.from, ix.itemIssue[item]!);
    const reversed = a.reversedOn === undefined ? NEVER : b.day(a.reversedOn);
    const until = Math.min(reversed, source.until);
    const minus = negate(u);
    b.change(from, item, minus, until);
    b.change(from, -1 - source.index, minus, until);
    if (source.payment && ix.itemPrincipal[item] === 1 && from < until) {
      const p = ix.paid;
      p.customer.push(ix.itemCustomer[item]!);
      p.payDay.push(source.from);
      p.issueDay.push(ix.itemIssue[item]!);
      p.dueDay.push(ix.itemDue[item]!);
      p.from.push(from);
      p.until.push(until);
      p.amount.push(u);
    }
  }
  return ok(true);
}

function addReductions(b: LedgerIndexBuilder, ledger: Ledger): Result<true, IndexError> {
  const { currency, includes } = b.scope;
  let cache: Map<string, Known> | undefined;
  const known = () => {
    cache ??= knownRecords(ledger);
    return cache;
  };
  for (const [n, r] of ledger.refunds.entries()) {
    const source = b.sources.get(r.sourceId);
    if (source === undefined) {
      if (r.currency !== currency || !includes(r.customerId)) continue;
      const found = known().get(r.sourceId);
      return err(
        misfit(found, r.sourceId, 'payment or credit note', currency, r.customerId, ['refunds', n]),
      );
    }
    if (r.currency !== currency) {
      const details = { expected: currency, actual: r.currency };
      return err(receivablesError('currency_mismatch', details, ['refunds', n, 'currency']));
    }
    const u = b.units(r.amount, ['refunds', n, 'amount']);
    if (u.isErr()) return err(u.error);
    b.change(
      Math.max(b.day(r.date), source.from),
      -1 - source.index,
      negate(u.value),
      source.until,
    );
  }
  for (const [n, w] of ledger.writeOffs.entries()) {
    const item = b.items.get(w.itemId);
    if (item === undefined) {
      const found = known().get(w.itemId);
      if (found !== undefined && (found.currency !== currency || !includes(found.customerId))) {
        continue;
      }
      const owner = found?.customerId ?? '';
      return err(misfit(found, w.itemId, 'open item', currency, owner, ['writeOffs', n]));
    }
    const u = b.units(w.amount, ['writeOffs', n, 'amount']);
    if (u.isErr()) return err(u.error);
    const from = Math.max(b.day(w.date), b.index.itemIssue[item]!);
    const until = w.reversedOn === undefined ? NEVER : b.day(w.reversedOn);
    b.change(from, item, negate(u.value), until);
  }
  return ok(true);
}

/**
 * The dated changes of the receivables of one currency and customer scope.
 *
 * @param ledger - the receivables ledger (as `parseLedger` accepts it)
 * @param scope - currency and customers, from `resolveScope`
 */
export function indexLedger(ledger: Ledger, scope: MetricsScope): Result<LedgerIndex, IndexError> {
  const b = new LedgerIndexBuilder(scope);
  return addDocuments(b, ledger)
    .andThen(() => addAllocations(b, ledger))
    .andThen(() => addReductions(b, ledger))
    .map(() => b.index);
}
