import { describe, expect, it } from 'vitest';
import { type LateInterestClaim, lateInterest } from '../../src/dunning/interest.js';

const claim = {
  amount: '1000.00',
  currency: 'EUR',
  dueDate: '2024-03-01',
  until: '2024-03-31',
};

describe('lateInterest: bad input', () => {
  it('refuses a negative payment instead of raising the balance', () => {
    const r = lateInterest({ ...claim, payments: [{ date: '2024-03-10', amount: '-500.00' }] });
    expect(r._unsafeUnwrapErr()).toMatchObject({
      code: 'invalid_amount',
      input: '-500.00',
      path: ['payments', 0, 'amount'],
    });
  });

  it('refuses a negative principal', () => {
    const r = lateInterest({ ...claim, amount: '-1000.00' });
    expect(r._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_amount', path: ['amount'] });
  });

  it('answers a claim or payment that is not an object with invalid_input, never a throw', () => {
    expect(lateInterest(null as unknown as LateInterestClaim)._unsafeUnwrapErr().code).toBe(
      'invalid_input',
    );
    const nullPayment = { ...claim, payments: [null] } as unknown as LateInterestClaim;
    expect(lateInterest(nullPayment)._unsafeUnwrapErr()).toMatchObject({
      code: 'invalid_input',
      path: ['payments', 0],
    });
    const notArray = { ...claim, payments: 'none' } as unknown as LateInterestClaim;
    expect(lateInterest(notArray)._unsafeUnwrapErr()).toMatchObject({
      code: 'invalid_input',
      path: ['payments'],
    });
  });

  it('still takes a payment of zero', () => {
    // 30 days (03-02..03-31) at 12.5 % on 1000.00: 1000 * 0.125 * 30 / 365 = 10.274 -> 10.27.
    const r = lateInterest({ ...claim, payments: [{ date: '2024-03-10', amount: '0.00' }] });
    expect(r._unsafeUnwrap().amount).toBe('10.27');
  });
});
