/**
 * One camt `TxDtls` block read into the fields of a {@link BankTransaction}:
 * references (EndToEndId without the `NOTPROVIDED` placeholder, InstrId, MndtId,
 * AcctSvcrRef, UETR), the counterparty (the debtor of a credit, the creditor of a
 * debit) with account and bank, remittance information (`Ustrd` lines joined with a
 * space, every `Strd/CdtrRefInf` reference with its scheme) and the return reason.
 *
 * @module
 */
import { ok, type Result } from 'neverthrow';
import type { ReceivablesError } from '../errors/index.js';
import {
  accountId,
  agentBic,
  type CamtAmount,
  type CamtContext,
  partyName,
  readAmount,
} from './camt-fields.js';
import { structuredReference } from './references.js';
import type { BankTransaction, StructuredReference } from './types.js';
import { kid, kids, textAt, textOf, type XCursor } from './xml.js';

/** The fields one `TxDtls` contributes, and the amount it states (if any). */
export interface DetailFields {
  readonly fields: Partial<BankTransaction>;
  readonly stated?: CamtAmount;
  readonly direction?: 'credit' | 'debit';
  readonly bankReference?: string;
}

function defined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function references(rmt: XCursor | undefined): StructuredReference[] {
  if (!rmt) return [];
  return kids(rmt, 'Strd').flatMap((strd) =>
    kids(strd, 'CdtrRefInf').flatMap((inf) => {
      const ref = textAt(inf, 'Ref');
      if (ref === undefined) return [];
      const hint = {
        code: textAt(inf, 'Tp', 'CdOrPrtry', 'Cd'),
        proprietary: textAt(inf, 'Tp', 'CdOrPrtry', 'Prtry'),
        issuer: textAt(inf, 'Tp', 'Issr'),
      };
      return [structuredReference(ref, hint)];
    }),
  );
}

/**
 * Reads one `TxDtls`; `entryDirection` decides which party is the counterparty.
 *
 * @example
 * readDetails(ctx, txDtls, 'credit').map((d) => d.fields.counterpartyName)
 * //=> Ok('Acme GmbH')
 */
export function readDetails(
  ctx: CamtContext,
  tx: XCursor,
  entryDirection: 'credit' | 'debit',
): Result<DetailFields, ReceivablesError> {
  const stated = readAmount(ctx, kid(tx, 'Amt') ?? kid(tx, 'AmtDtls', 'TxAmt', 'Amt'));
  if (stated.isErr()) return stated.map(() => ({ fields: {} }));
  const indicator = textAt(tx, 'CdtDbtInd');
  const direction = indicator === 'CRDT' ? 'credit' : indicator === 'DBIT' ? 'debit' : undefined;

  const parties = kid(tx, 'RltdPties');
  const agents = kid(tx, 'RltdAgts');
  const debtorName = parties && partyName(kid(parties, 'Dbtr'));
  const creditorName = parties && partyName(kid(parties, 'Cdtr'));
  const credit = (direction ?? entryDirection) === 'credit';
  const account = parties && accountId(kid(parties, credit ? 'DbtrAcct' : 'CdtrAcct'));
  const bic = agents && agentBic(kid(agents, credit ? 'DbtrAgt' : 'CdtrAgt'));

  const rmt = kid(tx, 'RmtInf');
  const lines = rmt ? kids(rmt, 'Ustrd').flatMap((u) => textOf(u) ?? []) : [];
  const refs = references(rmt);
  const endToEnd = textAt(tx, 'Refs', 'EndToEndId');

  const fields = defined({
    counterpartyName: credit ? debtorName : creditorName,
    counterpartyAccount: account,
    counterpartyBic: bic,
    debtorName,
    creditorName,
    remittanceText: lines.length > 0 ? lines.join(' ') : undefined,
    structuredReference: refs[0],
    structuredReferences: refs.length > 1 ? refs : undefined,
    endToEndId: endToEnd && endToEnd.toUpperCase() !== 'NOTPROVIDED' ? endToEnd : undefined,
    instructionId: textAt(tx, 'Refs', 'InstrId'),
    mandateId: textAt(tx, 'Refs', 'MndtId'),
    uetr: textAt(tx, 'Refs', 'UETR'),
    returnReason: textAt(tx, 'RtrInf', 'Rsn', 'Cd') ?? textAt(tx, 'RtrInf', 'Rsn', 'Prtry'),
    additionalInfo: textAt(tx, 'AddtlTxInf'),
  });
  const bankReference = textAt(tx, 'Refs', 'AcctSvcrRef');
  return ok({
    fields,
    ...(stated.value ? { stated: stated.value } : {}),
    ...(direction ? { direction } : {}),
    ...(bankReference ? { bankReference } : {}),
  });
}
