/**
 * `receivables metrics <file>`: collection metrics of a JSON ledger, month by month
 * or quarter by quarter, as a table or as JSON. Without `--from`/`--to` the range
 * runs from the month of the first document to the month of the last one.
 *
 * @module
 */
import Table from 'cli-table3';
import type { Command } from 'commander';
import type { Ledger } from '../../ledger/types.js';
import {
  type CollectionMetricsRow,
  collectionMetrics,
  type MetricNullReason,
  type MetricsGroupBy,
  type MetricValue,
  type PeriodUnit,
  periodSeries,
} from '../../metrics/index.js';
import { endOfMonth, type IsoDate, isIsoDate } from '../../terms/date.js';
import {
  EXIT_HELP,
  type Failure,
  invalid,
  isFailure,
  plainOutput,
  readLedgerFile,
  report,
  usage,
} from '../io.js';

interface MetricsFlags {
  readonly from?: string;
  readonly to?: string;
  readonly by: string;
  readonly group: string;
  readonly currency?: string;
  readonly json?: boolean;
}

/** The first and last document dates of the ledger, widened to whole months. */
function ledgerRange(ledger: Ledger): { from: IsoDate; to: IsoDate } | undefined {
  const dates = [
    ...ledger.invoices.map((i) => i.issueDate),
    ...ledger.creditNotes.map((c) => c.issueDate),
    ...ledger.payments.map((p) => p.date),
  ].sort();
  if (dates.length === 0) return undefined;
  return { from: `${dates[0]!.slice(0, 7)}-01`, to: endOfMonth(dates[dates.length - 1]!) };
}

const REASONS: Record<MetricNullReason, string> = {
  no_sales: 'no credit sales in the period',
  negative_sales: 'more credited than invoiced in the period',
  no_receivables: 'nothing receivable to divide by',
  negative_receivables: 'the customers are owed more than they owe',
  sales_exhausted: 'the look-back months do not cover the receivables',
  nothing_collectible: 'opening + sales - closing current is not above zero',
  no_payments: 'no payment applied in the period',
};

function show(m: MetricValue): string {
  return m.value ?? '-';
}

function legend(rows: readonly CollectionMetricsRow[]): string {
  const seen = new Set<MetricNullReason>();
  for (const r of rows) {
    for (const m of Object.values(r)) {
      const reason = (m as Partial<MetricValue> | null)?.reason;
      if (typeof m === 'object' && reason !== undefined) seen.add(reason);
    }
  }
  const lines = [...seen].sort().map((r) => `  ${r}: ${REASONS[r]}`);
  const note = 'Days and percentages have 2 decimals, rounded half-up (docs/metrics.md).';
  return `${note}\n${lines.length > 0 ? `- means no value:\n${lines.join('\n')}\n` : ''}`;
}

function table(rows: readonly CollectionMetricsRow[]): string {
  const grouped = rows.some((r) => r.group !== undefined);
  const head = [
    'period',
    ...(grouped ? ['group'] : []),
    'sales',
    'receivables',
    'DSO',
    'count-back',
    'best DSO',
    'ADD',
    'CEI %',
    'current %',
    'turnover',
    'days late',
  ];
  const t = new Table({ head, ...(plainOutput() ? { style: { head: [], border: [] } } : {}) });
  for (const r of rows) {
    t.push([
      r.period.label ?? `${r.period.from}..${r.period.to}`,
      ...(grouped ? [r.group ?? ''] : []),
      r.creditSales,
      r.closingReceivables,
      show(r.dso),
      show(r.countBackDso),
      show(r.bestPossibleDso),
      show(r.averageDaysDelinquent),
      show(r.cei),
      show(r.percentCurrent),
      show(r.receivablesTurnover),
      show(r.averageDaysLate),
    ]);
  }
  return t.toString();
}

/** Runs the command; returns the failure message, if any. */
function run(file: string, flags: MetricsFlags): Failure | undefined {
  if (flags.by !== 'month' && flags.by !== 'quarter') return usage('--by must be month or quarter');
  if (!['total', 'customer', 'segment'].includes(flags.group)) {
    return usage('--group must be total, customer or segment');
  }
  for (const [name, value] of [
    ['--from', flags.from],
    ['--to', flags.to],
  ] as const) {
    if (value !== undefined && !isIsoDate(value)) return usage(`${name} must be a YYYY-MM-DD date`);
  }
  const ledger = readLedgerFile(file);
  if (isFailure(ledger)) return ledger;
  const range = ledgerRange(ledger);
  const from = flags.from ?? range?.from;
  const to = flags.to ?? range?.to;
  if (from === undefined || to === undefined)
    return usage('the ledger is empty; pass --from and --to');
  if (from > to) return usage(`--from ${from} is after --to ${to}`);

  const periods = periodSeries({ from, to }, flags.by as PeriodUnit);
  const options = { groupBy: flags.group as MetricsGroupBy, currency: flags.currency };
  const result = collectionMetrics(ledger, periods, options);
  if (result.isErr()) return invalid(result.error.message);
  const rows = result.value;
  if (flags.json) {
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return undefined;
  }
  const currency = rows[0]?.currency ?? '';
  process.stdout.write(`Collection metrics in ${currency}, ${from} to ${to}\n${table(rows)}\n`);
  process.stdout.write(legend(rows));
  return undefined;
}

/**
 * Registers `receivables metrics <file>`.
 *
 * @example
 * registerMetricsCommand(new Command()).name()
 * //=> 'metrics'
 */
export function registerMetricsCommand(program: Command): Command {
  return program
    .command('metrics')
    .description(
      'DSO, count-back DSO, best possible DSO, ADD, CEI and more of a JSON or CSV ledger',
    )
    .argument('<file>', 'ledger as JSON (the Ledger shape) or CSV (one record per line)')
    .option('--from <date>', 'first day (YYYY-MM-DD); default: month of the first document')
    .option('--to <date>', 'last day (YYYY-MM-DD); default: month of the last document')
    .option('--by <unit>', 'month or quarter', 'month')
    .option('--group <group>', 'total, customer or segment', 'total')
    .option('--currency <code>', 'currency to report in (needed when the ledger has several)')
    .option('--json', 'print the rows as JSON')
    .addHelpText('after', EXIT_HELP)
    .action((file: string, flags: MetricsFlags) => {
      const failure = run(file, flags);
      if (failure !== undefined) report('metrics', failure);
    });
}
