import { describe, expect, it } from 'vitest';
import { indexHistory } from '../../src/dunning/history-index.js';
import {
  type DunningHistory,
  EMPTY_DUNNING_HISTORY,
  parseDunningHistory,
} from '../../src/dunning/index.js';

const entry = (key: string, date: string, items: [string, number][]) => ({
  key,
  kind: 'remind' as const,
  customerId: 'C1',
  currency: 'EUR',
  date,
  level: Math.max(...items.map((i) => i[1])),
  channel: 'email',
  items: items.map(([itemId, level]) => ({ itemId, level })),
  charges: [],
});

describe('dunning history', () => {
  it('keeps the highest level per item, for few and for many items', () => {
    const many = Array.from({ length: 40 }, (_, i) => [`INV-${i}`, 1] as [string, number]);
    const history: DunningHistory = {
      actions: [
        entry('k1', '2024-03-01', many),
        entry('k2', '2024-03-08', [
          ['INV-3', 2],
          ['INV-39', 3],
        ]),
        entry('k3', '2024-04-01', [['INV-3', 3]]),
      ],
    };
    const c = indexHistory(history, () => '2024-03-31').customer('C1');
    expect([c.levelOf('INV-0'), c.levelOf('INV-3'), c.levelOf('INV-39'), c.levelOf('X')]).toEqual([
      1, 2, 3, 0,
    ]);
    // The entry of 2024-04-01 is after the run date: its level does not count, its key does.
    expect(c.contactDays).toEqual(['2024-03-01', '2024-03-08']);
    expect(c.hasKey('k3')).toBe(true);
    const few = indexHistory(
      { actions: [entry('k', '2024-03-01', [['A', 2]])] },
      () => '2024-03-31',
    );
    expect(few.customer('C1').levelOf('A')).toBe(2);
    expect(few.customer('C2').levelOf('A')).toBe(0);
  });

  it('reads a history from JSON and refuses a bad date', () => {
    expect(parseDunningHistory({})._unsafeUnwrap()).toEqual(EMPTY_DUNNING_HISTORY);
    const bad = parseDunningHistory({ actions: [entry('k', '2024-02-30', [['A', 1]])] });
    expect(bad._unsafeUnwrapErr().path).toEqual(['actions', 0, 'date']);
  });
});
