/**
 * Cash application with `receivables`: give invoices RF references at issue, match a
 * bank statement against the open items, read why each decision was taken, apply the
 * automatic ones, and see that applying the same statement twice changes nothing.
 * Run with `npx tsx examples/matching.ts`. It prints:
 *
 *     TX-1 auto 1.00: INV-2024-0117 1000.00
 *       reference RF86INV20240117 is the payment reference of INV-2024-0117 (0.65)
 *     TX-2 auto 1.00: INV-2024-0118 245.00, discount INV-2024-0118 5.00
 *       'Rechnung 2024/118' in the text reads as invoice number INV-2024-0118 (0.45)
 *     TX-3 suggest 0.74: INV-2024-0119 80.00, INV-2024-0120 40.00
 *       name 'MULLER MASCHNENBAU' ~ 'Müller Maschinenbau AG', similarity 0.95 (0.238)
 *     TX-4 unmatched 0.00
 *       no open item, reference or known payer matches
 *     TX-5 ignored 0.00
 *       reverses the payment of transaction TX-1 (0)
 *     open after applying: INV-2024-0117 1000.00, INV-2024-0119 80.00, INV-2024-0120 40.00
 *     applying again adds 0 payments
 */
import {
  balancesAsOf,
  EMPTY_LEDGER,
  type Ledger,
  type LedgerInvoice,
} from '../src/ledger/index.js';
import {
  applyMatches,
  matchPayments,
  openItemsForMatching,
  paymentReferenceFor,
} from '../src/matching/index.js';
import type { BankTransaction } from '../src/statements/index.js';

const invoice = (number: string, customerId: string, amount: string): LedgerInvoice => ({
  id: number,
  number,
  customerId,
  currency: 'EUR',
  issueDate: '2024-03-01',
  dueDate: '2024-03-31',
  amount,
  // The host gives each invoice its payment reference at issue time.
  paymentReference: paymentReferenceFor(number)._unsafeUnwrap().value,
  discounts: [{ until: '2024-03-10', percent: '2' }],
});

const ledger: Ledger = {
  ...EMPTY_LEDGER,
  customers: [
    { id: 'C-88', name: 'Acme GmbH & Co. KG', accounts: ['DE89370400440532013000'] },
    { id: 'C-7', name: 'Müller Maschinenbau AG' },
  ],
  invoices: [
    invoice('INV-2024-0117', 'C-88', '1000.00'),
    invoice('INV-2024-0118', 'C-88', '250.00'),
    invoice('INV-2024-0119', 'C-7', '80.00'),
    invoice('INV-2024-0120', 'C-7', '40.00'),
  ],
};

const tx = (id: string, amount: string, more: Partial<BankTransaction>): BankTransaction => ({
  id,
  statementId: 'ST-1',
  bookingDate: '2024-03-08',
  valueDate: '2024-03-08',
  amount,
  currency: 'EUR',
  direction: 'credit',
  reversal: false,
  ...more,
});

const rf = paymentReferenceFor('INV-2024-0117')._unsafeUnwrap().value;
const statement = [
  tx('TX-1', '1000.00', {
    structuredReference: { value: rf, scheme: 'iso11649', valid: true },
    counterpartyAccount: 'DE89 3704 0044 0532 0130 00',
    endToEndId: 'E2E-1',
  }),
  // 250.00 less the 2 % discount, paid within its period.
  tx('TX-2', '245.00', { remittanceText: 'Rechnung 2024/118', counterpartyName: 'ACME GMBH' }),
  // Two invoices in one payment, from a payer whose name is misspelt.
  tx('TX-3', '120.00', { counterpartyName: 'MULLER MASCHNENBAU' }),
  tx('TX-4', '19.99', { counterpartyName: 'Somebody', remittanceText: 'thanks' }),
  // The bank returns TX-1 a few days later.
  tx('TX-5', '1000.00', { direction: 'debit', reversal: true, endToEndId: 'E2E-1' }),
];

const result = matchPayments(
  statement,
  openItemsForMatching(ledger, '2024-03-08'),
  ledger.customers,
)._unsafeUnwrap();

for (const d of result.decisions) {
  const parts = d.allocations.map(
    (a) => `${a.kind === 'payment' ? '' : `${a.kind} `}${a.itemId ?? a.customerId} ${a.amount}`,
  );
  const what = parts.length > 0 ? `: ${parts.join(', ')}` : '';
  console.log(`${d.transactionId} ${d.status} ${d.confidence.toFixed(2)}${what}`);
  const first = d.signals.find((s) => s.code !== 'reference_invalid');
  console.log(`  ${first ? `${first.detail} (${first.weight})` : d.reason}`);
}

const applied = applyMatches(ledger, result, '2024-03-31');
const open = balancesAsOf(applied, '2024-03-31')
  .items.filter((i) => i.openAmount !== '0.00')
  .map((i) => `${i.id} ${i.openAmount}`);
console.log(`open after applying: ${open.join(', ')}`);
const again = applyMatches(applied, result, '2024-03-31');
console.log(`applying again adds ${again.payments.length - applied.payments.length} payments`);
