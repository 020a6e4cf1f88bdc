import { describe, expect, it } from 'vitest';
import { money } from '../../src/money/index.js';
import {
  discountOffers,
  dueDate,
  instalmentSchedule,
  LAST_ISO_DATE,
  type PaymentTerms,
  toDayNumber,
  tryAddDays,
  tryFromDayNumber,
  tryMakeDate,
  tryUnadjustedDueDate,
} from '../../src/terms/index.js';

// Days from 1970-01-01 to 10000-01-01: 8030 years of 365 days plus 1947 leap days
// (2007 multiples of 4 in 1970-9999, minus 80 centuries, plus 20 multiples of 400).
const DAY_AFTER_LAST = 8030 * 365 + 1947;

describe('dates near the ends of the years 0000-9999', () => {
  it('the try forms return undefined outside the range instead of throwing', () => {
    expect(toDayNumber(LAST_ISO_DATE)).toBe(DAY_AFTER_LAST - 1);
    expect(tryFromDayNumber(DAY_AFTER_LAST - 1)).toBe('9999-12-31');
    expect(tryFromDayNumber(DAY_AFTER_LAST)).toBeUndefined();
    expect(tryFromDayNumber(1.5)).toBeUndefined();
    // 9999-12-15 + 16 days is the last day; one more leaves the range.
    expect(tryAddDays('9999-12-15', 16)).toBe('9999-12-31');
    expect(tryAddDays('9999-12-15', 17)).toBeUndefined();
    expect(tryAddDays('0000-01-01', -1)).toBeUndefined();
    expect(tryMakeDate(9999, 13, 1)).toBeUndefined();
    expect(tryMakeDate(0, 0, 1)).toBeUndefined();
    expect(tryMakeDate(2024, 2, 31)).toBe('2024-02-29');
    expect(tryUnadjustedDueDate('9999-12-15', { kind: 'net', days: 30 })).toBeUndefined();
  });

  it.each<[string, PaymentTerms]>([
    ['9999-12-15', { kind: 'net', days: 30 }],
    ['9999-12-15', { kind: 'end-of-month', months: 1 }],
    ['9999-12-15', { kind: 'end-of-month', months: 0, days: 1 }],
    ['9999-12-31', { kind: 'day-of-month', day: 1 }],
    ['9999-12-15', { kind: 'days-end-of-month-day', days: 0, day: 1 }],
    ['9999-12-15', { kind: 'days-end-of-month', days: 30 }],
  ])('dueDate(%s, %j) is an invalid_terms error, not an exception', (issue, terms) => {
    const e = dueDate(issue, terms)._unsafeUnwrapErr();
    expect(e).toMatchObject({ code: 'invalid_terms', path: ['terms'] });
    expect(e.message).toContain('after 9999-12-31');
  });

  it('still gives due dates that land on the last day', () => {
    expect(dueDate('9999-12-15', { kind: 'net', days: 16 })._unsafeUnwrap()).toBe('9999-12-31');
    expect(dueDate('9999-12-15', { kind: 'end-of-month', months: 0 })._unsafeUnwrap()).toBe(
      '9999-12-31',
    );
  });

  it('names the instalment whose due date leaves the range', () => {
    const terms: PaymentTerms = {
      kind: 'instalments',
      instalments: [
        { percent: '50', terms: { kind: 'net', days: 10 } },
        { percent: '50', terms: { kind: 'net', days: 30 } },
      ],
    };
    expect(dueDate('9999-12-15', terms)._unsafeUnwrapErr()).toMatchObject({
      code: 'invalid_terms',
      path: ['terms', 'instalments', 1, 'terms'],
    });
    const schedule = instalmentSchedule(money('1.00', 'EUR'), terms, { issueDate: '9999-12-15' });
    expect(schedule._unsafeUnwrapErr()).toMatchObject({
      code: 'invalid_terms',
      path: ['terms', 'instalments', 1, 'terms'],
    });
  });

  it('instalmentSchedule and discountOffers return errors for a late issue date', () => {
    const net30 = { kind: 'net', days: 30 } as const;
    const schedule = instalmentSchedule(money('1.00', 'EUR'), net30, { issueDate: '9999-12-15' });
    expect(schedule._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_terms', path: ['terms'] });
    const terms: PaymentTerms = {
      kind: 'net',
      days: 60,
      discount: { base: 'gross', tiers: [{ days: 60, percent: '2' }] },
    };
    const offers = discountOffers('9999-12-01', terms, { grossAmount: money('1.00', 'EUR') });
    expect(offers._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_terms', path: ['terms'] });
  });

  it('a calendar that would move past 9999-12-31 is an error value', () => {
    // 9999-12-31 is a Friday; with Fridays closed, no business day follows in range.
    const e = dueDate('9999-12-31', { kind: 'due-on-receipt' }, { calendar: { weekend: [5] } });
    expect(e._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_input', path: ['calendar'] });
  });
});
