/**
 * Webhook signatures: HMAC-SHA256 over `<timestamp>.<raw body>`, sent as
 * `t=<unix seconds>,v1=<hex>` in one header (the scheme most payment providers use).
 * Verification checks the timestamp against a tolerance (so a captured request
 * cannot be replayed later) and compares signatures in constant time. Built on Web
 * Crypto, so it runs in Node, Deno, browsers and edge runtimes alike.
 *
 * @module
 */
import { err, ok, type Result } from 'neverthrow';
import { type ErrorOf, receivablesError } from '../../errors/index.js';

/** The header the fake gateway and {@link signWebhook} use. */
export const SIGNATURE_HEADER = 'x-receivables-signature';

/** Options of {@link verifyWebhookSignature}. */
export interface VerifyWebhookOptions {
  /** The shared signing secret. */
  readonly secret: string;
  /** The request body exactly as received, before any JSON parsing. */
  readonly rawBody: string;
  /** The signature header value, `t=...,v1=...`. */
  readonly header: string | undefined;
  /** The current instant, from the engine's clock. */
  readonly now: Date;
  /** How far the timestamp may be from `now`, in seconds; default 300. */
  readonly toleranceSeconds?: number;
}

const encoder = new TextEncoder();

async function hmacHex(secret: string, payload: string): Promise<string> {
  const key = await globalThis.crypto.subtle.importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = new Uint8Array(
    await globalThis.crypto.subtle.sign('HMAC', key, encoder.encode(payload)),
  );
  return Array.from(mac, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * True when two strings are equal, taking the same time wherever they differ.
 *
 * @example
 * constantTimeEqual('abc', 'abd')
 * //=> false
 */
export function constantTimeEqual(a: string, b: string): boolean {
  const x = encoder.encode(a);
  const y = encoder.encode(b);
  let difference = x.length ^ y.length;
  for (let i = 0; i < x.length; i += 1) difference |= (x[i] ?? 0) ^ (y[i % y.length] ?? 0);
  return difference === 0;
}

/**
 * The signature header for a body sent at `timestampSeconds`.
 *
 * @example
 * (await signWebhook('whsec', '{}', 1700000000)).startsWith('t=1700000000,v1=')
 * //=> true
 */
export async function signWebhook(
  secret: string,
  rawBody: string,
  timestampSeconds: number,
): Promise<string> {
  return `t=${timestampSeconds},v1=${await hmacHex(secret, `${timestampSeconds}.${rawBody}`)}`;
}

/**
 * Verifies a webhook's signature header against its raw body and the clock.
 *
 * @example
 * const header = await signWebhook('whsec', '{}', 1700000000);
 * (await verifyWebhookSignature({ secret: 'whsec', rawBody: '{}', header,
 *   now: new Date(1700000100_000) })).isOk()
 * //=> true
 */
export async function verifyWebhookSignature(
  options: VerifyWebhookOptions,
): Promise<Result<void, ErrorOf<'invalid_signature'>>> {
  const fail = (reason: string) => err(receivablesError('invalid_signature', { reason }));
  const fields = (options.header ?? '').split(',').map((f) => f.trim().split('='));
  const timestamp = fields.find(([k]) => k === 't')?.[1];
  const signatures = fields.filter(([k, v]) => k === 'v1' && v).map(([, v]) => v as string);
  if (timestamp === undefined || !/^\d{1,12}$/.test(timestamp) || signatures.length === 0) {
    return fail('missing or malformed signature header');
  }
  const age = Math.abs(options.now.getTime() / 1000 - Number(timestamp));
  if (age > (options.toleranceSeconds ?? 300)) {
    return fail(`timestamp is ${Math.round(age)} s away from now`);
  }
  const expected = await hmacHex(options.secret, `${timestamp}.${options.rawBody}`);
  let matched = false;
  for (const signature of signatures) matched = constantTimeEqual(signature, expected) || matched;
  return matched ? ok(undefined) : fail('signature does not match the body');
}
