import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { balancesAsOf } from '../../src/ledger/index.js';
import type { Ledger } from '../../src/ledger/types.js';
import { collectionMetrics } from '../../src/metrics/index.js';
import { Dec } from '../../src/money/decimal.js';
import { addDays } from '../../src/terms/date.js';
import { ledgerArbitrary } from './arbitrary.js';

const day = fc.nat(200).map((d) => addDays('2026-01-01', d));
const period = fc
  .tuple(day, fc.nat(120))
  .map(([from, length]) => ({ from, to: addDays(from, length) }));

/** Receivables from `balancesAsOf`, netted the way docs/metrics.md says. */
function fromBalances(ledger: Ledger, asOf: string) {
  const b = balancesAsOf(ledger, asOf);
  let balance = new Dec(0);
  let current = new Dec(0);
  for (const c of b.customers) {
    const items = b.items.filter((i) => i.customerId === c.customerId && i.kind !== 'charge');
    let cur = items
      .filter((i) => i.dueDate >= asOf)
      .reduce((s, i) => s.plus(i.openAmount), new Dec(0));
    let past = items
      .filter((i) => i.dueDate < asOf)
      .reduce((s, i) => s.plus(i.openAmount), new Dec(0));
    const unapplied = new Dec(c.unappliedCash).plus(c.unappliedCredit);
    balance = balance.plus(cur).plus(past).minus(unapplied);
    const rest = Dec.max(0, unapplied.minus(past));
    past = Dec.max(0, past.minus(unapplied));
    cur = Dec.max(0, cur.minus(rest));
    current = current.plus(cur);
  }
  return { balance: balance.toFixed(2), current: current.toFixed(2) };
}

describe('metrics properties', () => {
  it('receivables agree with balancesAsOf at both ends of the period', () => {
    fc.assert(
      fc.property(ledgerArbitrary(), period, (ledger, p) => {
        const r = collectionMetrics(ledger, [p], { currency: 'EUR' });
        const row = r._unsafeUnwrap()[0]!;
        const closing = fromBalances(ledger, p.to);
        const opening = fromBalances(ledger, addDays(p.from, -1));
        expect(row.closingReceivables).toBe(closing.balance);
        expect(row.closingCurrentReceivables).toBe(closing.current);
        expect(row.openingReceivables).toBe(opening.balance);
      }),
      { numRuns: 150 },
    );
  });

  it('ADD = DSO - best possible DSO', () => {
    fc.assert(
      fc.property(ledgerArbitrary(), period, (ledger, p) => {
        const row = collectionMetrics(ledger, [p], { currency: 'EUR' })._unsafeUnwrap()[0]!;
        if (row.dso.value === null || row.bestPossibleDso.value === null) {
          expect(row.averageDaysDelinquent.value).toBeNull();
          return;
        }
        const add = new Dec(row.dso.value).minus(row.bestPossibleDso.value);
        expect(row.averageDaysDelinquent.value).toBe(add.toFixed(2));
      }),
      { numRuns: 150 },
    );
  });

  it('CEI is between 0 and 100 when only invoices and applied payments move', () => {
    // Without credit notes, refunds, write-offs or reversals no customer can owe less
    // than nothing past due, and collections cannot be negative.
    fc.assert(
      fc.property(ledgerArbitrary({ credits: false }), period, (ledger, p) => {
        const rows = collectionMetrics(ledger, [p], { currency: 'EUR', groupBy: 'customer' });
        for (const row of rows._unsafeUnwrap()) {
          if (row.cei.value === null) continue;
          expect(Number(row.cei.value)).toBeGreaterThanOrEqual(0);
          expect(Number(row.cei.value)).toBeLessThanOrEqual(100);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('metrics as of D ignore every event after D', () => {
    fc.assert(
      fc.property(ledgerArbitrary(), ledgerArbitrary(), period, (base, extra, p) => {
        // Move the extra ledger's records after the period's end, with fresh ids.
        const shift = (d: string) => addDays(d, 400);
        const later: Ledger = {
          ...base,
          invoices: [
            ...base.invoices,
            ...extra.invoices.map((i) => ({
              ...i,
              id: `X${i.id}`,
              issueDate: shift(i.issueDate),
              dueDate: shift(i.dueDate),
            })),
          ],
          payments: [
            ...base.payments,
            ...extra.payments.map((x) => ({
              ...x,
              id: `X${x.id}`,
              date: shift(x.date),
              reversedOn: undefined,
            })),
          ],
          creditNotes: [
            ...base.creditNotes,
            ...extra.creditNotes.map((x) => ({
              ...x,
              id: `X${x.id}`,
              issueDate: shift(x.issueDate),
            })),
          ],
        };
        const before = collectionMetrics(base, [p], { currency: 'EUR', groupBy: 'customer' });
        const after = collectionMetrics(later, [p], { currency: 'EUR', groupBy: 'customer' });
        const known = new Set(before._unsafeUnwrap().map((r) => r.group));
        const kept = after._unsafeUnwrap().filter((r) => known.has(r.group));
        expect(kept).toEqual(before._unsafeUnwrap());
      }),
      { numRuns: 100 },
    );
  });

  it('same input, same output', () => {
    fc.assert(
      fc.property(ledgerArbitrary(), period, (ledger, p) => {
        const a = collectionMetrics(ledger, [p], { currency: 'EUR' });
        expect(JSON.parse(JSON.stringify(a._unsafeUnwrap()))).toEqual(
          collectionMetrics(ledger, [p], { currency: 'EUR' })._unsafeUnwrap(),
        );
      }),
      { numRuns: 50 },
    );
  });
});
