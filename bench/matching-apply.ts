/**
 * Applying automatic decisions: `npx tsx bench/matching-apply.ts [items] [decisions]
 * [customers]` builds a ledger of `items` invoices of 100.00 spread over `customers`
 * and `decisions` automatic decisions paying one invoice each in full (every fifth at
 * 98.00 with a 2.00 discount write-off), then times `applyMatches` and a second,
 * idempotent application of the same result. Defaults: 100,000 / 10,000 / 100,000.
 */
import type { Customer, Ledger, LedgerInvoice } from '../src/ledger/types.js';
import { applyMatches } from '../src/matching/apply.js';
import type { MatchDecision, MatchResult, ProposedAllocation } from '../src/matching/types.js';

const [items = 100_000, count = 10_000, customerCount = 100_000] = process.argv
  .slice(2)
  .map(Number);
const customers: Customer[] = Array.from({ length: customerCount }, (_, i) => ({
  id: `C${i}`,
  name: `Customer ${i}`,
}));
const invoices: LedgerInvoice[] = Array.from({ length: items }, (_, i) => ({
  id: `INV-${i}`,
  customerId: `C${i % customerCount}`,
  currency: 'EUR',
  issueDate: '2024-01-01',
  dueDate: '2024-02-01',
  amount: '100.00',
}));
const ledger: Ledger = {
  customers,
  invoices,
  creditNotes: [],
  payments: [],
  refunds: [],
  charges: [],
  writeOffs: [],
  allocations: [],
};
const step = Math.max(1, Math.floor(items / count));
const decisions: MatchDecision[] = Array.from({ length: count }, (_, j) => {
  const itemId = `INV-${(j * step) % items}`;
  const customerId = `C${((j * step) % items) % customerCount}`;
  const part = (kind: ProposedAllocation['kind'], amount: string): ProposedAllocation => ({
    kind,
    itemId,
    customerId,
    amount,
    currency: 'EUR',
  });
  const discounted = j % 5 === 0;
  const amount = discounted ? '98.00' : '100.00';
  const allocations = discounted
    ? [part('payment', '98.00'), part('discount', '2.00')]
    : [part('payment', amount)];
  const id = `TX-${j}`;
  const transaction = {
    id,
    amount,
    currency: 'EUR',
    valueDate: '2024-03-01',
    bookingDate: '2024-03-01',
    direction: 'credit' as const,
    reversal: false,
  };
  return {
    transactionId: id,
    status: 'auto',
    reason: 'bench',
    confidence: 1,
    customerId,
    allocations,
    signals: [],
    candidates: [],
    transaction,
    policyVersion: 'bench',
  };
});
const result: MatchResult = {
  policyVersion: 'bench',
  decisions,
  summary: { auto: count, suggest: 0, unmatched: 0, ignored: 0 },
};
const t0 = performance.now();
const once = applyMatches(ledger, result, '2024-03-31');
const t1 = performance.now();
applyMatches(once, result, '2024-03-31');
const t2 = performance.now();
process.stdout.write(
  '| items | decisions | customers | apply ms | again ms | allocations |\n' +
    '|---:|---:|---:|---:|---:|---:|\n' +
    `| ${items} | ${count} | ${customerCount} | ${(t1 - t0).toFixed(0)} | ` +
    `${(t2 - t1).toFixed(0)} | ${once.allocations.length} |\n`,
);
