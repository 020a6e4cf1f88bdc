/**
 * BAI2 records: comma-separated fields ended by `/`, continued by `88` records. A
 * `16` (transaction detail) record ends with free text that may hold commas and
 * slashes; the `88` records after it continue that text. After other records, an
 * `88` carries more fields (more summaries of an `03`). Funds type decides how many
 * fields follow it: `V` a value date and time, `S` three amounts, `D` a count and
 * that many day/amount pairs; `0`, `1`, `2`, `Z` or blank none.
 *
 * @module
 */

/** One logical record: its code, the fields of each physical line, and its text. */
export interface Bai2Record {
  readonly code: string;
  readonly line: number;
  /** Fields per physical record (the first, then each `88` that continues it). */
  readonly parts: string[][];
  /** `16` only: the free text, with `88` continuations joined by a space. */
  text: string;
  /** Physical records it spans (for the trailer record counts). */
  count: number;
}

/**
 * Splits a non-text record after its code: fields up to the first `/`.
 *
 * @example
 * plainFields('77777777,GBP,010,10000,,,/')
 * //=> ['77777777', 'GBP', '010', '10000']
 */
export function plainFields(rest: string): string[] {
  const end = rest.indexOf('/');
  const body = end < 0 ? rest : rest.slice(0, end);
  const fields = body.split(',');
  while (fields.length > 0 && fields[fields.length - 1] === '') fields.pop();
  return fields;
}

/**
 * How many fields follow a funds type code, or undefined for an unknown code.
 *
 * @example
 * fundsExtras(['V', '150715', ''], 0)
 * //=> 2
 */
export function fundsExtras(fields: readonly string[], at: number): number | undefined {
  const type = fields[at] ?? '';
  if (['', '0', '1', '2', 'Z'].includes(type)) return 0;
  if (type === 'V') return 2;
  if (type === 'S') return 3;
  if (type === 'D') {
    const n = Number(fields[at + 1] ?? '');
    return Number.isInteger(n) && n >= 0 && n < 1000 ? 1 + 2 * n : undefined;
  }
  return undefined;
}

/**
 * A `16` record's leading fields and its text; a string says what is wrong.
 *
 * @example
 * detailFields('699,971,,,/')
 * //=> { fields: ['699', '971', '', '', ''], text: '' }
 */
export function detailFields(rest: string): { fields: string[]; text: string } | string {
  const fields: string[] = [];
  let pos = 0;
  let ended = false;
  const take = () => {
    if (ended || pos > rest.length) return '';
    const comma = rest.indexOf(',', pos);
    let value = comma < 0 ? rest.slice(pos) : rest.slice(pos, comma);
    pos = comma < 0 ? rest.length + 1 : comma + 1;
    if (value.endsWith('/')) {
      value = value.slice(0, -1);
      ended = true;
    }
    return value;
  };
  fields.push(take(), take(), take());
  // Funds type D states how many day/amount pairs follow: read that count first.
  if (fields[2] === 'D') fields.push(take());
  const extras = fundsExtras(fields, 2);
  if (extras === undefined) return `unknown funds type ${JSON.stringify(fields[2])}`;
  for (let i = fields[2] === 'D' ? 1 : 0; i < extras; i++) fields.push(take());
  fields.push(take(), take());
  const text = ended || pos > rest.length ? '' : rest.slice(pos);
  return { fields, text: cleanText(text) };
}

/**
 * Text without the optional closing `/` and surrounding blanks.
 *
 * @example
 * cleanText('RETURNED CHEQUE     /')
 * //=> 'RETURNED CHEQUE'
 */
export function cleanText(text: string): string {
  return text.replace(/\/\s*$/, '').trim();
}

/**
 * Groups physical lines into logical records (an `88` joins the record before it).
 *
 * @example
 * (recordsOf('16,142,100,,R1,,ACME/\n88,INVOICE 17') as Bai2Record[])[0]?.text
 * //=> 'ACME INVOICE 17'
 */
export function recordsOf(text: string): Bai2Record[] | { line: number; reason: string } {
  const records: Bai2Record[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.trim() === '') continue;
    const m = /^(\d{2}),?/.exec(line);
    if (!m)
      return { line: i + 1, reason: `record ${JSON.stringify(line.slice(0, 20))} has no code` };
    const code = m[1] as string;
    const rest = line.slice(m[0].length);
    if (code === '88') {
      const last = records[records.length - 1];
      if (!last) return { line: i + 1, reason: 'continuation record 88 before any record' };
      last.count += 1;
      if (last.code === '16') last.text = [last.text, cleanText(rest)].filter(Boolean).join(' ');
      else last.parts.push(plainFields(rest));
      continue;
    }
    if (code === '16') {
      const detail = detailFields(rest);
      if (typeof detail === 'string') return { line: i + 1, reason: detail };
      records.push({ code, line: i + 1, parts: [detail.fields], text: detail.text, count: 1 });
    } else {
      records.push({ code, line: i + 1, parts: [plainFields(rest)], text: '', count: 1 });
    }
  }
  return records;
}
