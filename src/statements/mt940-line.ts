/**
 * SWIFT MT940 field 61 (statement line) and the balance fields 60a/62a/64/65.
 *
 * `:61:` is `YYMMDD[MMDD]` value and entry date, the mark (`C`, `D`, or `RC`/`RD`
 * for the reversal of a credit/debit), an optional funds code letter, the amount
 * with its decimal comma, the transaction type (`N`/`F`/`S` + 3), the customer
 * reference, `//` + the bank reference, and on a second line supplementary details.
 * The entry date has no year: it is the year that puts it closest to the value date,
 * so a value date of 31 December with an entry date of 0102 books on 2 January of
 * the next year. Years YY read as 20YY up to 79 and 19YY from 80.
 *
 * @module
 */

import type { CurrencyRegistry } from '../money/currency.js';
import { isIsoDate, toDayNumber } from '../terms/date.js';
import { swiftAmount } from './amounts.js';

/** A balance field as read. */
export interface SwiftBalance {
  readonly debit: boolean;
  readonly date: string;
  readonly currency: string;
  readonly amount: string;
}

/** A statement line as read. */
export interface StatementLine {
  readonly valueDate: string;
  readonly entryDate: string;
  readonly direction: 'credit' | 'debit';
  readonly reversal: boolean;
  readonly fundsCode?: string;
  readonly amount: string;
  readonly transactionType: string;
  readonly customerReference: string;
  readonly bankReference?: string;
  readonly supplementary?: string;
}

const LINE = new RegExp(
  [
    '^(\\d{6})(\\d{4})?', // value date, entry date
    '(RC|RD|C|D)([A-Z])?', // mark, funds code
    '(\\d{1,15},\\d{0,15})([NSF][A-Z0-9]{3})', // amount, transaction type
    '([^\\n]*?)(?:\\/\\/([^\\n]*))?', // customer reference, bank reference
    '(?:\\n([\\s\\S]*))?$', // supplementary details
  ].join(''),
);
const BALANCE = /^([CD])(\d{6})([A-Z]{3})(\d{1,15},\d{0,15})$/;

/**
 * `YYMMDD` as an ISO date, or undefined when it is not a calendar date.
 *
 * @example
 * swiftDate('070904')
 * //=> '2007-09-04'
 */
export function swiftDate(yymmdd: string): string | undefined {
  const yy = Number(yymmdd.slice(0, 2));
  const date = `${yy <= 79 ? 2000 + yy : 1900 + yy}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
  return isIsoDate(date) ? date : undefined;
}

/**
 * The date of `MMDD` in the year that puts it closest to `near`.
 *
 * @example
 * nearestDate('0102', '2023-12-31')
 * //=> '2024-01-02'
 */
export function nearestDate(mmdd: string, near: string): string | undefined {
  const year = Number(near.slice(0, 4));
  let best: string | undefined;
  for (const y of [year - 1, year, year + 1]) {
    const date = `${y}-${mmdd.slice(0, 2)}-${mmdd.slice(2, 4)}`;
    if (!isIsoDate(date)) continue;
    const distance = Math.abs(toDayNumber(date) - toDayNumber(near));
    if (!best || distance < Math.abs(toDayNumber(best) - toDayNumber(near))) best = date;
  }
  return best;
}

/**
 * Reads a balance field value (`C070903EUR1234718,36`); a string says what is wrong.
 *
 * @example
 * readBalanceField('D070903EUR1234718,36')
 * //=> { debit: true, date: '2007-09-03', currency: 'EUR', amount: '1234718.36' }
 */
export function readBalanceField(
  value: string,
  registry?: CurrencyRegistry,
): SwiftBalance | string {
  const m = BALANCE.exec(value.trim());
  if (!m) return `balance ${JSON.stringify(value.trim())} is not [C|D]YYMMDDCCCamount`;
  const date = swiftDate(m[2] as string);
  if (!date) return `invalid date ${m[2]} in balance`;
  const amount = swiftAmount(m[4] as string, m[3] as string, registry);
  if (amount === undefined) return `wrong amount format ${m[4]}`;
  return { debit: m[1] === 'D', date, currency: m[3] as string, amount };
}

/**
 * Reads a `:61:` value (with its continuation line); a string says what is wrong.
 *
 * @example
 * (readStatementLine('0709040904RCR204,88NRTINONREF', 'EUR') as StatementLine).direction
 * //=> 'debit'
 */
export function readStatementLine(
  value: string,
  currency: string,
  registry?: CurrencyRegistry,
): StatementLine | string {
  const m = LINE.exec(value.replace(/[ \t]+$/gm, ''));
  if (!m) {
    const amount = /^\d{6}(\d{4})?R?[CD][A-Z]?([^NSF]*)/.exec(value)?.[2];
    return amount !== undefined && !/^\d{1,15},\d{0,15}$/.test(amount)
      ? `wrong amount format ${JSON.stringify(amount)} in :61:`
      : `statement line ${JSON.stringify(value.split('\n')[0])} does not follow the :61: layout`;
  }
  const valueDate = swiftDate(m[1] as string);
  if (!valueDate) return `invalid value date ${m[1]} in :61:`;
  const entryDate = m[2] ? nearestDate(m[2], valueDate) : valueDate;
  if (!entryDate) return `invalid entry date ${m[2]} in :61:`;
  const amount = swiftAmount(m[5] as string, currency, registry);
  if (amount === undefined) return `wrong amount format ${m[5]} in :61:`;
  const mark = m[3] as string;
  const bankReference = m[8]?.trim();
  const supplementary = m[9]?.replace(/\n/g, ' ').trim();
  return {
    valueDate,
    entryDate,
    // RC reverses a credit (money goes out again), RD reverses a debit.
    direction: mark === 'C' || mark === 'RD' ? 'credit' : 'debit',
    reversal: mark.startsWith('R'),
    ...(m[4] ? { fundsCode: m[4] } : {}),
    amount,
    transactionType: m[6] as string,
    customerReference: (m[7] as string).trim(),
    ...(bankReference ? { bankReference } : {}),
    ...(supplementary ? { supplementary } : {}),
  };
}
