import { describe, expect, it } from 'vitest';
import type { Period } from '../../src/metrics/index.js';
import {
  collectionMetrics,
  dso,
  expectedCash,
  latestPayers,
  paymentBehaviour,
} from '../../src/metrics/index.js';
import { ledger } from './fixture.js';

const jan = { from: '2026-01-01', to: '2026-01-31' };
const metrics = (options: unknown, periods: unknown = [jan]) =>
  collectionMetrics(ledger, periods as Period[], options as object);

describe('metrics options of the wrong kind are errors with their path', () => {
  it('refuses an unknown groupBy instead of ignoring it', () => {
    expect(metrics({ currency: 'EUR', groupBy: 'planet' })._unsafeUnwrapErr()).toMatchObject({
      code: 'invalid_input',
      path: ['groupBy'],
    });
    // The three real groupings still work: the fixture has customers A, B, C, D.
    expect(
      metrics({ groupBy: 'customer' })
        ._unsafeUnwrap()
        .map((r) => r.group),
    ).toEqual(['A', 'B', 'C', 'D']);
  });

  it('refuses a currency that is not a code, or not a known one', () => {
    expect(metrics({ currency: 978 })._unsafeUnwrapErr()).toMatchObject({
      code: 'invalid_input',
      path: ['currency'],
    });
    expect(metrics({ currency: 'eur' })._unsafeUnwrapErr()).toMatchObject({
      code: 'unknown_currency',
      path: ['currency'],
    });
  });

  it('refuses a look-back that is not a whole number of months from 1 to 1200', () => {
    for (const countBackMonths of [0, -1, 1.5, 1201, '24', Number.NaN]) {
      expect(metrics({ countBackMonths })._unsafeUnwrapErr()).toMatchObject({
        code: 'invalid_input',
        path: ['countBackMonths'],
      });
    }
  });

  it('refuses customer ids and segments of the wrong kind', () => {
    expect(metrics({ customerIds: 'A' })._unsafeUnwrapErr().path).toEqual(['customerIds']);
    expect(metrics({ segment: 3 })._unsafeUnwrapErr().path).toEqual(['segment']);
    expect(dso(ledger, jan, { segment: 3 } as never)._unsafeUnwrapErr().path).toEqual(['segment']);
    const behaviour = paymentBehaviour(ledger, jan, { customerIds: [1] } as never);
    expect(behaviour._unsafeUnwrapErr().path).toEqual(['customerIds', 0]);
    const cash = expectedCash(ledger, '2026-05-01', { currency: ['EUR'] } as never);
    expect(cash._unsafeUnwrapErr().path).toEqual(['currency']);
    const payers = latestPayers(ledger, jan, { limit: -1 });
    expect(payers._unsafeUnwrapErr().path).toEqual(['limit']);
  });

  it('refuses periods that are not a list of periods, without throwing', () => {
    expect(metrics({}, 'january')._unsafeUnwrapErr().path).toEqual(['periods']);
    expect(metrics({}, [jan, null])._unsafeUnwrapErr().path).toEqual(['periods', 1]);
    expect(dso(ledger, undefined as never)._unsafeUnwrapErr().code).toBe('invalid_input');
  });

  it('treats absent options as none', () => {
    expect(metrics(undefined)._unsafeUnwrap()).toEqual(metrics({})._unsafeUnwrap());
    expect(metrics(null)._unsafeUnwrap()).toEqual(metrics({})._unsafeUnwrap());
  });
});
