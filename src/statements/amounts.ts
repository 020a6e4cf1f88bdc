/**
 * Amounts as bank files write them, turned into the library's decimal strings:
 * SWIFT's decimal comma (`1213,28`, `800,`), BAI2's implied decimals, camt's plain
 * decimals. Amounts are formatted to the currency's minor units where the currency
 * is known (ISO 4217 or the host's registry) and kept as written otherwise, so that
 * historical codes such as DEM are read, not refused.
 *
 * @module
 */
import { type CurrencyRegistry, ISO_CURRENCIES } from '../money/currency.js';
import { Dec } from '../money/decimal.js';
import { formatAmount } from '../money/money.js';

const PLAIN = /^\d{1,30}(\.\d{1,15})?$/;
const SWIFT = /^(\d{1,15}),(\d{0,15})$/;

/**
 * Minor units of a currency, or undefined when the registry does not know it.
 *
 * @example
 * minorUnits('JPY')
 * //=> 0
 */
export function minorUnits(currency: string, registry?: CurrencyRegistry): number | undefined {
  return (registry ?? ISO_CURRENCIES).get(currency)?.minorUnits;
}

/**
 * Formats a non-negative decimal to the currency's minor units (no rounding).
 *
 * @example
 * formatIn(new Dec('5'), 'EUR')
 * //=> '5.00'
 */
export function formatIn(value: Dec, currency: string, registry?: CurrencyRegistry): string {
  const units = minorUnits(currency, registry);
  return units === undefined ? value.toFixed() : formatAmount(value, units);
}

/**
 * Reads an unsigned plain decimal (`"1405.31"`) for a currency; undefined when the
 * text is not one.
 *
 * @example
 * plainAmount('8.5', 'EUR')
 * //=> '8.50'
 */
export function plainAmount(
  text: string,
  currency: string,
  registry?: CurrencyRegistry,
): string | undefined {
  if (!PLAIN.test(text)) return undefined;
  return formatIn(new Dec(text), currency, registry);
}

/**
 * Reads a SWIFT amount with its mandatory decimal comma (`"1213,28"`, `"800,"`).
 *
 * @example
 * swiftAmount('800,', 'EUR')
 * //=> '800.00'
 */
export function swiftAmount(
  text: string,
  currency: string,
  registry?: CurrencyRegistry,
): string | undefined {
  const m = SWIFT.exec(text);
  if (!m) return undefined;
  return formatIn(new Dec(`${m[1]}.${m[2] || '0'}`), currency, registry);
}

/**
 * A signed decimal string: negative when `debit`.
 *
 * @example
 * signed('27.00', true)
 * //=> '-27.00'
 */
export function signed(amount: string, debit: boolean): string {
  return debit && !new Dec(amount).isZero() ? `-${amount}` : amount;
}
