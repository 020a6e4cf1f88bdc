import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMinor, formatMinor, sumMinor, toMinor } from '../../src/dunning/minor.js';
import { Dec } from '../../src/money/index.js';

describe('minor units in numbers', () => {
  it('reads and writes amounts exactly', () => {
    expect(toMinor('1234.5', 2)).toBe(123450);
    expect(toMinor('0.001', 3)).toBe(1);
    expect(toMinor('12.345', 2)).toBeUndefined();
    expect(toMinor('1234567890123456', 0)).toBeUndefined();
    expect(formatMinor(5, 2)).toBe('0.05');
    expect(formatMinor(1234, 0)).toBe('1234');
  });

  it('sums are the decimal sums or undefined, never a rounded number', () => {
    const amount = fc
      .tuple(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.integer({ min: 0, max: 3 }))
      .map(([units, mu]) => ({
        text: new Dec(units.toString()).dividedBy(10 ** mu).toFixed(mu),
        mu,
      }));
    fc.assert(
      fc.property(fc.array(amount, { minLength: 1, maxLength: 6 }), (list) => {
        const mu = list[0]!.mu;
        const texts = list.map((a) => new Dec(a.text).toFixed(mu));
        const sum = sumMinor(texts, mu);
        const exact = texts.reduce((s, t) => s.plus(t), new Dec(0));
        if (sum !== undefined) expect(formatMinor(sum, mu)).toBe(exact.toFixed(mu));
        else
          expect(
            exact
              .times(10 ** mu)
              .abs()
              .greaterThan(Number.MAX_SAFE_INTEGER) ||
              texts.some((t) => toMinor(t, mu) === undefined),
          ).toBe(true);
      }),
      { numRuns: 200 },
    );
    expect(addMinor(Number.MAX_SAFE_INTEGER, 1)).toBeUndefined();
  });
});

describe('minor units read digit by digit', () => {
  it('toMinor is the decimal value times 10^minorUnits, when exact within 15 digits', () => {
    const text = fc.oneof(
      fc.stringMatching(/^\d{1,18}(\.\d{1,5})?$/),
      fc.stringMatching(/^0{0,3}\d{0,4}\.?\d{0,4}0{0,3}$/),
      fc.string({ maxLength: 8 }),
    );
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 4 }), (s, mu) => {
        const got = toMinor(s, mu);
        const plain = /^\d+(\.\d+)?$/.test(s);
        const scaled = plain ? new Dec(s).times(10 ** mu) : undefined;
        // The straightforward rule: a plain decimal whose value in minor units is a
        // whole number of at most 15 significant digits.
        if (scaled?.isInteger() && scaled.abs().lessThan(10 ** 15)) {
          expect(got).toBe(scaled.toNumber());
        } else expect(got).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });
});
