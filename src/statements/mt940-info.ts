/**
 * SWIFT MT940 field 86 (information to the account owner) in the structured
 * layouts banks use, else as free text.
 *
 * German (DFÜ-Abkommen / DK): a 3-digit business transaction code (GVC), then
 * `?NN` sub-fields: `?00` booking text, `?10` primanota, `?20`-`?29` and `?60`-`?63`
 * purpose (joined without separator, as they are cut at 27 characters), `?30` bank
 * code or BIC, `?31` account or IBAN, `?32`-`?33` name, `?34` return code, `?38`
 * IBAN. Inside the purpose the SEPA keywords `EREF+`, `KREF+`, `MREF+`, `CRED+`,
 * `SVWZ+`... split it; the remittance text is `SVWZ+` where given, else the purpose.
 *
 * Dutch (ING, ABN AMRO, Rabobank SEPA layout): `/TAG/value` pairs such as `/EREF/`,
 * `/NAME/`, `/IBAN/`, `/BIC/`, `/REMI/` (with `USTD//` or `STRD/CUR/`), `/MARF/`,
 * `/RTRN/` and ING's `/CNTP/iban/bic/name/city/`.
 *
 * @module
 */
import { structuredReference } from './references.js';
import type { BankTransaction } from './types.js';

/** What field 86 contributes to a transaction. */
export type InfoFields = Partial<
  Pick<
    BankTransaction,
    | 'counterpartyName'
    | 'counterpartyAccount'
    | 'counterpartyBic'
    | 'remittanceText'
    | 'structuredReference'
    | 'endToEndId'
    | 'mandateId'
    | 'bankTransactionCode'
    | 'returnReason'
  >
> & { readonly returned?: boolean };

const SEPA_KEYS = /(EREF|KREF|MREF|CRED|DEBT|SVWZ|ABWA|ABWE|IBAN|BIC|COAM|OAMT|SQTP|PURP)\+/g;
const DUTCH_TAGS =
  /\/(TRTP|IBAN|BIC|NAME|REMI|EREF|MARF|CSID|CNTP|ORDP|BENM|ULTD|ULTC|ULTB|PURP|RTRN|ISDT|SVCL)\//g;
const BIC = /^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/;

function compact<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(o).filter(([, v]) => v !== undefined && v !== ''),
  ) as Partial<T>;
}

function endToEnd(value: string | undefined): string | undefined {
  return value && value.toUpperCase() !== 'NOTPROVIDED' ? value : undefined;
}

/** Splits `KEY+value` segments of a German purpose text. */
function sepaSegments(purpose: string): Map<string, string> {
  const found = [...purpose.matchAll(SEPA_KEYS)];
  const segments = new Map<string, string>();
  found.forEach((m, i) => {
    const start = (m.index ?? 0) + m[0].length;
    const end = found[i + 1]?.index ?? purpose.length;
    if (!segments.has(m[1] as string))
      segments.set(m[1] as string, purpose.slice(start, end).trim());
  });
  return segments;
}

function german(text: string): InfoFields | undefined {
  const m = /^(\d{3})\?/.exec(text);
  if (!m) return undefined;
  const fields = new Map<number, string>();
  const parts = text.slice(3).split(/\?(\d{2})/);
  for (let i = 1; i + 1 < parts.length; i += 2) {
    const key = Number(parts[i]);
    fields.set(key, (fields.get(key) ?? '') + (parts[i + 1] ?? ''));
  }
  const join = (keys: number[]) => keys.map((k) => fields.get(k) ?? '').join('');
  const purpose = join([20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 60, 61, 62, 63]).trim();
  const sepa = sepaSegments(purpose);
  const bank = fields.get(30)?.trim();
  const svwz = sepa.get('SVWZ');
  const bookingText = fields.get(0) ?? '';
  return compact({
    bankTransactionCode: m[1],
    remittanceText: svwz ?? (purpose || undefined),
    endToEndId: endToEnd(sepa.get('EREF')),
    mandateId: sepa.get('MREF'),
    counterpartyBic: bank && BIC.test(bank) ? bank : undefined,
    counterpartyAccount: (fields.get(38) ?? fields.get(31))?.trim(),
    counterpartyName: join([32, 33]).trim(),
    returnReason: fields.get(34)?.trim(),
    returned: m[1] === '159' || /RETOURE|R(UE|Ü)CK/i.test(bookingText) || undefined,
    structuredReference:
      svwz && /^RF\d{2}[0-9A-Z]{1,21}$/i.test(svwz.replace(/\s+/g, ''))
        ? structuredReference(svwz, {})
        : undefined,
  });
}

function remittance(remi: string): Pick<InfoFields, 'remittanceText' | 'structuredReference'> {
  const strd = /^STRD\/(?:CUR|ISO|[A-Z]{3})\/([^/]+)/.exec(remi);
  if (strd) return { structuredReference: structuredReference(strd[1] as string, {}) };
  const text = remi
    .replace(/^USTD\/\//, '')
    .replace(/\/+$/, '')
    .trim();
  return text ? { remittanceText: text } : {};
}

function dutch(text: string): InfoFields | undefined {
  const found = [...text.matchAll(DUTCH_TAGS)];
  if (found.length === 0 || (found[0]?.index ?? 1) > 0) return undefined;
  const tags = new Map<string, string>();
  found.forEach((m, i) => {
    const start = (m.index ?? 0) + m[0].length;
    const end = found[i + 1]?.index ?? text.length;
    tags.set(m[1] as string, text.slice(start, end).replace(/\/+$/, '').trim());
  });
  const cntp = tags.get('CNTP')?.split('/');
  return compact({
    counterpartyName: tags.get('NAME') ?? cntp?.[2],
    counterpartyAccount: tags.get('IBAN') ?? cntp?.[0],
    counterpartyBic: tags.get('BIC') ?? cntp?.[1],
    endToEndId: endToEnd(tags.get('EREF')),
    mandateId: tags.get('MARF'),
    returnReason: tags.get('RTRN'),
    returned: tags.has('RTRN') || undefined,
    ...remittance(tags.get('REMI') ?? ''),
  });
}

/**
 * Reads field 86: German `?`-structured or Dutch `/TAG/`-structured where it is,
 * else the whole text is the remittance text.
 *
 * @example
 * readInformation('166?00GUTSCHRIFT?20SVWZ+INV 17?32ACME GMBH').counterpartyName
 * //=> 'ACME GMBH'
 */
export function readInformation(text: string): InfoFields {
  const trimmed = text.trim();
  const structured = german(trimmed) ?? dutch(trimmed);
  if (structured) return structured;
  return trimmed ? { remittanceText: trimmed.replace(/\s+/g, ' ') } : {};
}
