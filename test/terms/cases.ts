/**
 * Due-date cases worked by hand, shared by the due-date tests and the time-zone test
 * (which runs them again under other TZ settings).
 */
import type { PaymentTerms } from '../../src/terms/index.js';

export type DueDateCase = readonly [
  issueDate: string,
  terms: PaymentTerms,
  due: string,
  why: string,
];

const eom = (months: number): PaymentTerms => ({ kind: 'end-of-month', months });

/** The end-of-month cases the issue lists: the last day of the month N months later. */
export const END_OF_MONTH_CASES: readonly DueDateCase[] = [
  ['2020-06-11', eom(1), '2020-07-31', '1 month after end of June: end of July'],
  ['2025-02-10', eom(1), '2025-03-31', 'end of the month after February'],
  ['2024-02-10', eom(1), '2024-03-31', 'not 2024-02-29 + 1 month = 2024-03-29'],
  ['2024-01-15', eom(1), '2024-02-29', 'leap February'],
  ['2024-12-10', eom(2), '2025-02-28', 'two months on, across the year'],
];

export const OTHER_CASES: readonly DueDateCase[] = [
  ['2024-05-17', { kind: 'due-on-receipt' }, '2024-05-17', 'the issue date'],
  ['2024-05-17', { kind: 'net', days: 0 }, '2024-05-17', 'net 0'],
  ['2024-01-31', { kind: 'net', days: 30 }, '2024-03-01', 'Jan 31 + 29 = Feb 29, + 1'],
  ['2023-12-15', { kind: 'net', days: 60 }, '2024-02-13', '16 to Dec 31, 31 to Jan 31, 13'],
  ['2023-01-31', { kind: 'net', days: 30 }, '2023-03-02', 'Feb 2023 has 28 days'],
  ['2024-01-15', { kind: 'days-end-of-month', days: 30 }, '2024-02-29', 'Feb 14, then end'],
  ['2024-01-31', { kind: 'days-end-of-month', days: 30 }, '2024-03-31', 'Mar 1, then end'],
  ['2024-03-20', { kind: 'days-end-of-month', days: 45 }, '2024-05-31', 'May 4, then end'],
  ['2024-02-10', eom(0), '2024-02-29', 'end of the invoice month'],
  ['2023-02-10', eom(0), '2023-02-28', 'end of a common-year February'],
  [
    '2024-01-15',
    { kind: 'end-of-month', months: 0, days: 30 },
    '2024-03-01',
    'net 30 EOM: Jan 31 + 30',
  ],
  ['2024-01-15', { kind: 'end-of-month', months: 1, days: 10 }, '2024-03-10', 'Feb 29 + 10'],
  [
    '2024-01-15',
    { kind: 'days-end-of-month-day', days: 30, day: 10 },
    '2024-03-10',
    'Feb 14, end of Feb, the 10th of March',
  ],
  [
    '2024-01-31',
    { kind: 'days-end-of-month-day', days: 30, day: 10 },
    '2024-04-10',
    'Mar 1, end of Mar, the 10th of April',
  ],
  [
    '2024-01-05',
    { kind: 'days-end-of-month-day', days: 0, day: 31 },
    '2024-02-29',
    'day 31 of February is its last day',
  ],
  ['2024-03-10', { kind: 'day-of-month', day: 15 }, '2024-03-15', 'next 15th, same month'],
  ['2024-03-15', { kind: 'day-of-month', day: 15 }, '2024-04-15', 'strictly after the issue'],
  ['2024-03-20', { kind: 'day-of-month', day: 15 }, '2024-04-15', 'next month'],
  ['2024-02-10', { kind: 'day-of-month', day: 31 }, '2024-02-29', 'clamped, still after'],
  ['2024-02-29', { kind: 'day-of-month', day: 31 }, '2024-03-31', 'Feb 29 is day "31"'],
  ['2024-01-31', { kind: 'day-of-month', day: 30 }, '2024-02-29', 'Jan 30 passed'],
  ['2024-12-20', { kind: 'day-of-month', day: 15, months: 1 }, '2025-01-15', 'next year'],
  ['2024-03-01', { kind: 'day-of-month', day: 25, months: 0 }, '2024-03-25', 'same month'],
];
