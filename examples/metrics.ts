/**
 * Collection metrics with `receivables`: monthly DSO, count-back DSO, best possible
 * DSO, ADD and CEI for a small ledger, the latest payers, and the cash expected by
 * week. Run with `npx tsx examples/metrics.ts`.
 */
import { EMPTY_LEDGER, type Ledger } from '../src/ledger/index.js';
import {
  collectionMetrics,
  expectedCash,
  latestPayers,
  periodSeries,
} from '../src/metrics/index.js';

const eur = { currency: 'EUR' } as const;
const ledger: Ledger = {
  ...EMPTY_LEDGER,
  customers: [
    { id: 'acme', name: 'Acme GmbH', segment: 'DACH' },
    { id: 'bolt', name: 'Bolt SARL', segment: 'France' },
  ],
  invoices: [
    {
      ...eur,
      id: 'A-1',
      customerId: 'acme',
      issueDate: '2026-01-05',
      dueDate: '2026-02-04',
      amount: '1200.00',
    },
    {
      ...eur,
      id: 'B-1',
      customerId: 'bolt',
      issueDate: '2026-01-20',
      dueDate: '2026-02-19',
      amount: '800.00',
    },
    {
      ...eur,
      id: 'A-2',
      customerId: 'acme',
      issueDate: '2026-02-10',
      dueDate: '2026-03-12',
      amount: '500.00',
    },
    {
      ...eur,
      id: 'B-2',
      customerId: 'bolt',
      issueDate: '2026-03-01',
      dueDate: '2026-03-31',
      amount: '950.00',
    },
  ],
  payments: [
    { ...eur, id: 'P-1', customerId: 'acme', date: '2026-02-09', amount: '1200.00' },
    { ...eur, id: 'P-2', customerId: 'bolt', date: '2026-03-16', amount: '800.00' },
  ],
  allocations: [
    { id: 'AL-1', sourceId: 'P-1', itemId: 'A-1', amount: '1200.00', date: '2026-02-09' },
    { id: 'AL-2', sourceId: 'P-2', itemId: 'B-1', amount: '800.00', date: '2026-03-16' },
  ],
};

const months = periodSeries({ from: '2026-01-01', to: '2026-03-31' }, 'month');
const rows = collectionMetrics(ledger, months)._unsafeUnwrap();
console.log('month    sales    receivables  DSO    count-back  best   ADD    CEI %');
for (const r of rows) {
  const cells = [r.dso, r.countBackDso, r.bestPossibleDso, r.averageDaysDelinquent, r.cei];
  const [dso, cb, best, add, cei] = cells.map((m) => (m.value ?? `(${m.reason})`).padEnd(6));
  const amounts = `${r.creditSales.padStart(7)}  ${r.closingReceivables.padStart(11)}`;
  console.log(`${r.period.label}  ${amounts}  ${dso} ${cb!.padEnd(11)} ${best} ${add} ${cei}`);
}

const quarter = { from: '2026-01-01', to: '2026-03-31' };
for (const p of latestPayers(ledger, quarter)._unsafeUnwrap()) {
  console.log(`${p.customerId} pays ${p.averageDaysLate.value} days late on average (${p.trend})`);
}

const forecast = expectedCash(ledger, '2026-04-01', { weeks: 4 })._unsafeUnwrap();
for (const w of forecast.weeks) console.log(`week of ${w.from}: ${w.amount} EUR expected`);
for (const item of forecast.items) console.log(`${item.itemId}: ${item.explanation}`);
