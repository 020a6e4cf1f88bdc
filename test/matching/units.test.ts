import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toUnits } from '../../src/matching/units.js';

/** The definition: a plain decimal on the currency's minor unit, read as an integer string. */
function byDefinition(amount: string, minorUnits: number): bigint | undefined {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(amount);
  if (!m) return undefined;
  const fraction = (m[2] ?? '').replace(/0+$/, '');
  if (fraction.length > minorUnits) return undefined;
  return BigInt(`${m[1]}${fraction.padEnd(minorUnits, '0')}`);
}

describe('toUnits', () => {
  it('reads amounts in minor units, exactly', () => {
    // 12.5 EUR = 1250 cents; 12.500 is the same amount; 0.005 is not on a cent.
    expect(toUnits('12.5', 2)).toBe(1250n);
    expect(toUnits('12.500', 2)).toBe(1250n);
    expect(toUnits('0.005', 2)).toBeUndefined();
    expect(toUnits('1000', 0)).toBe(1000n);
    expect(toUnits('999999999999999', 6)).toBe(999999999999999000000n);
    for (const bad of ['', '.5', '5.', '-1', '1e3', '1.2.3', ' 1']) {
      expect(toUnits(bad, 2)).toBeUndefined();
    }
  });

  it('agrees with its definition on any text, short or long', () => {
    const digits = fc.constantFrom(...'0123456789'.split(''));
    const amount = fc.oneof(
      fc.string({ unit: fc.constantFrom(...'0123456789.-e '.split('')), maxLength: 18 }),
      fc
        .tuple(
          fc.string({ unit: digits, minLength: 1, maxLength: 20 }),
          fc.string({ unit: digits }),
        )
        .map(([a, b]) => (b === '' ? a : `${a}.${b}`)),
    );
    fc.assert(
      fc.property(amount, fc.integer({ min: 0, max: 8 }), (s, minor) => {
        expect(toUnits(s, minor)).toBe(byDefinition(s, minor));
      }),
      { numRuns: 300 },
    );
  });
});
