import { describe, expect, it } from 'vitest';
import {
  applyCredit,
  applyPayment,
  balancesAsOf,
  type Ledger,
  undoAllocation,
} from '../../src/ledger/index.js';
import { charge, creditNote, invoice, ledgerOf, payment } from './helpers.js';

const open = (ledger: Ledger, asOf: string) =>
  Object.fromEntries(balancesAsOf(ledger, asOf).items.map((i) => [i.id, i.openAmount]));

describe('applyCredit and applyPayment: the cases of the issue', () => {
  it('CN-1 of 100.00 pays INV-1 (10.00) and then 90.00 of INV-2 (200.00)', () => {
    let ledger = ledgerOf({
      creditNotes: [creditNote('CN-1', '100.00')],
      invoices: [invoice('INV-1', '10.00')],
    });
    const first = applyCredit(ledger, {
      id: 'A-1',
      sourceId: 'CN-1',
      date: '2026-01-05',
      items: [{ itemId: 'INV-1' }],
    })._unsafeUnwrap();
    expect(first.allocations.map((a) => a.amount)).toEqual(['10.00']);
    ledger = { ...first.ledger, invoices: [...first.ledger.invoices, invoice('INV-2', '200.00')] };
    const second = applyCredit(ledger, {
      id: 'A-2',
      sourceId: 'CN-1',
      date: '2026-01-06',
      items: [{ itemId: 'INV-2' }],
    })._unsafeUnwrap();
    // 100.00 - 10.00 = 90.00 left for INV-2; 200.00 - 90.00 = 110.00 stays open.
    expect(second.allocations.map((a) => a.amount)).toEqual(['90.00']);
    expect(second.unappliedAmount).toBe('0.00');
    const b = balancesAsOf(second.ledger, '2026-01-31');
    expect(b.items.map((i) => [i.id, i.openAmount, i.status])).toEqual([
      ['INV-1', '0.00', 'paid'],
      ['INV-2', '110.00', 'partially_paid'],
    ]);
    expect(b.sources[0]).toMatchObject({ id: 'CN-1', unappliedAmount: '0.00' });
  });

  it('1200.00 asked onto a 1000.00 invoice applies 1000.00 and leaves 200.00 unapplied', () => {
    const ledger = ledgerOf({
      invoices: [invoice('INV-1', '1000.00')],
      payments: [payment('P-1', '1200.00')],
    });
    const out = applyPayment(ledger, {
      id: 'A-1',
      sourceId: 'P-1',
      date: '2026-02-01',
      items: [{ itemId: 'INV-1', amount: '1200.00' }],
    })._unsafeUnwrap();
    expect(out.allocations.map((a) => a.amount)).toEqual(['1000.00']);
    expect(out.unappliedAmount).toBe('200.00');
    const b = balancesAsOf(out.ledger, '2026-02-01');
    expect(b.items[0]!.status).toBe('paid');
    expect(b.customers[0]).toMatchObject({ unappliedCash: '200.00', balance: '-200.00' });
  });

  it('KWD 1234.567 paid in full leaves 0.000; paid 1000.000 leaves 234.567', () => {
    const kwd = { currency: 'KWD' };
    const ledger = ledgerOf({
      invoices: [invoice('INV-K', '1234.567', kwd)],
      payments: [payment('P-1', '1234.567', kwd), payment('P-2', '1000.000', kwd)],
    });
    const full = applyPayment(ledger, { id: 'A', sourceId: 'P-1', date: '2026-02-01' });
    expect(balancesAsOf(full._unsafeUnwrap().ledger, '2026-02-01').items[0]).toMatchObject({
      openAmount: '0.000',
      status: 'paid',
    });
    const part = applyPayment(ledger, { id: 'B', sourceId: 'P-2', date: '2026-02-01' });
    expect(balancesAsOf(part._unsafeUnwrap().ledger, '2026-02-01').items[0]).toMatchObject({
      openAmount: '234.567',
      status: 'partially_paid',
    });
  });
});

describe('allocation policies', () => {
  const base = ledgerOf({
    invoices: [
      invoice('INV-1', '100.00', { issueDate: '2026-01-10', dueDate: '2026-03-01' }),
      invoice('INV-2', '100.00', { issueDate: '2026-01-20', dueDate: '2026-02-01' }),
      invoice('INV-3', '200.00', { issueDate: '2026-01-01', dueDate: '2026-04-01' }),
    ],
    charges: [
      charge('INT-1', 'interest', '3.00', { itemId: 'INV-2' }),
      charge('FEE-1', 'fee', '5.00', { itemId: 'INV-2' }),
    ],
    payments: [payment('P', '150.00', { date: '2026-02-15', reference: 'Invoice INV-3, thanks' })],
  });
  const apply = (policy: Parameters<typeof applyPayment>[1]['policy']) =>
    applyPayment(base, { id: 'A', sourceId: 'P', date: '2026-02-15', policy })
      ._unsafeUnwrap()
      .allocations.map((a) => [a.itemId, a.amount]);

  it('oldest-due pays the earliest due date first', () => {
    // due: INV-2 02-01, INT-1/FEE-1 02-10 (posting date), INV-1 03-01
    expect(apply(undefined)).toEqual([
      ['INV-2', '100.00'],
      ['INT-1', '3.00'],
      ['FEE-1', '5.00'],
      ['INV-1', '42.00'],
    ]);
  });

  it('oldest-issue pays the earliest issue date first', () => {
    expect(apply('oldest-issue')).toEqual([['INV-3', '150.00']]);
  });

  it('referenced-first pays what the reference names, then the oldest due', () => {
    expect(apply('referenced-first')).toEqual([['INV-3', '150.00']]);
  });

  it('costs-interest-principal follows BGB 367: fees, interest, then principal', () => {
    expect(apply('costs-interest-principal')).toEqual([
      ['FEE-1', '5.00'],
      ['INT-1', '3.00'],
      ['INV-2', '100.00'],
      ['INV-1', '42.00'],
    ]);
  });

  it('proportional splits by open amount with largest remainder', () => {
    // Open 100 + 100 + 200 + 3 + 5 = 408.00; in cents 15000 x open / 40800:
    // INV-2, INV-1 3676.47; INV-3 7352.94; INT-1 110.29; FEE-1 183.82. Floors add up to
    // 14997; the 3 cents left go to the largest remainders: INV-3 (.94), FEE-1 (.82) and
    // INV-2 (.47, tied with INV-1 but due earlier).
    const shares = Object.fromEntries(apply('proportional'));
    expect(shares).toEqual({
      'INV-2': '36.77',
      'INT-1': '1.10',
      'FEE-1': '1.84',
      'INV-1': '36.76',
      'INV-3': '73.53',
    });
  });
});

describe('allocation errors and idempotency', () => {
  const ledger = ledgerOf({
    invoices: [
      invoice('INV-1', '100.00'),
      invoice('INV-D', '50.00', { status: 'draft' }),
      invoice('INV-X', '50.00', { customerId: 'C2' }),
      invoice('INV-U', '50.00', { currency: 'USD' }),
    ],
    payments: [payment('P', '80.00')],
  });
  const req = { id: 'A', sourceId: 'P', date: '2026-02-01' };

  it('refuses more than the payment has left', () => {
    const r = applyPayment(ledger, { ...req, items: [{ itemId: 'INV-1', amount: '90.00' }] });
    expect(r._unsafeUnwrapErr()).toMatchObject({
      code: 'overallocation',
      available: '80.00',
      requested: '90.00',
    });
  });

  it('refuses drafts, other customers and other currencies', () => {
    const to = (itemId: string) =>
      applyPayment(ledger, { ...req, items: [{ itemId }] })._unsafeUnwrapErr().code;
    expect(to('INV-D')).toBe('not_allocatable');
    expect(to('INV-X')).toBe('customer_mismatch');
    expect(to('INV-U')).toBe('currency_mismatch');
    expect(to('INV-9')).toBe('not_found');
  });

  it('treats the identical request as a no-op and the same id elsewhere as an error', () => {
    const once = applyPayment(ledger, { ...req, items: [{ itemId: 'INV-1' }] })._unsafeUnwrap();
    const twice = applyPayment(once.ledger, { ...req, items: [{ itemId: 'INV-1' }] });
    expect(twice._unsafeUnwrap().ledger).toBe(once.ledger);
    expect(twice._unsafeUnwrap().repeated).toBe(true);
    const other = applyPayment(once.ledger, {
      ...req,
      items: [{ itemId: 'INV-1', amount: '1.00' }],
    });
    expect(other._unsafeUnwrapErr()).toMatchObject({ code: 'duplicate_id', id: 'A' });
  });

  it('undoes an allocation from a date on, keeping earlier reports as they were', () => {
    const once = applyPayment(ledger, { ...req, items: [{ itemId: 'INV-1' }] })._unsafeUnwrap();
    const undone = undoAllocation(once.ledger, 'A', '2026-02-10')._unsafeUnwrap();
    expect(open(undone.ledger, '2026-02-09')).toMatchObject({ 'INV-1': '20.00' });
    expect(open(undone.ledger, '2026-02-10')).toMatchObject({ 'INV-1': '100.00' });
    expect(undoAllocation(undone.ledger, 'A', '2026-02-11')._unsafeUnwrap().ledger).toBe(
      undone.ledger,
    );
    expect(undoAllocation(ledger, 'nope', '2026-02-11')._unsafeUnwrapErr().code).toBe('not_found');
  });

  it('does not let an earlier allocation take money a later one already uses', () => {
    const later = applyPayment(ledger, {
      id: 'L',
      sourceId: 'P',
      date: '2026-02-20',
      items: [{ itemId: 'INV-1', amount: '80.00' }],
    })._unsafeUnwrap();
    const earlier = applyPayment(later.ledger, {
      id: 'E',
      sourceId: 'P',
      date: '2026-02-05',
      items: [{ itemId: 'INV-1', amount: '10.00' }],
    });
    expect(earlier._unsafeUnwrapErr()).toMatchObject({ code: 'overallocation', available: '0.00' });
  });

  it('does not let a new allocation take what an allocation undone later still holds', () => {
    const first = applyPayment(ledger, { ...req, items: [{ itemId: 'INV-1', amount: '80.00' }] });
    const undone = undoAllocation(first._unsafeUnwrap().ledger, 'A', '2026-02-15')._unsafeUnwrap();
    const other = {
      ...undone.ledger,
      payments: [...undone.ledger.payments, payment('Q', '100.00')],
    };
    // INV-1 has 20.00 open from 02-01 until A is undone on 02-15: 20.00 is all Q may take.
    const on05 = applyPayment(other, {
      id: 'B',
      sourceId: 'Q',
      date: '2026-02-05',
    })._unsafeUnwrap();
    expect(on05.allocations.map((a) => a.amount)).toEqual(['20.00']);
    const on15 = applyPayment(other, {
      id: 'C',
      sourceId: 'Q',
      date: '2026-02-15',
    })._unsafeUnwrap();
    expect(on15.allocations.map((a) => a.amount)).toEqual(['100.00']);
  });

  it('refuses a reversed payment and splits several items under one request id', () => {
    const reversed = { ...ledger, payments: [payment('P', '80.00', { reversedOn: '2026-02-03' })] };
    const late = applyPayment(reversed, { ...req, date: '2026-02-03' });
    expect(late._unsafeUnwrapErr()).toMatchObject({ code: 'not_allocatable', status: 'reversed' });
    const two = ledgerOf({
      invoices: [invoice('I-1', '30.00'), invoice('I-2', '30.00')],
      payments: [payment('P', '50.00')],
    });
    const out = applyPayment(two, req)._unsafeUnwrap();
    expect(out.allocations.map((a) => [a.id, a.itemId, a.amount])).toEqual([
      ['A/1', 'I-1', '30.00'],
      ['A/2', 'I-2', '20.00'],
    ]);
    expect(undoAllocation(out.ledger, 'A', '2026-02-02')._unsafeUnwrap().allocations).toHaveLength(
      2,
    );
  });

  it('matches referenced items as whole words only', () => {
    const refs = ledgerOf({
      invoices: [invoice('INV-1', '10.00'), invoice('INV-10', '10.00', { dueDate: '2026-03-31' })],
      payments: [payment('P', '10.00', { reference: 'payment for INV-10' })],
    });
    const out = applyPayment(refs, { ...req, policy: 'referenced-first' })._unsafeUnwrap();
    expect(out.allocations.map((a) => a.itemId)).toEqual(['INV-10']);
  });

  it('never mutates the ledger it is given', () => {
    const frozen = structuredClone(ledger);
    applyPayment(ledger, req);
    expect(ledger).toEqual(frozen);
  });
});
