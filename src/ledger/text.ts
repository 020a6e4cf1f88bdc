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

/** The text formats a ledger can be read from. */
export type LedgerFormat = 'json' | 'csv';

/**
 * Reads and checks a ledger from JSON or CSV text. Without `format`, text whose first
 * non-blank character is `{` is JSON, anything else CSV.
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
  const text = content.replace(/^\uFEFF/, '');
  const kind = format ?? (text.trimStart().startsWith('{') ? 'json' : 'csv');
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
