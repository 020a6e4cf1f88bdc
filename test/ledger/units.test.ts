import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addUnits,
  formatUnits,
  isCanonicalUnits,
  parseUnits,
  subUnits,
} from '../../src/ledger/units.js';

describe('minor units', () => {
  it('reads amounts on the minor unit and refuses the rest', () => {
    expect(parseUnits('1234.5', 2)).toBe(123450);
    expect(parseUnits('1234.567', 3)).toBe(1234567);
    expect(parseUnits('10.000', 2)).toBe(1000);
    expect(parseUnits('7', 0)).toBe(7);
    for (const bad of ['10.005', '', '.5', '5.', '1.2.3', '-1', '1e3', '12,50', ' 1']) {
      expect(parseUnits(bad, 2)).toBeUndefined();
    }
    // 2^53 + 1 cents cannot be a double; it comes back as an exact bigint.
    expect(parseUnits('90071992547409.93', 2)).toBe(9007199254740993n);
    expect(parseUnits('1234567890123456x', 2)).toBeUndefined();
    expect(parseUnits('12345678901234567.001', 2)).toBeUndefined();
    expect(parseUnits('12345678901234567.000', 2)).toBe(1234567890123456700n);
  });

  it('sums exactly past 2^53 by switching to bigint', () => {
    const max = Number.MAX_SAFE_INTEGER;
    expect(addUnits(max, 1)).toBe(BigInt(max) + 1n);
    expect(subUnits(-max, 1)).toBe(-BigInt(max) - 1n);
    expect(formatUnits(addUnits(max, 2), 2)).toBe('90071992547409.93');
    expect(formatUnits(-5, 3)).toBe('-0.005');
  });

  it('reads back what it formats, to the minor unit', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 30n }),
        fc.integer({ min: 0, max: 4 }),
        (n, mu) => {
          const text = formatUnits(n, mu);
          expect(BigInt(parseUnits(text, mu)!)).toBe(n);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('formats a safe-integer number exactly as the same count as a bigint', () => {
    // The number fast path splits by % and /; the bigint path by string slicing.
    expect(formatUnits(0, 2)).toBe('0.00');
    expect(formatUnits(-0, 3)).toBe('0.000');
    expect(formatUnits(5, 2)).toBe('0.05');
    expect(formatUnits(-123456, 0)).toBe('-123456');
    expect(formatUnits(Number.MAX_SAFE_INTEGER, 2)).toBe('90071992547409.91');
    fc.assert(
      fc.property(
        fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
        fc.integer({ min: 0, max: 15 }),
        (n, mu) => {
          expect(formatUnits(n, mu)).toBe(formatUnits(BigInt(n), mu));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('calls an amount string canonical exactly when formatting its units gives it back', () => {
    expect(isCanonicalUnits('1234.50', 2)).toBe(true);
    expect(isCanonicalUnits('0.00', 2)).toBe(true);
    for (const text of ['1234.5', '01234.50', '1234.500', '1234', '00.00']) {
      expect(isCanonicalUnits(text, 2)).toBe(false);
    }
    expect(isCanonicalUnits('7', 0)).toBe(true);
    expect(isCanonicalUnits('7.000', 0)).toBe(false);
    const text = fc
      .tuple(
        fc.stringMatching(/^\d{1,20}$/),
        fc.option(fc.stringMatching(/^\d{1,6}$/)),
        fc.integer({ min: 0, max: 4 }),
      )
      .map(
        ([whole, decimals, mu]) =>
          [decimals === null ? whole : `${whole}.${decimals}`, mu] as const,
      );
    fc.assert(
      fc.property(text, ([t, mu]) => {
        const units = parseUnits(t, mu);
        if (units === undefined) return;
        expect(isCanonicalUnits(t, mu)).toBe(formatUnits(units, mu) === t);
      }),
      { numRuns: 300 },
    );
  });
});
