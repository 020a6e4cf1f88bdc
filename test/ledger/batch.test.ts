import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { atPath } from '../../src/errors/index.js';
import {
  type AllocationRequest,
  applyCredits,
  applyPayment,
  applyPayments,
  type BatchOutcome,
  type Ledger,
} from '../../src/ledger/index.js';
import { amountOf, type Code, dayOf, ledgerArb, stepArb } from './arbitraries.js';
import { creditNote, invoice, ledgerOf, payment } from './helpers.js';

const ledger = ledgerOf({
  invoices: [invoice('INV-1', '1000.00'), invoice('INV-2', '300.00', { dueDate: '2026-02-28' })],
  payments: [payment('P-1', '1200.00'), payment('P-2', '50.00', { date: '2026-02-05' })],
  creditNotes: [creditNote('CN-1', '10.00')],
});

describe('applyPayments: many requests, one index', () => {
  it('applies in order, each request seeing the ones before it', () => {
    const r = applyPayments(ledger, [
      // INV-1 takes 1000.00 of P-1: 200.00 left.
      { id: 'A-1', sourceId: 'P-1', date: '2026-02-01', items: [{ itemId: 'INV-1' }] },
      // Oldest due first: INV-1 is paid, so P-1's 200.00 goes to INV-2 (300.00 open).
      { id: 'A-2', sourceId: 'P-1', date: '2026-02-01' },
      // P-2 (50.00) onto INV-2, which has 100.00 open after A-2.
      { id: 'A-3', sourceId: 'P-2', date: '2026-02-05', items: [{ itemId: 'INV-2' }] },
    ])._unsafeUnwrap();
    expect(r.refused).toBe(0);
    expect(r.outcomes.map((o) => (o.ok ? o.unappliedAmount : o.error.code))).toEqual([
      '200.00',
      '0.00',
      '0.00',
    ]);
    expect(r.ledger.allocations.map((a) => [a.id, a.itemId, a.amount])).toEqual([
      ['A-1', 'INV-1', '1000.00'],
      ['A-2', 'INV-2', '200.00'],
      ['A-3', 'INV-2', '50.00'],
    ]);
  });

  it('refuses a request without stopping the batch; the error path starts with its index', () => {
    const r = applyPayments(ledger, [
      { id: 'A-1', sourceId: 'P-404', date: '2026-02-01' },
      { id: 'A-2', sourceId: 'CN-1', date: '2026-02-01' },
      { id: 'A-3', sourceId: 'P-1', date: '2026-13-01' },
      null as unknown as AllocationRequest,
      { id: 'A-5', sourceId: 'P-1', date: '2026-02-01', items: [{ itemId: 'INV-1' }] },
    ])._unsafeUnwrap();
    const errors = r.outcomes.map((o) => (o.ok ? 'ok' : [o.error.code, o.error.path]));
    expect(errors).toEqual([
      ['not_found', [0, 'sourceId']],
      // A credit note is not a payment: applyCredits takes it.
      ['not_found', [1, 'sourceId']],
      ['invalid_input', [2, 'date']],
      ['invalid_input', [3]],
      'ok',
    ]);
    expect(r.refused).toBe(4);
    expect(r.ledger.allocations).toHaveLength(1);
  });

  it('treats a request repeated in the batch as a no-op, the same id reused as an error', () => {
    const a1 = { id: 'A-1', sourceId: 'P-1', date: '2026-02-01', items: [{ itemId: 'INV-1' }] };
    const r = applyPayments(ledger, [a1, a1, { ...a1, date: '2026-02-02' }])._unsafeUnwrap();
    const seen = r.outcomes.map((o) => (o.ok ? o.repeated : o.error.code));
    expect(seen).toEqual([false, true, 'duplicate_id']);
    expect(r.ledger.allocations).toHaveLength(1);
  });

  it('returns the same ledger when nothing was allocated, and never mutates its argument', () => {
    const frozen = structuredClone(ledger);
    const none = applyPayments(ledger, [])._unsafeUnwrap();
    expect(none.ledger).toBe(ledger);
    applyPayments(ledger, [{ id: 'A-1', sourceId: 'P-1', date: '2026-02-01' }]);
    expect(ledger).toEqual(frozen);
  });

  it('applies credit notes with applyCredits, and refuses a non-list', () => {
    const r = applyCredits(ledger, [{ id: 'C-1', sourceId: 'CN-1', date: '2026-01-10' }]);
    // CN-1 (10.00) onto the oldest due item, INV-1.
    expect(r._unsafeUnwrap().ledger.allocations).toMatchObject([
      { itemId: 'INV-1', amount: '10.00' },
    ]);
    const bad = applyPayments(ledger, 'A-1' as unknown as AllocationRequest[]);
    expect(bad._unsafeUnwrapErr().code).toBe('invalid_input');
  });
});

/** What one applyPayment call per request, in a loop, gives. */
function loop(start: Ledger, requests: readonly AllocationRequest[]) {
  let current = start;
  const outcomes: BatchOutcome[] = requests.map((request, i) => {
    const r = applyPayment(current, request);
    if (r.isErr()) return { ok: false, error: atPath(r.error, [i]) };
    current = r.value.ledger;
    const { ledger: _, ...rest } = r.value;
    return { ok: true, ...rest };
  });
  return { ledger: current, outcomes };
}

describe('applyPayments invariants', () => {
  it('a batch gives what applying each request in turn gives', () => {
    const scenario = fc.record({
      ledger: ledgerArb,
      steps: fc.array(stepArb, { maxLength: 14 }),
      ids: fc.array(fc.nat(6), { maxLength: 14 }),
    });
    fc.assert(
      fc.property(scenario, ({ ledger: start, steps, ids }) => {
        const sources = [...start.payments, ...start.creditNotes];
        const items = [...start.invoices.flatMap((i) => i.instalments ?? [i]), ...start.charges];
        if (sources.length === 0) return;
        // Few ids, so that some requests repeat an earlier one or reuse its id.
        const requests = steps.flatMap((s, n): AllocationRequest[] => {
          if (s.kind !== 'apply') return [];
          const source = sources[s.source % sources.length]!;
          const item =
            s.item === null || items.length === 0 ? undefined : items[s.item % items.length];
          return [
            {
              id: `R-${ids[n] ?? n}`,
              sourceId: source.id,
              date: dayOf(s.day),
              ...(item ? { items: [{ itemId: item.id }] } : { policy: s.policy }),
              ...(s.cap === null ? {} : { amount: amountOf(s.cap, source.currency as Code) }),
            },
          ];
        });
        const batch = applyPayments(start, requests)._unsafeUnwrap();
        const expected = loop(start, requests);
        expect(batch.outcomes).toEqual(expected.outcomes);
        expect(batch.ledger).toEqual(expected.ledger);
        expect(batch.refused).toBe(expected.outcomes.filter((o) => !o.ok).length);
      }),
      { numRuns: 200 },
    );
  });
});
