import { describe, expect, it } from 'vitest';
import { ageReceivables, resolveBuckets } from '../../src/aging/index.js';
import { invoice, ledgerOf } from '../ledger/helpers.js';

const ledger = ledgerOf({ invoices: [invoice('INV-1', '100.00')] });
const age = (buckets: unknown) =>
  ageReceivables(ledger, { asOf: '2026-03-31', buckets: buckets as number[] });

describe('bucket bounds that cannot make buckets are refused with their path', () => {
  it('refuses an empty list instead of one bucket labelled "up to null"', () => {
    expect(age([])._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_input', path: ['buckets'] });
    expect(age([])._unsafeUnwrapErr().message).toContain('at least one upper bound');
  });

  it('refuses unsorted and repeated bounds at the first one out of order', () => {
    expect(age([30, 0, -5])._unsafeUnwrapErr()).toMatchObject({
      code: 'invalid_input',
      path: ['buckets', 1],
    });
    // 60 twice: the second 60 would be a bucket from 61 to 60.
    expect(age([30, 60, 60])._unsafeUnwrapErr()).toMatchObject({
      code: 'invalid_input',
      path: ['buckets', 2],
    });
  });

  it('refuses bounds that are not whole days, and things that are not bounds', () => {
    const cases: [unknown[], number][] = [
      [[Number.NaN], 0],
      [[30, 45.5], 1],
      [[30, '60'], 1],
      [[null], 0],
      [[30, Number.POSITIVE_INFINITY, 90], 1],
      [[Number.NEGATIVE_INFINITY], 0],
      [[{ to: 30, label: 7 }], 0],
      [[{ label: 'no bound' }], 0],
    ];
    for (const [buckets, at] of cases) {
      expect(age(buckets)._unsafeUnwrapErr()).toMatchObject({
        code: 'invalid_input',
        path: ['buckets', at],
      });
    }
    expect(age('30,60')._unsafeUnwrapErr()).toMatchObject({ path: ['buckets'] });
  });
});

describe('bucket bounds that do make buckets', () => {
  it('gives one bucket holding everything for [{ to: Infinity, label }]', () => {
    const report = age([{ to: Number.POSITIVE_INFINITY, label: 'all' }])._unsafeUnwrap();
    expect(report.buckets).toEqual([{ label: 'all', from: null, to: null }]);
    // INV-1 is 100.00 open (due 2026-01-31, 59 days past due on 2026-03-31): all of it.
    expect(report.rows[0]!.amounts).toEqual(['100.00']);
  });

  it('allows bounds below zero, splitting what is not yet due', () => {
    // [-30, 0]: due in 30 days or more, due in 1-29 days or today, past due.
    expect(resolveBuckets([-30, 0])._unsafeUnwrap()).toEqual([
      { label: 'up to -30', from: null, to: -30 },
      { label: '-29-0', from: -29, to: 0 },
      { label: 'over 0', from: 1, to: null },
    ]);
  });
});
