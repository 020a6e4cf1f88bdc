/**
 * Reads an EN 16931 e-invoice, UBL 2.1 or UN/CEFACT CII, detected by its root element.
 *
 * @module
 */
import { err, ok, type Result } from 'neverthrow';
import { fromZodError, type ReceivablesError, receivablesError } from '../errors/index.js';
import { isPlainDecimal } from '../invoice/guard.js';
import { invoiceInputSchema } from '../invoice/schema.js';
import type { ExemptionReason } from '../invoice/types.js';
import { readCii } from './cii.js';
import type { EInvoice, EInvoiceSyntax, StatedTotals } from './types.js';
import { defined, type RawAllowanceCharge, type RawDocument, readUbl } from './ubl.js';
import { parseXml, type XmlNode } from './xml.js';
import { documentText, type ReadEInvoiceOptions } from './xml-input.js';
import type { ScanNames } from './xml-scan.js';

export type { ReadEInvoiceOptions } from './xml-input.js';

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

interface RootKind {
  readonly syntax: EInvoiceSyntax;
  /** The namespace the root element must be in. */
  readonly namespace: string;
  readonly read: (root: XmlNode) => RawDocument;
}

const ROOTS: Readonly<Record<string, RootKind>> = {
  Invoice: {
    syntax: 'UBL',
    namespace: 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2',
    read: (root) => readUbl(root, false),
  },
  CreditNote: {
    syntax: 'UBL',
    namespace: 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2',
    read: (root) => readUbl(root, true),
  },
  CrossIndustryInvoice: {
    syntax: 'CII',
    namespace: 'urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100',
    read: readCii,
  },
};

const NAMES: ScanNames = {
  lines: new Set(['InvoiceLine', 'CreditNoteLine', 'IncludedSupplyChainTradeLineItem']),
  binary: new Set(['EmbeddedDocumentBinaryObject', 'AttachmentBinaryObject']),
};

/** Business terms of the stated totals, for error messages. */
const TOTAL_TERMS: Readonly<Record<string, string>> = {
  lineExtensionAmount: 'BT-106',
  allowanceTotalAmount: 'BT-107',
  chargeTotalAmount: 'BT-108',
  taxExclusiveAmount: 'BT-109',
  taxAmount: 'BT-110',
  taxInclusiveAmount: 'BT-112',
  prepaidAmount: 'BT-113',
  payableRoundingAmount: 'BT-114',
  amountDue: 'BT-115',
};

/** Every stated amount and rate must be a decimal number: the checks compute with them. */
function checkStated(raw: RawDocument): Result<true, ReceivablesError> {
  const bad = (value: string, term: string, path: readonly (string | number)[]) => {
    const reason = `${term} must be a decimal number such as 100.00`;
    const code = term === 'BT-119' ? 'invalid_number' : 'invalid_amount';
    return err(receivablesError(code, { input: value, reason }, path));
  };
  for (const [field, term] of Object.entries(TOTAL_TERMS)) {
    const value = raw.stated[field as keyof Omit<StatedTotals, 'vatBreakdown'>];
    if (value !== undefined && !isPlainDecimal(value))
      return bad(value, term, raw.statedPath(field));
  }
  for (const [i, b] of raw.stated.vatBreakdown.entries()) {
    for (const [field, term] of [
      ['taxableAmount', 'BT-116'],
      ['taxAmount', 'BT-117'],
      ['vatRatePercent', 'BT-119'],
    ] as const) {
      const value = b[field];
      if (value !== undefined && !isPlainDecimal(value)) {
        return bad(value, term, raw.statedPath(field, i));
      }
    }
  }
  return ok(true);
}

/**
 * Reads a UBL 2.1 Invoice or CreditNote, or a CII CrossIndustryInvoice: the invoice
 * as calculation input (each line at its stated net amount BT-131, with quantity and
 * price kept for a line check) and the totals and VAT breakdown the document states.
 * Never throws: a DOCTYPE or ENTITY declaration is `unsafe_input`; malformed XML
 * (an undeclared entity, a second root) is `parse_error`; a root element outside the
 * UBL 2.1 or CII D16B namespace is `unsupported_format`; a document past the limits
 * of {@link ReadEInvoiceOptions} is `input_too_large`; a stated total, tax or rate
 * that is not a decimal number is `invalid_amount` / `invalid_number` at its element
 * path, so that `checkStatedTotals` can compute with every figure it is given.
 *
 * @param xml - the document text, or its bytes in UTF-8
 * @param options - size limits
 *
 * @example
 * readEInvoice('<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"/>')
 *   .mapErr((e) => e.code)
 * //=> Err('invalid_input')
 */
export function readEInvoice(
  xml: string | Uint8Array,
  options: ReadEInvoiceOptions = {},
): Result<EInvoice, ReceivablesError> {
  const source = documentText(xml, options);
  if (source.isErr()) return err(source.error);
  const parsed = parseXml(source.value, options, NAMES);
  if (parsed.isErr()) return err(parsed.error);
  const { name, namespace, root } = parsed.value;
  const kind = Object.hasOwn(ROOTS, name) ? ROOTS[name] : undefined;
  if (kind === undefined) {
    const expected = 'a UBL Invoice or CreditNote or a CII CrossIndustryInvoice';
    return err(
      receivablesError('unsupported_format', { reason: `expected ${expected}, found ${name}` }),
    );
  }
  if (namespace !== kind.namespace) {
    const found = namespace === undefined ? 'in no namespace' : `in the namespace ${namespace}`;
    const reason = `the root element ${name} is ${found}; expected ${kind.namespace}`;
    return err(receivablesError('unsupported_format', { reason }));
  }
  const raw = kind.read(root);
  const stated = checkStated(raw);
  if (stated.isErr()) return err(stated.error);
  const input = invoiceInputSchema.safeParse(toInput(raw));
  if (!input.success) return err(fromZodError(input.error));
  return ok({ syntax: kind.syntax, document: name, input: input.data, stated: raw.stated });
}
