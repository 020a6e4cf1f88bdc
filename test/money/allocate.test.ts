import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allocate,
  allocateInteger,
  Dec,
  fromMinorUnits,
  money,
  split,
  sum,
  toMinorUnits,
} from '../../src/money/index.js';

const amounts = (r: ReturnType<typeof allocate>) => r._unsafeUnwrap().map((m) => m.amount);

describe('allocate', () => {
  it('splits 5.47 by 33.34/33.33/33.33 % as 1.83, 1.82, 1.82', () => {
    // 547 cents x 0.3334 = 182.3698, x 0.3333 = 182.3151 (twice); floors 546, the
    // one cent left goes to the largest remainder, .3698.
    expect(amounts(allocate(money('5.47', 'EUR'), ['33.34', '33.33', '33.33']))).toEqual([
      '1.83',
      '1.82',
      '1.82',
    ]);
  });

  it('gives a tied remainder to the earlier share', () => {
    // 10000 cents / 3 = 3333 rest 1 each: a three-way tie, won by the first.
    expect(amounts(split(money('100.00', 'EUR'), 3))).toEqual(['33.34', '33.33', '33.33']);
    // 5 cents by 4:1:10 -> exact 4/3, 1/3, 10/3; floors 1, 0, 3; every remainder is 1/3,
    // so the first share wins, even though its exact value is the larger one.
    expect(amounts(allocate(money('0.05', 'EUR'), [4, 1, 10]))).toEqual(['0.02', '0.00', '0.03']);
    expect(
      allocateInteger(
        new Dec(5),
        [4, 1, 10].map((n) => new Dec(n)),
      ).map(String),
    ).toEqual(['2', '0', '3']);
  });

  it('mirrors a negative amount exactly', () => {
    expect(amounts(allocate(money('-5.47', 'EUR'), ['33.34', '33.33', '33.33']))).toEqual([
      '-1.83',
      '-1.82',
      '-1.82',
    ]);
    expect(amounts(split(money('-100.00', 'EUR'), 3))).toEqual(['-33.34', '-33.33', '-33.33']);
    expect(amounts(allocate(money('-0.01', 'EUR'), [0, 1]))).toEqual(['0.00', '-0.01']);
  });

  it('gives nothing to a zero ratio', () => {
    // 1 cent by 0:1:1 -> exact 0, 0.5, 0.5: the tie goes to the earlier non-zero share.
    expect(amounts(allocate(money('0.01', 'EUR'), [0, 1, 1]))).toEqual(['0.00', '0.01', '0.00']);
    expect(amounts(allocate(money('10.00', 'EUR'), [0, 0, 1]))).toEqual(['0.00', '0.00', '10.00']);
  });

  it('uses the minor unit of the currency', () => {
    expect(amounts(split(money('100', 'JPY'), 3))).toEqual(['34', '33', '33']);
    expect(amounts(split(money('1.000', 'KWD'), 3))).toEqual(['0.334', '0.333', '0.333']);
    expect(amounts(split(money('0.02', 'EUR'), 3))).toEqual(['0.01', '0.01', '0.00']);
    expect(amounts(split(money('0.00', 'EUR'), 2))).toEqual(['0.00', '0.00']);
  });

  it('takes ratios as numbers, decimal strings or decimals', () => {
    // 101 cents x 0.5 = 50.5, x 0.25 = 25.25 twice; the spare cent goes to the .5.
    expect(amounts(allocate(money('1.01', 'EUR'), [0.5, '0.25', new Dec('0.25')]))).toEqual([
      '0.51',
      '0.25',
      '0.25',
    ]);
  });

  it('refuses an amount below the minor unit and bad ratios', () => {
    expect(allocate(money('5.475', 'EUR'), [1, 1])._unsafeUnwrapErr().code).toBe('invalid_amount');
    const cases: readonly [readonly (string | number)[], readonly (string | number)[]][] = [
      [[], []],
      [[0, 0], []],
      [[1, -1], [1]],
      [['abc'], [0]],
      [[1, Number.NaN], [1]],
      [[Number.POSITIVE_INFINITY], [0]],
    ];
    for (const [ratios, path] of cases) {
      const error = allocate(money('1.00', 'EUR'), ratios)._unsafeUnwrapErr();
      expect(error.code, String(ratios)).toBe('invalid_number');
      expect(error.path).toEqual(path);
    }
  });

  it('refuses a part count that is not a whole number from 1 to 10,000', () => {
    for (const n of [0, -1, 1.5, Number.NaN, 10_001]) {
      expect(split(money('1.00', 'EUR'), n)._unsafeUnwrapErr().code).toBe('invalid_number');
    }
  });

  it('allocateInteger refuses misuse', () => {
    expect(() => allocateInteger(new Dec('1.5'), [new Dec(1)])).toThrow(/whole/);
    expect(() => allocateInteger(new Dec(1), [new Dec(0)])).toThrow(/ratios/);
  });
});

const CURRENCIES = ['EUR', 'JPY', 'KWD', 'CLF', 'HUF'] as const;
const units = fc.bigInt({ min: -(10n ** 16n), max: 10n ** 16n });
const ratio = fc.oneof(
  fc.integer({ min: 0, max: 1000 }),
  fc
    .tuple(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 4 }))
    .map(([n, p]) => new Dec(n).dividedBy(new Dec(10).pow(p)).toFixed()),
);
const ratios = fc
  .array(ratio, { minLength: 1, maxLength: 12 })
  .filter((rs) => rs.some((r) => !new Dec(r).isZero()));

const minor = (m: { amount: string; currency: string }) => BigInt(toMinorUnits(m)._unsafeUnwrap());

describe('allocation properties', () => {
  it('allocations sum to the total, in any currency, negative too', () => {
    fc.assert(
      fc.property(units, fc.constantFrom(...CURRENCIES), ratios, (u, cur, rs) => {
        const total = fromMinorUnits(u, cur);
        const parts = allocate(total, rs)._unsafeUnwrap();
        expect(parts).toHaveLength(rs.length);
        expect(sum(parts, cur)._unsafeUnwrap()).toEqual(total);
      }),
      { numRuns: 300 },
    );
  });

  it('each part is within one minor unit of its exact share, and zero ratios get zero', () => {
    fc.assert(
      fc.property(units, ratios, (u, rs) => {
        const parts = allocate(fromMinorUnits(u, 'EUR'), rs)._unsafeUnwrap();
        const ratioSum = rs.reduce<Dec>((s, r) => s.plus(r), new Dec(0));
        parts.forEach((p, i) => {
          const exact = new Dec(u.toString()).times(rs[i]!).dividedBy(ratioSum);
          expect(new Dec(minor(p).toString()).minus(exact).abs().lessThan(1)).toBe(true);
          if (new Dec(rs[i]!).isZero()) expect(minor(p)).toBe(0n);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('a larger ratio never gets a smaller share', () => {
    fc.assert(
      fc.property(
        units.map((u) => (u < 0n ? -u : u)),
        ratios,
        (u, rs) => {
          const parts = allocate(fromMinorUnits(u, 'EUR'), rs)._unsafeUnwrap().map(minor);
          rs.forEach((a, i) => {
            rs.forEach((b, j) => {
              if (new Dec(a).greaterThan(b)) expect(parts[i]! >= parts[j]!).toBe(true);
            });
          });
        },
      ),
      { numRuns: 150 },
    );
  });

  it('a negative amount allocates as the exact mirror of its positive', () => {
    fc.assert(
      fc.property(units, ratios, (u, rs) => {
        const pos = allocate(fromMinorUnits(u, 'EUR'), rs)._unsafeUnwrap().map(minor);
        const neg = allocate(fromMinorUnits(-u, 'EUR'), rs)._unsafeUnwrap().map(minor);
        expect(neg).toEqual(pos.map((p) => -p));
      }),
      { numRuns: 150 },
    );
  });

  it('split never differs by more than one minor unit, larger parts first', () => {
    fc.assert(
      fc.property(
        units,
        fc.constantFrom(...CURRENCIES),
        fc.integer({ min: 1, max: 50 }),
        (u, c, n) => {
          const parts = split(fromMinorUnits(u, c), n)._unsafeUnwrap().map(minor);
          const abs = parts.map((p) => (p < 0n ? -p : p));
          const sorted = [...abs].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0));
          expect(sorted).toEqual(abs);
          expect(sorted[0]! - sorted[sorted.length - 1]! <= 1n).toBe(true);
          expect(parts.reduce((s, p) => s + p, 0n)).toBe(u);
        },
      ),
      { numRuns: 300 },
    );
  });
});
