import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AllocationRequest,
  allocateSource,
  balancesAsOf,
  type Ledger,
  undoAllocation,
} from '../../src/ledger/index.js';
import { Dec } from '../../src/money/decimal.js';
import { amountOf, type Code, dayOf, ledgerArb, type Step, stepArb } from './arbitraries.js';

const EXPECTED_ERRORS = new Set([
  'overallocation',
  'not_allocatable',
  'currency_mismatch',
  'customer_mismatch',
  'invalid_date',
]);

function itemIds(ledger: Ledger): string[] {
  const ids: string[] = [];
  for (const inv of ledger.invoices) {
    if (inv.instalments) ids.push(...inv.instalments.map((p) => p.id));
    else ids.push(inv.id);
  }
  return [...ids, ...ledger.charges.map((c) => c.id)];
}

function requestOf(
  ledger: Ledger,
  step: Step & { kind: 'apply' },
  n: number,
): AllocationRequest | undefined {
  const sources = [...ledger.payments, ...ledger.creditNotes];
  const items = itemIds(ledger);
  if (sources.length === 0) return undefined;
  const source = sources[step.source % sources.length]!;
  const item =
    step.item === null || items.length === 0 ? undefined : items[step.item % items.length];
  return {
    id: `R-${n}`,
    sourceId: source.id,
    date: dayOf(step.day),
    ...(item ? { items: [{ itemId: item }] } : { policy: step.policy }),
    ...(step.cap === null ? {} : { amount: amountOf(step.cap, source.currency as Code) }),
  };
}

/** Runs the steps, keeping every successful result; errors must be the expected kinds. */
function run(start: Ledger, steps: readonly Step[]): Ledger {
  let ledger = start;
  steps.forEach((step, n) => {
    if (step.kind === 'undo') {
      const ids = ledger.allocations.map((a) => a.id);
      if (ids.length === 0) return;
      const r = undoAllocation(ledger, ids[step.which % ids.length]!, dayOf(step.day));
      if (r.isOk()) ledger = r.value.ledger;
      else expect(EXPECTED_ERRORS).toContain(r.error.code);
      return;
    }
    const request = requestOf(ledger, step, n);
    if (!request) return;
    const r = allocateSource(ledger, request);
    if (r.isOk()) ledger = r.value.ledger;
    else expect(EXPECTED_ERRORS).toContain(r.error.code);
  });
  return ledger;
}

const scenario = fc.record({
  ledger: ledgerArb,
  steps: fc.array(stepArb, { maxLength: 12 }),
  asOf: fc.integer({ min: 0, max: 120 }).map(dayOf),
});

function expectedBalances(ledger: Ledger, asOf: string): Map<string, string> {
  const sums = new Map<string, Dec>();
  const add = (customer: string, currency: string, amount: string, sign: 1 | -1) => {
    const key = `${customer} ${currency}`;
    sums.set(key, (sums.get(key) ?? new Dec(0)).plus(new Dec(amount).times(sign)));
  };
  for (const i of ledger.invoices) {
    if (i.issueDate <= asOf && i.status !== 'draft') add(i.customerId, i.currency, i.amount, 1);
  }
  for (const c of ledger.charges) if (c.date <= asOf) add(c.customerId, c.currency, c.amount, 1);
  for (const p of ledger.payments) {
    const counts = p.date <= asOf && !(p.reversedOn !== undefined && p.reversedOn <= asOf);
    if (counts) add(p.customerId, p.currency, p.amount, -1);
  }
  for (const n of ledger.creditNotes)
    if (n.issueDate <= asOf) add(n.customerId, n.currency, n.amount, -1);
  return new Map([...sums].map(([k, v]) => [k, v.toFixed()]));
}

describe('ledger invariants', () => {
  it('open amounts minus unapplied cash and credit equal invoiced + charged - received - credited', () => {
    fc.assert(
      fc.property(scenario, ({ ledger, steps, asOf }) => {
        const after = run(ledger, steps);
        const b = balancesAsOf(after, asOf);
        // Built only through applyPayment/undoAllocation: nothing is ever capped.
        expect(b.exceptions).toEqual([]);
        const got = new Map(
          b.customers.map((c) => [`${c.customerId} ${c.currency}`, new Dec(c.balance).toFixed()]),
        );
        expect(got).toEqual(expectedBalances(after, asOf));
        for (const item of b.items) expect(new Dec(item.openAmount).isNegative()).toBe(false);
        for (const s of b.sources) expect(new Dec(s.unappliedAmount).isNegative()).toBe(false);
        for (const c of b.customers) {
          const sum = new Dec(c.openAmount).minus(c.unappliedCash).minus(c.unappliedCredit);
          expect(sum.equals(c.balance)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('balances as of D do not change when records dated after D are added', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 1, max: 30 }), ({ ledger, steps, asOf }, later) => {
        const after = run(ledger, steps);
        const next = dayOf(120 + later);
        const extended: Ledger = {
          ...after,
          invoices: [
            ...after.invoices,
            {
              id: 'LATE-I',
              customerId: 'C1',
              currency: 'EUR',
              issueDate: next,
              dueDate: next,
              amount: '5.00',
            },
          ],
          payments: [
            ...after.payments,
            { id: 'LATE-P', customerId: 'C1', currency: 'EUR', date: next, amount: '9.00' },
          ],
          allocations: [
            ...after.allocations,
            { id: 'LATE-A', sourceId: 'LATE-P', itemId: 'LATE-I', amount: '5.00', date: next },
            ...after.allocations
              .filter((a) => a.reversedOn === undefined)
              .slice(0, 1)
              .map((a) => ({ ...a, id: 'LATE-B', date: next })),
          ],
        };
        expect(balancesAsOf(extended, asOf)).toEqual(balancesAsOf(after, asOf));
      }),
      { numRuns: 150 },
    );
  });

  it('allocating never creates or loses money', () => {
    fc.assert(
      fc.property(scenario, stepArb, ({ ledger, steps, asOf }, extra) => {
        const before = run(ledger, steps);
        if (extra.kind !== 'apply') return;
        const request = requestOf(before, extra, 99);
        if (!request) return;
        const r = allocateSource(before, request);
        if (r.isErr()) return;
        for (const day of [asOf, request.date, '9999-12-31']) {
          const was = balancesAsOf(before, day);
          const now = balancesAsOf(r.value.ledger, day);
          expect(now.customers.map((c) => c.balance)).toEqual(was.customers.map((c) => c.balance));
        }
        const moved = r.value.allocations.reduce((s, a) => s.plus(a.amount), new Dec(0));
        const openBefore = balancesAsOf(before, request.date).items.reduce(
          (s, i) => s.plus(i.openAmount),
          new Dec(0),
        );
        const openAfter = balancesAsOf(r.value.ledger, request.date).items.reduce(
          (s, i) => s.plus(i.openAmount),
          new Dec(0),
        );
        expect(openBefore.minus(openAfter).equals(moved)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('applying the same allocation twice changes nothing', () => {
    fc.assert(
      fc.property(scenario, stepArb, ({ ledger, steps }, extra) => {
        const before = run(ledger, steps);
        if (extra.kind !== 'apply') return;
        const request = requestOf(before, extra, 99);
        if (!request) return;
        const once = allocateSource(before, request);
        if (once.isErr()) return;
        const twice = allocateSource(once.value.ledger, request)._unsafeUnwrap();
        expect(twice.ledger).toBe(once.value.ledger);
        expect(twice.allocations).toEqual(once.value.allocations);
      }),
      { numRuns: 150 },
    );
  });
});
