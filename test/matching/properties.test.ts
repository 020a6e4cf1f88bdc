import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPTY_LEDGER, type Ledger, type LedgerInvoice } from '../../src/ledger/types.js';
import {
  applyMatches,
  type MatchResult,
  matchPayments,
  openItemsForMatching,
  paymentReferenceFor,
} from '../../src/matching/index.js';
import type { BankTransaction } from '../../src/statements/types.js';
import { credit } from './helpers.js';

const cents = (c: number) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;
const toCents = (s: string) => Math.round(Number(s) * 100);

const customers = [0, 1, 2].map((i) => ({
  id: `C-${i}`,
  name: ['Acme GmbH', 'Beta Trading Ltd', 'Gamma SA'][i]!,
  accounts: [`DE0000000000000000000${i}`],
}));

const invoiceArb = fc.record({
  customer: fc.integer({ min: 0, max: 2 }),
  cents: fc.integer({ min: 100, max: 50_000 }),
  day: fc.integer({ min: 1, max: 28 }),
  discount: fc.boolean(),
  reference: fc.boolean(),
});

const txArb = fc.record({
  target: fc.nat(),
  mode: fc.constantFrom('exact', 'partial', 'over', 'random', 'discount', 'short'),
  text: fc.constantFrom('number', 'reference', 'none', 'noise'),
  payer: fc.constantFrom('iban', 'name', 'none'),
  debit: fc.boolean(),
  noise: fc.integer({ min: 1, max: 90_000 }),
});

function buildLedger(
  specs: { customer: number; cents: number; day: number; discount: boolean; reference: boolean }[],
): Ledger {
  const invoices: LedgerInvoice[] = specs.map((s, i) => ({
    id: `INV-${i + 1}`,
    customerId: `C-${s.customer}`,
    currency: 'EUR',
    issueDate: '2024-02-01',
    dueDate: `2024-03-${String(s.day).padStart(2, '0')}`,
    amount: cents(s.cents),
    ...(s.discount && { discounts: [{ until: '2024-03-10', percent: '2' }] }),
    ...(s.reference && {
      paymentReference: paymentReferenceFor(`INV-${i + 1}`)._unsafeUnwrap().value,
    }),
  }));
  return { ...EMPTY_LEDGER, customers, invoices };
}

type TxSpec = typeof txArb extends fc.Arbitrary<infer T> ? T : never;

function buildTransactions(ledger: Ledger, specs: readonly TxSpec[]) {
  return specs.map((s, i): BankTransaction => {
    const inv = ledger.invoices[s.target % ledger.invoices.length]!;
    const open = toCents(inv.amount);
    const amount = {
      exact: open,
      partial: Math.max(1, Math.floor(open / 3)),
      over: open + 1234,
      random: s.noise,
      discount: open - Math.round(open * 0.02),
      short: open - 3,
    }[s.mode];
    const c = customers[Number(inv.customerId.slice(2))]!;
    return credit(`T-${i}`, cents(amount), {
      ...(s.debit && i % 3 === 0 && { direction: 'debit' as const }),
      ...(s.text === 'number' && { remittanceText: `Invoice ${inv.id}` }),
      ...(s.text === 'reference' &&
        inv.paymentReference !== undefined && {
          structuredReference: {
            value: inv.paymentReference,
            scheme: 'iso11649' as const,
            valid: true,
          },
        }),
      ...(s.text === 'noise' && { remittanceText: `order ${s.noise} thanks` }),
      ...(s.payer === 'iban' && { counterpartyAccount: c.accounts[0]! }),
      ...(s.payer === 'name' && { counterpartyName: c.name.toUpperCase() }),
    });
  });
}

const scenario = fc
  .tuple(
    fc.array(invoiceArb, { minLength: 1, maxLength: 8 }),
    fc.array(txArb, { minLength: 1, maxLength: 8 }),
  )
  .map(([inv, txs]) => {
    const ledger = buildLedger(inv);
    return { ledger, transactions: buildTransactions(ledger, txs) };
  });

function run(ledger: Ledger, transactions: readonly BankTransaction[]): MatchResult {
  return matchPayments(
    transactions,
    openItemsForMatching(ledger, '2024-03-08'),
    ledger.customers,
  )._unsafeUnwrap();
}

describe('matching invariants', () => {
  it('allocations sum to the payment (cash parts), and never exceed what is open', () => {
    fc.assert(
      fc.property(scenario, ({ ledger, transactions }) => {
        const r = run(ledger, transactions);
        const open = new Map(ledger.invoices.map((i) => [i.id, toCents(i.amount)]));
        for (const d of r.decisions) {
          for (const c of d.candidates) {
            const cash = c.allocations
              .filter((a) => a.kind === 'payment' || a.kind === 'unapplied')
              .reduce((s, a) => s + toCents(a.amount), 0);
            expect(cash).toBe(toCents(d.transaction.amount));
            const perItem = new Map<string, number>();
            for (const a of c.allocations) {
              expect(toCents(a.amount)).toBeGreaterThan(0);
              if (a.itemId) perItem.set(a.itemId, (perItem.get(a.itemId) ?? 0) + toCents(a.amount));
            }
            for (const [id, used] of perItem) expect(used).toBeLessThanOrEqual(open.get(id)!);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('same input, same output, whatever the order of the transactions', () => {
    fc.assert(
      fc.property(scenario, fc.nat(), ({ ledger, transactions }, seed) => {
        const a = run(ledger, transactions);
        expect(run(ledger, transactions)).toEqual(a);
        expect(JSON.parse(JSON.stringify(a))).toEqual(a);
        const shuffled = [...transactions].sort(
          (x, y) =>
            ((Number(x.id.slice(2)) * 7919 + seed) % 101) -
            ((Number(y.id.slice(2)) * 7919 + seed) % 101),
        );
        const b = run(ledger, shuffled);
        const byId = new Map(b.decisions.map((d) => [d.transactionId, d]));
        for (const d of a.decisions) expect(byId.get(d.transactionId)).toEqual(d);
      }),
      { numRuns: 100 },
    );
  });

  it('applying the same statement twice changes nothing the second time', () => {
    fc.assert(
      fc.property(scenario, ({ ledger, transactions }) => {
        const r = run(ledger, transactions);
        const once = applyMatches(ledger, r, '2024-03-31');
        expect(applyMatches(once, r, '2024-03-31')).toEqual(once);
        expect(once.payments.length).toBe(r.summary.auto);
      }),
      { numRuns: 100 },
    );
  });

  it('never applies automatically when two candidates tie', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 90_000 }), fc.integer({ min: 2, max: 4 }), (c, n) => {
        const invoices: LedgerInvoice[] = Array.from({ length: n }, (_, i) => ({
          id: `T-${i}`,
          customerId: 'C-0',
          currency: 'EUR',
          issueDate: '2024-02-01',
          dueDate: '2024-03-01',
          amount: cents(c),
        }));
        const ledger = { ...EMPTY_LEDGER, customers, invoices };
        const tx = credit('t', cents(c), { counterpartyAccount: customers[0]!.accounts[0]! });
        expect(run(ledger, [tx]).decisions[0]!.status).not.toBe('auto');
      }),
      { numRuns: 100 },
    );
  });
});
