import { describe, expect, it } from 'vitest';
import { ISO_4217 } from '../../src/money/currencies.generated.js';
import {
  currencyOf,
  defineCurrencies,
  formatMoney,
  ISO_CURRENCIES,
  isoCurrencyList,
  minorUnitsOf,
  money,
  parseCurrencies,
  parseMoney,
} from '../../src/money/index.js';
import fixture from '../fixtures/iso4217/iso4217.json' with { type: 'json' };

interface Row {
  code: string;
  numeric: string;
  name: string;
  minor_units: number | null;
}
const rows = fixture.currencies as Row[];
const intl = fixture.intl_numberformat_differences.codes as Record<
  string,
  { iso4217: number; intl: number }
>;

describe('ISO 4217 table', () => {
  it('has all 179 codes of the SIX list of 2024-06-25', () => {
    expect(rows).toHaveLength(179);
    expect(Object.keys(ISO_4217)).toHaveLength(179);
    expect(isoCurrencyList().map((c) => c.code)).toEqual(rows.map((r) => r.code).sort());
  });

  it('agrees with the reference list on numeric code, name and minor units', () => {
    for (const r of rows) {
      expect(ISO_4217[r.code], r.code).toEqual([r.numeric, r.minor_units, r.name]);
      const c = ISO_CURRENCIES.get(r.code);
      if (r.minor_units === null) expect(c, r.code).toBeUndefined();
      else expect(c?.minorUnits, r.code).toBe(r.minor_units);
    }
  });

  it('groups codes by minor units as the list does', () => {
    for (const [units, codes] of Object.entries(fixture.by_minor_units)) {
      const expected = units === 'N.A.' ? null : Number(units);
      for (const code of codes) expect(ISO_4217[code]?.[1], code).toBe(expected);
    }
  });

  it('uses ISO minor units for the 16 codes where Intl disagrees', () => {
    expect(Object.keys(intl)).toHaveLength(16);
    for (const [code, { iso4217 }] of Object.entries(intl)) {
      expect(minorUnitsOf(code), code).toBe(iso4217);
      expect(parseMoney('1', code)._unsafeUnwrap().amount).toBe(
        iso4217 === 0 ? '1' : `1.${'0'.repeat(iso4217)}`,
      );
    }
  });

  it('formats HUF with 2 decimals (ISO), not the 0 Intl would choose', () => {
    // Intl separates the code with a no-break space.
    const plain = (s: string) => s.replace(/\s/g, ' ');
    expect(plain(formatMoney(money('1234.5', 'HUF')))).toBe('HUF 1,234.50');
    expect(plain(formatMoney(money('1234.5', 'IQD')))).toBe('IQD 1,234.500');
    expect(formatMoney(money('1234.5', 'EUR'), { locale: 'de-DE' })).toBe('1.234,50\u00a0€');
  });

  it('knows the requested figures: JPY 0, EUR 2, KWD 3, CLF 4', () => {
    for (const [code, { minor_units }] of Object.entries(fixture.requested)) {
      expect(minorUnitsOf(code), code).toBe(minor_units);
    }
  });

  it('treats codes without minor units (N.A.) and lower case as unknown', () => {
    for (const code of ['XAU', 'XXX', 'XDR', 'eur', 'EURO', '', 'toString', 'constructor']) {
      expect(currencyOf(code)._unsafeUnwrapErr().code, code).toBe('unknown_currency');
    }
    expect(currencyOf(42)._unsafeUnwrapErr().currency).toBe('42');
  });
});

describe('host-registered currencies', () => {
  const currencies = defineCurrencies([
    { code: 'XBT', minorUnits: 8, name: 'Bitcoin' },
    { code: 'PTS', minorUnits: 0 },
    { code: 'XAU', minorUnits: 3 },
    { code: 'HUF', minorUnits: 0 },
  ]);

  it('adds own codes, gives N.A. codes a unit, overrides ISO and keeps the rest', () => {
    expect(currencies.get('XBT')?.minorUnits).toBe(8);
    expect(currencies.get('PTS')?.minorUnits).toBe(0);
    expect(currencies.get('XAU')?.minorUnits).toBe(3);
    expect(currencies.get('HUF')?.minorUnits).toBe(0);
    expect(currencies.get('EUR')?.minorUnits).toBe(2);
    expect(ISO_CURRENCIES.get('HUF')?.minorUnits).toBe(2);
    expect(currencies.get('ZZZ')).toBeUndefined();
  });

  it('parses amounts in a host currency only with its registry', () => {
    expect(parseMoney('0.1', 'XBT', { currencies })._unsafeUnwrap().amount).toBe('0.10000000');
    expect(parseMoney('0.1', 'XBT')._unsafeUnwrapErr().code).toBe('unknown_currency');
  });

  it('refuses bad definitions from config with invalid_input, and throws for literals', () => {
    const bad = parseCurrencies([
      { code: 'x', minorUnits: 2 },
      { code: 'ABC', minorUnits: 1.5 },
    ]);
    const error = bad._unsafeUnwrapErr();
    expect(error.code).toBe('invalid_input');
    expect(error.code === 'invalid_input' && error.issues.map((i) => i.path)).toEqual([
      [0, 'code'],
      [1, 'minorUnits'],
    ]);
    expect(parseCurrencies('EUR')._unsafeUnwrapErr().code).toBe('invalid_input');
    expect(() => defineCurrencies([{ code: 'ABC', minorUnits: 19 }])).toThrow(/minorUnits/);
  });

  it('stacks registries', () => {
    const more = defineCurrencies([{ code: 'MIL', minorUnits: 3 }], currencies);
    expect(more.get('MIL')?.minorUnits).toBe(3);
    expect(more.get('XBT')?.minorUnits).toBe(8);
  });
});
