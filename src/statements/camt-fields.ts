/**
 * Reading single camt fields: amounts with their currency attribute, dates given as
 * `Dt` or `DtTm`, parties (flat in versions 02-07, under `Pty` from 08), accounts
 * (IBAN or other id) and bank transaction codes. Each returns a typed error naming
 * the element path and line when a mandatory value is missing or malformed.
 *
 * @module
 */
import { ok, type Result } from 'neverthrow';
import type { ReceivablesError } from '../errors/index.js';
import { isIsoDate } from '../terms/date.js';
import { plainAmount } from './amounts.js';
import { failAt, type ReaderOptions } from './input.js';
import { attrOf, kid, placeOf, textAt, textOf, type XCursor, type XmlDocument } from './xml.js';

/** An amount and its currency as camt states them. */
export interface CamtAmount {
  readonly amount: string;
  readonly currency: string;
}

/** What field readers need besides the cursor: the document, format and options. */
export interface CamtContext {
  readonly doc: XmlDocument;
  readonly format: string;
  readonly options: ReaderOptions;
}

/**
 * A mandatory text child, or a `parse_error` naming it.
 *
 * @example
 * requireText(ctx, stmt, 'Id')
 * //=> Ok('STMT-1')
 */
export function requireText(
  ctx: CamtContext,
  c: XCursor,
  ...names: string[]
): Result<string, ReceivablesError> {
  const value = textAt(c, ...names);
  if (value !== undefined) return ok(value);
  const reason = `missing mandatory element ${names.join('/')}`;
  return failAt(ctx.format, reason, placeOf(ctx.doc, c, names.join('/')));
}

/**
 * Reads an `Amt Ccy="..."` element; undefined when the element is absent.
 *
 * @example
 * readAmount(ctx, amt) // <Amt Ccy="EUR">8.5</Amt>
 * //=> Ok({ amount: '8.50', currency: 'EUR' })
 */
export function readAmount(
  ctx: CamtContext,
  c: XCursor | undefined,
): Result<CamtAmount | undefined, ReceivablesError> {
  if (!c) return ok(undefined);
  const raw = textOf(c) ?? '';
  const currency = attrOf(c, 'Ccy') ?? '';
  if (!/^[A-Z]{3}$/.test(currency)) {
    const reason = `amount without a valid Ccy attribute (${JSON.stringify(currency)})`;
    return failAt(ctx.format, reason, placeOf(ctx.doc, c));
  }
  const amount = plainAmount(raw, currency, ctx.options.currencies);
  if (amount === undefined) {
    return failAt(ctx.format, `wrong amount format ${JSON.stringify(raw)}`, placeOf(ctx.doc, c));
  }
  return ok({ amount, currency });
}

/**
 * A mandatory amount element.
 *
 * @example
 * requireAmount(ctx, ntry, 'Amt').map((a) => a.currency)
 * //=> Ok('EUR')
 */
export function requireAmount(
  ctx: CamtContext,
  c: XCursor,
  name: string,
): Result<CamtAmount, ReceivablesError> {
  const at = kid(c, name);
  if (!at)
    return failAt(ctx.format, `missing mandatory element ${name}`, placeOf(ctx.doc, c, name));
  return readAmount(ctx, at).map((a) => a as CamtAmount);
}

/**
 * `CRDT` / `DBIT` as a direction.
 *
 * @example
 * readDirection(ctx, ntry) // <CdtDbtInd>DBIT</CdtDbtInd>
 * //=> Ok('debit')
 */
export function readDirection(
  ctx: CamtContext,
  c: XCursor,
): Result<'credit' | 'debit', ReceivablesError> {
  return requireText(ctx, c, 'CdtDbtInd').andThen(
    (v): Result<'credit' | 'debit', ReceivablesError> =>
      v === 'CRDT' || v === 'DBIT'
        ? ok(v === 'CRDT' ? 'credit' : 'debit')
        : failAt(
            ctx.format,
            `CdtDbtInd must be CRDT or DBIT, got ${JSON.stringify(v)}`,
            placeOf(ctx.doc, c, 'CdtDbtInd'),
          ),
  );
}

/**
 * A date element holding `Dt` (date) or `DtTm` (date-time: its calendar date as written).
 *
 * @example
 * readDate(ctx, bookgDt) // <DtTm>2014-12-31T13:15:00+01:00</DtTm>
 * //=> Ok('2014-12-31')
 */
export function readDate(
  ctx: CamtContext,
  c: XCursor | undefined,
): Result<string | undefined, ReceivablesError> {
  if (!c) return ok(undefined);
  const dt = textAt(c, 'Dt');
  const dtTm = textAt(c, 'DtTm');
  const raw = dt ?? dtTm;
  if (raw === undefined) return ok(undefined);
  const date = dt ?? raw.slice(0, 10);
  if (isIsoDate(date) && (dt !== undefined || /^\d{4}-\d{2}-\d{2}T/.test(raw))) return ok(date);
  return failAt(ctx.format, `invalid date ${JSON.stringify(raw)}`, placeOf(ctx.doc, c));
}

/**
 * A party's name: `Nm` directly (02-07) or under `Pty` (08 and later).
 *
 * @example
 * partyName(dbtr) // <Dbtr><Pty><Nm>NAME NAME</Nm></Pty></Dbtr>
 * //=> 'NAME NAME'
 */
export function partyName(party: XCursor | undefined): string | undefined {
  if (!party) return undefined;
  return textAt(party, 'Nm') ?? textAt(party, 'Pty', 'Nm');
}

/**
 * An account's IBAN, else its other id.
 *
 * @example
 * accountId(dbtrAcct) // <Id><IBAN>NL56AGDH9619008421</IBAN></Id>
 * //=> 'NL56AGDH9619008421'
 */
export function accountId(account: XCursor | undefined): string | undefined {
  if (!account) return undefined;
  return textAt(account, 'Id', 'IBAN') ?? textAt(account, 'Id', 'Othr', 'Id');
}

/**
 * A financial institution's BIC (`BIC` in 02, `BICFI` from 04).
 *
 * @example
 * agentBic(dbtrAgt) // <FinInstnId><BICFI>POFICHBEXXX</BICFI></FinInstnId>
 * //=> 'POFICHBEXXX'
 */
export function agentBic(agent: XCursor | undefined): string | undefined {
  if (!agent) return undefined;
  return textAt(agent, 'FinInstnId', 'BIC') ?? textAt(agent, 'FinInstnId', 'BICFI');
}

/**
 * `Domn/Cd` + `Fmly/Cd` + `Fmly/SubFmlyCd` as `PMNT/RCDT/ESCT`, and the proprietary code.
 *
 * @example
 * transactionCode(bkTxCd)
 * //=> { domain: 'PMNT/RCDT/ESCT', proprietary: 'ET' }
 */
export function transactionCode(code: XCursor | undefined): {
  domain?: string;
  proprietary?: string;
} {
  if (!code) return {};
  const parts = [
    textAt(code, 'Domn', 'Cd'),
    textAt(code, 'Domn', 'Fmly', 'Cd'),
    textAt(code, 'Domn', 'Fmly', 'SubFmlyCd'),
  ];
  const domain = parts.every((p) => p !== undefined) ? parts.join('/') : undefined;
  const proprietary = textAt(code, 'Prtry', 'Cd');
  return { ...(domain ? { domain } : {}), ...(proprietary ? { proprietary } : {}) };
}
