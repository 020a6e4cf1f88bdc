/**
 * One MT940 entry (`:61:` and its `:86:` fields) into a transaction. The id is the
 * bank reference after `//` (unless `NONREF`), else the statement id and position.
 * The old Rabobank layout writes the counter account and name into the customer
 * reference (`0121470966      W.P. Jansen`); a reference longer than the 16
 * characters SWIFT allows is read that way.
 *
 * @module
 */
import type { CurrencyRegistry } from '../money/currency.js';
import type { DraftTransaction } from './assemble.js';
import { readInformation } from './mt940-info.js';
import { readStatementLine } from './mt940-line.js';

/** An entry as the field splitter found it. */
export interface RawEntry {
  readonly line: number;
  readonly value: string;
  readonly info: string[];
}

const MAX_LINE = 1000;

function rabobankParty(reference: string): { account?: string; name?: string } {
  if (reference.length <= 16 || reference.slice(16).trim() === '') return {};
  const account = reference.slice(0, 16).trim();
  const name = reference.slice(16).trim();
  return /^(NONREF|P\d+)$/.test(account) ? { name } : { account, name };
}

/**
 * Builds the transaction of an entry; a string says what is wrong.
 *
 * @example
 * const entry = { line: 5, value: '240102C1,00NTRFNONREF//B-1', info: [] };
 * (buildEntry(entry, 'S', 1, 'EUR') as DraftTransaction).id
 * //=> 'B-1'
 */
export function buildEntry(
  raw: RawEntry,
  statementId: string,
  position: number,
  currency: string,
  registry?: CurrencyRegistry,
): DraftTransaction | string {
  if (raw.value.length > MAX_LINE) return 'statement line :61: is too long';
  const line = readStatementLine(raw.value, currency, registry);
  if (typeof line === 'string') return line;

  // Within one :86: the line breaks are SWIFT's 65-column cut; separate :86: are separate texts.
  const texts = raw.info.map((t) => t.replace(/\r?\n/g, '').trim()).filter((t) => t !== '');
  const additionalInfo = texts.join(' ');
  const { returned, ...info } = readInformation(
    texts.length === 1 ? (texts[0] as string) : additionalInfo,
  );
  const party = rabobankParty(line.customerReference);
  const bankReference =
    line.bankReference && line.bankReference !== 'NONREF' ? line.bankReference : undefined;
  const customerReference =
    line.customerReference !== 'NONREF' ? line.customerReference : undefined;

  return {
    ...(bankReference ? { id: bankReference } : {}),
    position: String(position),
    statementId,
    bookingDate: line.entryDate,
    valueDate: line.valueDate,
    amount: line.amount,
    currency,
    direction: line.direction,
    reversal: line.reversal || returned === true,
    ...(party.name ? { counterpartyName: party.name } : {}),
    ...(party.account ? { counterpartyAccount: party.account } : {}),
    bankTransactionCode: line.transactionType,
    ...info,
    source: `line ${raw.line}`,
    ...(bankReference ? { bankReference } : {}),
    ...(customerReference ? { customerReference } : {}),
    proprietaryCode: line.transactionType,
    ...(additionalInfo ? { additionalInfo } : {}),
    ...(line.supplementary ? { entryInfo: line.supplementary } : {}),
    ...(line.fundsCode ? { fundsType: line.fundsCode } : {}),
  };
}
