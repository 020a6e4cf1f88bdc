import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type LateInterestOptions, lateInterest } from '../../src/dunning/interest.js';
import { lateInterestMinor } from '../../src/dunning/interest-minor.js';
import { formatMinor } from '../../src/dunning/minor.js';
import { ECB_REFERENCE_RATES } from '../../src/dunning/rates.js';
import { addDays, toDayNumber } from '../../src/terms/date.js';

const cents = (units: bigint, mu: number) => (mu === 0 ? units.toString() : formatMinor(units, mu));

// Claims over the years the built-in table covers, with payments before and after the
// due date, margins with up to 6 decimals, and amounts up to 10^18 minor units (beyond
// 2^53, where the integer path must step aside).
const claimArb = fc.record({
  units: fc.oneof(
    fc.bigInt({ min: 0n, max: 10_000_000n }),
    fc.bigInt({ min: 0n, max: 10n ** 18n }),
  ),
  currency: fc.constantFrom('EUR', 'JPY', 'KWD'),
  due: fc.integer({ min: 0, max: 900 }),
  days: fc.integer({ min: -5, max: 600 }),
  payments: fc.array(
    fc.record({ at: fc.integer({ min: -30, max: 600 }), part: fc.integer({ min: 1, max: 60 }) }),
    { maxLength: 4 },
  ),
  consumer: fc.boolean(),
  margin: fc.option(
    fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 999_999 })),
  ),
  dayCount: fc.constantFrom('act/365', 'act/360', '30/360'),
  preset: fc.constantFrom('eu-minimum', 'germany'),
});

describe('late interest in integer minor units', () => {
  it('integer interest is the decimal interest, or steps aside', () => {
    let served = 0;
    fc.assert(
      fc.property(claimArb, (x) => {
        const mu = { EUR: 2, JPY: 0, KWD: 3 }[x.currency]!;
        const dueDate = addDays('2023-01-01', x.due);
        const until = addDays(dueDate, x.days);
        const payments = x.payments.map((p) => ({
          date: addDays(dueDate, p.at),
          amount: cents((x.units * BigInt(p.part)) / 100n, mu),
        }));
        const claim = {
          amount: cents(x.units, mu),
          currency: x.currency,
          dueDate,
          until,
          payments,
          consumer: x.consumer,
        };
        const options: LateInterestOptions = {
          preset: x.preset,
          dayCount: x.dayCount,
          ...(x.margin ? { businessMarginPercent: `${x.margin[0]}.${x.margin[1]}` } : {}),
        };
        const fast = lateInterestMinor(claim, options, new Map(), toDayNumber);
        const exact = lateInterest(claim, options);
        if (fast !== undefined) served++;
        if (fast !== undefined) expect(cents(fast, mu)).toBe(exact._unsafeUnwrap().amount);
        // The integer path steps aside only for what it leaves to the decimal rule.
        const amountsFit = x.units < 10n ** 15n;
        if (fast === undefined) {
          expect(x.dayCount === '30/360' || !amountsFit || exact.isErr()).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
    // The integer path is not a rare guest: most claims of the mix go through it.
    expect(served).toBeGreaterThan(50);
  });

  it('takes the half-up rounding of the exact sum, one half minor unit included', () => {
    // 73.00 for 1 day at 12.5 % (2024 H1: 4.5 + 8) act/365: 73 * 12.5 / 36500 = 0.025.
    const claim = { amount: '73.00', currency: 'EUR', dueDate: '2024-03-01', until: '2024-03-02' };
    expect(lateInterestMinor(claim, {}, new Map(), toDayNumber)).toBe(3n);
    expect(lateInterest(claim)._unsafeUnwrap().amount).toBe('0.03');
    // 1000.00 due 2024-06-20 to 2024-07-10: 10 days at 12.50 % + 10 days at 12.25 %,
    // (1000 * 12.5 * 10 + 1000 * 12.25 * 10) / 36500 = 6.7808... = 6.78.
    const split = { ...claim, amount: '1000.00', dueDate: '2024-06-20', until: '2024-07-10' };
    expect(lateInterestMinor(split, {}, new Map(), toDayNumber)).toBe(678n);
    // Two periods summing to exactly half a cent go to the decimal rule: 730.00 for
    // 2024-06-30 at 12.5 % and 2024-07-01 at 12.25 %: 730 * 24.75 / 36500 = 0.495 = 0.50.
    const half = { ...claim, amount: '730.00', dueDate: '2024-06-29', until: '2024-07-01' };
    expect(lateInterestMinor(half, {}, new Map(), toDayNumber)).toBeUndefined();
    expect(lateInterest(half)._unsafeUnwrap().amount).toBe('0.50');
  });

  it('steps aside for a missing rate, a bad amount and an unknown currency', () => {
    const claim = { amount: '100.00', currency: 'EUR', dueDate: '2024-03-01', until: '2024-03-09' };
    const none = { rates: { ...ECB_REFERENCE_RATES, rates: [] } };
    const step = (c: object, o: LateInterestOptions = {}) =>
      lateInterestMinor(c as typeof claim, o, new Map(), toDayNumber);
    expect(step(claim, none)).toBeUndefined();
    expect(step({ ...claim, amount: '100.001' })).toBeUndefined();
    expect(step({ ...claim, amount: '-1.00' })).toBeUndefined();
    expect(step({ ...claim, currency: 'XXY' })).toBeUndefined();
    expect(step({ ...claim, until: '2024-02-30' })).toBeUndefined();
    expect(step({ ...claim, payments: [{ date: '2024-03-05', amount: 5 }] })).toBeUndefined();
  });
});
