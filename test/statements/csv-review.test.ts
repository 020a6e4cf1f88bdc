import { describe, expect, it } from 'vitest';
import { type CsvMapping, readCsvStatement, readStatement } from '../../src/statements/index.js';

const US: CsvMapping = {
  columns: { bookingDate: 'date', amount: 'amount' },
  dateFormat: 'MM/DD/YYYY',
  currency: 'USD',
};
const amounts = (csv: string, m: CsvMapping = US) =>
  readCsvStatement(csv, m)
    ._unsafeUnwrap()
    .statements[0]?.transactions.map((t) => `${t.direction} ${t.amount}`);

describe('readCsvStatement review findings', () => {
  it('refuses a row with more fields than the header (unquoted 1,234.50), naming the line', () => {
    const e = readCsvStatement('date,amount\n01/02/2024,5.00\n01/03/2024,1,234.50\n', US);
    expect(e._unsafeUnwrapErr()).toMatchObject({ code: 'parse_error', line: 3 });
    expect(e._unsafeUnwrapErr().message).toContain('3 fields where the header has 2');
  });

  it('refuses a row with fewer fields than the header', () => {
    const e = readCsvStatement('date,amount,text\n01/02/2024,5.00\n', {
      ...US,
      columns: { ...US.columns, remittanceText: 'text' },
    });
    expect(e._unsafeUnwrapErr()).toMatchObject({ code: 'parse_error', line: 2 });
  });

  it('refuses more decimals than the currency has: USD 100.001, JPY 100.50', () => {
    const usd = readCsvStatement('date,amount\n01/02/2024,100.001\n', US)._unsafeUnwrapErr();
    expect(usd).toMatchObject({ code: 'invalid_amount', input: '100.001', path: ['amount'] });
    expect(usd.message).toContain('line 2: 3 decimals, USD has 2');
    const jpy = readCsvStatement('date,amount\n01/02/2024,100.50\n', { ...US, currency: 'JPY' });
    expect(jpy._unsafeUnwrapErr().message).toContain('2 decimals, JPY has 0');
  });

  it('refuses two minus signs instead of reading a credit', () => {
    for (const raw of ['-12.50-', '(-12.50)']) {
      const e = readCsvStatement(`date,amount\n01/02/2024,${raw}\n`, US)._unsafeUnwrapErr();
      expect(e).toMatchObject({ code: 'invalid_amount', input: raw });
    }
    // One sign still reads as a debit of 12.50.
    expect(amounts('date,amount\n01/02/2024,(12.50)\n01/03/2024,12.50-\n')).toEqual([
      'debit 12.50',
      'debit 12.50',
    ]);
  });

  it('says a date in the layout but not in the calendar is not a calendar date', () => {
    const e = readCsvStatement('date,amount\n02/30/2024,1.00\n', US)._unsafeUnwrapErr();
    expect(e.message).toContain('booking date "02/30/2024" is not a calendar date');
    const f = readCsvStatement('date,amount\n2024-02-01,1.00\n', US)._unsafeUnwrapErr();
    expect(f.message).toContain('is not MM/DD/YYYY');
  });

  it('skips footer rows and reads separate debit (Soll) and credit (Haben) columns', () => {
    const m: CsvMapping = {
      columns: { bookingDate: 'Buchung', debitAmount: 'Soll', creditAmount: 'Haben' },
      delimiter: ';',
      decimalSeparator: ',',
      thousandsSeparator: '.',
      dateFormat: 'DD.MM.YYYY',
      currency: 'EUR',
      skipFooterRows: 1,
    };
    const csv =
      'Buchung;Soll;Haben\n02.01.2024;1.234,50;\n03.01.2024;;99,00\nSumme;1.234,50;99,00\n\n';
    expect(amounts(csv, m)).toEqual(['debit 1234.50', 'credit 99.00']);
    const both = readCsvStatement('Buchung;Soll;Haben\n02.01.2024;1,00;2,00\n', {
      ...m,
      skipFooterRows: 0,
    });
    expect(both._unsafeUnwrapErr()).toMatchObject({ code: 'parse_error', line: 2 });
  });

  it('refuses a mapping that is null with a clear invalid_input', () => {
    const e = readCsvStatement('a', null as unknown as CsvMapping)._unsafeUnwrapErr();
    expect(e.code).toBe('invalid_input');
  });

  it('reads as CSV when a mapping is given without a format, even if it looks like BAI2', () => {
    const m: CsvMapping = {
      columns: { bookingDate: 1, amount: 2 },
      header: false,
      currency: 'USD',
    };
    const file = readStatement('01,2024-01-02,7.00\n', { csv: m })._unsafeUnwrap();
    expect(file.format).toBe('csv');
    expect(file.statements[0]?.transactions[0]?.amount).toBe('7.00');
  });
});
