import { describe, expect, it } from 'vitest';
import { EMPTY_LEDGER, type Ledger, type LedgerInvoice } from '../../src/ledger/types.js';
import { applyMatches, applyMatchesWithReport } from '../../src/matching/index.js';
import type { MatchDecision, MatchResult, ProposedAllocation } from '../../src/matching/types.js';

const inv = (id: string, customerId: string, amount: string): LedgerInvoice => ({
  id,
  customerId,
  currency: 'EUR',
  issueDate: '2024-02-01',
  dueDate: '2024-03-01',
  amount,
});

const ledger: Ledger = {
  ...EMPTY_LEDGER,
  customers: [
    { id: 'C-1', name: 'One' },
    { id: 'C-2', name: 'Two' },
  ],
  invoices: [inv('I-1', 'C-1', '100.00'), inv('I-2', 'C-1', '50.00'), inv('I-3', 'C-2', '80.00')],
};

const pay = (itemId: string, customerId: string, amount: string): ProposedAllocation => ({
  kind: 'payment',
  itemId,
  customerId,
  amount,
  currency: 'EUR',
});

function auto(id: string, amount: string, allocations: ProposedAllocation[]): MatchDecision {
  return {
    transactionId: id,
    status: 'auto',
    reason: 'test',
    confidence: 1,
    customerId: allocations[0]!.customerId,
    allocations,
    signals: [],
    candidates: [],
    transaction: {
      id,
      amount,
      currency: 'EUR',
      valueDate: '2024-03-08',
      bookingDate: '2024-03-08',
      direction: 'credit',
      reversal: false,
    },
    policyVersion: 'test',
  };
}

const resultOf = (decisions: MatchDecision[]): MatchResult => ({
  policyVersion: 'test',
  decisions,
  summary: { auto: decisions.length, suggest: 0, unmatched: 0, ignored: 0 },
});

describe('applying many decisions at once (one ledger batch)', () => {
  it('gives what applying them one by one gives, in order', () => {
    // t1 pays I-1 in full; t2 pays 40.00 of I-2 less a 10.00 discount; t3 pays I-3.
    const discount: ProposedAllocation = { ...pay('I-2', 'C-1', '10.00'), kind: 'discount' };
    const decisions = [
      auto('t1', '100.00', [pay('I-1', 'C-1', '100.00')]),
      auto('t2', '40.00', [pay('I-2', 'C-1', '40.00'), discount]),
      auto('t3', '80.00', [pay('I-3', 'C-2', '80.00')]),
    ];
    const all = applyMatches(ledger, resultOf(decisions), '2024-03-31');
    let oneByOne = ledger;
    for (const d of decisions) oneByOne = applyMatches(oneByOne, resultOf([d]), '2024-03-31');
    expect(all).toEqual(oneByOne);
    expect(all.allocations.map((a) => [a.id, a.itemId, a.amount])).toEqual([
      ['PAY-t1', 'I-1', '100.00'],
      ['PAY-t2', 'I-2', '40.00'],
      ['PAY-t3', 'I-3', '80.00'],
    ]);
    expect(all.writeOffs.map((w) => [w.id, w.itemId, w.amount])).toEqual([
      ['PAY-t2/W1', 'I-2', '10.00'],
    ]);
  });

  it('lets a later decision on the same item see the earlier one (the cap holds)', () => {
    // I-1 is 100.00: a pays 70.00 of it, b asks for 70.00 but only 30.00 is left.
    const decisions = [
      auto('a', '70.00', [pay('I-1', 'C-1', '70.00')]),
      auto('b', '70.00', [pay('I-1', 'C-1', '70.00')]),
    ];
    const all = applyMatchesWithReport(ledger, resultOf(decisions), '2024-03-31');
    let oneByOne = ledger;
    for (const d of decisions) oneByOne = applyMatches(oneByOne, resultOf([d]), '2024-03-31');
    expect(all.ledger).toEqual(oneByOne);
    const onI1 = all.ledger.allocations.filter((a) => a.itemId === 'I-1');
    expect(onI1.reduce((s, a) => s + Number(a.amount), 0)).toBeLessThanOrEqual(100);
  });

  it('leaves no record of a refused decision and applies the others', () => {
    // I-404 does not exist: t2 is refused; t1 and t3 are applied.
    const decisions = [
      auto('t1', '100.00', [pay('I-1', 'C-1', '100.00')]),
      auto('t2', '10.00', [pay('I-404', 'C-1', '10.00')]),
      auto('t3', '80.00', [pay('I-3', 'C-2', '80.00')]),
    ];
    const report = applyMatchesWithReport(ledger, resultOf(decisions), '2024-03-31');
    expect(report.applied).toEqual(['t1', 't3']);
    expect(report.skipped.map((s) => s.transactionId)).toEqual(['t2']);
    expect(report.ledger.payments.map((p) => p.id)).toEqual(['PAY-t1', 'PAY-t3']);
    const again = applyMatchesWithReport(report.ledger, resultOf(decisions), '2024-03-31');
    expect(again.ledger.allocations).toEqual(report.ledger.allocations);
    expect(again.applied).toEqual([]);
  });

  it('applies a transaction repeated in one result once', () => {
    const d = auto('t1', '100.00', [pay('I-1', 'C-1', '100.00')]);
    const next = applyMatches(ledger, resultOf([d, d]), '2024-03-31');
    expect(next.payments.map((p) => p.id)).toEqual(['PAY-t1']);
    expect(next.allocations.map((a) => a.amount)).toEqual(['100.00']);
  });
});
