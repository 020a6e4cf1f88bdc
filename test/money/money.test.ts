import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  add,
  compare,
  Dec,
  defineCurrencies,
  equals,
  fromMinorUnits,
  isNegative,
  isPositive,
  isZero,
  type Money,
  money,
  moneySchema,
  multiply,
  negate,
  parseDecimal,
  parseMoney,
  percentage,
  subtract,
  sum,
  toMinorUnits,
  zero,
} from '../../src/money/index.js';

const eur = (a: string) => money(a, 'EUR');

describe('parseMoney and parseDecimal', () => {
  it('reads plain decimal strings and pads to the minor unit', () => {
    expect(parseMoney('12.5', 'EUR')._unsafeUnwrap()).toEqual({ amount: '12.50', currency: 'EUR' });
    expect(parseMoney('-0.5', 'KWD')._unsafeUnwrap().amount).toBe('-0.500');
    expect(parseMoney('+7', 'JPY')._unsafeUnwrap().amount).toBe('7');
    expect(parseMoney('-0', 'EUR')._unsafeUnwrap().amount).toBe('0.00');
    expect(parseMoney(new Decimal('3.1'), 'EUR')._unsafeUnwrap().amount).toBe('3.10');
  });

  it('keeps every digit of a long amount (no float on the way)', () => {
    // 24 integer digits, the most parseMoney takes for EUR (see MAX_AMOUNT_DIGITS);
    // a JavaScript number keeps only about 17 significant digits.
    const long = '123456789012345678901234.12';
    expect(parseMoney(long, 'EUR')._unsafeUnwrap().amount).toBe(long);
    expect(parseMoney('0.1', 'EUR')._unsafeUnwrap().amount).toBe('0.10');
  });

  const refused: readonly [unknown, RegExp][] = [
    [12.5, /JavaScript number/],
    [Number.NaN, /JavaScript number/],
    ['NaN', /not a plain decimal/],
    ['Infinity', /not a plain decimal/],
    ['1e3', /exponent/],
    ['1E-2', /exponent/],
    ['12,50', /decimal comma/],
    ['1,234.50', /not a plain decimal/],
    ['', /empty/],
    ['   ', /empty/],
    [' 12.50', /not a plain decimal/],
    ['.5', /not a plain decimal/],
    ['5.', /not a plain decimal/],
    ['0x10', /not a plain decimal/],
    [null, /got object/],
    [undefined, /got undefined/],
    [new Decimal(Number.NaN), /finite/],
    [new Decimal(Number.POSITIVE_INFINITY), /finite/],
  ];
  it.each(refused)('refuses %s with invalid_amount', (input, reason) => {
    const error = parseMoney(input, 'EUR', { path: ['lines', 2] })._unsafeUnwrapErr();
    expect(error.code).toBe('invalid_amount');
    expect(error.code === 'invalid_amount' && error.reason).toMatch(reason);
    expect(error.path).toEqual(['lines', 2, 'amount']);
  });

  it('refuses more decimals than the currency has only when asked for exact units', () => {
    expect(parseMoney('1.005', 'EUR')._unsafeUnwrap().amount).toBe('1.005');
    const error = parseMoney('1.005', 'EUR', { exact: true })._unsafeUnwrapErr();
    expect(error.code === 'invalid_amount' && error.reason).toBe('more than 2 decimal places');
    expect(parseMoney('1.5', 'JPY', { exact: true }).isErr()).toBe(true);
    expect(parseMoney('1.0001', 'KWD', { exact: true }).isErr()).toBe(true);
    // Trailing zeros do not make an amount inexact: 1.500 is exactly 1.50.
    expect(parseMoney('1.500', 'EUR', { exact: true })._unsafeUnwrap().amount).toBe('1.50');
    expect(parseDecimal('2.001', [], 2).isErr()).toBe(true);
  });

  it('names the currency path on an unknown currency', () => {
    const error = parseMoney('1', 'EURO', { path: ['total'] })._unsafeUnwrapErr();
    expect(error).toMatchObject({ code: 'unknown_currency', path: ['total', 'currency'] });
    expect(error.message).toBe('Unknown currency "EURO" at total.currency');
  });

  it('money() throws on a bad literal, parseMoney never does', () => {
    expect(() => money('12,50', 'EUR')).toThrow(/decimal comma/);
    expect(() => parseMoney(Symbol('x'), {})).not.toThrow();
  });

  it('moneySchema checks the JSON shape', () => {
    expect(moneySchema.safeParse({ amount: '1.00', currency: 'EUR' }).success).toBe(true);
    expect(moneySchema.safeParse({ amount: 1, currency: 'EUR' }).success).toBe(false);
    expect(moneySchema.safeParse({ amount: '1e2', currency: 'EUR' }).success).toBe(false);
  });
});

describe('operations', () => {
  it('adds and subtracts exactly: 0.10 + 0.20 = 0.30', () => {
    expect(add(eur('0.10'), eur('0.20'))._unsafeUnwrap()).toEqual(eur('0.30'));
    expect(subtract(eur('1.00'), eur('1.50'))._unsafeUnwrap()).toEqual(eur('-0.50'));
    expect(subtract(eur('1.00'), eur('1.00'))._unsafeUnwrap().amount).toBe('0.00');
  });

  it('refuses to combine two currencies', () => {
    const error = add(eur('1.00'), money('1.00', 'USD'))._unsafeUnwrapErr();
    expect(error).toMatchObject({ code: 'currency_mismatch', expected: 'EUR', actual: 'USD' });
    expect(subtract(eur('1'), money('1', 'USD')).isErr()).toBe(true);
    expect(compare(eur('1'), money('1', 'USD')).isErr()).toBe(true);
    const s = sum([eur('1'), eur('2'), money('3', 'GBP')], 'EUR')._unsafeUnwrapErr();
    expect(s).toMatchObject({ code: 'currency_mismatch', path: [2] });
    expect(equals(eur('1'), money('1', 'USD'))).toBe(false);
  });

  it('sums a list, zero for none', () => {
    expect(sum([eur('1.10'), eur('2.20'), eur('-0.30')], 'EUR')._unsafeUnwrap()).toEqual(
      eur('3.00'),
    );
    expect(sum([], 'JPY')._unsafeUnwrap()).toEqual({ amount: '0', currency: 'JPY' });
  });

  it('multiplies by a quantity and takes a percentage without rounding', () => {
    expect(multiply(eur('0.10'), '3')).toEqual(eur('0.30'));
    // 19.99 x 1.5 = 29.985: kept exact until the caller rounds.
    expect(multiply(eur('19.99'), '1.5').amount).toBe('29.985');
    expect(multiply(eur('2.00'), new Dec('-1')).amount).toBe('-2.00');
    // 19 % of 55.55 = 10.5545
    expect(percentage(eur('55.55'), '19').amount).toBe('10.5545');
    expect(percentage(money('1000', 'JPY'), '10').amount).toBe('100');
  });

  it('negates, never to negative zero', () => {
    expect(negate(eur('12.30'))).toEqual(eur('-12.30'));
    expect(negate(eur('-12.30'))).toEqual(eur('12.30'));
    expect(negate(zero('EUR')).amount).toBe('0.00');
  });

  it('compares and tests the sign', () => {
    expect(compare(eur('1.00'), eur('1.0'))._unsafeUnwrap()).toBe(0);
    expect(compare(eur('-1'), eur('0.01'))._unsafeUnwrap()).toBe(-1);
    expect(compare(eur('2'), eur('1.99'))._unsafeUnwrap()).toBe(1);
    expect([isZero(eur('0')), isZero(eur('-0.00')), isZero(eur('0.01'))]).toEqual([
      true,
      true,
      false,
    ]);
    expect([isNegative(eur('-0.01')), isNegative(eur('0')), isPositive(eur('0'))]).toEqual([
      true,
      false,
      false,
    ]);
    expect(equals(eur('1.00'), { amount: '1', currency: 'EUR' })).toBe(true);
  });

  it('returns new plain objects that survive JSON and leave the inputs alone', () => {
    const a = eur('1.00');
    const b = Object.freeze(eur('2.00'));
    const c = add(a, b)._unsafeUnwrap();
    expect(JSON.parse(JSON.stringify(c))).toEqual(c);
    expect(a).toEqual(eur('1.00'));
    expect(c).not.toBe(a);
  });

  it('works for host currencies, with or without their registry', () => {
    const currencies = defineCurrencies([{ code: 'XBT', minorUnits: 8 }]);
    const a = money('0.1', 'XBT', { currencies });
    const b = money('0.00000001', 'XBT', { currencies });
    expect(add(a, b, { currencies })._unsafeUnwrap().amount).toBe('0.10000001');
    // Without the registry the result keeps the decimals the operands carry.
    expect(add(a, a)._unsafeUnwrap().amount).toBe('0.20000000');
    expect(negate(a).amount).toBe('-0.10000000');
    expect(multiply(a, '3').amount).toBe('0.30000000');
  });

  it('converts to and from integer minor units', () => {
    expect(toMinorUnits(eur('12.34'))._unsafeUnwrap()).toBe('1234');
    expect(toMinorUnits(money('-1.5', 'KWD'))._unsafeUnwrap()).toBe('-1500');
    expect(toMinorUnits(eur('0.001')).isErr()).toBe(true);
    expect(fromMinorUnits(1234n, 'EUR')).toEqual(eur('12.34'));
    expect(fromMinorUnits('-5', 'JPY')).toEqual(money('-5', 'JPY'));
    expect(() => fromMinorUnits('1.5', 'EUR')).toThrow(/whole number/);
  });
});

const cents = fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n });
const inCurrency = (units: bigint, currency: string): Money => fromMinorUnits(units, currency);

describe('money properties', () => {
  it('add and subtract round-trip: (a + b) - b = a', () => {
    fc.assert(
      fc.property(cents, cents, fc.constantFrom('EUR', 'JPY', 'KWD', 'CLF'), (x, y, cur) => {
        const a = inCurrency(x, cur);
        const b = inCurrency(y, cur);
        const back = add(a, b)
          .andThen((s) => subtract(s, b))
          ._unsafeUnwrap();
        expect(back).toEqual(a);
      }),
      { numRuns: 300 },
    );
  });

  it('addition is commutative and sum agrees with repeated add', () => {
    fc.assert(
      fc.property(fc.array(cents, { maxLength: 20 }), (units) => {
        const list = units.map((u) => inCurrency(u, 'EUR'));
        const total = sum(list, 'EUR')._unsafeUnwrap();
        const folded = list.reduce((acc, m) => add(acc, m)._unsafeUnwrap(), zero('EUR'));
        const reversed = sum([...list].reverse(), 'EUR')._unsafeUnwrap();
        expect(total).toEqual(folded);
        expect(total).toEqual(reversed);
        expect(total).toEqual(
          inCurrency(
            units.reduce((s, u) => s + u, 0n),
            'EUR',
          ),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('parseMoney reads back what it writes', () => {
    fc.assert(
      fc.property(cents, fc.constantFrom('EUR', 'JPY', 'KWD'), (u, cur) => {
        const m = inCurrency(u, cur);
        expect(parseMoney(m.amount, cur, { exact: true })._unsafeUnwrap()).toEqual(m);
      }),
      { numRuns: 200 },
    );
  });
});
