/**
 * ISO 20022 cash management reports: camt.053 (bank to customer statement),
 * camt.054 (debit/credit notification) and camt.052 (account report), any version
 * `001.NN` (02, 04, 08 and the others share the elements read here), detected from
 * the namespace or, without one, from the message element.
 *
 * Read: group header (MsgId, CreDtTm), per statement its id, account, owner,
 * sequence number, balances (OPBD/PRCD as opening, CLBD as closing, CLAV as
 * available, others by code) and entries (see `camt-entry.ts`). Left out: schema
 * validation, pagination across files, charges and interest details, card and
 * security transaction details.
 *
 * @module
 */
import { err, ok, type Result } from 'neverthrow';
import type { ReceivablesError } from '../errors/index.js';
import { signed } from './amounts.js';
import { type DraftStatement, finishStatements } from './assemble.js';
import { readEntry } from './camt-entry.js';
import {
  accountId,
  type CamtContext,
  readDate,
  readDirection,
  requireAmount,
  requireText,
} from './camt-fields.js';
import {
  contentText,
  failAt,
  guarded,
  type ReaderOptions,
  type StatementContent,
} from './input.js';
import type { StatementBalance, StatementFile, StatementWarning } from './types.js';
import { kid, kids, parseXml, placeOf, textAt, type XCursor } from './xml.js';

const MESSAGES = {
  BkToCstmrStmt: { format: 'camt.053', item: 'Stmt' },
  BkToCstmrDbtCdtNtfctn: { format: 'camt.054', item: 'Ntfctn' },
  BkToCstmrAcctRpt: { format: 'camt.052', item: 'Rpt' },
} as const;

type CamtFormat = (typeof MESSAGES)[keyof typeof MESSAGES]['format'];
const BALANCE_TYPES: Record<string, string> = {
  OPBD: 'opening',
  CLBD: 'closing',
  CLAV: 'available',
};

function readBalance(ctx: CamtContext, bal: XCursor): Result<StatementBalance, ReceivablesError> {
  const code = textAt(bal, 'Tp', 'CdOrPrtry', 'Cd') ?? textAt(bal, 'Tp', 'CdOrPrtry', 'Prtry');
  if (code === undefined) {
    return failAt(
      ctx.format,
      'missing mandatory element Tp/CdOrPrtry/Cd',
      placeOf(ctx.doc, bal, 'Tp'),
    );
  }
  const amount = requireAmount(ctx, bal, 'Amt');
  if (amount.isErr()) return err(amount.error);
  const direction = readDirection(ctx, bal);
  if (direction.isErr()) return err(direction.error);
  const date = readDate(ctx, kid(bal, 'Dt'));
  if (date.isErr()) return err(date.error);
  if (date.value === undefined) {
    return failAt(ctx.format, 'missing mandatory element Dt', placeOf(ctx.doc, bal, 'Dt'));
  }
  return ok({
    type: BALANCE_TYPES[code] ?? code,
    code,
    date: date.value,
    amount: signed(amount.value.amount, direction.value === 'debit'),
    currency: amount.value.currency,
  });
}

/** PRCD (previously closed booked) is the opening balance when no OPBD is given. */
function withOpening(balances: StatementBalance[]): StatementBalance[] {
  if (balances.some((b) => b.type === 'opening')) return balances;
  const prcd = balances.findIndex((b) => b.code === 'PRCD');
  return balances.map((b, i) => (i === prcd ? { ...b, type: 'opening' } : b));
}

function readStatementItem(
  ctx: CamtContext,
  item: XCursor,
  fallbackDate: string | undefined,
): Result<{ draft: DraftStatement; warnings: StatementWarning[] }, ReceivablesError> {
  const id = requireText(ctx, item, 'Id');
  if (id.isErr()) return err(id.error);
  const balances: StatementBalance[] = [];
  for (const bal of kids(item, 'Bal')) {
    const read = readBalance(ctx, bal);
    if (read.isErr()) return err(read.error);
    balances.push(read.value);
  }
  const createdAt = textAt(item, 'CreDtTm');
  const day = createdAt?.slice(0, 10) ?? fallbackDate;
  const warnings: StatementWarning[] = [];
  const transactions: DraftStatement['transactions'][number][] = [];
  const entries: DraftStatement['entries'][number][] = [];
  for (const [i, ntry] of kids(item, 'Ntry').entries()) {
    const read = readEntry(ctx, ntry, i + 1, id.value, day);
    if (read.isErr()) return err(read.error);
    entries.push(read.value.entry);
    transactions.push(...read.value.transactions);
    warnings.push(...read.value.warnings);
  }
  const acct = kid(item, 'Acct');
  const opening = withOpening(balances);
  const meta = {
    account: accountId(acct),
    accountOwner:
      acct &&
      (textAt(acct, 'Ownr', 'Nm') ?? textAt(acct, 'Ownr', 'Pty', 'Nm') ?? textAt(acct, 'Nm')),
    currency: (acct && textAt(acct, 'Ccy')) ?? opening[0]?.currency ?? entries[0]?.currency,
    createdAt,
    sequenceNumber: textAt(item, 'LglSeqNb') ?? textAt(item, 'ElctrncSeqNb'),
  };
  const present = Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== undefined));
  const draft: DraftStatement = {
    id: id.value,
    ...present,
    balances: opening,
    transactions,
    entries,
  };
  return ok({ draft, warnings });
}

function readDocument(
  text: string,
  options: ReaderOptions,
): Result<StatementFile, ReceivablesError> {
  const parsed = parseXml(text, 'camt', options);
  if (parsed.isErr()) return err(parsed.error);
  const doc = parsed.value;
  const document = kid(doc.root, 'Document');
  if (!document) return failAt('camt', 'no Document root element', { line: 1, path: ['Document'] });
  const name = (Object.keys(MESSAGES) as (keyof typeof MESSAGES)[]).find((m) => kid(document, m));
  const message = name && kid(document, name);
  if (!name || !message) {
    const reason = 'Document holds no BkToCstmrStmt, BkToCstmrDbtCdtNtfctn or BkToCstmrAcctRpt';
    return failAt('camt', reason, placeOf(doc, document));
  }
  const { format, item } = MESSAGES[name];
  const version = /urn:iso:std:iso:20022:tech:xsd:(camt\.05[234]\.001\.\d{2})/.exec(text)?.[1];
  if (version && !version.startsWith(format)) {
    const reason = `namespace says ${version} but the message is ${name} (${format})`;
    return failAt(format, reason, placeOf(doc, message));
  }
  const ctx: CamtContext = { doc, format, options };
  const messageId = requireText(ctx, message, 'GrpHdr', 'MsgId');
  if (messageId.isErr()) return err(messageId.error);
  const created = textAt(message, 'GrpHdr', 'CreDtTm')?.slice(0, 10);

  const drafts: DraftStatement[] = [];
  const warnings: StatementWarning[] = [];
  for (const node of kids(message, item)) {
    const read = readStatementItem(ctx, node, created);
    if (read.isErr()) return err(read.error);
    drafts.push(read.value.draft);
    warnings.push(...read.value.warnings);
  }
  if (drafts.length === 0) return failAt(format, `no ${item} element`, placeOf(doc, message, item));
  const finished = finishStatements(drafts, options.currencies);
  return ok({
    format: format as CamtFormat,
    ...(version ? { version } : {}),
    messageId: messageId.value,
    statements: finished.statements,
    warnings: [...warnings, ...finished.warnings],
  });
}

/**
 * Reads an ISO 20022 camt.053, camt.054 or camt.052 file.
 *
 * @param content - the XML file, as text or bytes
 * @param options - size and depth limits, currency registry
 *
 * @example
 * readCamt(xml).map((f) => f.statements[0]?.transactions.length)
 * //=> Ok(3)
 */
export function readCamt(
  content: StatementContent,
  options: ReaderOptions = {},
): Result<StatementFile, ReceivablesError> {
  return guarded('camt', () =>
    contentText(content, options).andThen((t) => readDocument(t, options)),
  );
}
