import { describe, expect, it } from 'vitest';
import {
  type DunningHistory,
  EMPTY_DUNNING_HISTORY,
  planDunning,
  recordActions,
} from '../../src/dunning/index.js';
import { invoice, ledgerWith, policy } from './helpers.js';

const p = policy({
  levels: [{ daysAfterDue: 7, channel: 'email', templateId: 'reminder-1' }],
  minDaysBetweenMessages: 5,
});
const ledger = ledgerWith({
  invoices: [
    invoice('EUR-1', '100.00', '2024-03-01'),
    invoice('USD-1', '100.00', '2024-02-25', { currency: 'USD' }),
  ],
});

describe('planDunning: one contact per customer across currencies', () => {
  it('reminds one currency per contact, the most overdue first, the other after the gap', () => {
    let history: DunningHistory = EMPTY_DUNNING_HISTORY;
    const run = (asOf: string) => {
      const plan = planDunning(ledger, history, p, asOf)._unsafeUnwrap();
      history = recordActions(history, plan.actions);
      return plan;
    };
    // 2024-03-08: EUR-1 is 7 days overdue, USD-1 13: USD-1 (due earlier) goes alone.
    const first = run('2024-03-08');
    expect(first.actions.map((a) => a.currency)).toEqual(['USD']);
    expect(first.notReminded).toContainEqual({
      itemId: 'EUR-1',
      customerId: 'C1',
      reason: 'too_soon',
      levelSent: 0,
    });
    // 2024-03-12 is 4 days after the contact: still too soon for a gap of 5.
    expect(run('2024-03-12').actions).toEqual([]);
    // 2024-03-13 is 5 days after: the EUR reminder goes.
    expect(run('2024-03-13').actions.map((a) => a.currency)).toEqual(['EUR']);
    expect(history.actions.map((a) => a.date)).toEqual(['2024-03-08', '2024-03-13']);
  });

  it('also holds the second currency back on a day the first one was sent', () => {
    const daily = policy({
      levels: [{ daysAfterDue: 7, channel: 'email', templateId: 'reminder-1' }],
    });
    const plan = planDunning(ledger, EMPTY_DUNNING_HISTORY, daily, '2024-03-08')._unsafeUnwrap();
    expect(plan.actions.map((a) => a.currency)).toEqual(['USD']);
  });
});
