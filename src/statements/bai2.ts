/**
 * BAI2 (Cash Management Balance Reporting Specification, version 2): file `01`/`99`,
 * group `02`/`98`, account `03`/`49`, transaction detail `16`, continuation `88`.
 * Amounts carry implied decimals: the currency's minor units (2 for USD, 0 for
 * JPY). Status codes `010` (opening ledger) and `015` (closing ledger) become the
 * opening and closing balances, `045` the available balance, other status codes
 * (001-099) balances under their code; summary codes (100-399, 400-699) become
 * statement summaries. Detail codes 100-399 are credits, 400-699 debits; others
 * (700-799 loans, 900-999 custom) need the host's `typeCodes`. The trailers' control
 * totals and record counts are checked and a mismatch is a warning. Left out: the
 * BAI type-code catalogue's names, as-of-time and group status semantics.
 *
 * @module
 */
import { err, ok, type Result } from 'neverthrow';
import type { ReceivablesError } from '../errors/index.js';
import { Dec } from '../money/decimal.js';
import { type DraftStatement, finishStatements } from './assemble.js';
import { type AccountDraft, buildAccount } from './bai2-account.js';
import { recordsOf } from './bai2-records.js';
import {
  contentText,
  failAt,
  guarded,
  type ReaderOptions,
  type StatementContent,
} from './input.js';
import { swiftDate } from './mt940-line.js';
import type { StatementFile, StatementWarning } from './types.js';

/** Options of {@link readBai2}. */
export interface Bai2Options extends ReaderOptions {
  /** Direction of detail type codes outside 100-699 (e.g. `{ '901': 'credit' }`). */
  readonly typeCodes?: Readonly<Record<string, 'credit' | 'debit'>>;
}

const TRAILERS = new Set(['49', '98', '99']);
const NUMBER = /^[+-]?\d{1,20}$/;

interface Totals {
  /** Sum of the lower trailers' stated control totals. */
  total: Dec;
  /** Sum of the control totals the records give. */
  computed: Dec;
  records: number;
}

function readFile(text: string, options: Bai2Options): Result<StatementFile, ReceivablesError> {
  const records = recordsOf(text);
  if (!Array.isArray(records)) return failAt('bai2', records.reason, { line: records.line });
  const first = records[0];
  if (first?.code !== '01')
    return failAt('bai2', 'the file does not start with a 01 header', { line: 1 });
  const fileId = first.parts[0]?.[4] ?? '';
  const drafts: DraftStatement[] = [];
  const warnings: StatementWarning[] = [];
  const check = (what: string, stated: string | undefined, actual: string, line: number) => {
    if (stated === undefined || stated === '' || new Dec(stated.replace(/^\+/, '')).eq(actual))
      return;
    const message = `${what} states ${stated}, the records give ${actual}`;
    warnings.push({ code: 'control_total_mismatch', message, where: `line ${line}` });
  };
  // A trailer agreeing with the stated lower trailers or with the records is fine, so
  // one wrong 49 is reported once, at the 49, not again at the 98 and the 99.
  const checkTotal = (what: string, stated: string | undefined, totals: Totals, line: number) => {
    const given = stated?.replace(/^\+/, '');
    if (given && new Dec(given).eq(totals.total)) return;
    check(what, stated, totals.computed.toFixed(), line);
  };

  let group: { asOf: string; currency: string; totals: Totals; accounts: number } | undefined;
  let account: AccountDraft | undefined;
  const file: Totals = { total: new Dec(0), computed: new Dec(0), records: 1 };
  let closed = false;
  for (const r of records.slice(1)) {
    const f = r.parts[0] ?? [];
    if (closed)
      return failAt('bai2', `record ${r.code} after the file trailer 99`, { line: r.line });
    if (account && !['16', '49'].includes(r.code)) {
      return failAt('bai2', `record ${r.code} before the account trailer 49`, { line: r.line });
    }
    const bad = TRAILERS.has(r.code)
      ? f.slice(0, 3).find((v) => v !== '' && !NUMBER.test(v))
      : undefined;
    if (bad !== undefined) {
      return failAt('bai2', `wrong number ${JSON.stringify(bad)} in trailer ${r.code}`, {
        line: r.line,
      });
    }
    if (r.code === '02') {
      if (group)
        return failAt('bai2', 'group header 02 before the group trailer 98', { line: r.line });
      const asOf = swiftDate(f[3] ?? '');
      if (!asOf)
        return failAt('bai2', `invalid as-of date ${JSON.stringify(f[3])}`, { line: r.line });
      group = {
        asOf,
        currency: f[5] || 'USD',
        totals: { total: new Dec(0), computed: new Dec(0), records: r.count },
        accounts: 0,
      };
    } else if (r.code === '03') {
      if (!group) return failAt('bai2', 'account record 03 outside a group', { line: r.line });
      const currency = f[1] || group.currency;
      account = {
        line: r.line,
        number: f[0] ?? '',
        currency,
        asOf: group.asOf,
        header: r,
        details: [],
        records: r.count,
      };
    } else if (r.code === '16') {
      if (!account) return failAt('bai2', 'detail record 16 outside an account', { line: r.line });
      account.details.push(r);
      account.records += r.count;
    } else if (r.code === '49') {
      if (!account || !group)
        return failAt('bai2', 'account trailer 49 without an account', { line: r.line });
      account.records += r.count;
      const built = buildAccount(account, fileId, drafts.length + 1, options);
      if (built.isErr()) return err(built.error);
      drafts.push(built.value.draft);
      for (const note of built.value.notes) {
        warnings.push({
          code: 'other',
          message: `Account ${account.number} ${note}`,
          where: note.split(':')[0],
        });
      }
      check(
        `Account ${account.number} trailer 49 control total`,
        f[0],
        built.value.controlTotal,
        r.line,
      );
      check(
        `Account ${account.number} trailer 49 record count`,
        f[1],
        String(account.records),
        r.line,
      );
      group.totals.total = group.totals.total.plus(f[0]?.replace(/^\+/, '') || '0');
      group.totals.computed = group.totals.computed.plus(built.value.controlTotal);
      group.totals.records += account.records;
      group.accounts += 1;
      account = undefined;
    } else if (r.code === '98') {
      if (!group) return failAt('bai2', 'group trailer 98 without a group', { line: r.line });
      group.totals.records += r.count;
      checkTotal('Group trailer 98 control total', f[0], group.totals, r.line);
      check('Group trailer 98 account count', f[1], String(group.accounts), r.line);
      check('Group trailer 98 record count', f[2], String(group.totals.records), r.line);
      file.total = file.total.plus(f[0]?.replace(/^\+/, '') || '0');
      file.computed = file.computed.plus(group.totals.computed);
      file.records += group.totals.records;
      group = undefined;
    } else if (r.code === '99') {
      if (group)
        return failAt('bai2', 'file trailer 99 before the group trailer 98', { line: r.line });
      file.records += r.count;
      checkTotal('File trailer 99 control total', f[0], file, r.line);
      check('File trailer 99 record count', f[2], String(file.records), r.line);
      closed = true;
    } else {
      return failAt('bai2', `unknown record code ${r.code}`, { line: r.line });
    }
  }
  if (!closed)
    return failAt('bai2', 'the file ends without the trailer 99 (truncated?)', {
      line: records.length,
    });
  const finished = finishStatements(drafts, options.currencies);
  return ok({
    format: 'bai2',
    ...(fileId ? { messageId: fileId } : {}),
    statements: finished.statements,
    warnings: [...warnings, ...finished.warnings],
  });
}

/**
 * Reads a BAI2 file: one statement per account record.
 *
 * @param content - the file, as text or bytes
 * @param options - size limit, currency registry, directions of custom type codes
 *
 * @example
 * readBai2(bai).map((f) => f.statements.length)
 * //=> Ok(1)
 */
export function readBai2(
  content: StatementContent,
  options: Bai2Options = {},
): Result<StatementFile, ReceivablesError> {
  return guarded('bai2', () => contentText(content, options).andThen((t) => readFile(t, options)));
}
