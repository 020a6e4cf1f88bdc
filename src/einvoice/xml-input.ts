/**
 * What the e-invoice readers accept before any parsing: the input type (text or
 * UTF-8 bytes) and the limits that keep the largest accepted document cheap to read,
 * checked with one linear scan (`xml-scan.ts`) so that a document built to be slow
 * is refused before the parser spends time on it.
 *
 * @module
 */
import { err, ok, type Result } from 'neverthrow';
import { type ReceivablesError, receivablesError } from '../errors/index.js';
import { type ScanNames, scanXml, type XmlOutline } from './xml-scan.js';

/**
 * Limits of the e-invoice readers. The defaults let through every EN 16931 invoice
 * seen in practice (they are rarely above 1 MB; the largest official example, with
 * a PDF attached, is 3.3 MB) and keep the largest accepted document to a few seconds.
 */
export interface ReadEInvoiceOptions {
  /**
   * Largest document accepted, in characters (in bytes when it is given as bytes):
   * 8 MiB by default. Attachments are inline, base64-encoded.
   */
  readonly maxLength?: number;
  /**
   * Most invoice or credit note lines accepted: 20,000 by default. A line with the
   * elements EN 16931 requires takes about 450 characters in UBL and more in CII, so
   * a document of the default size cannot hold more.
   */
  readonly maxLines?: number;
}

/** 8 MiB: the default of {@link ReadEInvoiceOptions.maxLength}. */
export const DEFAULT_MAX_LENGTH = 8 * 1024 * 1024;
/** The default of {@link ReadEInvoiceOptions.maxLines}. */
export const DEFAULT_MAX_LINES = 20_000;
/** Deepest element nesting accepted; UBL with an XAdES signature reaches about 15. */
export const MAX_DEPTH = 100;
/** Longest text (outside binary objects) or tag with its attributes, in characters. */
export const MAX_VALUE_LENGTH = 100_000;
/** Tags accepted per character of `maxLength`: 1 in 16; real invoices have 1 in 26 or fewer. */
const CHARACTERS_PER_TAG = 16;

/** An `input_too_large` error. */
export const tooLarge = (limit: string, actual: string) =>
  err(receivablesError('input_too_large', { limit, actual }));

const parseError = (reason: string) =>
  err(receivablesError('parse_error', { format: 'XML', reason }));

/**
 * The document as text: a string as it is, bytes decoded as UTF-8 (a byte order mark
 * is dropped). Anything else is `invalid_input`; bytes that are not UTF-8, or declare
 * another encoding, are `parse_error` and `unsupported_format`.
 */
export function documentText(
  input: unknown,
  options: ReadEInvoiceOptions,
): Result<string, ReceivablesError> {
  for (const key of ['maxLength', 'maxLines'] as const) {
    const value = options[key];
    if (value === undefined || (Number.isSafeInteger(value) && value > 0)) continue;
    const message = `expected a whole number above 0, got ${String(value)}`;
    return err(receivablesError('invalid_input', { issues: [{ path: [key], message }] }, [key]));
  }
  const limit = options.maxLength ?? DEFAULT_MAX_LENGTH;
  if (!(typeof input === 'string' || input instanceof Uint8Array)) {
    const what = input === null ? 'null' : Array.isArray(input) ? 'an array' : typeof input;
    const message = `expected the document as a string or as UTF-8 bytes, got ${what}`;
    return err(receivablesError('invalid_input', { issues: [{ path: [], message }] }));
  }
  if (input.length > limit) {
    const unit = typeof input === 'string' ? 'characters' : 'bytes';
    return tooLarge(`${limit} ${unit}`, `${input.length} ${unit}`);
  }
  if (typeof input === 'string') return ok(input);
  let xml: string;
  try {
    xml = new TextDecoder('utf-8', { fatal: true }).decode(input);
  } catch {
    return parseError('the bytes are not valid UTF-8');
  }
  const declared = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']*)["']/.exec(xml)?.[1];
  if (declared !== undefined && !/^utf-?8$/i.test(declared)) {
    const reason =
      `the document declares the encoding ${declared}; bytes are read as UTF-8 only ` +
      '(pass a string decoded by the host)';
    return err(receivablesError('unsupported_format', { reason }));
  }
  return ok(xml);
}

/** Scans the text and refuses it when it passes a limit (see the module header). */
export function checkLimits(
  xml: string,
  options: ReadEInvoiceOptions,
  names: ScanNames,
): Result<XmlOutline, ReceivablesError> {
  const outline = scanXml(xml, names);
  const maxLines = options.maxLines ?? DEFAULT_MAX_LINES;
  const maxTags = Math.max(
    1000,
    Math.ceil((options.maxLength ?? DEFAULT_MAX_LENGTH) / CHARACTERS_PER_TAG),
  );
  if (outline.depth > MAX_DEPTH) {
    return tooLarge(`${MAX_DEPTH} nested elements`, `${outline.depth} nested elements`);
  }
  if (outline.lines > maxLines) {
    return tooLarge(`${maxLines} invoice lines`, `${outline.lines} invoice lines`);
  }
  if (outline.tags > maxTags) return tooLarge(`${maxTags} tags`, `${outline.tags} tags`);
  const longest = Math.max(outline.longestTag, outline.longestText);
  if (longest > MAX_VALUE_LENGTH) {
    const what = outline.longestTag >= outline.longestText ? 'tag' : 'text';
    return tooLarge(
      `${MAX_VALUE_LENGTH} characters in one text or tag`,
      `a ${what} of ${longest} characters`,
    );
  }
  return ok(outline);
}
