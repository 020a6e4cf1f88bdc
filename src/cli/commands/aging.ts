/**
 * `receivables aging <file>`: the aging of a JSON or CSV ledger as of a date, a table
 * by customer with totals per currency, or the report as CSV or JSON.
 *
 * @module
 */
import Table from 'cli-table3';
import type { Command } from 'commander';
import { type AgingReport, ageReceivables, agingToCsv } from '../../aging/index.js';
import type { Ledger } from '../../ledger/index.js';
import { isIsoDate } from '../../terms/date.js';
import {
  EXIT_HELP,
  type Failure,
  invalid,
  isFailure,
  plainOutput,
  readLedgerFile,
  report,
  usage,
  warnExceptions,
} from '../io.js';

interface AgingFlags {
  readonly asOf?: string;
  readonly basis: string;
  readonly buckets?: string;
  readonly unapplied: string;
  readonly csv?: boolean;
  readonly json?: boolean;
}

/** The latest date the ledger knows of: the default reporting date. */
function lastDate(ledger: Ledger): string | undefined {
  let last: string | undefined;
  const see = (d: string | undefined) => {
    if (d !== undefined && (last === undefined || d > last)) last = d;
  };
  for (const i of ledger.invoices) see(i.issueDate);
  for (const n of ledger.creditNotes) see(n.issueDate);
  for (const r of [...ledger.payments, ...ledger.refunds, ...ledger.charges]) see(r.date);
  for (const r of [...ledger.writeOffs, ...ledger.allocations]) see(r.date);
  return last;
}

function table(report: AgingReport): string {
  const labels = report.buckets.map((b) => b.label);
  const plain = plainOutput();
  const t = new Table({
    head: ['customer', 'name', 'ccy', ...labels, 'balance'],
    colAligns: ['left', 'left', 'left', ...labels.map(() => 'right' as const), 'right'],
    ...(plain ? { style: { head: [], border: [] } } : {}),
  });
  for (const r of report.rows) {
    t.push([r.customerId, r.customerName ?? '', r.currency, ...r.amounts, r.balance]);
  }
  for (const total of report.totals) {
    t.push([`TOTAL (${total.customers})`, '', total.currency, ...total.amounts, total.balance]);
    if (total.percentages) t.push(['%', '', total.currency, ...total.percentages, '100.00']);
  }
  return t.toString();
}

/** The `--buckets` days: whole, not negative, ascending; or a usage failure. */
function parseBuckets(text: string): number[] | Failure {
  const buckets = text.split(',').map((b) => (/^\s*\d+\s*$/.test(b) ? Number(b) : Number.NaN));
  if (buckets.some((b) => !Number.isSafeInteger(b))) {
    return usage('--buckets must be whole days of 0 or more, e.g. 30,60,90');
  }
  if (buckets.some((b, i) => i > 0 && b <= (buckets[i - 1] as number))) {
    return usage('--buckets must be in ascending order, e.g. 30,60,90');
  }
  return buckets;
}

function run(file: string, flags: AgingFlags): Failure | undefined {
  if (flags.asOf !== undefined && !isIsoDate(flags.asOf))
    return usage('--as-of must be a YYYY-MM-DD date');
  if (flags.csv && flags.json) return usage('--csv and --json exclude each other; pass one');
  let buckets: number[] | undefined;
  if (flags.buckets !== undefined) {
    const parsed = parseBuckets(flags.buckets);
    if (isFailure(parsed)) return parsed;
    buckets = parsed;
  }
  const ledger = readLedgerFile(file);
  if (isFailure(ledger)) return ledger;
  const asOf = flags.asOf ?? lastDate(ledger);
  if (asOf === undefined) return usage('the ledger is empty; pass --as-of');

  const report = ageReceivables(ledger, {
    asOf,
    basis: flags.basis as 'days-past-due',
    unapplied: flags.unapplied as 'own-bucket',
    buckets,
  });
  if (report.isErr()) return invalid(report.error.message);
  warnExceptions('aging', ledger, asOf);
  if (flags.json) process.stdout.write(`${JSON.stringify(report.value, null, 2)}\n`);
  else if (flags.csv) process.stdout.write(agingToCsv(report.value));
  else {
    const basis = report.value.basis === 'days-past-due' ? 'days past due' : 'days since issue';
    process.stdout.write(`Aging as of ${asOf} by ${basis}\n${table(report.value)}\n`);
  }
  return undefined;
}

/**
 * Registers `receivables aging <file>`.
 *
 * @example
 * registerAgingCommand(new Command()).name()
 * //=> 'aging'
 */
export function registerAgingCommand(program: Command): Command {
  return program
    .command('aging')
    .description('aging of a JSON or CSV ledger by customer, with totals per currency')
    .argument('<file>', 'ledger as JSON (the Ledger shape) or CSV (one record per line)')
    .option('--as-of <date>', 'reporting date (YYYY-MM-DD); default: the last date in the ledger')
    .option('--basis <basis>', 'days-past-due or days-since-issue', 'days-past-due')
    .option('--buckets <days>', 'upper bounds of the buckets, e.g. 0,30,60,90,120 (the default)')
    .option('--unapplied <how>', 'own-bucket or net-oldest', 'own-bucket')
    .option('--csv', 'print the report as CSV')
    .option('--json', 'print the report as JSON')
    .addHelpText('after', EXIT_HELP)
    .action((file: string, flags: AgingFlags) => {
      const failure = run(file, flags);
      if (failure !== undefined) report('aging', failure);
    });
}
