import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { buildEml } from '../../src/dunning/index.js';

const base = {
  from: { address: 'ar@acme.example', name: 'ACME Forderungen' },
  to: { address: 'ap@muster.example', name: 'Müller & Söhne' },
  subject: 'Zahlungserinnerung für Rechnung 2024-0003 – bitte prüfen Sie Ihre Überweisung',
  text: 'Zu zahlen: 1.250,00 €\nDanke.',
  html: '<p>Zu zahlen: <b>1.250,00 €</b></p>',
  date: '2024-03-07',
  key: 'dun:C1:EUR:L1:0123456789abcdef',
};

describe('buildEml', () => {
  it('builds a multipart/alternative message a mail parser reads back', async () => {
    const eml = buildEml(base)._unsafeUnwrap();
    expect(eml).toContain('Date: Thu, 07 Mar 2024 00:00:00 +0000\r\n');
    expect(eml.split('\r\n').every((line) => line.length <= 998)).toBe(true);
    expect(eml.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const parsed = await simpleParser(eml);
    expect(parsed.subject).toBe(base.subject);
    expect(parsed.from?.value).toEqual([{ address: 'ar@acme.example', name: 'ACME Forderungen' }]);
    expect(parsed.to && !Array.isArray(parsed.to) && parsed.to.value).toEqual([
      { address: 'ap@muster.example', name: 'Müller & Söhne' },
    ]);
    expect(parsed.text).toBe('Zu zahlen: 1.250,00 €\nDanke.');
    expect(parsed.html).toBe(base.html);
    expect(parsed.headers.get('x-idempotency-key')).toBe(base.key);
  });

  it('keeps data from adding headers', async () => {
    const eml = buildEml({
      ...base,
      subject: 'Reminder\r\nBcc: victim@example.com',
      to: { address: 'ap@muster.example', name: 'Evil\r\nBcc: victim@example.com' },
    })._unsafeUnwrap();
    const parsed = await simpleParser(eml);
    expect(parsed.bcc).toBeUndefined();
    expect(parsed.subject).toBe('Reminder Bcc: victim@example.com');
  });

  it('refuses an address that could carry a second header or recipient', () => {
    for (const address of [
      'a@b.example\r\nBcc: c@d.example',
      'a@b.example, c@d.example',
      'no-at',
    ]) {
      const r = buildEml({ ...base, to: { address } });
      expect(r._unsafeUnwrapErr()).toMatchObject({
        code: 'invalid_input',
        path: ['to', 'address'],
      });
    }
  });
});

describe('buildEml: long header values', () => {
  const lines = (eml: string) => eml.slice(0, eml.indexOf('\r\n\r\n')).split('\r\n');

  it('folds a 100,000-character display name into lines of at most 78', async () => {
    const name = 'A'.repeat(100_000);
    const eml = buildEml({ ...base, to: { address: 'ap@muster.example', name } })._unsafeUnwrap();
    expect(Math.max(...lines(eml).map((l) => l.length))).toBeLessThanOrEqual(78);
    const parsed = await simpleParser(eml);
    expect(parsed.to && !Array.isArray(parsed.to) && parsed.to.value).toEqual([
      { address: 'ap@muster.example', name },
    ]);
  });

  it('folds a long ASCII subject at its spaces and keeps its text', async () => {
    const subject = Array.from({ length: 300 }, (_, i) => `word${i}`).join(' ');
    const eml = buildEml({ ...base, subject })._unsafeUnwrap();
    const header = lines(eml);
    expect(Math.max(...header.map((l) => l.length))).toBeLessThanOrEqual(78);
    // Folding only inserts CRLF before a space: unfolded, the subject is unchanged.
    const start = header.findIndex((l) => l.startsWith('Subject: '));
    const folded = [header[start]!];
    for (let i = start + 1; header[i]?.startsWith(' '); i++) folded.push(header[i]!);
    expect(folded.join('')).toBe(`Subject: ${subject}`);
    expect((await simpleParser(eml)).subject).toBe(subject);
  });

  it('encodes a subject with one unbreakable 2,000-character word', async () => {
    const subject = `Invoice ${'x'.repeat(2000)}`;
    const eml = buildEml({ ...base, subject })._unsafeUnwrap();
    expect(Math.max(...lines(eml).map((l) => l.length))).toBeLessThanOrEqual(78);
    expect((await simpleParser(eml)).subject).toBe(subject);
  });

  it('refuses an address longer than 254 characters', () => {
    const address = `${'a'.repeat(250)}@b.example`;
    expect(buildEml({ ...base, to: { address } })._unsafeUnwrapErr().path).toEqual([
      'to',
      'address',
    ]);
  });
});

describe('buildEml: bidi controls', () => {
  it('strips overrides and isolates from display names and subjects', async () => {
    const eml = buildEml({
      ...base,
      subject: 'Reminder \u202eRF18\u202c',
      to: { address: 'ap@muster.example', name: 'M\u2066\u00fcller\u2069' },
    })._unsafeUnwrap();
    const parsed = await simpleParser(eml);
    expect(parsed.subject).toBe('Reminder RF18');
    expect(parsed.to && !Array.isArray(parsed.to) && parsed.to.value[0]?.name).toBe('Müller');
  });
});
