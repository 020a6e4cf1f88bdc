/**
 * `receivables statement <file>`: reads a bank statement file (camt.052/053/054,
 * MT940, BAI2, or CSV with a mapping file) and prints its statements, balances,
 * balance check, warnings and transactions as tables, or the whole result as JSON.
 *
 * @module
 */
import Table from 'cli-table3';
import type { Command } from 'commander';
import {
  type BankStatement,
  type BankTransaction,
  type CsvMapping,
  readStatement,
  type StatementFile,
  type StatementFormat,
} from '../../statements/index.js';
import {
  EXIT_HELP,
  type Failure,
  invalid,
  isFailure,
  plainOutput,
  readInputBytes,
  readInputJson,
  report,
  usage,
} from '../io.js';

interface StatementFlags {
  readonly format?: string;
  readonly mapping?: string;
  readonly json?: boolean;
}

const FORMATS: readonly StatementFormat[] = ['camt', 'mt940', 'bai2', 'csv'];

/**
 * Most transactions shown as a cli-table3 table (about 0.5 ms a row); more are printed
 * as aligned plain lines, written in chunks of this many, so output stays linear.
 */
const TABLE_ROWS = 500;

function table(head: string[], rows: string[][], aligns?: ('left' | 'right')[]): string {
  const t = new Table({
    head,
    ...(aligns ? { colAligns: aligns } : {}),
    ...(plainOutput() ? { style: { head: [], border: [] } } : {}),
  });
  for (const r of rows) t.push(r);
  return t.toString();
}

const TX_HEAD = [
  'id',
  'booked',
  'value',
  'amount',
  'ccy',
  'c/d',
  'counterparty',
  'reference / text',
];
const TX_ALIGN: ('left' | 'right')[] = ['left', 'left', 'left', 'right', 'left', 'left', 'left'];

function txRow(t: BankTransaction): string[] {
  return [
    t.id,
    t.bookingDate,
    t.valueDate,
    t.amount,
    t.currency,
    `${t.direction === 'credit' ? 'C' : 'D'}${t.reversal ? ' R' : ''}`,
    (t.counterpartyName ?? '').slice(0, 30),
    (t.structuredReference?.value ?? t.endToEndId ?? t.remittanceText ?? '').slice(0, 40),
  ];
}

/** Writes a statement: head, balances, balance check and transactions. */
function writeStatement(s: BankStatement, write: (text: string) => void): void {
  const check = s.reconciliation;
  const balance = check
    ? check.ok
      ? `opening ${check.opening} + entries ${check.entries} = closing ${check.closing}: ok`
      : `opening ${check.opening} + entries ${check.entries} != closing ${check.closing}` +
        (check.difference === undefined
          ? ' (currencies differ)'
          : ` (difference ${check.difference})`)
    : 'no opening and closing balance to check';
  const balances = table(
    ['balance', 'code', 'date', 'amount', 'ccy'],
    s.balances.map((b) => [b.type, b.code ?? '', b.date, b.amount, b.currency]),
    ['left', 'left', 'left', 'right', 'left'],
  );
  const owner = s.accountOwner ? ` (${s.accountOwner})` : '';
  const head = `Statement ${s.id}${s.account ? `, account ${s.account}` : ''}${owner}`;
  write(`${head}\n${balances}\nBalance check: ${balance}\n`);
  const txs = s.transactions;
  if (txs.length <= TABLE_ROWS) {
    write(`${table(TX_HEAD, txs.map(txRow), [...TX_ALIGN, 'left'])}\n`);
    return;
  }
  writeLines(txs, write);
}

/** Aligned plain lines for many transactions, written in chunks of {@link TABLE_ROWS}. */
function writeLines(txs: readonly BankTransaction[], write: (text: string) => void): void {
  const widths = TX_HEAD.map((h) => h.length);
  for (const t of txs) {
    txRow(t).forEach((cell, i) => {
      if (cell.length > (widths[i] as number)) widths[i] = cell.length;
    });
  }
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) =>
        TX_ALIGN[i] === 'right' ? c.padStart(widths[i] as number) : c.padEnd(widths[i] as number),
      )
      .join('  ')
      .trimEnd();
  write(`${line(TX_HEAD)}\n${line(widths.map((w) => '-'.repeat(w)))}\n`);
  for (let from = 0; from < txs.length; from += TABLE_ROWS) {
    const to = Math.min(from + TABLE_ROWS, txs.length);
    let chunk = '';
    for (let i = from; i < to; i++) chunk += `${line(txRow(txs[i] as BankTransaction))}\n`;
    write(chunk);
  }
}

function print(file: StatementFile): void {
  const write = (text: string) => process.stdout.write(text);
  const version = file.version ? ` (${file.version})` : '';
  const count = file.statements.reduce((n, s) => n + s.transactions.length, 0);
  write(
    `${file.format}${version}: ${file.statements.length} statement(s), ${count} transaction(s)\n\n`,
  );
  for (const s of file.statements) {
    writeStatement(s, write);
    write('\n');
  }
  for (const w of file.warnings) write(`warning: ${w.message}\n`);
}

function run(path: string, flags: StatementFlags): Failure | undefined {
  if (flags.format !== undefined && !FORMATS.includes(flags.format as StatementFormat)) {
    return usage(`--format must be one of ${FORMATS.join(', ')}`);
  }
  let csv: CsvMapping | undefined;
  if (flags.mapping) {
    const mapping = readInputJson(flags.mapping);
    if (isFailure(mapping)) return mapping;
    if (typeof mapping.json !== 'object' || mapping.json === null || Array.isArray(mapping.json)) {
      return invalid(`${flags.mapping}: a CSV mapping must be a JSON object (see CsvMapping)`);
    }
    csv = mapping.json as CsvMapping;
  }
  const content = readInputBytes(path);
  if (isFailure(content)) return content;
  const read = readStatement(content, {
    ...(flags.format ? { format: flags.format as StatementFormat } : {}),
    ...(csv ? { csv } : {}),
  });
  if (read.isErr()) return invalid(`${path}: ${read.error.message}`);
  if (flags.json) process.stdout.write(`${JSON.stringify(read.value, null, 2)}\n`);
  else print(read.value);
  return undefined;
}

/**
 * Registers `receivables statement <file>`.
 *
 * @example
 * registerStatementCommand(new Command()).name()
 * //=> 'statement'
 */
export function registerStatementCommand(program: Command): Command {
  return program
    .command('statement')
    .description('read a bank statement file (camt.053/054, MT940, BAI2, CSV) and print it')
    .argument('<file>', 'the bank file')
    .option('--format <format>', `read as this format (${FORMATS.join(', ')}); default: detect`)
    .option('--mapping <file>', 'CSV column mapping as JSON (see CsvMapping)')
    .option('--json', 'print the whole result as JSON')
    .addHelpText('after', EXIT_HELP)
    .action((file: string, flags: StatementFlags) => {
      const failure = run(file, flags);
      if (failure !== undefined) report('statement', failure);
    });
}
