import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhookSignature } from '../../src/adapters/gateway/index.js';

const secret = 'whsec_test';
const rawBody = '{"id":"evt_1","amount":"10.00"}';
const t = 1_700_000_000;
const now = new Date(t * 1000 + 10_000);
// The expected MAC from node:crypto, independent of the Web Crypto code under test.
const sig = createHmac('sha256', secret).update(`${t}.${rawBody}`).digest('hex');
const verify = (o: object) =>
  verifyWebhookSignature({ secret, rawBody, now, header: `t=${t},v1=${sig}`, ...o });
const codeOf = async (o: object) => {
  const r = await verify(o);
  return r.isOk() ? 'ok' : `${r.error.code}${'reason' in r.error ? `: ${r.error.reason}` : ''}`;
};

describe('webhook signatures', () => {
  it('signs as HMAC-SHA256 over "<t>.<body>"', async () => {
    expect((await signWebhook(secret, rawBody, t))._unsafeUnwrap()).toBe(`t=${t},v1=${sig}`);
    expect(await codeOf({})).toBe('ok');
  });

  it('refuses an empty secret with a Result, never a DOMException', async () => {
    expect((await signWebhook('', rawBody, t))._unsafeUnwrapErr().code).toBe('invalid_input');
    expect((await signWebhook(secret, rawBody, Number.NaN))._unsafeUnwrapErr().code).toBe(
      'invalid_input',
    );
    expect(await codeOf({ secret: '' })).toBe('invalid_input');
  });

  it('never lets a bad tolerance or clock switch the replay window off', async () => {
    const old = new Date(0);
    expect(await codeOf({ toleranceSeconds: Number.NaN, now: old })).toBe('invalid_input');
    expect(await codeOf({ toleranceSeconds: Number.POSITIVE_INFINITY })).toBe('invalid_input');
    expect(await codeOf({ toleranceSeconds: -1 })).toBe('invalid_input');
    expect(await codeOf({ now: new Date('x') })).toBe('invalid_input');
    // 301 s away with the default 300 s tolerance.
    expect(await codeOf({ now: new Date(t * 1000 + 301_000) })).toBe(
      'invalid_signature: timestamp is 301 s away from now',
    );
  });

  it('refuses junk after the signature and a second timestamp', async () => {
    const malformed = 'invalid_signature: missing or malformed signature header';
    expect(await codeOf({ header: `t=${t},v1=${sig}=junk` })).toBe(malformed);
    expect(await codeOf({ header: `t=${t + 99_999},t=${t},v1=${sig}` })).toBe(malformed);
    expect(await codeOf({ header: null })).toBe(malformed);
  });

  it('reads hex digits in either case', async () => {
    expect(await codeOf({ header: `t=${t},v1=${sig.toUpperCase()}` })).toBe('ok');
    expect(await codeOf({ header: `t=${t},v1=${'0'.repeat(64)},v1=${sig}` })).toBe('ok');
    expect(await codeOf({ rawBody: rawBody.replace('10.00', '99.00') })).toBe(
      'invalid_signature: signature does not match the body',
    );
  });
});
