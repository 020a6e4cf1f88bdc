/**
 * Reading a ledger from outside input (JSON or anything already parsed): every record
 * checked by its schema, then the ledger as a whole: ids unique per kind, every
 * reference pointing at a record that exists, allocations and refunds within one
 * currency and one customer, instalments adding up to their invoice.
 *
 * It does not replay allocations over time; what a ledger over-allocates on some day
 * is reported by `balancesAsOf` in its `exceptions`.
 *
 * @module
 */
import { err, ok, type Result } from 'neverthrow';
import {
  type ErrorPath,
  fromZodError,
  type ReceivablesError,
  receivablesError,
} from '../errors/index.js';
import { ISO_CURRENCIES } from '../money/currency.js';
import { Dec, inputText, parseDecimal } from '../money/decimal.js';
import { ledgerSchema } from './schema.js';
import type { Ledger } from './types.js';

interface Owner {
  readonly customerId: string;
  readonly currency: string;
  readonly status: string;
}

type Check = Result<true, ReceivablesError>;
const fine: Check = ok(true);

function uniqueIds(
  lists: readonly (readonly [string, readonly { readonly id: string }[]])[],
  kind: string,
  into: Set<string>,
): Check {
  for (const [field, records] of lists) {
    for (const [i, r] of records.entries()) {
      if (into.has(r.id))
        return err(receivablesError('duplicate_id', { kind, id: r.id }, [field, i, 'id']));
      into.add(r.id);
    }
  }
  return fine;
}

function onMinorUnit(amount: string, currency: string, path: ErrorPath): Check {
  const units = ISO_CURRENCIES.get(currency)?.minorUnits;
  return parseDecimal(amount, path, units).map(() => true as const);
}

function collectItems(ledger: Ledger, items: Map<string, Owner>): Check {
  const seen = new Set<string>();
  for (const [i, inv] of ledger.invoices.entries()) {
    const owner = {
      customerId: inv.customerId,
      currency: inv.currency,
      status: inv.status ?? 'issued',
    };
    const parts = inv.instalments ?? [];
    const ids = parts.length > 0 ? parts.map((p) => p.id) : [inv.id];
    let total = new Dec(0);
    for (const [j, part] of parts.entries()) {
      const path = ['invoices', i, 'instalments', j, 'amount'];
      const r = onMinorUnit(part.amount, inv.currency, path);
      if (r.isErr()) return r;
      total = total.plus(part.amount);
    }
    if (parts.length > 0 && !total.equals(inv.amount)) {
      const reason = `instalments add up to ${total.toFixed()}, not the invoice amount`;
      return err(
        receivablesError('invalid_amount', { input: inv.amount, reason }, [
          'invoices',
          i,
          'instalments',
        ]),
      );
    }
    for (const [j, id] of ids.entries()) {
      const path =
        parts.length > 0 ? ['invoices', i, 'instalments', j, 'id'] : ['invoices', i, 'id'];
      if (seen.has(id)) return err(receivablesError('duplicate_id', { kind: 'item', id }, path));
      seen.add(id);
      items.set(id, owner);
    }
  }
  for (const [i, c] of ledger.charges.entries()) {
    if (seen.has(c.id))
      return err(
        receivablesError('duplicate_id', { kind: 'item', id: c.id }, ['charges', i, 'id']),
      );
    seen.add(c.id);
    items.set(c.id, { customerId: c.customerId, currency: c.currency, status: 'issued' });
  }
  return fine;
}

function sameParty(expected: Owner, actual: Owner, path: ErrorPath): Check {
  if (expected.currency !== actual.currency) {
    const details = { expected: expected.currency, actual: actual.currency };
    return err(receivablesError('currency_mismatch', details, path));
  }
  if (expected.customerId !== actual.customerId) {
    const details = { expected: expected.customerId, actual: actual.customerId };
    return err(receivablesError('customer_mismatch', details, path));
  }
  return fine;
}

function missing(kind: string, id: string, path: ErrorPath): Check {
  return err(receivablesError('not_found', { kind, id }, path));
}

function checkReferences(ledger: Ledger, items: Map<string, Owner>): Check {
  const sources = new Map<string, Owner>();
  for (const s of [...ledger.payments, ...ledger.creditNotes]) {
    sources.set(s.id, { customerId: s.customerId, currency: s.currency, status: 'issued' });
  }
  const invoiceIds = new Set(ledger.invoices.map((inv) => inv.id));
  for (const [i, n] of ledger.creditNotes.entries()) {
    if (n.invoiceId !== undefined && !invoiceIds.has(n.invoiceId)) {
      return missing('invoice', n.invoiceId, ['creditNotes', i, 'invoiceId']);
    }
  }
  for (const [i, c] of ledger.charges.entries()) {
    if (c.itemId !== undefined && !items.has(c.itemId))
      return missing('item', c.itemId, ['charges', i, 'itemId']);
  }
  for (const [i, r] of ledger.refunds.entries()) {
    const source = sources.get(r.sourceId);
    if (!source) return missing('source', r.sourceId, ['refunds', i, 'sourceId']);
    const check = sameParty(source, { ...r, status: 'issued' }, ['refunds', i]);
    if (check.isErr()) return check;
  }
  for (const [i, w] of ledger.writeOffs.entries()) {
    const item = items.get(w.itemId);
    if (!item) return missing('item', w.itemId, ['writeOffs', i, 'itemId']);
    const r = onMinorUnit(w.amount, item.currency, ['writeOffs', i, 'amount']);
    if (r.isErr()) return r;
  }
  for (const [i, a] of ledger.allocations.entries()) {
    const source = sources.get(a.sourceId);
    if (!source) return missing('source', a.sourceId, ['allocations', i, 'sourceId']);
    const item = items.get(a.itemId);
    if (!item) return missing('item', a.itemId, ['allocations', i, 'itemId']);
    if (item.status !== 'issued') {
      return err(
        receivablesError('not_allocatable', { id: a.itemId, status: item.status }, [
          'allocations',
          i,
          'itemId',
        ]),
      );
    }
    const check = sameParty(source, item, ['allocations', i]);
    if (check.isErr()) return check;
    const r = onMinorUnit(a.amount, item.currency, ['allocations', i, 'amount']);
    if (r.isErr()) return r;
  }
  return fine;
}

function checkCustomers(ledger: Ledger): Check {
  if (ledger.customers.length === 0) return fine;
  const known = new Set(ledger.customers.map((c) => c.id));
  const lists = [
    ['invoices', ledger.invoices],
    ['creditNotes', ledger.creditNotes],
    ['payments', ledger.payments],
    ['refunds', ledger.refunds],
    ['charges', ledger.charges],
  ] as const;
  for (const [field, records] of lists) {
    for (const [i, r] of records.entries()) {
      if (!known.has(r.customerId))
        return missing('customer', r.customerId, [field, i, 'customerId']);
    }
  }
  return fine;
}

/**
 * Reads a ledger from outside input (the JSON shape of {@link Ledger}; a missing array
 * is an empty one). Errors: `invalid_input` for a record that fails its schema (every
 * issue listed, amounts beyond the currency's minor units included); `duplicate_id`;
 * `not_found` for a dangling reference (customers are checked when the ledger lists
 * any); `currency_mismatch` / `customer_mismatch` for an allocation or refund across
 * currencies or customers; `not_allocatable` for an allocation to a draft or void
 * invoice; `invalid_amount` for instalments that do not add up to their invoice.
 *
 * @param input - the ledger as parsed JSON
 *
 * @example
 * parseLedger({ payments: [{ id: 'P-1', customerId: 'C1', currency: 'EUR',
 *   date: '2026-01-05', amount: '10.005' }] }).isErr()
 * //=> true
 */
export function parseLedger(input: unknown): Result<Ledger, ReceivablesError> {
  let parsed: ReturnType<typeof ledgerSchema.safeParse>;
  try {
    parsed = ledgerSchema.safeParse(input);
  } catch (error) {
    // Only a hostile object gets here (a getter or proxy trap that throws): JSON cannot.
    const message = `the input could not be read: ${inputText(error)}`;
    return err(receivablesError('invalid_input', { issues: [{ path: [], message }] }, []));
  }
  if (!parsed.success) return err(fromZodError(parsed.error));
  const ledger = parsed.data;

  const items = new Map<string, Owner>();
  const checks: (() => Check)[] = [
    () => uniqueIds([['customers', ledger.customers]], 'customer', new Set()),
    () => uniqueIds([['invoices', ledger.invoices]], 'invoice', new Set()),
    () => collectItems(ledger, items),
    () =>
      uniqueIds(
        [
          ['payments', ledger.payments],
          ['creditNotes', ledger.creditNotes],
        ],
        'source',
        new Set(),
      ),
    () => uniqueIds([['refunds', ledger.refunds]], 'refund', new Set()),
    () => uniqueIds([['writeOffs', ledger.writeOffs]], 'write-off', new Set()),
    () => uniqueIds([['allocations', ledger.allocations]], 'allocation', new Set()),
    () => checkCustomers(ledger),
    () => checkReferences(ledger, items),
  ];
  for (const check of checks) {
    const r = check();
    if (r.isErr()) return err(r.error);
  }
  return ok(ledger);
}
