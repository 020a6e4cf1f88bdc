/**
 * Rounding money to its currency's minor unit or to a cash increment (Swiss 0.05
 * francs, whole Swedish kronor), with a named mode. This is the one rounding
 * primitive of the library: every module rounds through {@link roundDecimal} or
 * {@link round}, so that the mode is always explicit. Which increment applies to cash
 * in which country is the host's choice; no table of national cash rules is kept.
 *
 * @module
 */
import { invariant } from '../errors/index.js';
import { type CurrencyOptions, formatAmount, type Money, toDecimal } from './amount.js';
import { ISO_CURRENCIES, minorUnitsOf } from './currency.js';
import { Dec, type DecimalInput, decimalRounding, type RoundingMode } from './decimal.js';

/** Options of {@link round}. */
export interface RoundOptions extends CurrencyOptions {
  /** Rounding mode; `half-up` (halves away from zero) by default. */
  readonly mode?: RoundingMode;
  /**
   * Round to a multiple of this increment instead of the minor unit: `"0.05"` for
   * Swiss cash, `"1"` for whole kronor. Must be positive.
   */
  readonly increment?: DecimalInput;
}

/**
 * Rounds a decimal to `minorUnits` decimal places, or to a multiple of `increment`.
 * A negative value rounds as the mirror of its absolute value in the symmetric modes
 * (`half-up`, `half-down`, `half-even`, `up`, `down`); `ceiling` and `floor` follow
 * the number line.
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
  if (increment === undefined) {
    return value.toDecimalPlaces(minorUnits, decimalRounding(mode));
  }
  const step = new Dec(increment);
  invariant(step.isFinite() && step.greaterThan(0), `Rounding increment must be positive`);
  return value.dividedBy(step).toDecimalPlaces(0, decimalRounding(mode)).times(step);
}

/**
 * Rounds money to its currency's minor unit, or to a cash increment, with a named mode.
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
