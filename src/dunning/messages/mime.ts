/**
 * A small, strict builder of RFC 5322 messages for rendered reminders: a
 * multipart/alternative body with a plain-text and an HTML part (RFC 2046), each
 * UTF-8 and base64 (RFC 2045) in lines of 76 characters, CRLF line ends throughout.
 * Non-ASCII subjects and display names become RFC 2047 encoded-words; long ones are
 * folded (RFC 5322 section 2.2.3) so that no header line passes the recommended 78
 * characters, whatever the length of the data. No header value can carry a line
 * break or a bidi override from data (each is stripped), and addresses that could
 * smuggle a header or a second recipient, or are longer than RFC 5321's 254
 * characters, are refused.
 *
 * Left out: attachments and internationalised addresses (RFC 6531).
 *
 * @module
 */
import { err, ok, type Result } from 'neverthrow';
import { type ErrorOf, receivablesError } from '../../errors/index.js';
import { dateParts, type IsoDate, isoWeekday } from '../../terms/date.js';
import { digest64 } from '../keys.js';

/** A mailbox: an address and an optional display name. */
export interface Mailbox {
  readonly address: string;
  readonly name?: string;
}

/** What goes into an .eml file. */
export interface EmlMessage {
  readonly from: Mailbox;
  readonly to: Mailbox;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** The day the message is dated (00:00 UTC; the pure core reads no clock). */
  readonly date: IsoDate;
  /** Idempotency key: becomes the Message-ID and an `X-Idempotency-Key` header. */
  readonly key: string;
}

const ADDRESS = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$/;
const ASCII_PRINTABLE = /^[\x20-\x7e]*$/;
const BREAKS = /[\r\n\u0085\u2028\u2029]+/g;
// Bidi embeddings, overrides and isolates: they could make a name read backwards.
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;
const headerValue = (text: string) => text.replace(BREAKS, ' ').replace(BIDI_CONTROLS, '').trim();
const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTHS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');

function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

// 36 bytes of UTF-8 encode to 48 base64 characters: 60 with the =?UTF-8?B?...?= wrapper,
// so that "Subject: " plus one word stays within the 78 characters RFC 5322 recommends.
const WORD_BYTES = 36;
const LINE = 78;
// RFC 5321 section 4.5.3.1.3: a path (address) is at most 256 octets with its brackets.
const MAX_ADDRESS = 254;

/** RFC 2047 encoded-words (B encoding, UTF-8), each at most 60 characters. */
function encodedWords(text: string): string[] {
  const encoder = new TextEncoder();
  const words: string[] = [];
  let chunk = '';
  for (const ch of text) {
    const next = chunk + ch;
    if (encoder.encode(next).length > WORD_BYTES) {
      words.push(`=?UTF-8?B?${base64(chunk)}?=`);
      chunk = ch;
    } else {
      chunk = next;
    }
  }
  if (chunk !== '') words.push(`=?UTF-8?B?${base64(chunk)}?=`);
  return words;
}

/** `Field: ` and the atoms, one space apart, folded before an atom that would pass 78. */
function fold(field: string, atoms: readonly string[]): string {
  const lines: string[] = [];
  let line = `${field}:`;
  for (const atom of atoms) {
    if (line.length + 1 + atom.length > LINE && line.length > field.length + 1) {
      lines.push(line);
      line = '';
    }
    line += ` ${atom}`;
  }
  lines.push(line);
  return lines.join('\r\n');
}

/**
 * One header field, unstructured text (RFC 5322 section 2.2.3): line breaks from data
 * become spaces; short ASCII text stays as it is, longer ASCII text is folded at its
 * spaces, and text with non-ASCII characters or a word too long to fold becomes
 * RFC 2047 encoded-words. No line passes 78 characters.
 *
 * @example
 * foldHeader('Subject', 'Payment reminder')
 * //=> 'Subject: Payment reminder'
 */
export function foldHeader(field: string, text: string): string {
  const line = headerValue(text);
  if (!ASCII_PRINTABLE.test(line)) return fold(field, encodedWords(line));
  if (field.length + 2 + line.length <= LINE) return `${field}: ${line}`;
  const words = line.split(/ +/);
  const foldable = words.every((w) => field.length + 2 + w.length <= LINE);
  return fold(field, foldable ? words : encodedWords(line));
}

function mailbox(field: 'From' | 'To', m: Mailbox): Result<string, ErrorOf<'invalid_input'>> {
  const path = [field.toLowerCase(), 'address'];
  if (!ADDRESS.test(m.address) || m.address.length > MAX_ADDRESS) {
    const issue = { path, message: 'not a plain e-mail address of at most 254 characters' };
    return err(receivablesError('invalid_input', { issues: [issue] }, issue.path));
  }
  const name = headerValue(m.name ?? '');
  const address = `<${m.address}>`;
  if (name === '') return ok(fold(field, [address]));
  const quoted = `"${name.replace(/(["\\])/g, '\\$1')}"`;
  const plain = `${field}: ${quoted} ${address}`;
  if (ASCII_PRINTABLE.test(name) && plain.length <= LINE) return ok(plain);
  // A long or non-ASCII display name: encoded-words, which fold between them.
  return ok(fold(field, [...encodedWords(name), address]));
}

function rfc5322Date(date: IsoDate): string {
  const { year, month, day } = dateParts(date);
  const dd = String(day).padStart(2, '0');
  return `${DAYS[isoWeekday(date) - 1]}, ${dd} ${MONTHS[month - 1]} ${year} 00:00:00 +0000`;
}

const lines76 = (b64: string) => b64.replace(/.{1,76}/g, '$&\r\n');

/**
 * Builds an .eml file (RFC 5322, multipart/alternative) for a rendered message.
 *
 * @example
 * buildEml({ from: { address: 'ar@acme.example', name: 'ACME' },
 *   to: { address: 'ap@muster.example' }, subject: 'Zahlungserinnerung', text: 'Hallo',
 *   html: '<p>Hallo</p>', date: '2024-03-07', key: 'dun:C1:EUR:L1:abc' })
 *   .map((eml) => eml.includes('Subject: Zahlungserinnerung\r\n'))
 * //=> Ok(true)
 */
export function buildEml(message: EmlMessage): Result<string, ErrorOf<'invalid_input'>> {
  const from = mailbox('From', message.from);
  if (from.isErr()) return err(from.error);
  const to = mailbox('To', message.to);
  if (to.isErr()) return err(to.error);
  const id = digest64(message.key);
  const domain = message.from.address.slice(message.from.address.indexOf('@') + 1);
  const boundary = `=_receivables_${id}`;
  const part = (type: string, body: string) =>
    [
      `--${boundary}`,
      `Content-Type: ${type}; charset=utf-8`,
      'Content-Transfer-Encoding: base64',
      '',
      lines76(base64(body.replace(/\r?\n/g, '\r\n'))),
    ].join('\r\n');
  const headers = [
    from.value,
    to.value,
    foldHeader('Subject', message.subject),
    `Date: ${rfc5322Date(message.date)}`,
    `Message-ID: <${id}.dunning@${domain}>`,
    foldHeader('X-Idempotency-Key', message.key),
    'MIME-Version: 1.0',
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
  ];
  const body = [
    part('text/plain', message.text),
    part('text/html', message.html),
    `--${boundary}--`,
  ];
  return ok(`${headers.join('\r\n')}\r\n\r\n${body.join('\r\n')}\r\n`);
}
