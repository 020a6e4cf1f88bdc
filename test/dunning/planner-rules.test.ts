import { describe, expect, it } from 'vitest';
import {
  type DunningPolicy,
  EMPTY_DUNNING_HISTORY,
  planDunning,
  recordActions,
} from '../../src/dunning/index.js';
import { EMPTY_LEDGER, type Ledger } from '../../src/ledger/types.js';
import { invoice, ledgerWith, policy } from './helpers.js';

const level = (daysAfterDue: number, extra: object = {}) => ({
  daysAfterDue,
  channel: 'email',
  templateId: `reminder-${daysAfterDue}`,
  ...extra,
});
const due = ledgerWith({ invoices: [invoice('INV-1', '1000.00', '2024-03-01')] });
const plan = (ledger: Ledger, p: DunningPolicy, asOf: string, options = {}) =>
  planDunning(ledger, EMPTY_DUNNING_HISTORY, p, asOf, options)._unsafeUnwrap();
const reasonOf = (ledger: Ledger, p: DunningPolicy, asOf: string, options = {}) =>
  plan(ledger, p, asOf, options).notReminded.map((r) => [r.itemId, r.reason]);

describe('planDunning: policy rules', () => {
  it('leaves held items alone until the hold ends, and does not count them', () => {
    const p = policy({ levels: [level(6)] });
    const holds = [{ kind: 'promise_to_pay', itemId: 'INV-1', until: '2024-03-15' }] as const;
    expect(reasonOf(due, p, '2024-03-10', { holds })).toEqual([['INV-1', 'on_hold']]);
    expect(plan(due, p, '2024-03-16', { holds }).actions).toHaveLength(1);
    const customerHold = [{ kind: 'manual', customerId: 'C1' }] as const;
    expect(reasonOf(due, p, '2024-03-16', { holds: customerHold })).toEqual([['INV-1', 'on_hold']]);
  });

  it('does not count held items toward the minimum overdue amount', () => {
    const two = ledgerWith({
      invoices: [
        invoice('INV-1', '900.00', '2024-03-01'),
        invoice('INV-2', '200.00', '2024-03-01'),
      ],
    });
    const p = policy({ levels: [level(6)], minimumOverdue: { EUR: '1000.00' } });
    // 900.00 + 200.00 = 1100.00 reaches the minimum; with INV-1 held only 200.00 counts.
    expect(plan(two, p, '2024-03-10').actions).toHaveLength(1);
    const holds = [{ kind: 'payment_plan', itemId: 'INV-1' }] as const;
    expect(reasonOf(two, p, '2024-03-10', { holds })).toEqual([
      ['INV-1', 'on_hold'],
      ['INV-2', 'below_minimum'],
    ]);
  });

  it('does not remind a customer whose unapplied payment covers what is overdue', () => {
    const received = (amount: string) => ({
      ...due,
      payments: [{ id: 'P-9', customerId: 'C1', currency: 'EUR', date: '2024-03-05', amount }],
    });
    const p = policy({ levels: [level(6)] });
    // The money arrived but is not allocated yet: a reminder now would be for a paid bill.
    expect(reasonOf(received('1000.00'), p, '2024-03-10')).toEqual([['INV-1', 'unapplied_cash']]);
    const part = plan(received('400.00'), p, '2024-03-10').actions[0]!;
    // 1000.00 overdue - 400.00 received = 600.00 asked for.
    expect([part.overdueAmount, part.unappliedAmount, part.totalDue]).toEqual([
      '1000.00',
      '400.00',
      '600.00',
    ]);
  });

  it('does not remind an item the ledger marks as disputed', () => {
    const disputed = ledgerWith({
      invoices: [invoice('INV-1', '1000.00', '2024-03-01', { disputes: [{ from: '2024-03-05' }] })],
    });
    expect(reasonOf(disputed, policy({ levels: [level(6)] }), '2024-03-10')).toEqual([
      ['INV-1', 'disputed'],
    ]);
  });

  it('reminds nobody below the minimum overdue amount', () => {
    const p = policy({ levels: [level(6)], minimumOverdue: { EUR: '1000.01' } });
    expect(reasonOf(due, p, '2024-03-10')).toEqual([['INV-1', 'below_minimum']]);
    const q = policy({ levels: [level(6)], minimumOverdue: { EUR: '1000.00' } });
    expect(plan(due, q, '2024-03-10').actions).toHaveLength(1);
  });

  it('waits for a business day and then sends the level once', () => {
    const p = policy({ levels: [level(6)], sendDays: { businessDaysOnly: true } });
    // 2024-03-09 is a Saturday, 2024-03-11 a Monday.
    expect(reasonOf(due, p, '2024-03-09')).toEqual([['INV-1', 'not_business_day']]);
    const holiday = { calendar: { holidays: ['2024-03-11'] } };
    expect(reasonOf(due, p, '2024-03-11', holiday)).toEqual([['INV-1', 'not_business_day']]);
    expect(plan(due, p, '2024-03-11').actions.map((a) => a.level)).toEqual([1]);
  });

  it('after missed runs sends the level due now, once (by days)', () => {
    const p = policy({
      levels: [
        level(6, { fee: { type: 'fixed', amounts: { EUR: '5.00' } } }),
        level(30),
        level(45, { final: true, fee: { type: 'fixed', amounts: { EUR: '15.00' } } }),
      ],
      escalation: 'by-days',
    });
    const first = plan(due, p, '2024-04-20');
    expect(first.actions.map((a) => [a.kind, a.level, a.charges.map((c) => c.amount)])).toEqual([
      ['escalate', 3, ['15.00']],
    ]);
    const history = recordActions(EMPTY_DUNNING_HISTORY, first.actions);
    const next = planDunning(due, history, p, '2024-04-21')._unsafeUnwrap();
    expect(next.actions).toEqual([]);
    expect(next.notReminded.map((r) => r.reason)).toEqual(['max_level_reached']);
  });

  it('one level at a time never jumps to the final letter, and spaces contacts', () => {
    const p = policy({
      levels: [level(6), level(30), level(45, { final: true })],
      minDaysBetweenMessages: 7,
    });
    let history = EMPTY_DUNNING_HISTORY;
    const sent: [string, number][] = [];
    for (let d = 50; d <= 70; d++) {
      const asOf = new Date(Date.UTC(2024, 2, 1 + d)).toISOString().slice(0, 10);
      const r = planDunning(due, history, p, asOf)._unsafeUnwrap();
      for (const a of r.actions) sent.push([a.date, a.level]);
      history = recordActions(history, r.actions);
    }
    // Day 50 after 2024-03-01 is 2024-04-20; then 7 days apart.
    expect(sent).toEqual([
      ['2024-04-20', 1],
      ['2024-04-27', 2],
      ['2024-05-04', 3],
    ]);
  });

  it('caps contact days per month', () => {
    const p = policy({
      levels: [level(1), level(2), level(3)],
      maxMessagesPerMonth: 2,
    });
    let history = EMPTY_DUNNING_HISTORY;
    const reasons: string[] = [];
    for (const asOf of ['2024-03-02', '2024-03-03', '2024-03-04']) {
      const r = planDunning(due, history, p, asOf)._unsafeUnwrap();
      history = recordActions(history, r.actions);
      reasons.push(r.actions.length > 0 ? 'sent' : r.notReminded[0]!.reason);
    }
    expect(reasons).toEqual(['sent', 'sent', 'monthly_limit']);
  });

  it('posts statutory interest and the EUR 40 compensation once, apart from the principal', () => {
    const p = policy({ levels: [level(6), level(30, { claimInterest: true })] });
    const history = recordActions(EMPTY_DUNNING_HISTORY, plan(due, p, '2024-03-07').actions);
    const r = planDunning(due, history, p, '2024-03-31')._unsafeUnwrap();
    // 2024-03-02..03-31 = 30 days at 4.50 + 8 = 12.50 %: 1000 x 12.5 x 30 / 36500
    // = 10.2739... -> 10.27
    expect(r.actions[0]!.charges.map((c) => [c.kind, c.amount, c.itemId])).toEqual([
      ['interest', '10.27', 'INV-1'],
      ['compensation', '40.00', 'INV-1'],
    ]);
    expect(r.actions[0]!.overdueAmount).toBe('1000.00');
    expect(r.actions[0]!.totalDue).toBe('1050.27');
    const consumer = { ...due, customers: [{ ...due.customers[0]!, consumer: true }] };
    const c = planDunning(consumer, history, p, '2024-03-31')._unsafeUnwrap();
    expect(c.actions[0]!.charges.map((x) => x.kind)).toEqual(['interest']);
  });

  it('groups one message per invoice when asked', () => {
    const two = ledgerWith({
      invoices: [
        invoice('INV-1', '100.00', '2024-03-01'),
        invoice('INV-2', '200.00', '2024-03-02'),
      ],
    });
    expect(plan(two, policy({ levels: [level(6)] }), '2024-03-10').actions).toHaveLength(1);
    const byInvoice = policy({ levels: [level(6)], grouping: 'invoice' });
    expect(plan(two, byInvoice, '2024-03-10').actions.map((a) => a.items[0]!.itemId)).toEqual([
      'INV-1',
      'INV-2',
    ]);
  });

  it('sends a friendly reminder before the due date', () => {
    const p = policy({ levels: [level(-3), level(7)] });
    expect(reasonOf(due, p, '2024-02-26')).toEqual([['INV-1', 'not_yet_due']]);
    const r = plan(due, p, '2024-02-27');
    expect(r.actions[0]!.items.map((i) => [i.level, i.daysOverdue])).toEqual([[1, -3]]);
  });

  it('skips the friendly reminder for an item already overdue', () => {
    const p = policy({ levels: [level(-3), level(7)] });
    expect(plan(due, p, '2024-03-05').actions).toEqual([]);
    expect(plan(due, p, '2024-03-08').actions.map((a) => a.level)).toEqual([2]);
  });

  it('lists already reminded items in the next message without actioning them again', () => {
    const two = ledgerWith({
      invoices: [
        invoice('INV-1', '100.00', '2024-03-01'),
        invoice('INV-2', '200.00', '2024-03-10'),
      ],
    });
    const p = policy({ levels: [level(6), level(30)] });
    const history = recordActions(EMPTY_DUNNING_HISTORY, plan(two, p, '2024-03-07').actions);
    const r = planDunning(two, history, p, '2024-03-16')._unsafeUnwrap();
    expect(r.actions[0]!.items.map((i) => i.itemId)).toEqual(['INV-2']);
    expect(r.actions[0]!.listedItems.map((i) => [i.itemId, i.level])).toEqual([['INV-1', 1]]);
    expect(r.actions[0]!.totalDue).toBe('300.00');
  });

  it('re-plans an unrecorded action with the same key but without its posted charges', () => {
    const p = policy({ levels: [level(6, { fee: { type: 'fixed', amounts: { EUR: '5.00' } } })] });
    const first = plan(due, p, '2024-03-07');
    // The host posted the fee, then crashed before recording the action; it retries
    // after midnight.
    const posted = { ...due, charges: first.actions[0]!.charges };
    const retry = plan(posted, p, '2024-03-08');
    expect(retry.actions[0]!.key).toBe(first.actions[0]!.key);
    expect(retry.actions[0]!.charges).toEqual([]);
  });

  it('refuses an asOf that is neither a date nor an instant', () => {
    const p = policy({ levels: [level(6)] });
    const r = planDunning(due, EMPTY_DUNNING_HISTORY, p, '2024-03-07 10:00');
    expect(r._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_date', path: ['asOf'] });
  });
});

describe('parseDunningPolicy', () => {
  it('fills defaults and refuses levels out of order', async () => {
    const { parseDunningPolicy } = await import('../../src/dunning/index.js');
    const p = parseDunningPolicy({ levels: [level(7)] })._unsafeUnwrap();
    expect(p).toMatchObject({
      graceDays: 0,
      grouping: 'customer',
      interest: { preset: 'eu-minimum' },
    });
    const bad = parseDunningPolicy({
      levels: [level(7), level(7)],
      minimumOverdue: { EUR: '1.001' },
    });
    expect(bad._unsafeUnwrapErr().code).toBe('invalid_input');
    const issues = bad.isErr() && bad.error.code === 'invalid_input' ? bad.error.issues : [];
    expect(issues.map((i) => i.path)).toEqual(
      expect.arrayContaining([
        ['minimumOverdue', 'EUR'],
        ['levels', 1, 'daysAfterDue'],
      ]),
    );
  });
});

describe('planDunning on a ledger parseLedger would refuse', () => {
  it('returns an error value for an unknown currency or an amount off its minor unit', () => {
    const base = {
      id: 'I1',
      customerId: 'C1',
      issueDate: '2024-01-01',
      dueDate: '2024-01-31',
    };
    for (const inv of [
      { ...base, currency: 'eur', amount: '10.00' },
      { ...base, currency: 'EUR', amount: '2380.001' },
    ]) {
      const ledger = { ...EMPTY_LEDGER, invoices: [inv] };
      const p = policy({ levels: [level(7)] });
      const planned = planDunning(ledger, EMPTY_DUNNING_HISTORY, p, '2024-03-01');
      expect(planned._unsafeUnwrapErr().code).toBe('invalid_input');
    }
  });
});
