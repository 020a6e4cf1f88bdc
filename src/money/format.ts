/**
 * Display formatting with `Intl`, using ISO minor units rather than Intl's own
 * (which differ for HUF, IDR, COP and others), and formatting the decimal string
 * itself so that no amount passes through a JavaScript number.
 *
 * @module
 */

import type { CurrencyOptions, Money } from './amount.js';
import { minorUnitsOf } from './currency.js';

/** Options of {@link formatMoney}. */
export interface FormatMoneyOptions extends CurrencyOptions {
  /** BCP 47 locale, e.g. `de-DE`; defaults to `en-US`. */
  readonly locale?: string;
}

/**
 * Formats money for people, e.g. `1.234,50 €` in German.
 *
 * @example
 * formatMoney({ amount: '1234.5', currency: 'EUR' }, { locale: 'de-DE' })
 * //=> '1.234,50 €'
 */
export function formatMoney(m: Money, options: FormatMoneyOptions = {}): string {
  const digits = minorUnitsOf(m.currency, options.currencies);
  const known = /^[A-Z]{3}$/.test(m.currency);
  const formatter = new Intl.NumberFormat(options.locale ?? 'en-US', {
    style: known ? 'currency' : 'decimal',
    ...(known ? { currency: m.currency } : {}),
    minimumFractionDigits: digits,
    maximumFractionDigits: Math.max(digits, decimalsOf(m.amount)),
  });
  // Intl.NumberFormat v3 formats decimal strings exactly (no float conversion).
  const text = formatter.format(m.amount as unknown as number);
  return known ? text : `${text} ${m.currency}`;
}

function decimalsOf(amount: string): number {
  const dot = amount.indexOf('.');
  return dot < 0 ? 0 : amount.length - dot - 1;
}
