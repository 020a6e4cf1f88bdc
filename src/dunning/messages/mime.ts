/**
 * A small, strict builder of RFC 5322 messages for rendered reminders: a
 * multipart/alternative body with a plain-text and an HTML part (RFC 2046), each
 * UTF-8 and base64 (RFC 2045) in lines of 76 characters, CRLF line ends throughout.
 * Non-ASCII subjects and display names become RFC 2047 encoded-words. No header value
 * can carry a line break from data (each is stripped), and addresses that could
 * smuggle a header or a second recipient are refused.
 *
 * Left out: attachments, folding of long ASCII subjects beyond 998 characters
 * (refused instead), and internationalised addresses (RFC 6531).
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

/** RFC 2047 encoded-words (B encoding, UTF-8), each at most 75 characters. */
function encodedWords(text: string): string {
  const words: string[] = [];
  let chunk = '';
  // 45 bytes of UTF-8 encode to 60 base64 characters: 12 + 60 <= 75 with the wrapper.
  for (const ch of text) {
    const next = chunk + ch;
    if (new TextEncoder().encode(next).length > 45) {
      words.push(`=?UTF-8?B?${base64(chunk)}?=`);
      chunk = ch;
    } else {
      chunk = next;
    }
  }
  if (chunk !== '') words.push(`=?UTF-8?B?${base64(chunk)}?=`);
  return words.join('\r\n ');
}

function headerText(text: string): string {
  const line = text.replace(BREAKS, ' ').trim();
  return ASCII_PRINTABLE.test(line) && line.length <= 900 ? line : encodedWords(line);
}

function mailbox(m: Mailbox, field: string): Result<string, ErrorOf<'invalid_input'>> {
  if (!ADDRESS.test(m.address)) {
    const issue = { path: [field, 'address'], message: 'not a plain e-mail address' };
    return err(receivablesError('invalid_input', { issues: [issue] }, issue.path));
  }
  const name = (m.name ?? '').replace(BREAKS, ' ').trim();
  if (name === '') return ok(`<${m.address}>`);
  const display = ASCII_PRINTABLE.test(name)
    ? `"${name.replace(/(["\\])/g, '\\$1')}"`
    : encodedWords(name);
  return ok(`${display} <${m.address}>`);
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
  const from = mailbox(message.from, 'from');
  if (from.isErr()) return err(from.error);
  const to = mailbox(message.to, 'to');
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
    `From: ${from.value}`,
    `To: ${to.value}`,
    `Subject: ${headerText(message.subject)}`,
    `Date: ${rfc5322Date(message.date)}`,
    `Message-ID: <${id}.dunning@${domain}>`,
    `X-Idempotency-Key: ${headerText(message.key)}`,
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
