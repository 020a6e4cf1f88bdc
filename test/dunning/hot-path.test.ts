import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumberReader } from '../../src/dunning/day-number.js';
import { groupByCustomer } from '../../src/dunning/group-items.js';
import { indexHistory } from '../../src/dunning/history-index.js';
import { listedItems } from '../../src/dunning/plan-items.js';
import { CustomerNumbers } from '../../src/ledger/customer-numbers.js';
import type { OpenItem } from '../../src/ledger/types.js';
import { fromDayNumber, toDayNumber } from '../../src/terms/date.js';

describe('planner hot-path helpers', () => {
  it('day numbers read from the digits are those of toDayNumber', () => {
    const read = dayNumberReader();
    // Days 0000-01-01 to 9999-12-31 around the epoch (1970-01-01 = 0).
    const day = fc.integer({ min: -719_528, max: 2_932_896 });
    fc.assert(
      fc.property(day, (n) => {
        const date = fromDayNumber(n);
        expect(read(date)).toBe(toDayNumber(date));
        expect(read(date)).toBe(n);
      }),
      { numRuns: 300 },
    );
    // 2024-01-01 is day 19,723 (54 years of 365 days + 13 leap days); + 31 + 28 days.
    // 2023-02-29 does not exist: it goes to toDayNumber, which refuses it.
    expect(read('2024-02-29')).toBe(19_782);
    for (const bad of ['2023-02-29', '2024-13-01', '2024-1-01', '2024-01-0x', '']) {
      expect(() => read(bad)).toThrow(RangeError);
    }
  });

  it('customer numbers are those of a Map numbering ids as first seen', () => {
    // Few distinct characters, so that hashes collide and probes run on; enough ids
    // to make the table grow several times.
    const ids = fc.array(fc.stringMatching(/^[ab\u00e9]{0,7}$/), { maxLength: 3000 });
    fc.assert(
      fc.property(ids, (list) => {
        const numbers = new CustomerNumbers();
        const map = new Map<string, number>();
        for (const id of list) {
          if (!map.has(id)) map.set(id, map.size);
          expect(numbers.add(id)).toBe(map.get(id));
        }
        expect(numbers.ids).toEqual([...map.keys()]);
        for (const id of [...list, 'zz', '']) expect(numbers.find(id)).toBe(map.get(id) ?? -1);
      }),
      { numRuns: 60 },
    );
  });

  it('grouping by customer keeps every item once, in ledger order per customer', () => {
    const ids = fc.array(fc.constantFrom('C1', 'C2', 'C3', 'C4'), { maxLength: 40 });
    fc.assert(
      fc.property(ids, (list) => {
        const items = list.map((customerId, i) => ({
          customerId,
          currency: customerId === 'C4' && i % 2 === 1 ? 'USD' : 'EUR',
        }));
        const { customerIds, start, order, mixed } = groupByCustomer(
          listedItems(items as unknown as OpenItem[]),
        );
        // The straightforward rule: customers by first appearance, items in order.
        const expected = [...new Set(list)].map((c) =>
          list.flatMap((x, i) => (x === c ? [i] : [])),
        );
        const got = customerIds.map((_, k) => [...order.subarray(start[k]!, start[k + 1]!)]);
        expect(customerIds).toEqual([...new Set(list)]);
        expect(got).toEqual(expected);
        const several = customerIds.map(
          (c) => new Set(items.filter((x) => x.customerId === c).map((x) => x.currency)).size > 1,
        );
        expect([...mixed.subarray(0, customerIds.length)].map((m) => m === 1)).toEqual(several);
      }),
      { numRuns: 200 },
    );
  });

  it('history chains give the levels of a scan over all entries, in any entry order', () => {
    const entry = fc.record({
      customer: fc.constantFrom('C1', 'C2', 'C3'),
      day: fc.integer({ min: 1, max: 9 }),
      items: fc.array(
        fc.record({
          itemId: fc.constantFrom('A', 'B', 'C', 'D'),
          level: fc.integer({ min: 1, max: 4 }),
        }),
        { maxLength: 40 },
      ),
    });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 12 }), (list) => {
        const actions = list.map((e, i) => ({
          key: `k${i}`,
          kind: 'remind' as const,
          customerId: e.customer,
          currency: 'EUR',
          date: `2024-03-0${e.day}`,
          level: 1,
          channel: 'email',
          items: e.items,
          charges: [],
        }));
        const index = indexHistory({ actions }, () => '2024-03-05');
        // Customers asked in turn, item by item: views of one index share their
        // room, so each must still answer for its own customer.
        const customers = ['C1', 'C2', 'C3', 'C9'];
        const views = customers.map((c) => index.customer(c));
        for (const id of ['A', 'B', 'C', 'D', 'E']) {
          customers.forEach((c, n) => {
            const counted = actions.filter((a) => a.customerId === c && a.date <= '2024-03-05');
            const levels = counted.flatMap((a) => a.items.filter((i) => i.itemId === id));
            expect(views[n]!.levelOf(id)).toBe(Math.max(0, ...levels.map((i) => i.level)));
          });
        }
        customers.forEach((c, n) => {
          const own = actions.filter((a) => a.customerId === c);
          const counted = own.filter((a) => a.date <= '2024-03-05');
          expect(views[n]!.contactDays).toEqual(counted.map((a) => a.date));
          for (const a of own) expect(views[n]!.hasKey(a.key)).toBe(true);
          expect(views[n]!.hasKey('none')).toBe(false);
        });
      }),
      { numRuns: 200 },
    );
  });
});
