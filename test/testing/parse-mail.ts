import { type AddressObject, simpleParser } from 'mailparser';
import type { ReceivedMail } from '../../src/testing/mailer-contract.js';

const addresses = (a: AddressObject | AddressObject[] | undefined): string[] =>
  (Array.isArray(a) ? a : a ? [a] : []).flatMap((o) => o.value.map((v) => v.address ?? ''));

/** Parses a raw RFC 5322 message the way a mail client would. */
export async function parseMail(raw: string | Buffer): Promise<ReceivedMail> {
  const mail = await simpleParser(raw);
  return {
    messageId: mail.messageId,
    subject: mail.subject ?? '',
    to: addresses(mail.to),
    cc: addresses(mail.cc),
    text: mail.text ?? '',
    html: typeof mail.html === 'string' ? mail.html : undefined,
    headerNames: [...mail.headers.keys()].map((k) => k.toLowerCase()),
    attachments: mail.attachments.map((a) => ({
      filename: a.filename ?? '',
      content: a.content.toString('utf8'),
    })),
  };
}
