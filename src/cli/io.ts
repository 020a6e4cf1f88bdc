/**
 * What the file-reading commands share: reading an input file with a size check
 * made BEFORE the bytes are read (so a 1 GB file is refused at once, not after
 * filling memory), decoding text (UTF-8, or UTF-16 LE/BE when a byte order mark
 * says so), plain output when stdout is not a terminal, and one exit-code rule.
 *
 * Exit codes of statement, aging, metrics, dunning and invoice ({@link EXIT}):
 * 0 done; 1 the input has problems the command reports (invalid file, broken rules);
 * 2 usage error (bad option) or a file that cannot be read (missing, too large).
 *
 * @module
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { receivablesError } from '../errors/index.js';
import { balancesAsOf, type Ledger, readLedgerText } from '../ledger/index.js';
import { DEFAULT_MAX_BYTES } from '../statements/input.js';
import { isIsoDate } from '../terms/date.js';

/** Exit codes shared by the file commands. */
export const EXIT = { ok: 0, input: 1, usage: 2 } as const;

/** The exit-code rule as a `--help` epilogue. */
export const EXIT_HELP =
  '\nExit codes: 0 done; 1 the input has problems (reported on stderr, e.g. an invalid\n' +
  'file or broken rules); 2 usage error or a file that cannot be read (missing, too large).';

/** A failure: the message for stderr and the exit code it deserves. */
export interface Failure {
  readonly message: string;
  readonly exit: 1 | 2;
}

/**
 * A usage failure (exit 2).
 *
 * @example
 * usage('--as-of must be a date').exit
 * //=> 2
 */
export function usage(message: string): Failure {
  return { message, exit: EXIT.usage };
}

/**
 * An input failure (exit 1).
 *
 * @example
 * invalid('x.json: not JSON').exit
 * //=> 1
 */
export function invalid(message: string): Failure {
  return { message, exit: EXIT.input };
}

/**
 * Whether a value is a {@link Failure}.
 *
 * @example
 * isFailure(usage('x'))
 * //=> true
 */
export function isFailure(value: unknown): value is Failure {
  return typeof value === 'object' && value !== null && 'exit' in value && 'message' in value;
}

/**
 * The bytes of a file, refused before reading when larger than `maxBytes`.
 *
 * @example
 * isFailure(readInputBytes('/no/such/file'))
 * //=> true
 */
export function readInputBytes(path: string, maxBytes = DEFAULT_MAX_BYTES): Uint8Array | Failure {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return usage(`cannot read ${path}: it is a directory`);
    if (stat.size > maxBytes) {
      const details = { limit: `${maxBytes} bytes`, actual: `${stat.size} bytes` };
      return usage(`${path}: ${receivablesError('input_too_large', details, []).message}`);
    }
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(1 << 16);
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      if (total > maxBytes) {
        const details = { limit: `${maxBytes} bytes`, actual: `more than ${maxBytes} bytes` };
        return usage(`${path}: ${receivablesError('input_too_large', details, []).message}`);
      }
      chunks.push(chunk.subarray(0, n));
    }
    return new Uint8Array(Buffer.concat(chunks, total));
  } catch (error) {
    return usage(`cannot read ${path}: ${(error as Error).message}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * The encoding a byte order mark announces, if any.
 *
 * @example
 * bomEncoding(new Uint8Array([0xff, 0xfe, 0x41, 0]))
 * //=> 'utf-16le'
 */
export function bomEncoding(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  return undefined;
}

/**
 * Text of file bytes: UTF-16 LE/BE when a byte order mark says so, else UTF-8 (which
 * must be valid); the byte order mark is removed. A failure says what the bytes are.
 *
 * @example
 * decodeText(new Uint8Array([0xfe, 0xff, 0, 0x41]), 'a.json')
 * //=> 'A'
 */
export function decodeText(bytes: Uint8Array, path: string): string | Failure {
  const encoding = bomEncoding(bytes) ?? 'utf-8';
  try {
    const text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
    if (text.includes('\u0000')) {
      return invalid(`${path}: the bytes hold NUL characters: UTF-16 without a byte order mark?`);
    }
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    const hint = encoding === 'utf-8' ? ' (Latin-1? save it as UTF-8)' : '';
    return invalid(`${path}: the bytes are not valid ${encoding.toUpperCase()} text${hint}`);
  }
}

/**
 * The text of a file: {@link readInputBytes} then {@link decodeText}.
 *
 * @example
 * isFailure(readInputText('/no/such/file'))
 * //=> true
 */
export function readInputText(path: string, maxBytes = DEFAULT_MAX_BYTES): string | Failure {
  const bytes = readInputBytes(path, maxBytes);
  return isFailure(bytes) ? bytes : decodeText(bytes, path);
}

/**
 * Parsed JSON of a file, or a failure naming the file.
 *
 * @example
 * isFailure(readInputJson('/no/such/file'))
 * //=> true
 */
export function readInputJson(path: string): { readonly json: unknown } | Failure {
  const text = readInputText(path);
  if (isFailure(text)) return text;
  try {
    return { json: JSON.parse(text) as unknown };
  } catch (error) {
    return invalid(`${path} is not JSON: ${(error as Error).message}`);
  }
}

/**
 * A JSON or CSV ledger file (CSV by its `.csv` extension, otherwise by its content),
 * or a failure naming the file.
 *
 * @example
 * isFailure(readLedgerFile('/no/such/ledger.json'))
 * //=> true
 */
export function readLedgerFile(path: string): Ledger | Failure {
  const text = readInputText(path);
  if (isFailure(text)) return text;
  // The extension decides when it names a format: a broken .json file is a JSON error.
  const lower = path.toLowerCase();
  const format = lower.endsWith('.csv') ? 'csv' : lower.endsWith('.json') ? 'json' : undefined;
  const ledger = readLedgerText(text, format);
  return ledger.isOk() ? ledger.value : invalid(`${path}: ${ledger.error.message}`);
}

/**
 * Warns on stderr about every record of the ledger that counts only in part as of the
 * date (an allocation beyond what is open, one to an item not issued yet, ...), as
 * `balancesAsOf` lists them in its exceptions: a report on such a ledger is still
 * printed, but the figures it leaves out are named.
 *
 * @example
 * warnExceptions('aging', EMPTY_LEDGER, '2026-03-31')
 * //=> undefined
 */
export function warnExceptions(command: string, ledger: Ledger, asOf: string): void {
  if (!isIsoDate(asOf)) return;
  for (const e of balancesAsOf(ledger, asOf).exceptions ?? []) {
    const why = e.reason.replaceAll('_', ' ');
    const line = `${e.kind.replace('_', '-')} ${e.id} counts for ${e.appliedAmount} of ${e.amount}`;
    process.stderr.write(`receivables ${command}: warning: ${line} (${why})\n`);
  }
}

/**
 * Whether output should be plain (no colours): stdout is not a terminal.
 *
 * @example
 * typeof plainOutput()
 * //=> 'boolean'
 */
export function plainOutput(): boolean {
  return !process.stdout.isTTY;
}

/**
 * Writes `receivables <command>: <message>` to stderr and sets the exit code.
 *
 * @example
 * report('aging', usage('--buckets must be whole days'))
 * //=> undefined
 */
export function report(command: string, failure: Failure): void {
  process.stderr.write(`receivables ${command}: ${failure.message}\n`);
  process.exitCode = failure.exit;
}
