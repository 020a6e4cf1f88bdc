/**
 * The demo's last step: aging and collection metrics as of the report date, read
 * back from the store the earlier steps wrote.
 *
 * @module
 */
import type { Receivables } from '../../engine/index.js';
import type { ReceivablesError } from '../../errors/index.js';
import { DEMO_DATES } from './data.js';
import { type Out, table } from './print.js';

function unwrap<T>(r: { isErr(): boolean; value?: T; error?: unknown }): T {
  if (r.isErr()) throw new Error(`reports: ${(r.error as ReceivablesError).message}`);
  return r.value as T;
}

/** Step 5: aging by customer, then DSO, best possible DSO, ADD and CEI per month. */
export async function printReports(out: Out, engine: Receivables): Promise<void> {
  const asOf = DEMO_DATES.report;
  out.heading(`5. Aging as of ${asOf} (days past due)`);
  const aging = unwrap(await engine.aging({ asOf }));
  const labels = aging.buckets.map((b) => b.label);
  const rows = aging.rows.map((r) => [r.customerId, r.currency, ...r.amounts, r.balance]);
  for (const t of aging.totals) rows.push([`total`, t.currency, ...t.amounts, t.balance]);
  const amountColumns = labels.map((_, i) => i + 2);
  out.print(
    table(['customer', 'ccy', ...labels, 'balance'], rows, [...amountColumns, labels.length + 2]),
  );

  out.heading('6. Collection metrics by month');
  const periods = [
    { from: '2017-02-01', to: '2017-02-28', label: '2017-02' },
    { from: '2017-03-01', to: '2017-03-31', label: '2017-03' },
    { from: '2017-04-01', to: asOf, label: '2017-04 (to date)' },
  ];
  const metrics = [];
  for (const currency of aging.totals.map((t) => t.currency)) {
    metrics.push(...unwrap(await engine.metrics(periods, { currency })));
  }
  const show = (v: { value: string | null; reason?: string }) => v.value ?? `n/a (${v.reason})`;
  out.print(
    table(
      ['period', 'ccy', 'sales', 'receivables', 'DSO', 'best DSO', 'ADD', 'CEI %'],
      metrics.map((m) => [
        m.period.label ?? `${m.period.from}..${m.period.to}`,
        m.currency,
        m.creditSales,
        m.closingReceivables,
        show(m.dso),
        show(m.bestPossibleDso),
        show(m.averageDaysDelinquent),
        show(m.cei),
      ]),
      [2, 3, 4, 5, 6, 7],
    ),
  );
}
