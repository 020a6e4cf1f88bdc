/**
 * Safe reading of e-invoice XML with fast-xml-parser. A document that declares a
 * DOCTYPE or an ENTITY is refused before parsing (`unsafe_input`), which rules out
 * external entities and expansion bombs; the parser's own entity handling is off and
 * only the five predefined entities and character references are decoded, in
 * {@link text}. Namespace prefixes are dropped: UBL and CII element names do not
 * clash within one document.
 *
 * @module
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { err, ok, type Result } from 'neverthrow';
import { type ReceivablesError, receivablesError } from '../errors/index.js';

/** A parsed element: child elements by local name (always arrays), text and attributes. */
export type XmlNode = { readonly [name: string]: unknown };

/** Options of the e-invoice readers. */
export interface ReadEInvoiceOptions {
  /** Largest document accepted, in characters; 32 MiB by default (attachments are inline). */
  readonly maxLength?: number;
}

const DEFAULT_MAX_LENGTH = 32 * 1024 * 1024;
const ENTITY = /&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|amp|lt|gt|quot|apos);/g;
const PREDEFINED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

function decode(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(ENTITY, (whole, name: string) => {
    if (!name.startsWith('#')) return PREDEFINED[name] ?? whole;
    const code = name[1] === 'x' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Parses an XML document, refusing DTDs and entities; returns its root elements. */
export function parseXml(
  xml: string,
  options: ReadEInvoiceOptions = {},
): Result<XmlNode, ReceivablesError> {
  const limit = options.maxLength ?? DEFAULT_MAX_LENGTH;
  if (xml.length > limit) {
    const details = { limit: `${limit} characters`, actual: `${xml.length} characters` };
    return err(receivablesError('input_too_large', details));
  }
  const declaration = /<!(DOCTYPE|ENTITY)/i.exec(xml);
  if (declaration) {
    const what = declaration[1]!.toUpperCase();
    const reason = `the document declares a ${what}; DTDs and entities are refused`;
    return err(receivablesError('unsafe_input', { reason }));
  }
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const details = { format: 'XML', reason: valid.err.msg, line: valid.err.line };
    return err(receivablesError('parse_error', details));
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    processEntities: false,
    htmlEntities: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    alwaysCreateTextNode: true,
    isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
  });
  return ok(parser.parse(xml) as XmlNode);
}

/** The child elements of a name (empty when there are none). */
export function children(node: XmlNode | undefined, name: string): XmlNode[] {
  const value = node?.[name];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

/** The first element along a path of child names. */
export function child(node: XmlNode | undefined, ...names: string[]): XmlNode | undefined {
  let current = node;
  for (const name of names) current = children(current, name)[0];
  return current;
}

/** The trimmed text of the first element along a path, or undefined when absent or empty. */
export function text(node: XmlNode | undefined, ...names: string[]): string | undefined {
  const value = child(node, ...names)?.['#text'];
  if (typeof value !== 'string') return undefined;
  const trimmed = decode(value.trim());
  return trimmed === '' ? undefined : trimmed;
}

/** An attribute of an element. */
export function attribute(node: XmlNode | undefined, name: string): string | undefined {
  const value = node?.[`@${name}`];
  return typeof value === 'string' ? value : undefined;
}

const XS_DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/**
 * The text of a numeric element in the plain form the invoice model reads. XML
 * Schema decimals may be written `+5`, `100.` or `.5`; these become `5`, `100` and
 * `0.5`. Anything else is returned unchanged, for the schema to report.
 */
export function decimal(node: XmlNode | undefined, ...names: string[]): string | undefined {
  const value = text(node, ...names);
  const m = value === undefined ? null : XS_DECIMAL.exec(value);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return value;
  const sign = m[1] === '-' ? '-' : '';
  const fraction = m[3] ? `.${m[3]}` : '';
  return `${sign}${m[2] || '0'}${fraction}`;
}
