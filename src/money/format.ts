/**
 * Display formatting with `Intl`, using ISO minor units rather than Intl's own
 * (which differ for HUF, IDR, COP and others), and formatting the decimal string
 * itself so that no amount passes through a JavaScript number. Intl shows at most 20
 * decimals; an unrounded amount with more is shown rounded half-up to 20 (display
 * only: the amount itself is never changed).
 *
 * @module
 */
import { err, ok, type Result } from 'neverthrow';
import { type ErrorOf, type ErrorPath, invariant, receivablesError } from '../errors/index.js';
import { type CurrencyOptions, type Money, toDecimal } from './amount.js';
import { minorUnitsOf } from './currency.js';
import { decimalStringSchema, inputText } from './decimal.js';

/** The most decimals `Intl.NumberFormat` can show. */
const INTL_MAX_DECIMALS = 20;

/** Options of {@link formatMoney}. */
export interface FormatMoneyOptions extends CurrencyOptions {
  /** BCP 47 locale, e.g. `de-DE`; defaults to `en-US`. Check outside ones: {@link parseLocale}. */
  readonly locale?: string;
}

/**
 * Reads a BCP 47 locale tag from outside input (a customer record, a CLI flag) and
 * returns its canonical form, or an `invalid_input` error for a malformed tag.
 *
 * @example
 * parseLocale('de-de')
 * //=> Ok('de-DE')
 * parseLocale('xx_bad!!').isErr()
 * //=> true
 */
export function parseLocale(
  input: unknown,
  path: ErrorPath = [],
): Result<string, ErrorOf<'invalid_input'>> {
  const canonical = canonicalLocale(input);
  if (canonical !== undefined) return ok(canonical);
  const message = `expected a BCP 47 locale such as "de-DE", got ${inputText(input)}`;
  return err(receivablesError('invalid_input', { issues: [{ path, message }] }, path));
}

function canonicalLocale(input: unknown): string | undefined {
  if (typeof input !== 'string' || input === '') return undefined;
  try {
    return Intl.getCanonicalLocales(input)[0];
  } catch {
    return undefined;
  }
}

/**
 * Formats money for people, e.g. `1.234,50 €` in German, with at least the
 * currency's minor units of decimals and at most 20 (see the module note). A
 * malformed locale tag is programmer misuse and throws an `InvariantError`; read
 * locales from outside with {@link parseLocale}.
 *
 * @example
 * formatMoney({ amount: '1234.5', currency: 'EUR' }, { locale: 'de-DE' })
 * //=> '1.234,50 €'
 */
export function formatMoney(m: Money, options: FormatMoneyOptions = {}): string {
  const digits = minorUnitsOf(m.currency, options.currencies);
  const locale = canonicalLocale(options.locale ?? 'en-US');
  invariant(locale, `Not a BCP 47 locale: ${inputText(options.locale)}; check it with parseLocale`);
  invariant(
    decimalStringSchema.safeParse(m.amount).success,
    `Not an amount: ${inputText(m.amount)}`,
  );

  const shown = Math.min(INTL_MAX_DECIMALS, Math.max(digits, decimalsOf(m.amount)));
  const amount = decimalsOf(m.amount) > shown ? toDecimal(m).toFixed(shown) : m.amount;
  const known = /^[A-Z]{3}$/.test(m.currency);
  const formatter = new Intl.NumberFormat(locale, {
    style: known ? 'currency' : 'decimal',
    ...(known ? { currency: m.currency } : {}),
    minimumFractionDigits: Math.min(digits, INTL_MAX_DECIMALS),
    maximumFractionDigits: shown,
  });
  // Intl.NumberFormat v3 formats decimal strings exactly (no float conversion).
  const text = formatter.format(amount as unknown as number);
  return known ? text : `${text} ${m.currency}`;
}

function decimalsOf(amount: string): number {
  const dot = amount.indexOf('.');
  return dot < 0 ? 0 : amount.length - dot - 1;
}
