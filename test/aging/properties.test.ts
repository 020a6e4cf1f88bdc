import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageReceivables } from '../../src/aging/index.js';
import { balancesAsOf } from '../../src/ledger/index.js';
import { Dec } from '../../src/money/decimal.js';
import { dayOf, ledgerArb } from '../ledger/arbitraries.js';

const options = fc.record({
  asOf: fc.integer({ min: 0, max: 200 }).map(dayOf),
  basis: fc.constantFrom('days-past-due' as const, 'days-since-issue' as const),
  unapplied: fc.constantFrom('own-bucket' as const, 'net-oldest' as const),
  buckets: fc.option(
    fc
      .uniqueArray(fc.integer({ min: -30, max: 150 }), { minLength: 1, maxLength: 6 })
      .map((b) => [...b].sort((x, y) => x - y)),
  ),
});

describe('aging invariants', () => {
  it('aging buckets sum to the open balance, per customer and in total', () => {
    fc.assert(
      fc.property(ledgerArb, options, (ledger, o) => {
        const report = ageReceivables(ledger, {
          ...o,
          buckets: o.buckets ?? undefined,
        })._unsafeUnwrap();
        const balances = new Map(
          balancesAsOf(ledger, o.asOf)
            .customers.filter(
              (c) => !new Dec(c.openAmount).plus(c.unappliedCash).plus(c.unappliedCredit).isZero(),
            )
            .map((c) => [`${c.customerId} ${c.currency}`, new Dec(c.balance).toFixed()]),
        );
        const rows = new Map<string, string>();
        for (const row of report.rows) {
          const sum = row.amounts.reduce((s, a) => s.plus(a), new Dec(0));
          expect(sum.equals(row.balance)).toBe(true);
          rows.set(`${row.customerId} ${row.currency}`, new Dec(row.balance).toFixed());
        }
        expect(rows).toEqual(balances);
        for (const total of report.totals) {
          expect(total.amounts.reduce((s, a) => s.plus(a), new Dec(0)).equals(total.balance)).toBe(
            true,
          );
          if (total.percentages) {
            expect(total.percentages.reduce((s, p) => s.plus(p), new Dec(0)).toFixed(2)).toBe(
              '100.00',
            );
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('every day count falls in exactly one bucket', () => {
    fc.assert(
      fc.property(fc.integer({ min: -400, max: 400 }), (days) => {
        const report = ageReceivables(
          {
            customers: [],
            invoices: [
              {
                id: 'I',
                customerId: 'C',
                currency: 'EUR',
                issueDate: dayOf(0),
                dueDate: dayOf(400),
                amount: '1.00',
              },
            ],
            creditNotes: [],
            payments: [],
            refunds: [],
            charges: [],
            writeOffs: [],
            allocations: [],
          },
          { asOf: dayOf(400 + days) },
        )._unsafeUnwrap();
        const hit = report.buckets.filter(
          (b) => (b.from === null || days >= b.from) && (b.to === null || days <= b.to),
        );
        expect(hit).toHaveLength(1);
        const at = report.buckets.indexOf(hit[0]!);
        expect(report.rows[0]!.amounts[at]).toBe('1.00');
      }),
      { numRuns: 200 },
    );
  });
});
