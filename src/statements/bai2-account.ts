/**
 * One BAI2 account (an `03` record, its `16` details, up to the `49` trailer) into
 * a statement: balances and summaries from the `03` type-code groups, one
 * transaction per `16`, and the control total the `49` trailer must state (the sum
 * of every amount in the account's records, in minor units as written). A `16` of
 * type 890 (non-monetary information) is no transaction: it is kept as a summary
 * and its text as a note, which the reader turns into a warning.
 *
 * @module
 */
import { ok, type Result } from 'neverthrow';
import type { ReceivablesError } from '../errors/index.js';
import { Dec } from '../money/decimal.js';
import { formatIn, minorUnits, signed } from './amounts.js';
import type { DraftStatement, DraftTransaction } from './assemble.js';
import { type Bai2Record, fundsExtras } from './bai2-records.js';
import { failAt, type ReaderOptions } from './input.js';
import { swiftDate } from './mt940-line.js';
import type { StatementBalance, StatementSummary } from './types.js';

/** An account being read. */
export interface AccountDraft {
  readonly line: number;
  readonly number: string;
  readonly currency: string;
  readonly asOf: string;
  readonly header: Bai2Record;
  readonly details: Bai2Record[];
  records: number;
}

const BALANCES: Record<string, string> = { '010': 'opening', '015': 'closing', '045': 'available' };

/**
 * Reads an amount in minor units (`+000000000208500`) for a currency.
 *
 * @example
 * bai2Amount('+000000000208500', 'CAD', {})
 * //=> '2085.00'
 */
export function bai2Amount(
  raw: string,
  currency: string,
  options: ReaderOptions,
): string | undefined {
  if (!/^[+-]?\d{1,20}$/.test(raw)) return undefined;
  const units = minorUnits(currency, options.currencies) ?? 2;
  const value = new Dec(raw.replace(/^\+/, '')).dividedBy(new Dec(10).pow(units));
  return signed(formatIn(value.abs(), currency, options.currencies), value.isNegative());
}

/** Type code 890: non-monetary information, no money moves. */
const INFO = '890';

function directionOf(code: string, options: { typeCodes?: Readonly<Record<string, string>> }) {
  const n = Number(code);
  if (n >= 100 && n <= 399) return 'credit';
  if (n >= 400 && n <= 699) return 'debit';
  const own = options.typeCodes?.[code];
  return own === 'credit' || own === 'debit' ? own : undefined;
}

/**
 * Builds the statement of one account; `position` numbers accounts in the file.
 *
 * @example
 * buildAccount(account, '001', 1, {}).map((a) => a.controlTotal)
 * //=> Ok('834000')
 */
export function buildAccount(
  a: AccountDraft,
  fileId: string,
  position: number,
  options: ReaderOptions & { typeCodes?: Readonly<Record<string, 'credit' | 'debit'>> },
): Result<
  { draft: DraftStatement; controlTotal: string; notes: readonly string[] },
  ReceivablesError
> {
  let control = new Dec(0);
  const balances: StatementBalance[] = [];
  const summaries: StatementSummary[] = [];
  const id = `${a.number}/${a.asOf}/${position}`;
  for (const [p, fields] of a.header.parts.entries()) {
    let i = p === 0 ? 2 : 0;
    while (i < fields.length) {
      const code = fields[i] ?? '';
      const raw = fields[i + 1] ?? '';
      const extras = fundsExtras(fields, i + 3);
      if (extras === undefined) {
        return failAt('bai2', `unknown funds type ${JSON.stringify(fields[i + 3])}`, {
          line: a.line,
        });
      }
      i += 4 + extras;
      if (code === '' && raw === '') continue;
      if (!/^\d{3}$/.test(code))
        return failAt('bai2', `invalid type code ${JSON.stringify(code)}`, { line: a.line });
      if (raw === '') continue;
      const amount = bai2Amount(raw, a.currency, options);
      if (amount === undefined)
        return failAt('bai2', `wrong amount format ${JSON.stringify(raw)}`, { line: a.line });
      control = control.plus(raw.replace(/^\+/, ''));
      const n = Number(code);
      if (n < 100 || (n >= 900 && n <= 919)) {
        balances.push({
          type: BALANCES[code] ?? code,
          code,
          date: a.asOf,
          amount,
          currency: a.currency,
        });
      } else {
        const count = Number(fields[i - 2 - extras] ?? '');
        summaries.push({
          code,
          amount,
          ...(fields[i - 2 - extras] && Number.isFinite(count) ? { count } : {}),
        });
      }
    }
  }

  const transactions: DraftTransaction[] = [];
  const notes: string[] = [];
  for (const [n, d] of a.details.entries()) {
    const f = d.parts[0] ?? [];
    const [code = '', raw = '', funds = ''] = f;
    if (code === INFO && options.typeCodes?.[code] === undefined) {
      const amount =
        raw === ''
          ? formatIn(new Dec(0), a.currency, options.currencies)
          : bai2Amount(raw, a.currency, options);
      if (amount === undefined)
        return failAt('bai2', `wrong amount format ${JSON.stringify(raw)}`, { line: d.line });
      control = control.plus(raw.replace(/^\+/, '') || '0');
      summaries.push({ code, amount });
      notes.push(`line ${d.line}: non-monetary information (890)${d.text ? `: ${d.text}` : ''}`);
      continue;
    }
    const direction = directionOf(code, options);
    if (!direction) {
      return failAt(
        'bai2',
        `type code ${code} is not a credit (100-399) or debit (400-699) detail`,
        { line: d.line },
      );
    }
    const amount = bai2Amount(raw, a.currency, options);
    if (amount === undefined || amount.startsWith('-')) {
      return failAt('bai2', `wrong amount format ${JSON.stringify(raw)}`, { line: d.line });
    }
    control = control.plus(raw.replace(/^\+/, ''));
    const valueDate = funds === 'V' ? swiftDate(f[3] ?? '') : undefined;
    if (funds === 'V' && !valueDate)
      return failAt('bai2', `invalid value date ${JSON.stringify(f[3])}`, { line: d.line });
    const [bankReference, customerReference] = f.slice(-2);
    transactions.push({
      ...(bankReference ? { id: bankReference } : {}),
      position: String(n + 1),
      statementId: id,
      bookingDate: a.asOf,
      valueDate: valueDate ?? a.asOf,
      amount,
      currency: a.currency,
      direction,
      reversal: false,
      ...(d.text ? { remittanceText: d.text } : {}),
      bankTransactionCode: code,
      source: `line ${d.line}`,
      ...(bankReference ? { bankReference } : {}),
      ...(customerReference ? { customerReference } : {}),
      ...(funds ? { fundsType: funds } : {}),
    });
  }
  const entries = transactions.map((t) => ({ ...t, booked: true }));
  const draft: DraftStatement = {
    id,
    account: a.number,
    currency: a.currency,
    balances,
    transactions,
    entries,
    ...(summaries.length > 0 ? { summaries } : {}),
    ...(fileId ? { sequenceNumber: fileId } : {}),
  };
  return ok({ draft, controlTotal: control.toFixed(), notes });
}
