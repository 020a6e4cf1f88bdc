/**
 * Ledger, cash application and aging with `receivables`. Run with
 * `npx tsx examples/aging.ts`. It prints:
 *
 *     INV-2 gets 90.00 of CN-1 and stays open 110.00; CN-1 has 0.00 left
 *     1200.00 on a 1000.00 invoice: 200.00 unapplied, balance -200.00
 *     oldest-due: INV-B 50.00, INV-A 70.00 (unapplied 0.00)
 *     as of 2026-03-31: ACME 0-30 200.00 | 31-60 200.00 | 61+ 100.00 = 500.00
 *     as of 2019-01-31, own bucket: 0.00 / -300.00 / 1000.00 / 0.00 / 0.00 / 0.00 = 700.00
 *     netted against the oldest:    0.00 / 0.00 / 700.00 / 0.00 / 0.00 / 0.00 = 700.00
 *     customerId,customerName,currency,current,1-30,31-60,61-90,91-120,over 120,balan...
 */
import { ageReceivables, agingToCsv } from '../src/aging/index.js';
import {
  applyCredit,
  applyPayment,
  balancesAsOf,
  EMPTY_LEDGER,
  type Ledger,
  type LedgerInvoice,
} from '../src/ledger/index.js';

const invoice = (
  id: string,
  amount: string,
  issueDate: string,
  dueDate: string,
): LedgerInvoice => ({
  id,
  customerId: 'ACME',
  currency: 'EUR',
  issueDate,
  dueDate,
  amount,
});

// A credit note of 100.00 pays INV-1 (10.00) in full, then 90.00 of INV-2 (200.00).
let ledger: Ledger = {
  ...EMPTY_LEDGER,
  customers: [{ id: 'ACME', name: 'Acme Tools GmbH' }],
  invoices: [invoice('INV-1', '10.00', '2026-01-02', '2026-02-01')],
  creditNotes: [
    { id: 'CN-1', customerId: 'ACME', currency: 'EUR', issueDate: '2026-01-05', amount: '100.00' },
  ],
};
const credit = { sourceId: 'CN-1', date: '2026-01-05' };
ledger = applyCredit(ledger, { ...credit, id: 'A-1', items: [{ itemId: 'INV-1' }] })._unsafeUnwrap()
  .ledger;
ledger = {
  ...ledger,
  invoices: [...ledger.invoices, invoice('INV-2', '200.00', '2026-01-05', '2026-02-04')],
};
const second = applyCredit(ledger, {
  ...credit,
  id: 'A-2',
  items: [{ itemId: 'INV-2' }],
})._unsafeUnwrap();
const inv2 = balancesAsOf(second.ledger, '2026-01-31').items.find((i) => i.id === 'INV-2');
console.log(
  `INV-2 gets ${second.allocations[0]?.amount} of CN-1 and stays open ${inv2?.openAmount}; ` +
    `CN-1 has ${second.unappliedAmount} left`,
);

// 1200.00 asked onto a 1000.00 invoice: capped at what is open; the rest stays unapplied.
const overpaid: Ledger = {
  ...EMPTY_LEDGER,
  invoices: [invoice('INV-9', '1000.00', '2026-01-02', '2026-02-01')],
  payments: [
    { id: 'P-9', customerId: 'ACME', currency: 'EUR', date: '2026-02-03', amount: '1200.00' },
  ],
};
const paid = applyPayment(overpaid, {
  id: 'A-9',
  sourceId: 'P-9',
  date: '2026-02-03',
  items: [{ itemId: 'INV-9', amount: '1200.00' }],
})._unsafeUnwrap();
const position = balancesAsOf(paid.ledger, '2026-02-03').customers[0];
console.log(
  `1200.00 on a 1000.00 invoice: ${paid.unappliedAmount} unapplied, balance ${position?.balance}`,
);

// No items named: the default policy pays the oldest due date first.
const two: Ledger = {
  ...EMPTY_LEDGER,
  invoices: [
    invoice('INV-A', '100.00', '2026-01-10', '2026-02-09'),
    invoice('INV-B', '50.00', '2026-01-01', '2026-01-31'),
  ],
  payments: [
    { id: 'P-1', customerId: 'ACME', currency: 'EUR', date: '2026-02-10', amount: '120.00' },
  ],
};
const byPolicy = applyPayment(two, {
  id: 'A-3',
  sourceId: 'P-1',
  date: '2026-02-10',
})._unsafeUnwrap();
const shares = byPolicy.allocations.map((a) => `${a.itemId} ${a.amount}`).join(', ');
console.log(`oldest-due: ${shares} (unapplied ${byPolicy.unappliedAmount})`);

// Buckets 0-30, 31-60, 61+: items 1, 30, 31, 60 and 61 days past due on 2026-03-31.
const dues = ['2026-03-30', '2026-03-01', '2026-02-28', '2026-01-30', '2026-01-29'];
const five: Ledger = {
  ...EMPTY_LEDGER,
  invoices: dues.map((due, i) => invoice(`D-${i}`, '100.00', '2025-12-01', due)),
};
const buckets = [
  { to: 30, label: '0-30' },
  { to: 60, label: '31-60' },
  { to: Number.POSITIVE_INFINITY, label: '61+' },
];
const report = ageReceivables(five, { asOf: '2026-03-31', buckets })._unsafeUnwrap();
const row = report.rows[0]!;
const cells = report.buckets.map((b, i) => `${b.label} ${row.amounts[i]}`).join(' | ');
console.log(`as of 2026-03-31: ${row.customerId} ${cells} = ${row.balance}`);

// An unallocated credit note ages as a negative amount by its own date, or is netted.
const withCredit: Ledger = {
  ...EMPTY_LEDGER,
  customers: [{ id: 'ACME', name: 'Acme Tools GmbH' }],
  invoices: [invoice('INV-18', '1000.00', '2018-12-01', '2018-12-31')],
  creditNotes: [
    { id: 'CN-19', customerId: 'ACME', currency: 'EUR', issueDate: '2019-01-20', amount: '300.00' },
  ],
};
for (const unapplied of ['own-bucket', 'net-oldest'] as const) {
  const r = ageReceivables(withCredit, { asOf: '2019-01-31', unapplied })._unsafeUnwrap();
  const label =
    unapplied === 'own-bucket' ? 'as of 2019-01-31, own bucket:' : 'netted against the oldest:   ';
  console.log(`${label} ${r.rows[0]!.amounts.join(' / ')} = ${r.rows[0]!.balance}`);
}
const csv = agingToCsv(ageReceivables(withCredit, { asOf: '2019-01-31' })._unsafeUnwrap());
console.log(`${csv.split('\r\n')[0]!.slice(0, 79)}...`);
