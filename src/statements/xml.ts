/**
 * Safe XML for bank files, on fast-xml-parser. Refuses any DOCTYPE or entity
 * declaration (`unsafe_input`: no external entities, no entity-expansion bombs),
 * keeps the parser's own entity processing off and decodes only the five predefined
 * entities and character references itself, checks well-formedness first so that a
 * truncated file names its line, and limits element nesting. Readers walk the result
 * through {@link XCursor}s that remember their element path for error messages.
 *
 * @module
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { err, ok, type Result } from 'neverthrow';
import { type ErrorPath, type ReceivablesError, receivablesError } from '../errors/index.js';
import { DEFAULT_MAX_DEPTH, failAt, lineIndex, lineOf, type ReaderOptions } from './input.js';

/** A position in a parsed XML tree: the node, its element path and its offset. */
export interface XCursor {
  readonly node: unknown;
  readonly path: ErrorPath;
  /** Character offset of the nearest enclosing element, for line numbers. */
  readonly offset: number;
}

/** A parsed document and its source text (for line numbers). */
export interface XmlDocument {
  readonly root: XCursor;
  readonly text: string;
  /** The 1-based line of a character offset of `text`. */
  readonly lineAt: (offset: number) => number;
}

const META = XMLParser.getMetaDataSymbol() as unknown as symbol;
const ENTITY = /&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|amp|lt|gt|quot|apos);/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, name: string) => {
    if (name[0] !== '#') return NAMED[name] ?? whole;
    const code = name[1] === 'x' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/**
 * Parses bank XML safely; errors name the line (and refuse DOCTYPE and deep nesting).
 *
 * @example
 * parseXml('<!DOCTYPE a [<!ENTITY x "y">]><a/>', 'camt', {})._unsafeUnwrapErr().code
 * //=> 'unsafe_input'
 */
export function parseXml(
  text: string,
  format: string,
  options: ReaderOptions,
): Result<XmlDocument, ReceivablesError> {
  const doctype = /<!(DOCTYPE|ENTITY)/i.exec(text);
  if (doctype) {
    const what = `${doctype[1]?.toUpperCase()} (line ${lineOf(text, doctype.index)})`;
    const reason = `the file declares a ${what}; DTDs and entities are refused`;
    return err(receivablesError('unsafe_input', { reason }, []));
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const open = /^Invalid '(\[[\s\S]*\])' found/.exec(valid.err.msg)?.[1];
    if (open) {
      // The validator lists the elements still open at the end: the file is cut short.
      const path = JSON.parse(open) as string[];
      const reason = `malformed XML: the file ends inside <${path[path.length - 1]}> (truncated?)`;
      return failAt(format, reason, { line: lineOf(text, text.length), path });
    }
    return failAt(format, `malformed XML: ${valid.err.msg}`, { line: valid.err.line });
  }
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const parser = new XMLParser({
    processEntities: false,
    htmlEntities: false,
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    parseAttributeValue: false,
    removeNSPrefix: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
    captureMetaData: true,
    maxNestedTags: maxDepth,
    jPath: false,
    isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
  });
  try {
    const root = parser.parse(text) as unknown;
    return ok({ root: { node: root, path: [], offset: 0 }, text, lineAt: lineIndex(text) });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (/nested/i.test(message)) {
      const details = { limit: `XML depth ${maxDepth}`, actual: `deeper than ${maxDepth}` };
      return err(receivablesError('input_too_large', details, []));
    }
    return failAt(format, `malformed XML: ${message}`);
  }
}

function offsetOf(node: unknown, fallback: number): number {
  if (node === null || typeof node !== 'object') return fallback;
  const meta = (node as Record<symbol, { startIndex?: number } | undefined>)[META];
  return meta?.startIndex ?? fallback;
}

/**
 * All child elements of a name, each with its path (`Ntry[2]`).
 *
 * @example
 * kids(stmt, 'Ntry').map((c) => c.path.at(-1))
 * //=> [0, 1, 2]
 */
export function kids(c: XCursor, name: string): XCursor[] {
  if (c.node === null || typeof c.node !== 'object') return [];
  const value = (c.node as Record<string, unknown>)[name];
  if (!Array.isArray(value)) return [];
  return value.map((node, i) => ({
    node,
    path: value.length === 1 ? [...c.path, name] : [...c.path, name, i],
    offset: offsetOf(node, c.offset),
  }));
}

/**
 * The first child element along a path of names, if there is one.
 *
 * @example
 * textOf(kid(ntry, 'BookgDt', 'Dt'))
 * //=> '2014-01-05'
 */
export function kid(c: XCursor, ...names: string[]): XCursor | undefined {
  let at: XCursor | undefined = c;
  for (const name of names) {
    at = at ? kids(at, name)[0] : undefined;
    if (!at) return undefined;
  }
  return at;
}

/**
 * The text of an element (entities decoded), undefined when absent or empty.
 *
 * @example
 * textOf(nm) // <Nm>M&amp;&#252;ller</Nm>
 * //=> 'M&Müller'
 */
export function textOf(c: XCursor | undefined): string | undefined {
  if (!c) return undefined;
  const raw =
    typeof c.node === 'string'
      ? c.node
      : c.node !== null && typeof c.node === 'object'
        ? (c.node as Record<string, unknown>)['#text']
        : undefined;
  if (typeof raw !== 'string' && typeof raw !== 'number') return undefined;
  const text = decodeEntities(String(raw)).trim();
  return text === '' ? undefined : text;
}

/**
 * The text at a path of child names below `c`.
 *
 * @example
 * textAt(ntry, 'Sts', 'Cd')
 * //=> 'BOOK'
 */
export function textAt(c: XCursor, ...names: string[]): string | undefined {
  return textOf(kid(c, ...names));
}

/**
 * An attribute of an element.
 *
 * @example
 * attrOf(amt, 'Ccy') // <Amt Ccy="CHF">
 * //=> 'CHF'
 */
export function attrOf(c: XCursor | undefined, name: string): string | undefined {
  if (!c || c.node === null || typeof c.node !== 'object') return undefined;
  const value = (c.node as Record<string, unknown>)[`@${name}`];
  return typeof value === 'string' ? decodeEntities(value).trim() : undefined;
}

/**
 * The line and path of a cursor (or of a missing child below it), for errors.
 *
 * @example
 * placeOf(doc, ntry, 'Amt')
 * //=> { line: 52, path: ['Document', 'BkToCstmrStmt', 'Stmt', 'Ntry', 'Amt'] }
 */
export function placeOf(doc: XmlDocument, c: XCursor, child?: string) {
  return { line: doc.lineAt(c.offset), path: child ? [...c.path, child] : c.path };
}
