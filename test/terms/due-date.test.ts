import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  dueDate,
  endOfMonth,
  isBusinessDay,
  type PaymentTerms,
} from '../../src/terms/index.js';
import { END_OF_MONTH_CASES, OTHER_CASES } from './cases.js';

describe('dueDate', () => {
  it.each(END_OF_MONTH_CASES)('%s with %j is due %s (%s)', (issue, terms, due) => {
    expect(dueDate(issue, terms)._unsafeUnwrap()).toBe(due);
  });

  it.each(OTHER_CASES)('%s with %j is due %s (%s)', (issue, terms, due) => {
    expect(dueDate(issue, terms)._unsafeUnwrap()).toBe(due);
  });

  it('gives the last instalment date for instalment terms', () => {
    const terms: PaymentTerms = {
      kind: 'instalments',
      instalments: [
        { percent: '50', terms: { kind: 'end-of-month', months: 2 } },
        { percent: '50', terms: { kind: 'net', days: 30 } },
      ],
    };
    // 2024-01-15: net 30 -> 2024-02-14; end of month + 2 -> 2024-03-31.
    expect(dueDate('2024-01-15', terms)._unsafeUnwrap()).toBe('2024-03-31');
  });

  it('refuses a fixed day that falls before the issue date', () => {
    const error = dueDate('2024-03-10', { kind: 'day-of-month', day: 5, months: 0 });
    expect(error._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_terms', path: ['terms'] });
  });

  it('refuses a bad issue date and bad terms with their paths', () => {
    expect(dueDate('2024-02-30', { kind: 'net', days: 1 })._unsafeUnwrapErr()).toMatchObject({
      code: 'invalid_date',
      path: ['issueDate'],
    });
    const bad = [
      { kind: 'net', days: -1 },
      { kind: 'net', days: 1.5 },
      { kind: 'net' },
      { kind: 'net', days: 30, dayz: 1 },
      { kind: 'fortnightly' },
      { kind: 'day-of-month', day: 32 },
      { kind: 'end-of-month', months: -1 },
    ];
    for (const terms of bad) {
      const error = dueDate('2024-01-01', terms as never)._unsafeUnwrapErr();
      expect(error.code, JSON.stringify(terms)).toBe('invalid_input');
      expect(error.path[0]).toBe('terms');
    }
  });
});

describe('business-day adjustment', () => {
  // 2024-08-01 is a Thursday; net 30 lands on Saturday 2024-08-31.
  const net30: PaymentTerms = { kind: 'net', days: 30 };

  it('moves a weekend due date by the convention', () => {
    expect(dueDate('2024-08-01', net30)._unsafeUnwrap()).toBe('2024-08-31');
    const on = (convention: 'following' | 'preceding' | 'modified-following') =>
      dueDate('2024-08-01', net30, { calendar: {}, convention })._unsafeUnwrap();
    expect(on('following')).toBe('2024-09-02');
    expect(on('preceding')).toBe('2024-08-30');
    // Following would leave August, so modified following goes back to Friday.
    expect(on('modified-following')).toBe('2024-08-30');
    expect(dueDate('2024-08-01', net30, { calendar: {} })._unsafeUnwrap()).toBe('2024-09-02');
  });

  it('skips the host holidays and uses its weekend', () => {
    // 2024-12-01 + 24 = Wednesday 2024-12-25; 25th and 26th are holidays.
    const calendar = { holidays: ['2024-12-25', '2024-12-26'] };
    expect(dueDate('2024-12-01', { kind: 'net', days: 24 }, { calendar })._unsafeUnwrap()).toBe(
      '2024-12-27',
    );
    // A Friday-Saturday weekend: Friday 2024-08-30 moves to Sunday 2024-09-01.
    const gulf = { weekend: [5, 6] };
    expect(
      dueDate('2024-08-01', { kind: 'net', days: 29 }, { calendar: gulf })._unsafeUnwrap(),
    ).toBe('2024-09-01');
  });

  it('refuses a calendar without business days or with bad dates, and a bad convention', () => {
    const closed = { calendar: { weekend: [1, 2, 3, 4, 5, 6, 7] } };
    expect(dueDate('2024-08-01', net30, closed)._unsafeUnwrapErr()).toMatchObject({
      code: 'invalid_input',
      path: ['calendar', 'weekend'],
    });
    const badDay = { calendar: { holidays: ['2024-13-01'] } };
    expect(dueDate('2024-08-01', net30, badDay)._unsafeUnwrapErr().code).toBe('invalid_input');
    const badConvention = { calendar: {}, convention: 'nearest' as never };
    expect(dueDate('2024-08-01', net30, badConvention)._unsafeUnwrapErr().path).toEqual([
      'convention',
    ]);
  });
});

const isoDay = fc.integer({ min: -25_000, max: 50_000 }).map((n) => addDays('1970-01-01', n));
const simpleTerms: fc.Arbitrary<PaymentTerms> = fc.oneof(
  fc.constant({ kind: 'due-on-receipt' } as const),
  fc.nat({ max: 400 }).map((days) => ({ kind: 'net', days }) as const),
  fc.nat({ max: 400 }).map((days) => ({ kind: 'days-end-of-month', days }) as const),
  fc
    .tuple(fc.nat({ max: 24 }), fc.nat({ max: 90 }))
    .map(([months, days]) => ({ kind: 'end-of-month', months, days }) as const),
  fc
    .tuple(fc.nat({ max: 400 }), fc.integer({ min: 1, max: 31 }))
    .map(([days, day]) => ({ kind: 'days-end-of-month-day', days, day }) as const),
  fc.integer({ min: 1, max: 31 }).map((day) => ({ kind: 'day-of-month', day }) as const),
);

describe('due-date properties', () => {
  it('a due date is never before the issue date', () => {
    fc.assert(
      fc.property(isoDay, simpleTerms, (issue, terms) => {
        expect(dueDate(issue, terms)._unsafeUnwrap() >= issue).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('net N is N calendar days later; end-of-month rules land on a month end', () => {
    fc.assert(
      fc.property(isoDay, fc.nat({ max: 1000 }), fc.nat({ max: 36 }), (issue, days, months) => {
        expect(daysBetween(issue, dueDate(issue, { kind: 'net', days })._unsafeUnwrap())).toBe(
          days,
        );
        const eom = dueDate(issue, { kind: 'end-of-month', months })._unsafeUnwrap();
        expect(eom).toBe(endOfMonth(eom));
        expect(addDays(eom, 1).slice(8)).toBe('01');
      }),
      { numRuns: 200 },
    );
  });

  it('an adjusted due date is a business day', () => {
    fc.assert(
      fc.property(
        isoDay,
        simpleTerms,
        fc.constantFrom('following', 'preceding', 'modified-following') as fc.Arbitrary<
          'following' | 'preceding' | 'modified-following'
        >,
        (issue, terms, convention) => {
          const calendar = { holidays: ['2024-12-25', '2025-01-01'] };
          const due = dueDate(issue, terms, { calendar, convention })._unsafeUnwrap();
          expect(isBusinessDay(due, calendar)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});
