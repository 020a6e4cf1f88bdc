import { describe, expect, it } from 'vitest';
import { money } from '../../src/money/index.js';
import { dueDate, findBusinessDay, instalmentSchedule } from '../../src/terms/index.js';

// 2024-08-31 is a Saturday (ISO weekday 6); Friday 30 August and Monday 2 September
// are the business days around it under the default Saturday-Sunday weekend.
describe('business-day conventions never move a due date before the issue date', () => {
  it('preceding takes the following business day when the previous one is before issue', () => {
    const r = dueDate(
      '2024-08-31',
      { kind: 'due-on-receipt' },
      {
        calendar: {},
        convention: 'preceding',
      },
    );
    expect(r._unsafeUnwrap()).toBe('2024-09-02');
  });

  it('modified-following does the same when both neighbours are refused', () => {
    // Following is in September (another month), preceding is before the issue date.
    const r = dueDate(
      '2024-08-31',
      { kind: 'end-of-month', months: 0 },
      {
        calendar: {},
        convention: 'modified-following',
      },
    );
    expect(r._unsafeUnwrap()).toBe('2024-09-02');
  });

  it('moves back as before when the previous business day is on or after the issue date', () => {
    const eom = { kind: 'end-of-month', months: 0 } as const;
    const calendar = {};
    expect(dueDate('2024-08-01', eom, { calendar, convention: 'preceding' })._unsafeUnwrap()).toBe(
      '2024-08-30',
    );
    const modified = dueDate('2024-08-01', eom, { calendar, convention: 'modified-following' });
    expect(modified._unsafeUnwrap()).toBe('2024-08-30');
    // Issued on Friday 30 August itself: the previous business day is the issue date.
    const same = dueDate(
      '2024-08-30',
      { kind: 'net', days: 1 },
      { calendar, convention: 'preceding' },
    );
    expect(same._unsafeUnwrap()).toBe('2024-08-30');
  });

  it('applies to every instalment of a schedule', () => {
    const terms = {
      kind: 'instalments',
      instalments: [{ percent: '100', terms: { kind: 'due-on-receipt' } }],
    } as const;
    const options = { issueDate: '2024-08-31', calendar: {}, convention: 'preceding' } as const;
    const schedule = instalmentSchedule(money('10.00', 'EUR'), terms, options)._unsafeUnwrap();
    expect(schedule[0]!.dueDate).toBe('2024-09-02');
  });

  it('findBusinessDay reports a closed calendar instead of throwing', () => {
    expect(findBusinessDay('2024-08-31', {}, 'preceding', '2024-08-31')).toBe('2024-09-02');
    expect(findBusinessDay('2024-08-31', {}, 'preceding')).toBe('2024-08-30');
    const closed = { weekend: [1, 2, 3, 4, 5, 6], holidays: [] };
    const everySunday = findBusinessDay('2024-08-31', closed, 'following');
    expect(everySunday).toBe('2024-09-01');
  });
});

describe('due-date options are checked even without a calendar', () => {
  it('refuses an unknown convention without a calendar', () => {
    const r = dueDate('2024-01-01', { kind: 'net', days: 1 }, { convention: 'nearest' as never });
    expect(r._unsafeUnwrapErr()).toMatchObject({ code: 'invalid_input', path: ['convention'] });
    expect(r._unsafeUnwrapErr().message).toBe(
      'Invalid input: expected one of "following", "preceding", "modified-following" at convention',
    );
  });

  it('refuses options that are not an object', () => {
    const r = dueDate('2024-01-01', { kind: 'net', days: 1 }, null as never);
    expect(r._unsafeUnwrapErr().code).toBe('invalid_input');
    const s = instalmentSchedule(money('1.00', 'EUR'), { kind: 'net', days: 1 }, null as never);
    expect(s._unsafeUnwrapErr().code).toBe('invalid_input');
  });

  it('a valid convention without a calendar changes nothing', () => {
    // 2024-08-01 + 30 days = Saturday 2024-08-31, left alone without a calendar.
    const r = dueDate('2024-08-01', { kind: 'net', days: 30 }, { convention: 'preceding' });
    expect(r._unsafeUnwrap()).toBe('2024-08-31');
  });
});
