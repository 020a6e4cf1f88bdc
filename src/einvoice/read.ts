/**
 * Reads an EN 16931 e-invoice, UBL 2.1 or UN/CEFACT CII, detected by its root element.
 *
 * @module
 */
import { err, ok, type Result } from 'neverthrow';
import { fromZodError, type ReceivablesError, receivablesError } from '../errors/index.js';
import { invoiceInputSchema } from '../invoice/schema.js';
import type { ExemptionReason } from '../invoice/types.js';
import { readCii } from './cii.js';
import type { EInvoice } from './types.js';
import { defined, type RawAllowanceCharge, type RawDocument, readUbl } from './ubl.js';
import { parseXml, type ReadEInvoiceOptions, type XmlNode } from './xml.js';

export type { ReadEInvoiceOptions } from './xml.js';

function documentItem(a: RawAllowanceCharge) {
  return defined({
    amount: a.amount,
    percent: a.percent,
    baseAmount: a.baseAmount,
    reason: a.reason,
    reasonCode: a.reasonCode,
    vatCategory: a.vatCategory,
    vatRatePercent: a.vatRatePercent,
  });
}

function toInput(raw: RawDocument): Record<string, unknown> {
  const exemptionReasons: Record<string, ExemptionReason> = {};
  for (const b of raw.stated.vatBreakdown) {
    if (b.exemptionReason && exemptionReasons[b.vatCategory] === undefined) {
      exemptionReasons[b.vatCategory] = b.exemptionReason;
    }
  }
  const lines = raw.lines.map((l) =>
    Object.fromEntries(Object.entries(l).filter(([, v]) => !(Array.isArray(v) && v.length === 0))),
  );
  return defined({
    id: raw.id,
    number: raw.id,
    issueDate: raw.issueDate,
    typeCode: raw.typeCode,
    currency: raw.currency,
    lines,
    allowances: raw.allowancesCharges.filter((a) => !a.charge).map(documentItem),
    charges: raw.allowancesCharges.filter((a) => a.charge).map(documentItem),
    prepaidAmount: raw.stated.prepaidAmount,
    exemptionReasons,
  });
}

const ROOTS: Readonly<Record<string, (root: XmlNode) => RawDocument>> = {
  Invoice: (root) => readUbl(root, false),
  CreditNote: (root) => readUbl(root, true),
  CrossIndustryInvoice: readCii,
};

/**
 * Reads a UBL 2.1 Invoice or CreditNote, or a CII CrossIndustryInvoice: the invoice
 * as calculation input (each line at its stated net amount BT-131, with quantity and
 * price kept for a line check) and the totals and VAT breakdown the document states.
 * A DOCTYPE or ENTITY declaration is refused as `unsafe_input`.
 *
 * @param xml - the document text
 *
 * @example
 * readEInvoice('<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"/>')
 *   .mapErr((e) => e.code)
 * //=> Err('invalid_input')
 */
export function readEInvoice(
  xml: string,
  options: ReadEInvoiceOptions = {},
): Result<EInvoice, ReceivablesError> {
  const parsed = parseXml(xml, options);
  if (parsed.isErr()) return err(parsed.error);
  const name = Object.keys(parsed.value).find((k) => Object.hasOwn(ROOTS, k));
  if (name === undefined) {
    const found = Object.keys(parsed.value).join(', ') || 'nothing';
    const expected = 'a UBL Invoice or CreditNote or a CII CrossIndustryInvoice';
    const reason = `expected ${expected}, found ${found}`;
    return err(receivablesError('unsupported_format', { reason }));
  }
  const root = (parsed.value[name] as XmlNode[])[0]!;
  const raw = ROOTS[name]!(root);
  const input = invoiceInputSchema.safeParse(toInput(raw));
  if (!input.success) return err(fromZodError(input.error));
  return ok({
    syntax: name === 'CrossIndustryInvoice' ? 'CII' : 'UBL',
    document: name,
    input: input.data,
    stated: raw.stated,
  });
}
