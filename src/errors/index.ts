/**
 * Errors as data. Every failure that outside input can cause is a
 * {@link ReceivablesError}: a plain object keyed by a snake_case `code`, with a
 * `path` to the offending input and a readable `message` taken from one
 * catalogue ({@link describeError}), so that messages read alike and can be
 * translated by a host. Programmer misuse (an impossible state) throws through
 * {@link invariant} instead.
 *
 * @module
 */
import type { z } from 'zod';

/** Where in the input a problem sits: object keys and array indexes, outermost first. */
export type ErrorPath = readonly (string | number)[];

/**
 * The fields that each error code carries besides `code`, `path` and `message`.
 * Hosts switch on `code`; the fields are typed per code.
 */
export interface ErrorDetails {
  /** An amount is not a plain decimal string, or has more decimals than allowed. */
  invalid_amount: { readonly input: string; readonly reason: string };
  /** A currency code is not a known ISO 4217 code or registered currency. */
  unknown_currency: { readonly currency: string };
  /** Two amounts in different currencies were combined. */
  currency_mismatch: { readonly expected: string; readonly actual: string };
  /** A number that must be a decimal (rate, ratio, quantity) is not acceptable. */
  invalid_number: { readonly input: string; readonly reason: string };
  /** A calendar date is not a valid `YYYY-MM-DD` date. */
  invalid_date: { readonly input: string };
  /** Input failed schema validation; `issues` lists every problem found. */
  invalid_input: {
    readonly issues: readonly { readonly path: ErrorPath; readonly message: string }[];
  };
  /** A VAT category that requires an exemption reason has none (BR-E-10 and similar). */
  missing_exemption_reason: { readonly category: string; readonly rule: string };
  /** A VAT category that must not carry an exemption reason has one (BR-S-10, BR-Z-10). */
  unexpected_exemption_reason: { readonly category: string; readonly rule: string };
  /** Two VAT categories that must not appear in one invoice do (BR-O-11, BR-B-02). */
  vat_category_conflict: {
    readonly category: string;
    readonly other: string;
    readonly rule: string;
  };
  /** A VAT category and rate do not fit together (e.g. category Z with a rate above 0). */
  invalid_tax_rate: {
    readonly category: string;
    readonly ratePercent: string;
    readonly rule: string;
  };
  /** Payment terms that cannot produce a due date or schedule. */
  invalid_terms: { readonly reason: string };
  /** A document, item or record referred to does not exist. */
  not_found: { readonly kind: string; readonly id: string };
  /** The same id was used for two different records. */
  duplicate_id: { readonly kind: string; readonly id: string };
  /** More was allocated than a payment or credit has left. */
  overallocation: { readonly available: string; readonly requested: string };
  /** A payment or credit of one customer was applied to another customer's item. */
  customer_mismatch: { readonly expected: string; readonly actual: string };
  /** The item cannot take an allocation in its state (draft, written off...). */
  not_allocatable: { readonly id: string; readonly status: string };
  /** A bank file or document could not be read. `line` is 1-based where known. */
  parse_error: { readonly format: string; readonly reason: string; readonly line?: number };
  /** The input is larger or deeper than the reader accepts. */
  input_too_large: { readonly limit: string; readonly actual: string };
  /** The input declares something the reader refuses for safety (DTD, external entity). */
  unsafe_input: { readonly reason: string };
  /** A file's format was not recognised. */
  unsupported_format: { readonly reason: string };
  /** A payment reference fails its format or check digits. */
  invalid_reference: { readonly scheme: string; readonly input: string; readonly reason: string };
  /** A policy object (matching, dunning, rounding) is not usable. */
  invalid_policy: { readonly reason: string };
  /** No late-payment reference rate is known for a date. */
  missing_rate: { readonly date: string };
  /** A stale write: the record changed since it was read (optimistic concurrency). */
  conflict: { readonly kind: string; readonly id: string; readonly expectedVersion: number };
  /** An idempotency key or unique key was already used for a different record. */
  duplicate_key: { readonly key: string };
  /** A mail or gateway call failed; `retryable` says whether a retry may succeed. */
  delivery_failed: { readonly reason: string; readonly retryable: boolean };
  /** A webhook signature or timestamp did not verify. */
  invalid_signature: { readonly reason: string };
  /** A report that works in one currency was given none, or a ledger holding several. */
  currency_required: { readonly currencies: readonly string[] };
  /** The store could not do its work (busy, corrupt, schema newer than this library). */
  storage_failed: { readonly reason: string; readonly retryable: boolean };
}

/** Every error code `receivables` can return. */
export type ErrorCode = keyof ErrorDetails;

/** A failure caused by input: a value, never thrown by the pure core. */
export type ReceivablesError = {
  [C in ErrorCode]: {
    readonly code: C;
    readonly path: ErrorPath;
    readonly message: string;
  } & ErrorDetails[C];
}[ErrorCode];

/** The error of one code, e.g. `ErrorOf<'invalid_amount'>`. */
export type ErrorOf<C extends ErrorCode> = Extract<ReceivablesError, { code: C }>;

const where = (path: ErrorPath): string => (path.length === 0 ? '' : ` at ${formatPath(path)}`);

/** The message catalogue: one sentence per code, built from the code's fields. */
const catalogue: { [C in ErrorCode]: (d: ErrorDetails[C]) => string } = {
  invalid_amount: (d) => `Invalid amount ${JSON.stringify(d.input)}: ${d.reason}`,
  unknown_currency: (d) => `Unknown currency ${JSON.stringify(d.currency)}`,
  currency_mismatch: (d) => `Currency mismatch: expected ${d.expected}, got ${d.actual}`,
  invalid_number: (d) => `Invalid number ${JSON.stringify(d.input)}: ${d.reason}`,
  invalid_date: (d) => `Invalid calendar date ${JSON.stringify(d.input)}, expected YYYY-MM-DD`,
  invalid_input: (d) =>
    `Invalid input: ${d.issues.map((i) => `${i.message}${where(i.path)}`).join('; ')}`,
  missing_exemption_reason: (d) =>
    `VAT category ${d.category} requires an exemption reason (${d.rule})`,
  unexpected_exemption_reason: (d) =>
    `VAT category ${d.category} must not have an exemption reason (${d.rule})`,
  vat_category_conflict: (d) =>
    `VAT category ${d.category} cannot be combined with ${d.other} in one invoice (${d.rule})`,
  invalid_tax_rate: (d) =>
    `VAT category ${d.category} does not allow rate ${d.ratePercent} % (${d.rule})`,
  invalid_terms: (d) => `Invalid payment terms: ${d.reason}`,
  not_found: (d) => `No ${d.kind} with id ${JSON.stringify(d.id)}`,
  duplicate_id: (d) => `Duplicate ${d.kind} id ${JSON.stringify(d.id)}`,
  overallocation: (d) => `Cannot allocate ${d.requested}: only ${d.available} is left`,
  customer_mismatch: (d) =>
    `Belongs to customer ${JSON.stringify(d.actual)}, not ${JSON.stringify(d.expected)}`,
  not_allocatable: (d) => `Item ${JSON.stringify(d.id)} is ${d.status} and cannot be allocated to`,
  parse_error: (d) =>
    `Cannot read ${d.format}${d.line === undefined ? '' : ` (line ${d.line})`}: ${d.reason}`,
  input_too_large: (d) => `Input too large: ${d.actual} exceeds the limit of ${d.limit}`,
  unsafe_input: (d) => `Refused unsafe input: ${d.reason}`,
  unsupported_format: (d) => `Unsupported format: ${d.reason}`,
  invalid_reference: (d) => `Invalid ${d.scheme} reference ${JSON.stringify(d.input)}: ${d.reason}`,
  invalid_policy: (d) => `Invalid policy: ${d.reason}`,
  missing_rate: (d) => `No late-payment reference rate is known for ${d.date}`,
  conflict: (d) =>
    `The ${d.kind} ${JSON.stringify(d.id)} changed since version ${d.expectedVersion} was read`,
  duplicate_key: (d) => `The key ${JSON.stringify(d.key)} was already used`,
  delivery_failed: (d) => `Delivery failed${d.retryable ? ' (will retry)' : ''}: ${d.reason}`,
  invalid_signature: (d) => `Webhook signature rejected: ${d.reason}`,
  currency_required: (d) =>
    `Name the currency to report in; the input holds ${d.currencies.join(', ') || 'none'}`,
  storage_failed: (d) => `Storage failed${d.retryable ? ' (will retry)' : ''}: ${d.reason}`,
};

/** Formats a path as `lines[2].quantity`. */
export function formatPath(path: ErrorPath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/**
 * The catalogue message for an error code and its fields, with the path appended.
 *
 * @example
 * describeError('unknown_currency', { currency: 'XYZ' }, ['currency'])
 * //=> 'Unknown currency "XYZ" at currency'
 */
export function describeError<C extends ErrorCode>(
  code: C,
  details: ErrorDetails[C],
  path: ErrorPath = [],
): string {
  // An invalid_input message already names the path of each of its issues.
  const suffix = code === 'invalid_input' ? '' : where(path);
  return `${catalogue[code](details)}${suffix}`;
}

/**
 * Builds a {@link ReceivablesError} with its catalogue message.
 *
 * @example
 * receivablesError('invalid_date', { input: '2024-02-30' }, ['issueDate']).message
 * //=> 'Invalid calendar date "2024-02-30", expected YYYY-MM-DD at issueDate'
 */
export function receivablesError<C extends ErrorCode>(
  code: C,
  details: ErrorDetails[C],
  path: ErrorPath = [],
): ErrorOf<C> {
  const error = { code, path, ...details, message: describeError(code, details, path) };
  return error as unknown as ErrorOf<C>;
}

/** Returns the same error with `prefix` put in front of its path (for nested input). */
export function atPath<E extends ReceivablesError>(error: E, prefix: ErrorPath): E {
  const path = [...prefix, ...error.path];
  const { code, message: _m, path: _p, ...details } = error;
  return receivablesError(code, details as never, path) as E;
}

type ZodIssue = z.core.$ZodIssue;
type Issue = { readonly path: ErrorPath; readonly message: string };

const ARTICLE: Record<string, string> = { int: 'an integer', boolean: 'true or false' };
const typeName = (t: string) => ARTICLE[t] ?? `${/^[aeiou]/.test(t) ? 'an' : 'a'} ${t}`;
const quote = (v: unknown) => String(JSON.stringify(v));
const listed = (values: readonly unknown[]) =>
  values.length === 1
    ? `expected ${quote(values[0])}`
    : `expected one of ${values.map(quote).join(', ')}`;

function limit(i: ZodIssue & { code: 'too_big' | 'too_small' }): string {
  const big = i.code === 'too_big';
  const bound = String(big ? i.maximum : i.minimum);
  const exact = i.inclusive !== false;
  const noun = i.origin === 'string' ? 'character' : /array|set/.test(i.origin) ? 'item' : '';
  const unit = noun && ` ${noun}${bound === '1' ? '' : 's'}`;
  const word = big ? (exact ? 'at most' : 'below') : exact ? 'at least' : 'above';
  return unit ? `must have ${word} ${bound}${unit}` : `must be ${word} ${bound}`;
}

/**
 * Our wording of zod's default messages (which start with `Invalid input:`, `Too big:`
 * and the like, and would repeat the catalogue's own prefix); a message a schema wrote
 * itself is kept as it is.
 */
function wording(i: ZodIssue): string {
  const m = i.message;
  switch (i.code) {
    case 'invalid_type': {
      if (!m.startsWith('Invalid input: expected')) return m;
      const received = /received (\w+)$/.exec(m)?.[1];
      if (received === 'undefined') return `missing: expected ${typeName(i.expected)}`;
      if (i.expected === 'int' && received === 'number') return 'expected an integer';
      return `expected ${typeName(i.expected)}${received ? `, received ${received}` : ''}`;
    }
    case 'too_big':
    case 'too_small':
      return /^Too (big|small):/.test(m) ? limit(i) : m;
    case 'invalid_value':
      return /^Invalid (option|input): expected/.test(m) ? listed(i.values) : m;
    case 'invalid_union': {
      const options = (i as { options?: readonly unknown[] }).options;
      return options && m.startsWith('Invalid discriminator') ? listed(options) : m;
    }
    case 'unrecognized_keys':
      if (!m.startsWith('Unrecognized key')) return m;
      return `unknown field${i.keys.length > 1 ? 's' : ''} ${i.keys.map(quote).join(', ')}`;
    default:
      return m.replace(/^Invalid input: /, '');
  }
}

/** The issues of the union member that got furthest: fewest issues, then deepest path. */
function bestMember(members: readonly (readonly ZodIssue[])[]): readonly ZodIssue[] {
  const depth = (issues: readonly ZodIssue[]) => Math.max(0, ...issues.map((i) => i.path.length));
  let best = members[0] ?? [];
  for (const issues of members.slice(1)) {
    const fewer = issues.length < best.length;
    if (fewer || (issues.length === best.length && depth(issues) > depth(best))) best = issues;
  }
  return best;
}

/** Flattens zod issues, replacing a union's "Invalid input" by its best member's issues. */
function flatten(issues: readonly ZodIssue[], prefix: ErrorPath): Issue[] {
  return issues.flatMap((i) => {
    const path = [...prefix, ...i.path.filter((p): p is string | number => typeof p !== 'symbol')];
    if (i.code === 'invalid_union' && i.errors.length > 0) {
      const types = i.errors.map((e) => (e.length === 1 && e[0]!.path.length === 0 ? e[0] : 0));
      if (types.every((t) => t && t.code === 'invalid_type')) {
        const names = types.map((t) => typeName((t as { expected: string }).expected));
        return [{ path, message: `expected ${names.join(' or ')}` }];
      }
      return flatten(bestMember(i.errors), path);
    }
    // One unknown field: the path points at it, not at the object holding it.
    const one = i.code === 'unrecognized_keys' && i.keys.length === 1 ? i.keys[0] : undefined;
    return [{ path: one === undefined ? path : [...path, one], message: wording(i) }];
  });
}

/**
 * Turns a zod failure into an `invalid_input` error listing every issue with its path.
 * zod's default messages are reworded so that each reads once after the catalogue's
 * `Invalid input:` (`expected an integer at terms.days`), and a union that no member
 * matched reports the issues of the member that came closest, at their own paths.
 *
 * @example
 * fromZodError(z.object({ days: z.number().int() }).safeParse({ days: 1.5 }).error!).message
 * //=> 'Invalid input: expected an integer at days'
 */
export function fromZodError(error: z.ZodError, prefix: ErrorPath = []): ErrorOf<'invalid_input'> {
  const issues = flatten(error.issues, prefix);
  return receivablesError('invalid_input', { issues }, issues[0]?.path ?? prefix);
}

/** Thrown only for programmer misuse: a state the types should have made impossible. */
export class InvariantError extends Error {
  override readonly name = 'InvariantError';
}

/** Asserts an internal invariant; throws {@link InvariantError} when it does not hold. */
export function invariant(condition: unknown, message: string): asserts condition {
  if (!condition) throw new InvariantError(message);
}
