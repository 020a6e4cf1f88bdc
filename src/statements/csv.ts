/**
 * Bank CSV exports, read with papaparse through a host-given {@link CsvMapping}:
 * every data row becomes one transaction of a single statement. Rows that cannot
 * be read (a wrong amount, an unknown direction value, a date not in the layout)
 * are errors naming the line and column, never skipped. A row with more or fewer
 * fields than the header (or first row) is a `parse_error`; an amount with more
 * decimals than its currency has, or two minus signs, is `invalid_amount`. CSV
 * exports carry no balances, so there is no balance check.
 *
 * @module
 */
import { err, ok, type Result } from 'neverthrow';
import Papa from 'papaparse';
import { fromZodError, type ReceivablesError, receivablesError } from '../errors/index.js';
import { Dec } from '../money/decimal.js';
import { isIsoDate } from '../terms/date.js';
import { formatIn, minorUnits } from './amounts.js';
import { type DraftTransaction, finishStatements } from './assemble.js';
import {
  type CsvColumn,
  type CsvDateFormat,
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

/** Why a date text is refused: not in the layout, or no day of the calendar. */
function notDate(quoted: string, format: CsvDateFormat): string {
  return csvDate(JSON.parse(quoted) as string, format) === undefined
    ? `is not ${format}`
    : 'is not a calendar date';
}

/** Both signs at once: `-12.50-`, `(-12.50)`, `-(12.50)`. */
function doubleSign(text: string): boolean {
  const t = text.trim();
  const parens = t.startsWith('(') && t.endsWith(')') ? 1 : 0;
  const inner = parens ? t.slice(1, -1).trim() : t;
  const minus = (inner.startsWith('-') ? 1 : 0) + (inner.endsWith('-') ? 1 : 0);
  return parens + minus + (t.startsWith('-(') ? 1 : 0) > 1;
}

/** One amount cell as a signed decimal within the currency's decimals. */
function amountCell(
  raw: string,
  name: string,
  m: CsvMapping,
  line: number,
  currency: string,
  options: ReaderOptions,
): Result<string, ReceivablesError> {
  const fail = (reason: string) =>
    err(
      receivablesError('invalid_amount', { input: raw, reason: `line ${line}: ${reason}` }, [name]),
    );
  if (doubleSign(raw)) return fail('two minus signs');
  const parsed = csvAmount(raw, m.decimalSeparator ?? '.', m.thousandsSeparator);
  if (parsed === undefined)
    return failAt('csv', `wrong amount format ${JSON.stringify(raw)}`, { line, path: [name] });
  const decimals = parsed.split('.')[1]?.length ?? 0;
  const units = minorUnits(currency, options.currencies);
  if (units !== undefined && decimals > units)
    return fail(`${decimals} decimals, ${currency} has ${units}`);
  return ok(parsed);
}

/** The amount and direction of a row: signed amount, amount + mark, or debit/credit columns. */
function readAmount(
  cell: Cell,
  m: CsvMapping,
  line: number,
  currency: string,
  options: ReaderOptions,
): Result<{ amount: string; direction: 'credit' | 'debit' }, ReceivablesError> {
  const at = (name: string) => ({ line, path: [name] });
  const value = (name: 'amount' | 'debitAmount' | 'creditAmount') =>
    amountCell(cell(m.columns[name]) ?? '', name, m, line, currency, options);
  const out = (parsed: string, direction: 'credit' | 'debit') =>
    ok({ amount: formatIn(new Dec(parsed).abs(), currency, options.currencies), direction });
  if (m.columns.amount === undefined) {
    const debitText = (cell(m.columns.debitAmount) ?? '').trim();
    const creditText = (cell(m.columns.creditAmount) ?? '').trim();
    if ((debitText === '') === (creditText === ''))
      return failAt(
        'csv',
        'exactly one of the debit and credit amounts must be filled',
        at('amount'),
      );
    const name = debitText === '' ? 'creditAmount' : 'debitAmount';
    const parsed = value(name);
    if (parsed.isErr()) return err(parsed.error);
    if (parsed.value.startsWith('-'))
      return failAt('csv', 'signed amount in a debit/credit amount column', at(name));
    return out(parsed.value, name === 'debitAmount' ? 'debit' : 'credit');
  }
  const parsed = value('amount');
  if (parsed.isErr()) return err(parsed.error);
  if (m.columns.direction === undefined)
    return out(parsed.value, parsed.value.startsWith('-') ? 'debit' : 'credit');
  const mark = (cell(m.columns.direction) ?? '').trim().toUpperCase();
  const credit = (m.creditValues ?? CREDIT).map((v) => v.toUpperCase()).includes(mark);
  const debit = (m.debitValues ?? DEBIT).map((v) => v.toUpperCase()).includes(mark);
  if (credit === debit)
    return failAt(
      'csv',
      `direction ${JSON.stringify(mark)} is neither credit nor debit`,
      at('direction'),
    );
  if (parsed.value.startsWith('-'))
    return failAt('csv', 'signed amount next to a debit/credit column', at('amount'));
  return out(parsed.value, credit ? 'credit' : 'debit');
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
    return failAt('csv', `booking date ${text} ${notDate(text, format)}`, at('bookingDate'));
  }
  const valueDate = m.columns.valueDate === undefined ? bookingDate : date('valueDate');
  if (!valueDate) {
    const text = JSON.stringify(cell(m.columns.valueDate) ?? '');
    return failAt('csv', `value date ${text} ${notDate(text, format)}`, at('valueDate'));
  }
  const currency = (cell(m.columns.currency) ?? m.currency ?? '').trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency))
    return failAt('csv', `no currency (${JSON.stringify(currency)})`, at('currency'));

  const read = readAmount(cell, m, line, currency, options);
  if (read.isErr()) return err(read.error);
  const { amount, direction } = read.value;

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
  const blank = (r: number) => (rows[r] as string[]).every((v) => v.trim() === '');
  let end = rows.length;
  while (end > first && blank(end - 1)) end--;
  end = Math.max(first, end - (m.skipFooterRows ?? 0));
  const width = header?.length ?? rows[first]?.length;
  const transactions: DraftTransaction[] = [];
  for (let r = first; r < end; r++) {
    const row = rows[r] as string[];
    if (blank(r)) continue;
    if (row.length !== width) {
      const reason =
        `${row.length} fields where the` + ` ${header ? 'header has' : 'first row has'} ${width}`;
      const hint = row.length > (width ?? 0) ? ' (an unquoted delimiter inside a value?)' : '';
      return failAt('csv', `${reason}${hint}`, { line: r + 1 });
    }
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
