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

const badInput = (path: string, message: string) =>
  err(receivablesError('invalid_input', { issues: [{ path: [path], message }] }, [path]));

/** A secret Web Crypto can key an HMAC with: a non-empty string. */
const badSecret = (secret: unknown) =>
  typeof secret !== 'string' || secret === ''
    ? badInput('secret', 'the signing secret must be a non-empty string')
    : undefined;

/**
 * The signature header for a body sent at `timestampSeconds`.
 *
 * @param secret - the shared signing secret (non-empty)
 * @param timestampSeconds - Unix seconds, a non-negative integer
 *
 * @example
 * (await signWebhook('whsec', '{}', 1700000000)).map((h) => h.startsWith('t=1700000000,v1='))
 * //=> Ok(true)
 */
export async function signWebhook(
  secret: string,
  rawBody: string,
  timestampSeconds: number,
): Promise<Result<string, ErrorOf<'invalid_input'>>> {
  const refused = badSecret(secret);
  if (refused) return refused;
  if (!Number.isSafeInteger(timestampSeconds) || timestampSeconds < 0) {
    return badInput('timestampSeconds', 'expected Unix seconds, a non-negative integer');
  }
  if (typeof rawBody !== 'string') return badInput('rawBody', 'expected the raw body text');
  const mac = await hmacHex(secret, `${timestampSeconds}.${rawBody}`);
  return ok(`t=${timestampSeconds},v1=${mac}`);
}

const HEX_SHA256 = /^[0-9a-f]{64}$/i;

/** The `t` and `v1` fields of a header; undefined when it is not `t=...,v1=...`. */
function readHeader(header: unknown): { timestamp: string; signatures: string[] } | undefined {
  if (typeof header !== 'string') return undefined;
  const timestamps: string[] = [];
  const signatures: string[] = [];
  for (const field of header.split(',')) {
    const at = field.indexOf('=');
    if (at < 0) continue;
    const key = field.slice(0, at).trim();
    const value = field.slice(at + 1).trim();
    if (key === 't') timestamps.push(value);
    // Hex is case-insensitive; anything else after `v1=` (`<sig>=junk`) is no signature.
    if (key === 'v1' && HEX_SHA256.test(value)) signatures.push(value.toLowerCase());
  }
  const [timestamp] = timestamps;
  if (timestamps.length !== 1 || !/^\d{1,12}$/.test(timestamp!) || signatures.length === 0) {
    return undefined;
  }
  return { timestamp: timestamp!, signatures };
}

/**
 * Verifies a webhook's signature header against its raw body and the clock. A
 * header with two timestamps, or whose `v1` values are not 64 hex digits, is
 * malformed; hex digits may be upper or lower case. Options that would switch a
 * check off (an empty secret, a tolerance that is not a finite number of seconds
 * >= 0, an invalid `now`) are `invalid_input`, never a pass.
 *
 * @example
 * const header = (await signWebhook('whsec', '{}', 1700000000))._unsafeUnwrap();
 * (await verifyWebhookSignature({ secret: 'whsec', rawBody: '{}', header,
 *   now: new Date(1700000100_000) })).isOk()
 * //=> true
 */
export async function verifyWebhookSignature(
  options: VerifyWebhookOptions,
): Promise<Result<void, ErrorOf<'invalid_signature' | 'invalid_input'>>> {
  const fail = (reason: string) => err(receivablesError('invalid_signature', { reason }));
  const refused = badSecret(options.secret);
  if (refused) return refused;
  const tolerance = options.toleranceSeconds ?? 300;
  if (typeof tolerance !== 'number' || !Number.isFinite(tolerance) || tolerance < 0) {
    return badInput('toleranceSeconds', 'expected a finite number of seconds >= 0');
  }
  const now = options.now instanceof Date ? options.now.getTime() : Number.NaN;
  if (!Number.isFinite(now)) return badInput('now', 'expected a valid Date');
  if (typeof options.rawBody !== 'string') return badInput('rawBody', 'expected the raw body');
  const header = readHeader(options.header);
  if (header === undefined) return fail('missing or malformed signature header');
  const age = Math.abs(now / 1000 - Number(header.timestamp));
  if (age > tolerance) return fail(`timestamp is ${Math.round(age)} s away from now`);
  const expected = await hmacHex(options.secret, `${header.timestamp}.${options.rawBody}`);
  let matched = false;
  for (const signature of header.signatures) {
    matched = constantTimeEqual(signature, expected) || matched;
  }
  return matched ? ok(undefined) : fail('signature does not match the body');
}
