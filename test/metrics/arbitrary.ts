/**
 * Random ledgers that `applyPayment` could have built: allocations never exceed
 * what an item has open or a source has left (counting every allocation, undone or
 * not), and never go to another customer's item. Dates fall in the first half of 2026.
 */
import fc from 'fast-check';
import type {
  Allocation,
  Ledger,
  LedgerCreditNote,
  LedgerInvoice,
  LedgerPayment,
  LedgerRefund,
  LedgerWriteOff,
} from '../../src/ledger/types.js';
import { addDays, maxDate } from '../../src/terms/date.js';

const START = '2026-01-01';
const cents = (n: number) => `${Math.floor(n / 100)}.${String(n % 100).padStart(2, '0')}`;

type Step = { kind: number; a: number; b: number; c: number; d: number };

const step = fc.record({
  kind: fc.nat(11),
  a: fc.nat(1000),
  b: fc.nat(180),
  c: fc.nat(90),
  d: fc.nat(1000),
});

/** Options of {@link ledgerArbitrary}. */
export interface LedgerShape {
  /**
   * Allow credit notes, refunds, write-offs, reversals and unapplied cash (default
   * true). Without them every payment is applied in full on its own date.
   */
  readonly credits?: boolean;
}

/** A consistent random EUR ledger of up to 3 customers. */
export function ledgerArbitrary(shape: LedgerShape = {}): fc.Arbitrary<Ledger> {
  const credits = shape.credits ?? true;
  return fc
    .array(step, { minLength: 6, maxLength: 60, size: '+1' })
    .map((steps) => build(steps, credits));
}

function build(steps: readonly Step[], credits: boolean): Ledger {
  const invoices: LedgerInvoice[] = [];
  const creditNotes: LedgerCreditNote[] = [];
  const payments: LedgerPayment[] = [];
  const refunds: LedgerRefund[] = [];
  const writeOffs: LedgerWriteOff[] = [];
  const allocations: Allocation[] = [];
  const itemLeft = new Map<string, number>();
  const sourceLeft = new Map<string, number>();
  const sources: { id: string; customerId: string; date: string; payment: boolean }[] = [];
  let n = 0;
  for (const s of steps) {
    n += 1;
    const customerId = `C${s.d % 3}`;
    const date = addDays(START, s.b);
    const amount = 100 + s.a * 137;
    const kind = credits ? s.kind : s.kind % 2 === 0 ? 0 : 3;
    if (kind <= 2) {
      const id = `INV-${n}`;
      invoices.push({
        id,
        customerId,
        currency: 'EUR',
        issueDate: date,
        dueDate: addDays(date, s.c),
        amount: cents(amount),
      });
      itemLeft.set(id, amount);
    } else if (kind <= 5 && !credits) {
      payInFull(s, n);
    } else if (kind <= 5) {
      const id = `PAY-${n}`;
      const reversedOn = credits && s.kind === 5 && s.c > 60 ? addDays(date, s.c) : undefined;
      payments.push({ id, customerId, currency: 'EUR', date, amount: cents(amount), reversedOn });
      sourceLeft.set(id, amount);
      sources.push({ id, customerId, date, payment: true });
    } else if (kind === 6) {
      const id = `CN-${n}`;
      creditNotes.push({ id, customerId, currency: 'EUR', issueDate: date, amount: cents(amount) });
      sourceLeft.set(id, amount);
      sources.push({ id, customerId, date, payment: false });
    } else if (kind === 7 && sources.length > 0) {
      const src = sources[s.a % sources.length]!;
      const left = sourceLeft.get(src.id)!;
      const refund = Math.min(left, 1 + (s.d % 5000));
      if (refund > 0) {
        refunds.push({
          id: `REF-${n}`,
          customerId: src.customerId,
          currency: 'EUR',
          date: addDays(src.date, s.c),
          amount: cents(refund),
          sourceId: src.id,
        });
        sourceLeft.set(src.id, left - refund);
      }
    } else {
      allocate(s, n, kind >= 10 || !credits);
    }
  }

  /** A payment applied in full on its own date to one open invoice of its customer. */
  function payInFull(s: Step, k: number): void {
    const open = invoices.filter((i) => itemLeft.get(i.id)! > 0);
    const inv = open[s.a % Math.max(1, open.length)];
    if (inv === undefined) return;
    const left = itemLeft.get(inv.id)!;
    const amount = s.d % 2 === 0 ? left : 1 + (s.d % left);
    const date = addDays(inv.issueDate, s.c);
    const id = `PAY-${k}`;
    const { customerId } = inv;
    payments.push({ id, customerId, currency: 'EUR', date, amount: cents(amount) });
    allocations.push({ id: `AL-${k}`, sourceId: id, itemId: inv.id, amount: cents(amount), date });
    itemLeft.set(inv.id, left - amount);
  }

  function allocate(s: Step, k: number, byPayment: boolean): void {
    const pool = sources.filter((x) => (x.payment || !byPayment) && sourceLeft.get(x.id)! > 0);
    const src = pool[s.a % Math.max(1, pool.length)];
    const open = invoices.filter(
      (i) => (src === undefined || i.customerId === src.customerId) && itemLeft.get(i.id)! > 0,
    );
    const inv = open[s.d % Math.max(1, open.length)];
    if (inv === undefined) return;
    const left = itemLeft.get(inv.id)!;
    if (src === undefined) {
      if (credits && s.d % 2 === 0) {
        const amount = 1 + (s.d % left);
        const date = addDays(inv.issueDate, s.c);
        // Some write-offs are undone later: the amount is open again from then on.
        const reversedOn = s.c % 5 === 0 ? addDays(date, 3 + s.c) : undefined;
        writeOffs.push({
          id: `WO-${k}`,
          itemId: inv.id,
          date,
          amount: cents(amount),
          ...(reversedOn === undefined ? {} : { reversedOn }),
        });
        itemLeft.set(inv.id, left - amount);
      }
      return;
    }
    const amount = Math.min(left, sourceLeft.get(src.id)!, s.d % 3 === 0 ? 1 + s.d * 31 : left);
    const date = addDays(maxDate(src.date, inv.issueDate), s.c % 20);
    const reversedOn = credits && s.c % 7 === 0 ? addDays(date, 10 + s.c) : undefined;
    allocations.push({
      id: `AL-${k}`,
      sourceId: src.id,
      itemId: inv.id,
      amount: cents(amount),
      date,
      reversedOn,
    });
    itemLeft.set(inv.id, left - amount);
    sourceLeft.set(src.id, sourceLeft.get(src.id)! - amount);
  }

  return {
    customers: [
      { id: 'C0', name: 'Zero', segment: 'north' },
      { id: 'C1', name: 'One', segment: 'south' },
      { id: 'C2', name: 'Two' },
    ],
    invoices,
    creditNotes,
    payments,
    refunds,
    charges: [],
    writeOffs,
    allocations,
  };
}
