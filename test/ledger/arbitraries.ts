import fc from 'fast-check';
import type { AllocationPolicy, Ledger } from '../../src/ledger/index.js';
import { ALLOCATION_POLICIES, EMPTY_LEDGER } from '../../src/ledger/index.js';
import { addDays } from '../../src/terms/date.js';

export const CURRENCIES = { EUR: 2, KWD: 3, JPY: 0 } as const;
export type Code = keyof typeof CURRENCIES;

/** An amount string of `units` minor units. */
export function amountOf(units: number, code: Code): string {
  const mu = CURRENCIES[code];
  if (mu === 0) return String(units);
  const s = String(units).padStart(mu + 1, '0');
  return `${s.slice(0, -mu)}.${s.slice(-mu)}`;
}

const day = (n: number) => addDays('2026-01-01', n);

const doc = fc.record({
  customer: fc.constantFrom('C1', 'C2'),
  currency: fc.constantFrom<Code>('EUR', 'KWD', 'JPY'),
  day: fc.integer({ min: 0, max: 60 }),
  units: fc.integer({ min: 1, max: 100_000 }),
});

/** A ledger of invoices (some in instalments, some drafts), charges, credit notes, payments. */
export const ledgerArb: fc.Arbitrary<Ledger> = fc
  .record({
    invoices: fc.array(
      fc.record({ d: doc, parts: fc.integer({ min: 0, max: 3 }), draft: fc.boolean() }),
      { maxLength: 8 },
    ),
    charges: fc.array(doc, { maxLength: 3 }),
    notes: fc.array(doc, { maxLength: 3 }),
    payments: fc.array(
      fc.record({ d: doc, reversedAfter: fc.option(fc.integer({ min: 0, max: 20 })) }),
      {
        maxLength: 5,
      },
    ),
  })
  .map(({ invoices, charges, notes, payments }) => ({
    ...EMPTY_LEDGER,
    invoices: invoices.map(({ d, parts, draft }, i) => {
      const base = {
        id: `INV-${i}`,
        customerId: d.customer,
        currency: d.currency,
        issueDate: day(d.day),
        dueDate: day(d.day + 30),
        amount: amountOf(d.units, d.currency),
        ...(draft && i % 3 === 0 ? { status: 'draft' as const } : {}),
      };
      if (parts < 2) return base;
      const each = Math.floor(d.units / parts);
      const instalments = Array.from({ length: parts }, (_, k) => ({
        id: `INV-${i}/${k + 1}`,
        dueDate: day(d.day + 30 * (k + 1)),
        amount: amountOf(k === parts - 1 ? d.units - each * (parts - 1) : each, d.currency),
      }));
      return { ...base, instalments };
    }),
    charges: charges.map((d, i) => ({
      id: `FEE-${i}`,
      kind: (['fee', 'interest', 'compensation'] as const)[i % 3]!,
      customerId: d.customer,
      currency: d.currency,
      date: day(d.day),
      amount: amountOf(d.units % 5000 || 1, d.currency),
    })),
    creditNotes: notes.map((d, i) => ({
      id: `CN-${i}`,
      customerId: d.customer,
      currency: d.currency,
      issueDate: day(d.day),
      amount: amountOf(d.units, d.currency),
    })),
    payments: payments.map(({ d, reversedAfter }, i) => ({
      id: `P-${i}`,
      customerId: d.customer,
      currency: d.currency,
      date: day(d.day),
      amount: amountOf(d.units, d.currency),
      ...(reversedAfter === null ? {} : { reversedOn: day(d.day + reversedAfter) }),
    })),
  }));

/** One step of cash application: apply a source by a policy or to a named item, or undo. */
export type Step =
  | {
      kind: 'apply';
      source: number;
      item: number | null;
      policy: AllocationPolicy;
      day: number;
      cap: number | null;
    }
  | { kind: 'undo'; which: number; day: number };

export const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('apply' as const),
    source: fc.nat(20),
    item: fc.option(fc.nat(20)),
    policy: fc.constantFrom(...ALLOCATION_POLICIES),
    day: fc.integer({ min: 0, max: 90 }),
    cap: fc.option(fc.integer({ min: 1, max: 60_000 })),
  }),
  fc.record({
    kind: fc.constant('undo' as const),
    which: fc.nat(20),
    day: fc.integer({ min: 0, max: 90 }),
  }),
);

export const dayOf = day;
