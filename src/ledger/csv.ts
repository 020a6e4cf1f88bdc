/**
 * A ledger as one CSV file (RFC 4180, header line, comma separated, UTF-8): one record
 * per line, its kind in the `type` column. Pure: it reads a string, never a file.
 *
 * Columns (any order; unused ones may be left out or empty). A column no type reads is
 * refused, and so is a value in a column its line's type does not read:
 *
 * | type | columns used |
 * |---|---|
 * | `customer` | id, name |
 * | `invoice` | id, customerId, currency, date (issue date), dueDate, amount, number, status, |
 * | | reference (payment reference) |
 * | `instalment` | id, invoiceId, dueDate, amount (joined to its invoice by invoiceId) |
 * | `dispute` | invoiceId, date (first day), until (last day), reason |
 * | `credit_note` | id, customerId, currency, date, amount, invoiceId, number |
 * | `payment` | id, customerId, currency, date (value date), amount, reference, reversedOn |
 * | `refund` | id, customerId, currency, date, amount, sourceId |
 * | `charge` | id, kind (fee, interest, compensation), customerId, currency, date, dueDate, |
 * | | amount, itemId |
 * | `write_off` | id, itemId, date, amount, reason, reversedOn |
 * | `allocation` | id, sourceId, itemId, amount, date, reversedOn |
 *
 * The records then go through `parseLedger`; an error's path starts with the CSV line
 * number (1 = the header) and names the column.
 *
 * @module
 */
import { err, type Result } from 'neverthrow';
import Papa from 'papaparse';
import { atPath, type ReceivablesError, receivablesError } from '../errors/index.js';
import { parseLedger } from './parse.js';
import type { Ledger } from './types.js';

type Row = Record<string, string | undefined>;
type Out = Record<string, unknown>;

const LISTS: Record<string, string> = {
  customer: 'customers',
  invoice: 'invoices',
  credit_note: 'creditNotes',
  payment: 'payments',
  refund: 'refunds',
  charge: 'charges',
  write_off: 'writeOffs',
  allocation: 'allocations',
};

/** Ledger field -> CSV column, where they differ. */
const RENAMES: Record<string, Record<string, string>> = {
  invoice: { issueDate: 'date', paymentReference: 'reference' },
  credit_note: { issueDate: 'date' },
};

const FIELDS: Record<string, readonly string[]> = {
  customer: ['id', 'name'],
  invoice: [
    'id',
    'number',
    'customerId',
    'currency',
    'issueDate',
    'dueDate',
    'amount',
    'status',
    'paymentReference',
  ],
  credit_note: ['id', 'number', 'customerId', 'currency', 'issueDate', 'amount', 'invoiceId'],
  payment: ['id', 'customerId', 'currency', 'date', 'amount', 'reference', 'reversedOn'],
  refund: ['id', 'customerId', 'currency', 'date', 'amount', 'sourceId'],
  charge: ['id', 'kind', 'customerId', 'currency', 'date', 'dueDate', 'amount', 'itemId'],
  write_off: ['id', 'itemId', 'date', 'amount', 'reason', 'reversedOn'],
  allocation: ['id', 'sourceId', 'itemId', 'amount', 'date', 'reversedOn'],
};

/** The columns each type of line reads (besides `type`). */
const COLUMNS: Record<string, ReadonlySet<string>> = {
  ...Object.fromEntries(
    Object.entries(FIELDS).map(([type, fields]) => [
      type,
      new Set(fields.map((f) => RENAMES[type]?.[f] ?? f)),
    ]),
  ),
  instalment: new Set(['id', 'invoiceId', 'dueDate', 'amount']),
  dispute: new Set(['invoiceId', 'date', 'until', 'reason']),
};
const KNOWN = new Set(['type', ...Object.values(COLUMNS).flatMap((c) => [...c])]);

/**
 * A value in a column its line's type does not read (a misspelt column, or a value put
 * on the wrong line) would be lost without a word: the line number and column, or none.
 */
function unusedValue(type: string, row: Row): string | undefined {
  const used = Object.hasOwn(COLUMNS, type) ? COLUMNS[type] : undefined;
  if (used === undefined) return undefined;
  for (const [column, value] of Object.entries(row)) {
    if (column !== 'type' && !used.has(column) && value !== undefined && value.trim() !== '') {
      return column;
    }
  }
  return undefined;
}

function recordOf(type: string, row: Row): Out {
  const out: Out = {};
  const renames = RENAMES[type] ?? {};
  for (const field of FIELDS[type] ?? []) {
    const value = row[renames[field] ?? field]?.trim();
    if (value !== undefined && value !== '') out[field] = value;
  }
  return out;
}

function pushTo<T>(lists: Record<string, T[]>, key: string, value: T): void {
  const list = lists[key];
  if (list) list.push(value);
  else lists[key] = [value];
}

function lineError(line: number, reason: string): ReceivablesError {
  return receivablesError('parse_error', { format: 'ledger CSV', reason, line }, [line]);
}

/**
 * Reads a ledger from CSV text (columns in the module header) and checks it with
 * `parseLedger`. Empty text is a `parse_error` that says so.
 *
 * @param content - the CSV text, with a header line
 *
 * @example
 * readLedgerCsv('type,id,name\ncustomer,C1,Acme\n').map((l) => l.customers[0]?.name)
 * //=> Ok('Acme')
 */
export function readLedgerCsv(content: string): Result<Ledger, ReceivablesError> {
  if (typeof content !== 'string') {
    const issues = [{ path: [], message: 'expected the text of a CSV file' }];
    return err(receivablesError('invalid_input', { issues }, []));
  }
  const text = content.replace(/^\uFEFF/, '');
  if (text.trim() === '') {
    const reason = 'the input is empty (no header line)';
    return err(receivablesError('parse_error', { format: 'ledger CSV', reason }));
  }
  // Header names are trimmed; one named twice is an error (papaparse would rename it,
  // and warn on the console, which a pure function must not do).
  const seen = new Set<string>();
  let twice: string | undefined;
  const parsed = Papa.parse<Row>(text, {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (raw, i) => {
      const name = raw.trim();
      if (!seen.has(name)) {
        seen.add(name);
        return name;
      }
      twice ??= name;
      return `${name}\u0000${i}`;
    },
  });
  if (twice !== undefined)
    return err(lineError(1, `column ${JSON.stringify(twice)} appears twice`));
  const problem = parsed.errors[0];
  if (problem) return err(lineError((problem.row ?? 0) + 2, problem.message));
  if (!parsed.meta.fields?.includes('type')) return err(lineError(1, 'no "type" column'));
  const unknown = parsed.meta.fields.find((f) => !KNOWN.has(f));
  if (unknown !== undefined) return err(lineError(1, `unknown column ${JSON.stringify(unknown)}`));

  const lists: Record<string, Out[]> = {};
  const lines: Record<string, number[]> = {};
  const invoices = new Map<string, Out>();
  const pending: { row: Row; line: number; type: string }[] = [];
  for (const [i, row] of parsed.data.entries()) {
    const line = i + 2;
    const type = row.type?.trim() ?? '';
    const unused = unusedValue(type, row);
    if (unused !== undefined) {
      return err(
        lineError(
          line,
          `column ${JSON.stringify(unused)} is not read on ${JSON.stringify(type)} lines`,
        ),
      );
    }
    // Own keys only: a type such as "constructor" must not find Object.prototype's.
    const list = Object.hasOwn(LISTS, type) ? LISTS[type] : undefined;
    if (list === undefined) {
      if (type === 'instalment' || type === 'dispute') pending.push({ row, line, type });
      else return err(lineError(line, `unknown record type ${JSON.stringify(type)}`));
      continue;
    }
    const record = recordOf(type, row);
    pushTo(lists, list, record);
    pushTo(lines, list, line);
    if (type === 'invoice' && typeof record.id === 'string') invoices.set(record.id, record);
  }
  for (const { row, line, type } of pending) {
    const invoice = invoices.get(row.invoiceId?.trim() ?? '');
    if (!invoice)
      return err(
        lineError(line, `${type} of unknown invoice ${JSON.stringify(row.invoiceId ?? '')}`),
      );
    if (type === 'instalment') {
      const part: Out = {};
      for (const f of ['id', 'dueDate', 'amount']) if (row[f]?.trim()) part[f] = row[f]!.trim();
      pushTo(invoice as Record<string, Out[]>, 'instalments', part);
    } else {
      const dispute: Out = { from: row.date?.trim() };
      if (row.until?.trim()) dispute.until = row.until.trim();
      if (row.reason?.trim()) dispute.reason = row.reason.trim();
      pushTo(invoice as Record<string, Out[]>, 'disputes', dispute);
    }
  }

  return parseLedger(lists).mapErr((e) => {
    const [list, index, ...rest] = e.path;
    const line =
      typeof list === 'string' && typeof index === 'number' ? lines[list]?.[index] : undefined;
    if (line === undefined) return e;
    const type = Object.keys(LISTS).find((t) => LISTS[t] === list) ?? '';
    const [field, ...deeper] = rest;
    const column = typeof field === 'string' ? (RENAMES[type]?.[field] ?? field) : field;
    const path = column === undefined ? [] : [column, ...deeper];
    return atPath({ ...e, path } as ReceivablesError, [line]);
  });
}
