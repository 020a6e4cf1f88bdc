/**
 * What a transaction says about which invoices it pays: its structured reference,
 * references and invoice numbers written in the remittance text (or end-to-end
 * id), each turned into a signal on the open items it names.
 *
 * @module
 */
import type { BankTransaction } from '../statements/types.js';
import { type Book, itemLabel, numberLabel, referenceKey } from './book.js';
import { findInvoiceNumbers, valuesOf } from './numbers.js';
import type { MatchingPolicy } from './policy.js';
import type { MatchSignal } from './types.js';

/** Evidence per item index, and signals about the transaction as a whole. */
export interface TextEvidence {
  readonly byItem: ReadonlyMap<number, MatchSignal>;
  readonly general: readonly MatchSignal[];
}

const label = (book: Book, i: number) => itemLabel(book.items[i]!.source);
const numberOf = (book: Book, i: number) => numberLabel(book.items[i]!.source);

/**
 * Instalment ids written in the text ('INV-1004/2'), each the instalment itself, not
 * a typo of its invoice number; returns them and the text without them.
 */
function instalmentIds(book: Book, text: string): { found: Map<number, string>; rest: string } {
  const found = new Map<number, string>();
  if (book.byInstalmentId.size === 0) return { found, rest: text };
  const rest = text
    .split(/\s+/)
    .map((token) => {
      const written = token.replace(/^[("']+|[)"'.,;:]+$/g, '');
      const item = book.byInstalmentId.get(written.toUpperCase());
      if (item === undefined) return token;
      if (!found.has(item)) found.set(item, written);
      return '';
    })
    .join(' ');
  return { found, rest };
}

function keep(byItem: Map<number, MatchSignal>, item: number, signal: MatchSignal): void {
  const old = byItem.get(item);
  if (old === undefined || signal.weight > old.weight) byItem.set(item, signal);
}

/** References in free text: `RF..` spans and digit spans (Belgian, QR, KID...). */
function textReferences(book: Book, text: string): Map<number, string> {
  const found = new Map<number, string>();
  const tokens = text.toUpperCase().split(/\s+/).filter(Boolean);
  for (let i = 0; i < tokens.length; i += 1) {
    const first = tokens[i]!;
    if (!/^(RF\d\d|[+*]{0,3}\d)/.test(first)) continue;
    let written = '';
    for (let j = i; j < tokens.length && j < i + 7; j += 1) {
      written = written === '' ? tokens[j]! : `${written} ${tokens[j]}`;
      if (written.replace(/\s/g, '').length > 34) break;
      for (const item of valuesOf(book.byReference, referenceKey(written))) {
        if (!found.has(item)) found.set(item, written);
      }
    }
  }
  return found;
}

/**
 * Reads references and invoice numbers out of a transaction.
 *
 * @example
 * gatherEvidence(book, { ...tx, remittanceText: 'INV-7' }, policy).byItem.size
 * //=> 1
 */
export function gatherEvidence(
  book: Book,
  tx: BankTransaction,
  policy: MatchingPolicy,
): TextEvidence {
  const w = policy.weights;
  const byItem = new Map<number, MatchSignal>();
  const general: MatchSignal[] = [];
  const texts: string[] = [];
  const sr = tx.structuredReference;
  if (sr?.valid) {
    for (const item of valuesOf(book.byReference, referenceKey(sr.value))) {
      const detail = `reference ${sr.value} is the payment reference of ${label(book, item)}`;
      keep(byItem, item, { code: 'reference_exact', weight: w.referenceExact, detail });
    }
  }
  if (sr !== undefined && !sr.valid) {
    const detail = `reference ${sr.value} fails its ${sr.scheme} check digits; read as text`;
    general.push({ code: 'reference_invalid', weight: 0, detail });
  }
  if (sr !== undefined && byItem.size === 0) texts.push(sr.value);
  if (tx.remittanceText !== undefined) texts.push(tx.remittanceText);
  if (tx.endToEndId !== undefined && !/^NOTPROVIDED$/i.test(tx.endToEndId)) {
    texts.push(tx.endToEndId);
  }
  const text = texts.join(' ');
  for (const [item, written] of textReferences(book, text)) {
    const detail =
      `reference ${written} in the text is the` + ` payment reference of ${label(book, item)}`;
    keep(byItem, item, { code: 'reference_exact', weight: w.referenceExact, detail });
  }
  const own = instalmentIds(book, text);
  for (const [item, written] of own.found) {
    const detail = `'${written}' in the text is ${label(book, item)}`;
    keep(byItem, item, { code: 'invoice_number', weight: w.invoiceNumber, detail });
  }
  for (const hit of findInvoiceNumbers(book.numbers, own.rest)) {
    const name = numberOf(book, hit.item);
    const signal: MatchSignal =
      hit.kind === 'exact'
        ? {
            code: 'invoice_number',
            weight: w.invoiceNumber,
            detail: `${name} in the text`,
          }
        : hit.kind === 'loose'
          ? {
              code: 'invoice_number_loose',
              weight: w.invoiceNumberLoose,
              detail: `'${hit.written}' in the text reads as ${name}`,
            }
          : {
              code: 'invoice_number_typo',
              weight: w.invoiceNumberTypo,
              detail: `'${hit.written}' in the text is one edit away from ${name}`,
            };
    keep(byItem, hit.item, signal);
  }
  return { byItem, general };
}
