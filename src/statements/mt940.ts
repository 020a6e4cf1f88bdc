/**
 * SWIFT MT940 customer statements (and the same layout as MT942 without balances
 * is refused: an MT940 statement needs its opening balance). A file may hold many
 * messages, with or without the SWIFT envelope (`{1:...}{2:...}{4:` ... `-}`), and
 * bank header lines before `:20:`. Read: `:20:` reference, `:25:` account, `:28C:`
 * statement number, `:60F:`/`:60M:` opening, `:61:` + `:86:` entries, `:62F:`/`:62M:`
 * closing, `:64:` available and `:65:` forward available balances. Free-text `:86:`
 * lines are joined without separator where a line is a full 65 characters (SWIFT's
 * cut), else with a space; structured `:86:` lines without separator. Several `:86:`
 * fields of one entry (old Rabobank layout) are joined with a space. Left out: MT942 interim
 * reports, `:34F:` floor limits, `:90C:`/`:90D:` totals, statement-level `:86:`.
 *
 * @module
 */
import { err, ok, type Result } from 'neverthrow';
import type { ReceivablesError } from '../errors/index.js';
import { signed } from './amounts.js';
import { type DraftStatement, finishStatements } from './assemble.js';
import {
  contentText,
  failAt,
  guarded,
  type ReaderOptions,
  type StatementContent,
} from './input.js';
import { buildEntry, type RawEntry } from './mt940-entry.js';
import { readBalanceField } from './mt940-line.js';
import type { StatementBalance, StatementFile } from './types.js';

/** One `:tag:value` field with the line it starts on. */
interface Field {
  readonly tag: string;
  value: string;
  readonly line: number;
}

const FIELD = /^:(\d{2}[A-Z]?):/;
const MAX_FIELD = 100_000;
const BALANCE_TYPES: Record<string, string> = {
  '60F': 'opening',
  '60M': 'opening',
  '62F': 'closing',
  '62M': 'closing',
  '64': 'available',
  '65': 'forward_available',
};

/** The length of the balanced `{...}` block at the start of `text`, or 0. */
function blockLength(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i + 1;
  }
  return 0;
}

/**
 * A line without the SWIFT envelope parts wherever they sit on it: the `-}` end of
 * block 4, blocks 1, 2, 3 and 5 (`{5:{CHK:...}}`, nested braces) and the `{4:` opener.
 * `end` says the line closed a message (`-}`, or a lone `-` of files without envelope).
 */
function unwrap(line: string): { readonly rest: string; readonly end: boolean } {
  let rest = line;
  let end = false;
  for (;;) {
    if (rest.startsWith('-}')) {
      end = true;
      rest = rest.slice(2);
    } else if (rest.startsWith('{4:')) rest = rest.slice(3);
    else if (/^\{[1235]:/.test(rest) && blockLength(rest) > 0) rest = rest.slice(blockLength(rest));
    else break;
  }
  if (/^-\s*$/.test(rest)) return { rest: '', end: true };
  return { rest, end };
}

/** Splits the text into fields, dropping the SWIFT envelope and bank header lines. */
function fieldsOf(text: string): Result<Field[], ReceivablesError> {
  const fields: Field[] = [];
  let open: Field | undefined;
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const { rest: line, end } = unwrap(lines[i] as string);
    if (end) open = undefined;
    const tag = FIELD.exec(line);
    if (tag) {
      open = { tag: tag[1] as string, value: line.slice(tag[0].length), line: i + 1 };
      fields.push(open);
    } else if (open && line.trim() !== '') {
      open.value += `\n${line}`;
      if (open.value.length > MAX_FIELD) {
        return failAt('mt940', `field :${open.tag}: is too long`, { line: i + 1 });
      }
    }
  }
  return ok(fields);
}

interface Draft {
  readonly line: number;
  reference: string;
  account?: string;
  number?: string;
  balances: StatementBalance[];
  entries: RawEntry[];
}

function readFile(text: string, options: ReaderOptions): Result<StatementFile, ReceivablesError> {
  const split = fieldsOf(text);
  if (split.isErr()) return err(split.error);
  const drafts: Draft[] = [];
  let current: Draft | undefined;
  for (const f of split.value) {
    if (f.tag === '20') {
      current = { line: f.line, reference: f.value.trim(), balances: [], entries: [] };
      drafts.push(current);
      continue;
    }
    if (!current) return failAt('mt940', `field :${f.tag}: before :20:`, { line: f.line });
    const type = BALANCE_TYPES[f.tag];
    if (f.tag === '25') current.account = f.value.trim();
    else if (f.tag === '28C' || f.tag === '28') current.number = f.value.trim();
    else if (type) {
      const b = readBalanceField(f.value, options.currencies);
      if (typeof b === 'string') return failAt('mt940', b, { line: f.line, path: [`:${f.tag}:`] });
      const amount = signed(b.amount, b.debit);
      current.balances.push({ type, code: f.tag, date: b.date, amount, currency: b.currency });
    } else if (f.tag === '61') current.entries.push({ line: f.line, value: f.value, info: [] });
    else if (f.tag === '86' && current.entries.length > 0 && !hasClosing(current)) {
      current.entries[current.entries.length - 1]?.info.push(f.value);
    }
  }
  if (drafts.length === 0)
    return failAt('mt940', 'no :20: field: not an MT940 statement', { line: 1 });
  return assemble(drafts, options);
}

function hasClosing(d: Draft): boolean {
  return d.balances.some((b) => b.type === 'closing');
}

function statementIds(drafts: readonly Draft[]): string[] {
  const base = drafts.map((d) => [d.account, d.number].filter(Boolean).join('/') || d.reference);
  const counts = new Map<string, number>();
  for (const id of base) counts.set(id, (counts.get(id) ?? 0) + 1);
  return base.map((id, i) => ((counts.get(id) ?? 0) > 1 ? `${id}/${drafts[i]?.reference}` : id));
}

function assemble(
  drafts: readonly Draft[],
  options: ReaderOptions,
): Result<StatementFile, ReceivablesError> {
  const ids = statementIds(drafts);
  const out: DraftStatement[] = [];
  for (const [i, d] of drafts.entries()) {
    const id = ids[i] as string;
    const opening = d.balances.find((b) => b.type === 'opening');
    if (!opening)
      return failAt('mt940', `statement ${id} has no opening balance :60F:`, { line: d.line });
    if (!hasClosing(d)) {
      return failAt('mt940', `statement ${id} has no closing balance :62F: (truncated?)`, {
        line: d.line,
      });
    }
    const transactions = [];
    for (const [n, e] of d.entries.entries()) {
      const built = buildEntry(e, id, n + 1, opening.currency, options.currencies);
      if (typeof built === 'string')
        return failAt('mt940', built, { line: e.line, path: [':61:'] });
      transactions.push(built);
    }
    const entries = transactions.map((t) => ({ ...t, booked: true }));
    out.push({
      id,
      ...(d.account ? { account: d.account } : {}),
      currency: opening.currency,
      ...(d.number ? { sequenceNumber: d.number } : {}),
      balances: d.balances,
      transactions,
      entries,
    });
  }
  const finished = finishStatements(out, options.currencies);
  return ok({ format: 'mt940', statements: finished.statements, warnings: finished.warnings });
}

/**
 * Reads a SWIFT MT940 file (one or many statements).
 *
 * @param content - the file, as text or bytes (UTF-8, else Latin-1)
 * @param options - size limit, currency registry
 *
 * @example
 * readMt940(':20:1\n:25:DE1/2\n:28C:1/1\n:60F:C240102EUR100,\n:62F:C240102EUR100,\n-')
 *   .map((f) => f.statements[0]?.reconciliation?.ok)
 * //=> Ok(true)
 */
export function readMt940(
  content: StatementContent,
  options: ReaderOptions = {},
): Result<StatementFile, ReceivablesError> {
  return guarded('mt940', () => contentText(content, options).andThen((t) => readFile(t, options)));
}
