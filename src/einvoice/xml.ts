/**
 * Safe reading of e-invoice XML with fast-xml-parser. A document that declares a
 * DOCTYPE or an ENTITY is refused before parsing (`unsafe_input`), which rules out
 * external entities and expansion bombs; the parser's own entity handling is off and
 * only the five predefined entities and character references are decoded, in
 * {@link text}; any other reference is a `parse_error`. Before the parser runs, one
 * pass (`xml-scan.ts`) refuses what would make it slow (`input_too_large`): too deep,
 * too many tags or lines, a text or tag too long. Whatever the parser throws becomes
 * a typed error. Namespace prefixes are dropped: UBL and CII element names do not
 * clash within one document; the root element's namespace is kept for the reader.
 *
 * @module
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { err, ok, type Result } from 'neverthrow';
import { type ReceivablesError, receivablesError } from '../errors/index.js';
import {
  checkLimits,
  DEFAULT_MAX_LENGTH,
  MAX_DEPTH,
  type ReadEInvoiceOptions,
  tooLarge,
} from './xml-input.js';
import type { ScanNames } from './xml-scan.js';

export type { ReadEInvoiceOptions } from './xml-input.js';

/** A parsed element: child elements by local name (always arrays), text and attributes. */
export type XmlNode = { readonly [name: string]: unknown };

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

/** A parsed document: its root element's local name and namespace, and its content. */
export interface XmlDocument {
  readonly name: string;
  /** The namespace URI of the root element; undefined when it has none. */
  readonly namespace?: string;
  readonly root: XmlNode;
}

/** The 1-based line of a character offset. */
function lineOf(xml: string, offset: number): number {
  let line = 1;
  for (let i = xml.indexOf('\n'); i >= 0 && i < offset; i = xml.indexOf('\n', i + 1)) line += 1;
  return line;
}

const parseError = (reason: string, line?: number) =>
  err(
    receivablesError('parse_error', {
      format: 'XML',
      reason,
      ...(line === undefined ? {} : { line }),
    }),
  );

/** The root start tag's local name and namespace URI, from its raw text. */
function rootOf(tag: string): { name: string; namespace?: string } {
  const qname = /^<([^\s/>]+)/.exec(tag)?.[1] ?? '';
  const colon = qname.indexOf(':');
  const name = qname.slice(colon + 1);
  const declaration = colon < 0 ? 'xmlns' : `xmlns:${qname.slice(0, colon)}`;
  for (const m of tag.matchAll(/\s([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    if (m[1] === declaration) return { name, namespace: decode(m[2] ?? m[3] ?? '') };
  }
  return { name };
}

/** A parser exception as a typed error: whatever fast-xml-parser throws. */
function parserFailure(thrown: unknown): ReceivablesError {
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  if (message.includes('Maximum nested tags')) {
    const limit = `${MAX_DEPTH} nested elements`;
    return receivablesError('input_too_large', { limit, actual: `more than ${limit}` });
  }
  const reserved = /^\[SECURITY\][^"]*"([^"]*)"/.exec(message);
  if (reserved) {
    const reason = `the name "${reserved[1]}" is refused: it would alter JavaScript objects`;
    return receivablesError('unsafe_input', { reason });
  }
  return receivablesError('parse_error', { format: 'XML', reason: message });
}

/**
 * Parses an XML document, refusing DTDs, entities and documents too large or too
 * deep (see the module header); returns its one root element.
 *
 * @param xml - the document text
 * @param options - the size limits
 * @param names - local names of line elements and of binary-object elements
 *
 * @example
 * parseXml('<a xmlns="urn:x"><b>1</b></a>').map((d) => [d.name, d.namespace])
 * //=> Ok(['a', 'urn:x'])
 */
export function parseXml(
  xml: string,
  options: ReadEInvoiceOptions = {},
  names: ScanNames = { lines: new Set(), binary: new Set() },
): Result<XmlDocument, ReceivablesError> {
  const limit = options.maxLength ?? DEFAULT_MAX_LENGTH;
  if (xml.length > limit) return tooLarge(`${limit} characters`, `${xml.length} characters`);
  const declaration = /<!(DOCTYPE|ENTITY)/i.exec(xml);
  if (declaration) {
    const what = declaration[1]!.toUpperCase();
    const reason = `the document declares a ${what}; DTDs and entities are refused`;
    return err(receivablesError('unsafe_input', { reason }));
  }
  const outline = checkLimits(xml, options, names);
  if (outline.isErr()) return err(outline.error);
  let valid: ReturnType<typeof XMLValidator.validate>;
  try {
    valid = XMLValidator.validate(xml);
  } catch (thrown) {
    return err(parserFailure(thrown));
  }
  if (valid !== true) return parseError(valid.err.msg, valid.err.line);
  const { root, secondRoot, outsideText, badReference } = outline.value;
  if (secondRoot !== undefined) {
    return parseError('a second root element; a document has one', lineOf(xml, secondRoot));
  }
  if (outsideText !== undefined) {
    return parseError('text outside the root element', lineOf(xml, outsideText));
  }
  if (badReference !== undefined) {
    const reference = /^&[^;\s<]{0,20};?/.exec(xml.slice(badReference, badReference + 24));
    const reason =
      `${reference?.[0] ?? '&'} is neither a predefined entity nor an XML character ` +
      '(DTDs are refused, so no other entity can be declared)';
    return parseError(reason, lineOf(xml, badReference));
  }
  let parsed: XmlNode;
  try {
    parsed = parser(names).parse(xml) as XmlNode;
  } catch (thrown) {
    return err(parserFailure(thrown));
  }
  const key = Object.keys(parsed).find((k) => k !== '#text');
  const node = key === undefined ? undefined : (parsed[key] as XmlNode[])[0];
  if (node === undefined || root === undefined) return parseError('no root element');
  return ok({ ...rootOf(root), root: node });
}

function parser(names: ScanNames): XMLParser {
  return new XMLParser({
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
    maxNestedTags: MAX_DEPTH,
    // Binary objects are read as raw text, with no per-character work (no attachment
    // is read, but a 3 MB PDF would otherwise take most of the parse).
    stopNodes: [...names.binary].map((name) => `*.${name}`),
    jPath: false,
    isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
  });
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
  return typeof value === 'string' ? decode(value) : undefined;
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
