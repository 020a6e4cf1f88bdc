/**
 * Bank statements in, {@link BankTransaction}s out: ISO 20022 camt.052/053/054,
 * SWIFT MT940, BAI2 and mapped CSV, each with statement metadata, balances, a
 * balance check and warnings for what could be read but looks wrong.
 *
 * @module
 */

export { reconcile } from './assemble.js';
export type { Bai2Options } from './bai2.js';
export { readBai2 } from './bai2.js';
export { readCamt } from './camt.js';
export { readCsvStatement } from './csv.js';
export type { CsvColumn, CsvColumns, CsvDateFormat, CsvMapping } from './csv-mapping.js';
export { csvMappingSchema } from './csv-mapping.js';
export type { ReaderOptions, StatementContent } from './input.js';
export { DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH } from './input.js';
export { readMt940 } from './mt940.js';
export type { ReadStatementOptions, StatementFormat } from './read.js';
export { detectFormat, readStatement } from './read.js';
export type * from './types.js';
