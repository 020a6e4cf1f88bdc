/**
 * A ledger from text: JSON (the {@link Ledger} shape) or CSV (see `readLedgerCsv`),
 * told apart by the first character unless the caller names the format. Pure: the
 * caller reads the file.
 *
 * @module
 */
import { err, type Result } from 'neverthrow';
import { type ReceivablesError, receivablesError } from '../errors/index.js';
import { readLedgerCsv } from './csv.js';
import { parseLedger } from './parse.js';
import type { Ledger } from './types.js';

function refuse(path: (string | number)[], message: string): Result<never, ReceivablesError> {
  return err(receivablesError('invalid_input', { issues: [{ path, message }] }, path));
}

/** The text formats a ledger can be read from. */
export type LedgerFormat = 'json' | 'csv';

/**
 * Reads and checks a ledger from JSON or CSV text. Without `format`, text whose first
 * non-blank character is `{` or `[` is JSON, anything else CSV. Errors: `parse_error`
 * for empty text (nothing but blanks) or text that is not JSON or CSV, `invalid_input`
 * for a `content` that is not a string or an unknown `format`, and every error of
 * `parseLedger` / `readLedgerCsv`.
 *
 * @param content - the file's text
 * @param format - `json` or `csv`; detected when absent
 *
 * @example
 * readLedgerText('{"customers":[{"id":"C1","name":"Acme"}]}').map((l) => l.customers.length)
 * //=> Ok(1)
 */
export function readLedgerText(
  content: string,
  format?: LedgerFormat,
): Result<Ledger, ReceivablesError> {
  if (typeof content !== 'string') return refuse([], 'expected the text of a ledger file');
  if (format !== undefined && format !== 'json' && format !== 'csv') {
    return refuse(['format'], 'expected "json" or "csv"');
  }
  const text = content.replace(/^\uFEFF/, '');
  const start = text.trimStart();
  if (start === '') {
    const reason = 'the input is empty (no JSON or CSV text)';
    const what = format === undefined ? 'ledger' : `ledger ${format.toUpperCase()}`;
    return err(receivablesError('parse_error', { format: what, reason }));
  }
  const kind = format ?? (start.startsWith('{') || start.startsWith('[') ? 'json' : 'csv');
  if (kind === 'csv') return readLedgerCsv(text);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return err(receivablesError('parse_error', { format: 'ledger JSON', reason }));
  }
  return parseLedger(json);
}
