/**
 * `receivables match <statement> <ledger>`: reads a bank statement file and a ledger
 * (JSON, the `Ledger` shape), matches every transaction against the open items as of
 * a date, and prints each decision with its allocations, confidence and reasons, or
 * the whole result as JSON. A CSV statement needs `--mapping` (as for `receivables
 * statement`). With `--output` it also writes the ledger with the
 * automatic decisions applied. A progress bar goes to stderr for large input when
 * stderr is a terminal.
 *
 * @module
 */
import { writeFileSync } from 'node:fs';
import { SingleBar } from 'cli-progress';
import Table from 'cli-table3';
import type { Command } from 'commander';
import { parseLedger } from '../../ledger/index.js';
import {
  applyMatchesWithReport,
  type MatchDecision,
  type MatchResult,
  matchPayments,
  openItemsForMatching,
  settledItemsForMatching,
} from '../../matching/index.js';
import { type CsvMapping, readStatement } from '../../statements/index.js';
import { isIsoDate } from '../../terms/date.js';
import {
  EXIT_HELP,
  type Failure,
  invalid,
  isFailure,
  readInputBytes,
  readInputJson,
  report,
  usage,
} from '../io.js';

interface MatchFlags {
  readonly asOf?: string;
  readonly policy?: string;
  readonly mapping?: string;
  readonly output?: string;
  readonly json?: boolean;
}

/** Below this many transactions no progress bar is shown. */
const LARGE_INPUT = 2_000;

function readMapping(path: string | undefined): { csv?: CsvMapping } | Failure {
  if (path === undefined) return {};
  const mapping = readInputJson(path);
  if (isFailure(mapping)) return mapping;
  if (typeof mapping.json !== 'object' || mapping.json === null || Array.isArray(mapping.json)) {
    return invalid(`${path}: a CSV mapping must be a JSON object (see CsvMapping)`);
  }
  return { csv: mapping.json as CsvMapping };
}

function allocationsText(d: MatchDecision): string {
  return d.allocations
    .map(
      (a) => `${a.kind === 'payment' ? '' : `${a.kind} `}${a.itemId ?? a.customerId} ${a.amount}`,
    )
    .join('\n');
}

function print(result: MatchResult, skipped: readonly { transactionId: string; reason: string }[]) {
  const plain = !process.stdout.isTTY;
  const table = new Table({
    head: ['transaction', 'amount', 'decision', 'conf.', 'customer', 'allocations', 'why'],
    colAligns: ['left', 'right', 'left', 'right', 'left', 'left', 'left'],
    ...(plain ? { style: { head: [], border: [] } } : {}),
  });
  for (const d of result.decisions) {
    const t = d.transaction;
    const why = [d.reason, ...d.signals.map((x) => `${x.detail} (${x.weight})`)];
    table.push([
      t.id,
      `${t.direction === 'debit' ? '-' : ''}${t.amount} ${t.currency}`,
      d.status,
      d.confidence.toFixed(2),
      d.customerId ?? '',
      allocationsText(d),
      why.join('\n'),
    ]);
  }
  const s = result.summary;
  process.stdout.write(`${table.toString()}\n`);
  process.stdout.write(
    `policy ${result.policyVersion}: ${s.auto} auto, ${s.suggest} to review, ` +
      `${s.unmatched} unmatched, ${s.ignored} ignored\n`,
  );
  for (const k of skipped) process.stdout.write(`not applied ${k.transactionId}: ${k.reason}\n`);
}

function run(statementPath: string, ledgerPath: string, flags: MatchFlags): Failure | undefined {
  if (flags.asOf !== undefined && !isIsoDate(flags.asOf)) {
    return invalid(`--as-of must be a date YYYY-MM-DD, got ${JSON.stringify(flags.asOf)}`);
  }
  const mapping = readMapping(flags.mapping);
  if (isFailure(mapping)) return mapping;
  const bytes = readInputBytes(statementPath);
  if (isFailure(bytes)) return bytes;
  const file = readStatement(bytes, mapping);
  if (file.isErr()) return invalid(`${statementPath}: ${file.error.message}`);
  const raw = readInputJson(ledgerPath);
  if (isFailure(raw)) return raw;
  const ledger = parseLedger(raw.json);
  if (ledger.isErr()) return invalid(`${ledgerPath}: ${ledger.error.message}`);
  const policy = flags.policy === undefined ? { json: {} } : readInputJson(flags.policy);
  if (isFailure(policy)) return policy;

  const transactions = file.value.statements.flatMap((s) => s.transactions);
  const latest = transactions
    .map((t) => t.valueDate)
    .sort()
    .at(-1);
  const asOf = flags.asOf ?? latest ?? '9999-12-31';
  const showBar = process.stderr.isTTY === true && transactions.length >= LARGE_INPUT;
  const bar = showBar
    ? new SingleBar({ stream: process.stderr, clearOnComplete: true })
    : undefined;
  bar?.start(transactions.length, 0);
  const result = matchPayments(
    transactions,
    openItemsForMatching(ledger.value, asOf),
    ledger.value.customers,
    policy.json as object,
    {
      priorPayments: ledger.value.payments,
      settledItems: settledItemsForMatching(ledger.value, asOf),
      onProgress: (done) => bar?.update(done),
    },
  );
  bar?.stop();
  if (result.isErr()) return invalid(`${flags.policy ?? 'policy'}: ${result.error.message}`);

  const applied = applyMatchesWithReport(ledger.value, result.value, asOf);
  if (flags.output !== undefined) {
    try {
      writeFileSync(flags.output, `${JSON.stringify(applied.ledger, null, 2)}\n`);
    } catch (error) {
      return usage(`cannot write ${flags.output}: ${(error as Error).message}`);
    }
  }
  if (flags.json) process.stdout.write(`${JSON.stringify(result.value, null, 2)}\n`);
  else print(result.value, applied.skipped);
  return undefined;
}

/**
 * Registers `receivables match <statement> <ledger>`.
 *
 * @example
 * registerMatchCommand(new Command()).name()
 * //=> 'match'
 */
export function registerMatchCommand(program: Command): Command {
  return program
    .command('match')
    .description('match the payments of a bank statement to the open items of a ledger')
    .argument('<statement>', 'bank file (camt.053/054, MT940, BAI2, CSV with --mapping)')
    .argument('<ledger>', 'ledger as JSON (customers, invoices, payments, allocations...)')
    .option('--as-of <date>', 'open items as of this day (default: the latest value date)')
    .option('--policy <file>', 'matching policy as JSON (defaults otherwise)')
    .option('--mapping <file>', 'CSV column mapping as JSON (see CsvMapping)')
    .option('--output <file>', 'write the ledger with the automatic decisions applied')
    .option('--json', 'print the whole match result as JSON')
    .addHelpText('after', EXIT_HELP)
    .action((statement: string, ledger: string, flags: MatchFlags) => {
      const failure = run(statement, ledger, flags);
      if (failure !== undefined) report('match', failure);
    });
}
