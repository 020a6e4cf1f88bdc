import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Dec,
  money,
  ROUNDING_MODES,
  type RoundingMode,
  round,
  roundDecimal,
} from '../../src/money/index.js';

// Expected results per mode, in the order of the columns:
//   half-up, half-even, half-down, up, down, ceiling, floor
// Worked by hand: "up"/"down" are away from / toward zero, "ceiling"/"floor" toward
// +infinity / -infinity, "half-*" only differ on an exact half.
const COLUMNS: readonly RoundingMode[] = [
  'half-up',
  'half-even',
  'half-down',
  'up',
  'down',
  'ceiling',
  'floor',
];
type Row = readonly [string, readonly string[]];

const TO_CENTS: readonly Row[] = [
  // 2.345 is an exact half between 2.34 (even) and 2.35.
  ['2.345', ['2.35', '2.34', '2.34', '2.35', '2.34', '2.35', '2.34']],
  ['-2.345', ['-2.35', '-2.34', '-2.34', '-2.35', '-2.34', '-2.34', '-2.35']],
  // 2.355 is a half between 2.35 and 2.36 (even).
  ['2.355', ['2.36', '2.36', '2.35', '2.36', '2.35', '2.36', '2.35']],
  ['-2.355', ['-2.36', '-2.36', '-2.35', '-2.36', '-2.35', '-2.35', '-2.36']],
  // Below and above the half.
  ['2.341', ['2.34', '2.34', '2.34', '2.35', '2.34', '2.35', '2.34']],
  ['-2.341', ['-2.34', '-2.34', '-2.34', '-2.35', '-2.34', '-2.34', '-2.35']],
  ['2.349', ['2.35', '2.35', '2.35', '2.35', '2.34', '2.35', '2.34']],
  ['-2.349', ['-2.35', '-2.35', '-2.35', '-2.35', '-2.34', '-2.34', '-2.35']],
  // Already on a cent: every mode leaves it alone.
  ['2.34', ['2.34', '2.34', '2.34', '2.34', '2.34', '2.34', '2.34']],
  ['-2.34', ['-2.34', '-2.34', '-2.34', '-2.34', '-2.34', '-2.34', '-2.34']],
];

// Swiss cash: multiples of 0.05. 1.025 / 0.05 = 20.5 (half, 20 even); 1.075 -> 21.5
// (22 even); 1.03 -> 20.6; 1.02 -> 20.4.
const CHF_005: readonly Row[] = [
  ['1.025', ['1.05', '1.00', '1.00', '1.05', '1.00', '1.05', '1.00']],
  ['-1.025', ['-1.05', '-1.00', '-1.00', '-1.05', '-1.00', '-1.00', '-1.05']],
  ['1.075', ['1.10', '1.10', '1.05', '1.10', '1.05', '1.10', '1.05']],
  ['-1.075', ['-1.10', '-1.10', '-1.05', '-1.10', '-1.05', '-1.05', '-1.10']],
  ['1.03', ['1.05', '1.05', '1.05', '1.05', '1.00', '1.05', '1.00']],
  ['-1.03', ['-1.05', '-1.05', '-1.05', '-1.05', '-1.00', '-1.00', '-1.05']],
  ['1.02', ['1.00', '1.00', '1.00', '1.05', '1.00', '1.05', '1.00']],
  ['-1.02', ['-1.00', '-1.00', '-1.00', '-1.05', '-1.00', '-1.00', '-1.05']],
  ['1.10', ['1.10', '1.10', '1.10', '1.10', '1.10', '1.10', '1.10']],
];

// Whole Swedish kronor: 12.50 is a half between 12 (even) and 13; 13.50 between 13 and
// 14 (even).
const SEK_1: readonly Row[] = [
  ['12.50', ['13.00', '12.00', '12.00', '13.00', '12.00', '13.00', '12.00']],
  ['-12.50', ['-13.00', '-12.00', '-12.00', '-13.00', '-12.00', '-12.00', '-13.00']],
  ['13.50', ['14.00', '14.00', '13.00', '14.00', '13.00', '14.00', '13.00']],
  ['-13.50', ['-14.00', '-14.00', '-13.00', '-14.00', '-13.00', '-13.00', '-14.00']],
  ['12.49', ['12.00', '12.00', '12.00', '13.00', '12.00', '13.00', '12.00']],
  ['-12.49', ['-12.00', '-12.00', '-12.00', '-13.00', '-12.00', '-12.00', '-13.00']],
  ['12.51', ['13.00', '13.00', '13.00', '13.00', '12.00', '13.00', '12.00']],
  ['-12.51', ['-13.00', '-13.00', '-13.00', '-13.00', '-12.00', '-12.00', '-13.00']],
];

function check(rows: readonly Row[], currency: string, increment?: string) {
  for (const [input, expected] of rows) {
    COLUMNS.forEach((mode, i) => {
      const got = round(money(input, currency), { mode, ...(increment ? { increment } : {}) });
      expect(got.amount, `${input} ${mode}`).toBe(expected[i]);
      expect(got.currency).toBe(currency);
    });
  }
}

describe('round', () => {
  it('rounds to the cent in all seven modes, positive and negative', () => {
    check(TO_CENTS, 'EUR');
  });

  it('rounds Swiss francs to 0.05 in all seven modes', () => {
    check(CHF_005, 'CHF', '0.05');
  });

  it('rounds Swedish kronor to whole kronor in all seven modes', () => {
    check(SEK_1, 'SEK', '1');
  });

  it('defaults to half-up, away from zero', () => {
    expect(round(money('0.125', 'EUR')).amount).toBe('0.13');
    expect(round(money('-0.125', 'EUR')).amount).toBe('-0.13');
  });

  it('rounds to 0 decimals for JPY and 3 for KWD', () => {
    expect(round(money('2.5', 'JPY'), { mode: 'half-even' }).amount).toBe('2');
    expect(round(money('-0.5', 'JPY')).amount).toBe('-1');
    expect(round(money('1.0005', 'KWD')).amount).toBe('1.001');
    expect(round(money('1.0005', 'KWD'), { mode: 'half-even' }).amount).toBe('1.000');
  });

  it('never writes negative zero', () => {
    expect(round(money('-0.004', 'EUR')).amount).toBe('0.00');
    expect(round(money('-0.02', 'CHF'), { increment: '0.05' }).amount).toBe('0.00');
  });

  it('refuses a non-positive increment as misuse', () => {
    expect(() => round(money('1', 'CHF'), { increment: '0' })).toThrow(/increment/);
    expect(() => round(money('1', 'CHF'), { increment: '-0.05' })).toThrow(/increment/);
  });

  it('roundDecimal rounds a bare decimal the same way', () => {
    expect(roundDecimal(new Dec('-2.345'), 2, 'half-even').toFixed(2)).toBe('-2.34');
    expect(roundDecimal(new Dec('7.5'), 0, 'floor', '5').toString()).toBe('5');
  });
});

const amount = fc
  .tuple(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.integer({ min: 0, max: 6 }))
  .map(([units, places]) => new Dec(units.toString()).dividedBy(new Dec(10).pow(places)));

describe('rounding properties', () => {
  it('rounding is idempotent', () => {
    fc.assert(
      fc.property(
        amount,
        fc.constantFrom('EUR', 'JPY', 'KWD', 'CLF'),
        fc.constantFrom(...ROUNDING_MODES),
        fc.constantFrom(undefined, '0.05', '1', '0.10'),
        (value, currency, mode, step) => {
          // An increment must be a whole number of minor units: no 0.05 yen.
          const increment = currency === 'JPY' && step !== undefined ? '1' : step;
          const options = { mode, ...(increment ? { increment } : {}) };
          const once = round(money(value, currency), options);
          expect(round(once, options)).toEqual(once);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the rounded amount is within one step of the amount, on the right side', () => {
    fc.assert(
      fc.property(amount, fc.constantFrom(...ROUNDING_MODES), (value, mode) => {
        const rounded = new Dec(round(money(value, 'EUR'), { mode }).amount);
        expect(rounded.minus(value).abs().lessThan('0.01')).toBe(true);
        if (mode === 'ceiling') expect(rounded.greaterThanOrEqualTo(value)).toBe(true);
        if (mode === 'floor') expect(rounded.lessThanOrEqualTo(value)).toBe(true);
        if (mode === 'down') expect(rounded.abs().lessThanOrEqualTo(value.abs())).toBe(true);
        if (mode === 'up') expect(rounded.abs().greaterThanOrEqualTo(value.abs())).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('symmetric modes round a negative amount as the mirror of its absolute value', () => {
    const symmetric = ['half-up', 'half-even', 'half-down', 'up', 'down'] as const;
    fc.assert(
      fc.property(amount, fc.constantFrom(...symmetric), (value, mode) => {
        const pos = round(money(value.abs(), 'EUR'), { mode });
        const neg = round(money(value.abs().negated(), 'EUR'), { mode });
        expect(new Dec(neg.amount).negated().equals(pos.amount)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
