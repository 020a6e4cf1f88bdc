import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromMinorUnits, money, sum, toMinorUnits } from '../../src/money/index.js';
import { instalmentSchedule, type PaymentTerms } from '../../src/terms/index.js';

const net30 = { kind: 'net', days: 30 } as const;
const byPercent = (...percents: string[]): PaymentTerms => ({
  kind: 'instalments',
  instalments: percents.map((percent) => ({ percent, terms: net30 })),
});
const thirds = byPercent('33.34', '33.33', '33.33');
const amountsOf = (r: ReturnType<typeof instalmentSchedule>) =>
  r._unsafeUnwrap().map((p) => p.amount.amount);

describe('instalmentSchedule', () => {
  it('splits 5.47 by 33.34/33.33/33.33 % as 1.83, 1.82, 1.82 (largest remainder)', () => {
    // Exact shares 1.823698, 1.823151, 1.823151: floors 1.82 x 3 leave one cent, which
    // goes to the largest remainder, the first.
    expect(amountsOf(instalmentSchedule(money('5.47', 'EUR'), thirds))).toEqual([
      '1.83',
      '1.82',
      '1.82',
    ]);
  });

  it('lets the last instalment absorb the rest under last-absorbs', () => {
    // 1.823698 and 1.823151 round toward zero to 1.82; the last takes 5.47 - 3.64.
    const policy = { policy: 'last-absorbs' } as const;
    expect(amountsOf(instalmentSchedule(money('5.47', 'EUR'), thirds, policy))).toEqual([
      '1.82',
      '1.82',
      '1.83',
    ]);
    expect(amountsOf(instalmentSchedule(money('-5.47', 'EUR'), thirds, policy))).toEqual([
      '-1.82',
      '-1.82',
      '-1.83',
    ]);
  });

  it('keeps the last part non-negative when many small parts round', () => {
    // 100 parts of 1 % of 0.50: each exact share is half a cent.
    const hundred = byPercent(...Array.from({ length: 100 }, () => '1'));
    const last = instalmentSchedule(money('0.50', 'EUR'), hundred, { policy: 'last-absorbs' });
    expect(amountsOf(last).slice(-2)).toEqual(['0.00', '0.50']);
    // Largest remainder: a 100-way tie at half a cent; the first 50 parts get a cent.
    const lr = amountsOf(instalmentSchedule(money('0.50', 'EUR'), hundred));
    expect(lr.filter((a) => a === '0.01')).toHaveLength(50);
    expect(lr.indexOf('0.00')).toBe(50);
  });

  it('mirrors a credit note and works in JPY', () => {
    expect(amountsOf(instalmentSchedule(money('-5.47', 'EUR'), thirds))).toEqual([
      '-1.83',
      '-1.82',
      '-1.82',
    ]);
    // 333.4, 333.3, 333.3 yen: the spare yen goes to the .4.
    expect(amountsOf(instalmentSchedule(money('1000', 'JPY'), thirds))).toEqual([
      '334',
      '333',
      '333',
    ]);
  });

  it('dates each part by its own terms and offers its discounts on its amount', () => {
    const terms: PaymentTerms = {
      kind: 'instalments',
      instalments: [
        {
          percent: '50',
          terms: { ...net30, discount: { base: 'gross', tiers: [{ days: 10, percent: '2' }] } },
        },
        { percent: '50', terms: { kind: 'end-of-month', months: 1 } },
      ],
    };
    const schedule = instalmentSchedule(money('1000.00', 'EUR'), terms, {
      issueDate: '2024-01-15',
    })._unsafeUnwrap();
    expect(schedule).toEqual([
      {
        index: 0,
        amount: money('500.00', 'EUR'),
        terms: terms.kind === 'instalments' ? terms.instalments[0]!.terms : net30,
        dueDate: '2024-02-14',
        discounts: [{ until: '2024-01-25', percent: '2', baseAmount: '500.00' }],
      },
      {
        index: 1,
        amount: money('500.00', 'EUR'),
        terms: { kind: 'end-of-month', months: 1 },
        dueDate: '2024-02-29',
        discounts: [],
      },
    ]);
    expect(JSON.parse(JSON.stringify(schedule))).toEqual(schedule);
  });

  it('moves instalment dates onto business days', () => {
    // 2024-08-01 + 30 = Saturday 2024-08-31 -> Monday 2024-09-02.
    const schedule = instalmentSchedule(money('10.00', 'EUR'), byPercent('100'), {
      issueDate: '2024-08-01',
      calendar: {},
    })._unsafeUnwrap();
    expect(schedule[0]?.dueDate).toBe('2024-09-02');
  });

  it('gives one part for terms without instalments, without dates when no issue date', () => {
    const schedule = instalmentSchedule(money('12.00', 'EUR'), net30)._unsafeUnwrap();
    expect(schedule).toEqual([
      { index: 0, amount: money('12.00', 'EUR'), terms: net30, dueDate: null, discounts: [] },
    ]);
  });

  it('takes instalments by amount when they add up to the total', () => {
    const terms = (a: string, b: string): PaymentTerms => ({
      kind: 'instalments',
      instalments: [
        { amount: a, terms: { kind: 'due-on-receipt' } },
        { amount: b, terms: net30 },
      ],
    });
    expect(amountsOf(instalmentSchedule(money('1000.00', 'EUR'), terms('300', '700')))).toEqual([
      '300.00',
      '700.00',
    ]);
    const short = instalmentSchedule(money('1000.00', 'EUR'), terms('300.00', '600.00'));
    expect(short._unsafeUnwrapErr()).toMatchObject({
      code: 'invalid_terms',
      reason: 'instalment amounts add up to 900.00, not the total 1000.00',
    });
    const fraction = instalmentSchedule(money('1000.00', 'EUR'), terms('300.005', '699.995'));
    expect(fraction._unsafeUnwrapErr()).toMatchObject({
      code: 'invalid_amount',
      path: ['terms', 'instalments', 0, 'amount'],
    });
  });

  it('refuses a total below the minor unit, an unknown currency and a bad issue date', () => {
    expect(instalmentSchedule(money('5.475', 'EUR'), thirds)._unsafeUnwrapErr().code).toBe(
      'invalid_amount',
    );
    expect(instalmentSchedule(money('5.475', 'EUR'), net30)._unsafeUnwrapErr().code).toBe(
      'invalid_amount',
    );
    const lastAbsorbs = instalmentSchedule(money('5.475', 'EUR'), thirds, {
      policy: 'last-absorbs',
    });
    expect(lastAbsorbs._unsafeUnwrapErr().code).toBe('invalid_amount');
    const unknown = instalmentSchedule({ amount: '1.00', currency: 'ZZZ' }, thirds);
    expect(unknown._unsafeUnwrapErr().code).toBe('unknown_currency');
    const junk = instalmentSchedule({ amount: '1,00', currency: 'EUR' }, thirds);
    expect(junk._unsafeUnwrapErr()).toMatchObject({
      code: 'invalid_amount',
      path: ['total', 'amount'],
    });
    const date = instalmentSchedule(money('1.00', 'EUR'), thirds, { issueDate: '2024-1-1' });
    expect(date._unsafeUnwrapErr().code).toBe('invalid_date');
  });
});

// Percentages in hundredths of a percent that add up to exactly 100 %.
const percents = fc
  .array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 12 })
  .map((weights) => {
    const total = weights.reduce((s, w) => s + w, 0);
    const hundredths = weights.map((w) => Math.floor((w * 10_000) / total));
    hundredths[0]! += 10_000 - hundredths.reduce((s, h) => s + h, 0);
    return hundredths.filter((h) => h > 0).map((h) => (h / 100).toFixed(2));
  });

describe('instalment properties', () => {
  it('instalments sum to the amount due, any currency, negative too, both policies', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n }),
        fc.constantFrom('EUR', 'JPY', 'KWD', 'CLF'),
        percents,
        fc.constantFrom('largest-remainder', 'last-absorbs') as fc.Arbitrary<
          'largest-remainder' | 'last-absorbs'
        >,
        (units, currency, ps, policy) => {
          const total = fromMinorUnits(units, currency);
          const parts = instalmentSchedule(total, byPercent(...ps), { policy })._unsafeUnwrap();
          expect(parts).toHaveLength(ps.length);
          const amounts = parts.map((p) => p.amount);
          expect(sum(amounts, currency)._unsafeUnwrap()).toEqual(total);
          for (const a of amounts) {
            const u = BigInt(toMinorUnits(a)._unsafeUnwrap());
            // Every part has the sign of the total (or is zero).
            expect(units >= 0n ? u >= 0n : u <= 0n).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
