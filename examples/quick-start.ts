/**
 * The README's quick start: compute an invoice, give it a due date, then age it.
 * Run with `npx tsx examples/quick-start.ts`.
 */
import { ageReceivables, calculateInvoice, dueDate, EMPTY_LEDGER } from '../src/index.js';

// Every function that takes outside input returns a Result: no try/catch needed.
const invoice = calculateInvoice({
  currency: 'EUR',
  lines: [
    { id: '1', quantity: '1', unitNetPrice: '299.33', vatCategory: 'S', vatRatePercent: '20' },
    { id: '2', quantity: '1', unitNetPrice: '179.33', vatCategory: 'S', vatRatePercent: '20' },
    { id: '3', quantity: '1', unitNetPrice: '99.34', vatCategory: 'S', vatRatePercent: '20' },
  ],
});
if (invoice.isErr()) throw new Error(invoice.error.message);
const { totals } = invoice.value;
console.log(totals.taxExclusiveAmount, totals.taxAmount, totals.amountDue);

const due = dueDate('2026-01-15', { kind: 'net', days: 30 });
if (due.isErr()) throw new Error(due.error.message);
console.log(due.value);

const ledger = {
  ...EMPTY_LEDGER,
  customers: [{ id: 'C-1', name: 'Acme GmbH' }],
  invoices: [
    {
      id: 'INV-1',
      customerId: 'C-1',
      currency: 'EUR',
      issueDate: '2026-01-15',
      dueDate: due.value,
      amount: totals.amountDue,
    },
  ],
};
const aging = ageReceivables(ledger, { asOf: '2026-03-31' });
if (aging.isOk()) {
  const row = aging.value.rows[0];
  const cells = aging.value.buckets.map((b, i) => `${b.label}: ${row?.amounts[i]}`);
  console.log(cells.join(', '));
}

// Bad input is an error value with a code and a path, never a NaN or a crash.
const bad = calculateInvoice({
  currency: 'EUR',
  lines: [{ id: '1', netAmount: '12,50', vatCategory: 'S', vatRatePercent: '20' }],
});
if (bad.isErr()) console.log(bad.error.code, bad.error.message);
