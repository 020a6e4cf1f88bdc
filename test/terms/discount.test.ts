import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OfferedDiscount } from '../../src/ledger/types.js';
import { add, Dec, fromMinorUnits, money } from '../../src/money/index.js';
import {
  type DiscountOffer,
  discountFor,
  discountOffers,
  earnedDiscount,
  type PaymentTerms,
} from '../../src/terms/index.js';

// "2/10, 1/20 net 30" on the gross amount.
const tiered: PaymentTerms = {
  kind: 'net',
  days: 30,
  discount: {
    base: 'gross',
    tiers: [
      { days: 10, percent: '2' },
      { days: 20, percent: '1' },
    ],
  },
};
const invoice = { issueDate: '2024-03-01', terms: tiered, grossAmount: money('500.00', 'EUR') };
const on = (date: string) => discountFor(invoice, date)._unsafeUnwrap();

describe('discountFor', () => {
  it('grants the first tier up to and including its last day', () => {
    // 2 % of 500.00 = 10.00 until 2024-03-01 + 10 = 2024-03-11.
    for (const date of ['2024-02-28', '2024-03-01', '2024-03-05', '2024-03-11']) {
      const d = on(date);
      expect(d.discount.amount, date).toBe('10.00');
      expect(d.amountAfterDiscount.amount).toBe('490.00');
      expect(d.tier).toEqual({ index: 0, until: '2024-03-11', percent: '2', baseAmount: '500.00' });
    }
  });

  it('grants the second tier after the first ends, then nothing', () => {
    // 1 % of 500.00 = 5.00 until 2024-03-21.
    expect(on('2024-03-12')).toMatchObject({ tier: { index: 1 }, discount: { amount: '5.00' } });
    expect(on('2024-03-21').discount.amount).toBe('5.00');
    expect(on('2024-03-22')).toEqual({
      tier: null,
      discount: money('0.00', 'EUR'),
      amountAfterDiscount: money('500.00', 'EUR'),
    });
  });

  it('computes on the net amount when the terms say net', () => {
    const terms: PaymentTerms = {
      kind: 'net',
      days: 30,
      discount: { base: 'net', tiers: [{ days: 10, percent: '2' }] },
    };
    const gross = money('119.00', 'EUR');
    // 2 % of net 100.00 = 2.00, against 2 % of gross 119.00 = 2.38.
    const net = discountFor(
      { issueDate: '2024-03-01', terms, grossAmount: gross, netAmount: money('100.00', 'EUR') },
      '2024-03-02',
    )._unsafeUnwrap();
    expect([net.discount.amount, net.amountAfterDiscount.amount]).toEqual(['2.00', '117.00']);
    const grossTerms = { ...terms, discount: { ...terms.discount!, base: 'gross' as const } };
    const onGross = discountFor(
      { issueDate: '2024-03-01', terms: grossTerms, grossAmount: gross },
      '2024-03-02',
    )._unsafeUnwrap();
    expect(onGross.discount.amount).toBe('2.38');
    const missing = discountFor(
      { issueDate: '2024-03-01', terms, grossAmount: gross },
      '2024-03-02',
    );
    expect(missing._unsafeUnwrapErr()).toMatchObject({
      code: 'invalid_terms',
      path: ['netAmount'],
    });
  });

  it('rounds the discount to the minor unit, half-up unless told otherwise', () => {
    const terms: PaymentTerms = {
      kind: 'net',
      days: 30,
      discount: { base: 'gross', tiers: [{ days: 10, percent: '2' }] },
    };
    const at = (amount: string, currency: string, mode?: 'down' | 'half-even') =>
      discountFor(
        { issueDate: '2024-03-01', terms, grossAmount: money(amount, currency) },
        '2024-03-01',
        mode ? { mode } : {},
      )._unsafeUnwrap().discount.amount;
    // 2 % of 123.45 = 2.469; of 0.75 = 0.015; of 12345 JPY = 246.9.
    expect(at('123.45', 'EUR')).toBe('2.47');
    expect(at('123.45', 'EUR', 'down')).toBe('2.46');
    expect(at('0.75', 'EUR')).toBe('0.02');
    expect(at('0.75', 'EUR', 'half-even')).toBe('0.02');
    expect(at('12345', 'JPY')).toBe('247');
  });

  it('refuses instalment terms, a currency mismatch and bad dates', () => {
    const instalments: PaymentTerms = {
      kind: 'instalments',
      instalments: [{ percent: '100', terms: { kind: 'net', days: 30 } }],
    };
    expect(
      discountFor({ ...invoice, terms: instalments }, '2024-03-02')._unsafeUnwrapErr().code,
    ).toBe('invalid_terms');
    const mismatch = discountFor({ ...invoice, netAmount: money('1.00', 'USD') }, '2024-03-02');
    expect(mismatch._unsafeUnwrapErr().code).toBe('currency_mismatch');
    expect(discountFor(invoice, '2024-03-32')._unsafeUnwrapErr()).toMatchObject({
      code: 'invalid_date',
      path: ['paymentDate'],
    });
    expect(
      discountFor({ ...invoice, issueDate: 'soon' }, '2024-03-02')._unsafeUnwrapErr().code,
    ).toBe('invalid_date');
  });
});

describe('discountOffers', () => {
  it('lists the offers as the ledger stores them, with the base amount', () => {
    const offers = discountOffers('2024-03-01', tiered, invoice)._unsafeUnwrap();
    expect(offers).toEqual([
      { until: '2024-03-11', percent: '2', baseAmount: '500.00' },
      { until: '2024-03-21', percent: '1', baseAmount: '500.00' },
    ]);
    // The ledger's OfferedDiscount and DiscountOffer are the same shape, both ways.
    const forLedger: readonly OfferedDiscount[] = offers;
    const back: readonly DiscountOffer[] = forLedger;
    expect(back).toBe(offers);
  });

  it('is empty for terms without a discount', () => {
    expect(
      discountOffers('2024-03-01', { kind: 'net', days: 30 }, invoice)._unsafeUnwrap(),
    ).toEqual([]);
  });
});

describe('earnedDiscount', () => {
  it('takes the largest open offer from unordered ledger offers, base defaulting to gross', () => {
    const offers: OfferedDiscount[] = [
      { until: '2024-03-21', percent: '1' },
      { until: '2024-03-11', percent: '2' },
    ];
    const d = earnedDiscount(offers, money('200.00', 'EUR'), '2024-03-05')._unsafeUnwrap();
    expect(d.tier).toEqual({ index: 1, until: '2024-03-11', percent: '2' });
    expect(d.discount.amount).toBe('4.00');
  });

  it('refuses a bad offer with its path', () => {
    const bad = earnedDiscount(
      [{ until: '2024-03-11', percent: '2,5' }],
      money('1.00', 'EUR'),
      '2024-03-01',
    );
    expect(bad._unsafeUnwrapErr()).toMatchObject({
      code: 'invalid_amount',
      path: ['offers', 0, 'percent'],
    });
  });
});

describe('discount properties', () => {
  it('discount plus amount after discount is the gross amount, and never exceeds it', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }),
        fc.constantFrom('EUR', 'JPY', 'KWD'),
        fc.integer({ min: -5, max: 40 }),
        (units, currency, day) => {
          const grossAmount = fromMinorUnits(units, currency);
          const paid = new Date(Date.UTC(2024, 2, 1 + day)).toISOString().slice(0, 10);
          const d = discountFor({ ...invoice, grossAmount }, paid)._unsafeUnwrap();
          expect(add(d.discount, d.amountAfterDiscount)._unsafeUnwrap()).toEqual(grossAmount);
          // At most 2 % of the gross, plus half a minor unit of rounding.
          const digits = currency === 'JPY' ? 0 : currency === 'KWD' ? 3 : 2;
          const limit = new Dec(grossAmount.amount)
            .abs()
            .times('0.02')
            .plus(new Dec(10).pow(-digits).div(2));
          expect(new Dec(d.discount.amount).abs().lessThanOrEqualTo(limit)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});
