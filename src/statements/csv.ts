/**
 * Bank CSV exports, read with papaparse through a host-given {@link CsvMapping}:
 * every data row becomes one transaction of a single statement. Rows that cannot
 * be read (a wrong amount, an unknown direction value, a date not in the layout)
 * are errors naming the line and column, never skipped. CSV exports carry no
 * balances, so there is no balance check.
 *
 * @module
 */
import { err, ok, type Result } from 'neverthrow';
import Papa from 'papaparse';
import { fromZodError, type ReceivablesError } from '../errors/index.js';
import { Dec } from '../money/decimal.js';
import { isIsoDate } from '../terms/date.js';
import { formatIn } from './amounts.js';
import { type DraftTransaction, finishStatements } from './assemble.js';
import {
  type CsvColumn,
  type CsvMapping,
  csvAmount,
  csvDate,
  csvMappingSchema,
} from './csv-mapping.js';
import {
  contentText,
  failAt,
  guarded,
  type ReaderOptions,
  type StatementContent,
} from './input.js';
import { structuredReference } from './references.js';
import type { StatementFile } from './types.js';

const CREDIT = ['C', 'CR', 'CRDT', 'CREDIT', 'H', 'HABEN'];
const DEBIT = ['D', 'DR', 'DBIT', 'DEBIT', 'S', 'SOLL'];

type Cell = (column: CsvColumn | undefined) => string | undefined;

function indexOf(column: CsvColumn, header: readonly string[] | undefined): number | undefined {
  if (typeof column === 'number') return column;
  const i = header?.findIndex((h) => h.trim() === column) ?? -1;
  return i < 0 ? undefined : i;
}

function readRow(
  cell: Cell,
  m: CsvMapping,
  line: number,
  options: ReaderOptions,
): Result<DraftTransaction, ReceivablesError> {
  const at = (name: string) => ({ line, path: [name] });
  const format = m.dateFormat ?? 'YYYY-MM-DD';
  const date = (name: 'bookingDate' | 'valueDate') => {
    const text = cell(m.columns[name]) ?? '';
    const iso = csvDate(text, format);
    return iso && isIsoDate(iso) ? iso : undefined;
  };
  const bookingDate = date('bookingDate');
  if (!bookingDate) {
    const text = JSON.stringify(cell(m.columns.bookingDate) ?? '');
    const reason = `booking date ${text} is not ${format}`;
    return failAt('csv', reason, at('bookingDate'));
  }
  const valueDate = m.columns.valueDate === undefined ? bookingDate : date('valueDate');
  if (!valueDate) return failAt('csv', `value date is not ${format}`, at('valueDate'));
  const currency = (cell(m.columns.currency) ?? m.currency ?? '').trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency))
    return failAt('csv', `no currency (${JSON.stringify(currency)})`, at('currency'));

  const rawAmount = cell(m.columns.amount) ?? '';
  const parsed = csvAmount(rawAmount, m.decimalSeparator ?? '.', m.thousandsSeparator);
  if (parsed === undefined)
    return failAt('csv', `wrong amount format ${JSON.stringify(rawAmount)}`, at('amount'));
  let direction: 'credit' | 'debit' = parsed.startsWith('-') ? 'debit' : 'credit';
  if (m.columns.direction !== undefined) {
    const mark = (cell(m.columns.direction) ?? '').trim().toUpperCase();
    const credit = (m.creditValues ?? CREDIT).map((v) => v.toUpperCase()).includes(mark);
    const debit = (m.debitValues ?? DEBIT).map((v) => v.toUpperCase()).includes(mark);
    if (credit === debit)
      return failAt(
        'csv',
        `direction ${JSON.stringify(mark)} is neither credit nor debit`,
        at('direction'),
      );
    if (parsed.startsWith('-'))
      return failAt('csv', 'signed amount next to a debit/credit column', at('amount'));
    direction = credit ? 'credit' : 'debit';
  }
  const amount = formatIn(new Dec(parsed).abs(), currency, options.currencies);

  const texts = [m.columns.remittanceText ?? []]
    .flat()
    .map((c) => cell(c)?.trim() ?? '')
    .filter(Boolean);
  const ref = cell(m.columns.reference)?.trim();
  const optional = {
    id: cell(m.columns.id)?.trim(),
    counterpartyName: cell(m.columns.counterpartyName)?.trim(),
    counterpartyAccount: cell(m.columns.counterpartyAccount)?.replace(/\s+/g, ''),
    remittanceText: texts.length > 0 ? texts.join(' ') : undefined,
    structuredReference: ref ? structuredReference(ref, {}) : undefined,
    endToEndId: cell(m.columns.endToEndId)?.trim(),
    bankTransactionCode: cell(m.columns.bankTransactionCode)?.trim(),
  };
  const present = Object.fromEntries(
    Object.entries(optional).filter(([, v]) => v !== undefined && v !== ''),
  );
  return ok({
    position: String(line),
    statementId: m.statementId ?? 'csv',
    bookingDate,
    valueDate,
    amount,
    currency,
    direction,
    reversal: false,
    ...present,
    source: `line ${line}`,
  });
}

function readRows(
  text: string,
  m: CsvMapping,
  options: ReaderOptions,
): Result<StatementFile, ReceivablesError> {
  const parsed = Papa.parse<string[]>(text, {
    delimiter: m.delimiter ?? ',',
    skipEmptyLines: false,
  });
  const problem = parsed.errors.find((e) => e.type !== 'Delimiter');
  if (problem) return failAt('csv', problem.message, { line: (problem.row ?? 0) + 1 });
  const rows = parsed.data;
  const skip = m.skipRows ?? 0;
  const header = m.header === false ? undefined : rows[skip];
  const first = skip + (header ? 1 : 0);
  const names = Object.entries(m.columns).flatMap(([k, v]) =>
    [v].flat().map((c) => [k, c] as const),
  );
  for (const [name, c] of names) {
    if (indexOf(c, header) === undefined)
      return failAt('csv', `no column ${JSON.stringify(c)}`, { line: skip + 1, path: [name] });
  }
  const transactions: DraftTransaction[] = [];
  for (let r = first; r < rows.length; r++) {
    const row = rows[r] as string[];
    if (row.every((v) => v.trim() === '')) continue;
    const cell: Cell = (c) => (c === undefined ? undefined : row[indexOf(c, header) ?? -1]);
    const read = readRow(cell, m, r + 1, options);
    if (read.isErr()) return err(read.error);
    transactions.push(read.value);
  }
  const id = m.statementId ?? 'csv';
  const entries = transactions.map((t) => ({ ...t, booked: true }));
  const draft = {
    id,
    ...(m.account ? { account: m.account } : {}),
    balances: [],
    transactions,
    entries,
  };
  const finished = finishStatements([draft], options.currencies);
  return ok({ format: 'csv', statements: finished.statements, warnings: finished.warnings });
}

/**
 * Reads a bank CSV export with the host's column mapping.
 *
 * @param content - the CSV file, as text or bytes
 * @param mapping - delimiter, decimal and thousands marks, date layout, columns
 * @param options - size limit, currency registry
 *
 * @example
 * readCsvStatement('date;amount\n02.01.2024;-12,50', {
 *   delimiter: ';', decimalSeparator: ',', dateFormat: 'DD.MM.YYYY', currency: 'EUR',
 *   columns: { bookingDate: 'date', amount: 'amount' },
 * }).map((f) => f.statements[0]?.transactions[0]?.direction)
 * //=> Ok('debit')
 */
export function readCsvStatement(
  content: StatementContent,
  mapping: CsvMapping,
  options: ReaderOptions = {},
): Result<StatementFile, ReceivablesError> {
  return guarded('csv', () => {
    const m = csvMappingSchema.safeParse(mapping);
    if (!m.success) return err(fromZodError(m.error, ['mapping']));
    return contentText(content, options).andThen((t) => readRows(t, m.data, options));
  });
}
