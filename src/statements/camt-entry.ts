/**
 * One camt `Ntry` (a booked movement) into transactions: an entry without details
 * or with one `TxDtls` gives one transaction carrying the booked amount; a batched
 * entry with several `TxDtls` gives one transaction per detail with the detail's
 * amount. When details of a batch state no amount, the part of the entry amount
 * they do not account for goes to the first of them and is marked `amountInferred`
 * (money is conserved: the parts always add up to the booked entry). When none of
 * the details states an amount, the entry stays ONE transaction carrying every
 * detail's texts and references, with an `inferred_value` warning.
 *
 * @module
 */
import { err, ok, type Result } from 'neverthrow';
import type { ReceivablesError } from '../errors/index.js';
import { formatPath } from '../errors/index.js';
import { Dec } from '../money/decimal.js';
import { formatIn } from './amounts.js';
import type { DraftTransaction, EntryAmount } from './assemble.js';
import { type DetailFields, readDetails } from './camt-details.js';
import {
  type CamtContext,
  readDate,
  readDirection,
  requireAmount,
  transactionCode,
} from './camt-fields.js';
import { failAt } from './input.js';
import type { StatementWarning } from './types.js';
import { kid, kids, placeOf, textAt, type XCursor } from './xml.js';

/** What one entry yields. */
export interface EntryResult {
  readonly entry: EntryAmount;
  readonly transactions: DraftTransaction[];
  readonly warnings: StatementWarning[];
}

function statusOf(ntry: XCursor): string | undefined {
  return textAt(ntry, 'Sts', 'Cd') ?? textAt(ntry, 'Sts', 'Prtry') ?? textAt(ntry, 'Sts');
}

/** Splits the booked amount over the details; see the module header for the rule. */
function splitAmounts(
  ctx: CamtContext,
  booked: { amount: string; currency: string },
  details: readonly DetailFields[],
): { amounts: { amount: string; inferred: boolean }[]; warning?: string } {
  if (details.length <= 1) return { amounts: [{ amount: booked.amount, inferred: false }] };
  const known = details.map((d) =>
    d.stated && d.stated.currency === booked.currency ? d.stated.amount : undefined,
  );
  const sum = known.reduce((s, a) => (a === undefined ? s : s.plus(a)), new Dec(0));
  const rest = new Dec(booked.amount).minus(sum);
  const missing = known.filter((a) => a === undefined).length;
  if (missing === 0) {
    const amounts = known.map((a) => ({ amount: a as string, inferred: false }));
    if (rest.isZero()) return { amounts };
    return { amounts, warning: `details add up to ${sum.toFixed()}, not ${booked.amount}` };
  }
  let first = true;
  const amounts = known.map((a) => {
    if (a !== undefined) return { amount: a, inferred: false };
    const share = first && rest.isPositive() ? rest : new Dec(0);
    first = false;
    return { amount: formatIn(share, booked.currency, ctx.options.currencies), inferred: true };
  });
  return {
    amounts,
    warning: `${missing} of ${details.length} details state no amount in ${booked.currency}`,
  };
}

/**
 * Reads entry `ntry`, the `index`-th (1-based) of statement `statementId`.
 *
 * @example
 * readEntry(ctx, ntry, 1, 'STMT-1', '2024-03-01').map((e) => e.transactions.length)
 * //=> Ok(2)
 */
export function readEntry(
  ctx: CamtContext,
  ntry: XCursor,
  index: number,
  statementId: string,
  fallbackDate: string | undefined,
): Result<EntryResult, ReceivablesError> {
  const booked = requireAmount(ctx, ntry, 'Amt');
  if (booked.isErr()) return err(booked.error);
  const direction = readDirection(ctx, ntry);
  if (direction.isErr()) return err(direction.error);
  const bookingDate = readDate(ctx, kid(ntry, 'BookgDt'));
  if (bookingDate.isErr()) return err(bookingDate.error);
  const valueDate = readDate(ctx, kid(ntry, 'ValDt'));
  if (valueDate.isErr()) return err(valueDate.error);

  let details: DetailFields[] = [];
  const detailNodes = kids(ntry, 'NtryDtls').flatMap((d) => kids(d, 'TxDtls'));
  for (const tx of detailNodes) {
    const read = readDetails(ctx, tx, direction.value);
    if (read.isErr()) return err(read.error);
    details.push(read.value);
  }

  const warnings: StatementWarning[] = [];
  const where = `line ${ctx.doc.lineAt(ntry.offset)} (${formatPath(ntry.path)})`;
  const date = bookingDate.value ?? valueDate.value ?? fallbackDate;
  if (date === undefined) {
    const reason = 'entry has no booking date, value date or creation date';
    return failAt(ctx.format, reason, placeOf(ctx.doc, ntry));
  }
  if (bookingDate.value === undefined) {
    const message = `Entry ${index} of ${statementId} has no booking date; used ${date}`;
    warnings.push({ code: 'inferred_value', message, where });
  }
  const ccy = booked.value.currency;
  if (details.length > 1 && details.every((d) => d.stated?.currency !== ccy)) {
    const message =
      `Entry ${index} of ${statementId}: none of ${details.length}` +
      ` details states an amount in ${ccy}; read as one transaction`;
    warnings.push({ code: 'inferred_value', message, where });
    details = [mergeDetails(details)];
  }
  const split = splitAmounts(ctx, booked.value, details);
  if (split.warning) {
    const code = split.amounts.some((a) => a.inferred) ? 'inferred_value' : 'batch_amount_mismatch';
    warnings.push({ code, message: `Entry ${index} of ${statementId}: ${split.warning}`, where });
  }

  const status = statusOf(ntry);
  const code = transactionCode(kid(ntry, 'BkTxCd'));
  const entryRef = textAt(ntry, 'AcctSvcrRef');
  const reversal = /^(true|1)$/i.test(textAt(ntry, 'RvslInd') ?? '');
  const btch = kid(ntry, 'NtryDtls', 'Btch');
  const parts = details.length === 0 ? [undefined] : details;

  const transactions = parts.map((d, i): DraftTransaction => {
    const batched = parts.length > 1;
    const share = split.amounts[i] ?? { amount: booked.value.amount, inferred: true };
    const stated = d?.stated;
    const differs =
      stated &&
      (stated.currency !== booked.value.currency || !new Dec(stated.amount).eq(share.amount));
    const bankReference = batched ? d?.bankReference : (entryRef ?? d?.bankReference);
    return {
      ...(bankReference ? { id: bankReference } : {}),
      position: batched ? `${index}.${i + 1}` : `${index}`,
      statementId,
      bookingDate: date,
      valueDate: valueDate.value ?? date,
      amount: share.amount,
      currency: booked.value.currency,
      direction: d?.direction ?? direction.value,
      reversal,
      ...d?.fields,
      ...(code.domain || code.proprietary
        ? { bankTransactionCode: code.domain ?? code.proprietary }
        : {}),
      ...(code.proprietary ? { proprietaryCode: code.proprietary } : {}),
      source: batched ? `${where} TxDtls ${i + 1}` : where,
      ...(status && status !== 'BOOK' ? { status } : {}),
      ...(batched ? { batch: batchOf(btch, i + 1, parts.length) } : {}),
      ...(differs && stated ? { detailAmount: stated } : {}),
      ...(share.inferred && batched ? { amountInferred: true } : {}),
      ...(bankReference ? { bankReference } : {}),
      ...optional('entryReference', textAt(ntry, 'NtryRef')),
      ...optional('entryInfo', textAt(ntry, 'AddtlNtryInf')),
    };
  });
  const entry = {
    ...booked.value,
    direction: direction.value,
    booked: !status || status === 'BOOK',
  };
  return ok({ entry, transactions, warnings });
}

/** Details without amounts as one: the first's fields, every text and reference. */
function mergeDetails(details: readonly DetailFields[]): DetailFields {
  const first = details[0] as DetailFields;
  const texts = details.flatMap((d) => (d.fields.remittanceText ? [d.fields.remittanceText] : []));
  const refs = details.flatMap(
    (d) =>
      d.fields.structuredReferences ??
      (d.fields.structuredReference ? [d.fields.structuredReference] : []),
  );
  const fields = {
    ...first.fields,
    ...(texts.length > 0 ? { remittanceText: texts.join(' ') } : {}),
    ...(refs[0] ? { structuredReference: refs[0] } : {}),
    ...(refs.length > 1 ? { structuredReferences: refs } : {}),
  };
  const { stated: _s, ...rest } = first;
  return { ...rest, fields };
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}

function batchOf(btch: XCursor | undefined, index: number, size: number) {
  if (!btch) return { index, size };
  const messageId = textAt(btch, 'MsgId');
  const paymentInformationId = textAt(btch, 'PmtInfId');
  return {
    index,
    size,
    ...(messageId ? { messageId } : {}),
    ...(paymentInformationId ? { paymentInformationId } : {}),
  };
}
