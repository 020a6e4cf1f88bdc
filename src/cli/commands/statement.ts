/**
 * `receivables statement <file>`: reads a bank statement file (camt.052/053/054,
 * MT940, BAI2, or CSV with a mapping file) and prints its statements, balances,
 * balance check, warnings and transactions as tables, or the whole result as JSON.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import Table from 'cli-table3';
import type { Command } from 'commander';
import {
  type BankStatement,
  type CsvMapping,
  readStatement,
  type StatementFile,
  type StatementFormat,
} from '../../statements/index.js';

interface StatementFlags {
  readonly format?: string;
  readonly mapping?: string;
  readonly json?: boolean;
}

const FORMATS: readonly StatementFormat[] = ['camt', 'mt940', 'bai2', 'csv'];

function table(head: string[], rows: string[][], aligns?: ('left' | 'right')[]): string {
  const plain = !process.stdout.isTTY;
  const t = new Table({
    head,
    ...(aligns ? { colAligns: aligns } : {}),
    ...(plain ? { style: { head: [], border: [] } } : {}),
  });
  for (const r of rows) t.push(r);
  return t.toString();
}

function statementText(s: BankStatement): string {
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
  const txs = table(
    ['id', 'booked', 'value', 'amount', 'ccy', 'c/d', 'counterparty', 'reference / text'],
    s.transactions.map((t) => [
      t.id,
      t.bookingDate,
      t.valueDate,
      t.amount,
      t.currency,
      `${t.direction === 'credit' ? 'C' : 'D'}${t.reversal ? ' R' : ''}`,
      (t.counterpartyName ?? '').slice(0, 30),
      (t.structuredReference?.value ?? t.endToEndId ?? t.remittanceText ?? '').slice(0, 40),
    ]),
    ['left', 'left', 'left', 'right', 'left', 'left', 'left', 'left'],
  );
  const owner = s.accountOwner ? ` (${s.accountOwner})` : '';
  const head = `Statement ${s.id}${s.account ? `, account ${s.account}` : ''}${owner}`;
  return `${head}\n${balances}\nBalance check: ${balance}\n${txs}\n`;
}

function print(file: StatementFile): void {
  const version = file.version ? ` (${file.version})` : '';
  const count = file.statements.reduce((n, s) => n + s.transactions.length, 0);
  process.stdout.write(
    `${file.format}${version}: ${file.statements.length} statement(s), ${count} transaction(s)\n\n`,
  );
  for (const s of file.statements) process.stdout.write(`${statementText(s)}\n`);
  for (const w of file.warnings) process.stdout.write(`warning: ${w.message}\n`);
}

/** The bytes of a file, or a message saying why it cannot be read. */
function readBytes(path: string): Uint8Array | string {
  try {
    return new Uint8Array(readFileSync(path));
  } catch (error) {
    return `cannot read ${path}: ${(error as Error).message}`;
  }
}

function run(path: string, flags: StatementFlags): string | undefined {
  if (flags.format !== undefined && !FORMATS.includes(flags.format as StatementFormat)) {
    return `--format must be one of ${FORMATS.join(', ')}`;
  }
  const content = readBytes(path);
  if (typeof content === 'string') return content;
  let csv: CsvMapping | undefined;
  if (flags.mapping) {
    const mapping = readBytes(flags.mapping);
    if (typeof mapping === 'string') return mapping;
    try {
      csv = JSON.parse(new TextDecoder().decode(mapping)) as CsvMapping;
    } catch (error) {
      return `${flags.mapping} is not JSON: ${(error as Error).message}`;
    }
  }
  const read = readStatement(content, {
    ...(flags.format ? { format: flags.format as StatementFormat } : {}),
    ...(csv ? { csv } : {}),
  });
  if (read.isErr()) return `${path}: ${read.error.message}`;
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
    .action((file: string, flags: StatementFlags) => {
      const failure = run(file, flags);
      if (failure === undefined) return;
      process.stderr.write(`receivables statement: ${failure}\n`);
      process.exitCode = 1;
    });
}
