import { describe, expect, it } from 'vitest';
import { createMemoryMailer, type MemoryMailer } from '../../src/adapters/memory/index.js';
import { mailerContract } from '../../src/testing/mailer-contract.js';

let mailer: MemoryMailer = createMemoryMailer();

mailerContract(
  { describe, it },
  {
    create: () => {
      mailer = createMemoryMailer();
      return mailer;
    },
    inbox: async () =>
      mailer.delivered.map(({ key, message }) => ({
        messageId: key,
        subject: message.subject.replace(/[\r\n]+/g, ' '),
        to: message.to,
        cc: message.cc ?? [],
        text: message.text,
        html: message.html,
        headerNames: [],
        attachments: (message.attachments ?? []).map((a) => ({
          filename: a.filename,
          content: a.content,
        })),
      })),
  },
);

describe('memory mailer', () => {
  it('fails or rejects when told to, and records every call', async () => {
    const m = createMemoryMailer((_m, _k, call) =>
      call === 1 ? 'fail' : call === 2 ? 'reject' : undefined,
    );
    const message = { to: ['a@b.example'], subject: 'S', text: 'T' };
    expect((await m.send(message, 'k'))._unsafeUnwrapErr().retryable).toBe(true);
    expect((await m.send(message, 'k'))._unsafeUnwrapErr().retryable).toBe(false);
    expect((await m.send(message, 'k')).isOk()).toBe(true);
    expect(m.calls).toHaveLength(3);
    expect(m.delivered).toHaveLength(1);
  });
});
