import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countDays } from '../../src/dunning/day-count.js';
import { lateCompensation, lateInterest, lateInterestRate } from '../../src/dunning/interest.js';
import { DE_BASE_RATES, ECB_REFERENCE_RATES } from '../../src/dunning/rates.js';

interface Semester {
  reference_date: string;
  ecb_mro_reference_rate: string | null;
  directive_statutory_minimum_rate?: string;
  de_basiszinssatz_247_bgb?: string;
  de_b2b_rate_288_2_bgb?: string;
  de_consumer_rate_288_1_bgb?: string;
}
const facts = JSON.parse(
  readFileSync(new URL('../fixtures/late-payment/late-payment.json', import.meta.url), 'utf8'),
) as { semesters: Semester[] };
const known = facts.semesters.filter((s) => s.ecb_mro_reference_rate !== null);

describe('reference rates', () => {
  it('embeds the ECB and Bundesbank half-year rates of the reference data', () => {
    expect(ECB_REFERENCE_RATES.rates).toEqual(
      known.map((s) => ({ from: s.reference_date, ratePercent: s.ecb_mro_reference_rate })),
    );
    expect(DE_BASE_RATES.rates).toEqual(
      known.map((s) => ({ from: s.reference_date, ratePercent: s.de_basiszinssatz_247_bgb })),
    );
  });

  it('gives the statutory rates the reference data states for each half-year', () => {
    for (const s of known) {
      const day = s.reference_date;
      const n = (x: string | undefined) => String(Number(x));
      expect(lateInterestRate(day)._unsafeUnwrap()).toBe(n(s.directive_statutory_minimum_rate));
      expect(lateInterestRate(day, { preset: 'germany' })._unsafeUnwrap()).toBe(
        n(s.de_b2b_rate_288_2_bgb),
      );
      expect(lateInterestRate(day, { preset: 'germany' }, true)._unsafeUnwrap()).toBe(
        n(s.de_consumer_rate_288_1_bgb),
      );
    }
  });

  it('uses the 1 July rate for the whole second half-year', () => {
    // ECB MRO changed to 3.65 on 2024-09-18, but the half-year rate stays 4.25 + 8.
    expect(lateInterestRate('2024-12-31')._unsafeUnwrap()).toBe('12.25');
  });

  it('reports a missing rate for a half-year the table does not hold', () => {
    const r = lateInterest({
      amount: '100.00',
      currency: 'EUR',
      dueDate: '2026-06-30',
      until: '2026-07-15',
    });
    expect(r._unsafeUnwrapErr()).toMatchObject({ code: 'missing_rate', date: '2026-07-01' });
  });
});

describe('lateInterest', () => {
  it('splits at the half-year and rounds once at the end', () => {
    // 2024-06-21..06-30: 1000 x 12.50 % x 10/365 = 3.4246575...
    // 2024-07-01..07-10: 1000 x 12.25 % x 10/365 = 3.3561643...
    // sum 6.7808219... -> 6.78
    const r = lateInterest({
      amount: '1000.00',
      currency: 'EUR',
      dueDate: '2024-06-20',
      until: '2024-07-10',
    })._unsafeUnwrap();
    expect(r.amount).toBe('6.78');
    expect(r.periods.map((p) => [p.from, p.to, p.days, p.ratePercent])).toEqual([
      ['2024-06-21', '2024-06-30', 10, '12.5'],
      ['2024-07-01', '2024-07-10', 10, '12.25'],
    ]);
  });

  it('follows a balance lowered by a partial payment from the day after it', () => {
    // Germany B2B 2024-H1: 3.62 + 9 = 12.62 %.
    // 2024-03-02..03-11 (10 days) on 1000: 1000 x 12.62 x 10 / 36500 = 3.4575342...
    // 2024-03-12..03-31 (20 days) on 600:  600 x 12.62 x 20 / 36500 = 4.1490410...
    // sum 7.6065753... -> 7.61
    const r = lateInterest(
      {
        amount: '1000.00',
        currency: 'EUR',
        dueDate: '2024-03-01',
        until: '2024-03-31',
        payments: [{ date: '2024-03-11', amount: '400.00' }],
      },
      { preset: 'germany' },
    )._unsafeUnwrap();
    expect(r.amount).toBe('7.61');
    expect(r.periods.map((p) => p.balance)).toEqual(['1000.00', '600.00']);
  });

  it('applies the consumer margin in Germany', () => {
    // 2024-02-01..03-01 = 30 days at 3.62 + 5 = 8.62 %: 1000 x 8.62 x 30 / 36500 = 7.0849...
    const r = lateInterest(
      {
        amount: '1000.00',
        currency: 'EUR',
        dueDate: '2024-01-31',
        until: '2024-03-01',
        consumer: true,
      },
      { preset: 'germany' },
    );
    expect(r.map((i) => i.amount)._unsafeUnwrap()).toBe('7.08');
  });

  it('counts act/360 and 30/360 when asked', () => {
    // act/360: 30 days at 12.5 %: 1000 x 12.5 x 30 / 36000 = 10.41666... -> 10.42
    const claim = {
      amount: '1000.00',
      currency: 'EUR',
      dueDate: '2024-01-31',
      until: '2024-03-01',
    };
    expect(lateInterest(claim, { dayCount: 'act/360' })._unsafeUnwrap().amount).toBe('10.42');
    // 30/360 from 2024-02-29 to 2024-03-31: D1 = 29 stays, D2 = 31 stays (D1 < 30):
    // 30 x 1 + (31 - 29) = 32 days; 1000 x 12.5 x 32 / 36000 = 11.111... -> 11.11
    const feb = { ...claim, dueDate: '2024-02-29', until: '2024-03-31' };
    expect(lateInterest(feb, { dayCount: '30/360' })._unsafeUnwrap().amount).toBe('11.11');
  });

  it('charges nothing when paid on the due date or before', () => {
    const r = lateInterest({
      amount: '500.00',
      currency: 'EUR',
      dueDate: '2024-03-01',
      until: '2024-03-20',
      payments: [{ date: '2024-03-01', amount: '500.00' }],
    });
    expect(r._unsafeUnwrap()).toMatchObject({ amount: '0.00', periods: [] });
  });

  it('refuses a malformed amount or date', () => {
    const base = { amount: '1000.00', currency: 'EUR', dueDate: '2024-03-01', until: '2024-03-31' };
    expect(lateInterest({ ...base, amount: '10.001' })._unsafeUnwrapErr().code).toBe(
      'invalid_amount',
    );
    expect(lateInterest({ ...base, until: '2024-02-30' })._unsafeUnwrapErr().path).toEqual([
      'until',
    ]);
  });

  it('interest does not depend on where the period is split (rounded once)', () => {
    // Splitting the claim's days at a partial payment of zero must not change the total.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 99 }), (d, cut) => {
        const base = { amount: '1234.56', currency: 'EUR', dueDate: '2024-01-10' };
        const until = new Date(Date.UTC(2024, 0, 10 + d)).toISOString().slice(0, 10);
        const at = new Date(Date.UTC(2024, 0, 10 + Math.ceil((d * cut) / 100)))
          .toISOString()
          .slice(0, 10);
        const whole = lateInterest({ ...base, until })._unsafeUnwrap();
        const split = lateInterest({
          ...base,
          until,
          payments: [{ date: at, amount: '0.00' }],
        })._unsafeUnwrap();
        expect(split.amount).toBe(whole.amount);
      }),
      { numRuns: 100 },
    );
  });
});

describe('day counts', () => {
  it('counts actual days from the day after to the day itself', () => {
    expect(countDays('2024-02-28', '2024-03-01', 'act/365')).toBe(2);
    // Bond Basis: 31 -> 30 at both ends when the start is the 30th or 31st.
    expect(countDays('2024-01-31', '2024-03-31', '30/360')).toBe(60);
  });
});

describe('fixed compensation', () => {
  it('is EUR 40 between businesses and nothing for consumers', () => {
    expect(lateCompensation('EUR', false)).toBe('40.00');
    expect(lateCompensation('EUR', true)).toBeUndefined();
    expect(lateCompensation('GBP', false)).toBeUndefined();
  });
});
