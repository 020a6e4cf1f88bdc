import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFileOutbox, emlFileName } from '../../src/adapters/file-outbox/index.js';
import { manualClock } from '../../src/adapters/memory/index.js';
import { mailerContract } from '../../src/testing/mailer-contract.js';
import { parseMail } from './parse-mail.js';

const root = mkdtempSync(join(tmpdir(), 'receivables-outbox-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let directory = '';
let n = 0;

mailerContract(
  { describe, it },
  {
    create: () => {
      directory = join(root, `box-${++n}`);
      return createFileOutbox({ directory, from: 'billing@seller.example' });
    },
    inbox: async () =>
      Promise.all(
        readdirSync(directory)
          .filter((f) => f.endsWith('.eml'))
          .sort()
          .map((f) => parseMail(readFileSync(join(directory, f)))),
      ),
  },
);

describe('file outbox', () => {
  it('overwrites the same file on a resend and leaves no temporary files', async () => {
    const dir = join(root, 'dedup');
    const mailer = createFileOutbox({
      directory: dir,
      from: 'billing@seller.example',
      clock: manualClock('2024-03-07T08:00:00Z'),
    });
    const message = { to: ['ap@acme.example'], subject: 'Reminder', text: 'Please pay.' };
    await mailer.send(message, 'reminder:C1/1');
    await mailer.send({ ...message, text: 'Please pay now.' }, 'reminder:C1/1');
    expect(readdirSync(dir)).toEqual([emlFileName('reminder:C1/1')]);
    const mail = await parseMail(readFileSync(join(dir, emlFileName('reminder:C1/1'))));
    expect(mail.text.trim()).toBe('Please pay now.');
    expect(readFileSync(join(dir, emlFileName('reminder:C1/1')), 'utf8')).toContain(
      'Date: Thu, 07 Mar 2024 08:00:00 GMT',
    );
  });

  it('folds a long subject into header lines of at most 78 characters', async () => {
    const dir = join(root, 'long');
    const mailer = createFileOutbox({ directory: dir, from: 'billing@seller.example' });
    const subject = `Zahlungserinnerung ${'Überweisung '.repeat(400)}`.trim();
    await mailer.send({ to: ['ap@acme.example'], subject, text: 'x' }, 'long:1');
    const eml = readFileSync(join(dir, emlFileName('long:1')), 'utf8');
    const header = eml.slice(0, eml.indexOf('\r\n\r\n')).split('\r\n');
    expect(Math.max(...header.map((l) => l.length))).toBeLessThanOrEqual(78);
    expect((await parseMail(Buffer.from(eml))).subject).toBe(subject);
  });

  it('names files safely and keeps look-alike keys apart', () => {
    expect(emlFileName('a/b')).toMatch(/^a_b-[0-9a-f]{8}\.eml$/);
    expect(emlFileName('a/b')).not.toBe(emlFileName('a:b'));
    expect(emlFileName('../../etc/passwd')).not.toContain('/');
  });
});
