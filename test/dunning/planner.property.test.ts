import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type DunningHistory,
  type DunningHold,
  type DunningPolicy,
  EMPTY_DUNNING_HISTORY,
  planDunning,
  recordActions,
} from '../../src/dunning/index.js';
import { balancesAsOf } from '../../src/ledger/index.js';
import { EMPTY_LEDGER, type Ledger, type LedgerInvoice } from '../../src/ledger/types.js';
import { policy } from './helpers.js';

const day = (offset: number) => new Date(Date.UTC(2024, 2, 1 + offset)).toISOString().slice(0, 10);
const cents = (n: number) => `${Math.floor(n / 100)}.${String(n % 100).padStart(2, '0')}`;

const invoiceArb = fc.record({
  customer: fc.integer({ min: 1, max: 3 }),
  amount: fc.integer({ min: 1, max: 500_000 }),
  due: fc.integer({ min: 0, max: 60 }),
  draft: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  unallocated: fc.option(fc.integer({ min: 1, max: 100_000 })),
  paid: fc.option(
    fc.record({ part: fc.integer({ min: 1, max: 100 }), at: fc.integer({ min: 0, max: 90 }) }),
  ),
  hold: fc.option(
    fc.record({ from: fc.integer({ min: 0, max: 90 }), len: fc.integer({ min: 0, max: 30 }) }),
  ),
  dispute: fc.option(
    fc.record({ from: fc.integer({ min: 0, max: 90 }), len: fc.integer({ min: 0, max: 30 }) }),
  ),
});

const world = fc.record({
  invoices: fc.array(invoiceArb, { minLength: 1, maxLength: 8 }),
  steps: fc.uniqueArray(fc.integer({ min: 1, max: 25 }), { minLength: 1, maxLength: 3 }),
  escalation: fc.constantFrom('one-level-at-a-time', 'by-days'),
  grouping: fc.constantFrom('customer', 'invoice'),
  gap: fc.integer({ min: 0, max: 4 }),
  fee: fc.boolean(),
  schedule: fc.array(fc.integer({ min: 0, max: 120 }), { minLength: 1, maxLength: 14 }),
});
type World = typeof world extends fc.Arbitrary<infer T> ? T : never;

function build(w: World): { ledger: Ledger; holds: DunningHold[]; policy: DunningPolicy } {
  const invoices: LedgerInvoice[] = [];
  const payments: Ledger['payments'][number][] = [];
  const allocations: Ledger['allocations'][number][] = [];
  const holds: DunningHold[] = [];
  w.invoices.forEach((x, i) => {
    const id = `INV-${i}`;
    const customerId = `C${x.customer}`;
    const status = x.draft ? 'draft' : 'issued';
    invoices.push({
      id,
      customerId,
      currency: 'EUR',
      issueDate: '2024-02-01',
      dueDate: day(x.due),
      amount: cents(x.amount),
      status,
      ...(x.dispute
        ? { disputes: [{ from: day(x.dispute.from), until: day(x.dispute.from + x.dispute.len) }] }
        : {}),
    });
    if (x.paid && !x.draft) {
      const amount = cents(Math.max(1, Math.floor((x.amount * x.paid.part) / 100)));
      payments.push({ id: `P-${i}`, customerId, currency: 'EUR', date: day(x.paid.at), amount });
      allocations.push({
        id: `A-${i}`,
        sourceId: `P-${i}`,
        itemId: id,
        amount,
        date: day(x.paid.at),
      });
    }
    if (x.unallocated !== null) {
      const amount = cents(x.unallocated);
      payments.push({ id: `U-${i}`, customerId, currency: 'EUR', date: day(x.due), amount });
    }
    if (x.hold)
      holds.push({
        kind: 'promise_to_pay',
        itemId: id,
        from: day(x.hold.from),
        until: day(x.hold.from + x.hold.len),
      });
  });
  let days = 0;
  const levels = [...w.steps]
    .sort((a, b) => a - b)
    .map((s, i) => {
      days = s + i;
      const fee = w.fee ? { fee: { type: 'percent', percent: '5' } } : {};
      return { daysAfterDue: days, channel: 'email', templateId: `r${i}`, ...fee };
    });
  const customers = [1, 2, 3].map((n) => ({ id: `C${n}`, name: `Customer ${n}` }));
  return {
    ledger: { ...EMPTY_LEDGER, customers, invoices, payments, allocations },
    holds,
    policy: policy({
      levels,
      escalation: w.escalation,
      grouping: w.grouping,
      minDaysBetweenMessages: w.gap,
    }),
  };
}

function runSchedule(
  w: World,
  check: (ledger: Ledger, asOf: string, plan: ReturnType<typeof planOnce>) => void,
) {
  const { ledger: start, holds, policy: p } = build(w);
  let ledger = start;
  let history: DunningHistory = EMPTY_DUNNING_HISTORY;
  for (const offset of [...w.schedule].sort((a, b) => a - b)) {
    const asOf = day(offset);
    const plan = planOnce(ledger, history, p, asOf, holds);
    check(ledger, asOf, plan);
    ledger = { ...ledger, charges: [...ledger.charges, ...plan.actions.flatMap((a) => a.charges)] };
    history = recordActions(history, plan.actions);
  }
  return { ledger, history, holds, policy: p };
}

function planOnce(
  ledger: Ledger,
  history: DunningHistory,
  p: DunningPolicy,
  asOf: string,
  holds: DunningHold[],
) {
  return planDunning(ledger, history, p, asOf, { holds })._unsafeUnwrap();
}

describe('planDunning invariants', () => {
  it('reading the ledger itself plans exactly what reading its balances plans', () => {
    // Two paths to the items: the ledger's replay (a run on one date) and OpenItem
    // objects (balances given by the host). Charges posted by earlier runs included.
    fc.assert(
      fc.property(world, (w) => {
        const { holds, policy: p } = build(w);
        let history: DunningHistory = EMPTY_DUNNING_HISTORY;
        runSchedule(w, (ledger, asOf, plan) => {
          const balances = balancesAsOf(ledger, asOf);
          const given = planDunning(ledger, history, p, asOf, { holds, balances });
          expect(JSON.stringify(given._unsafeUnwrap())).toBe(JSON.stringify(plan));
          history = recordActions(history, plan.actions);
        });
      }),
      { numRuns: 150 },
    );
  });

  it('running the plan twice for the same day changes nothing the second time', () => {
    fc.assert(
      fc.property(world, (w) => {
        const { ledger, history, holds, policy: p } = runSchedule(w, () => {});
        const last = day(Math.max(...w.schedule));
        const again = planOnce(ledger, history, p, last, holds);
        expect(again.actions).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('no action concerns a paid, draft, held or not-yet-due item', () => {
    fc.assert(
      fc.property(world, (w) => {
        const { holds } = build(w);
        runSchedule(w, (ledger, asOf, plan) => {
          const items = new Map(balancesAsOf(ledger, asOf).items.map((i) => [i.id, i]));
          for (const a of plan.actions) {
            for (const it of a.items) {
              const item = items.get(it.itemId);
              expect(item, 'drafts are never in the balances').toBeDefined();
              expect(item!.status === 'open' || item!.status === 'partially_paid').toBe(true);
              expect(item!.disputed, 'disputed on the day of the run').toBe(false);
              expect(asOf > item!.dueDate).toBe(true);
              const held = holds.some(
                (h) => h.itemId === it.itemId && h.from! <= asOf && asOf <= h.until!,
              );
              expect(held).toBe(false);
            }
          }
        });
      }),
      { numRuns: 150 },
    );
  });

  it('over any run schedule each (customer, level, item) is actioned at most once', () => {
    fc.assert(
      fc.property(world, (w) => {
        const seen = new Set<string>();
        runSchedule(w, (_l, _d, plan) => {
          for (const a of plan.actions) {
            for (const i of a.items) {
              const k = `${a.customerId}|${i.level}|${i.itemId}`;
              expect(seen.has(k)).toBe(false);
              seen.add(k);
            }
          }
        });
      }),
      { numRuns: 150 },
    );
  });

  it('the total due adds up to the items and charges of the action', () => {
    fc.assert(
      fc.property(world, (w) => {
        runSchedule(w, (_l, _d, plan) => {
          for (const a of plan.actions) {
            const units = (s: string) => Math.round(Number(s) * 100);
            const parts = [...a.items, ...a.listedItems].map((i) => units(i.openAmount));
            const charges = a.charges.map((c) => units(c.amount));
            const open = a.openCharges.map((c) => units(c.openAmount));
            const sum = [...parts, ...charges, ...open].reduce((x, y) => x + y, 0);
            expect(units(a.totalDue)).toBe(Math.max(0, sum - units(a.unappliedAmount)));
          }
        });
      }),
      { numRuns: 100 },
    );
  });
});
