import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFileOutbox } from '../../src/adapters/file-outbox/index.js';
import { createMemoryMailer, manualClock } from '../../src/adapters/memory/index.js';
import type { Mailer } from '../../src/ports/mailer.js';
import { acme, harness, issueOne } from './harness.js';

const dir = mkdtempSync(join(tmpdir(), 'receivables-reliability-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('outbox delivery', () => {
  it('retries a failed mail with exponential backoff and reports it until it is sent', async () => {
    // The first two calls fail (mail server down), the third succeeds.
    const mailer = createMemoryMailer((_m, _k, call) => (call <= 2 ? 'fail' : undefined));
    const { engine, store, clock } = harness({ mailer });
    await engine.saveCustomer(acme);
    await issueOne(engine);

    const first = (await engine.deliverOutbox())._unsafeUnwrap();
    expect(first.sent).toBe(0);
    // Attempt 1 failed at 09:00:00: next try after the base delay of 60 s.
    expect(first.retrying).toMatchObject([
      { attempts: 1, nextAttemptAt: '2024-03-01T09:01:00.000Z' },
    ]);
    expect((await engine.deliverOutbox())._unsafeUnwrap()).toEqual({
      sent: 0,
      retrying: [],
      dead: [],
    });

    clock.advance(60_000);
    const second = (await engine.deliverOutbox())._unsafeUnwrap();
    // Attempt 2 failed at 09:01:00: the wait doubles to 120 s.
    expect(second.retrying).toMatchObject([
      { attempts: 2, nextAttemptAt: '2024-03-01T09:03:00.000Z' },
    ]);
    clock.advance(120_000);
    expect((await engine.deliverOutbox())._unsafeUnwrap().sent).toBe(1);
    const [record] = (await store.transaction(async (s) => s.outbox.list()))._unsafeUnwrap();
    expect(record).toMatchObject({ status: 'sent', attempts: 3 });
    expect(mailer.calls.map((c) => c.key)).toEqual([
      'invoice:INV-1',
      'invoice:INV-1',
      'invoice:INV-1',
    ]);
  });

  it('keeps a rejected mail as dead, reported, never deleted', async () => {
    const mailer = createMemoryMailer(() => 'reject');
    const { engine, store } = harness({ mailer });
    await engine.saveCustomer(acme);
    await issueOne(engine);
    const report = (await engine.deliverOutbox())._unsafeUnwrap();
    expect(report.dead).toMatchObject([{ key: 'invoice:INV-1', attempts: 1 }]);
    expect(report.dead[0]?.error).toContain('mailbox does not exist');
    const [record] = (await store.transaction(async (s) => s.outbox.list()))._unsafeUnwrap();
    expect(record?.status).toBe('dead');
  });

  it('gives up after the last attempt', async () => {
    const mailer = createMemoryMailer(() => 'fail');
    const { engine, clock } = harness({ mailer });
    await engine.saveCustomer(acme);
    await issueOne(engine);
    let dead = 0;
    for (let i = 0; i < 10; i += 1) {
      dead += (await engine.deliverOutbox())._unsafeUnwrap().dead.length;
      clock.advance(6 * 3_600_000);
    }
    expect(dead).toBe(1);
    expect(mailer.calls).toHaveLength(8);
  });

  it('resends with the same key after a crash between sending and recording', async () => {
    const outbox = join(dir, 'crash');
    const files = createFileOutbox({ directory: outbox, from: 'billing@seller.example' });
    const keys: string[] = [];
    // Process A delivers the message, then dies before it can record the outcome:
    // its send never returns.
    const dying: Mailer = {
      async send(message, key) {
        keys.push(key);
        await files.send(message, key);
        return new Promise(() => undefined);
      },
    };
    const clock = manualClock('2024-03-01T09:00:00Z');
    const a = harness({ mailer: dying, clock });
    await a.engine.saveCustomer(acme);
    await issueOne(a.engine);
    void a.engine.deliverOutbox();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const [stuck] = (await a.store.transaction(async (s) => s.outbox.list()))._unsafeUnwrap();
    expect(stuck?.status).toBe('sending');

    // Process B, on the same store, waits for A's lease, then sends again with the same key.
    const b = harness({
      store: a.store,
      mailer: {
        send: (m, k) => {
          keys.push(k);
          return files.send(m, k);
        },
      },
      clock,
    });
    expect((await b.engine.deliverOutbox())._unsafeUnwrap().sent).toBe(0);
    clock.advance(5 * 60_000);
    expect((await b.engine.deliverOutbox())._unsafeUnwrap().sent).toBe(1);
    expect(keys).toEqual(['invoice:INV-1', 'invoice:INV-1']);
    // The file outbox deduplicates by key: one message, not two.
    expect(readdirSync(outbox).filter((f) => f.endsWith('.eml'))).toHaveLength(1);
    const [record] = (await b.store.transaction(async (s) => s.outbox.list()))._unsafeUnwrap();
    expect(record).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('treats a mailer that throws as a retryable failure', async () => {
    const throwing: Mailer = {
      send: async () => {
        throw new Error('socket hang up');
      },
    };
    const { engine } = harness({ mailer: throwing });
    await engine.saveCustomer(acme);
    await issueOne(engine);
    const report = (await engine.deliverOutbox())._unsafeUnwrap();
    expect(report.retrying[0]?.error).toContain('socket hang up');
  });
});
