/**
 * The contract suite for a {@link Mailer}: outcome classes, idempotency keys, both
 * bodies and attachments arriving intact, and no header injection from data. The
 * host says how to see what arrived (an SMTP sink, a folder, a provider's API).
 *
 * @module
 */
import type { Mailer, MailMessage } from '../ports/mailer.js';
import { check, checkJsonEqual, type TestRunner } from './runner.js';

/** A message as it arrived, parsed by the host's means (e.g. mailparser). */
export interface ReceivedMail {
  readonly messageId?: string;
  readonly subject: string;
  readonly to: readonly string[];
  readonly cc: readonly string[];
  readonly text: string;
  readonly html?: string;
  /** Header names in lower case. */
  readonly headerNames: readonly string[];
  readonly attachments: readonly { readonly filename: string; readonly content: string }[];
}

/** How the suite gets a mailer and sees what it delivered. */
export interface MailerContractOptions {
  /** A mailer whose deliveries {@link MailerContractOptions.inbox} sees, fresh per test. */
  readonly create: () => Promise<Mailer> | Mailer;
  /** Everything delivered by the last created mailer, in order. */
  readonly inbox: () => Promise<readonly ReceivedMail[]>;
  /** Called after each test (close connections). */
  readonly dispose?: (mailer: Mailer) => Promise<void> | void;
}

const message: MailMessage = {
  from: 'billing@seller.example',
  to: ['ap@acme.example'],
  cc: ['controller@acme.example'],
  subject: 'Invoice 2024-0001 – 1.234,50 €',
  text: 'Please pay 1,234.50 EUR by 2024-02-09.\nReference RF18539007547034',
  html: '<p>Please pay <b>1,234.50&nbsp;EUR</b> by 2024-02-09.</p>',
  attachments: [
    { filename: 'invoice-2024-0001.xml', contentType: 'application/xml', content: '<Invoice/>' },
  ],
};

/**
 * Registers the mailer contract suite with a runner.
 *
 * @example
 * mailerContract({ describe, it }, { create: () => mailer, inbox: () => readInbox() });
 * //=> undefined (the tests are registered)
 */
export function mailerContract(runner: TestRunner, options: MailerContractOptions): void {
  const { describe, it } = runner;
  const run = (body: (mailer: Mailer) => Promise<void>) => async () => {
    const mailer = await options.create();
    try {
      await body(mailer);
    } finally {
      await options.dispose?.(mailer);
    }
  };

  describe('Mailer contract', () => {
    it(
      'delivers headers, both bodies and attachments intact',
      run(async (mailer) => {
        const sent = await mailer.send(message, 'invoice:INV-1');
        check(sent.isOk() && sent.value.messageId !== '', 'an accepted send has a message id');
        const [received, ...more] = await options.inbox();
        check(received && more.length === 0, 'exactly one message arrived');
        check(received.subject === message.subject, `subject arrived as ${received.subject}`);
        checkJsonEqual(received.to, message.to, 'to');
        checkJsonEqual(received.cc, message.cc, 'cc');
        check(received.text.trim() === message.text, `text body arrived as ${received.text}`);
        check(received.html?.trim() === message.html, `html body arrived as ${received.html}`);
        checkJsonEqual(
          received.attachments,
          [{ filename: 'invoice-2024-0001.xml', content: '<Invoice/>' }],
          'attachments',
        );
      }),
    );

    it(
      'gives a resend with the same key the same identity',
      run(async (mailer) => {
        const first = await mailer.send(message, 'reminder:C1:1');
        const second = await mailer.send(message, 'reminder:C1:1');
        const other = await mailer.send(message, 'reminder:C1:2');
        check(first.isOk() && second.isOk() && other.isOk(), 'all three sends are accepted');
        check(first.value.messageId === second.value.messageId, 'same key, same message id');
        check(first.value.messageId !== other.value.messageId, 'other key, other message id');
        const ids = new Set((await options.inbox()).map((m) => m.messageId ?? m.subject));
        check(ids.size === 2, `two distinct messages arrived, not ${ids.size}`);
      }),
    );

    it(
      'never lets a line break in data start a header',
      run(async (mailer) => {
        const evil = { ...message, subject: 'Invoice\r\nBcc: thief@evil.example\r\n\r\nowned' };
        const sent = await mailer.send(evil, 'invoice:evil');
        check(sent.isOk(), 'the message is still sent');
        const [received] = await options.inbox();
        check(received, 'the message arrived');
        check(!received.headerNames.includes('bcc'), 'no Bcc header was injected');
        check(!/[\r\n]/.test(received.subject), 'the subject is one line');
        check(received.text.trim() === message.text, 'the body is the real body');
      }),
    );

    it(
      'rejects a message without recipients for good',
      run(async (mailer) => {
        const sent = await mailer.send({ ...message, to: [], cc: [] }, 'invoice:nobody');
        check(sent.isErr(), 'a message to nobody is not accepted');
        check(sent.error.code === 'delivery_failed' && !sent.error.retryable, 'and not retryable');
      }),
    );
  });
}
