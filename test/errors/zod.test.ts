import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fromZodError } from '../../src/errors/index.js';

const messageOf = (schema: z.ZodType, input: unknown, prefix: (string | number)[] = []) =>
  fromZodError(schema.safeParse(input).error!, prefix).message;

describe('fromZodError words each issue once', () => {
  it('says "Invalid input:" once, then zod default messages in our words', () => {
    const days = z.object({ days: z.number().int() });
    expect(messageOf(days, { days: 1.5 }, ['terms'])).toBe(
      'Invalid input: expected an integer at terms.days',
    );
    expect(messageOf(days, { days: '30' })).toBe(
      'Invalid input: expected a number, received string at days',
    );
    expect(messageOf(days, {})).toBe('Invalid input: missing: expected a number at days');
    expect(messageOf(days, null)).toBe('Invalid input: expected an object, received null');
  });

  it('words limits, options and unknown fields', () => {
    expect(messageOf(z.number().max(3660), 4000)).toBe('Invalid input: must be at most 3660');
    expect(messageOf(z.number().gt(0), 0)).toBe('Invalid input: must be above 0');
    expect(messageOf(z.array(z.string()).min(1), [])).toBe(
      'Invalid input: must have at least 1 item',
    );
    expect(messageOf(z.enum(['following', 'preceding']), 'nearest')).toBe(
      'Invalid input: expected one of "following", "preceding"',
    );
    expect(messageOf(z.literal('net'), 'nett')).toBe('Invalid input: expected "net"');
    expect(messageOf(z.strictObject({}), { a: 1, b: 2 })).toBe(
      'Invalid input: unknown fields "a", "b"',
    );
  });

  it('keeps a message the schema wrote itself', () => {
    const positive = z.number().min(1, 'a count is at least 1');
    expect(messageOf(positive, 0)).toBe('Invalid input: a count is at least 1');
    const custom = z.string().refine(() => false, 'not today');
    expect(messageOf(custom, 'x')).toBe('Invalid input: not today');
  });

  it('names the expected kinds of a discriminated union at the discriminator', () => {
    const terms = z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('net'), days: z.number() }),
      z.object({ kind: z.literal('eom') }),
    ]);
    const e = fromZodError(terms.safeParse({ kind: 'x' }).error!, ['terms']);
    expect(e.path).toEqual(['terms', 'kind']);
    expect(e.message).toBe('Invalid input: expected one of "net", "eom" at terms.kind');
  });

  it('surfaces the issue of the union member that came closest, at its own path', () => {
    const inner = z.strictObject({ kind: z.literal('net'), days: z.number().int() });
    const part = z.union([
      z.strictObject({ percent: z.string(), terms: inner }),
      z.strictObject({ amount: z.string(), terms: inner }),
    ]);
    const schema = z.object({ instalments: z.array(part) });
    const input = { instalments: [{ percent: '100', terms: { kind: 'net', days: 'x' } }] };
    const e = fromZodError(schema.safeParse(input).error!, ['terms']);
    // The percent member fails only at terms.days; the amount member fails three times.
    expect(e.issues).toEqual([
      {
        path: ['terms', 'instalments', 0, 'terms', 'days'],
        message: 'expected a number, received string',
      },
    ]);
    expect(e.message).toBe(
      'Invalid input: expected a number, received string at terms.instalments[0].terms.days',
    );
  });

  it('joins the expected types of a plain union of types', () => {
    expect(messageOf(z.union([z.string(), z.number()]), null, ['x'])).toBe(
      'Invalid input: expected a string or a number at x',
    );
  });
});
