import { describe, expect, it } from 'vitest';
import { type PaymentTerms, parsePaymentTerms } from '../../src/terms/index.js';

const gross = { discountBase: 'gross' } as const;
const net30: PaymentTerms = { kind: 'net', days: 30 };

describe('parsePaymentTerms', () => {
  const cases: readonly [string, PaymentTerms][] = [
    ['NET30', net30],
    ['net 30', net30],
    ['Net 30 days', net30],
    ['N30', net30],
    ['n/30', net30],
    ['30 days', net30],
    ['30 days net', net30],
    ['due on receipt', { kind: 'due-on-receipt' }],
    ['Upon receipt', { kind: 'due-on-receipt' }],
    ['immediate', { kind: 'due-on-receipt' }],
    ['EOM', { kind: 'end-of-month', months: 0 }],
    ['end of month', { kind: 'end-of-month', months: 0 }],
    ['Net 30 EOM', { kind: 'end-of-month', months: 0, days: 30 }],
    ['10 EOM', { kind: 'end-of-month', months: 0, days: 10 }],
    ['EOM+1', { kind: 'end-of-month', months: 1 }],
    ['EOM + 2 months', { kind: 'end-of-month', months: 2 }],
    ['1 month after end of month', { kind: 'end-of-month', months: 1 }],
    ['30 days end of month', { kind: 'days-end-of-month', days: 30 }],
  ];
  it.each(cases)('reads %j', (text, terms) => {
    expect(parsePaymentTerms(text)._unsafeUnwrap()).toEqual(terms);
  });

  it('reads discount tiers with the base the caller names', () => {
    expect(parsePaymentTerms('2/10 net 30', gross)._unsafeUnwrap()).toEqual({
      kind: 'net',
      days: 30,
      discount: { base: 'gross', tiers: [{ days: 10, percent: '2' }] },
    });
    expect(parsePaymentTerms('2/10, 1/20 N30', { discountBase: 'net' })._unsafeUnwrap()).toEqual({
      kind: 'net',
      days: 30,
      discount: {
        base: 'net',
        tiers: [
          { days: 10, percent: '2' },
          { days: 20, percent: '1' },
        ],
      },
    });
    expect(parsePaymentTerms('1.5% / 10 net 45', gross)._unsafeUnwrap()).toMatchObject({
      days: 45,
      discount: { tiers: [{ days: 10, percent: '1.5' }] },
    });
    expect(parsePaymentTerms('2/10 EOM', gross)._unsafeUnwrap()).toMatchObject({
      kind: 'end-of-month',
      discount: { tiers: [{ days: 10 }] },
    });
  });

  it('refuses tiers without a base, since text cannot say', () => {
    const error = parsePaymentTerms('2/10 net 30')._unsafeUnwrapErr();
    expect(error.code).toBe('invalid_terms');
    expect(error.message).toMatch(/discountBase/);
  });

  it.each([
    '',
    'bogus',
    '2/10',
    'net thirty',
    'net -5',
    '2/20, 1/10 net 30',
    '2/10, 3/20 net 30',
    '100/10 net 30',
    'net 30 net 60',
  ])('refuses %j with invalid_terms', (text) => {
    expect(parsePaymentTerms(text, gross)._unsafeUnwrapErr().code).toBe('invalid_terms');
  });

  it('refuses a value that is not text', () => {
    expect(parsePaymentTerms(30 as never)._unsafeUnwrapErr().code).toBe('invalid_terms');
  });
});
