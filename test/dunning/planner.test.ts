import { describe, expect, it } from 'vitest';
import {
  type DunningHistory,
  EMPTY_DUNNING_HISTORY,
  planDunning,
  recordActions,
} from '../../src/dunning/index.js';
import { balancesAsOf } from '../../src/ledger/index.js';
import type { Ledger } from '../../src/ledger/types.js';
import { invoice, ledgerWith, paid, policy } from './helpers.js';

const oneLevel = policy({
  levels: [{ daysAfterDue: 7, channel: 'email', templateId: 'reminder-1' }],
});

describe('planDunning: the issue scenarios', () => {
  it('reminds only the open part of a partly paid invoice, with reasons for the rest', () => {
    const p1 = paid('P-1', 'INV-1', '500.00', '2024-02-05');
    const p3 = paid('P-3', 'INV-3', '150.00', '2024-02-03');
    const ledger = ledgerWith({
      invoices: [
        invoice('INV-1', '500.00', '2024-02-01'),
        invoice('INV-2', '300.00', '2024-02-01', { status: 'draft' }),
        invoice('INV-3', '400.00', '2024-02-01'),
        invoice('INV-4', '200.00', '2024-02-20'),
      ],
      payments: [...p1.payments, ...p3.payments],
      allocations: [...p1.allocations, ...p3.allocations],
    });
    const plan = planDunning(ledger, EMPTY_DUNNING_HISTORY, oneLevel, '2024-02-08')._unsafeUnwrap();

    expect(plan.actions).toHaveLength(1);
    const [action] = plan.actions;
    expect(action!.items.map((i) => [i.itemId, i.openAmount, i.level])).toEqual([
      ['INV-3', '250.00', 1],
    ]);
    expect(action!.totalDue).toBe('250.00');
    const reasons = Object.fromEntries(plan.notReminded.map((r) => [r.itemId, r.reason]));
    expect(reasons).toEqual({ 'INV-1': 'paid', 'INV-2': 'draft', 'INV-4': 'not_yet_due' });
  });

  const twoLevels = policy({
    levels: [
      { daysAfterDue: 6, channel: 'email', templateId: 'reminder-1' },
      {
        daysAfterDue: 30,
        channel: 'letter',
        templateId: 'reminder-2',
        fee: { type: 'percent', percent: '10' },
      },
    ],
  });

  /** Runs the planner at every `asOf`, recording actions and posting their charges. */
  function run(asOfs: readonly string[], start: Ledger) {
    let ledger = start;
    let history: DunningHistory = EMPTY_DUNNING_HISTORY;
    const sent: { date: string; level: number; asOf: string }[] = [];
    for (const asOf of asOfs) {
      const plan = planDunning(ledger, history, twoLevels, asOf)._unsafeUnwrap();
      for (const a of plan.actions) sent.push({ date: a.date, level: a.level, asOf });
      ledger = {
        ...ledger,
        charges: [...ledger.charges, ...plan.actions.flatMap((a) => a.charges)],
      };
      history = recordActions(history, plan.actions);
    }
    return { ledger, history, sent };
  }

  const start = ledgerWith({ invoices: [invoice('INV-1', '1000.00', '2024-03-01')] });

  it('run every hour from 2024-03-01 to 2024-04-05: level 1 once, level 2 once, one fee', () => {
    // Instants every hour, seen in the customer's zone (Europe/Berlin, with the switch
    // to summer time on 2024-03-31): 36 days x 24 runs.
    const hours = 36 * 24;
    const asOfs = Array.from({ length: hours }, (_, h) =>
      new Date(Date.UTC(2024, 2, 1, h)).toISOString().replace('.000', ''),
    );
    const { ledger, history, sent } = run(asOfs, start);

    expect(sent.map((s) => [s.date, s.level])).toEqual([
      ['2024-03-07', 1],
      ['2024-03-31', 2],
    ]);
    // Berlin is UTC+1 in March: 2024-03-06T23:00Z is already 2024-03-07 there.
    expect(sent[0]!.asOf).toBe('2024-03-06T23:00:00Z');
    // 10 % of 1000.00 = 100.00, posted once as a fee of its own.
    expect(ledger.charges.map((c) => [c.kind, c.amount, c.itemId])).toEqual([
      ['fee', '100.00', 'INV-1'],
    ]);
    expect(history.actions).toHaveLength(2);
    const balance = balancesAsOf(ledger, '2024-04-05').customers;
    expect(balance.map((b) => b.balance)).toEqual(['1100.00']);
  });

  it('run 24 times a day with the date from 2024-03-01 to 2024-04-05: the same outcome', () => {
    const asOfs: string[] = [];
    for (let d = 0; d < 36; d++) {
      const date = new Date(Date.UTC(2024, 2, 1 + d)).toISOString().slice(0, 10);
      for (let h = 0; h < 24; h++) asOfs.push(date);
    }
    const { ledger, sent } = run(asOfs, start);
    expect(sent.map((s) => [s.date, s.level])).toEqual([
      ['2024-03-07', 1],
      ['2024-03-31', 2],
    ]);
    expect(ledger.charges.map((c) => c.amount)).toEqual(['100.00']);
    expect(balancesAsOf(ledger, '2024-04-05').customers[0]!.balance).toBe('1100.00');
  });
});
