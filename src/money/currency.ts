/**
 * Currencies and their minor units. ISO 4217 minor units come from the SIX list
 * (generated table), never from `Intl`, which disagrees for HUF, IDR, COP and others.
 * A host adds its own units (a loyalty point, a crypto asset with 8 decimals) by
 * building a registry with {@link defineCurrencies}; there is no global state.
 *
 * @module
 */
import { err, ok, type Result } from 'neverthrow';
import { type ErrorOf, type ErrorPath, receivablesError } from '../errors/index.js';
import { ISO_4217 } from './currencies.generated.js';

/** A currency: its code and how many decimal places its minor unit has. */
export interface Currency {
  /** ISO 4217 alphabetic code, or a host's own code. */
  readonly code: string;
  /** Decimal places of the minor unit: 2 for EUR (cents), 0 for JPY, 3 for KWD. */
  readonly minorUnits: number;
  /** ISO 4217 numeric code, where there is one. */
  readonly numeric?: string;
  /** English name. */
  readonly name?: string;
}

/** Looks up currencies by code. Build one with {@link defineCurrencies}. */
export interface CurrencyRegistry {
  /** The currency of a code, or undefined when unknown or without minor units. */
  get(code: string): Currency | undefined;
}

const isoCache = new Map<string, Currency>();

function isoCurrency(code: string): Currency | undefined {
  const cached = isoCache.get(code);
  if (cached) return cached;
  const row = Object.hasOwn(ISO_4217, code) ? ISO_4217[code] : undefined;
  if (!row || row[1] === null) return undefined;
  const currency: Currency = Object.freeze({
    code,
    numeric: row[0],
    minorUnits: row[1],
    name: row[2],
  });
  isoCache.set(code, currency);
  return currency;
}

/** The ISO 4217 currencies (179 codes of the SIX list of 2024-06-25). */
export const ISO_CURRENCIES: CurrencyRegistry = Object.freeze({ get: isoCurrency });

/**
 * A registry with the ISO currencies plus the host's own. A host code may also
 * override an ISO code's minor units (for example to account in whole HUF).
 *
 * @example
 * const currencies = defineCurrencies([{ code: 'XBT', minorUnits: 8 }]);
 * currencies.get('XBT')?.minorUnits
 * //=> 8
 */
export function defineCurrencies(
  extra: readonly Currency[],
  base: CurrencyRegistry = ISO_CURRENCIES,
): CurrencyRegistry {
  const own = new Map<string, Currency>();
  for (const c of extra) {
    if (!/^[A-Z0-9]{3,12}$/.test(c.code)) {
      throw new RangeError(`Currency code ${JSON.stringify(c.code)} must be 3-12 A-Z/0-9`);
    }
    if (!Number.isInteger(c.minorUnits) || c.minorUnits < 0 || c.minorUnits > 18) {
      throw new RangeError(`Minor units of ${c.code} must be an integer 0..18`);
    }
    own.set(c.code, Object.freeze({ ...c }));
  }
  return Object.freeze({ get: (code: string) => own.get(code) ?? base.get(code) });
}

/**
 * The currency of a code, or an `unknown_currency` error. Codes are case-sensitive
 * upper case, as ISO 4217 writes them.
 *
 * @example
 * currencyOf('KWD').map((c) => c.minorUnits)
 * //=> Ok(3)
 */
export function currencyOf(
  code: unknown,
  registry: CurrencyRegistry = ISO_CURRENCIES,
  path: ErrorPath = [],
): Result<Currency, ErrorOf<'unknown_currency'>> {
  const c = typeof code === 'string' ? registry.get(code) : undefined;
  return c ? ok(c) : err(receivablesError('unknown_currency', { currency: String(code) }, path));
}

/** Minor units of a known currency code; throws for an unknown one (programmer misuse). */
export function minorUnitsOf(code: string, registry: CurrencyRegistry = ISO_CURRENCIES): number {
  const c = registry.get(code);
  if (!c) throw new RangeError(`Unknown currency ${code}`);
  return c.minorUnits;
}
