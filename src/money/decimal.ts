/**
 * The one decimal type of the library: a private decimal.js constructor with enough
 * precision for money (40 significant digits), so that no module touches the global
 * `Decimal` settings and no host setting can change our results.
 *
 * @module
 */
import { Decimal } from 'decimal.js';
import { err, ok, type Result } from 'neverthrow';
import { z } from 'zod';
import { type ErrorOf, type ErrorPath, invariant, receivablesError } from '../errors/index.js';

/** Decimal constructor used everywhere in `receivables` (precision 40, half-up). */
export const Dec: typeof Decimal = Decimal.clone({
  precision: 40,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -40,
  toExpPos: 40,
});
/** A decimal value as `receivables` computes with it. */
export type Dec = Decimal;

/** What a function accepts where a decimal amount is expected: a decimal string or a Decimal. */
export type DecimalInput = string | Decimal;

/**
 * Named rounding modes. `half-up` rounds halves away from zero (the commercial
 * default); `half-even` is banker's rounding; `half-down` rounds halves toward zero;
 * `up` is away from zero, `down` toward zero, `ceiling` toward +infinity, `floor`
 * toward -infinity.
 */
export type RoundingMode =
  | 'half-up'
  | 'half-even'
  | 'half-down'
  | 'up'
  | 'down'
  | 'ceiling'
  | 'floor';

/** All rounding modes, for validation and documentation. */
export const ROUNDING_MODES: readonly RoundingMode[] = [
  'half-up',
  'half-even',
  'half-down',
  'up',
  'down',
  'ceiling',
  'floor',
];

const modes: Record<RoundingMode, Decimal.Rounding> = {
  'half-up': Decimal.ROUND_HALF_UP,
  'half-even': Decimal.ROUND_HALF_EVEN,
  'half-down': Decimal.ROUND_HALF_DOWN,
  up: Decimal.ROUND_UP,
  down: Decimal.ROUND_DOWN,
  ceiling: Decimal.ROUND_CEIL,
  floor: Decimal.ROUND_FLOOR,
};

/**
 * The decimal.js rounding constant of a named mode; an unknown mode is misuse and
 * throws an `InvariantError` (decimal.js would silently use its default).
 *
 * @example
 * decimalRounding('half-even') === Decimal.ROUND_HALF_EVEN
 * //=> true
 */
export function decimalRounding(mode: RoundingMode): Decimal.Rounding {
  invariant(ROUNDING_MODES.includes(mode), `Unknown rounding mode ${inputText(mode)}`);
  return modes[mode];
}

/**
 * Outside input as text for an error message; never throws, even for an object whose
 * `toString` is broken.
 *
 * @example
 * inputText(Symbol('x'))
 * //=> 'Symbol(x)'
 */
export function inputText(value: unknown): string {
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

const PLAIN_DECIMAL = /^[+-]?\d+(\.\d+)?$/;

/**
 * Schema of a plain decimal string (`"1234.50"`, `"-0.5"`): digits with an optional
 * point, no exponent, no comma, no blanks. For amounts and rates inside larger schemas.
 */
export const decimalStringSchema: z.ZodType<string> = z
  .string()
  .regex(PLAIN_DECIMAL, 'expected a plain decimal string such as "1234.50"');

/**
 * Reads a decimal from outside input. Accepts plain decimal strings such as
 * `"1234.50"` or `"-0.5"` and Decimal values; refuses JavaScript numbers,
 * exponents (`"1e3"`), decimal commas (`"12,50"`), thousands separators, blanks,
 * `NaN` and infinities, each with an `invalid_amount` error naming the input.
 *
 * @param input - the value as it came in
 * @param path - where it came from, for the error
 * @param maxDecimals - refuse more fraction digits than this (for exact minor units)
 *
 * @example
 * parseDecimal('12.50').map(String)
 * //=> Ok('12.5')
 */
export function parseDecimal(
  input: unknown,
  path: ErrorPath = [],
  maxDecimals?: number,
): Result<Decimal, ErrorOf<'invalid_amount'>> {
  const fail = (reason: string) =>
    err(receivablesError('invalid_amount', { input: inputText(input), reason }, path));

  if (Decimal.isDecimal(input)) {
    const d = input as Decimal;
    if (!d.isFinite()) return fail('not a finite number');
    return checkDecimals(new Dec(d), maxDecimals, fail);
  }
  if (typeof input === 'number') {
    return fail('a JavaScript number cannot carry money exactly; pass a decimal string');
  }
  if (typeof input !== 'string') return fail(`expected a decimal string, got ${typeof input}`);
  if (input.trim() === '') return fail('empty');
  if (!PLAIN_DECIMAL.test(input)) {
    if (/^[+-]?\d+,\d+$/.test(input)) return fail('decimal comma; use a point');
    if (/[eE]/.test(input)) return fail('exponent notation is not accepted');
    return fail('not a plain decimal number');
  }

  return checkDecimals(new Dec(input), maxDecimals, fail);
}

function checkDecimals<E>(
  value: Decimal,
  maxDecimals: number | undefined,
  fail: (reason: string) => E,
): Result<Decimal, never> | E {
  if (maxDecimals !== undefined && value.decimalPlaces() > maxDecimals) {
    return fail(`more than ${maxDecimals} decimal places`);
  }
  return ok(value.isZero() ? new Dec(0) : value);
}
