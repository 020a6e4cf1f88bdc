/**
 * What every statement reader shares before it looks at the format: the options,
 * the size limit, turning bytes into text, the typed errors that name the place in
 * the file, and the last-defence guard that turns an unexpected exception into a
 * `parse_error` so that a reader never throws.
 *
 * @module
 */
import { err, ok, type Result } from 'neverthrow';
import {
  type ErrorOf,
  type ErrorPath,
  type ReceivablesError,
  receivablesError,
} from '../errors/index.js';
import type { CurrencyRegistry } from '../money/currency.js';

/** Default largest input a reader accepts: 50 MiB. */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

/** Default deepest XML element nesting a reader accepts (camt needs about 15). */
export const DEFAULT_MAX_DEPTH = 40;

/** Options every reader takes. */
export interface ReaderOptions {
  /** Refuse larger input with `input_too_large` (default {@link DEFAULT_MAX_BYTES}). */
  readonly maxBytes?: number;
  /** Refuse deeper XML nesting with `input_too_large` (default {@link DEFAULT_MAX_DEPTH}). */
  readonly maxDepth?: number;
  /** Where minor units of currencies are looked up; defaults to ISO 4217. */
  readonly currencies?: CurrencyRegistry;
}

/** Bank file content: text, or raw bytes (UTF-8, with a Latin-1 fallback). */
export type StatementContent = string | Uint8Array;

/** Where a problem sits: a 1-based line and/or a path of element names and indexes. */
export interface Place {
  readonly line?: number;
  readonly path?: ErrorPath;
}

/**
 * A `parse_error` of a format, naming the line and path where known.
 *
 * @example
 * parseFailure('mt940', 'wrong amount format', { line: 5 }).message
 * //=> 'Cannot read mt940 (line 5): wrong amount format'
 */
export function parseFailure(format: string, reason: string, place: Place = {}): ReceivablesError {
  const details =
    place.line === undefined ? { format, reason } : { format, reason, line: place.line };
  return receivablesError('parse_error', details, place.path ?? []);
}

/**
 * An `err` holding a {@link parseFailure}.
 *
 * @example
 * failAt('bai2', 'truncated', { line: 9 }).isErr()
 * //=> true
 */
export function failAt<T>(
  format: string,
  reason: string,
  place: Place = {},
): Result<T, ReceivablesError> {
  return err(parseFailure(format, reason, place));
}

/**
 * Turns the content into text within the size limit: decodes bytes, strips a byte
 * order mark. Bytes starting with a UTF-16 byte order mark (FF FE, FE FF) are read
 * as UTF-16 LE/BE; other bytes that are not valid UTF-8 are read as Latin-1, the
 * usual encoding of older MT940 and BAI2 files.
 *
 * @example
 * contentText(new TextEncoder().encode('\uFEFF:20:X'), {})
 * //=> Ok(':20:X')
 */
export function contentText(
  content: StatementContent,
  options: ReaderOptions,
): Result<string, ErrorOf<'input_too_large'> | ErrorOf<'parse_error'>> {
  const limit = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const size = typeof content === 'string' ? content.length : content.byteLength;
  if (size > limit) {
    const details = { limit: `${limit} bytes`, actual: `${size} bytes` };
    return err(receivablesError('input_too_large', details, []));
  }
  if (typeof content !== 'string' && !(content instanceof Uint8Array)) {
    const reason = `expected a string or Uint8Array, got ${typeof content}`;
    return err(receivablesError('parse_error', { format: 'statement', reason }, []));
  }
  const text = typeof content === 'string' ? content : decode(content);
  if (typeof content !== 'string' && text.includes('\u0000')) {
    const reason = 'the bytes hold NUL characters: UTF-16 without a byte order mark? Save as UTF-8';
    return err(receivablesError('parse_error', { format: 'statement', reason }, []));
  }
  return ok(stripBom(text));
}

function decode(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('latin1').decode(bytes);
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * A function giving the 1-based line of a character offset. The newline positions
 * are collected once, on the first call, so that naming the line of every entry of
 * a large file stays linear.
 *
 * @example
 * lineIndex('a\nb\nc')(4)
 * //=> 3
 */
export function lineIndex(text: string): (offset: number) => number {
  let breaks: number[] | undefined;
  return (offset) => {
    if (!breaks) {
      breaks = [];
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) breaks.push(i);
    }
    let low = 0;
    let high = breaks.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((breaks[mid] as number) < offset) low = mid + 1;
      else high = mid;
    }
    return low + 1;
  };
}

/**
 * The 1-based line of a character offset (one-off; use {@link lineIndex} for many).
 *
 * @example
 * lineOf('a\nb', 2)
 * //=> 2
 */
export function lineOf(text: string, offset: number): number {
  return lineIndex(text)(offset);
}

/**
 * Runs a reader and converts any exception it did not foresee into a `parse_error`:
 * the last defence behind the reader's own checks, so a caller never needs `try`.
 *
 * @example
 * guarded('csv', () => { throw new Error('boom'); })._unsafeUnwrapErr().code
 * //=> 'parse_error'
 */
export function guarded<T>(
  format: string,
  read: () => Result<T, ReceivablesError>,
): Result<T, ReceivablesError> {
  try {
    return read();
  } catch (e) {
    const reason = `unexpected failure: ${e instanceof Error ? e.message : String(e)}`;
    return failAt(format, reason);
  }
}
