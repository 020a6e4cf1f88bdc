import { describe, expect, it } from 'vitest';
import { EMPTY_DUNNING_HISTORY, planDunning } from '../../src/dunning/index.js';
import { invoice, ledgerWith, policy } from './helpers.js';

const p = policy({
  levels: [
    {
      daysAfterDue: 30,
      channel: 'email',
      templateId: 'reminder-2',
      fee: { type: 'fixed', amounts: { EUR: '5.00' } },
      claimInterest: true,
    },
  ],
});
const base = ledgerWith({});
const ledger = {
  ...base,
  customers: [...base.customers, { id: 'C2', name: 'Other SA', email: 'ap@other.example' }],
  invoices: [
    // The built-in ECB table starts on 2023-01-01: no rate for 2022-12-02.
    invoice('OLD', '100.00', '2022-12-01', { issueDate: '2022-11-01' }),
    invoice('NEW', '100.00', '2026-05-01', { customerId: 'C2', issueDate: '2026-04-01' }),
  ],
};

describe('planDunning: a missing reference rate', () => {
  it('skips only the interest it cannot compute, reports why, and plans everything else', () => {
    const plan = planDunning(ledger, EMPTY_DUNNING_HISTORY, p, '2026-06-15')._unsafeUnwrap();
    const [c1, c2] = plan.actions;
    expect(plan.actions.map((a) => a.customerId)).toEqual(['C1', 'C2']);
    // C1: the fee and the EUR 40 compensation go out; the interest is left out.
    expect(c1!.charges.map((c) => [c.kind, c.amount])).toEqual([
      ['fee', '5.00'],
      ['compensation', '40.00'],
    ]);
    expect(c1!.interestSkipped).toEqual([
      { itemId: 'OLD', reason: 'missing_rate', date: '2022-12-02' },
    ]);
    // 100.00 + 5.00 + 40.00 asked for.
    expect(c1!.totalDue).toBe('145.00');
    // C2: 2026-05-02..2026-06-15 = 30 + 15 = 45 days at 2.15 + 8 = 10.15 %:
    // 100 * 0.1015 * 45 / 365 = 1.25137 -> 1.25.
    expect(c2!.charges.map((c) => [c.kind, c.amount])).toEqual([
      ['fee', '5.00'],
      ['interest', '1.25'],
      ['compensation', '40.00'],
    ]);
    expect(c2!.interestSkipped).toBeUndefined();
  });

  it('skips interest reaching into a half-year the table does not have yet', () => {
    const plan = planDunning(ledger, EMPTY_DUNNING_HISTORY, p, '2026-12-04')._unsafeUnwrap();
    const c2 = plan.actions.find((a) => a.customerId === 'C2')!;
    expect(c2.interestSkipped).toEqual([
      { itemId: 'NEW', reason: 'missing_rate', date: '2026-07-01' },
    ]);
    expect(c2.charges.map((c) => c.kind)).toEqual(['fee', 'compensation']);
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
  });
});
