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

/** SWIFT's line width: a field's lines are cut at 65 characters. */
const WRAP = 65;

/**
 * The lines of one `:86:` joined. Structured texts (German `166?20...`, Dutch
 * `/TAG/...`) are cut anywhere and joined without separator. In free text a line
 * exactly 65 characters long (the first counts its `:86:` tag) was cut by the wrap:
 * no separator; a shorter line ended where the writer ended it: joined with a space.
 */
function joinLines(text: string): string {
  const lines = text.split(/\r?\n/);
  if (/^\s*(\d{3}\?|\/)/.test(text)) return lines.join('').trim();
  let joined = lines[0] as string;
  for (let i = 1; i < lines.length; i++) {
    const previous = (lines[i - 1] as string).length + (i === 1 ? 4 : 0);
    joined += `${previous >= WRAP ? '' : ' '}${lines[i]}`;
  }
  return joined.trim();
}

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

  const texts = raw.info.map(joinLines).filter((t) => t !== '');
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
