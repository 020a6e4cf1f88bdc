/**
 * Collection metrics over 24 months of a ledger of about 1,000,000 documents
 * (invoices, payments, credit notes) across 50,000 customers, plus their allocations.
 * `BENCH_SCALE=0.1` runs a tenth of it. Reference line: one `balancesAsOf` replay,
 * since a naive report would replay the ledger at each of the 25 month-ends.
 */
import { balancesAsOf } from '../src/ledger/index.js';
import type {
  Allocation,
  Customer,
  Ledger,
  LedgerCreditNote,
  LedgerInvoice,
  LedgerPayment,
} from '../src/ledger/types.js';
import { collectionMetrics, expectedCash, periodSeries } from '../src/metrics/index.js';
import { addDays } from '../src/terms/date.js';
import { peakRssMiB, prng, time } from './util.js';

const scale = Number(process.env.BENCH_SCALE ?? '1');
const documents = Math.round(1_000_000 * scale);
const customerCount = Math.max(10, Math.round(50_000 * scale));
const random = prng(20260101);
const cents = (n: number) => `${Math.floor(n / 100)}.${String(n % 100).padStart(2, '0')}`;
const START = '2024-01-01';
const DAYS = 730;

function generate(): Ledger {
  const customers: Customer[] = [];
  for (let c = 0; c < customerCount; c++) {
    customers.push({ id: `C${c}`, name: `Customer ${c}`, segment: `S${c % 8}` });
  }
  const invoices: LedgerInvoice[] = [];
  const payments: LedgerPayment[] = [];
  const creditNotes: LedgerCreditNote[] = [];
  const allocations: Allocation[] = [];
  // About half the documents are invoices, 47 % payments, 3 % credit notes.
  while (invoices.length + payments.length + creditNotes.length < documents) {
    const n = invoices.length;
    const customerId = `C${Math.floor(random() * customerCount)}`;
    const issueDate = addDays(START, Math.floor(random() * DAYS));
    const dueDate = addDays(issueDate, 30);
    const units = 1000 + Math.floor(random() * 500_000);
    const id = `INV-${n}`;
    invoices.push({ id, customerId, currency: 'EUR', issueDate, dueDate, amount: cents(units) });
    const r = random();
    let open = units;
    if (r >= 0.9 && r < 0.97) {
      // A tenth credited within 20 days, the rest paid like any other invoice.
      const date = addDays(issueDate, Math.floor(random() * 20));
      const credit = Math.floor(units / 10);
      const source = `CN-${n}`;
      creditNotes.push({
        id: source,
        customerId,
        currency: 'EUR',
        issueDate,
        amount: cents(credit),
      });
      allocations.push({
        id: `AC-${n}`,
        sourceId: source,
        itemId: id,
        amount: cents(credit),
        date,
      });
      open -= credit;
    }
    if (r < 0.97) {
      // Paid 0 to 70 days after issue, so some are early and some late; 5 % pay half.
      const date = addDays(issueDate, Math.floor(random() * 70));
      const paid = random() < 0.95 ? open : Math.floor(open / 2);
      const source = `PAY-${n}`;
      payments.push({ id: source, customerId, currency: 'EUR', date, amount: cents(paid) });
      allocations.push({ id: `AL-${n}`, sourceId: source, itemId: id, amount: cents(paid), date });
    }
  }
  return {
    customers,
    invoices,
    payments,
    creditNotes,
    refunds: [],
    charges: [],
    writeOffs: [],
    allocations,
  };
}

const built = time(generate);
const ledger = built.result;
const docs = ledger.invoices.length + ledger.payments.length + ledger.creditNotes.length;
const periods = periodSeries({ from: '2024-01-01', to: '2025-12-31' }, 'month');

const total = time(() => collectionMetrics(ledger, periods)._unsafeUnwrap());
const bySegment = time(() =>
  collectionMetrics(ledger, periods, { groupBy: 'segment' })._unsafeUnwrap(),
);
const forecast = time(() => expectedCash(ledger, '2025-12-31')._unsafeUnwrap());
const replay = time(() => balancesAsOf(ledger, '2025-12-31'));
const last = total.result[total.result.length - 1]!;

const f = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const n = (x: number) => x.toLocaleString('en');
const sizes = `${n(docs)} documents, ${n(ledger.allocations.length)} allocations`;
console.log(`Ledger: ${sizes}, ${n(customerCount)} customers (generated in ${f(built.ms)})`);
console.log('');
console.log('| run | time |');
console.log('|---|---|');
console.log(`| all metrics, 24 months, total | ${f(total.ms)} |`);
console.log(`| all metrics, 24 months, per segment (8) | ${f(bySegment.ms)} |`);
console.log(`| expected cash by week, as of the last day | ${f(forecast.ms)} |`);
console.log(`| reference: one balancesAsOf replay (x25 for a naive report) | ${f(replay.ms)} |`);
console.log('');
console.log(
  `Peak RSS: ${peakRssMiB()} MiB. Last month: DSO ${last.dso.value}, CEI ${last.cei.value}.`,
);
