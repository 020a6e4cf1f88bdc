import { describe, expect, it } from 'vitest';
import { money } from '../../src/money/index.js';
import { instalmentSchedule, type PaymentTerms } from '../../src/terms/index.js';

const net30 = { kind: 'net', days: 30 } as const;
const byAmount = (...amounts: string[]): PaymentTerms => ({
  kind: 'instalments',
  instalments: amounts.map((amount) => ({ amount, terms: net30 })),
});
const eur = (amount: string) => money(amount, 'EUR');

describe('amount instalments have the sign of the total', () => {
  it('refuses a negative instalment of an invoice even when the sum is right', () => {
    // 150.00 + (-50.00) = 100.00, but an invoice cannot owe -50.00 in one instalment.
    const e = instalmentSchedule(eur('100.00'), byAmount('150', '-50'))._unsafeUnwrapErr();
    expect(e).toMatchObject({ code: 'invalid_terms', path: ['terms', 'instalments', 1, 'amount'] });
    expect(e.message).toContain('-50.00 must be above zero');
  });

  it('refuses an empty instalment, and a positive part of a credit note', () => {
    const zero = instalmentSchedule(eur('100.00'), byAmount('100', '0'))._unsafeUnwrapErr();
    expect(zero.path).toEqual(['terms', 'instalments', 1, 'amount']);
    const credit = instalmentSchedule(eur('-100.00'), byAmount('-150', '50'))._unsafeUnwrapErr();
    expect(credit).toMatchObject({
      code: 'invalid_terms',
      path: ['terms', 'instalments', 1, 'amount'],
    });
  });

  it('refuses parts that cancel out on a zero total', () => {
    const e = instalmentSchedule(eur('0.00'), byAmount('5', '-5'))._unsafeUnwrapErr();
    expect(e.path).toEqual(['terms', 'instalments', 0, 'amount']);
  });

  it('keeps splits of one sign', () => {
    const parts = instalmentSchedule(eur('-100.00'), byAmount('-60', '-40'))._unsafeUnwrap();
    expect(parts.map((p) => p.amount.amount)).toEqual(['-60.00', '-40.00']);
  });
});

describe('instalmentSchedule checks its options and total', () => {
  it('refuses an unknown policy instead of using largest remainder', () => {
    const thirds: PaymentTerms = {
      kind: 'instalments',
      instalments: ['33.34', '33.33', '33.33'].map((percent) => ({ percent, terms: net30 })),
    };
    const e = instalmentSchedule(eur('5.47'), thirds, { policy: 'first-absorbs' as never });
    expect(e._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_policy', path: ['policy'] });
  });

  it('returns an error for a missing total', () => {
    expect(instalmentSchedule(null as never, net30)._unsafeUnwrapErr()).toMatchObject({
      code: 'invalid_input',
      path: ['total'],
    });
  });

  it('names a bad issue date', () => {
    const e = instalmentSchedule(eur('1.00'), net30, { issueDate: '2024-02-30' });
    expect(e._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_date', path: ['issueDate'] });
  });
});
