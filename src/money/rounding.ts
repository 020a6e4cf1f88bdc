/**
 * Rounding money to its currency's minor unit or to a cash increment (Swiss 0.05
 * francs, whole Swedish kronor), with a named mode. This is the one rounding
 * primitive of the library: every module rounds through {@link roundDecimal} or
 * {@link round}, so that the mode is always explicit. Which increment applies to cash
 * in which country is the host's choice; no table of national cash rules is kept.
 *
 * @module
 */
import { err, ok, type Result } from 'neverthrow';
import { type ErrorOf, invariant, receivablesError } from '../errors/index.js';
import { type CurrencyOptions, formatAmount, type Money, toDecimal } from './amount.js';
import { ISO_CURRENCIES, minorUnitsOf } from './currency.js';
import {
  Dec,
  type DecimalInput,
  decimalRounding,
  inputText,
  ROUNDING_MODES,
  type RoundingMode,
} from './decimal.js';

/** Options of {@link round}. */
export interface RoundOptions extends CurrencyOptions {
  /** One of {@link ROUNDING_MODES}; `half-up` (halves away from zero) by default. */
  readonly mode?: RoundingMode;
  /**
   * Round to a multiple of this increment instead of the minor unit: `"0.05"` for
   * Swiss cash, `"1"` for whole kronor. A decimal string or Decimal, above zero and a
   * whole number of minor units (so `"0.5"` is refused for yen).
   */
  readonly increment?: DecimalInput;
}

const PLAIN = /^[+-]?\d+(\.\d+)?$/;

/** The problem with a rounding mode and increment for `minorUnits` decimals, if any. */
function roundingProblem(
  mode: unknown,
  increment: unknown,
  minorUnits: number,
): { field: 'mode' | 'increment'; reason: string } | undefined {
  if (mode !== undefined && !ROUNDING_MODES.includes(mode as RoundingMode)) {
    const known = ROUNDING_MODES.join(', ');
    return {
      field: 'mode',
      reason: `unknown rounding mode ${inputText(mode)}; use one of ${known}`,
    };
  }
  if (increment === undefined) return undefined;
  const step = Dec.isDecimal(increment)
    ? (increment as Dec)
    : typeof increment === 'string' && PLAIN.test(increment)
      ? new Dec(increment)
      : undefined;
  const unit = new Dec(10).pow(-minorUnits);
  if (!step?.isFinite() || !step.greaterThan(0) || !step.modulo(unit).isZero()) {
    const reason =
      'a rounding increment is a decimal above zero and a whole number of minor units ' +
      `(${unit.toFixed()}), got ${inputText(increment)}`;
    return { field: 'increment', reason };
  }
  return undefined;
}

/**
 * Rounds a decimal to `minorUnits` decimal places, or to a multiple of `increment`.
 * A negative value rounds as the mirror of its absolute value in the symmetric modes
 * (`half-up`, `half-down`, `half-even`, `up`, `down`); `ceiling` and `floor` follow
 * the number line. An unknown mode, or an increment that is not a positive whole
 * number of minor units, is programmer misuse and throws an `InvariantError`.
 *
 * @example
 * roundDecimal(new Dec('-2.345'), 2, 'half-up').toString()
 * //=> '-2.35'
 */
export function roundDecimal(
  value: Dec,
  minorUnits: number,
  mode: RoundingMode = 'half-up',
  increment?: DecimalInput,
): Dec {
  const problem = roundingProblem(mode, increment, minorUnits);
  invariant(problem === undefined, `Invalid rounding: ${problem?.reason}`);
  if (increment === undefined) {
    return value.toDecimalPlaces(minorUnits, decimalRounding(mode));
  }
  const step = new Dec(increment);
  return value.dividedBy(step).toDecimalPlaces(0, decimalRounding(mode)).times(step);
}

/**
 * Rounds money to its currency's minor unit, or to a cash increment, with a named mode.
 * Options from outside (a rounding policy in a config file) go through
 * {@link checkedRound}; here a bad mode or increment throws an `InvariantError`.
 *
 * @example
 * round(money('2.675', 'EUR'), { mode: 'half-even' })
 * //=> { amount: '2.68', currency: 'EUR' }
 * round(money('1.025', 'CHF'), { increment: '0.05' })
 * //=> { amount: '1.05', currency: 'CHF' }
 */
export function round(m: Money, options: RoundOptions = {}): Money {
  const units = minorUnitsOf(m.currency, options.currencies ?? ISO_CURRENCIES);
  const rounded = roundDecimal(toDecimal(m), units, options.mode, options.increment);
  return { amount: formatAmount(rounded, units), currency: m.currency };
}

/**
 * {@link round} with the mode and increment checked: an unknown mode, or an increment
 * that is not a positive whole number of the currency's minor units, is an
 * `invalid_policy` error at `mode` or `increment`.
 *
 * @example
 * checkedRound(money('1.3', 'JPY'), { increment: '0.5' }).isErr()
 * //=> true
 * checkedRound(money('1.03', 'CHF'), { increment: '0.05' })
 * //=> Ok({ amount: '1.05', currency: 'CHF' })
 */
export function checkedRound(
  m: Money,
  options: RoundOptions = {},
): Result<Money, ErrorOf<'invalid_policy'>> {
  const units = minorUnitsOf(m.currency, options.currencies ?? ISO_CURRENCIES);
  const problem = roundingProblem(options.mode, options.increment, units);
  if (problem) {
    return err(receivablesError('invalid_policy', { reason: problem.reason }, [problem.field]));
  }
  return ok(round(m, options));
}
