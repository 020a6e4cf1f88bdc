/**
 * Currencies and their minor units (ISO 4217, Table A.1). Minor units come from the
 * SIX list (generated table), never from `Intl`, which disagrees for HUF, IDR, COP and
 * 13 other codes. The 13 codes the list marks "N.A." (gold, SDR, XXX...) have no minor
 * unit, so they cannot carry an amount until a host registers one for them. A host adds
 * its own units (a loyalty point, an 8-decimal crypto asset) by building a registry
 * with {@link defineCurrencies} or {@link parseCurrencies}; there is no global state.
 * Left out: historic codes (Table A.3) and cash rounding rules per country.
 *
 * @module
 */
import { err, ok, type Result } from 'neverthrow';
import { z } from 'zod';
import {
  type ErrorOf,
  type ErrorPath,
  fromZodError,
  invariant,
  receivablesError,
} from '../errors/index.js';
import { ISO_4217 } from './currencies.generated.js';
import { inputText } from './decimal.js';

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

/** One row of the ISO 4217 list; `minorUnits` is null where the list says "N.A.". */
export interface IsoCurrencyEntry {
  readonly code: string;
  readonly numeric: string;
  readonly minorUnits: number | null;
  readonly name: string;
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
 * Every row of the ISO 4217 list, sorted by code, including the "N.A." codes.
 *
 * @example
 * isoCurrencyList().length
 * //=> 179
 */
export function isoCurrencyList(): readonly IsoCurrencyEntry[] {
  return Object.entries(ISO_4217).map(([code, [numeric, minorUnits, name]]) => ({
    code,
    numeric,
    minorUnits,
    name,
  }));
}

const CODE = /^[A-Z0-9]{3,12}$/;

/** Schema of a host-defined currency: code of 3-12 `A-Z`/`0-9`, minor units 0..18. */
export const currencyDefinitionSchema: z.ZodType<Currency> = z.object({
  code: z.string().regex(CODE, 'a currency code is 3-12 characters A-Z or 0-9'),
  minorUnits: z.number().int().min(0).max(18),
  numeric: z.string().optional(),
  name: z.string().optional(),
});

/**
 * A registry with the ISO currencies plus the host's own. A host code may also
 * override an ISO code's minor units (for example to account in whole HUF) or give
 * one of the "N.A." codes a unit (XAU in thousandths of an ounce). Throws on an
 * invalid definition (a literal in code); use {@link parseCurrencies} for config.
 *
 * @param extra - the host's currencies
 * @param base - the registry they extend; ISO 4217 by default
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
  const parsed = parseCurrencies(extra, base);
  invariant(parsed.isOk(), parsed.isErr() ? parsed.error.message : '');
  return parsed.value;
}

/**
 * Reads host currency definitions from outside input (a config file) into a registry.
 *
 * @example
 * parseCurrencies([{ code: 'PTS', minorUnits: 0 }]).map((r) => r.get('PTS')?.minorUnits)
 * //=> Ok(0)
 */
export function parseCurrencies(
  input: unknown,
  base: CurrencyRegistry = ISO_CURRENCIES,
): Result<CurrencyRegistry, ErrorOf<'invalid_input'>> {
  const parsed = z.array(currencyDefinitionSchema).safeParse(input);
  if (!parsed.success) return err(fromZodError(parsed.error));

  const own = new Map<string, Currency>();
  for (const c of parsed.data) own.set(c.code, Object.freeze({ ...c }));
  return ok(Object.freeze({ get: (code: string) => own.get(code) ?? base.get(code) }));
}

/**
 * The currency of a code, or an `unknown_currency` error. Codes are case-sensitive
 * upper case, as ISO 4217 writes them. An "N.A." code (XAU, XXX) counts as unknown.
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
  return c ? ok(c) : err(receivablesError('unknown_currency', { currency: inputText(code) }, path));
}

/**
 * Minor units of a known currency code. An unknown code here is programmer misuse
 * (money that was never validated), so it throws an `InvariantError`.
 *
 * @example
 * minorUnitsOf('JPY')
 * //=> 0
 */
export function minorUnitsOf(code: string, registry: CurrencyRegistry = ISO_CURRENCIES): number {
  const c = registry.get(code);
  invariant(c, `Unknown currency ${code}: validate it with currencyOf or parseMoney`);
  return c.minorUnits;
}
