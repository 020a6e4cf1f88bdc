import { describe, expect, it } from 'vitest';
import { matchPayments } from '../../src/matching/index.js';
import { ACME, ACME_IBAN, BETA, credit, invoice } from './helpers.js';

const customers = [ACME, BETA];
const fromAcme = (id: string, amount: string, extra = {}) =>
  credit(id, amount, { counterpartyAccount: ACME_IBAN, ...extra });
const one = (...args: Parameters<typeof matchPayments>) =>
  matchPayments(...args)._unsafeUnwrap().decisions[0]!;
const pairs = (d: ReturnType<typeof one>) => d.allocations.map((a) => [a.kind, a.itemId, a.amount]);

describe('combined payments', () => {
  const items = [
    invoice('A-1', 'C-88', '120.00', '2024-02-10'),
    invoice('A-2', 'C-88', '310.55', '2024-02-20'),
    invoice('A-3', 'C-88', '49.90', '2024-03-01'),
    invoice('A-4', 'C-88', '1000.00', '2024-03-05', {
      discounts: [{ until: '2024-03-10', percent: '2' }],
    }),
  ];
  it('finds the items of a known payer that add up to the amount', () => {
    // 120.00 + 49.90 = 169.90, and no other subset of the four gives that sum.
    const d = one([fromAcme('t1', '169.90')], items, customers);
    expect(d.status).toBe('auto');
    expect(pairs(d)).toEqual([
      ['payment', 'A-1', '120.00'],
      ['payment', 'A-3', '49.90'],
    ]);
    expect(d.signals.map((s) => s.code)).toContain('combination');
  });
  it('finds a combination net of an early-payment discount', () => {
    // A-2 310.55 + A-4 1000.00 less 2 % (20.00) = 1290.55
    const d = one([fromAcme('t1', '1290.55')], items, customers);
    expect(pairs(d)).toEqual([
      ['payment', 'A-2', '310.55'],
      ['payment', 'A-4', '980.00'],
      ['discount', 'A-4', '20.00'],
    ]);
    expect(d.signals.find((s) => s.code === 'amount_discount')?.detail).toBe(
      'amount equals the open amounts of A-2, A-4 less the 2 % early-payment discount valid until 2024-03-10',
    );
  });
  it('finds a combination net of a bank fee; the fee stays open on the newest item', () => {
    // 120.00 + 310.55 = 430.55, paid 418.05: 12.50 short, above the 5.00 tolerance,
    // within the 25.00 fee limit.
    const d = one([fromAcme('t1', '418.05')], items, customers);
    expect(pairs(d)).toEqual([
      ['payment', 'A-1', '120.00'],
      ['payment', 'A-2', '298.05'],
    ]);
    expect(d.signals.map((s) => s.code)).toContain('amount_fee');
  });
  it('stops at the step budget and then never applies automatically', () => {
    // 40 items of 100.01 .. 139.01: any 2-5 of them end in .02 .. .05, so with 0.10 of
    // slack nothing reaches 600.50, and the search must look everywhere.
    const many = Array.from({ length: 40 }, (_, i) =>
      invoice(
        `B-${i}`,
        'C-88',
        `${100 + i}.01`,
        `2024-02-${String((i % 28) + 1).padStart(2, '0')}`,
      ),
    );
    const policy = { searchBudget: 50, bankFeeMax: '0.10', shortPayment: { maxAbsolute: '0.05' } };
    const d = one([fromAcme('t1', '600.50')], many, customers, policy);
    expect(d.status).not.toBe('auto');
    expect(d.signals.map((s) => s.code)).toContain('search_budget_exhausted');
  });
});

describe('discounts, partial, over and short payments', () => {
  const offer = { discounts: [{ until: '2024-03-10', percent: '2' }] };
  const items = [invoice('INV-9', 'C-88', '1000.00', '2024-03-20', offer)];
  it('grants the discount when paid within its period', () => {
    const d = one([credit('t1', '980.00', { remittanceText: 'INV-9' })], items, customers);
    expect(pairs(d)).toEqual([
      ['payment', 'INV-9', '980.00'],
      ['discount', 'INV-9', '20.00'],
    ]);
    expect(d.signals[1]!.detail).toBe(
      'amount equals the open amount of INV-9 less the 2 % early-payment discount valid until 2024-03-10',
    );
  });
  it('does not grant the discount after its period: the rest stays open', () => {
    const late = credit('t1', '980.00', { remittanceText: 'INV-9', valueDate: '2024-03-11' });
    const d = one([late], items, customers);
    expect(pairs(d)).toEqual([['payment', 'INV-9', '980.00']]);
  });
  it('applies a partial payment to the named invoice', () => {
    const d = one(
      [credit('t1', '400.00', { remittanceText: 'INV-9', counterpartyAccount: ACME_IBAN })],
      items,
      customers,
    );
    expect(d.status).toBe('auto');
    expect(pairs(d)).toEqual([['payment', 'INV-9', '400.00']]);
    expect(d.signals.map((s) => s.code)).toContain('amount_partial');
  });
  it('leaves an overpayment unapplied on the customer', () => {
    const d = one(
      [credit('t1', '1200.00', { remittanceText: 'INV-9', counterpartyAccount: ACME_IBAN })],
      items,
      customers,
    );
    expect(pairs(d)).toEqual([
      ['payment', 'INV-9', '1000.00'],
      ['unapplied', undefined, '200.00'],
    ]);
  });
  it('writes off a short payment within the tolerance explicitly', () => {
    const late = { valueDate: '2024-03-15', remittanceText: 'INV-9' };
    // 3.50 short of 1000.00: within 5.00 and within 1 % (10.00).
    const d = one([credit('t1', '996.50', late)], items, customers);
    expect(pairs(d)).toEqual([
      ['payment', 'INV-9', '996.50'],
      ['short-payment-write-off', 'INV-9', '3.50'],
    ]);
  });
  it('leaves the tolerated shortfall open when the policy says so', () => {
    const late = { valueDate: '2024-03-15', remittanceText: 'INV-9' };
    const policy = { shortPayment: { action: 'leave-open' as const } };
    const d = one([credit('t1', '996.50', late)], items, customers, policy);
    expect(pairs(d)).toEqual([['payment', 'INV-9', '996.50']]);
  });
  it('respects the percentage limit as well as the absolute one', () => {
    const small = [invoice('S-1', 'C-88', '100.00', '2024-03-20')];
    // 2.00 short of 100.00 is within 5.00 but above 1 % (1.00): a fee, not a write-off.
    const d = one([credit('t1', '98.00', { remittanceText: 'S-1' })], small, customers);
    expect(pairs(d)).toEqual([['payment', 'S-1', '98.00']]);
    expect(d.signals.map((s) => s.code)).toContain('amount_fee');
  });
});

describe('currencies', () => {
  const items = [invoice('INV-9', 'C-88', '100.00', '2024-03-20')];
  it('never matches across currencies without a policy rate', () => {
    const d = one(
      [credit('t1', '100.00', { currency: 'USD', remittanceText: 'INV-9' })],
      items,
      customers,
    );
    expect(d.allocations).toEqual([]);
    expect(d.status).toBe('unmatched');
  });
  it('suggests, never applies, across currencies with a policy rate', () => {
    const policy = { exchangeRates: [{ from: 'EUR', to: 'USD', rate: '1.08' }] };
    const tx = credit('t1', '108.00', {
      currency: 'USD',
      remittanceText: 'INV-9',
      counterpartyAccount: ACME_IBAN,
    });
    const d = one([tx], items, customers, policy);
    expect(d.status).toBe('suggest');
    expect(d.signals.map((s) => s.code)).toContain('cross_currency');
  });
});
