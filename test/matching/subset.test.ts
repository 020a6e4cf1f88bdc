import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prepareSearch, type SearchValue, searchCombinations } from '../../src/matching/subset.js';

/** Every combination of 2..maxItems items (each at one of its amounts) in [lo, hi], by brute force. */
function bruteForce(values: readonly SearchValue[], lo: bigint, hi: bigint, maxItems: number) {
  const found: string[] = [];
  const walk = (from: number, picked: string[], sum: bigint) => {
    if (picked.length >= 2 && sum >= lo && sum <= hi) found.push(picked.join(' '));
    if (picked.length === maxItems) return;
    for (let i = from; i < values.length; i += 1) {
      const v = values[i]!;
      walk(i + 1, [...picked, `${i}`], sum + v.full);
      if (v.discounted !== undefined) walk(i + 1, [...picked, `${i}d`], sum + v.discounted);
    }
  };
  walk(0, [], 0n);
  return found.sort();
}

const valuesArb = fc.array(
  fc.record({
    full: fc.integer({ min: 1, max: 60 }),
    discount: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
  }),
  { minLength: 0, maxLength: 9 },
);
const toValues = (specs: { full: number; discount?: number | undefined }[]): SearchValue[] =>
  specs.map((s) => ({
    full: BigInt(s.full),
    ...(s.discount !== undefined &&
      s.discount < s.full && { discounted: BigInt(s.full - s.discount) }),
  }));
const key = (picks: readonly { position: number; discounted: boolean }[]) =>
  picks.map((p) => `${p.position}${p.discounted ? 'd' : ''}`).join(' ');

describe('combination search', () => {
  it('finds every combination a brute force finds, when nothing stops it early', () => {
    fc.assert(
      fc.property(
        valuesArb,
        fc.integer({ min: 2, max: 200 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 2, max: 6 }),
        (specs, target, slack, maxItems) => {
          const values = toValues(specs);
          const lo = BigInt(target);
          const hi = lo + BigInt(slack);
          const outcome = searchCombinations(prepareSearch(values, 1e6), lo, BigInt(slack), {
            minItems: 2,
            maxItems,
            budget: 1e6,
            maxSolutions: 1e6,
            prefer: 'fewest',
          });
          const expected = bruteForce(values, lo, hi, maxItems);
          const found = outcome.solutions.map((s) => key(s.picks));
          expect(outcome.exhausted).toBe(false);
          // The search stops after the first level that shows two solutions: everything it
          // reports is right, and the levels it searched are complete.
          for (const f of found) expect(expected).toContain(f);
          const levels = new Set(outcome.solutions.map((s) => s.picks.length));
          const deepest = Math.max(1, ...levels);
          const stoppedEarly = found.length >= 2;
          const within = expected.filter(
            (e) => e.split(' ').length <= (stoppedEarly ? deepest : maxItems),
          );
          expect([...found].sort()).toEqual(within);
          for (const s of outcome.solutions) {
            const sum = s.picks.reduce(
              (t, p) =>
                t + (p.discounted ? values[p.position]!.discounted! : values[p.position]!.full),
              0n,
            );
            expect(s.sum).toBe(sum);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('lists fewer items first, and within a level the oldest items first', () => {
    // Positions are oldest first. 10 + 20 = 30, 5 + 25 = 30, 5 + 10 + 15 = 30.
    const values = [5n, 10n, 15n, 20n, 25n].map((full) => ({ full }));
    const outcome = searchCombinations(prepareSearch(values, 1000), 30n, 0n, {
      minItems: 2,
      maxItems: 3,
      budget: 1000,
      maxSolutions: 10,
      prefer: 'fewest',
    });
    expect(outcome.solutions.map((s) => key(s.picks))).toEqual(['0 4', '1 3']);
  });

  it('with prefer most, stops at the largest level that has a solution', () => {
    const values = [5n, 10n, 15n, 20n, 25n].map((full) => ({ full }));
    const outcome = searchCombinations(prepareSearch(values, 1000), 30n, 0n, {
      minItems: 2,
      maxItems: 5,
      budget: 1000,
      maxSolutions: 10,
      prefer: 'most',
    });
    expect(outcome.solutions.map((s) => key(s.picks))).toEqual(['0 1 2']);
  });

  it('searches a level only when all of it fits in the step budget', () => {
    // 10 items: the pair table costs C(10,2) = 45 steps, level 3 costs 10 more, level 4
    // costs C(10,2) = 45 more: a budget of 60 covers levels 2 and 3 only.
    const values = Array.from({ length: 10 }, (_, i) => ({ full: BigInt(100 + i) }));
    const outcome = searchCombinations(prepareSearch(values, 60), 1000n, 0n, {
      minItems: 2,
      maxItems: 4,
      budget: 60,
      maxSolutions: 10,
    });
    expect(outcome.exhausted).toBe(true);
    expect(outcome.solutions).toEqual([]);
  });

  it('refuses amounts too large to add up exactly as safe integers, and says so', () => {
    const huge = [{ full: 2n ** 52n }, { full: 2n ** 52n }];
    const outcome = searchCombinations(prepareSearch(huge, 1000), 2n ** 53n, 0n, {
      minItems: 2,
      maxItems: 2,
      budget: 1000,
      maxSolutions: 10,
    });
    expect(outcome).toEqual({ solutions: [], exhausted: true });
  });
});
