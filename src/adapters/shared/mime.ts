/**
 * A small RFC 5322 / MIME writer for the file outbox: headers with RFC 2047 encoded
 * words for non-ASCII text, subjects folded to lines of at most 78 characters, a
 * multipart/alternative text + HTML body, attachments in base64. Every header value is
 * stripped of line breaks first, so data can never start a header of its own (header
 * injection).
 *
 * @module
 */
import { createHash } from 'node:crypto';
import { foldHeader } from '../../dunning/messages/mime.js';
import type { MailMessage } from '../../ports/mailer.js';

/**
 * A header value with every CR, LF and other control character turned into a space.
 *
 * @example
 * headerSafe('Invoice\r\nBcc: x@evil.example')
 * //=> 'Invoice  Bcc: x@evil.example'
 */
export function headerSafe(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are the point
  return value.replace(/[\u0000-\u001f\u007f]/g, ' ');
}

/**
 * A stable `Message-ID` for an idempotency key, so a resend is recognisably the same.
 *
 * @example
 * messageIdFor('invoice:INV-1', 'example.com').endsWith('@example.com>')
 * //=> true
 */
export function messageIdFor(idempotencyKey: string, domain: string): string {
  const hash = createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 32);
  return `<${hash}@${headerSafe(domain).replace(/[^A-Za-z0-9.-]/g, '') || 'receivables.invalid'}>`;
}

function encodeWord(value: string): string {
  const safe = headerSafe(value);
  if (/^[\u0020-\u007e]*$/.test(safe)) return safe;
  return `=?UTF-8?B?${Buffer.from(safe, 'utf8').toString('base64')}?=`;
}

function base64Lines(content: string | Buffer): string {
  const b64 = (typeof content === 'string' ? Buffer.from(content, 'utf8') : content).toString(
    'base64',
  );
  return (b64.match(/.{1,76}/g) ?? []).join('\r\n');
}

function part(contentType: string, content: string | Buffer, extra: string[] = []): string {
  return [
    `Content-Type: ${contentType}`,
    'Content-Transfer-Encoding: base64',
    ...extra,
    '',
    base64Lines(content),
  ].join('\r\n');
}

/** What the writer needs besides the message. */
export interface EmlEnvelope {
  readonly from: string;
  readonly date: Date;
  readonly messageId: string;
  readonly idempotencyKey: string;
}

/**
 * The message as the text of an .eml file (CRLF line ends).
 *
 * @example
 * buildEml({ to: ['a@b.example'], subject: 'Hi', text: 'x' }, envelope).includes('Subject: Hi')
 * //=> true
 */
export function buildEml(message: MailMessage, envelope: EmlEnvelope): string {
  const boundary = envelope.messageId.replace(/[^A-Za-z0-9]/g, '').slice(0, 24);
  const alt = `alt-${boundary}`;
  const mixed = `mixed-${boundary}`;
  const list = (addresses: readonly string[]) => addresses.map(headerSafe).join(', ');
  const headers = [
    `From: ${headerSafe(message.from ?? envelope.from)}`,
    `To: ${list(message.to)}`,
    ...(message.cc?.length ? [`Cc: ${list(message.cc)}`] : []),
    foldHeader('Subject', headerSafe(message.subject)),
    `Date: ${envelope.date.toUTCString()}`,
    `Message-ID: ${envelope.messageId}`,
    foldHeader('X-Idempotency-Key', headerSafe(envelope.idempotencyKey)),
    'MIME-Version: 1.0',
  ];
  const bodies = [part('text/plain; charset=utf-8', message.text)];
  if (message.html !== undefined) bodies.push(part('text/html; charset=utf-8', message.html));
  const alternative = [
    `Content-Type: multipart/alternative; boundary="${alt}"`,
    '',
    ...bodies.map((b) => `--${alt}\r\n${b}`),
    `--${alt}--`,
  ].join('\r\n');
  const attachments = (message.attachments ?? []).map((a) => {
    const name = encodeWord(a.filename).replace(/"/g, "'");
    const content = a.encoding === 'base64' ? Buffer.from(a.content, 'base64') : a.content;
    return part(`${headerSafe(a.contentType)}; name="${name}"`, content, [
      `Content-Disposition: attachment; filename="${name}"`,
    ]);
  });
  const body =
    attachments.length === 0
      ? alternative
      : [
          `Content-Type: multipart/mixed; boundary="${mixed}"`,
          '',
          ...[alternative, ...attachments].map((p) => `--${mixed}\r\n${p}`),
          `--${mixed}--`,
        ].join('\r\n');
  return `${headers.join('\r\n')}\r\n${body}\r\n`;
}
