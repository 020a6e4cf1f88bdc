/**
 * One entry point for every bank file: {@link readStatement} looks at the start of
 * the content and hands it to the camt, MT940, BAI2 or CSV reader.
 *
 * @module
 */
import { err, type Result } from 'neverthrow';
import { type ReceivablesError, receivablesError } from '../errors/index.js';
import { type Bai2Options, readBai2 } from './bai2.js';
import { readCamt } from './camt.js';
import { readCsvStatement } from './csv.js';
import type { CsvMapping } from './csv-mapping.js';
import { contentText, guarded, type StatementContent } from './input.js';
import { readMt940 } from './mt940.js';
import type { StatementFile } from './types.js';

/** The formats {@link readStatement} reads. */
export type StatementFormat = 'camt' | 'mt940' | 'bai2' | 'csv';

/** Options of {@link readStatement}. */
export interface ReadStatementOptions extends Bai2Options {
  /** Skip detection and read as this format. */
  readonly format?: StatementFormat;
  /** Column mapping: needed to read CSV; given without `format`, the file is read as CSV. */
  readonly csv?: CsvMapping;
}

/**
 * The format of bank file content, from its first characters: XML with an ISO 20022
 * namespace or a `Document` root is camt, a `01,` record is BAI2, `:20:` or a SWIFT
 * envelope is MT940. Undefined when none fits.
 *
 * @example
 * detectFormat('01,BANK,ME,240102,0800,1,,,2/')
 * //=> 'bai2'
 */
export function detectFormat(text: string): StatementFormat | undefined {
  const head = text.slice(0, 4096).trimStart();
  if (head.startsWith('<')) return 'camt';
  if (/^01,/.test(head)) return 'bai2';
  if (/^(\{1:|:20:|:940:)|^[^\n]*\n(?:[^\n]*\n){0,4}:20:/.test(head)) return 'mt940';
  return undefined;
}

/**
 * Reads a bank statement file of any supported format (camt.052/053/054, MT940,
 * BAI2, or CSV with a mapping), detecting the format unless `options.format` says
 * or a CSV mapping is given (then it is CSV: a CSV may start like `01,` of BAI2).
 *
 * @param content - the file, as text or bytes
 * @param options - format, CSV mapping, size/depth limits, currency registry
 *
 * @example
 * readStatement(':20:1\n:25:DE1/2\n:28C:1/1\n:60F:C240102EUR100,\n:62F:C240102EUR100,\n-')
 *   .map((f) => f.format)
 * //=> Ok('mt940')
 */
export function readStatement(
  content: StatementContent,
  options: ReadStatementOptions = {},
): Result<StatementFile, ReceivablesError> {
  return guarded('statement', () => {
    const text = contentText(content, options);
    if (text.isErr()) return err(text.error);
    const format = options.format ?? (options.csv ? 'csv' : detectFormat(text.value));
    switch (format) {
      case 'camt':
        return readCamt(text.value, options);
      case 'mt940':
        return readMt940(text.value, options);
      case 'bai2':
        return readBai2(text.value, options);
      case 'csv':
        if (options.csv) return readCsvStatement(text.value, options.csv, options);
        return err(
          receivablesError(
            'unsupported_format',
            { reason: 'CSV needs a column mapping (options.csv)' },
            [],
          ),
        );
      default:
        return err(
          receivablesError(
            'unsupported_format',
            { reason: 'not camt XML, MT940, BAI2, and no CSV mapping given' },
            [],
          ),
        );
    }
  });
}
