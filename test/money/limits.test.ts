import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvariantError } from '../../src/errors/index.js';
import {
  add,
  allocate,
  checkedRound,
  Dec,
  defineCurrencies,
  formatMoney,
  fromMinorUnits,
  MAX_AMOUNT_DIGITS,
  maxAmountDecimals,
  money,
  multiply,
  parseLocale,
  parseMoney,
  percentage,
  round,
  sum,
  toMinorUnits,
} from '../../src/money/index.js';

const eur = (amount: string) => money(amount, 'EUR');
// The largest EUR amount parseMoney takes: 34 digit positions - 10 decimals = 24 digits.
const LARGEST = '999999999999999999999999.99';

describe('parseMoney refuses amounts too large to stay exact in a sum', () => {
  it('takes 24 integer digits for EUR and refuses 25', () => {
    expect(MAX_AMOUNT_DIGITS - maxAmountDecimals(2)).toBe(24);
    expect(parseMoney(LARGEST, 'EUR')._unsafeUnwrap().amount).toBe(LARGEST);
    const e = parseMoney('1234567890123456789012345678901234567890.12', 'EUR')._unsafeUnwrapErr();
    expect(e).toMatchObject({ code: 'invalid_amount', path: ['amount'] });
    expect(e.message).toContain('too large: more than 24 digits before the decimal point');
    expect(parseMoney('-1000000000000000000000000', 'EUR').isErr()).toBe(true);
  });

  it('refuses more than 10 decimals, or 4 beyond a longer minor unit', () => {
    expect(parseMoney('0.0000000001', 'EUR').isOk()).toBe(true);
    expect(parseMoney('0.00000000001', 'EUR')._unsafeUnwrapErr().message).toContain(
      'too finely divided: more than 10 decimal places',
    );
    expect(parseMoney(new Dec('1e-50'), 'EUR').isErr()).toBe(true);
    // An 18-decimal host asset: 22 decimals, so 34 - 22 = 12 integer digits.
    const wei = defineCurrencies([{ code: 'WEI18', minorUnits: 18 }]);
    expect(maxAmountDecimals(18)).toBe(22);
    expect(parseMoney('999999999999.000000000000000001', 'WEI18', { currencies: wei }).isOk()).toBe(
      true,
    );
    expect(parseMoney('1000000000000', 'WEI18', { currencies: wei }).isErr()).toBe(true);
  });

  it('adds a cent to the largest amount exactly', () => {
    // 999...999.99 + 0.01 = 10^24, every digit kept.
    expect(add(eur(LARGEST), eur('0.01'))._unsafeUnwrap().amount).toBe(
      '1000000000000000000000000.00',
    );
    expect(add(eur('123456789012345678901234.56'), eur('0.01'))._unsafeUnwrap().amount).toBe(
      '123456789012345678901234.57',
    );
  });

  it('sums 100,000 copies of the largest amount exactly', () => {
    // 999999999999999999999999.99 x 10^5, by hand: shift the digits five places.
    const many = Array.from({ length: 100_000 }, () => eur(LARGEST));
    expect(sum(many, 'EUR')._unsafeUnwrap().amount).toBe('99999999999999999999999999000.00');
  });

  it('sums of amounts parseMoney accepts are exact (checked against BigInt cents)', () => {
    const cents = fc.bigInt({ min: -(10n ** 26n) + 1n, max: 10n ** 26n - 1n });
    fc.assert(
      fc.property(fc.array(cents, { maxLength: 40 }), (units) => {
        const amounts = units.map((u) => parseMoney(fromMinorUnits(u, 'EUR').amount, 'EUR'));
        const total = sum(
          amounts.map((a) => a._unsafeUnwrap()),
          'EUR',
        )._unsafeUnwrap();
        expect(toMinorUnits(total)._unsafeUnwrap()).toBe(
          units.reduce((s, u) => s + u, 0n).toString(),
        );
      }),
      { numRuns: 200 },
    );
  });
});

describe('toMinorUnits and allocate never round', () => {
  // Money built by hand, beyond parseMoney's range: 40 integer digits.
  const huge = { amount: '1234567890123456789012345678901234567890.12', currency: 'EUR' };

  it('converts every digit of a long amount to minor units', () => {
    expect(toMinorUnits(huge)._unsafeUnwrap()).toBe('123456789012345678901234567890123456789012');
    expect(toMinorUnits({ amount: '1.005', currency: 'EUR' })._unsafeUnwrapErr().code).toBe(
      'invalid_amount',
    );
    expect(toMinorUnits({ amount: '1.2300', currency: 'EUR' })._unsafeUnwrap()).toBe('123');
  });

  it('splits a long amount exactly', () => {
    // 123456789012345678901234567890123456789012 cents is even: each half is
    // 61728394506172839450617283945061728394506 cents, no cent left over.
    const parts = allocate(huge, [1, 1])
      ._unsafeUnwrap()
      .map((m) => m.amount);
    expect(parts).toEqual([
      '617283945061728394506172839450617283945.06',
      '617283945061728394506172839450617283945.06',
    ]);
  });

  it('treats a negative zero ratio as zero', () => {
    const parts = allocate(eur('1.00'), [-0, 1])
      ._unsafeUnwrap()
      .map((m) => m.amount);
    expect(parts).toEqual(['0.00', '1.00']);
    expect(allocate(eur('1.00'), [new Dec('-0'), '1']).isOk()).toBe(true);
    const e = allocate(eur('1.00'), ['-0.5', '1'])._unsafeUnwrapErr();
    expect(e.message).toBe(
      'Invalid number "-0.5": a ratio must be a finite number of zero or more at [0]',
    );
  });
});

describe('multiply and percentage check their factor', () => {
  it('throws an InvariantError instead of writing NaN or Infinity', () => {
    for (const bad of ['NaN', 'Infinity', 'abc', '1e3', '', 3, new Dec(Number.NaN)]) {
      expect(() => multiply(eur('0.10'), bad as never)).toThrow(InvariantError);
      expect(() => percentage(eur('100.00'), bad as never)).toThrow(InvariantError);
    }
    expect(() => multiply(eur('0.10'), 'Infinity')).toThrow(/parseDecimal/);
  });

  it('still multiplies by valid factors', () => {
    // 0.10 x -2.5 = -0.25; 2 % of 100.00 = 2.00.
    expect(multiply(eur('0.10'), '-2.5').amount).toBe('-0.25');
    expect(multiply(eur('0.10'), new Dec('3')).amount).toBe('0.30');
    expect(percentage(eur('100.00'), '2').amount).toBe('2.00');
  });
});

describe('round checks its mode and increment', () => {
  it('refuses an increment that is not a whole number of minor units', () => {
    expect(() => round(money('1.3', 'JPY'), { increment: '0.5' })).toThrow(InvariantError);
    expect(() => round(eur('1.00'), { increment: 'abc' })).toThrow(InvariantError);
    expect(() => round(eur('1.00'), { increment: 0.05 as never })).toThrow(InvariantError);
    const e = checkedRound(money('1.3', 'JPY'), { increment: '0.5' })._unsafeUnwrapErr();
    expect(e).toMatchObject({ code: 'invalid_policy', path: ['increment'] });
    expect(e.message).toContain('whole number of minor units (1), got 0.5');
  });

  it('refuses an unknown mode instead of silently rounding half-up', () => {
    expect(() => round(eur('1.025'), { mode: 'HALF_UP' as never })).toThrow(/HALF_UP/);
    const e = checkedRound(eur('1.025'), { mode: 'HALF_UP' as never })._unsafeUnwrapErr();
    expect(e).toMatchObject({ code: 'invalid_policy', path: ['mode'] });
  });

  it('rounds with valid options', () => {
    // 1.3 yen to whole 5 yen: 1.3 / 5 = 0.26 -> 0 half-up; 1.03 CHF to 0.05: 20.6 -> 21 x 0.05.
    expect(checkedRound(money('1.3', 'JPY'), { increment: '5' })._unsafeUnwrap().amount).toBe('0');
    expect(checkedRound(money('1.03', 'CHF'), { increment: '0.05' })._unsafeUnwrap().amount).toBe(
      '1.05',
    );
    expect(checkedRound(eur('1.03'), { increment: '0.03' })._unsafeUnwrap().amount).toBe('1.02');
  });
});

describe('formatMoney never throws on an amount', () => {
  it('shows an amount of more than 20 decimals rounded half-up to 20', () => {
    // 1.123456789012345678905 -> 20 decimals, the 21st digit 5 rounds up.
    const m = { amount: '1.123456789012345678905', currency: 'KWD' };
    expect(formatMoney(m)).toBe('KWD\u00a01.12345678901234567891');
    expect(formatMoney({ amount: '1234.5', currency: 'EUR' }, { locale: 'de-DE' })).toBe(
      '1.234,50\u00a0€',
    );
  });

  it('refuses a malformed locale tag, and parseLocale reads one from outside', () => {
    expect(() => formatMoney(eur('10'), { locale: 'xx_bad!!' })).toThrow(/parseLocale/);
    expect(parseLocale('de-de')._unsafeUnwrap()).toBe('de-DE');
    expect(parseLocale('xx_bad!!', ['customers', 0, 'locale'])._unsafeUnwrapErr()).toMatchObject({
      code: 'invalid_input',
      path: ['customers', 0, 'locale'],
    });
    expect(parseLocale(42).isErr()).toBe(true);
  });
});
