import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmtpMailer, type SmtpMailer } from '../../src/adapters/smtp/index.js';
import { mailerContract, type ReceivedMail } from '../../src/testing/mailer-contract.js';
import { parseMail } from './parse-mail.js';

// A real SMTP server on loopback: what the mailer sends goes over a socket and is
// parsed back by mailparser, as a receiving mail system would see it.
let received: Buffer[] = [];
let rejectNext = false;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  onRcptTo(address, _session, callback) {
    if (address.address.endsWith('@nowhere.example')) {
      const error = Object.assign(new Error('No such user'), { responseCode: 550 });
      callback(error);
      return;
    }
    callback();
  },
  onData(stream, _session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => {
      if (rejectNext) {
        rejectNext = false;
        callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
        return;
      }
      received.push(Buffer.concat(chunks));
      callback();
    });
  },
});
let port = 0;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.server.address() as AddressInfo).port;
});
afterAll(async () => new Promise<void>((resolve) => server.close(() => resolve())));

const create = (): SmtpMailer => {
  received = [];
  return createSmtpMailer({
    transport: { host: '127.0.0.1', port, secure: false, ignoreTLS: true },
    from: 'billing@seller.example',
  });
};

mailerContract(
  { describe, it },
  {
    create,
    inbox: async (): Promise<ReceivedMail[]> => Promise.all(received.map((r) => parseMail(r))),
    dispose: (mailer) => (mailer as SmtpMailer).close(),
  },
);

describe('SMTP mailer', () => {
  const message = { to: ['ap@acme.example'], subject: 'Invoice', text: 'Hi' };

  it('reports a 5xx reply as a permanent rejection', async () => {
    const mailer = create();
    const sent = await mailer.send({ ...message, to: ['ghost@nowhere.example'] }, 'k-550');
    expect(sent._unsafeUnwrapErr()).toMatchObject({ code: 'delivery_failed', retryable: false });
    await mailer.close();
  });

  it('reports a 4xx reply as retryable, and a later retry succeeds', async () => {
    const mailer = create();
    rejectNext = true;
    const first = await mailer.send(message, 'k-451');
    expect(first._unsafeUnwrapErr()).toMatchObject({ code: 'delivery_failed', retryable: true });
    expect((await mailer.send(message, 'k-451')).isOk()).toBe(true);
    expect(received).toHaveLength(1);
    await mailer.close();
  });

  it('reports a refused connection as retryable', async () => {
    const mailer = createSmtpMailer({
      transport: { host: '127.0.0.1', port: 1, connectionTimeout: 2000 },
      from: 'billing@seller.example',
    });
    const sent = await mailer.send(message, 'k-down');
    expect(sent._unsafeUnwrapErr()).toMatchObject({ code: 'delivery_failed', retryable: true });
    await mailer.close();
  });
});
