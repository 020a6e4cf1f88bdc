import { describe, expect, it } from 'vitest';
import { money } from '../../src/money/index.js';
import {
  discountFor,
  discountOffers,
  dueDate,
  earnedDiscount,
  type PaymentTerms,
  parsePaymentTerms,
  validatePaymentTerms,
} from '../../src/terms/index.js';

const gross = { discountBase: 'gross' } as const;
const eur = (amount: string) => money(amount, 'EUR');

describe('"X/Y EOM" counts the discount from the month end (US usage)', () => {
  it('reads 8/10 EOM as 8 % until the 10th of the next month, net 20 days later', () => {
    const terms = parsePaymentTerms('8/10 EOM', gross)._unsafeUnwrap();
    expect(terms).toEqual({
      kind: 'end-of-month',
      months: 0,
      days: 30,
      discount: { base: 'gross', from: 'end-of-month', tiers: [{ days: 10, percent: '8' }] },
    });
    // Issued 16 June: month end 30 June; discount through 10 July, net 30 July.
    expect(dueDate('2024-06-16', terms)._unsafeUnwrap()).toBe('2024-07-30');
    const offers = discountOffers('2024-06-16', terms, { grossAmount: eur('100.00') });
    expect(offers._unsafeUnwrap()).toEqual([
      { until: '2024-07-10', percent: '8', baseAmount: '100.00' },
    ]);
    // Paid 10 July: 8 % of 100.00 = 8.00.
    const paid = discountFor(
      { issueDate: '2024-06-16', terms, grossAmount: eur('100.00') },
      '2024-07-10',
    );
    expect(paid._unsafeUnwrap().discount.amount).toBe('8.00');
  });

  it('keeps a written net period and counts the tiers from the month end', () => {
    const terms = parsePaymentTerms('2/10 net 30 EOM', gross)._unsafeUnwrap();
    expect(terms).toMatchObject({ kind: 'end-of-month', months: 0, days: 30 });
    expect(terms.kind !== 'instalments' && terms.discount?.from).toBe('end-of-month');
  });
});

describe('a discount period may not be longer than the net period', () => {
  it.each(['2/40 net 30', '2/10 net 5', '2/10 due on receipt', '2/10, 1/40 net 30'])(
    'refuses %s',
    (text) => {
      const e = parsePaymentTerms(text, gross)._unsafeUnwrapErr();
      expect(e.code).toBe('invalid_terms');
      expect(e.message).toContain('is longer than the net period');
      expect(e.message).not.toContain('Invalid input');
    },
  );

  it('accepts a discount period equal to the net period', () => {
    expect(parsePaymentTerms('2/30 net 30', gross).isOk()).toBe(true);
  });

  it('refuses, in the schema, a tier beyond net days with its path', () => {
    const terms = {
      kind: 'net',
      days: 10,
      discount: { base: 'gross', tiers: [{ days: 60, percent: '2' }] },
    };
    expect(validatePaymentTerms(terms, ['terms'])._unsafeUnwrapErr()).toMatchObject({
      code: 'invalid_input',
      path: ['terms', 'discount', 'tiers', 0, 'days'],
    });
  });

  it('refuses a tier that ends after a month-end due date for that invoice', () => {
    const terms: PaymentTerms = {
      kind: 'end-of-month',
      months: 0,
      discount: { base: 'gross', tiers: [{ days: 10, percent: '2' }] },
    };
    // Issued 25 March: the tier ends 4 April, after the due date 31 March.
    const late = discountOffers('2024-03-25', terms, { grossAmount: eur('10.00') });
    expect(late._unsafeUnwrapErr()).toMatchObject({
      code: 'invalid_terms',
      path: ['terms', 'discount', 'tiers', 0, 'days'],
    });
    // Issued 5 March: the tier ends 15 March, before the due date.
    const early = discountOffers('2024-03-05', terms, { grossAmount: eur('10.00') });
    expect(early._unsafeUnwrap()[0]!.until).toBe('2024-03-15');
  });

  it('allows counting from the month end only with end-of-month terms', () => {
    const terms = {
      kind: 'net',
      days: 30,
      discount: { base: 'gross', from: 'end-of-month', tiers: [{ days: 10, percent: '2' }] },
    };
    expect(validatePaymentTerms(terms)._unsafeUnwrapErr().path).toEqual(['discount', 'from']);
  });
});

describe('earnedDiscount checks each offer', () => {
  const at = '2024-03-11';

  it.each(['150', '100', '0', '-5'])('refuses a %s %% discount', (percent) => {
    const e = earnedDiscount([{ until: at, percent }], eur('100.00'), at)._unsafeUnwrapErr();
    expect(e).toMatchObject({ code: 'invalid_number', path: ['offers', 0, 'percent'] });
  });

  it('takes a discount just below 100 %', () => {
    // 99.99 % of 100.00 = 99.99, leaving 0.01.
    const d = earnedDiscount([{ until: at, percent: '99.99' }], eur('100.00'), at)._unsafeUnwrap();
    expect(d.amountAfterDiscount.amount).toBe('0.01');
  });

  it('names the field that is wrong', () => {
    const base = earnedDiscount([{ until: at, percent: '2', baseAmount: 'x' }], eur('1.00'), at);
    expect(base._unsafeUnwrapErr()).toMatchObject({
      code: 'invalid_amount',
      path: ['offers', 0, 'baseAmount'],
    });
    const currency = earnedDiscount([], { amount: '1.00', currency: 'ZZZ' }, at);
    expect(currency._unsafeUnwrapErr()).toMatchObject({
      code: 'unknown_currency',
      path: ['grossAmount', 'currency'],
    });
  });

  it('returns typed errors for missing lists, offers and amounts', () => {
    const none = earnedDiscount(null as never, eur('1.00'), at)._unsafeUnwrapErr();
    expect(none).toMatchObject({ code: 'invalid_input', path: ['offers'] });
    const hole = earnedDiscount([null] as never, eur('1.00'), at)._unsafeUnwrapErr();
    expect(hole).toMatchObject({ code: 'invalid_input', path: ['offers', 0] });
    const noGross = earnedDiscount([], undefined as never, at)._unsafeUnwrapErr();
    expect(noGross).toMatchObject({ code: 'invalid_input', path: ['grossAmount'] });
    const net30 = { kind: 'net', days: 30 } as const;
    const invoice = { issueDate: '2024-03-01', terms: net30 };
    expect(discountFor(invoice as never, at)._unsafeUnwrapErr()).toMatchObject({
      code: 'invalid_input',
      path: ['grossAmount'],
    });
    expect(discountFor(null as never, at)._unsafeUnwrapErr().code).toBe('invalid_input');
  });
});
