/**
 * The shape of money: the {@link Money} type, its JSON schema, and the two
 * conversions every money operation builds on.
 *
 * @module
 */
import { z } from 'zod';
import type { CurrencyRegistry } from './currency.js';
import { Dec, decimalStringSchema } from './decimal.js';

/** An amount of money: a plain decimal string (e.g. `"1234.50"`) and a currency code. */
export interface Money {
  /** Decimal string, at least the currency's minor units of decimals. */
  readonly amount: string;
  /** ISO 4217 (or host-registered) currency code. */
  readonly currency: string;
}

/** Schema of the JSON shape of {@link Money}; it does not look the currency up. */
export const moneySchema: z.ZodType<Money> = z.object({
  amount: decimalStringSchema,
  currency: z.string().min(1),
});

/** Options for functions that need to know a currency's minor units. */
export interface CurrencyOptions {
  /** Where to look currencies up; defaults to ISO 4217. */
  readonly currencies?: CurrencyRegistry;
}

/**
 * Formats a decimal as an amount string of a currency: at least `minorUnits`
 * decimals, more only when the value has them (unrounded intermediate results).
 *
 * @example
 * formatAmount(new Dec('2.5'), 2)
 * //=> '2.50'
 */
export function formatAmount(value: Dec, minorUnits: number): string {
  return value.decimalPlaces() <= minorUnits ? value.toFixed(minorUnits) : value.toFixed();
}

/**
 * The amount as a decimal, for computation.
 *
 * @example
 * toDecimal(money('1.10', 'EUR')).plus('0.2').toString()
 * //=> '1.3'
 */
export function toDecimal(m: Money): Dec {
  return new Dec(m.amount);
}
